"""The claims ledger: statuses are computed, never typed; every checked claim evaluates."""
import csv

import pytest

from kolac import claims, golden
from kolac.paths import DATA


def test_ledger_has_no_status_column():
    with open(DATA / "claims.csv", newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "status" not in header and tuple(header) == claims.COLUMNS


@pytest.mark.parametrize("claimed, x, comparison, tol, expected", [
    ("812", 811.715, "eq", "", "confirmed"),      # rounds to the printed precision
    ("342", 342.348, "eq", "", "confirmed"),
    ("0.08", 0.0877, "eq", "", "rounding"),       # within one unit of the last printed digit
    ("0.08", 0.0950, "eq", "", "contradicted"),
    ("30", 33.9, "eq", "5", "rounding"),          # an "about" claim with an explicit tolerance
    ("0", 379701, "gt", "", "confirmed"),
    ("20000", 14642, "gt", "", "contradicted"),
])
def test_status_rules(claimed, x, comparison, tol, expected):
    assert claims.status(claimed, x, comparison, tol) == expected


@pytest.mark.parametrize("chapter", sorted({c["chapter"] for c in claims.ledger()}))
def test_audit_computes_every_claim(chapter):
    audit = claims.audit(chapter)
    assert len(audit) == len(claims.ledger(chapter))
    assert set(audit["status"]) <= set(claims.STATUSES)
    checked = audit[audit["status"] != "not checkable"]
    assert checked["recomputed"].notna().all()


def test_statuses_match_the_golden_record():
    """Every claim's computed status and value equal tests/golden/claim_statuses.csv, which
    `python -m kolac golden` regenerates; a changed status shows in the diff of that file."""
    assert golden.claim_statuses_csv() == golden.CLAIMS.read_text(encoding="utf-8")


def test_golden_record_covers_every_claim():
    ids = [line.split(",")[0] for line in golden.CLAIMS.read_text(encoding="utf-8").splitlines()[1:]]
    assert ids == [c["claim_id"] for c in claims.ledger()]


def test_every_claim_names_existing_tables():
    from kolac.catalog import catalog

    for c in claims.ledger():
        for t in filter(None, c["tables"].split(";")):
            assert t in catalog(), f"{c['claim_id']}: unknown table {t}"
        if c["check"]:
            assert c["tables"], f"{c['claim_id']}: a checked claim must name its tables"
            for t in c["tables"].split(";"):
                assert t in c["check"], f"{c['claim_id']}: check does not read {t}"
