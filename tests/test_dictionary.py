"""The data dictionary (data/dictionary.csv): generated from the sidecars, fresh, complete in both languages."""
import csv
import json

import pytest

from kolac import dictionary
from kolac._version import __version__
from kolac.catalog import MetadataError, catalog
from kolac.paths import DATA


@pytest.fixture(scope="module")
def table():
    with open(DATA / "dictionary.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_dictionary_is_generated_from_the_sidecars():
    assert (DATA / "dictionary.csv").read_text(encoding="utf-8") == dictionary.dictionary_csv(), \
        "data/dictionary.csv is stale: run `python -m kolac package`"


def test_one_row_per_column_of_every_table(table):
    expected = [(n, f["name"]) for n, m in catalog().items() for f in m["schema"]["fields"]]
    assert [(r["resource"], r["column"]) for r in table if r["resource"] != "claims"] == expected
    with open(DATA / "claims.csv", newline="", encoding="utf-8") as fh:
        assert [r["column"] for r in table if r["resource"] == "claims"] == next(csv.reader(fh))
    assert list(table[0]) == list(dictionary.COLUMNS)


def test_every_column_is_described_in_both_languages(table):
    bare = [(r["resource"], r["column"]) for r in table if not r["description"] or not r["description_es"]]
    assert not bare
    same = [(r["resource"], r["column"]) for r in table if r["description"] == r["description_es"]]
    assert not same, f"Spanish description copied from the English: {same[:5]}"
    assert not [(r["resource"], r["column"]) for r in table if bool(r["unit"]) != bool(r["unit_es"])]


def test_a_known_row_reads_as_its_sidecar(table):
    row = next(r for r in table if (r["resource"], r["column"]) == ("itc2015_t03_fdi_inflows", "value"))
    meta = catalog()["itc2015_t03_fdi_inflows"]
    field = next(f for f in meta["schema"]["fields"] if f["name"] == "value")
    assert (row["type"], row["unit"], row["source"], row["table"]) == (field["type"], field["unit"], "itc-2015-smes-gvc-latam", "Table 3")
    assert row["unit_es"] == dictionary.units_es()[field["unit"]]
    assert row["description_es"].startswith("Entradas de IED")


def test_spanish_descriptions_must_follow_the_schema():
    meta = dict(catalog()["itc2015_t03_fdi_inflows"])
    es = dict(meta["descriptions_es"])
    es.pop("iso3")
    with pytest.raises(MetadataError, match=r"itc2015_t03_fdi_inflows.meta.yaml: descriptions_es .*missing \['iso3'\]"):
        dictionary.descriptions_es({**meta, "descriptions_es": es})
    with pytest.raises(MetadataError, match="schema order"):
        dictionary.descriptions_es({**meta, "descriptions_es": dict(reversed(list(meta["descriptions_es"].items())))})


def test_an_untranslated_unit_is_refused(monkeypatch):
    monkeypatch.setattr(dictionary, "units_es", lambda: {})
    with pytest.raises(MetadataError, match=r"unit '.+' has no Spanish in data/units_es.yaml"):
        dictionary.rows()


def test_the_data_package_carries_the_version_and_the_spanish_descriptions():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["version"] == __version__
    fields = [f for r in pkg["resources"] for f in r["schema"]["fields"]]
    assert len(fields) == sum(len(m["schema"]["fields"]) for m in catalog().values()) + 15
    assert all(f.get("description_es") for f in fields)
