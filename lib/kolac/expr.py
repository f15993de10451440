"""A tiny, readable expression language over the transcribed tables.

Corrections' evidence and claims' checks are written as expressions in the data files, e.g.

    cell('eclac2018_t04_trade_partners_2015', 'exports', partner='Mexico')
      / cell('eclac2018_t04_trade_partners_2015', 'exports', partner='Region Total') * 100

so that a reviewer reads the computation next to the claim. Evaluated with no builtins except
the functions below.
"""
import math
import statistics


class ExprError(ValueError):
    pass


class Tables:
    """Resolves table references through a loader: `kolac.printed.load` for the evidence of
    corrections (the data as printed), `kolac.data.load` for claims (corrected). The loader is
    passed in so that this module depends on neither."""

    def __init__(self, loader):
        self.loader = loader
        self._cache = {}

    def frame(self, name):
        if name not in self._cache:
            self._cache[name] = self.loader(name)
        return self._cache[name]

    def select(self, name, filters):
        df = self.frame(name)
        mask = None
        for spec, want in filters.items():
            col, _, op = spec.partition("__")  # partner='Mexico', partner__ne='Region Total', balance__lt=0
            if col not in df.columns:
                raise ExprError(f"{name}: no column {col!r} (columns: {list(df.columns)})")
            s = df[col]
            if op in ("", "ne"):
                m = (s.astype("string") == str(want)) if isinstance(want, str) else (s == want)
                m = ~m if op == "ne" else m
            elif op in ("lt", "gt"):
                m = (s < want) if op == "lt" else (s > want)
            elif op == "in":  # iso3__in=['CHL', 'PER']
                m = s.astype("string").isin([str(w) for w in want])
            elif op == "re":  # institution__re='^Ministry of' (regular-expression search, case-sensitive)
                m = s.astype("string").str.contains(want, regex=True)
            else:
                raise ExprError(f"{name}: unknown filter operator {op!r} in {spec!r} (use __ne, __lt, __gt, __in, __re)")
            m = m.fillna(False).astype(bool)
            mask = m if mask is None else (mask & m)
        return df if mask is None else df[mask]


def namespace(tables: Tables) -> dict:
    def cell(name, column, **keys):
        sel = tables.select(name, keys)
        if len(sel) != 1:
            raise ExprError(f"cell({name!r}, {column!r}, {keys}) matches {len(sel)} rows, expected 1")
        v = sel[column].iloc[0]
        if v is None or (not isinstance(v, str) and _isna(v)):
            raise ExprError(f"cell({name!r}, {column!r}, {keys}) is missing")
        return float(v) if not isinstance(v, str) else v

    def col(name, column, **filters):
        sel = tables.select(name, filters)
        return [float(v) for v in sel[column].dropna()]

    def count(name, **filters):
        return len(tables.select(name, filters))

    def rank(name, column, key, value, **filters):
        """1 = largest value of `column` among the selected rows."""
        sel = tables.select(name, filters).dropna(subset=[column]).sort_values(column, ascending=False)
        keys = [str(k) for k in sel[key]]
        if str(value) not in keys:
            raise ExprError(f"rank: {value!r} not found in {name}.{key}")
        return keys.index(str(value)) + 1

    return {
        "cell": cell, "col": col, "count": count, "rank": rank,
        "sum": sum, "min": min, "max": max, "abs": abs, "len": len, "round": round,
        "mean": statistics.fmean, "median": statistics.median,
        "share": lambda part, whole: 100.0 * part / whole,
        "pct_change": lambda new, old: 100.0 * (new / old - 1.0),
        "multiple": lambda new, old: new / old,
        "cagr": lambda first, last, years: 100.0 * ((last / first) ** (1.0 / years) - 1.0),
        "hhi": lambda values: sum((100.0 * v / sum(values)) ** 2 for v in values),
        "log": math.log,
    }


def _isna(v):
    try:
        return v != v  # NaN
    except TypeError:
        return False


def evaluate(expression: str, tables: Tables):
    try:
        return eval(compile(expression, "<expr>", "eval"), {"__builtins__": {}}, namespace(tables))
    except ExprError:
        raise
    except Exception as exc:  # name errors, zero division, bad syntax: say which expression
        raise ExprError(f"cannot evaluate {expression!r}: {type(exc).__name__}: {exc}") from exc
