"""kolac — the Korea–LAC research compendium's helper library.

Kept import-light: the runner's no-op path must not pay for pandas or papermill.
A notebook starts with ``chapter = kolac.setup("<key>", globals())`` (its parameters, read by name
from the parameters cell) and then uses ``chapter.load(name)``, ``chapter.table(...)``,
``chapter.figure(...)``; see kolac.exhibits. Chapters are declared in kolac.chapters.

Modules depend one way (tests/test_architecture.py): paths → documents → catalog → printed →
expr → corrections → data → claims / checks → exhibits → notebook runner and command line.
"""
from ._version import __version__  # noqa: F401


def setup(chapter: str, namespace: dict):
    """Validate a notebook's parameters, taken by name from `namespace`, and return its chapter
    handle (kolac.exhibits.ChapterRun)."""
    from .exhibits import ChapterRun

    return ChapterRun.start(chapter, namespace)


def __getattr__(name):  # lazy submodules: kolac.data, kolac.claims, ...
    import importlib

    if name in {"data", "printed", "claims", "corrections", "exhibits", "params", "chapters", "labels", "expr",
                "documents", "catalog", "checks", "paths"}:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(name)
