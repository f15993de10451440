"""The data package: generated from the sidecars, checksums current, valid for Frictionless,
every CSV described, and each sidecar's `used_by` true of the notebooks."""
import re

import pytest

from kolac import claims
from kolac.chapters import REGISTRY
from kolac.paths import DATA, NOTEBOOKS
from kolac.catalog import DERIVED, catalog, datapackage_json, sha256_file

RESOURCES = sorted(catalog())


def test_datapackage_is_generated_from_sidecars():
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == datapackage_json(), \
        "data/datapackage.json is stale: run `python -m kolac package`"


def test_every_csv_has_a_sidecar():
    # the ledger is described in kolac.catalog, the dictionary is generated from the sidecars
    csvs = {p.stem for p in DATA.rglob("*.csv") if p.name not in {"claims.csv", "dictionary.csv"}}
    assert csvs == set(RESOURCES)


@pytest.mark.parametrize("name", RESOURCES)
def test_checksum_current(name):
    meta = catalog()[name]
    assert meta["sha256"] == sha256_file(meta["_csv"]), f"{name}: run `python -m kolac package`"


@pytest.mark.parametrize("name", RESOURCES)
def test_provenance_fields(name):
    meta = catalog()[name]
    assert meta["chapter"] in REGISTRY and meta["_csv"].parent.name == meta["chapter"]
    if meta["source"] == DERIVED:  # made by the compendium: it names its inputs instead of printed lines
        assert meta["table"] == "Coding" and meta["lines"] is None
        assert set(meta["derived_from"]) <= set(RESOURCES) and "skip" in meta["body_check"]
    else:
        assert re.fullmatch(r"(Table|Box|Figure) [0-9A-Z]+|Table \(unnumbered\)|Narrative", meta["table"]), meta["table"]
        a, b = meta["lines"]
        assert 1 <= a <= b
    assert meta["scale"] in (None, "one", "thousand", "million", "billion", "mixed")
    for f in meta["schema"]["fields"]:
        if f["type"] in ("integer", "number") and f["name"] != "line":
            assert f.get("unit"), f"{name}.{f['name']}: numeric field without unit"


def test_frictionless_validates_the_package():
    from frictionless import validate

    report = validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:20]


@pytest.mark.parametrize("name", RESOURCES)
def test_used_by_matches_notebooks(name):
    """A resource is used by a notebook when the notebook names it or audits a claim that reads it."""
    users = set()
    for chapter, c in REGISTRY.items():
        nb = c.notebook
        text = (NOTEBOOKS / f"{nb}.py").read_text(encoding="utf-8")
        audited = any(name in r["tables"].split(";") for r in claims.ledger(chapter)) and "claims_audit(" in text
        if name in text or audited:
            users.add(nb)
    assert set(catalog()[name]["used_by"]) == users
