"""Chapter 5 (trade promotion agencies): the two printings of the 2015 agency statistics
reconciled cell by cell, the derived register checked against every table it copies, the agency
rows joined to the institutions register, the cross-table and narrative checks recomputed, and
the notebook run with non-default parameters."""
import csv
import json

import pandas as pd
import pytest
from executed import read_executed

from kolac import checks, claims, corrections
from kolac.checks import compare_printings
from kolac.data import load
from kolac.labels import country_codes
from kolac.catalog import resource
from kolac.documents import line as source_line

T12 = "eclac2016_t12_tpa_statistics_2015"
T20 = "eclac2018_t20_tpa_statistics_2015"
A4 = "itc2015_ta4_tpas_by_country"
T6 = "itc2015_t06_sme_public_support"
T32 = "eclac2018_t32_kotra_sme_export_programs"
T34 = "eclac2018_t34_kotra_ofdi_measures"
REG = "eclac2018_t20_agency_register"
INST, MENT = "institutions_register", "institutions_mentions"
SOURCE_OF = {T12: "eclac-2016-korea-celac", T20: "eclac-2018-korea-lac", A4: "itc-2015-smes-gvc-latam"}
YEAR_COLUMN = {T12: "founded_printed", T20: "founded_printed", A4: "year_established"}
COMPARED = ["country", "agency", "founded_printed", "staff", "offices_abroad_2010", "offices_abroad_2015",
            "offices_home", "budget_exports_pct"]

# Every cell where the two printings differ: (iso3, column): (eclac-2016 Table 12, eclac-2018 Table 20)
KNOWN_DIFFERENCES = {
    ("BOL", "country"): ("Bolivia (Plur. State of)", "Bolivia"),
    ("BOL", "founded_printed"): ("1998", "2008"),
    ("COL", "founded_printed"): ("1992-2015", "2015"),
    ("DOM", "country"): ("Dominican Rep.", "Dominican Rep"),
    ("SLV", "founded_printed"): ("2004", "2015"),
    ("SLV", "offices_abroad_2015"): ("13", "7"),
    ("NIC", "agency"): ("PRONICARAĜUA, ĈEI", "CEI"),
    ("KOR", "country"): ("Republic of Korea", "Korea"),
}


