"""kolac.checks, tested on its own: one comparison of printed cells, rounding verdicts, kappa."""
import pytest

from kolac import checks


@pytest.mark.parametrize("a, b, same", [
    ("0.40", "0.4", True), (1310, "1310", True), ("13.1", "13.0", False),
    ("Costa Rica", "costa  rica", True), ("Andrés", "Andres", True), ("Bolivia", "Bolivia (Plur. State of)", False),
    (None, "", False), (None, float("nan"), True),
])
def test_same(a, b, same):
    assert checks.same(a, b) is same


def test_rounding_verdict():
    assert checks.rounding_verdict(1862, 1862, 3) == checks.MATCHES
    assert checks.rounding_verdict(1862, 1863, 3) == checks.WITHIN_ROUNDING
    assert checks.rounding_verdict(13.1, 12.98, 0.05) == checks.MISMATCH


def test_kappa_by_hand():
    # 10 items, 8 agreements; each coder 6 x and 4 y -> chance 0.6*0.6 + 0.4*0.4 = 0.52
    a = list("xxxxxxyyyy")
    b = list("xxxxxyyyyx")
    assert checks.cohen_kappa(a, b) == pytest.approx((0.8 - 0.52) / 0.48)
    assert checks.cohen_kappa(a, a) == 1.0
    assert checks.cohen_kappa(["x"] * 4, ["x"] * 4) == 1.0
    with pytest.raises(ValueError, match="same non-empty items"):
        checks.cohen_kappa(a, b[:-1])


def test_compare_printings_lists_both_values_and_missing_rows():
    import pandas as pd

    left = pd.DataFrame({"k": ["a", "b"], "v": [1.0, 2.0]})
    right = pd.DataFrame({"k": ["a", "c"], "v": [1.0, 3.0]})
    diff = checks.compare_printings(left, right, "k", ["v"], names=("L", "R"))
    assert diff[["k", "column"]].values.tolist() == [["b", "v"], ["c", "v"]]
    assert diff["L"].tolist()[0] == 2.0 and pd.isna(diff["R"].tolist()[0])
    assert pd.isna(diff["L"].tolist()[1]) and diff["R"].tolist()[1] == 3.0
