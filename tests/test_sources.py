"""The five source texts are the ones we transcribed from (sha256 and line counts): `make audit`."""
import pytest

from kolac import documents as sources


@pytest.mark.audit
@pytest.mark.parametrize("key", sorted(sources.registry()))
def test_source_text_is_the_transcribed_one(key):
    text = sources.lines(key)  # raises on a sha256 mismatch
    expected = sources.registry()[key]["lines"]
    assert len(text) in (expected, expected + 1)  # a final newline leaves one empty last element


def test_citation_names_key_and_title():
    c = sources.citation("itc-2015-smes-gvc-latam")
    assert "McDermott" in c and "Global Value Chain" in c and c.endswith("[itc-2015-smes-gvc-latam]")


@pytest.mark.audit
def test_known_line_content():
    # the caption line of eclac-2018-korea-lac Table 4, as mapped in shared/SOURCES.md
    assert sources.line("eclac-2018-korea-lac", 1416) == "Table 4"


@pytest.mark.audit
def test_source_figures_are_where_the_map_says():
    import yaml

    from kolac.paths import DATA

    figs = yaml.safe_load((DATA / "source_figures.yaml").read_text(encoding="utf-8"))["figures"]
    assert len(figs) == 13 + 19 + 7  # every figure of eclac-2016, eclac-2018 and itc-2015
    for f in figs:
        a, b = f["lines"]
        block = "\n".join(sources.lines(f["source"])[a - 1:b])
        assert f["figure"] in block or f["source"] == "eclac-2016-korea-celac" and f["figure"] in ("Figure 6", "Figure 13"), f
        assert f["kind"] in ("chart", "diagram")


def test_figures_not_reproduced_by_chapter():
    df = sources.figures_not_reproduced("fdi")
    assert set(zip(df["source"], df["figure"])) == {("eclac-2016-korea-celac", "Figure 5"), ("itc-2015-smes-gvc-latam", "Figure 2")}
