"""The claims ledger (data/claims.csv): numeric statements in the sources' prose, paraphrased,
each with the expression that recomputes it from the tables. The status is computed here and
only here, never written in the ledger.

Every printed number is known only to its last digit: a cell printed "7.0" lies in [6.95, 7.05],
a claim printed "8%" stands for [7.5, 8.5]. The check is evaluated with those bounds on every
input cell (kolac.expr: interval arithmetic), giving the value from the printed cells, x, and the
interval [lo, hi] the unrounded cells allow. A claim printed as c with last digit q claims the
interval [c - q/2, c + q/2]; with an explicit `tolerance` t (for "about", "almost", "nearly",
written in the ledger row, never a default) it claims [c - t, c + t] (t only widens: 0 says the
hedge was considered and the printed precision suffices). Then:

  confirmed      x lies in the claimed interval: the recomputed value, rounded as the claim is
                 printed, is the claim (for gt/lt/ge/le: x satisfies the inequality)
  rounding       x does not, but some value in [lo, hi] does: the claim is what the rounded
                 inputs allow (e.g. 1.10 against 1.0899 computed from cells printed to one decimal)
  contradicted   no value the printed cells allow gives the claim
  not checkable  nothing transcribed decides the claim (`check` is empty; `why` says what is missing)

A check may compare two statements (`claim('TR-003')`, the other statement's printed number with
its precision): a number restated in a summary, another chapter or another document is checked
against the text it restates, not only against the tables.
"""
import csv
from decimal import Decimal

from .data import load
from .expr import ExprError, Num, Tables, evaluate_bounds
from .paths import DATA

COLUMNS = ("claim_id", "chapter", "source", "section", "line", "claim", "value", "printed", "unit", "year",
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


def claimed_interval(claimed: str, tolerance: str = "") -> tuple:
    """The interval a printed claim stands for: its last digit's half unit, or the ledger's tolerance."""
    c = Decimal(claimed)
    half = max(Decimal(1).scaleb(c.as_tuple().exponent) / 2, Decimal(tolerance or 0))  # a tolerance only widens
    return float(c - half), float(c + half)


def status(claimed: str, recomputed, comparison: str = "eq", tolerance: str = "") -> str:
    """The status of one claim given the check's result: a kolac.expr.Num (value and bounds), or
    a plain number for an exact result."""
    r = recomputed if isinstance(recomputed, Num) else Num(float(recomputed))
    x, lo, hi = float(r.x), float(r.lo), float(r.hi)
    eps = 1e-9 * max(1.0, abs(x))  # float noise in the recomputation, not a tolerance
    if comparison != "eq":
        c = float(Decimal(claimed))
        holds = {"gt": lambda v: v > c + eps, "lt": lambda v: v < c - eps,
                 "ge": lambda v: v >= c - eps, "le": lambda v: v <= c + eps}[comparison]
        edge = hi if comparison in ("gt", "ge") else lo
        return "confirmed" if holds(x) else "rounding" if holds(edge) else "contradicted"
    a, b = claimed_interval(claimed, tolerance)
    if a - eps <= x <= b + eps:
        return "confirmed"
    # the two intervals overlap in more than a point: a claim one rounding step away is not "rounding"
    return "rounding" if lo < b - eps and hi > a + eps else "contradicted"


def audit(chapter: str | None = None, corrected: bool = True, rows: list | None = None):
    """Recompute every claim of a chapter (or the given ledger rows); returns a DataFrame with the
    value from the printed cells, the bounds their precision allows, and the computed status."""
    import pandas as pd

    everything = ledger()
    statements = {r["claim_id"]: r["value"] for r in everything + list(rows or []) if r["value"]}
    tables = Tables(lambda name: load(name, corrected=corrected), statements)
    out = []
    for r in (rows if rows is not None else [r for r in everything if chapter is None or r["chapter"] == chapter]):
        rec = {k: r[k] for k in ("claim_id", "source", "section", "line", "claim", "value", "unit", "year")}
        if not r["check"]:
            rec.update(recomputed=None, low=None, high=None, status="not checkable", detail=r["why"])
        else:
            try:
                x = evaluate_bounds(r["check"], tables)
            except ExprError as exc:
                raise ClaimError(f"claim {r['claim_id']}: {exc}") from exc
            if isinstance(x, str):
                raise ClaimError(f"claim {r['claim_id']}: the check gives the text {x!r}, not a number")
            rec.update(recomputed=round(float(x.x), 6), low=round(float(x.lo), 6), high=round(float(x.hi), 6),
                       status=status(r["value"], x, r["comparison"], r["tolerance"]), detail=r["check"])
        rec["comparison"] = r["comparison"]
        rec["tolerance"] = r["tolerance"]
        out.append(rec)
    return pd.DataFrame(out)


def tables_read(chapter: str) -> list:
    """The resources the chapter's claims are checked against (for the exhibit's source line)."""
    return sorted({t for r in ledger(chapter) for t in r["tables"].split(";") if t})
