"""The claims ledger (data/claims.csv): numeric statements in the sources' prose, paraphrased,
each with the expression that recomputes it from the tables. The status is computed here and
only here, never written in the ledger:

  confirmed      the recomputed value, rounded as the claim is printed, equals the claim
                 (for `comparison` gt/lt/ge/le: the inequality holds)
  rounding       it differs by no more than the claim's tolerance (default: half a unit of the
                 last printed digit, widened by `tolerance` for "about"/"almost" claims)
  contradicted   it differs by more, or the inequality fails
  not checkable  no table holds what the claim needs (`check` is empty; `why` says what is missing)
"""
import csv
from decimal import Decimal

from .data import load
from .expr import ExprError, Tables, evaluate
from .paths import DATA

COLUMNS = ("claim_id", "chapter", "source", "section", "line", "claim", "value", "unit", "year",
           "comparison", "tolerance", "tables", "check", "why")
STATUSES = ("confirmed", "rounding", "contradicted", "not checkable")


class ClaimError(ValueError):
    pass


def ledger(chapter: str | None = None) -> list:
    path = DATA / "claims.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames) != COLUMNS:
            raise ClaimError(f"data/claims.csv: columns {reader.fieldnames}, expected {list(COLUMNS)}")
        rows = list(reader)
    for i, r in enumerate(rows, start=2):
        if r["check"] and not r["value"]:
            raise ClaimError(f"data/claims.csv row {i} ({r['claim_id']}): a checked claim needs a value")
        if not r["check"] and not r["why"]:
            raise ClaimError(f"data/claims.csv row {i} ({r['claim_id']}): an unchecked claim needs `why`")
        if r["comparison"] not in ("eq", "gt", "lt", "ge", "le"):
            raise ClaimError(f"data/claims.csv row {i} ({r['claim_id']}): comparison {r['comparison']!r} not in eq/gt/lt/ge/le")
    ids = [r["claim_id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise ClaimError("data/claims.csv: duplicate claim_id")
    return [r for r in rows if chapter is None or r["chapter"] == chapter]


def status(claimed: str, recomputed: float, comparison: str = "eq", tolerance: str = "") -> str:
    c = Decimal(claimed)
    x = float(recomputed)
    if comparison != "eq":
        ok = {"gt": x > float(c), "lt": x < float(c), "ge": x >= float(c), "le": x <= float(c)}[comparison]
        return "confirmed" if ok else "contradicted"
    exp = c.as_tuple().exponent
    quantum = Decimal(1).scaleb(exp)
    if Decimal(repr(x)).quantize(quantum) == c:  # Decimal rounding is half-even; use it only for equality
        return "confirmed"
    half = float(quantum) / 2
    if abs(x - float(c)) <= half + 1e-12:
        return "confirmed"
    tol = float(tolerance) if tolerance else float(quantum)
    return "rounding" if abs(x - float(c)) <= tol + 1e-12 else "contradicted"


def audit(chapter: str | None = None, corrected: bool = True):
    """Recompute every claim of a chapter; returns a DataFrame with the computed status."""
    import pandas as pd

    tables = Tables(lambda name: load(name, corrected=corrected))
    out = []
    for r in ledger(chapter):
        rec = {k: r[k] for k in ("claim_id", "source", "section", "line", "claim", "value", "unit", "year")}
        if not r["check"]:
            rec.update(recomputed=None, status="not checkable", detail=r["why"])
        else:
            try:
                x = evaluate(r["check"], tables)
            except ExprError as exc:
                raise ClaimError(f"claim {r['claim_id']}: {exc}") from exc
            rec.update(recomputed=round(float(x), 6), status=status(r["value"], x, r["comparison"], r["tolerance"]),
                       detail=r["check"])
        rec["comparison"] = r["comparison"]
        out.append(rec)
    return pd.DataFrame(out)


def tables_read(chapter: str) -> list:
    """The resources the chapter's claims are checked against (for the exhibit's source line)."""
    return sorted({t for r in ledger(chapter) for t in r["tables"].split(";") if t})
