"""Transcriptions checked against the printed source text (see kolac.transcription)."""
import pytest

from kolac.data import load
from kolac.paths import ROOT
from kolac.catalog import catalog
from kolac.transcription import body_check, check_pin, parse_printed, pins
from decimal import Decimal

PIN_FILES = sorted((ROOT / "tests" / "pins").glob("*.yaml"))
CHECKED = sorted(n for n, m in catalog().items() if "skip" not in m.get("body_check", {"skip": "none declared"}))


def test_every_transcribed_resource_has_pins():
    # derived resources (our coding of the proposals) print nothing to pin; tests/test_coding.py checks them
    pinned = {pins(p)[0] for p in PIN_FILES}
    assert pinned == {n for n, m in catalog().items() if m["source"] != "derived"}


@pytest.mark.parametrize("path", PIN_FILES, ids=lambda p: p.stem)
def test_pins(path):
    name, entries = pins(path)
    assert len(entries) >= 4
    df, meta = load(name, corrected=False), catalog()[name]
    for pin in entries:
        check_pin(df, meta, pin)


@pytest.mark.parametrize("name", CHECKED)
def test_body_numbers_all_transcribed(name):
    missing, extra = body_check(name)
    assert not missing and not extra, f"printed but not in CSV: {dict(missing)}; in CSV but not printed: {dict(extra)}"


def test_every_skipped_body_check_says_why():
    for name, meta in catalog().items():
        bc = meta.get("body_check")
        assert bc, f"{name}: no body_check"
        if "skip" in bc:
            assert len(bc["skip"]) > 20, f"{name}: body_check skip needs a reason"


@pytest.mark.parametrize("printed, value", [("30 675 421", "30675421"), ("-14.5", "-14.5"), ("(1,234)", "-1234"),
                                            ("0.40", "0.4"), ("12.5%", "12.5")])
def test_parse_printed(printed, value):
    assert parse_printed(printed) == Decimal(value)


def test_parse_printed_rejects_text():
    with pytest.raises(ValueError):
        parse_printed("n.a.")
