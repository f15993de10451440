"""A tiny, readable expression language over the transcribed tables.

Corrections' evidence and claims' checks are written as expressions in the data files, e.g.

    cell('eclac2018_t04_trade_partners_2015', 'exports', partner='Mexico')
      / cell('eclac2018_t04_trade_partners_2015', 'exports', partner='Region Total') * 100

so that a reviewer reads the computation next to the claim.

The evaluator is closed: it walks the parsed expression and accepts only literals (numbers,
strings, True/False for filters, lists, tuples), the arithmetic operators + - * / ** and unary minus, and calls of the
functions of VOCABULARY with literal keyword names. Anything else (attribute access, subscripts,
names outside the vocabulary, comprehensions, lambdas, comparisons) is refused with ExprError
before anything is computed.

Every number carries the bounds that the printed precision allows (kolac.printed records half a
unit of each cell's last printed digit; counts, ranks, years and literals are exact). Arithmetic
propagates the bounds (interval arithmetic), so `evaluate_bounds` gives the value computed from the
printed cells together with the lowest and highest value the unrounded cells could give. Where one
cell enters an expression twice, the bounds are safe but may be wider than exact.
"""
import ast
import math
import statistics


class ExprError(ValueError):
    pass


class Num:
    """A value computed from printed cells (`x`) and the interval [lo, hi] it may span."""

    __slots__ = ("x", "lo", "hi")

    def __init__(self, x, lo=None, hi=None):
        self.x = x
        self.lo = x if lo is None else lo
        self.hi = x if hi is None else hi

    def __repr__(self):
        return f"Num({self.x!r}, {self.lo!r}, {self.hi!r})"

    @property
    def exact(self):
        return self.lo == self.hi == self.x


def _num(v):
    if isinstance(v, Num):
        return v
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ExprError(f"expected a number, got {v!r}")
    return Num(v)


def _corners(f, *args):
    """f applied to a Num per argument, for f monotone in each argument separately."""
    args = [_num(a) for a in args]
    x = f(*(a.x for a in args))
    vals = [x]
    n = len(args)
    for mask in range(1 << n):
        pick = [args[i].hi if mask >> i & 1 else args[i].lo for i in range(n)]
        try:
            vals.append(f(*pick))
        except (ZeroDivisionError, ValueError, OverflowError):
            return Num(x, -math.inf, math.inf)
    return Num(x, min(vals), max(vals))


def _add(a, b):
    a, b = _num(a), _num(b)
    return Num(a.x + b.x, a.lo + b.lo, a.hi + b.hi)


def _sub(a, b):
    a, b = _num(a), _num(b)
    return Num(a.x - b.x, a.lo - b.hi, a.hi - b.lo)


def _mul(a, b):
    a, b = _num(a), _num(b)
    p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
    return Num(a.x * b.x, min(p), max(p))


def _div(a, b):
    a, b = _num(a), _num(b)
    x = a.x / b.x  # ZeroDivisionError on a printed zero: reported as such
    if b.lo <= 0 <= b.hi:
        return Num(x, -math.inf, math.inf)
    p = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
    return Num(x, min(p), max(p))


def _pow(a, b):
    a, b = _num(a), _num(b)
    if b.exact and float(b.x).is_integer():
        k = int(b.x)
        vals = [a.lo ** k, a.hi ** k]
        lo, hi = min(vals), max(vals)
        if k % 2 == 0 and k > 0 and a.lo < 0 < a.hi:
            lo = 0.0
        return Num(a.x ** k, lo, hi)
    if a.lo <= 0:
        raise ExprError(f"power of a value that may be zero or negative ({a!r})")
    return _corners(lambda u, v: u ** v, a, b)


def _neg(a):
    a = _num(a)
    return Num(-a.x, -a.hi, -a.lo)


def _abs(a):
    a = _num(a)
    if a.lo >= 0:
        return Num(abs(a.x), a.lo, a.hi)
    if a.hi <= 0:
        return Num(abs(a.x), -a.hi, -a.lo)
    return Num(abs(a.x), 0.0, max(-a.lo, a.hi))


