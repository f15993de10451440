"""kolac.data.load: typed values as printed, provenance in attrs, clear errors naming file,
row and column."""
import copy
import shutil

import pytest

import re

from kolac import corrections, printed
from kolac.data import DataValidationError, load
from kolac.printed import validate
from kolac.catalog import resource

T4 = "eclac2018_t04_trade_partners_2015"


def test_values_and_provenance():
    df = load(T4)
    mex = df[df["partner"] == "Mexico"].iloc[0]
    assert mex["exports"] == 10892170 and mex["imports_change"] == 6.2 and mex["iso3"] == "MEX"
    assert df.attrs["source"] == "eclac-2018-korea-lac" and df.attrs["table"] == "Table 4"
    assert df.attrs["units"].startswith("US$ thousand")
    # every register entry for the table is applied, marked in attrs and in the row's `corrections` cell
    entries = [c.id for c in corrections.for_resource(T4)]
    assert [a["id"] for a in df.attrs["corrections"]] == entries
    assert sorted(i for cell in df["corrections"] if cell for i in re.findall(r"\((C-[A-Z]+-\d+)\)", cell)) == sorted(entries)


def test_as_printed_has_an_empty_corrections_column():
    df = load(T4, corrected=False)
    assert (df["corrections"] == "").all() and df.attrs["corrections"] == []


def test_region_total_has_no_iso3():
    df = load(T4)
    assert df.loc[df["partner"] == "Region Total", "iso3"].isna().all()


def _raw():
    meta = resource(T4)
    import csv

    with open(meta["_csv"], newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return meta, rows[0], rows[1:]


def test_type_error_names_file_row_column():
    meta, header, body = _raw()
    body = copy.deepcopy(body)
    body[2][header.index("exports")] = "5 494 977"  # a thousands separator left in
    with pytest.raises(DataValidationError, match=r"eclac2018_t04_trade_partners_2015\.csv, row 4, column 'exports'"):
        validate(meta, header, body)


def test_duplicate_key_is_reported():
    meta, header, body = _raw()
    body = copy.deepcopy(body) + [list(body[1])]
    with pytest.raises(DataValidationError, match="primary key .*Mexico.* repeats row 3"):
        validate(meta, header, body)


def test_missing_required_value():
    meta, header, body = _raw()
    body = copy.deepcopy(body)
    body[0][header.index("partner")] = ""
    with pytest.raises(DataValidationError, match="row 2, column 'partner': required value is missing"):
        validate(meta, header, body)


def test_header_mismatch():
    meta, header, body = _raw()
    with pytest.raises(DataValidationError, match="header"):
        validate(meta, header[::-1], body)


def test_checksum_mismatch_is_an_error(tmp_path, monkeypatch):
    meta = dict(resource(T4))
    changed = tmp_path / "t.csv"
    shutil.copy(meta["_csv"], changed)
    changed.write_text(changed.read_text().replace("10892170", "10892171"))
    meta["_csv"] = changed
    monkeypatch.setattr(printed, "resource", lambda name: meta)
    with pytest.raises(DataValidationError, match="sha256 .* does not match its sidecar"):
        load(T4)


def test_unknown_resource_lists_known():
    with pytest.raises(KeyError, match="eclac2018_t04_trade_partners_2015"):
        load("no_such_table")
