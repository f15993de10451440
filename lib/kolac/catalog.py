"""Data resources: each CSV under data/<chapter>/ with its sidecar <name>.meta.yaml.

The sidecars are the authored metadata; data/datapackage.json is generated from them
(`python -m kolac package`) so that Frictionless tools can validate the whole package.
"""
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import yaml

from .paths import DATA, rel, write_atomic
from .chapters import REGISTRY
from .documents import citation, registry

REQUIRED_KEYS = ("name", "title", "source", "table", "chapter", "lines", "period", "units", "scale",
                 "currency", "description", "used_by", "schema")
CHAPTER_DIRS = tuple(c.data_dir for c in REGISTRY.values())
# `source: derived` marks what the compendium made from other resources (e.g. the coding of the
# proposals), as opposed to a transcription: it names its inputs in `derived_from` and has no
# printed lines to pin.
DERIVED = "derived"


class MetadataError(ValueError):
    pass


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sidecar_paths() -> list:
    return sorted(p for d in CHAPTER_DIRS for p in (DATA / d).glob("*.meta.yaml"))


@lru_cache(maxsize=None)
def _read_sidecar(path: str, mtime: float) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            meta = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise MetadataError(f"{rel(path)}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(meta, dict):
        raise MetadataError(f"{rel(path)}: expected a mapping of sidecar keys")
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise MetadataError(f"{rel(path)}: missing keys {missing}")
    stem = Path(path).name[: -len(".meta.yaml")]
    if meta["name"] != stem:
        raise MetadataError(f"{rel(path)}: name {meta['name']!r} differs from the file stem {stem!r}")
    if meta["source"] == DERIVED:
        if not meta.get("derived_from"):
            raise MetadataError(f"{rel(path)}: a derived resource lists the resources it is made from in `derived_from`")
    elif meta["source"] not in registry():
        raise MetadataError(f"{rel(path)}: unknown source key {meta['source']!r}; known: {sorted(registry())} "
                            f"(or {DERIVED!r} for a resource made by the compendium from other resources)")
    meta["_csv"] = Path(path).with_name(stem + ".csv")
    meta["_sidecar"] = Path(path)
    return meta


def sidecar(path: Path) -> dict:
    return _read_sidecar(str(path), Path(path).stat().st_mtime)


def broken() -> dict:
    """file stem -> MetadataError, for every sidecar that cannot be read. A broken sidecar stops
    what needs it (its resource, its chapter, `kolac package`), not the other chapters."""
    out = {}
    for p in sidecar_paths():
        try:
            sidecar(p)
        except MetadataError as exc:
            out[p.name[: -len(".meta.yaml")]] = exc
    return out


def catalog() -> dict:
    """name -> sidecar metadata, for every readable resource in data/ (see broken())."""
    out = {}
    for p in sidecar_paths():
        try:
            meta = sidecar(p)
        except MetadataError:
            continue
        if meta["name"] in out:
            raise MetadataError(f"resource name {meta['name']!r} used twice ({rel(p)})")
        out[meta["name"]] = meta
    return out


def resource(name: str) -> dict:
    bad = broken()
    if name in bad:
        raise bad[name]
    cat = catalog()
    if name not in cat:
        raise KeyError(f"no data resource named {name!r}; known resources: {', '.join(sorted(cat))}")
    return cat[name]


def update_checksums() -> list:
    """Write the current sha256 of each CSV into its sidecar; returns the names changed."""
    for exc in broken().values():
        raise exc
    changed = []
    for name, meta in catalog().items():
        digest = sha256_file(meta["_csv"])
        if meta.get("sha256") != digest:
            text = meta["_sidecar"].read_text(encoding="utf-8")
            lines = [l for l in text.splitlines() if not l.startswith("sha256:")]
            lines.append(f"sha256: {digest}")
            write_atomic(meta["_sidecar"], "\n".join(lines) + "\n")
            changed.append(name)
    _read_sidecar.cache_clear()
    return changed


def datapackage() -> dict:
    """The Frictionless Data Package descriptor for every resource, built from the sidecars."""
    resources = []
    for name, meta in catalog().items():
        res = {
            "name": name,
            "path": rel(meta["_csv"])[len("data/"):],
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": meta["title"],
            "description": " ".join(str(meta["description"]).split()),
            "hash": f"sha256:{meta.get('sha256')}",
            "sources": _sources(meta),
            "licenses": [{"name": "CC-BY-4.0", "title": "see data/LICENSE.md (transcription); source rights stay with the publishers"}],
            "schema": meta["schema"],
        }
        for key in ("source", "table", "chapter", "lines", "period", "units", "scale", "currency",
                    "used_by", "inferred", "issues"):
            res[key] = meta.get(key)
        resources.append(res)
    resources.append(_claims_resource())
    return {
        "profile": "tabular-data-package",
        "name": "kolac",
        "title": "Korea–Latin America and the Caribbean: tables transcribed from five policy documents",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0 (our transcription and metadata)"}],
        "sources": [{"title": citation(k), "path": v["file"]} for k, v in registry().items()],
        "resources": resources,
    }


def _sources(meta: dict) -> list:
    if meta["source"] != DERIVED:
        return [{"title": citation(meta["source"]), "path": registry()[meta["source"]]["file"]}]
    keys = sorted({resource(n)["source"] for n in meta["derived_from"]} - {DERIVED})
    return [{"title": f"kolac, derived from {', '.join(meta['derived_from'])}"}] + \
        [{"title": citation(k), "path": registry()[k]["file"]} for k in keys]


def provenance(meta: dict) -> str:
    """The citation of a resource's source; for a derived one, what it is derived from."""
    if meta["source"] == DERIVED:
        return f"kolac ({meta['table']}), derived from {', '.join(meta['derived_from'])}"
    return citation(meta["source"])


def _claims_resource() -> dict:
    """data/claims.csv described too: our paraphrased ledger (the status is computed, not stored)."""
    text = {"type": "string"}
    fields = [{"name": "claim_id", "constraints": {"required": True, "unique": True}, **text},
              {"name": "chapter", "constraints": {"enum": list(REGISTRY)}, **text},
              {"name": "source", "constraints": {"enum": sorted(registry())}, **text},
              {"name": "section", **text}, {"name": "line", "type": "integer"},
              {"name": "claim", "description": "our paraphrase of the statement", **text},
              {"name": "value", "type": "number", "description": "the number the text states, as printed (words as digits)"},
              {"name": "printed", "description": "the words at `line` where the value is not printed literally", **text},
              {"name": "unit", **text}, {"name": "year", **text},
              {"name": "comparison", "constraints": {"enum": ["eq", "gt", "lt", "ge", "le"]}, **text},
              {"name": "tolerance", "type": "number"},
              {"name": "tables", "description": "resources read by the check, ;-separated", **text},
              {"name": "check", "description": "kolac.expr expression that recomputes the value", **text},
              {"name": "why", "description": "why a claim cannot be checked", **text}]
    return {"name": "claims", "path": "claims.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": "Claims ledger: numeric statements of the sources, paraphrased",
            "hash": f"sha256:{sha256_file(DATA / 'claims.csv')}",
            "schema": {"fields": fields, "primaryKey": ["claim_id"], "missingValues": [""]}}


def datapackage_json() -> str:
    return json.dumps(datapackage(), indent=2, ensure_ascii=False, default=str) + "\n"


def write_datapackage() -> Path:
    path = DATA / "datapackage.json"
    write_atomic(path, datapackage_json())
    return path
