"""The five source texts are the ones we transcribed from (sha256 and line counts)."""
import pytest

from kolac import sources


@pytest.mark.parametrize("key", sorted(sources.registry()))
def test_source_text_is_the_transcribed_one(key):
    text = sources.lines(key)  # raises on a sha256 mismatch
    expected = sources.registry()[key]["lines"]
    assert len(text) in (expected, expected + 1)  # a final newline leaves one empty last element


def test_citation_names_key_and_title():
    c = sources.citation("itc-2015-smes-gvc-latam")
    assert "McDermott" in c and "Global Value Chain" in c and c.endswith("[itc-2015-smes-gvc-latam]")


def test_known_line_content():
    # the caption line of eclac-2018-korea-lac Table 4, as mapped in shared/SOURCES.md
    assert sources.line("eclac-2018-korea-lac", 1416) == "Table 4"
