"""Chapter 5 (trade promotion agencies): the two printings of the 2015 agency statistics
reconciled cell by cell, the derived register checked against every table it copies, the
cross-table and narrative checks recomputed, and the notebook run with non-default parameters."""
import csv
import json

import pandas as pd
import pytest
from executed import read_executed

from kolac import claims, corrections, runner
from kolac.data import load
from kolac.labels import country_codes
from kolac.resources import resource
from kolac.sources import line as source_line

T12 = "eclac2016_t12_tpa_statistics_2015"
T20 = "eclac2018_t20_tpa_statistics_2015"
A4 = "itc2015_ta4_tpas_by_country"
T6 = "itc2015_t06_sme_public_support"
T32 = "eclac2018_t32_kotra_sme_export_programs"
T34 = "eclac2018_t34_kotra_ofdi_measures"
REG = "eclac2018_t20_agency_register"
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
    """The copies' contradictions are listed, not corrected: no third source settles them."""
    mine = {T12, T20, A4, T6, T32, T34, REG}
    assert not [c.id for c in corrections.register() if c.resource in mine]


def test_korea_row_of_table_20_is_inferred_from_table_12():
    a, b = load(T12).set_index("iso3"), load(T20).set_index("iso3")
    assert list(b.index[b["inferred"]]) == ["KOR"] and not a["inferred"].any()
    for c in ("staff", "offices_abroad_2015", "offices_home", "budget_exports_pct"):
        assert b.at["KOR", c] == a.at["KOR", c]
    assert (b.at["KOR", "staff"], b.at["KOR", "offices_abroad_2015"], b.at["KOR", "offices_home"]) == (685, 125, 8)
    assert pd.isna(a.at["KOR", "offices_abroad_2010"]) and pd.isna(b.at["KOR", "offices_abroad_2010"])
    # the four values stand, in this order, on the four lines after the agency line (L5208)
    assert [source_line("eclac-2018-korea-lac", n).strip() for n in (5210, 5212, 5214, 5216)] == ["125", "8", "0.490", "685"]


@pytest.mark.parametrize("name", [T12, T20])
def test_founded_is_an_integer_only_where_one_year_is_printed(name):
    for r in raw(name):
        if r["founded_printed"].isdigit():
            assert r["founded"] == r["founded_printed"]
        else:
            assert r["founded"] == "" and r["iso3"] == "COL" and r["founded_printed"] == "1992-2015"


def test_not_available_codes_are_kept_as_printed():
    assert by_iso(T12)["HND"]["staff"] == "S/I" and "S/I" in source_line("eclac-2016-korea-celac", 678)
    assert by_iso(T20)["HND"]["staff"] == "S/I" and source_line("eclac-2018-korea-lac", 5050).strip() == "S/I"
    t6 = by_iso(T6)
    assert [i for i, r in t6.items() if r["sme_support_gdp_pct"] == "-"] == ["ARG", "BOL", "ECU", "PRY", "PER"]
    assert source_line("itc-2015-smes-gvc-latam", 275).split("\t")[1] == "-"
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


def test_claim_statuses():
    audit = claims.audit("tpas").set_index("claim_id")
    assert audit.loc["TPA-003", "recomputed"] == pytest.approx(0.087667, abs=1e-6)
    expected = {"TPA-001": "confirmed", "TPA-003": "rounding", "TPA-006": "confirmed", "TPA-008": "confirmed",
                "TPA-009": "confirmed", "TPA-015": "rounding", "TPA-020": "confirmed", "TPA-026": "confirmed",
                "TPA-028": "contradicted", "TPA-033": "contradicted", "TPA-035": "contradicted",
                "TPA-040": "contradicted", "TPA-041": "confirmed", "TPA-043": "confirmed", "TPA-005": "not checkable"}
    assert {k: audit.loc[k, "status"] for k in expected} == expected
    assert audit.loc["TPA-028", "recomputed"] == 10 and audit.loc["TPA-040", "recomputed"] == pytest.approx(0.008)


def test_programme_tables_as_printed():
    t32 = load(T32).set_index("letter")
    assert list(t32.index) == list("abcdefghij")
    for letter, n in zip("abcdefghij", t32["line"]):
        assert source_line("eclac-2018-korea-lac", int(n)).strip() == f"({letter})"
    assert t32["content"].isna().tolist() == [False, True, True, False, True, False, False, False, False, False]
    assert sorted(t32.index[t32["inferred"]]) == ["d", "e", "f"]
    t34 = load(T34)
    assert len(t34) == 6 and pd.isna(t34["content"].iloc[-1])
    for program, n in zip(t34["program"], t34["line"]):
        assert source_line("eclac-2018-korea-lac", int(n)).strip() in program


# --- the notebook with non-default parameters -------------------------------------------------------

def test_notebook_spanish_2018_copy_focus_without_itc(tmp_path):
    out = tmp_path / "es"
    params = {"output_dir": str(out), "lang": "es", "focus_country": "NIC", "source_copy": "eclac-2018-korea-lac"}
    assert runner.run(["tpas"], params, quiet=True) == 0
    shown, nb, injected = read_executed(out / "notebooks" / "05_tpas.ipynb")
    assert injected and 'source_copy = "eclac-2018-korea-lac"' in injected
    assert "Perfil de la agencia de Nicaragua" in shown
    assert "Nicaragua no figura en el cuadro A4 del ITC" in shown
    assert "n = 18" in shown  # the 2018 copy prints a single founding year for every agency
    manifest = json.loads((out / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["exhibits"] if e["chapter"] == "tpas"}
    assert ids == {f"tpas-table-5.{k}" for k in range(1, 9)} | {f"tpas-figure-5.{k}" for k in range(1, 5)}
    t1 = pd.read_csv(out / "tables" / "tpas" / "table-5.1.csv")
    slv = t1[t1["País"] == "El Salvador"].iloc[0]
    assert slv["Oficinas en el exterior 2015"] == 7  # the 2018 printing
    assert t1.loc[t1["Agencia"] == "KOTRA", "Ubicación inferida"].iloc[0] == "sí"
    recon = pd.read_csv(out / "tables" / "tpas" / "table-5.2.csv")
    assert len(recon) == len(KNOWN_DIFFERENCES)


def test_notebook_focus_absent_and_country_subset(tmp_path):
    out = tmp_path / "cub"
    assert runner.run(["tpas"], {"output_dir": str(out), "focus_country": "CUB", "countries": "CHL,PER"}, quiet=True) == 0
    shown, _, _ = read_executed(out / "notebooks" / "05_tpas.ipynb")
    assert "Cuba has no agency in eclac-2016 Table 12" in shown
    t1 = pd.read_csv(out / "tables" / "tpas" / "table-5.1.csv")
    assert t1["Country"].tolist() == ["Chile", "Peru", "Republic of Korea"]
    assert t1.loc[t1["Country"] == "Chile", "Offices abroad 2015"].iloc[0] == 53
    fig = pd.read_csv(out / "figures" / "tpas" / "figure-5.1.csv")
    assert sorted(fig["iso3"]) == ["CHL", "PER"]
