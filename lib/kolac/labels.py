"""Labels in English and Spanish, from one file (labels.yaml): country names, column headers,
axis labels and exhibit captions. A missing key or language is an error, not a silent fallback.
"""
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("en", "es")


@lru_cache(maxsize=1)
def _all() -> dict:
    with open(Path(__file__).with_name("labels.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def country_codes() -> set:
    return set(_all()["countries"])


def country(iso3: str, lang: str = "en") -> str:
    return _all()["countries"][iso3][lang]


def label(key: str, lang: str = "en", **fmt) -> str:
    """labels.yaml['labels'][key][lang], formatted with `fmt`."""
    entry = _all()["labels"].get(key)
    if entry is None:
        raise KeyError(f"no label {key!r} in lib/kolac/labels.yaml")
    if lang not in entry:
        raise KeyError(f"label {key!r} has no {lang!r} text in lib/kolac/labels.yaml")
    return entry[lang].format(**fmt) if fmt else entry[lang]


def keys() -> set:
    return set(_all()["labels"])
