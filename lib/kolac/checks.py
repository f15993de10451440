"""Checks the chapters repeat, written once: comparing two printings of a table cell by cell,
rounding verdicts, and the agreement of two codings (the chapters' known-defects table is
kolac.corrections.known_defects).

Two printings agree on a number when they are equal as printed (Decimal equality, so 0.40 = 0.4);
on a text when they are equal after one normalisation (`normalize_text`). A number recomputed
from printed inputs is "within rounding" of a printed one when they differ by no more than the
tolerance the printed precision allows.
"""
import re
import unicodedata
from decimal import Decimal, InvalidOperation

MATCHES, WITHIN_ROUNDING, MISMATCH = "matches", "within_rounding", "mismatch"


def _missing(v) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, pd.NA raises TypeError in bool()
    except TypeError:
        return True


def normalize_text(v) -> str:
    """Case, accents, typographic quotes and dashes, and whitespace folded away."""
    s = unicodedata.normalize("NFKD", str(v))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip().casefold()


def _number(v):
    if isinstance(v, bool):
        return None
    try:
        return Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None


def same(a, b) -> bool:
    """Do two printed cells agree? Both missing: yes; numbers: equal as printed; texts: equal
    after normalize_text."""
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return na == nb
    return normalize_text(a) == normalize_text(b)


def rounding_verdict(printed, recomputed, tolerance: float) -> str:
    """MATCHES when equal, WITHIN_ROUNDING when |difference| <= tolerance, else MISMATCH."""
    diff = abs(float(printed) - float(recomputed))
    if diff <= 1e-9:
        return MATCHES
    return WITHIN_ROUNDING if diff <= tolerance + 1e-9 else MISMATCH


def compare_printings(left, right, key, columns, names=("left", "right")):
    """Cell-by-cell comparison of two printings of one table, joined on `key` (a column or list
    of columns). Returns one row per key and column where they differ (or a key printed in only
    one of them), with both values: columns key..., column, <names[0]>, <names[1]>."""
    import pandas as pd

    key = [key] if isinstance(key, str) else list(key)
    a, b = left.set_index(key), right.set_index(key)
    for df, n in ((a, names[0]), (b, names[1])):
        if not df.index.is_unique:
            raise ValueError(f"compare_printings: key {key} is not unique in {n}")
    rows = []
    for k in list(a.index) + [k for k in b.index if k not in a.index]:
        kk = k if isinstance(k, tuple) else (k,)
        for c in columns:
            va = a.at[k, c] if k in a.index else None
            vb = b.at[k, c] if k in b.index else None
            if k not in a.index or k not in b.index or not same(va, vb):
                rows.append(dict(zip(key, kk), column=c, **{names[0]: va, names[1]: vb}))
    return pd.DataFrame(rows, columns=key + ["column", names[0], names[1]])


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two codings of the same items (sequences of codes, same order):
    (observed agreement - chance agreement) / (1 - chance agreement), chance from each coder's
    own code frequencies. 1.0 when both coders used one and the same code throughout."""
    a, b = list(a), list(b)
    if len(a) != len(b) or not a:
        raise ValueError(f"cohen_kappa: two codings of the same non-empty items needed, got {len(a)} and {len(b)}")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    codes = set(a) | set(b)
    chance = sum((a.count(c) / n) * (b.count(c) / n) for c in codes)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)
