"""Machine checks of a transcription against the printed source text.

* pins: selected cells whose printed text is quoted with its line; the cell must equal the
  parsed print, and the print must stand on that line of the source.
* body check: every numeric cell printed in the table's body lines (sidecar `body_check`) must
  be in the CSV and vice versa — the multiset of printed numbers equals the multiset of CSV numbers.
"""
import csv
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

from .catalog import resource
from .documents import line as source_line
from .documents import lines as source_lines

NUMBER = re.compile(r"\(?-?\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?\)?%?|\(?-?\d+(?:\.\d+)?\)?%?")


def parse_printed(text: str) -> Decimal:
    """'1 234.5' -> 1234.5; '(12)' -> -12; '-3.0%' -> -3.0; raises ValueError if not a number."""
    t = text.strip()
    if not NUMBER.fullmatch(t):
        raise ValueError(f"not a printed number: {text!r}")
    neg = t.startswith("(") and t.rstrip("%").endswith(")")
    t = t.strip("()%").replace(" ", "").replace(",", "")
    if neg:
        t = "-" + t
    return Decimal(t)


def _dec(v) -> Decimal:
    return Decimal(str(v)).normalize()


def body_tokens(meta: dict) -> Counter:
    chk = meta["body_check"]
    fused = {}  # line -> its fused pieces (a line may hold several, e.g. one per tab cell)
    for f in chk.get("fused", []):
        fused.setdefault(f["line"], []).append(f)
    text = source_lines(meta["source"])
    tokens = Counter()
    for a, b in chk["lines"]:
        for n in range(a, b + 1):
            pieces = text[n - 1].split("\t")
            for f in fused.get(n, []):
                stripped = [p.strip() for p in pieces]
                if f["printed"] not in stripped:
                    raise AssertionError(f"{meta['name']}: line {n} has no cell {f['printed']!r} to split")
                pieces.pop(stripped.index(f["printed"]))
                pieces += f["tokens"]
            for p in pieces:
                p = p.strip()
                if p and NUMBER.fullmatch(p):
                    tokens[parse_printed(p).normalize()] += 1
    for ig in chk.get("ignore") or []:
        d = parse_printed(str(ig)).normalize()
        if tokens[d] <= 0:
            raise AssertionError(f"{meta['name']}: ignored token {ig!r} is not printed in the body lines")
        tokens[d] -= 1
    return +tokens


def csv_numbers(meta: dict) -> Counter:
    chk = meta["body_check"]
    exclude = set(chk.get("exclude_fields") or []) | {"line"}
    fields = [f for f in meta["schema"]["fields"] if f["type"] in ("integer", "number", "year") and f["name"] not in exclude]
    missing = set(meta["schema"].get("missingValues", [""]))
    out = Counter()
    with open(meta["_csv"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for f in fields:
                v = row[f["name"]]
                if v not in missing:
                    out[_dec(v)] += 1
    return out


def body_check(name: str) -> tuple:
    """(missing_from_csv, extra_in_csv) as Counters; both empty when the transcription is complete."""
    meta = resource(name)
    printed, data = body_tokens(meta), csv_numbers(meta)
    return printed - data, data - printed


def pins(path: Path) -> tuple:
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return doc["resource"], doc["pins"]


def check_pin(df, meta, pin) -> None:
    """Raise AssertionError unless the pinned cell equals its printed text on its source line."""
    sel = df
    for k, v in pin["row"].items():
        sel = sel[(sel[k].astype("string") == str(v)).fillna(False).astype(bool)]
    assert len(sel) == 1, f"{meta['name']}: pin row {pin['row']} matches {len(sel)} rows"
    cell = sel[pin["column"]].iloc[0]
    text = source_line(meta["source"], pin["line"])
    assert pin["printed"] in text, f"{meta['name']}: {pin['printed']!r} is not on source line {pin['line']}: {text!r}"
    ftype = next(f["type"] for f in meta["schema"]["fields"] if f["name"] == pin["column"])
    if ftype in ("integer", "number", "year"):
        assert _dec(cell) == parse_printed(pin["printed"]).normalize() == _dec(pin["value"]), \
            f"{meta['name']} {pin['row']} {pin['column']}: CSV {cell!r}, pin {pin['value']!r}, printed {pin['printed']!r}"
    else:
        assert str(cell) == str(pin["value"]), f"{meta['name']} {pin['row']} {pin['column']}: CSV {cell!r} != pin {pin['value']!r}"
        assert pin["printed"] in str(cell), f"{meta['name']} {pin['row']} {pin['column']}: printed {pin['printed']!r} not in the cell {cell!r}"
