"""The five source documents: citations (data/sources.yaml) and access to their text lines."""
import hashlib
import os
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


def check_texts() -> dict:
    """key -> what is wrong with that document's text here ('missing' or 'sha256 differs'), for
    every document whose text cannot be used; empty when all five are in place. The texts are only
    needed by `make audit` (transcriptions against the printed lines), never by `make test`."""
    problems = {}
    for key, s in registry().items():
        path = sources_dir() / s["file"]
        if not path.is_file():
            problems[key] = "missing"
        elif hashlib.sha256(path.read_bytes()).hexdigest() != s["sha256"]:
            problems[key] = "sha256 differs"
    return problems


def how_to_provide(problems: dict) -> str:
    """What is missing and how to provide it, for `make audit` and `kolac sources`."""
    where = sources_dir()
    out = [f"make audit needs the plain-text conversions of the five source documents in {where}",
           f"({'$KOLAC_SOURCES' if os.environ.get('KOLAC_SOURCES') else '../shared/sources/ beside the repository, or set $KOLAC_SOURCES'}).",
           "Not usable here:"]
    for key, what in problems.items():
        s = registry()[key]
        out.append(f"  {s['file']}  {what}  ({citation(key)})")
        out.append(f"      expected sha256 {s['sha256']}")
    out += ["The texts are not redistributed with the compendium (README, 'Data availability'). Every line",
            "number refers to one particular PDF-to-text conversion, identified by the sha256 above: another",
            "conversion of the same document will not match. Put the files there under these names and run",
            "`make audit` again (`python -m kolac sources` checks them). `make test` needs none of them."]
    return "\n".join(out)


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
