"""Transcriptions checked against the printed source text (see kolac.transcription); the tests
that read the texts are marked `audit` (`make audit`)."""
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


@pytest.mark.audit
@pytest.mark.parametrize("path", PIN_FILES, ids=lambda p: p.stem)
def test_pins(path):
    name, entries = pins(path)
    assert len(entries) >= 4
    df, meta = load(name, corrected=False), catalog()[name]
    for pin in entries:
        check_pin(df, meta, pin)


@pytest.mark.audit
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


PRINTED_TEXT = sorted(n for n, m in catalog().items() if m.get("printed_text"))


def test_printed_text_is_kept_where_a_chapter_reads_the_layout():
    """A chapter that needs printed lines beyond the cells (a header's line breaks, a chart's axis)
    reads them from its sidecar's `printed_text`, so that it runs without the source texts."""
    assert PRINTED_TEXT == ["eclac2018_t14_uir_policy_schemes", "eclac2018_t15_regional_industry_policies"]
    for name in PRINTED_TEXT:
        meta = catalog()[name]
        a, b = meta["lines"]
        assert all(a <= n <= b and isinstance(t, str) and t for n, t in meta["printed_text"].items()), name


@pytest.mark.audit
@pytest.mark.parametrize("name", PRINTED_TEXT)
def test_printed_text_is_the_line_as_printed(name):
    from kolac.documents import line

    meta = catalog()[name]
    assert {n: line(meta["source"], n).strip() for n in meta["printed_text"]} == meta["printed_text"]
