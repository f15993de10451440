"""The expression language is closed (only its vocabulary and literals) and carries the printed
precision of every cell through the arithmetic."""
import math
import re

import pytest

from kolac import claims
from kolac.data import load
from kolac.expr import ExprError, Num, Tables, evaluate, evaluate_bounds

T4 = "eclac2018_t04_trade_partners_2015"
T27 = "eclac2018_t27_korea_sme_exports"
T11 = "eclac2016_t11_export_firms_smes"


@pytest.fixture(scope="module")
def tables():
    return Tables(load, {"TR-003": "812"})


@pytest.mark.parametrize("expression, refused", [
    ("().__class__", "Attribute"),
    ("cell.__globals__", "Attribute"),
    ("__import__('os')", "unknown name '__import__'"),
    ("open('/etc/passwd')", "unknown name 'open'"),
    ("eval('1')", "unknown name 'eval'"),
    ("[x for x in col('t', 'c')]", "ListComp"),
    ("(lambda: 1)()", "called, by name"),
    ("[lambda: 1]", "Lambda"),
    ("cell('t', 'c')[0]", "Subscript"),
    ("1 if True else 2", "IfExp"),
    ("1 < 2", "Compare"),
    ("sum", "must be called"),
    ("max(sum, 1)", "must be called"),
    ("cell(**{'name': 't'})", "keyword unpacking"),
    ("count('t', _x=1)", "keyword '_x'"),
    ("None", "literal None"),
    ("b'bytes'", "literal b'bytes'"),
    ("x = 1", "cannot parse"),
])
def test_anything_outside_the_vocabulary_is_refused(tables, expression, refused):
    with pytest.raises(ExprError, match=re.escape(refused)):
        evaluate(expression, tables)


def test_refusal_happens_before_any_table_is_read():
    read = []
    t = Tables(lambda name: read.append(name))
    with pytest.raises(ExprError):
        evaluate(f"cell('{T4}', 'exports', partner='Mexico').real", t)
    assert read == []


def test_a_cell_carries_half_a_unit_of_its_last_printed_digit(tables):
    # Mexico's 2015 exports are printed in US$ thousand as 10892170: known to +-0.5
    v = evaluate_bounds(f"cell('{T4}', 'exports', partner='Mexico')", tables)
    assert (v.x, v.lo, v.hi) == (10892170.0, 10892169.5, 10892170.5)
    # Table 27 prints 95.8 (US$ billion, one decimal): +-0.05
    v = evaluate_bounds(f"cell('{T27}', 'sme_exports', year=2013)", tables)
    assert v.x == 95.8 and v.lo == pytest.approx(95.75) and v.hi == pytest.approx(95.85)


def test_bounds_propagate_through_a_ratio(tables):
    # SME-052: 95.8 / 87.9 (thousand exporting SMEs) = 1.0899, and at most 1.0911 given the rounding
    v = evaluate_bounds(f"cell('{T27}', 'sme_exports', year=2013) / cell('{T11}', 'value', block='Republic of Korea', "
                        f"series='Total SMEs (thousands)', year=2013)", tables)
    assert v.x == pytest.approx(95.8 / 87.9)
    assert v.lo == pytest.approx(95.75 / 87.95) and v.hi == pytest.approx(95.85 / 87.85)


def test_counts_ranks_and_literals_are_exact(tables):
    assert evaluate_bounds(f"count('{T4}')", tables).exact
    r = evaluate_bounds(f"rank('{T4}', 'exports', 'partner', 'Mexico', partner__ne='Region Total')", tables)
    assert (r.x, r.lo, r.hi) == (1, 1, 1)  # Mexico leads by far more than any rounding


def test_a_claim_reads_another_statement_with_its_precision(tables):
    v = evaluate_bounds("claim('TR-003')", tables)
    assert (v.x, v.lo, v.hi) == (812.0, 811.5, 812.5)
    with pytest.raises(ExprError, match="no such claim"):
        evaluate("claim('XX-999')", tables)


def test_interval_arithmetic_rules():
    from kolac.expr import _abs, _div, _mul, _pow, _sub

    a, b = Num(2.0, 1.5, 2.5), Num(1.0, 0.5, 1.5)
    assert (_sub(a, b).lo, _sub(a, b).hi) == (0.0, 2.0)
    assert (_mul(a, Num(-1.0, -2.0, 1.0)).lo, _mul(a, Num(-1.0, -2.0, 1.0)).hi) == (-5.0, 2.5)
    assert _div(a, b).lo == pytest.approx(1.0) and _div(a, b).hi == pytest.approx(5.0)
    assert _div(a, Num(0.1, -0.4, 0.6)).hi == math.inf  # a divisor that may be zero bounds nothing
    assert (_pow(Num(0.0, -1.0, 2.0), 2).lo, _pow(Num(0.0, -1.0, 2.0), 2).hi) == (0.0, 4.0)
    assert (_abs(Num(-0.2, -1.0, 0.5)).lo, _abs(Num(-0.2, -1.0, 0.5)).hi) == (0.0, 1.0)


def test_point_values_are_unchanged_by_the_bounds(tables):
    """The value from the printed cells is computed exactly as plain float arithmetic would."""
    mex = load(T4).set_index("partner")
    expected = 100.0 * float(mex.at["Mexico", "exports"]) / float(mex.at["Region Total", "exports"])
    got = evaluate(f"share(cell('{T4}', 'exports', partner='Mexico'), cell('{T4}', 'exports', partner='Region Total'))", tables)
    assert got == expected


def test_a_corrected_cell_is_known_to_its_corrected_digits():
    # C001: Argentina's total employment growth is printed 1.2, corrected to 0.7 (one decimal either way)
    t = Tables(load)
    v = evaluate_bounds("cell('itc2015_ta1_export_employment', 'total_employment_var', country='Argentina', year=1997)", t)
    assert v.x == 0.7 and v.hi - v.lo == pytest.approx(0.1)


def test_every_ledger_check_and_correction_evidence_parses():
    from kolac.corrections import register
    from kolac.expr import parse

    for r in claims.ledger():
        if r["check"]:
            parse(r["check"])
    for c in register():
        parse(c.evidence["expr"])
