"""Notebook parameters: how one is declared (`Param`), the ones every chapter shares, and their
validation. Each chapter's own parameters are declared with the chapter, in kolac.chapters; the
runner validates them before any kernel starts and `kolac.setup()` again inside the notebook.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from .labels import country_codes
from .paths import OUTPUTS, ROOT, output_root


class ParameterError(ValueError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    default: object
    help: str
    choices: tuple | None = None
    bounds: tuple | None = None  # inclusive (low, high) for ints
    kind: str = ""  # "iso3": one country code; "iso3_list": 'all' or comma-separated codes


def allowed(p: Param, sep: str = ", ") -> str:
    """The allowed values as text ('2013, 2014' or '1..24'), or '' when any value of the type goes."""
    if p.choices:
        return sep.join(map(str, p.choices))
    return f"{p.bounds[0]}..{p.bounds[1]}" if p.bounds else ""


def describe(p: Param) -> str:
    """One line of `kolac params`."""
    a = allowed(p)
    return f"{p.name} ({p.type.__name__}, default {p.default!r}){' allowed: ' + a if a else ''} — {p.help}"


def declaration(p: Param) -> str:
    """One line of a notebook's `parameters` cell: typed, with its default, help and allowed values."""
    a = allowed(p, " | ")
    suffix = (f": {a}" if p.choices else f" ({a})") if a else ""
    default = f'"{p.default}"' if isinstance(p.default, str) else repr(p.default)
    return f"{p.name}: {p.type.__name__} = {default}  # {p.help}{suffix}"


SHARED = (
    Param("lang", str, "en", "language of labels, captions and table headers", choices=("en", "es")),
    Param("countries", str, "all", "ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'", kind="iso3_list"),
    Param("fig_format", str, "png", "figure file format", choices=("png", "svg")),
    Param("output_dir", str, "outputs", "where exhibits are written, relative to the repository root"),
    Param("apply_corrections", bool, True, "use corrected values from data/corrections.yaml (False: as printed)"),
)

def _coerce(p: Param, value):
    if p.type is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ParameterError(f"parameter {p.name!r}: {value!r} is not a boolean (true/false)")
    if p.type is int:
        text = str(value).strip()
        # int() would take "1_0" and " 10 "; a parameter is written as plain digits
        if isinstance(value, bool) or not re.fullmatch(r"-?\d+", text):
            a = allowed(p)
            raise ParameterError(f"parameter {p.name!r}: {value!r} is not an integer" + (f"; allowed: {a}" if a else ""))
        return int(text)
    if p.kind == "iso3_list" and isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def validate_params(chapter: str, spec: tuple, given: dict) -> dict:
    """Return the full, normalized parameter set; raise ParameterError naming the bad value."""
    params = {p.name: p for p in spec}
    unknown = sorted(set(given) - set(params))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(unknown)} for chapter {chapter!r}; "
                             f"allowed: {', '.join(params)}")
    out = {p.name: p.default for p in spec}
    for name, value in given.items():
        p = params[name]
        v = _coerce(p, value)
        if p.choices and v not in p.choices:
            raise ParameterError(f"parameter {name!r}: {v!r} not allowed; allowed: {', '.join(map(str, p.choices))}")
        if p.bounds and not p.bounds[0] <= v <= p.bounds[1]:
            raise ParameterError(f"parameter {name!r}: {v} out of range; allowed: {p.bounds[0]}..{p.bounds[1]}")
        out[name] = v
    codes = country_codes()
    for p in spec:
        if p.kind == "iso3_list" and out[p.name] != "all":
            wanted = [c.strip().upper() for c in out[p.name].split(",") if c.strip()]
            bad = [c for c in wanted if c not in codes]
            if bad or not wanted:
                raise ParameterError(f"parameter {p.name!r}: unknown ISO3 code(s) {', '.join(bad) or '(none given)'}; "
                                     f"allowed: 'all' or {', '.join(sorted(codes))}")
            out[p.name] = ",".join(wanted)
        elif p.kind == "iso3":
            code = str(out[p.name]).upper()
            if code not in codes:
                raise ParameterError(f"parameter {p.name!r}: unknown ISO3 code {code!r}; allowed: {', '.join(sorted(codes))}")
            out[p.name] = code
    if "year_from" in out and "year_to" in out and out["year_from"] > out["year_to"]:
        raise ParameterError(f"parameters 'year_from' ({out['year_from']}) and 'year_to' ({out['year_to']}): "
                             "year_from must not be later than year_to")
    if "output_dir" in out:
        check_output_dir(given.get("output_dir", out["output_dir"]))
    return out


def check_output_dir(value) -> Path:
    """The output root named by `output_dir`, or ParameterError: it must be a folder path outside
    the repository or inside its outputs/ folder (anywhere else a run could overwrite the
    committed notebooks or data), and not a file or under one."""
    if value is None or not str(value).strip() or str(value).strip().lower() in ("none", "null"):
        raise ParameterError(f"parameter 'output_dir': {value!r} is not a folder path")
    root = output_root(str(value)).resolve()
    repo, outputs = ROOT.resolve(), OUTPUTS.resolve()
    if (root == repo or repo in root.parents) and not (root == outputs or outputs in root.parents):
        raise ParameterError(f"parameter 'output_dir': {value!r} is {root} inside the repository; use outputs/ "
                             "(or a folder in it) or a folder outside the repository")
    for p in [root, *root.parents]:
        if p.exists() and not p.is_dir():
            raise ParameterError(f"parameter 'output_dir': {value!r} — {p} is a file, not a folder")
    return root
