"""Exhibits are deterministic (byte-identical files from the same inputs), captioned in both
languages, and recorded with checksums."""
import hashlib
import json

import pytest

import kolac
from kolac.data import load
import yaml

from kolac.chapters import REGISTRY, get
from kolac.exhibits import exhibit_key
from kolac.labels import LANGS, _all, keys
from kolac.paths import ROOT

LABELS = ROOT / "lib" / "kolac" / "labels"

T4 = "eclac2018_t04_trade_partners_2015"


def _make_exhibits(tmp_path, monkeypatch, fig_format):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("KOLAC_STAGING", str(tmp_path))
    chapter = kolac.setup("trade", {**get("trade").defaults(), "fig_format": fig_format})
    df = load(T4)
    top = df[df["iso3"].notna()].head(5)
    fig, ax = plt.subplots()
    ax.barh(top["partner"], top["exports"])
    chapter.figure(fig, "1.1", data=top[["partner", "exports"]], sources=[T4], n=5)  # trade_figure_1_1_caption / _alt
    chapter.table(top[["partner", "exports"]], "1.1", sources=[T4])                  # trade_table_1_1_caption
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    return {p.relative_to(tmp_path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.mark.parametrize("fig_format", ["png", "svg"])
def test_exhibits_are_byte_identical(tmp_path, monkeypatch, fig_format):
    first = _make_exhibits(tmp_path / "a", monkeypatch, fig_format)
    second = _make_exhibits(tmp_path / "b", monkeypatch, fig_format)
    assert f"figures/trade/figure-1.1.{fig_format}" in first and "tables/trade/table-1.1.csv" in first
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
    text = (tmp_path / "tables" / "trade" / "table-1.1.csv").read_text()
    assert text.splitlines()[1] == "Mexico,10892170"


def test_every_label_in_both_languages():
    for key, entry in _all()["labels"].items():
        assert set(entry) == set(LANGS), key
    for iso3, entry in _all()["countries"].items():
        assert set(entry) == set(LANGS) and len(iso3) == 3, iso3


def test_spanish_caption(tmp_path, monkeypatch):
    monkeypatch.setenv("KOLAC_STAGING", str(tmp_path))
    chapter = kolac.setup("trade", {**get("trade").defaults(), "lang": "es"})
    assert chapter.label(exhibit_key("trade", "figure", "1.1", "caption"), n=3).startswith("Exportaciones de Corea a sus 3 principales")
    assert chapter.country_name("PER") == "Perú" and chapter.country_name(None) == ""


def test_setup_names_a_missing_parameter(tmp_path, monkeypatch):
    monkeypatch.setenv("KOLAC_STAGING", str(tmp_path))
    params = get("fdi").defaults()
    del params["lac_year"]
    with pytest.raises(NameError, match="lac_year"):
        kolac.setup("fdi", params)


def test_exhibit_key_rule():
    assert exhibit_key("fdi", "table", "2.10", "caption") == "fdi_table_2_10_caption"


@pytest.mark.parametrize("key", REGISTRY)
def test_chapter_labels_carry_the_chapter_prefix(key):
    """One rule: a chapter's labels live in labels/<key>.yaml and start with '<key>_'; shared ones
    live in common.yaml and start with no chapter's prefix."""
    with open(LABELS / f"{key}.yaml", encoding="utf-8") as fh:
        own = (yaml.safe_load(fh) or {}).get("labels") or {}
    assert own, f"labels/{key}.yaml defines no labels"
    assert not [k for k in own if not k.startswith(f"{key}_")]


def test_common_labels_carry_no_chapter_prefix():
    with open(LABELS / "common.yaml", encoding="utf-8") as fh:
        common = yaml.safe_load(fh)["labels"]
    assert not [k for k in common if any(k.startswith(f"{c}_") for c in REGISTRY)]


def test_every_exhibit_of_the_default_run_has_its_label_keys(default_run):
    root, _ = default_run
    have = keys()
    for e in json.loads((root / "manifest.json").read_text())["exhibits"]:
        parts = ("caption", "alt") if e["kind"] == "figure" else ("caption",)
        for part in parts:
            assert exhibit_key(e["chapter"], e["kind"], e["number"], part) in have, e["id"]