def _values(seq, what):
    if isinstance(seq, Num) or not isinstance(seq, (list, tuple)):
        raise ExprError(f"{what} takes a list of numbers")
    return [_num(v) for v in seq]


def _sum(seq):
    out = Num(0)
    for v in _values(seq, "sum"):
        out = _add(out, v)
    return out


def _extreme(seq, f, what):
    vs = _values(seq, what)
    if not vs:
        raise ExprError(f"{what} of an empty list")
    return Num(f(v.x for v in vs), f(v.lo for v in vs), f(v.hi for v in vs))


def _mean(seq):
    vs = _values(seq, "mean")
    if not vs:
        raise ExprError("mean of an empty list")
    b = _div(_sum(vs), len(vs))
    return Num(statistics.fmean(v.x for v in vs), b.lo, b.hi)


def _median(seq):
    vs = _values(seq, "median")  # the median is monotone in every element
    if not vs:
        raise ExprError("median of an empty list")
    return Num(statistics.median(v.x for v in vs), statistics.median(v.lo for v in vs),
               statistics.median(v.hi for v in vs))


def _round(v, ndigits=0):
    v = _num(v)
    n = int(_num(ndigits).x)
    return Num(round(v.x, n), round(v.lo, n), round(v.hi, n))


def _log(v):
    v = _num(v)
    if v.lo <= 0:
        raise ExprError(f"log of a value that may be zero or negative ({v!r})")
    return Num(math.log(v.x), math.log(v.lo), math.log(v.hi))


def _share(part, whole):
    return _div(_mul(100.0, part), whole)


def _pct_change(new, old):
    return _mul(100.0, _sub(_div(new, old), 1.0))


def _multiple(new, old):
    return _div(new, old)


def _cagr(first, last, years):
    return _mul(100.0, _sub(_pow(_div(last, first), _div(1.0, years)), 1.0))


def _hhi(seq):
    """Herfindahl index of the listed values, each taken as a share of their sum (0-10,000).
    Bounds: each share at its extremes (own value high and the others low, and the reverse)."""
    vs = _values(seq, "hhi")
    total = sum(v.x for v in vs)
    x = sum((100.0 * v.x / total) ** 2 for v in vs)
    lo = hi = 0.0
    for i, v in enumerate(vs):
        others_lo = sum(w.lo for j, w in enumerate(vs) if j != i)
        others_hi = sum(w.hi for j, w in enumerate(vs) if j != i)
        lo += (100.0 * v.lo / (v.lo + others_hi)) ** 2
        hi += (100.0 * v.hi / (v.hi + others_lo)) ** 2
    return Num(x, lo, hi)


def _len(seq):
    if not isinstance(seq, (list, tuple)):
        raise ExprError("len takes a list")
    return Num(len(seq))


class Tables:
    """Resolves table references through a loader: `kolac.printed.load` for the evidence of
    corrections (the data as printed), `kolac.data.load` for claims (corrected). The loader is
    passed in so that this module depends on neither. `statements` maps claim ids to the numbers
    as printed in the text, for checks that compare one statement with another (`claim('TR-001')`)."""

    def __init__(self, loader, statements=None):
        self.loader = loader
        self.statements = statements or {}
        self._cache = {}

    def frame(self, name):
        if name not in self._cache:
            self._cache[name] = self.loader(name)
        return self._cache[name]

    def half_unit(self, name, column, label) -> float:
        """Half a unit of the last printed digit of one cell (0 for exact cells), as recorded by
        the loader in df.attrs['half_units']; a frame without that record is an error here."""
        halves = self.frame(name).attrs.get("half_units")
        if halves is None:
            raise ExprError(f"{name}: the loader did not record the printed precision of its cells")
        col = halves.get(column)
        return 0.0 if col is None else col[label]

    def select(self, name, filters):
        df = self.frame(name)
        mask = None
        for spec, want in filters.items():
            col, _, op = spec.partition("__")  # partner='Mexico', partner__ne='Region Total', balance__lt=0
            if col not in df.columns:
                raise ExprError(f"{name}: no column {col!r} (columns: {list(df.columns)})")
            s = df[col]
            if isinstance(want, Num):
                want = want.x
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


