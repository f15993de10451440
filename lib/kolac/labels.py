"""Labels in English and Spanish, from one place (lib/kolac/labels/*.yaml: countries, common
labels, and one file per chapter): country names, column headers, axis labels and exhibit
captions. A missing key or language, or a key defined twice, is an error, not a silent fallback.
"""
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("en", "es")


@lru_cache(maxsize=1)
def _all() -> dict:
    merged = {"countries": {}, "labels": {}}
    for path in sorted((Path(__file__).parent / "labels").glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh) or {}
        for section, entries in doc.items():
            twice = set(entries) & set(merged[section])
            if twice:
                raise KeyError(f"{path.name}: {section} {sorted(twice)} already defined in another labels file")
            merged[section].update(entries)
    return merged


def country_codes() -> set:
    return set(_all()["countries"])


def country(iso3: str, lang: str = "en") -> str:
    return _all()["countries"][iso3][lang]


def label(key: str, lang: str = "en", **fmt) -> str:
    """The label `key` in language `lang`, formatted with `fmt`."""
    entry = _all()["labels"].get(key)
    if entry is None:
        raise KeyError(f"no label {key!r} in lib/kolac/labels/*.yaml")
    if lang not in entry:
        raise KeyError(f"label {key!r} has no {lang!r} text in lib/kolac/labels/*.yaml")
    return entry[lang].format(**fmt) if fmt else entry[lang]


def keys() -> set:
    return set(_all()["labels"])
