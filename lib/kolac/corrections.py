"""The corrections register (data/corrections.yaml): printed values known to be wrong.

Each entry names one cell (resource, row keys, column), the printed and corrected values, the
kind of error and its evidence: an expression (kolac.expr) evaluated on the data *as printed*
that recomputes what the cell should hold. `verify()` fails loudly when an entry no longer
applies: the cell no longer holds the printed value, or the evidence no longer supports the
correction.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from . import printed
from .catalog import catalog
from .checks import same
from .expr import Tables, evaluate, half_unit_of
from .paths import DATA

KINDS = {"sum_mismatch", "share_mismatch", "unit_error", "decimal_error", "text_table_contradiction",
         "cross_document_contradiction", "mislabel", "duplicate_row", "typo_number", "other"}
FIELDS = ("id", "source", "table", "resource", "row", "column", "printed", "corrected", "kind",
          "evidence", "explanation")


class CorrectionError(ValueError):
    pass


@dataclass
class Correction:
    id: str
    source: str
    table: str
    resource: str
    row: dict
    column: str
    printed: object
    corrected: object
    kind: str
    evidence: dict
    explanation: str
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def register() -> tuple:
    path = DATA / "corrections.yaml"
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    out = []
    for i, e in enumerate(raw.get("corrections") or [], start=1):
        missing = [k for k in FIELDS if k not in e]
        if missing:
            raise CorrectionError(f"data/corrections.yaml entry {i} ({e.get('id')}): missing {missing}")
        if e["kind"] not in KINDS:
            raise CorrectionError(f"data/corrections.yaml {e['id']}: kind {e['kind']!r} not one of {sorted(KINDS)}")
        if "expr" not in e["evidence"]:
            raise CorrectionError(f"data/corrections.yaml {e['id']}: evidence needs an `expr` to recompute")
        out.append(Correction(**{k: e[k] for k in FIELDS}, extra={k: v for k, v in e.items() if k not in FIELDS}))
    ids = [c.id for c in out]
    if len(ids) != len(set(ids)):
        raise CorrectionError("data/corrections.yaml: duplicate ids")
    return tuple(out)


def for_resource(name: str) -> list:
    return [c for c in register() if c.resource == name]


def _locate(df, c: Correction):
    mask = None
    for k, v in c.row.items():
        if k not in df.columns:
            raise CorrectionError(f"{c.id}: row key {k!r} is not a column of {c.resource}")
        m = (df[k].astype("string") == str(v)).fillna(False).astype(bool)
        mask = m if mask is None else mask & m
    idx = list(df.index[mask])
    if len(idx) != 1:
        raise CorrectionError(f"{c.id}: row {c.row} matches {len(idx)} rows of {c.resource}, expected 1 — entry no longer applies")
    return idx[0]


def apply(df, name: str):
    """Return a copy of `df` with the register's corrections for `name` applied and marked."""
    df = df.copy()
    marks = [""] * len(df)
    applied = []
    halves = {k: list(v) for k, v in df.attrs.get("half_units", {}).items()}
    for c in for_resource(name):
        _verified(c.id)  # the evidence is recomputed before the value is used: a wrong entry stops the run
        i = _locate(df, c)
        now = df.at[i, c.column]
        if not same(now, c.printed):
            raise CorrectionError(
                f"{c.id}: {c.resource} row {c.row} column {c.column!r} holds {now!r}, the register says "
                f"printed {c.printed!r} — entry no longer applies"
            )
        df.at[i, c.column] = c.corrected
        pos = df.index.get_loc(i)
        if halves.get(c.column) and halves[c.column][pos]:  # a corrected cell is known to its corrected digits
            halves[c.column][pos] = half_unit_of(str(c.corrected))
        marks[pos] = (marks[pos] + "; " if marks[pos] else "") + f"{c.column}: {c.printed} -> {c.corrected} ({c.id})"
        applied.append({"id": c.id, "row": c.row, "column": c.column, "printed": c.printed,
                        "corrected": c.corrected, "kind": c.kind})
    df["corrections"] = marks
    df.attrs["corrections"] = applied
    if "half_units" in df.attrs:
        df.attrs["half_units"] = {k: tuple(v) for k, v in halves.items()}
    return df


@lru_cache(maxsize=None)
def _verified(entry_id: str) -> dict:
    return verify(next(c for c in register() if c.id == entry_id))


def verify(c: Correction) -> dict:
    """Recompute the evidence of one entry; raise CorrectionError when it no longer holds."""
    printed_df = printed.load(c.resource)
    i = _locate(printed_df, c)
    now = printed_df.at[i, c.column]
    if not same(now, c.printed):
        raise CorrectionError(f"{c.id}: the data now hold {now!r} where the register says printed {c.printed!r}")
    expected = evaluate(c.evidence["expr"], Tables(printed.load))
    tol = float(c.evidence.get("tolerance", 0))
    if isinstance(expected, str):
        ok_fix, ok_wrong = expected == str(c.corrected), expected != str(c.printed)
    else:
        ok_fix = abs(expected - float(c.corrected)) <= tol + 1e-9
        ok_wrong = abs(expected - float(c.printed)) > tol + 1e-9
    if not ok_wrong:
        raise CorrectionError(f"{c.id}: evidence gives {expected!r}, which agrees with the printed value {c.printed!r}: no correction needed")
    if not ok_fix:
        raise CorrectionError(f"{c.id}: evidence gives {expected!r}, not the corrected value {c.corrected!r} (tolerance {tol})")
    return {"id": c.id, "expected": expected, "printed": c.printed, "corrected": c.corrected}


def table():
    """The register as a DataFrame, for notebooks."""
    import pandas as pd

    return pd.DataFrame([{"id": c.id, "source": c.source, "table": c.table, "row": ", ".join(f"{k}={v}" for k, v in c.row.items()),
                          "column": c.column, "printed": c.printed, "corrected": c.corrected, "kind": c.kind,
                          "evidence": c.evidence["expr"], "explanation": c.explanation} for c in register()])


def known_defects(chapter: str):
    """Every printed defect of a chapter's tables: the corrections register's entries (corrected
    on load) and the sidecars' `issues` (documented, not corrected). Built from the files, never
    retyped in a notebook."""
    import pandas as pd

    resources = {n: m for n, m in catalog().items() if m["chapter"] == chapter}
    rows = [{"id": c.id, "source": c.source, "table": f"{c.source}, {c.table}", "resource": c.resource,
             "cell": ", ".join(f"{k}={v}" for k, v in c.row.items()) + f" / {c.column}",
             "printed": str(c.printed), "corrected": str(c.corrected), "status": "corrected", "kind": c.kind,
             "evidence": c.evidence["expr"], "explanation": " ".join(str(c.explanation).split())}
            for c in register() if c.resource in resources]
    ids = {c.id for c in register()}
    for name, meta in resources.items():
        for i, issue in enumerate(meta.get("issues") or [], start=1):
            text = " ".join(str(issue).split())
            named = sorted(set(re.findall(r"\bC-[A-Z]+-\d+\b|\bC\d{3}\b", text)) & ids)
            # an issue that names a register entry is the documentation of a corrected cell
            rows.append({"id": f"{name}#{i}", "source": meta["source"], "table": f"{meta['source']}, {meta['table']}", "resource": name,
                         "cell": "", "printed": "", "corrected": ", ".join(named),
                         "status": "corrected" if named else "documented", "kind": "sidecar issue",
                         "evidence": "", "explanation": text})
    return pd.DataFrame(rows, columns=["id", "source", "table", "resource", "cell", "printed", "corrected", "status",
                                       "kind", "evidence", "explanation"])
