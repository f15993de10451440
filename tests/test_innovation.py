"""Chapter 3 (innovation): the two printings of the innovation-system and start-up tables
reconciled, the loan and graduate totals recomputed, the council member counts read from the
printed cells, the values the claims audit recomputes, the known defects, the chapter's labels,
and the notebook run with non-default parameters. Claim statuses are pinned in
tests/golden/claim_statuses.csv, not here."""
import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from executed import read_executed

from kolac import checks, claims, corrections
from kolac import labels as kolac_labels
from kolac.catalog import resource
from kolac.data import load
from kolac.documents import line as source_line
from kolac.exhibits import exhibit_key
from kolac.labels import keys as label_keys
from kolac.labels import label

E16, E18 = "eclac-2016-korea-celac", "eclac-2018-korea-lac"
NIS16 = "eclac2016_t04_nis_institutions"
NIS18 = "eclac2018_t05_nis_institutions"
ST16 = "eclac2016_t05_startup_policy_tools"
ST18 = "eclac2018_t07_startup_policy_tools"
LOANS = "eclac2016_t06_korea_innovation_loans"
GRAD = "eclac2018_t06_graduates_by_field"
NSTC = "eclac2018_t10_nstc_changes"
HRD = "eclac2018_t12_hrd_paradigm"
INFO = "eclac2016_t07_informatization_stages"
ITP = "eclac2018_t11_industrial_technology_policies"
VOC = "eclac2018_t13_vocational_training_schemes"
UIR = "eclac2018_t14_uir_policy_schemes"
REG = "eclac2018_t15_regional_industry_policies"
LOC = "eclac2018_t16_industrial_location_policies"
SALMON = "itc2015_box1_salmon_cluster"
ITC = "itc-2015-smes-gvc-latam"
MINE = {NIS16, NIS18, ST16, ST18, LOANS, GRAD, NSTC, HRD, INFO, ITP, VOC, UIR, REG, LOC, SALMON}