def _vocabulary(tables: Tables) -> dict:
    def value(name, column, label, v):
        if isinstance(v, str):
            return v
        h = tables.half_unit(name, column, label)
        v = float(v)
        return Num(v, v - h, v + h)

    def cell(name, column, **keys):
        sel = tables.select(name, keys)
        if len(sel) != 1:
            raise ExprError(f"cell({name!r}, {column!r}, {keys}) matches {len(sel)} rows, expected 1")
        v = sel[column].iloc[0]
        if v is None or (not isinstance(v, str) and _isna(v)):
            raise ExprError(f"cell({name!r}, {column!r}, {keys}) is missing")
        return value(name, column, sel.index[0], v)

    def col(name, column, **filters):
        sel = tables.select(name, filters)
        s = sel[column].dropna()
        return [value(name, column, i, v) for i, v in s.items()]

    def count(name, **filters):
        return Num(len(tables.select(name, filters)))

    def rank(name, column, key, value_, **filters):
        """1 = largest value of `column` among the selected rows. Bounds: the best and worst rank
        the row could hold given the printed precision of every value compared."""
        sel = tables.select(name, filters).dropna(subset=[column]).sort_values(column, ascending=False)
        keys = [str(k) for k in sel[key]]
        if str(value_) not in keys:
            raise ExprError(f"rank: {value_!r} not found in {name}.{key}")
        vals = [value(name, column, i, v) for i, v in sel[column].items()]
        me = keys.index(str(value_))
        others = [v for j, v in enumerate(vals) if j != me]
        best = 1 + sum(1 for o in others if o.lo > vals[me].hi)
        worst = 1 + sum(1 for o in others if o.hi > vals[me].lo)
        return Num(me + 1, best, worst)

    def claim(claim_id):
        """The number another statement prints (with its printed precision): text against text."""
        if claim_id not in tables.statements:
            raise ExprError(f"claim({claim_id!r}): no such claim in the ledger")
        printed = tables.statements[claim_id]
        return _printed_number(printed, f"claim({claim_id!r})")

    return {
        "cell": cell, "col": col, "count": count, "rank": rank, "claim": claim,
        "sum": _sum, "min": lambda *a: _extreme(a[0] if len(a) == 1 else list(a), min, "min"),
        "max": lambda *a: _extreme(a[0] if len(a) == 1 else list(a), max, "max"),
        "abs": _abs, "len": _len, "round": _round, "mean": _mean, "median": _median,
        "share": _share, "pct_change": _pct_change, "multiple": _multiple, "cagr": _cagr, "hhi": _hhi,
        "log": _log,
    }


VOCABULARY = ("cell", "col", "count", "rank", "claim", "sum", "min", "max", "abs", "len", "round", "mean",
              "median", "share", "pct_change", "multiple", "cagr", "hhi", "log")


def half_unit_of(text: str) -> float:
    """Half a unit of the last digit of a number as printed: '7.0' -> 0.05, '812' -> 0.5."""
    t = text.strip().lstrip("-")
    decimals = len(t.partition(".")[2])
    return 0.5 * 10.0 ** -decimals


def _printed_number(text, where):
    try:
        v = float(text)
    except ValueError:
        raise ExprError(f"{where}: {text!r} is not a number") from None
    h = half_unit_of(text)
    return Num(v, v - h, v + h)


def _unwrap(v):
    if isinstance(v, Num):
        return v.x
    if isinstance(v, list):
        return [_unwrap(u) for u in v]
    return v


def namespace(tables: Tables) -> dict:
    """The vocabulary as plain Python functions on plain numbers (for notebooks that reuse it)."""
    vocab = _vocabulary(tables)
    return {k: (lambda f: lambda *a, **kw: _unwrap(f(*a, **kw)))(f) for k, f in vocab.items()}


def _isna(v):
    try:
        return v != v  # NaN
    except TypeError:
        return False


