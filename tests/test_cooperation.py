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
    matched = pd.read_csv(root / "cooperation" / "tables" / "table-6.5.csv")
    assert matched.loc[matched["Check"] != "not in Table 8", ["Country", "Year", "Year in Table 8"]].values.tolist() \
        == [["Honduras", "2014", 2013]]  # the one project of Table 38 also in Table 8, dated differently
    assert any("Honduras" in i and "2013" in i for i in catalog()[KSP_TRADE]["issues"])
    profile = pd.read_csv(root / "cooperation" / "tables" / "table-6.14.csv")
    text = " ".join(profile["Value"].astype(str))
    assert "Linking with the New Era of Development" in text and "SME" in text  # Peru's KSPs of both tables


def test_notebook_with_other_parameters(other_run):
    root, code = other_run
    assert code == 0
    shown, nb, injected = read_executed(root / "cooperation" / "06_cooperation.ipynb")
    assert 'focus_country = "PAN"' in injected and 'lang = "es"' in injected
    assert "Perfil de Panamá" in shown
    profile = pd.read_csv(root / "cooperation" / "tables" / "table-6.14.csv")
    found = dict(zip(profile["Dato"], profile["Valor"]))
    assert found["Proyectos DEEP (KOICA)"] == "no figura en este cuadro"
    assert "2012" in found["KSP sobre exportaciones, IED y pymes"]  # Panama's agro-food export KSP, Table 38
    lac = pd.read_csv(root / "cooperation" / "tables" / "table-6.3.csv")
    assert len(lac) == 0  # countries=ARG,BRA,CHL,MEX,PAN,PER: none of Table 37's six recipients


def _printed_fields(meta):
    """Numeric fields that hold a number printed in the prose (years, counts, amounts), not a
    position, a line number or a count we made (e.g. of list items)."""
    def printed(unit):
        return unit == "calendar year" or unit.startswith(("count", "as given", "countries"))
    return [f["name"] for f in meta["schema"]["fields"] if f["type"] in ("integer", "number") and printed(f.get("unit", ""))]


NARRATIVES = sorted(n for n, m in catalog().items()
                    if m["chapter"] == "cooperation" and m["table"] == "Narrative" and _printed_fields(m))


def _printed_numbers(text):
    from decimal import Decimal

    return {Decimal(t.replace(",", "")).normalize() for t in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}


@pytest.mark.audit
@pytest.mark.parametrize("name", NARRATIVES)
def test_every_narrative_number_stands_on_its_line(name):
    """What the sidecars' body_check promises for these narrative datasets: each number is printed
    on the row's line, on the next one or two where the sentence wraps, or on a line its note cites."""
    from decimal import Decimal

    meta = catalog()[name]
    text = source_lines(meta["source"])
    numeric = _printed_fields(meta)
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


# --- part II: the proposals -------------------------------------------------------------------
REGISTERS = ("proposals_eclac2006", "proposals_eclac2016", "proposals_sela2016", "proposals_eclac2018")


def _coded():
    reg = pd.concat([load(n) for n in REGISTERS], ignore_index=True)
    return reg.merge(load("proposals_coding")[["proposal_id", "theme", "instrument", "addressee"]], on="proposal_id")


def test_part_two_exhibits_in_the_default_run(default_run):
    root, _ = default_run
    ids = {e["id"] for e in json.loads((root / "manifest.json").read_text())["exhibits"] if e["chapter"] == "cooperation"}
    assert {f"cooperation-table-6.{i}" for i in range(15, 33)} <= ids
    assert {f"cooperation-figure-6.{i}" for i in range(5, 8)} <= ids
    counts = pd.read_csv(root / "cooperation" / "tables" / "table-6.17.csv")
    assert counts["Total"].sum() == len(_coded())  # every coded item counted once


def test_sela_register_and_schedule():
    activities, steps = load("sela2016_activities"), load("sela2016_schedule_steps")
    assert len(activities) == 35 and len(steps) == 91
    assert steps.groupby("code").size().reindex(activities["code"]).notna().all()  # every activity has its schedule
    assert (steps.groupby("code")["step_no"].apply(lambda s: list(s) == list(range(1, len(s) + 1)))).all()
    months = steps.dropna(subset=["start_month"])
    assert months["start_month"].between(1, 12).all() and months["end_month"].dropna().between(1, 12).all()


def test_fealac_sequencing_normalises_look_alike_capitals():
    tf = load("eclac2006_t01_tf_sequencing")
    printed = "".join(tf["sequencing_printed"])
    assert any(ord(ch) > 127 for ch in printed)  # Greek and Cyrillic capitals as printed
    assert set("".join(tf["sequencing"]).replace(" or ", "").replace(" ", "")) <= set("ABC")
    assert sorted(tf["measure_no"]) == list(range(1, 13)) and tf["inferred"].sum() == 4


def test_proposal_lists_follow_the_parameters(other_run):
    """other_run selects theme trade_promotion, source eclac-2018-korea-lac, addressee korea (Spanish)."""
    root, code = other_run
    assert code == 0
    coded = _coded()
    chosen = coded[(coded["theme"] == "trade_promotion") & (coded["source"] == "eclac-2018-korea-lac") & (coded["addressee"] == "korea")]
    shown = pd.read_csv(root / "cooperation" / "tables" / "table-6.29.csv")
    assert sorted(shown["Propuesta"]) == sorted(chosen["proposal_id"]) and len(chosen) > 0
    assert set(shown["Tema"]) == {"Agencias de promoción comercial"} and set(shown["Destinatario"]) == {"Corea"}
    naming = coded[coded["countries_iso3"].fillna("").str.split(";").map(lambda cs: "PAN" in [c.strip() for c in cs])]
    path = root / "cooperation" / "tables" / "table-6.30.csv"
    if naming.empty:
        shown_text, _, _ = read_executed(root / "cooperation" / "06_cooperation.ipynb")
        assert "Ninguna propuesta de los cinco documentos nombra a Panamá." in shown_text and not path.exists()
    else:
        assert sorted(pd.read_csv(path)["Propuesta"]) == sorted(naming["proposal_id"])
