"""The claims ledger: statuses are computed, never typed; every checked claim evaluates."""
import csv

import pytest

from kolac import claims
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


def test_known_trade_claims():
    """Two claims recomputed by hand from Table 4: 641 255 / (1 - 0.210) = 811 715; Mexico first."""
    audit = claims.audit("trade").set_index("claim_id")
    assert audit.loc["TR-003", "recomputed"] == pytest.approx(811.715, abs=1e-3)
    assert audit.loc["TR-003", "status"] == "confirmed"
    assert audit.loc["TR-001", "recomputed"] == 1
    assert audit.loc["TR-008", "status"] == "not checkable"


def test_every_claim_names_existing_tables():
    from kolac.resources import catalog

    for c in claims.ledger():
        for t in filter(None, c["tables"].split(";")):
            assert t in catalog(), f"{c['claim_id']}: unknown table {t}"
        if c["check"]:
            assert c["tables"], f"{c['claim_id']}: a checked claim must name its tables"
            for t in c["tables"].split(";"):
                assert t in c["check"], f"{c['claim_id']}: check does not read {t}"
