"""Chapter 3 (innovation): the two printings of the innovation-system and start-up tables
reconciled, the loan and graduate totals recomputed, the council member counts read from the
printed cells, the claim statuses pinned, and the notebook run with non-default parameters."""
import csv
import json
import re

import pandas as pd
import pytest
from executed import read_executed

from kolac import claims, corrections, runner
from kolac.data import load
from kolac.resources import resource
from kolac.sources import line as source_line

E16, E18 = "eclac-2016-korea-celac", "eclac-2018-korea-lac"
NIS16 = "eclac2016_t04_nis_institutions"
NIS18 = "eclac2018_t05_nis_institutions"
ST16 = "eclac2016_t05_startup_policy_tools"
ST18 = "eclac2018_t07_startup_policy_tools"
LOANS = "eclac2016_t06_korea_innovation_loans"
GRAD = "eclac2018_t06_graduates_by_field"
NSTC = "eclac2018_t10_nstc_changes"
HRD = "eclac2018_t12_hrd_paradigm"
MINE = {NIS16, NIS18, ST16, ST18, LOANS, GRAD, NSTC, HRD}


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
    assert "President of the Republic" in source_line(E16, int(a[("CHL", "2")]["line"]))
    assert "Presidency of the Republic" in text18(int(b[("CHL", "2")]["line"]), int(b[("CHL", "2")]["line"]) + 2)


def test_nis_dropped_placeholders_and_inferred_rows():
    a = load(NIS16)
    dropped = a[a["note"].fillna("").str.contains("was dropped")]
    assert dict(zip(dropped["iso3"], dropped["line"])) == {"BOL": 286, "COL": 288, "PER": 293}
    for cell, n in (("(***)", 286), (",", 288), (", , ,", 293)):
        assert cell in source_line(E16, n).split("\t")
    assert sorted(zip(a.loc[a["inferred"], "iso3"], a.loc[a["inferred"], "position"])) == [("CRI", 1), ("CRI", 2), ("DOM", 1)]
    b = load(NIS18)
    assert list(zip(b.loc[b["inferred"], "iso3"], b.loc[b["inferred"], "position"])) == [("MEX", 3)]
    assert "FCCyT" in text18(2090, 2093)  # printed after Uruguay's cells
    assert source_line(E16, 292).startswith("Mexico") and "FCCyT" in source_line(E16, 292)


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
        assert r["status"].split()[0] in source_line(E18, int(r["line"]))
    assert sorted(case_only) == [("Angel Investors", "COL"), ("Crowd-funding", "COL")]


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
    assert source_line(E16, 463).split("\t")[2] == "1 862"
    assert not [c.id for c in corrections.register() if c.resource in MINE]


def test_graduate_fields_add_up_to_printed_totals():
    g = load(GRAD).pivot(index="field", columns="level", values="value")
    assert (g.drop(index="Total").sum() == g.loc["Total"]).all()
    assert g.loc["Total"].to_dict() == {"Degree graduates": 2111553, "Masters graduates": 137791, "PhD graduates": 21923}
    assert int(g.loc["Engineering and Technology"].sum()) == 314480
    # the narrative's 320,065 is the medical sciences degree cell, not engineering's
    assert g.at["Medical Sciences", "Degree graduates"] == 320065 and g.at["Engineering and Technology", "Degree graduates"] == 298503
    assert "320,065" in source_line(E18, 2176) and source_line(E18, 2203).strip() == "320 065"


def test_council_member_counts_read_from_printed_cells():
    comp = load(NSTC).query("aspect == 'Composition'")
    nums = comp["text"].str.extract(r"Members: (\d+) government\D+?(\d+) (?:civilians|private)").astype(int)
    assert list(zip(comp["period"], nums[0], nums[1])) == [
        ("1999-2003", 14, 3), ("2004-2007", 13, 8), ("2008-2010", 10, 13), ("Current", 13, 10)]
    assert len(load(NSTC)) == 12 and len(load(HRD)) == 16


# --- claims -----------------------------------------------------------------------------------------

def test_claim_statuses():
    audit = claims.audit("innovation").set_index("claim_id")
    contradicted = sorted(audit.index[audit["status"] == "contradicted"])
    assert contradicted == ["INN-001", "INN-003", "INN-004", "INN-006", "INN-008", "INN-016"]
    assert sorted(audit.index[audit["status"] == "not checkable"]) == ["INN-020", "INN-022"]
    assert (audit["status"] == "confirmed").sum() == 15
    assert audit.loc["INN-001", "recomputed"] == 5 and audit.loc["INN-003", "recomputed"] == 3
    assert audit.loc["INN-008", "recomputed"] == 298503 and audit.loc["INN-016", "recomputed"] == 4
    assert audit.loc["INN-011", "recomputed"] == pytest.approx(94.91955, abs=1e-5)


# --- the notebook with non-default parameters --------------------------------------------------------

def test_notebook_spanish_subset_focus_peru(tmp_path):
    out = tmp_path / "es"
    params = {"output_dir": str(out), "lang": "es", "focus_country": "PER", "countries": "CHL,PER"}
    assert runner.run(["innovation"], params, quiet=True) == 0
    shown, nb, injected = read_executed(out / "notebooks" / "03_innovation.ipynb")
    assert injected and 'focus_country = "PER"' in injected
    assert "Perú: instituciones del sistema nacional de innovación" in shown
    assert "Office of the President of the Council of Ministers (PCM)" in shown
    manifest = json.loads((out / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["exhibits"] if e["chapter"] == "innovation"}
    assert ids == {f"innovation-table-3.{k}" for k in range(1, 11)} | {f"innovation-figure-3.{k}" for k in range(1, 4)}
    t1 = pd.read_csv(out / "tables" / "innovation" / "table-3.1.csv")
    assert t1["País"].tolist() == ["Chile", "Perú"] and t1["Número"].tolist() == [3, 2]
    t2 = pd.read_csv(out / "tables" / "innovation" / "table-3.2.csv")
    assert t2["País"].tolist() == ["Chile", "Perú"]  # the wording change and Peru's dropped cell
    fig = pd.read_csv(out / "figures" / "innovation" / "figure-3.1.csv")
    assert sorted(set(fig["iso3"])) == ["CHL", "PER"] and len(fig) == 20
    t6 = pd.read_csv(out / "tables" / "innovation" / "table-3.6.csv")
    assert t6.iloc[-1]["Licenciatura"] == 2111553


def test_notebook_focus_country_not_in_tables(tmp_path):
    out = tmp_path / "pan"
    assert runner.run(["innovation"], {"output_dir": str(out), "focus_country": "PAN", "apply_corrections": False},
                      quiet=True) == 0
    shown, _, _ = read_executed(out / "notebooks" / "03_innovation.ipynb")
    assert "Panama is not in eclac-2016 Table 4 / eclac-2018 Table 5" in shown
    assert "Panama is not in eclac-2016 Table 5 / eclac-2018 Table 7" in shown
    t5 = pd.read_csv(out / "tables" / "innovation" / "table-3.5.csv")
    assert t5["Budget (US$ million)"].tolist()[-2:] == [1863, 1862]