def raw(name):
    with open(resource(name)["_csv"], newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def by_iso(name):
    return {r["iso3"]: r for r in raw(name)}


def test_two_printings_differ_exactly_in_the_known_cells():
    a, b = by_iso(T12), by_iso(T20)
    assert set(a) == set(b) and len(a) == 19
    found = {(iso, c): (a[iso][c], b[iso][c]) for iso in a for c in COMPARED if a[iso][c] != b[iso][c]}
    assert found == KNOWN_DIFFERENCES


def test_library_comparison_finds_the_same_differences():
    """kolac.checks.compare_printings (the notebook's reconciliation) on the loaded, typed copies finds
    exactly the cells the strict comparison of the raw CSV strings finds: its normalisation of numbers
    and texts hides no difference here and invents none."""
    d = compare_printings(load(T12, corrected=False), load(T20, corrected=False), key="iso3", columns=COMPARED,
                          names=("eclac2016", "eclac2018"))
    assert {(r.iso3, r.column): (str(r.eclac2016), str(r.eclac2018)) for r in d.itertuples()} == KNOWN_DIFFERENCES


def test_library_comparison_catches_a_changed_cell():
    """A transcription change in either copy adds a row to the comparison (so the notebook's
    assert on the set of differences would stop it); a reconciled cell that becomes equal drops one."""
    a, b = load(T12, corrected=False), load(T20, corrected=False)
    a.loc[a["iso3"] == "CHL", "staff"] += 1
    b.loc[b["iso3"] == "SLV", "offices_abroad_2015"] = 13
    d = compare_printings(a, b, key="iso3", columns=COMPARED)
    found = set(zip(d["iso3"], d["column"]))
    assert found == (set(KNOWN_DIFFERENCES) - {("SLV", "offices_abroad_2015")}) | {("CHL", "staff")}


@pytest.mark.audit
def test_differences_stand_on_their_printed_lines():
    """Each differing value is printed on the row's lines of its own copy."""
    a, b = by_iso(T12), by_iso(T20)
    for (iso, col), (v16, v18) in KNOWN_DIFFERENCES.items():
        if col == "founded_printed" and iso == "COL":
            assert "(1992-" in source_line("eclac-2016-korea-celac", 671) and "2015)" in source_line("eclac-2016-korea-celac", 672)
        else:
            assert v16 in source_line("eclac-2016-korea-celac", int(a[iso]["line"]))
        text18 = "\n".join(source_line("eclac-2018-korea-lac", n) for n in range(int(b[iso]["line"]), int(b[iso]["line"]) + 11))
        assert v18 in text18, (iso, col)


def test_no_correction_is_entered_for_the_tpa_tables():
    """The copies' contradictions are listed, not corrected: no third source settles them. The
    chapter's known-defects frame (what the notebook's section 9 shows) is built from the same files."""
    mine = {T12, T20, A4, T6, T32, T34, REG}
    assert not [c.id for c in corrections.register() if c.resource in mine]
    assert not (corrections.known_defects("tpas")["status"] == "corrected").any()


def test_korea_row_of_table_20_is_inferred_from_table_12():
    a, b = load(T12).set_index("iso3"), load(T20).set_index("iso3")
    assert list(b.index[b["inferred"]]) == ["KOR"] and not a["inferred"].any()
    for c in ("staff", "offices_abroad_2015", "offices_home", "budget_exports_pct"):
        assert b.at["KOR", c] == a.at["KOR", c]
    assert (b.at["KOR", "staff"], b.at["KOR", "offices_abroad_2015"], b.at["KOR", "offices_home"]) == (685, 125, 8)
    assert pd.isna(a.at["KOR", "offices_abroad_2010"]) and pd.isna(b.at["KOR", "offices_abroad_2010"])


@pytest.mark.parametrize("name", [T12, T20])
def test_founded_is_an_integer_only_where_one_year_is_printed(name):
    for r in raw(name):
        if r["founded_printed"].isdigit():
            assert r["founded"] == r["founded_printed"]
        else:
            assert r["founded"] == "" and r["iso3"] == "COL" and r["founded_printed"] == "1992-2015"


def test_not_available_codes_are_kept_as_printed():
    assert by_iso(T12)["HND"]["staff"] == "S/I" and by_iso(T20)["HND"]["staff"] == "S/I"
    t6 = by_iso(T6)
    assert [i for i, r in t6.items() if r["sme_support_gdp_pct"] == "-"] == ["ARG", "BOL", "ECU", "PRY", "PER"]
    assert pd.isna(load(T12).set_index("iso3").at["HND", "staff"])


def test_register_copies_every_table_cell():
    reg = {r["iso3"]: r for r in raw(REG)}
    sources = {"eclac2016": by_iso(T12), "eclac2018": by_iso(T20), "itc_a4": by_iso(A4), "itc_t6": by_iso(T6)}
    assert set(reg) == set(sources["eclac2018"]) | set(sources["itc_t6"]) | set(sources["itc_a4"])
    assert set(reg) <= country_codes()
    for iso, r in reg.items():
        assert r["agency_id"] == f"TPA-{iso}"
        for key, table in sources.items():
            row = table.get(iso, {})
            assert r[f"agency_{key}"] == row.get("agency", "")
        assert r["founded_eclac2016"] == sources["eclac2016"].get(iso, {}).get("founded_printed", "")
        assert r["founded_eclac2018"] == sources["eclac2018"].get(iso, {}).get("founded_printed", "")
        assert r["founded_itc_a4"] == sources["itc_a4"].get(iso, {}).get("year_established", "")
        assert r["line"] == sources["eclac2018"].get(iso, {}).get("line", "")
        assert r["line_eclac2016"] == sources["eclac2016"].get(iso, {}).get("line", "")
        assert r["line_itc_a4"] == sources["itc_a4"].get(iso, {}).get("line", "")
        assert r["line_itc_t6"] == sources["itc_t6"].get(iso, {}).get("line", "")
        assert r["name"] == (r["agency_eclac2018"] or r["agency_itc_t6"])
        years = {y for y in (r["founded_eclac2016"], r["founded_eclac2018"], r["founded_itc_a4"]) if y}
        assert r["founded_differ"] == ("" if not years else str(len(years) > 1).lower())
    assert sorted(i for i, r in reg.items() if r["founded_differ"] == "true") == ["BOL", "COL", "ECU", "SLV"]


def test_itc_tables_agree_on_budgets():
    a4, t6 = load(A4).set_index("iso3"), load(T6).set_index("iso3")
    shared = sorted(set(a4.index) & set(t6.index))
    assert shared == ["ARG", "BOL", "BRA", "CHL", "COL", "ECU", "PER", "PRY", "URY"]
    assert (a4.loc[shared, "budget_usd_m"] == t6.loc[shared, "agency_budget_usd_m"]).all()
    assert a4["year_established"].tolist().count("1998-2008") == 1 and "1997-2011" in a4["year_established"].tolist()


def test_recomputed_averages_and_counts():
    for name in (T12, T20):
        df = load(name)
        lac = df[df["iso3"] != "KOR"]
        assert len(lac) == 18
        assert float(lac["budget_exports_pct"].mean()) == pytest.approx(1.578 / 18)  # 0.0877, printed as 0.08
        assert float(lac["budget_exports_pct"].median()) == pytest.approx(0.060)
        top = lac.sort_values("offices_abroad_2015", ascending=False)["iso3"].head(5).tolist()
        assert top == ["CHL", "MEX", "PER", "ECU", "COL"]
    assert int(load(T12)["offices_abroad_2015"].sum()) == 125 + 237  # LAC 237 with El Salvador 13
    assert int(load(T20)["offices_abroad_2015"].sum()) == 125 + 231  # LAC 231 with El Salvador 7


def test_budget_shares_2007_2009_against_2015():
    """The six agencies the narratives name are all lower in 2015 than in ITC's 2007-2009."""
    both = load(T12)[["iso3", "budget_exports_pct"]].merge(load(A4)[["iso3", "budget_exports_pct"]], on="iso3",
                                                            suffixes=("_2015", "_0709"))
    fell = sorted(both.loc[both["budget_exports_pct_2015"] < both["budget_exports_pct_0709"], "iso3"])
    assert fell == ["ARG", "BRA", "CHL", "COL", "CRI", "HND", "MEX", "PAN"]


def test_claims_recompute_the_table_values():
    """The audit's recomputed values equal the same quantities computed here directly from the tables
    (the statuses are checked against tests/golden/claim_statuses.csv)."""
    audit = claims.audit("tpas").set_index("claim_id")
    t12, t20 = load(T12).set_index("iso3"), load(T20).set_index("iso3")
    t6 = load(T6)
    direct = {
        "TPA-003": float(t12.drop(index="KOR")["budget_exports_pct"].mean()),
        "TPA-015": float(t20.drop(index="KOR")["budget_exports_pct"].mean()),
        "TPA-028": float(t20.at["CRI", "offices_abroad_2015"]),   # Procomer: 10 printed, 14 claimed
        "TPA-033": float(t20.at["KOR", "offices_abroad_2015"]),   # KOTRA: 125 printed, 123 claimed
        "TPA-035": float(t20.at["KOR", "offices_abroad_2015"]),   # ... and 124 claimed
        "TPA-040": float(t6.loc[t6["line"] < 284, "sme_support_gdp_pct"].min()),
    }
    assert {k: audit.loc[k, "recomputed"] for k in direct} == pytest.approx(direct, abs=1e-6)
    assert (direct["TPA-028"], direct["TPA-033"]) == (10, 125)
    assert direct["TPA-003"] == pytest.approx(0.087667, abs=1e-6) and direct["TPA-040"] == pytest.approx(0.008)


def test_programme_tables_structure():
    t32 = load(T32).set_index("letter")
    assert list(t32.index) == list("abcdefghij")
    assert t32["content"].isna().tolist() == [False, True, True, False, True, False, False, False, False, False]
    assert sorted(t32.index[t32["inferred"]]) == ["d", "e", "f"]
    t34 = load(T34)
    assert len(t34) == 6 and pd.isna(t34["content"].iloc[-1])


# --- the agency rows in the institutions register ---------------------------------------------------

def join_rows(name):
    """{row line: [(institution_id, name_printed)]} for one agency table, from the raw CSVs: a mention
    tied to the table, on a line from the row's line to the line before the next row's (the last row:
    to the table's last line), whose printed name stands in the row's agency cell."""
    rows = sorted(raw(name), key=lambda r: int(r["line"]))
    stops = [int(r["line"]) for r in rows[1:]] + [resource(name)["lines"][1] + 1]
    tied = [m for m in raw(MENT) if m["resource"] == name]
    return {int(r["line"]): [(m["institution_id"], m["name_printed"]) for m in tied
                             if int(r["line"]) <= int(m["line"]) < stop and m["name_printed"] in r["agency"]]
            for r, stop in zip(rows, stops)}


def test_join_covers_every_agency_row():
    """Every agency row of eclac-2016 Table 12, eclac-2018 Table 20 and ITC Table A4 names at least
    one institution of the register (ITC Table 6 too, but for its United States row, which names no
    single body); every institution so named is a trade promotion agency; every row of the derived
    agency register reaches the register through the table lines it records."""
    inst = {r["institution_id"]: r for r in raw(INST)}
    joined = {name: join_rows(name) for name in (T12, T20, A4, T6)}
    for name in (T12, T20, A4):
        assert len(joined[name]) == len(raw(name)) and all(joined[name].values()), name
    assert [line for line, ids in joined[T6].items() if not ids] == [286]
    assert by_iso(T6)["USA"]["agency"] == "Various government agencies"
    assert (len(joined[T12]), sum(map(len, joined[T12].values()))) == (19, 20)  # Nicaragua's cell: two bodies
    assert {inst[i]["type"] for rows in joined.values() for ids in rows.values() for i, _ in ids} == {"trade_promotion_agency"}
    assert {inst[i]["iso3"] for rows in joined.values() for line, ids in rows.items() for i, _ in ids} == \
        {r["iso3"] for r in raw(REG)} - {"USA"}
    # each row's institutions are of the row's country
    for name, rows in joined.items():
        iso = {int(r["line"]): r["iso3"] for r in raw(name)}
        assert all(inst[i]["iso3"] == iso[line] for line, ids in rows.items() for i, _ in ids), name
    columns = {T20: "line", T12: "line_eclac2016", A4: "line_itc_a4", T6: "line_itc_t6"}
    linked = {r["agency_id"]: {i for t, c in columns.items() if r[c] for i, _ in joined[t][int(r[c])]} for r in raw(REG)}
    assert [a for a, ids in linked.items() if not ids] == ["TPA-USA"]
    assert sorted(a for a, ids in linked.items() if len(ids) > 1) == \
        ["TPA-BOL", "TPA-GTM", "TPA-JAM", "TPA-NIC", "TPA-PAN", "TPA-SLV"]  # linked by country, kept apart by the register
    assert linked["TPA-COL"] == {"col_procolombia"} and linked["TPA-ECU"] == {"ecu_proecuador"}  # merged by the register


def years_from_tables():
    """{institution_id: {source key: founding year as the table row prints it}}, through the join."""
    out = {}
    for name, col in YEAR_COLUMN.items():
        cell = {int(r["line"]): r[col] for r in raw(name)}
        for line, ids in join_rows(name).items():
            for i, _ in ids:
                out.setdefault(i, {})[SOURCE_OF[name]] = cell[line]
    return out


def test_register_years_are_the_table_years():
    """The register's years_created of every institution on an agency row are the years the table
    rows print, source by source, except the 2016 Nicaragua cell's 2002, which the register gives to
    CEI and not to PRONicaragua; its year_differences is set exactly where those years differ."""
    from_tables = years_from_tables()
    inst = {r["institution_id"]: r for r in raw(INST)}
    for i, years in from_tables.items():
        given = dict(p.split(": ", 1) for p in inst[i]["years_created"].split("; ")) if inst[i]["years_created"] else {}
        expected = {} if i == "nic_pronicaragua" else years
        assert given == expected, i
        assert bool(inst[i]["year_differences"]) == (len(set(expected.values())) > 1), i
    assert from_tables["nic_pronicaragua"] == {"eclac-2016-korea-celac": "2002"}
    assert from_tables["nic_cei"] == {"eclac-2016-korea-celac": "2002", "eclac-2018-korea-lac": "2002"}


def differences_from_tables(isos=None):
    """{institution_id: "eclac-2016: y · eclac-2018: y · ITC: y"} where the tables' years differ."""
    short = {"eclac-2016-korea-celac": "eclac-2016", "eclac-2018-korea-lac": "eclac-2018", "itc-2015-smes-gvc-latam": "ITC"}
    inst = {r["institution_id"]: r for r in raw(INST)}
    out = {}
    for i, years in years_from_tables().items():
        if len(set(years.values())) > 1 and (isos is None or inst[i]["iso3"] in isos):
            out[i] = " · ".join(f"{short[k]}: {years[k]}" for k in short if k in years)
    return out


def test_founding_year_differences_recomputed_from_the_tables():
    assert differences_from_tables() == {
        "bol_probolivia": "eclac-2016: 1998 · eclac-2018: 2008",
        "col_procolombia": "eclac-2016: 1992-2015 · eclac-2018: 2015 · ITC: 1992",
        "ecu_proecuador": "eclac-2016: 2010 · eclac-2018: 2010 · ITC: 1997-2011",
        "slv_proesa": "eclac-2016: 2004 · eclac-2018: 2015",
    }


def test_exhibit_5_10_shows_the_table_differences(default_run):
    """Table 5.10 of the default run: one row per institution on an agency row, and the founding-year
    differences it shows are those recomputed from the tables."""
    root, _ = default_run
    t = pd.read_csv(root / "tpas" / "tables" / "table-5.10.csv", dtype=str, keep_default_na=False)
    ids = t["Register id"].tolist()
    assert len(ids) == len(set(ids)) == len(years_from_tables()) + 1  # + Spain's ICEX, in ITC Table 6 only (no year)
    differ = "Founding years, where the sources differ (each as printed, not merged)"
    assert dict(zip(t.loc[t[differ] != "", "Register id"], t.loc[t[differ] != "", differ])) == differences_from_tables()
    years = years_from_tables()
    for r in t.itertuples(index=False):
        row = dict(zip(t.columns, r))
        for name, head in ((T12, "eclac-2016 Table 12"), (T20, "eclac-2018 Table 20"), (A4, "ITC Table A4")):
            printed = row[f"{head}: founding year as printed"]
            assert printed == ("" if row["Register id"] == "nic_pronicaragua" else years.get(row["Register id"], {}).get(SOURCE_OF[name], "")), row


# --- the notebook with non-default parameters -------------------------------------------------------

def test_notebook_with_other_parameters(other_run):
    """The session's non-default run (conftest.OTHER_PARAMS): Spanish, the 2018 printing, focus
    Panama, countries ARG,BRA,CHL,MEX,PAN,PER (KOTRA is always kept as the benchmark)."""
    root, code = other_run
    assert code == 0
    shown, _, injected = read_executed(root / "tpas" / "05_tpas.ipynb")
    assert 'source_copy = "eclac-2018-korea-lac"' in injected
    assert "Perfil de la agencia de Panamá frente a la KOTRA" in shown
    assert "n = 18" in shown  # the 2018 copy prints a single founding year for every agency
    manifest = json.loads((root / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["exhibits"] if e["chapter"] == "tpas"}
    assert ids == {f"tpas-table-5.{k}" for k in [*range(1, 9), 10]} | {f"tpas-figure-5.{k}" for k in range(1, 5)}
    agencies = pd.read_csv(root / "tpas" / "tables" / "table-5.1.csv")
    assert agencies["País"].tolist() == ["Argentina", "Brasil", "Chile", "México", "Panamá", "Perú", "República de Corea"]
    t20 = load("eclac2018_t20_tpa_statistics_2015", corrected=False).set_index("iso3")
    chile = agencies[agencies["País"] == "Chile"].iloc[0]
    assert chile["Oficinas en el exterior 2015"] == t20.at["CHL", "offices_abroad_2015"]
    assert agencies.loc[agencies["Agencia"] == "KOTRA", "Ubicación inferida"].iloc[0] == "sí"
    # the reconciliation shows the selected countries only, and none of the eight differing cells is theirs
    assert not {iso for iso, _ in KNOWN_DIFFERENCES} & {"ARG", "BRA", "CHL", "MEX", "PAN", "PER"}
    assert len(pd.read_csv(root / "tpas" / "tables" / "table-5.2.csv")) == 0
    fig = pd.read_csv(root / "tpas" / "figures" / "figure-5.1.csv")
    assert sorted(fig["iso3"]) == ["ARG", "BRA", "CHL", "MEX", "PAN", "PER"]
    # one row per institution of the selected countries (Panama's ECLAC and ITC agencies are two bodies);
    # none of them prints different founding years, as recomputed from the tables
    by_institution = pd.read_csv(root / "tpas" / "tables" / "table-5.10.csv", dtype=str, keep_default_na=False)
    assert by_institution["Id. en el registro"].tolist() == ["arg_exportar", "bra_apex", "chl_prochile", "mex_promexico",
                                                             "pan_proinvex", "pan_export_bureau", "per_promperu"]
    differ = by_institution["Años de creación, donde las fuentes difieren (cada uno tal como se imprime, sin fusionar)"]
    assert differences_from_tables({"ARG", "BRA", "CHL", "MEX", "PAN", "PER"}) == {} and (differ == "").all()


# --- as printed (make audit: the source texts beside the clone) ------------------------------------------

@pytest.mark.audit
def test_korea_row_of_table_20_as_printed():
    # the four values stand, in this order, on the four lines after the agency line (L5208)
    assert [source_line("eclac-2018-korea-lac", n).strip() for n in (5210, 5212, 5214, 5216)] == ["125", "8", "0.490", "685"]


@pytest.mark.audit
def test_not_available_codes_as_printed():
    assert "S/I" in source_line("eclac-2016-korea-celac", 678) and source_line("eclac-2018-korea-lac", 5050).strip() == "S/I"
    assert source_line("itc-2015-smes-gvc-latam", 275).split("\t")[1] == "-"


@pytest.mark.audit
def test_programme_tables_as_printed():
    for letter, n in zip("abcdefghij", load(T32)["line"]):
        assert source_line("eclac-2018-korea-lac", int(n)).strip() == f"({letter})"
    for program, n in zip(load(T34)["program"], load(T34)["line"]):
        assert source_line("eclac-2018-korea-lac", int(n)).strip() in program
