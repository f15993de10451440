"""Sentences are not facts: our paraphrases (claims, sidecar descriptions, notebooks, README,
corrections) must not reproduce the documents' prose. A run of 11 words shared with a source
text fails, except the exact titles of tables and documents (which we may quote) and text cells of
qualitative tables (which are data, copied as printed). Columns of the CSVs that hold our words
(gists, notes, paraphrased focus and outcomes, coding resolutions) are checked."""
import csv
import json
import re

import pytest
import yaml

from kolac import documents as sources
from kolac.paths import DATA, NOTEBOOKS, ROOT
from kolac.catalog import catalog

pytestmark = pytest.mark.audit  # compares our words with the source texts

N = 11
OUR_WORDS = {"gist", "note", "focus", "outcome", "resolution"}


def _words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


@pytest.fixture(scope="module")
def source_runs():
    runs = set()
    for key in sources.registry():
        w = _words(" ".join(sources.lines(key)))
        runs |= {" ".join(w[i:i + N]) for i in range(len(w) - N + 1)}
    return runs


@pytest.fixture(scope="module")
def titles():
    tables = {" ".join(_words(m["title"])) for m in catalog().values()}
    documents = {" ".join(_words(t)) for s in sources.registry().values()
                 for t in (s["title"], re.sub(r"\(.*?\)", "", s["title"]))}  # with and without remarks
    authors = {" ".join(_words(s["author"])) for s in sources.registry().values()}  # the README's citations name them
    return tables | documents | authors


def _shared(text, runs, titles):
    w = " ".join(_words(text))
    for t in sorted(titles, key=len, reverse=True):  # quoted table titles are allowed
        w = w.replace(t, " | ")
    w = w.split()
    return [" ".join(w[i:i + N]) for i in range(len(w) - N + 1) if " ".join(w[i:i + N]) in runs]


def _texts():
    with open(DATA / "claims.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            yield f"claims.csv {r['claim_id']}", r["claim"] + " " + r["why"]
    for name, m in catalog().items():
        for key in ("description", "layout", "inferred", "issues"):
            if m.get(key):
                yield f"{name}.{key}", m[key] if isinstance(m[key], str) else json.dumps(m[key])
    for name, m in catalog().items():  # columns that hold our words: gists, notes, paraphrased focus and outcomes
        ours = [f["name"] for f in m["schema"]["fields"] if f["name"] in OUR_WORDS]
        if ours:
            with open(m["_csv"], newline="", encoding="utf-8") as fh:
                for i, r in enumerate(csv.DictReader(fh), start=2):
                    yield f"{name} row {i}", " ".join(r[c] for c in ours)
    for p in sorted(NOTEBOOKS.glob("*.py")) + [ROOT / "README.md", DATA / "corrections.yaml", DATA / "theme_evidence.yaml",
                                               DATA / "cooperation" / "proposals_codebook.yaml",
                                               DATA / "cooperation" / "proposals_coding_rules.md"]:
        yield p.name, p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "lib" / "kolac" / "labels").glob("*.yaml")):
        yield p.name, json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), ensure_ascii=False)


def test_no_prose_pasted_from_the_sources(source_runs, titles):
    found = {where: hits[0] for where, text in _texts() if (hits := _shared(text, source_runs, titles))}
    assert not found, f"{len(found)} place(s) reproduce source prose (paraphrase them): {found}"


def test_the_check_would_catch_a_pasted_sentence(source_runs, titles):
    pasted = " ".join(sources.lines("eclac-2018-korea-lac")[1376:1381])  # Ch. I.E opening lines
    assert _shared(pasted, source_runs, titles)
