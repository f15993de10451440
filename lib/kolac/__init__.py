"""kolac — the Korea–LAC research compendium's helper library.

Kept import-light: the runner's no-op path must not pay for pandas or papermill.
Notebooks use: ``P = kolac.setup(chapter, ...)``, ``kolac.data.load(name)``, ``P.figure(...)``,
``P.table(...)`` and ``kolac.claims.audit(chapter)``.
"""
__version__ = "0.1.0"

CHAPTERS = {
    "trade": "01_trade",
    "fdi": "02_fdi",
    "innovation": "03_innovation",
    "smes": "04_smes",
    "tpas": "05_tpas",
    "cooperation": "06_cooperation",
}


def setup(chapter, **params):
    """Validate a notebook's parameters and return its exhibit context (see kolac.exhibits)."""
    from .exhibits import Chapter

    return Chapter.start(chapter, params)


def __getattr__(name):  # lazy submodules: kolac.data, kolac.claims, ...
    import importlib

    if name in {"data", "claims", "corrections", "exhibits", "params", "labels", "expr", "sources", "checks"}:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(name)
