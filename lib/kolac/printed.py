"""The transcribed tables exactly as printed: read a CSV, check its checksum against its sidecar,
validate it against the sidecar's schema, and type its columns. No corrections here: those are
applied on top by `kolac.data.load` (see kolac.corrections).
"""
import csv
import re

import pandas as pd

from .catalog import provenance, resource, sha256_file
from .paths import rel


class DataValidationError(ValueError):
    """A data file breaks its schema; the message names file, row and column."""


_PATTERNS = {
    "integer": re.compile(r"-?\d+"),
    "number": re.compile(r"-?\d+(\.\d+)?"),
    "year": re.compile(r"\d{4}"),
    "boolean": re.compile(r"true|false"),
}


def read_raw(name: str):
    """The CSV's header and rows as printed strings, after checksum and schema validation."""
    meta = resource(name)
    path = meta["_csv"]
    digest = sha256_file(path)
    if meta.get("sha256") != digest:
        raise DataValidationError(
            f"{rel(path)}: sha256 {digest[:12]}… does not match its sidecar ({str(meta.get('sha256'))[:12]}…); "
            "if the change is intended, run `python -m kolac package`"
        )
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if not rows:
        raise DataValidationError(f"{rel(path)}: the file is empty (not even a header row)")
    header, body = rows[0], rows[1:]
    validate(meta, header, body)
    return meta, header, body


def validate(meta, header, body):
    schema = meta["schema"]
    where = rel(meta["_csv"])
    names = [f["name"] for f in schema["fields"]]
    if header != names:
        raise DataValidationError(f"{where}: header {header} differs from the schema fields {names}")
    missing = set(schema.get("missingValues", [""]))
    keys = schema.get("primaryKey") or []
    seen = {}
    for i, row in enumerate(body, start=2):
        if len(row) != len(names):
            raise DataValidationError(f"{where}, row {i}: {len(row)} cells, expected {len(names)}")
        for field, value in zip(schema["fields"], row):
            col = field["name"]
            cons = field.get("constraints", {})
            if value in missing:
                if cons.get("required") or col in keys:
                    raise DataValidationError(f"{where}, row {i}, column {col!r}: required value is missing")
                continue
            pat = _PATTERNS.get(field["type"])
            if pat and not pat.fullmatch(value):
                raise DataValidationError(f"{where}, row {i}, column {col!r}: {value!r} is not a valid {field['type']}")
            if "enum" in cons and value not in [str(v) for v in cons["enum"]]:
                raise DataValidationError(f"{where}, row {i}, column {col!r}: {value!r} not in {cons['enum']}")
            if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
                raise DataValidationError(f"{where}, row {i}, column {col!r}: {value!r} does not match {cons['pattern']!r}")
            for bound, ok in (("minimum", lambda v, b: v >= b), ("maximum", lambda v, b: v <= b)):
                if bound in cons and field["type"] in ("integer", "number", "year") and not ok(float(value), float(cons[bound])):
                    raise DataValidationError(f"{where}, row {i}, column {col!r}: {value} breaks {bound} {cons[bound]}")
        if keys:
            key = tuple(row[names.index(k)] for k in keys)
            if key in seen:
                raise DataValidationError(f"{where}, row {i}: primary key {dict(zip(keys, key))} repeats row {seen[key]}")
            seen[key] = i


def _typed(meta, header, body) -> pd.DataFrame:
    schema = meta["schema"]
    missing = set(schema.get("missingValues", [""]))
    cols = {}
    for j, field in enumerate(schema["fields"]):
        raw = [r[j] for r in body]
        vals = [None if v in missing else v for v in raw]
        t = field["type"]
        if t in ("integer", "year"):
            cols[field["name"]] = pd.array([None if v is None else int(v) for v in vals], dtype="Int64")
        elif t == "number":
            cols[field["name"]] = pd.array([None if v is None else float(v) for v in vals], dtype="Float64")
        elif t == "boolean":
            cols[field["name"]] = pd.array([None if v is None else v == "true" for v in vals], dtype="boolean")
        else:
            cols[field["name"]] = pd.array(vals, dtype="string")
    return pd.DataFrame(cols, columns=header)


# Integer columns hold exact counts, ranks, years and line numbers, except those that print a
# rounded magnitude (money, or persons in thousands): those, and every `number` column, are known
# to half a unit of their last printed digit.
_ROUNDED_INTEGER_UNIT = re.compile(r"US\$|thousand|million|billion|not stated", re.I)


def half_units(meta, header, body) -> dict:
    """Per numeric column, half a unit of each cell's last printed digit ('7.0' -> 0.05, '812' ->
    0.5; 0 for exact cells; None where the cell is empty), by row position."""
    from .expr import half_unit_of

    missing = set(meta["schema"].get("missingValues", [""]))
    out = {}
    for j, field in enumerate(meta["schema"]["fields"]):
        t = field["type"]
        if t == "number" or (t == "integer" and _ROUNDED_INTEGER_UNIT.search(str(field.get("unit", "")))):
            out[field["name"]] = tuple(None if r[j] in missing else half_unit_of(r[j]) for r in body)
        elif t in ("integer", "year"):
            out[field["name"]] = tuple(None if r[j] in missing else 0.0 for r in body)
    return out


def load(name: str) -> pd.DataFrame:
    """The table as printed, typed, with its provenance in ``df.attrs``."""
    meta, header, body = read_raw(name)
    df = _typed(meta, header, body)
    df.attrs.update({
        "name": name,
        "source": meta["source"],
        "table": meta["table"],
        "title": meta["title"],
        "units": meta["units"],
        "scale": meta["scale"],
        "currency": meta["currency"],
        "period": meta["period"],
        "lines": meta["lines"],
        "citation": provenance(meta),
        "inferred": meta.get("inferred"),
        "corrections": [],
        "half_units": half_units(meta, header, body),
    })
    return df
