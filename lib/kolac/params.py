"""Notebook parameters: one specification, used by the runner (before any kernel starts), by
`python -m kolac params CHAPTER`, and by `kolac.setup()` inside the notebook. A test checks that
each notebook's `parameters` cell declares exactly these names and defaults.
"""
from dataclasses import dataclass

from .labels import country_codes


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

    def describe(self) -> str:
        allowed = ""
        if self.choices:
            allowed = " allowed: " + ", ".join(map(str, self.choices))
        if self.bounds:
            allowed = f" allowed: {self.bounds[0]}..{self.bounds[1]}"
        return f"{self.name} ({self.type.__name__}, default {self.default!r}){allowed} — {self.help}"


SHARED = (
    Param("lang", str, "en", "language of labels, captions and table headers", choices=("en", "es")),
    Param("countries", str, "all", "ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'"),
    Param("fig_format", str, "png", "figure file format", choices=("png", "svg")),
    Param("output_dir", str, "outputs", "where exhibits are written, relative to the repository root"),
    Param("apply_corrections", bool, True, "use corrected values from data/corrections.yaml (False: as printed)"),
)

CHAPTER = {
    "trade": (
        Param("focus_country", str, "CHL", "country profiled against the region (ISO3)"),
        Param("top_n", int, 10, "number of partners shown in ranked exhibits", bounds=(1, 24)),
        Param("year_from", int, 2003, "first year of the Chile/Peru series shown and analysed", bounds=(2003, 2015)),
        Param("year_to", int, 2015, "last year of the Chile/Peru series shown and analysed", bounds=(2003, 2015)),
    ),
    "fdi": (
        Param("focus_country", str, "BRA", "country profiled across the FDI tables (ISO3)"),
        Param("period", str, "2007-2012", "period of eclac-2016 Table 1 used for the destination ranking and shares", choices=("2001-2006", "2007-2012")),
        Param("lac_year", int, 2014, "year of eclac-2018 Table 31 shown for Latin American destinations by firm size", choices=(2013, 2014)),
    ),
    "innovation": (Param("focus_country", str, "CHL", "country whose innovation-system bodies and start-up policy tools are shown where the tables print them (ISO3)"),),
    "smes": (Param("focus_country", str, "CHL", "country whose SME profile is shown across the tables where it appears (ISO3)"),),
    "tpas": (
        Param("focus_country", str, "CHL", "country whose agency is profiled against KOTRA and the regional median (ISO3)"),
        Param("source_copy", str, "eclac-2016-korea-celac", "which printing of the 2015 agency statistics to use by default",
              choices=("eclac-2016-korea-celac", "eclac-2018-korea-lac")),
    ),
    "cooperation": (),
}


def spec(chapter: str) -> tuple:
    if chapter not in CHAPTER:
        raise ParameterError(f"unknown chapter {chapter!r}; chapters: {', '.join(CHAPTER)}")
    return SHARED + CHAPTER[chapter]


def defaults(chapter: str) -> dict:
    return {p.name: p.default for p in spec(chapter)}


def _coerce(p: Param, value):
    if p.type is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ParameterError(f"parameter {p.name!r}: {value!r} is not a boolean (true/false)")
    if p.type is int:
        if isinstance(value, bool):
            raise ParameterError(f"parameter {p.name!r}: {value!r} is not an integer")
        try:
            return int(str(value))
        except ValueError:
            raise ParameterError(f"parameter {p.name!r}: {value!r} is not an integer") from None
    if p.name == "countries" and isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def validate(chapter: str, given: dict) -> dict:
    """Return the full, normalized parameter set; raise ParameterError naming the bad value."""
    params = {p.name: p for p in spec(chapter)}
    unknown = sorted(set(given) - set(params))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(unknown)} for chapter {chapter!r}; "
                             f"allowed: {', '.join(params)}")
    out = defaults(chapter)
    for name, value in given.items():
        p = params[name]
        v = _coerce(p, value)
        if p.choices and v not in p.choices:
            raise ParameterError(f"parameter {name!r}: {v!r} not allowed; allowed: {', '.join(map(str, p.choices))}")
        if p.bounds and not p.bounds[0] <= v <= p.bounds[1]:
            raise ParameterError(f"parameter {name!r}: {v} out of range; allowed: {p.bounds[0]}..{p.bounds[1]}")
        out[name] = v
    codes = country_codes()
    if out["countries"] != "all":
        wanted = [c.strip().upper() for c in out["countries"].split(",") if c.strip()]
        bad = [c for c in wanted if c not in codes]
        if bad or not wanted:
            raise ParameterError(f"parameter 'countries': unknown ISO3 code(s) {', '.join(bad) or '(none given)'}; "
                                 f"allowed: 'all' or {', '.join(sorted(codes))}")
        out["countries"] = ",".join(wanted)
    if "focus_country" in out:
        fc = str(out["focus_country"]).upper()
        if fc not in codes:
            raise ParameterError(f"parameter 'focus_country': unknown ISO3 code {fc!r}; allowed: {', '.join(sorted(codes))}")
        out["focus_country"] = fc
    if "year_from" in out and "year_to" in out and out["year_from"] > out["year_to"]:
        raise ParameterError(f"parameters 'year_from' ({out['year_from']}) and 'year_to' ({out['year_to']}): "
                             "year_from must not be later than year_to")
    if "output_dir" in out and not out["output_dir"].strip():
        raise ParameterError("parameter 'output_dir': empty path")
    return out


def help_text(chapter: str) -> str:
    lines = [f"Parameters of chapter {chapter!r} (notebook {__import__('kolac').CHAPTERS[chapter]}.ipynb):"]
    lines += ["  " + p.describe() for p in spec(chapter)]
    return "\n".join(lines)