def raw(name):
    with open(resource(name)["_csv"], newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def text18(first, last):
    return " ".join(source_line(E18, n).strip() for n in range(first, last + 1))


# --- national innovation systems -------------------------------------------------------------------

def test_nis_printings_differ_in_one_institution_only():
    a = {(r["iso3"], r["position"]): r for r in raw(NIS16)}
    b = {(r["iso3"], r["position"]): r for r in raw(NIS18)}
    assert set(a) == set(b) and len(a) == 28 and len({k[0] for k in a}) == 11
    diff = {k: (a[k]["institution"], b[k]["institution"]) for k in a if a[k]["institution"] != b[k]["institution"]}
    assert diff == {("CHL", "2"): ("President of the Republic", "Presidency of the Republic")}


def test_compare_printings_finds_the_one_wording_change():
    # the notebook's Table 3.2 starts from this comparison; the normalised comparison must not
    # hide the one real difference, nor report a position printed in one copy only
    diff = checks.compare_printings(load(NIS16), load(NIS18), key=["iso3", "position"], columns=["institution"],
                                    names=("v16", "v18"))
    assert diff[["iso3", "position", "v16", "v18"]].values.tolist() == [
        ["CHL", 2, "President of the Republic", "Presidency of the Republic"]]


def test_nis_dropped_placeholders_and_inferred_rows():
    a = load(NIS16)
    dropped = a[a["note"].fillna("").str.contains("was dropped")]
    assert dict(zip(dropped["iso3"], dropped["line"])) == {"BOL": 286, "COL": 288, "PER": 293}
    assert sorted(zip(a.loc[a["inferred"], "iso3"], a.loc[a["inferred"], "position"])) == [("CRI", 1), ("CRI", 2), ("DOM", 1)]
    b = load(NIS18)
    assert list(zip(b.loc[b["inferred"], "iso3"], b.loc[b["inferred"], "position"])) == [("MEX", 3)]


def test_ministries_and_councils_in_the_table():
    a = load(NIS16)
    ministry = a[a["institution"].str.contains(r"^Ministry of (?:Higher Education, )?Science", regex=True)]
    assert sorted(ministry["iso3"]) == ["ARG", "BRA", "CRI", "DOM", "ECU"]  # Uruguay: none listed
    council = a[a["institution"].str.contains(r"^National .*Council", regex=True) & a["iso3"].isin(["CHL", "COL", "MEX", "PER"])]
    assert sorted(council["iso3"]) == ["CHL", "MEX", "PER"]  # Colombia: none listed


# --- start-up policy tools ---------------------------------------------------------------------------

def _key(tool):
    return tool.lower().replace("-", "")


def test_startup_2016_grid_counts():
    a = raw(ST16)
    assert len(a) == 60 and len({r["tool"] for r in a}) == 10 and len({r["iso3"] for r in a}) == 6
    counts = pd.Series([r["status_norm"] for r in a]).value_counts().to_dict()
    assert counts == {"implemented": 23, "in development": 17, "": 13, "recently created": 6,
                      "needs to be created or reformed": 1}


def test_startup_placed_cells_agree_case_insensitively():
    a = {(_key(r["tool"]), r["iso3"]): r for r in raw(ST16)}
    b = raw(ST18)
    assert len(b) == 24 and all(r["inferred"] == "true" for r in b)
    case_only = []
    for r in b:
        s16 = a[(_key(r["tool"]), r["iso3"])]
        assert s16["status"].lower() == r["status"].lower(), r
        if s16["status"] != r["status"]:
            case_only.append((s16["tool"], r["iso3"]))
    assert sorted(case_only) == [("Angel Investors", "COL"), ("Crowd-funding", "COL")]
    # the notebook labels these "capitalisation only" because checks.same accepts them
    for tool, iso3 in case_only:
        r16 = a[(_key(tool), iso3)]
        r18 = next(r for r in b if (_key(r["tool"]), r["iso3"]) == (_key(tool), iso3))
        assert checks.same(r16["status"], r18["status"])


@pytest.mark.audit
def test_unplaced_2018_run_has_the_status_counts_of_the_unplaced_2016_cells():
    placed = {(_key(r["tool"]), r["iso3"]) for r in raw(ST18)}
    rest = [r["status_norm"] for r in raw(ST16) if r["status_norm"] and (_key(r["tool"]), r["iso3"]) not in placed]
    assert len(rest) == 23
    run = text18(2509, 2559).lower()
    found = re.findall(r"implemented|in development|recently created|needs to be created", run)
    assert len(found) == 23
    assert pd.Series(found).value_counts().to_dict() == pd.Series(rest).value_counts().to_dict() == {
        "in development": 12, "implemented": 8, "recently created": 3}
    # the order differs from the first cell on, which is why none of them is placed
    assert found[0] != rest[0] and sum(x != y for x, y in zip(found, rest)) == 9


# --- Korea's loans, graduates, council ----------------------------------------------------------------

def test_loan_total_is_one_off_the_sum_and_not_corrected():
    loans = load(LOANS)
    prog = loans[loans["program"] != "Total"]
    assert prog["budget"].tolist() == [800, 62, 185, 632, 122, 62]
    assert int(prog["budget"].sum()) == 1863
    assert int(loans.loc[loans["program"] == "Total", "budget"].iloc[0]) == 1862
    assert not [c.id for c in corrections.register() if c.resource in MINE]
    # six values rounded to the unit: up to 3 apart from their exact sum; a gap of 1 is rounding
    assert checks.rounding_verdict(1862, int(prog["budget"].sum()), tolerance=0.5 * len(prog)) == checks.WITHIN_ROUNDING


def test_graduate_fields_add_up_to_printed_totals():
    g = load(GRAD).pivot(index="field", columns="level", values="value")
    assert (g.drop(index="Total").sum() == g.loc["Total"]).all()
    assert g.loc["Total"].to_dict() == {"Degree graduates": 2111553, "Masters graduates": 137791, "PhD graduates": 21923}
    assert int(g.loc["Engineering and Technology"].sum()) == 314480
    # the narrative's 320,065 is the medical sciences degree cell, not engineering's
    assert g.at["Medical Sciences", "Degree graduates"] == 320065 and g.at["Engineering and Technology", "Degree graduates"] == 298503


def test_council_member_counts_read_from_printed_cells():
    comp = load(NSTC).query("aspect == 'Composition'")
    nums = comp["text"].str.extract(r"Members: (\d+) government\D+?(\d+) (?:civilians|private)").astype(int)
    assert list(zip(comp["period"], nums[0], nums[1])) == [
        ("1999-2003", 14, 3), ("2004-2007", 13, 8), ("2008-2010", 10, 13), ("Current", 13, 10)]
    assert len(load(NSTC)) == 12 and len(load(HRD)) == 16


# --- Korea's qualitative policy tables (section 6) -----------------------------------------------------

def test_informatization_grid_rebuilt_from_the_six_tab_cells():
    info = load(INFO)
    # every rebuilt or unplaced phrase says why; the two unplaced have neither phase nor period
    assert info.loc[info["inferred"] | info["period"].isna(), "note"].notna().all()
    unplaced = info[info["period"].isna()]
    assert unplaced["phase"].isna().all() and unplaced["note"].str.startswith("not placed").all()
    periods = info["period"].dropna().str.split("; ").explode()
    assert periods.value_counts().to_dict() == {"1995 - 2000": 7, "2008 - to date": 5, "1987 - 1994": 4, "2001 - 2007": 3}
    assert len(periods) == len(info) - len(unplaced) + 1  # the fourth goal spans two periods


def test_industrial_technology_groups_and_the_dated_tools():
    itp = load(ITP)
    assert itp["inferred"].all() and itp["note"].notna().all()
    assert itp["policy_group"].fillna("").value_counts().to_dict() == {
        "Supply-side": 4, "Other": 4, "Actor capability": 3, "Demand-side": 3, "Complementary": 2, "": 1}
    for group, n in (("Supply-side", 3514), ("Actor capability", 3519), ("Complementary", 3524), ("Demand-side", 3526)):
        assert (itp.loc[itp["policy_group"] == group, "group_line"] == n).all()
    years = sorted(int(y) for cell in itp["tools_examples"] for y in re.findall(r"\b(?:19|20)\d\d\b", cell))
    assert years == [1966, 1973, 1982, 1982, 1992, 1994, 1996, 1998, 1999, 2012]
    assert resource(ITP)["period"].endswith("(tools dated 1966 to 2012)")


def test_vocational_diagram_labels_and_relations():
    voc = load(VOC)
    assert len(voc) == 19 and voc["block"].nunique() == 12 and voc["seq"].tolist() == list(range(1, 20))
    rel = voc.dropna(subset=["relation"])
    assert len(rel) == 9 and rel["inferred"].all() and set(rel["related_to"]) <= set(voc["label"])
    assert rel.groupby("relation").size().to_dict() == {"status during": 3, "subgroup of": 3, "trains": 3}
    assert voc.loc[voc["relation"].isna(), "note"].str.contains("not placed|axis label").all()
    assert voc.loc[voc["bulleted"], "block"].unique().tolist() == [10, 11]


def test_uir_ministries_as_placed_and_the_range_print_order_allows():
    uir = load(UIR)
    assert uir["inferred"].all() and uir["note"].notna().all()
    labels = {"Ministry of Education": (4005, 4006), "Ministry of Trade, Industry and Energy": (4018, 4021),
              "Ministry of Science, ICT and Future Planning": (4031, 4034),
              "Small and Medium Business Administration": (4040, 4043)}
    for name, (a, b) in labels.items():
        inside = uir[uir["ministry"] == name]["line"]
        assert inside.min() < a  # the narrative-anchored rule: a label stands among its names, not first
    cand = uir["ministry_candidates"].str.split("; ")
    ranges = {m: ((uir["ministry"] == m).sum(), sum(c == [m] for c in cand), sum(m in c for c in cand)) for m in labels}
    assert list(ranges.values()) == [(9, 9, 10), (2, 1, 4), (2, 1, 4), (4, 3, 4)]
    assert uir["ministry"].isna().sum() == 1 and sum(r[0] for r in ranges.values()) == 17
    nuri = uir[uir["start_year"].notna()]
    assert len(nuri) == 1 and (int(nuri["start_year"].iloc[0]), int(nuri["end_year"].iloc[0])) == (2004, 2008)


def test_regional_policies_ministries_and_the_innopolis_cross_check():
    reg = load(REG)
    assert len(reg) == 15 and reg["inferred"].all() and reg["note"].notna().all()
    assert reg.groupby("aspect")["policy_area"].nunique().eq(5).all()
    acr = reg[reg["aspect"] == "Ministry in charge"]["text"].str.split(", ").explode()
    assert acr.value_counts().to_dict() == {"MOTIE": 3, "MSIP": 3, "SMBA": 3, "MOE": 1}
    ris = reg.set_index(["aspect", "policy_area"])
    assert "Innopolises" in ris.loc[("Main organizations", "Regional Innovation System"), "text"]
    assert ris.loc[("Ministry in charge", "Regional Innovation System"), "text"] == "MSIP, SMBA"
    inno = load(UIR).set_index("programme").loc["Innopolis", "ministry_candidates"].split("; ")
    assert sorted(inno) == ["Ministry of Science, ICT and Future Planning", "Small and Medium Business Administration"]


def test_location_policies_grid_and_the_detached_row_labels():
    loc = load(LOC)
    assert loc.groupby("aspect")["period"].apply(list).map(len).eq(5).all() and len(loc) == 20
    inferred = loc[loc["inferred"]]
    assert set(inferred["aspect"]) == {"Stages of industrial development", "Key focus of the policy"}
    assert inferred["note"].notna().all() and loc.loc[~loc["inferred"], "note"].isna().all()
    assert inferred["line"].max() < 4353  # the two labels are printed after every cell they name


def test_salmon_quantities_on_their_lines_and_the_shares_they_imply():
    sal = load(SALMON)
    for r in sal.itertuples():
        v = float(r.value)
        shown = f"{v:,.1f}" if v % 1 else f"{v:,.0f}"
        assert shown in r.printed or f"{v:.0f}" in r.printed
    crisis = sal[sal["quantity_id"] == "crisis_start_year"]
    assert crisis["value"].tolist() == [2008] * 3 and crisis["line"].tolist() == [333, 337, 339]
    q = sal.drop_duplicates("quantity_id").set_index("quantity_id")["value"].astype(float)
    assert round(100 * q["production_region10_2001"] / q["production_2001"], 1) == 86.4
    assert round(100 * q["exports_2001"] / q["production_2001"], 1) == 74.1
    assert round(q["production_1987"] / (q["world_share_1987"] / 100)) == 133333
    assert round(100 * ((q["production_2001"] / q["production_1987"]) ** (1 / 14) - 1), 1) == 46.1
    assert round(100 * (q["production_2010"] / q["production_peak_2006"] - 1), 1) == -71.4
    assert q["employment_salmon_2007"] + q["employment_linked_2007"] == 41000
    assert resource(SALMON)["inferred"] is None  # nothing placed by inference in the box


def test_timeline_marks_only_the_dates_the_tables_print(other_run):
    """Figure 3.5 (Spanish run): every bar is a period printed in a header or cell, every dot a year
    printed in a Table 11 tools cell; nothing printed without a date is put on the axis."""
    root, _ = other_run
    tl = pd.read_csv(root / "innovation" / "figures" / "figure-3.5.csv", dtype={"period_printed": str})
    assert len(tl) == 32 and tl["kind"].value_counts().to_dict() == {
        "year": 10, "decade": 8, "span": 7, "undated": 4, "open": 2, "axis": 1}
    periods = lambda name: list(dict.fromkeys(load(name)["period"].dropna().str.split("; ").explode()))
    printed = {INFO: periods(INFO), NSTC: periods(NSTC), HRD: periods(HRD), LOC: periods(LOC)}
    assert printed[INFO] == ["1987 - 1994", "1995 - 2000", "2001 - 2007", "2008 - to date"]
    for name, ps in printed.items():  # every dated period of the four tables is drawn once, as printed
        drawn = tl[(tl["table"] == name) & (tl["kind"] != "undated")]["period_printed"].tolist()
        assert drawn == [p for p in ps if p != "Current"], name
    for r in tl[tl["kind"].isin(["span", "decade"]) & (tl["table"] != UIR)].itertuples():
        first, last = int(r.start_year), int(r.end_year)
        if r.kind == "span":  # both years are written in the printed period
            assert str(first) in r.period_printed and str(last) in r.period_printed
        else:  # a decade (or '1960–70s') is drawn as whole decades, no finer
            assert first % 10 == 0 and last % 10 == 9 and r.period_printed.startswith(str(first)[:3])
    opened = tl[tl["kind"] == "open"]
    assert opened["end_year"].isna().all() and opened["period_printed"].tolist() == ["2008 - to date", "2000s onwards"]
    years = sorted(int(y) for cell in load(ITP)["tools_examples"] for y in re.findall(r"\b(?:19|20)\d\d\b", cell))
    dots = tl[tl["kind"] == "year"]
    assert sorted(dots["start_year"].astype(int)) == years and dots["inferred"].all()  # scheme pairing inferred
    assert all(str(int(r.start_year)) in r.cell_printed for r in dots.itertuples())
    nuri = tl[tl["from_narrative"]]  # the one date not printed in its table: NURI's, from the text
    assert nuri[["start_year", "end_year", "line"]].values.tolist() == [[2004, 2008, 4056]]
    undated = tl[tl["kind"] == "undated"].set_index("table")["label"].to_dict()
    assert undated == {INFO: "2 frases sin ubicar", NSTC: "actual: 13 + 10", UIR: "17 programas sin fecha",
                       REG: "5 áreas, actuales"}
    spans10 = tl[(tl["table"] == NSTC) & (tl["kind"] == "span")]["label"].tolist()
    assert spans10 == ["14 + 3", "13 + 8", "10 + 13"]  # member counts read from the composition cells
    # inferred: Maturity on both last informatization periods, and every Table 11 scheme lane
    assert set(tl.loc[tl["inferred"], "table"]) == {INFO, ITP}
    assert tl.loc[tl["inferred"] & (tl["table"] == INFO), "cell_printed"].tolist() == ["Maturity", "Maturity"]
    manifest = json.loads((root / "manifest.json").read_text())
    fig = next(e for e in manifest["exhibits"] if e["id"] == "innovation-figure-3.5")
    assert set(fig["sources"]) == {INFO, NSTC, ITP, HRD, UIR, REG, LOC} and fig["alt"].startswith("Cronología")


# --- claims, known defects, labels ------------------------------------------------------------------

def test_policy_table_claims_are_dated_by_counting_rows():
    """INN-101..187: a date claim is checked as the number of rows whose cell prints that year or
    decade, so the same check with another year finds none; the unchecked ones say why, and the
    circular ones (Table 11 groups, NURI's years) are not checked."""
    ledger = {c["claim_id"]: c for c in claims.ledger("innovation") if re.fullmatch(r"INN-1\d\d", c["claim_id"])}
    assert list(ledger) == [f"INN-{k}" for k in range(101, 188)]
    audit = claims.audit("innovation").set_index("claim_id").loc[list(ledger)]
    assert audit["status"].value_counts().to_dict() == {"not checkable": 66, "confirmed": 21}
    from kolac.expr import Tables, evaluate
    tables = Tables(load)
    for cid in ("INN-112", "INN-114", "INN-117", "INN-128"):
        check = ledger[cid]["check"]
        year = re.compile(r"(?<![A-Za-z0-9])(?:19|20)\d\d\b")  # the year in the pattern, not in a table name
        other = year.sub(lambda m: str(int(m.group(0)) + 1), check, count=1)
        assert evaluate(check, tables) == 1 and other != check and evaluate(other, tables) == 0, cid
    assert evaluate(ledger["INN-166"]["check"].replace("1960s", "1970s"), tables) == 0  # Guro is a 1960s example only
    for cid in ("INN-113", "INN-119", "INN-121", "INN-122", "INN-153"):  # circular: no check, and the reason given
        assert not ledger[cid]["check"] and re.search(r"this (very )?(passage|sentence)", ledger[cid]["why"]), cid
    assert audit.loc["INN-164", "recomputed"] == 4 and audit.loc["INN-186", "recomputed"] == 5



def test_claims_recompute_the_table_values():
    audit = claims.audit("innovation").set_index("claim_id")
    assert audit.loc["INN-001", "recomputed"] == 5 and audit.loc["INN-003", "recomputed"] == 3
    assert audit.loc["INN-008", "recomputed"] == 298503 and audit.loc["INN-016", "recomputed"] == 4
    assert audit.loc["INN-011", "recomputed"] == pytest.approx(94.91955, abs=1e-5)


def test_known_defects_are_the_sidecar_issues():
    defects = corrections.known_defects("innovation")
    assert (defects["status"] == "documented").all()  # the notebook asserts this too: nothing corrected on load
    issues = {n: len(resource(n).get("issues") or []) for n in MINE}
    assert defects.groupby("resource").size().to_dict() == {n: k for n, k in issues.items() if k}
    assert any("1 863" in e and "1 862" in e for e in defects["explanation"])


def test_labels_prefixed_and_captions_for_every_exhibit():
    with open(Path(kolac_labels.__file__).parent / "labels" / "innovation.yaml", encoding="utf-8") as fh:
        own = yaml.safe_load(fh)["labels"]
    assert own and all(k.startswith("innovation_") for k in own)
    assert all(set(v) == {"en", "es"} and v["en"] and v["es"] for v in own.values())
    needed = [exhibit_key("innovation", "table", f"3.{k}", "caption") for k in range(1, 24)]
    needed += [exhibit_key("innovation", "figure", f"3.{k}", part) for k in range(1, 6) for part in ("caption", "alt")]
    assert set(needed) <= set(own) and set(needed) <= label_keys()
    assert label("innovation_figure_3_1_alt", "es", n_tools=10, n_countries=6).startswith("Mapa de calor con 10")


# --- the notebook with non-default parameters --------------------------------------------------------

def test_notebook_with_other_parameters(other_run):
    """The session's non-default run (conftest.OTHER_PARAMS): Spanish, as printed, countries
    ARG,BRA,CHL,MEX,PAN,PER, focus Panama, which neither innovation table prints."""
    root, code = other_run
    assert code == 0
    shown, _, injected = read_executed(root / "innovation" / "03_innovation.ipynb")
    assert 'focus_country = "PAN"' in injected
    assert "Panamá no figura en eclac-2016 Table 4 / eclac-2018 Table 5" in shown
    assert "Panamá no figura en eclac-2016 Table 5 / eclac-2018 Table 7" in shown
    manifest = json.loads((root / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["exhibits"] if e["chapter"] == "innovation"}
    assert ids == {f"innovation-table-3.{k}" for k in range(1, 24)} | {f"innovation-figure-3.{k}" for k in range(1, 6)}
    nis = pd.read_csv(root / "innovation" / "tables" / "table-3.1.csv")
    printed = load(NIS16, corrected=False)
    kept = printed[printed["iso3"].isin(["ARG", "BRA", "CHL", "MEX", "PAN", "PER"])]
    assert nis["País"].tolist() == ["Argentina", "Brasil", "Chile", "México", "Perú"]
    assert nis["Número"].tolist() == kept.groupby("iso3", sort=False).size().tolist()
    fig = pd.read_csv(root / "innovation" / "figures" / "figure-3.1.csv")
    assert sorted(set(fig["iso3"])) == ["ARG", "BRA", "CHL", "MEX", "PER"] and len(fig) == 50  # 10 tools x 5 countries
    loans = pd.read_csv(root / "innovation" / "tables" / "table-3.5.csv")
    assert loans["Presupuesto (millones de US$)"].tolist()[-2:] == [1863, 1862]  # sum of programmes, printed total
    grads = pd.read_csv(root / "innovation" / "tables" / "table-3.6.csv")
    assert grads.iloc[-1]["Licenciatura"] == 2111553
    # section 7: Spanish headers and units; the box is shown whatever `countries`; no Chile line for Panama
    salmon = pd.read_csv(root / "innovation" / "tables" / "table-3.22.csv")
    assert list(salmon.columns) == ["Cantidad recalculada", "Recalculado", "Unidad", "A partir de los valores impresos"]
    assert salmon["Recalculado"].tolist()[:2] == [86.4, 74.1] and salmon["Unidad"].tolist()[:2] == ["%", "%"]
    assert "es también el tema del recuadro" not in shown
    uir = pd.read_csv(root / "innovation" / "tables" / "table-3.17.csv")
    assert uir["Como máximo"].tolist()[:4] == [10, 4, 4, 4]


# --- as printed (make audit: the source texts beside the clone) ------------------------------------------
# The tests above check the transcribed data alone; these check it against the lines it was read from.

@pytest.mark.audit
def test_nis_cells_as_printed():
    a = {(r["iso3"], r["position"]): r for r in raw(NIS16)}
    b = {(r["iso3"], r["position"]): r for r in raw(NIS18)}
    assert "President of the Republic" in source_line(E16, int(a[("CHL", "2")]["line"]))
    assert "Presidency of the Republic" in text18(int(b[("CHL", "2")]["line"]), int(b[("CHL", "2")]["line"]) + 2)
    for cell, n in (("(***)", 286), (",", 288), (", , ,", 293)):  # the dropped placeholders
        assert cell in source_line(E16, n).split("\t")
    assert "FCCyT" in text18(2090, 2093)  # printed after Uruguay's cells
    assert source_line(E16, 292).startswith("Mexico") and "FCCyT" in source_line(E16, 292)


@pytest.mark.audit
def test_startup_2018_statuses_as_printed():
    for r in raw(ST18):
        assert r["status"].split()[0] in source_line(E18, int(r["line"])), r


@pytest.mark.audit
def test_loan_total_and_graduate_cells_as_printed():
    assert source_line(E16, 463).split("\t")[2] == "1 862"
    assert "320,065" in source_line(E18, 2176) and source_line(E18, 2203).strip() == "320 065"


@pytest.mark.audit
def test_informatization_tab_cells_as_printed():
    for r in load(INFO).itertuples():
        cells = source_line(E16, r.line).split("\t")
        assert cells[0] == r.aspect and len(cells) == 7  # the row label, then six tab cells
        first = int(r.tab_cells.split("-")[0])
        assert r.printed.split(" | ")[0] in cells[first]  # the first fragment sits in the first cell named
    assert source_line(E16, 493).split("\t")[1:-1] == ["Inception", "", "Growth", "M", "aturity"]  # three stage words


@pytest.mark.audit
def test_section6_labels_as_printed():
    itp = load(ITP)
    for r in itp.itertuples():
        assert r.scheme.split(" / ")[0].split(",")[0] in text18(r.line, r.line + 2)
    for group, n in (("Supply-side", 3514), ("Actor capability", 3519), ("Complementary", 3524), ("Demand-side", 3526)):
        assert source_line(E18, n).strip() == group
    for r in load(VOC).itertuples():
        assert r.label.split()[0] in source_line(E18, r.line)
    labels = {"Ministry of Education": (4005, 4006), "Ministry of Trade, Industry and Energy": (4018, 4021),
              "Ministry of Science, ICT and Future Planning": (4031, 4034),
              "Small and Medium Business Administration": (4040, 4043)}
    assert {name: text18(a, b) for name, (a, b) in labels.items()} == {name: name for name in labels}
    nuri = load(UIR).dropna(subset=["start_year"])
    assert nuri["years_line"].tolist() == [4056] and "2004 to 2008" in source_line(E18, 4056)
    assert text18(4353, 4355) == "Stages of industrial development" and text18(4357, 4358) == "Key focus of the policy"


@pytest.mark.audit
def test_salmon_quantities_as_printed():
    for r in load(SALMON).itertuples():
        assert r.printed in source_line(ITC, r.line)
