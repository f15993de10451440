"""Chapter 6 (cooperation), part I: the checks the notebook makes, recomputed from the data, and
the notebook run with non-default parameters (the session's other_run, conftest.py)."""
import csv
import json
import re

import pandas as pd
import pytest

from kolac import checks
from kolac.catalog import catalog
from kolac.data import load
from kolac.documents import lines as source_lines
from executed import read_executed

ODA, REGIONS, LAC = "eclac2018_t35_korea_oda", "eclac2018_t36_korea_bilateral_oda_by_region", "eclac2018_t37_korea_bilateral_oda_lac"
KSP16, KSP18, KSP_TRADE = "eclac2016_t09_ksp_sti_projects", "eclac2018_t08_ksp_projects", "eclac2018_t38_ksp_trade_fdi_smes"
DEEP, JIRI = "eclac2018_t39_koica_deep_projects", "eclac2018_t09_jiri_priority_areas"


def test_regional_amounts_add_up_and_one_share_is_beyond_rounding():
    r = load(REGIONS).set_index("region")
    parts = r.drop("Total")
    assert parts["amount"].sum() == r.at["Total", "amount"] == 1310
    recomputed = 100 * parts["amount"] / r.at["Total", "amount"]
    off = (recomputed - parts["share"]).abs()
    assert off.idxmax() == "Others" and off.max() > 0.1 and (off.drop("Others") < 0.1).all()
    assert any("Others" in i for i in catalog()[REGIONS]["issues"]), "the defect must be documented in the sidecar"


def test_total_oda_of_2013_is_not_the_bilateral_total():
    """The 2016 document's US$1.31 billion for 2013 is the bilateral total, not Table 35's total."""
    oda = load(ODA)
    total = oda[(oda["year"] == 2013) & (oda["unit"] == "US$ million")]["value"].iloc[0]
    bilateral = load(REGIONS).set_index("region").at["Total", "amount"]
    assert total == 1755 and bilateral == 1310 and round(100 * bilateral / total, 1) == 74.6


def test_lac_shares_admit_one_common_total():
    t = load(LAC)
    low, high = 100 * t["amount"] / (t["share"] + 0.05), 100 * t["amount"] / (t["share"] - 0.05)
    assert low.max() <= high.min()
    assert t["amount"].is_monotonic_decreasing and t["iso3"].iloc[0] == "NIC"


def test_the_two_ksp_printings_agree_on_every_country_and_year():
    a, b = load(KSP16), load(KSP18)
    assert len(a) == len(b) == 23
    assert a[["iso3", "year"]].values.tolist() == b[["iso3", "year"]].values.tolist()  # same order too
    diff = checks.compare_printings(a, b, ["iso3", "year"], ["country", "project"])
    assert set(diff["column"]) == {"project"} and 0 < len(diff) < 23
    # a title differing only in case or spacing is not counted as a difference
    assert checks.same("Promoting Agricultural Innovation", "promoting  agricultural innovation ")


def test_inferred_placements_say_how():
    for name in (KSP16, KSP18, JIRI, DEEP, KSP_TRADE):
        df = load(name)
        flagged = df[df["inferred"].fillna(False).astype(bool)]
        assert flagged["note"].notna().all() and (flagged["note"].str.len() > 10).all(), name
    assert load(JIRI)["inferred"].all(), "the JIRI pairing is not printed: every row is inferred"


def test_deep_start_year_in_the_text_is_later_than_the_table():
    deep = load(DEEP)
    assert deep["start_year"].min() == 2011  # the 2018 text says DEEP has been offered since 2012 (claim CO-015)
    assert (deep["start_year"] <= deep["end_year"]).all()
    assert set(deep.loc[deep["celac"].astype(bool), "iso3"]) == {"COL", "HND"}


def test_default_run_has_every_part_one_exhibit(default_run):
    root, code = default_run
    assert code == 0
    ids = {e["id"] for e in json.loads((root / "manifest.json").read_text())["exhibits"] if e["chapter"] == "cooperation"}
    assert {f"cooperation-figure-6.{i}" for i in range(1, 5)} <= ids
    assert {f"cooperation-table-6.{i}" for i in range(1, 17)} <= ids
    matched = pd.read_csv(root / "tables" / "cooperation" / "table-6.5.csv")
    assert matched.loc[matched["Check"] != "not in Table 8", ["Country", "Year", "Year in Table 8"]].values.tolist() \
        == [["Honduras", "2014", 2013]]  # the one project of Table 38 also in Table 8, dated differently
    assert any("Honduras" in i and "2013" in i for i in catalog()[KSP_TRADE]["issues"])
    profile = pd.read_csv(root / "tables" / "cooperation" / "table-6.14.csv")
    text = " ".join(profile["Value"].astype(str))
    assert "Linking with the New Era of Development" in text and "SME" in text  # Peru's KSPs of both tables


def test_notebook_with_other_parameters(other_run):
    root, code = other_run
    assert code == 0
    shown, nb, injected = read_executed(root / "notebooks" / "06_cooperation.ipynb")
    assert 'focus_country = "PAN"' in injected and 'lang = "es"' in injected
    assert "Perfil de Panamá" in shown
    profile = pd.read_csv(root / "tables" / "cooperation" / "table-6.14.csv")
    found = dict(zip(profile["Dato"], profile["Valor"]))
    assert found["Proyectos DEEP (KOICA)"] == "no figura en este cuadro"
    assert "2012" in found["KSP sobre exportaciones, IED y pymes"]  # Panama's agro-food export KSP, Table 38
    lac = pd.read_csv(root / "tables" / "cooperation" / "table-6.3.csv")
    assert len(lac) == 0  # countries=ARG,BRA,CHL,MEX,PAN,PER: none of Table 37's six recipients


NARRATIVES = sorted(n for n, m in catalog().items() if m["chapter"] == "cooperation" and m["table"] == "Narrative")


def _printed_numbers(text):
    from decimal import Decimal

    return {Decimal(t.replace(",", "")).normalize() for t in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}


@pytest.mark.parametrize("name", NARRATIVES)
def test_every_narrative_number_stands_on_its_line(name):
    """What the sidecars' body_check promises for these narrative datasets: each number is printed
    on the row's line, on the next one or two where the sentence wraps, or on a line its note cites."""
    from decimal import Decimal

    meta = catalog()[name]
    text = source_lines(meta["source"])
    numeric = [f["name"] for f in meta["schema"]["fields"] if f["type"] in ("integer", "number") and f["name"] != "line"]
    assert numeric, name
    with open(meta["_csv"], newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    misses = []
    for r in rows:
        n = int(r["line"])
        cited = [int(x) for x in re.findall(r"L(\d{2,5})", r.get("note", "") or "")]
        where = " ".join(text[i - 1] for i in [n, n + 1, n + 2] + cited if 0 < i <= len(text))
        found = _printed_numbers(where)
        misses += [(r["line"], f, r[f]) for f in numeric if r[f] and Decimal(r[f]).normalize() not in found]
    assert not misses, f"numbers not printed where the row says: {misses[:8]}"
