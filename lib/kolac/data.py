"""Load a transcribed table, with the corrections register applied (the one public loader).

    df = kolac.data.load("eclac2018_t04_trade_partners_2015")                   # corrected
    df = kolac.data.load("eclac2018_t04_trade_partners_2015", corrected=False)  # as printed

The frame carries its provenance in ``df.attrs`` (source, table, title, units, lines, citation,
corrections applied) and always a ``corrections`` column naming the corrected cells of each row
(empty where none, and everywhere when ``corrected=False``).
"""
import pandas as pd

from . import corrections, printed
from .catalog import resource
from .printed import DataValidationError  # noqa: F401  (re-exported: the loader's error)


def load(name: str, corrected: bool = True) -> pd.DataFrame:
    df = printed.load(name)
    if corrected:
        return corrections.apply(df, name)
    df["corrections"] = ""
    return df


def source_note(df_or_name) -> str:
    """'<key>, <table> (lines a–b)' for a loaded frame or a resource name."""
    meta = df_or_name.attrs if hasattr(df_or_name, "attrs") and "lines" in df_or_name.attrs else resource(df_or_name)
    a, b = meta["lines"]
    return f"{meta['source']}, {meta['table']} (lines {a}–{b})"
