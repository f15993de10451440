"""Data resources: each CSV under data/<chapter>/ with its sidecar <name>.meta.yaml.

The sidecars are the authored metadata; data/datapackage.json is generated from them
(`python -m kolac package`) so that Frictionless tools can validate the whole package.
"""
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import yaml

from ._version import __version__
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
            "schema": _schema(meta),
        }
        for key in ("source", "table", "chapter", "lines", "period", "units", "scale", "currency",
                    "used_by", "inferred", "issues"):
            res[key] = meta.get(key)
        resources.append(res)
    resources.append(_claims_resource())
    return {
        "profile": "tabular-data-package",
        "name": "kolac",
        "version": __version__,
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


# The claims ledger has no sidecar: its columns are described here, in English and Spanish.
_CLAIMS_FIELDS = (
    ("claim_id", "string", "Our identifier of the statement: chapter prefix and running number",
     "Nuestro identificador del enunciado: prefijo del capítulo y número correlativo"),
    ("chapter", "string", "Chapter whose notebook audits the statement",
     "Capítulo cuyo cuaderno verifica el enunciado"),
    ("source", "string", "Source key of the document that makes the statement (data/sources.yaml)",
     "Clave de la fuente del documento que hace el enunciado (data/sources.yaml)"),
    ("section", "string", "Section of the document where the statement stands",
     "Sección del documento donde está el enunciado"),
    ("line", "integer", "1-based line of the source text that prints the statement's number",
     "Línea (base 1) del texto fuente que imprime el número del enunciado"),
    ("claim", "string", "Our paraphrase of the statement", "Nuestra paráfrasis del enunciado"),
    ("value", "number", "The number the text states, as printed (words written as digits)",
     "El número que afirma el texto, tal como está impreso (las palabras, en cifras)"),
    ("printed", "string", "The words at `line` where the value is not printed literally",
     "Las palabras de `line` cuando el valor no está impreso literalmente"),
    ("unit", "string", "Unit of value", "Unidad de value"),
    ("year", "string", "Year or period the statement refers to", "Año o período al que se refiere el enunciado"),
    ("comparison", "string", "How value relates to the recomputed number: eq, gt, lt, ge or le",
     "Cómo se relaciona value con el número recalculado: eq, gt, lt, ge o le"),
    ("tolerance", "number", "Explicit tolerance for words such as about or almost; empty where none is allowed",
     "Tolerancia explícita para palabras como «cerca de» o «casi»; vacío donde no se admite ninguna"),
    ("tables", "string", "Resources read by the check, ;-separated", "Recursos que lee la verificación, separados por ;"),
    ("check", "string", "kolac.expr expression that recomputes the value",
     "Expresión de kolac.expr que recalcula el valor"),
    ("why", "string", "Why a statement cannot be checked; empty where it can",
     "Por qué un enunciado no puede verificarse; vacío donde sí puede"),
)
_CLAIMS_CONSTRAINTS = {"claim_id": lambda: {"required": True, "unique": True}, "chapter": lambda: {"enum": list(REGISTRY)},
                       "source": lambda: {"enum": sorted(registry())},
                       "comparison": lambda: {"enum": ["eq", "gt", "lt", "ge", "le"]}}


def claims_fields() -> list:
    """The claims ledger's fields, as in the data package (with `description_es`)."""
    out = []
    for name, typ, en, es in _CLAIMS_FIELDS:
        f = {"name": name, "type": typ, "description": en, "description_es": es}
        if name in _CLAIMS_CONSTRAINTS:
            f["constraints"] = _CLAIMS_CONSTRAINTS[name]()
        out.append(f)
    return out


def _claims_resource() -> dict:
    """data/claims.csv described too: our paraphrased ledger (the status is computed, not stored)."""
    return {"name": "claims", "path": "claims.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": "Claims ledger: numeric statements of the sources, paraphrased",
            "hash": f"sha256:{sha256_file(DATA / 'claims.csv')}",
            "schema": {"fields": claims_fields(), "primaryKey": ["claim_id"], "missingValues": [""]}}


def _schema(meta: dict) -> dict:
    """The sidecar's schema with each field's Spanish description beside the English one."""
    es = meta.get("descriptions_es") or {}
    fields = [{**f, **({"description_es": " ".join(str(es[f["name"]]).split())} if f["name"] in es else {})}
              for f in meta["schema"]["fields"]]
    return {**meta["schema"], "fields": fields}


def datapackage_json() -> str:
    return json.dumps(datapackage(), indent=2, ensure_ascii=False, default=str) + "\n"


def write_datapackage() -> Path:
    path = DATA / "datapackage.json"
    write_atomic(path, datapackage_json())
    return path
