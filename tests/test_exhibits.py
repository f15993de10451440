"""Exhibits are deterministic (byte-identical files from the same inputs), captioned in both
languages, and recorded with checksums."""
import hashlib
import json

import pytest

import kolac
from kolac.data import load
from kolac.labels import LANGS, _all

T4 = "eclac2018_t04_trade_partners_2015"


def _make_exhibits(tmp_path, monkeypatch, fig_format):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("KOLAC_STAGING", str(tmp_path))
    P = kolac.setup("trade", fig_format=fig_format)
    df = load(T4)
    top = df[df["iso3"].notna()].head(5)
    fig, ax = plt.subplots()
    ax.barh(top["partner"], top["exports"])
    P.figure(fig, "9.9", data=top[["partner", "exports"]], sources=[T4], caption_key="trade_f1_caption",
             alt_key="trade_f1_alt", n=5)
    P.table(top[["partner", "exports"]], "9.9", sources=[T4], caption_key="trade_t1_caption")
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    return {p.relative_to(tmp_path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.mark.parametrize("fig_format", ["png", "svg"])
def test_exhibits_are_byte_identical(tmp_path, monkeypatch, fig_format):
    first = _make_exhibits(tmp_path / "a", monkeypatch, fig_format)
    second = _make_exhibits(tmp_path / "b", monkeypatch, fig_format)
    assert f"figures/trade/figure-9.9.{fig_format}" in first and "tables/trade/table-9.9.csv" in first
    assert first == second


def test_records_carry_caption_source_and_checksums(tmp_path, monkeypatch):
    hashes = _make_exhibits(tmp_path, monkeypatch, "png")
    records = json.loads((tmp_path / "exhibits" / "trade.json").read_text())
    fig = next(r for r in records if r["kind"] == "figure")
    assert fig["caption"].startswith("Korea's exports to and imports from its top 5")
    assert fig["alt"] and fig["sources"] == [T4]
    for f in fig["files"]:
        assert hashes[f["path"]] == f["sha256"]


def test_table_csv_holds_the_printed_values(tmp_path, monkeypatch):
    _make_exhibits(tmp_path, monkeypatch, "png")
    text = (tmp_path / "tables" / "trade" / "table-9.9.csv").read_text()
    assert text.splitlines()[1] == "Mexico,10892170"


def test_every_label_in_both_languages():
    for key, entry in _all()["labels"].items():
        assert set(entry) == set(LANGS), key
    for iso3, entry in _all()["countries"].items():
        assert set(entry) == set(LANGS) and len(iso3) == 3, iso3


def test_spanish_caption(tmp_path, monkeypatch):
    monkeypatch.setenv("KOLAC_STAGING", str(tmp_path))
    P = kolac.setup("trade", lang="es")
    assert P.t("trade_f1_caption", n=3).startswith("Exportaciones de Corea a sus 3 principales")
    assert P.country("PER") == "Perú"