_BINOPS = {ast.Add: _add, ast.Sub: _sub, ast.Mult: _mul, ast.Div: _div, ast.Pow: _pow}


def _check(tree, expression):
    """Refuse, before evaluating, every construct outside the language."""
    for node in ast.walk(tree):
        ok = isinstance(node, (ast.Expression, ast.Constant, ast.List, ast.Tuple, ast.Load, ast.keyword,
                               ast.BinOp, ast.UnaryOp, ast.Call, ast.Name)
                        + tuple(_BINOPS) + (ast.USub, ast.UAdd))
        if not ok:
            raise ExprError(f"{expression!r}: {type(node).__name__} is not allowed in an expression "
                            f"(only numbers, strings, lists, + - * / ** and calls of {', '.join(VOCABULARY)})")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (bool, int, float, str)):
            raise ExprError(f"{expression!r}: the literal {node.value!r} is not allowed")
        if isinstance(node, ast.Name) and node.id not in VOCABULARY:
            raise ExprError(f"{expression!r}: unknown name {node.id!r} (the vocabulary is {', '.join(VOCABULARY)})")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name):
                raise ExprError(f"{expression!r}: only the vocabulary's functions can be called, by name")
            if any(k.arg is None for k in node.keywords):
                raise ExprError(f"{expression!r}: **keyword unpacking is not allowed")
            if any(isinstance(a, ast.Starred) for a in node.args):
                raise ExprError(f"{expression!r}: *argument unpacking is not allowed")
        if isinstance(node, ast.keyword) and node.arg and node.arg.startswith("_"):
            raise ExprError(f"{expression!r}: keyword {node.arg!r} is not allowed")
    for node in ast.walk(tree):  # a name is allowed only as the function of a call
        if isinstance(node, ast.Expression) and isinstance(node.body, ast.Name):
            raise ExprError(f"{expression!r}: {node.body.id!r} must be called, not used as a value")
        if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.List, ast.Tuple, ast.keyword, ast.Call)):
            children = ([node.left, node.right] if isinstance(node, ast.BinOp) else
                        [node.operand] if isinstance(node, ast.UnaryOp) else
                        node.elts if isinstance(node, (ast.List, ast.Tuple)) else
                        [node.value] if isinstance(node, ast.keyword) else node.args)
            for c in children:
                if isinstance(c, ast.Name):
                    raise ExprError(f"{expression!r}: {c.id!r} must be called, not used as a value")


def _eval(node, vocab):
    if isinstance(node, ast.Expression):
        return _eval(node.body, vocab)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval(e, vocab) for e in node.elts]
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, vocab)
        return _neg(v) if isinstance(node.op, ast.USub) else _num(v)
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](_eval(node.left, vocab), _eval(node.right, vocab))
    if isinstance(node, ast.Call):
        args = [_eval(a, vocab) for a in node.args]
        kwargs = {k.arg: _eval(k.value, vocab) for k in node.keywords}
        return vocab[node.func.id](*args, **kwargs)
    raise ExprError(f"{type(node).__name__} is not allowed")  # unreachable after _check


def parse(expression: str):
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"cannot parse {expression!r}: {exc.msg}") from None
    _check(tree, expression)
    return tree


def evaluate_bounds(expression: str, tables: Tables):
    """The expression's value as a Num (value from the printed cells, and its bounds), or a string."""
    tree = parse(expression)
    try:
        v = _eval(tree, _vocabulary(tables))
    except ExprError as exc:
        raise ExprError(f"{expression!r}: {exc}") from None
    except Exception as exc:  # zero division, wrong arguments: say which expression
        raise ExprError(f"cannot evaluate {expression!r}: {type(exc).__name__}: {exc}") from exc
    if isinstance(v, list):
        raise ExprError(f"{expression!r} gives a list, not one value")
    return v


def evaluate(expression: str, tables: Tables):
    """The expression's value computed from the cells as printed (a float, an int or a string)."""
    v = evaluate_bounds(expression, tables)
    return v.x if isinstance(v, Num) else v
