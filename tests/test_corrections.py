"""The corrections register: every entry's evidence is recomputed on the data as printed; an
entry fails loudly when it no longer applies; the loader applies entries visibly."""
import pytest

from kolac import corrections
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
    printed = load(entry.resource, corrected=False)
    fixed = load(entry.resource)
    key = " & ".join(f"`{k}` == {v!r}" for k, v in entry.row.items())
    assert printed.query(key)[entry.column].iloc[0] == pytest.approx(entry.printed) if not isinstance(entry.printed, str) \
        else printed.query(key)[entry.column].iloc[0] == entry.printed
    row = fixed.query(key).iloc[0]
    assert str(row[entry.column]) == str(entry.corrected) or row[entry.column] == pytest.approx(float(entry.corrected))
    assert entry.id in row["corrections"]
    assert any(a["id"] == entry.id for a in fixed.attrs["corrections"])


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


def test_kinds_are_declared():
    assert all(c.kind in corrections.KINDS for c in ENTRIES)
