"""The corrections register: every entry's evidence is recomputed on the data as printed; an
entry fails loudly when it no longer applies; the loader applies entries visibly."""
import pytest

from kolac import checks, corrections
from kolac.corrections import CorrectionError, Correction, verify
from kolac.data import load

ENTRIES = corrections.register()


def test_register_is_not_empty():
    assert ENTRIES, "the register should hold the known printing errors"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda c: c.id)
def test_evidence_still_holds(entry):
    verify(entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda c: c.id)
def test_loader_applies_and_marks(entry):
    key = " & ".join(f"`{k}` == {v!r}" for k, v in entry.row.items())
    as_printed = load(entry.resource, corrected=False).query(key)
    fixed = load(entry.resource).query(key)
    assert len(as_printed) == len(fixed) == 1
    assert checks.same(as_printed[entry.column].iloc[0], entry.printed)
    assert checks.same(fixed[entry.column].iloc[0], entry.corrected)
    assert entry.id in fixed["corrections"].iloc[0]
    assert any(a["id"] == entry.id for a in load(entry.resource).attrs["corrections"])


def test_stale_entry_fails_loudly():
    e = ENTRIES[0]
    stale = Correction(**{**e.__dict__, "printed": "999999999"})
    with pytest.raises(CorrectionError, match="no longer|register says printed"):
        verify(stale)


def test_entry_whose_evidence_agrees_with_print_is_rejected():
    e = ENTRIES[0]
    wrong = Correction(**{**e.__dict__, "evidence": {"expr": repr(float(e.printed)) if not isinstance(e.printed, str) else repr(e.printed)}})
    with pytest.raises(CorrectionError, match="agrees with the printed value"):
        verify(wrong)


def test_unknown_kind_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "corrections.yaml"
    bad.write_text((corrections.DATA / "corrections.yaml").read_text(encoding="utf-8").replace(
        f"kind: {ENTRIES[0].kind}", "kind: typo_of_a_kind", 1), encoding="utf-8")
    monkeypatch.setattr(corrections, "DATA", tmp_path)
    corrections.register.cache_clear()
    try:
        with pytest.raises(CorrectionError, match="typo_of_a_kind"):
            corrections.register()
    finally:
        corrections.register.cache_clear()
