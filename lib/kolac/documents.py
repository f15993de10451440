"""The five source documents: citations (data/sources.yaml) and access to their text lines."""
import hashlib
from functools import lru_cache

import yaml

from .paths import DATA, sources_dir


@lru_cache(maxsize=1)
def registry() -> dict:
    with open(DATA / "sources.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def citation(key: str) -> str:
    s = registry()[key]
    return f"{s['author']} ({s['year']}). {s['title']}. {s['publisher']}. [{key}]"


class SourceTextMissing(FileNotFoundError):
    pass


@lru_cache(maxsize=8)
def lines(key: str) -> tuple:
    """The source text as a tuple of lines; lines(key)[n - 1] is printed line n."""
    s = registry()[key]
    path = sources_dir() / s["file"]
    if not path.exists():
        raise SourceTextMissing(
            f"source text for {key!r} not found at {path}; put the five texts in ../shared/sources "
            "beside the repository or point $KOLAC_SOURCES at them"
        )
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != s["sha256"]:
        raise ValueError(f"{path}: sha256 {digest} differs from data/sources.yaml ({s['sha256']}): not the text we transcribed")
    return tuple(raw.decode("utf-8").split("\n"))


def line(key: str, n: int) -> str:
    return lines(key)[n - 1]


def figures_not_reproduced(chapter: str):
    """The sources' figures of a chapter (data/source_figures.yaml), none reproducible: their
    plotted values are not in the texts. A DataFrame for notebooks to say so plainly."""
    import pandas as pd

    with open(DATA / "source_figures.yaml", encoding="utf-8") as fh:
        figs = yaml.safe_load(fh)["figures"]
    rows = [{"source": f["source"], "figure": f["figure"], "title": f["title"],
             "lines": f"{f['lines'][0]}–{f['lines'][1]}", "kind": f["kind"],
             "what survives in the text": f.get("residue", "caption, unit and source line only")}
            for f in figs if f["chapter"] == chapter]
    return pd.DataFrame(rows, columns=["source", "figure", "title", "lines", "kind", "what survives in the text"])
