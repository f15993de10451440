"""The claims ledger: statuses are computed, never typed; every checked claim evaluates."""
import csv
import re

import pytest

from kolac import claims, golden
from kolac.expr import Num
from kolac.paths import DATA


def test_ledger_has_no_status_column():
    with open(DATA / "claims.csv", newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "status" not in header and tuple(header) == claims.COLUMNS


@pytest.mark.parametrize("claimed, x, lo, hi, comparison, tol, expected", [
    ("812", 811.715, 811.2, 812.2, "eq", "", "confirmed"),        # rounds to the printed 812
    ("342", 342.348, 342.0, 342.7, "eq", "", "confirmed"),
    ("8", 7.0, 6.95, 7.05, "eq", "", "contradicted"),            # '8%' against a printed 7.0: not rounding
    ("7.5", 7.0, 6.95, 7.05, "eq", "", "contradicted"),
    ("1.10", 1.0899, 1.0850, 1.0960, "eq", "", "rounding"),       # the rounded inputs allow 1.10
    ("1.10", 1.0899, 1.0887, 1.0911, "eq", "", "contradicted"),   # they do not (SME-052's real bounds)
    ("1.10", 1.0899, 1.0850, 1.0960, "eq", "0", "rounding"),      # tolerance 0 = the printed precision
    ("13", 12, 12, 12, "eq", "", "contradicted"),                 # exact counts: one off is wrong
    ("13", 12.0, 11.5, 12.5, "eq", "", "contradicted"),           # touching intervals are not an overlap
    ("50", 47.3, 47.25, 47.35, "eq", "5", "confirmed"),           # "almost half", tolerance written in the row
    ("50", 44.0, 43.5, 45.5, "eq", "5", "rounding"),
    ("50", 44.0, 43.5, 44.5, "eq", "5", "contradicted"),
    ("0", 379701, 379700.5, 379701.5, "gt", "", "confirmed"),
    ("20000", 14642, 14641.5, 14642.5, "gt", "", "contradicted"),
    ("50", 49.98, 49.9, 50.06, "gt", "", "rounding"),             # below as printed, above within precision
    ("2", 3, 3, 3, "le", "", "contradicted"),
])
def test_status_rules(claimed, x, lo, hi, comparison, tol, expected):
    assert claims.status(claimed, Num(x, lo, hi), comparison, tol) == expected


def test_claimed_interval_is_half_a_unit_of_the_last_printed_digit():
    assert claims.claimed_interval("8") == (7.5, 8.5)
    assert claims.claimed_interval("7.0") == (6.95, 7.05)
    assert claims.claimed_interval("0.08") == (0.075, 0.085)
    assert claims.claimed_interval("50", "5") == (45.0, 55.0)


HEDGES = re.compile(r"\b(about|around|approximately|roughly|some|nearly|almost|close to|one third|a third|"
                    r"two-thirds|two thirds|one fifth|a fifth|half)\b", re.I)


def test_hedged_claims_carry_an_explicit_tolerance():
    """"About", "almost", "nearly" widen a claim only by a tolerance written in its row (0 = the
    printed precision suffices), never by a hidden default."""
    missing = [c["claim_id"] for c in claims.ledger() if c["check"] and c["comparison"] == "eq"
               and HEDGES.search(c["claim"].split(" (")[0]) and c["tolerance"] == ""]
    assert not missing, f"hedged claims without a tolerance: {missing}"


def test_the_ledger_column_tolerance_is_a_number():
    for c in claims.ledger():
        if c["tolerance"]:
            float(c["tolerance"])


def test_restatements_are_checked_text_against_text():
    """Some claims compare one printing of a number with another (claim('ID')); each names a
    claim of the ledger, and at least one restatement in every document is checked that way."""
    ids = {c["claim_id"] for c in claims.ledger()}
    restating = [c for c in claims.ledger() if "claim(" in c["check"]]
    for c in restating:
        for ref in re.findall(r"claim\('([^']+)'\)", c["check"]):
            assert ref in ids and ref != c["claim_id"], c["claim_id"]
    assert {c["source"] for c in restating} == {c["source"] for c in claims.ledger()}


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
            reads = re.search(r"\b(cell|col|count|rank)\(", c["check"])
            assert bool(c["tables"]) == bool(reads), f"{c['claim_id']}: a check that reads tables names them, and only then"
            for t in filter(None, c["tables"].split(";")):
                assert t in c["check"], f"{c['claim_id']}: check does not read {t}"


@pytest.mark.audit
def test_every_claim_stands_on_its_line():
    """A reader finds each statement where the ledger says: its value (or, where the number is in
    words, rescaled or implied, its `printed` words) stands on its line of the source text."""
    from kolac import documents, errata

    off = [(c["claim_id"], c["line"], c["printed"] or c["value"]) for c in claims.ledger()
           if not errata.printed_on_lines({"line": int(c["line"]), "last_line": int(c["line"]), "printed": c["printed"] or c["value"]},
                                          documents.lines(c["source"]))]
    assert not off, f"{len(off)} claims not found on their line: {off[:10]}"


def test_the_ledger_covers_all_five_documents_and_their_summaries():
    """Every document contributes checked statements, and the summaries, abstracts, forewords and
    introductions are in the ledger (SOURCES.md §8 counts about 455 numeric statements)."""
    rows = claims.ledger()
    assert len(rows) >= 455
    by_source = {s: [c for c in rows if c["source"] == s] for s in {c["source"] for c in rows}}
    assert len(by_source) == 5 and all(sum(1 for c in cs if c["check"]) >= 30 for cs in by_source.values())
    front = re.compile(r"summary|abstract|introduction|foreword|conclusion", re.I)
    # the FEALAC study's introduction (L28-30) prints no number; every other document's front matter does
    assert {c["source"] for c in rows if front.search(c["section"])} == set(by_source) - {"eclac-2006-fealac-ict-smes"}


def test_not_checkable_claims_say_what_is_missing():
    assert all(len(c["why"]) >= 20 for c in claims.ledger() if not c["check"])
