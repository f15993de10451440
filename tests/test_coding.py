"""The coding of the proposals (data/cooperation/proposals_coding.csv) against its codebook: two
independent codings of every item, codes from the declared vocabulary, every disagreement resolved
with a reason, agreement reported as computed here; and the theme-evidence links."""
import json

import pandas as pd
import pytest
import yaml

from kolac import checks
from kolac.catalog import catalog
from kolac.chapters import ADDRESSEES, THEMES
from kolac.data import load
from kolac.expr import Tables, evaluate
from kolac.paths import DATA

CODEBOOK = yaml.safe_load((DATA / "cooperation" / "proposals_codebook.yaml").read_text(encoding="utf-8"))
EVIDENCE = yaml.safe_load((DATA / "theme_evidence.yaml").read_text(encoding="utf-8"))
REGISTERS = ("proposals_eclac2006", "proposals_eclac2016", "proposals_sela2016", "proposals_eclac2018")
FIELDS = ("theme", "instrument", "addressee")


@pytest.fixture(scope="module")
def coding():
    return load("proposals_coding")


def test_registry_codes_are_the_codebooks():
    assert THEMES == tuple(CODEBOOK["fields"]["theme"]["codes"])
    assert ADDRESSEES == tuple(CODEBOOK["fields"]["addressee"]["codes"])


def test_every_item_is_coded_twice_from_the_vocabulary(coding):
    items = pd.concat([load(n) for n in REGISTERS])["proposal_id"]
    assert sorted(coding["proposal_id"]) == sorted(items)
    for field in FIELDS:
        codes = set(CODEBOOK["fields"][field]["codes"])
        for col in (f"{field}_a", f"{field}_b", field):
            assert set(coding[col]) <= codes, f"{col}: {set(coding[col]) - codes}"


def test_resolutions(coding):
    for r in coding.itertuples():
        differ = [f for f in FIELDS if getattr(r, f"{f}_a") != getattr(r, f"{f}_b")]
        for f in FIELDS:
            if f not in differ:  # agreement stands
                assert getattr(r, f) == getattr(r, f"{f}_a"), (r.proposal_id, f)
        if differ:
            assert isinstance(r.resolution, str) and len(r.resolution) > 10, f"{r.proposal_id}: disagreement without reason"
        else:
            assert pd.isna(r.resolution) or r.resolution == "", f"{r.proposal_id}: a resolution where the coders agree"


def test_the_notebook_reports_the_kappa_computed_here(coding, default_run):
    root, _ = default_run
    table = pd.read_csv(root / "cooperation" / "tables" / "table-6.15.csv")
    shown = dict(zip(table.iloc[:, 0], table["κ"]))
    for field, name in zip(FIELDS, ("Theme", "Instrument", "Addressee")):
        kappa = checks.cohen_kappa(coding[f"{field}_a"], coding[f"{field}_b"])
        assert shown[name] == pytest.approx(round(kappa, 3))
        assert 0 < kappa <= 1


def test_every_linked_exhibit_exists(default_run):
    root, _ = default_run
    ids = {e["id"] for e in json.loads((root / "manifest.json").read_text())["exhibits"]}
    missing = [l["exhibit"] for l in EVIDENCE["links"] if l["exhibit"] not in ids]
    assert not missing, f"theme_evidence.yaml links exhibits the run does not make: {missing}"


def test_evidence_covers_every_theme_once_way_or_another():
    linked = {l["theme"] for l in EVIDENCE["links"]} | set(EVIDENCE["unmeasured"])
    assert linked == set(THEMES)
    tables = Tables(load)
    for l in EVIDENCE["links"]:
        v = evaluate(l["expr"], tables)
        assert isinstance(v, (int, float)) and v == v, l


def test_coding_is_a_derived_resource():
    meta = catalog()["proposals_coding"]
    assert meta["source"] == "derived" and set(meta["derived_from"]) == set(REGISTERS)
