"""The data dictionary: one row per column of every table, in English and Spanish.

Generated from the sidecars (field `description`, `unit`; the sidecar's `descriptions_es`) and
data/units_es.yaml into data/dictionary.csv by `python -m kolac package`; a test fails when the file
is stale or a column lacks its Spanish description. The claims ledger is described in
kolac.catalog (it has no sidecar) and is listed here too.
"""
import csv
import io
from functools import lru_cache
from pathlib import Path

import yaml

from .catalog import DERIVED, MetadataError, catalog, claims_fields
from .paths import DATA, rel, write_atomic

COLUMNS = ("resource", "column", "type", "unit", "unit_es", "description", "description_es",
           "source", "table", "chapter")
UNITS_ES = DATA / "units_es.yaml"
PATH = DATA / "dictionary.csv"


@lru_cache(maxsize=None)
def _units_es(mtime: float) -> dict:
    with open(UNITS_ES, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["units"]


def units_es() -> dict:
    """English unit -> Spanish, as written in data/units_es.yaml."""
    return _units_es(UNITS_ES.stat().st_mtime)


def descriptions_es(meta: dict) -> dict:
    """column -> Spanish description of a sidecar; its keys must be the schema's fields, in order."""
    es = meta.get("descriptions_es") or {}
    names = [f["name"] for f in meta["schema"]["fields"]]
    if list(es) != names:
        missing, extra = [n for n in names if n not in es], [n for n in es if n not in names]
        raise MetadataError(f"{rel(meta['_sidecar'])}: descriptions_es must give every schema field, in schema "
                            f"order (missing {missing}, not in the schema {extra})")
    return es


def rows() -> list:
    """The dictionary's rows, resources in catalogue order (then the claims ledger), columns in schema order."""
    spanish = units_es()
    out = []

    def unit_es(unit, where):
        if unit and unit not in spanish:
            raise MetadataError(f"{where}: unit {unit!r} has no Spanish in {rel(UNITS_ES)}")
        return spanish.get(unit, "") if unit else ""

    for name, meta in catalog().items():
        es = descriptions_es(meta)
        for f in meta["schema"]["fields"]:
            unit = f.get("unit", "")
            out.append({"resource": name, "column": f["name"], "type": f["type"], "unit": unit,
                        "unit_es": unit_es(unit, f"{rel(meta['_sidecar'])}, field {f['name']}"),
                        "description": " ".join(str(f.get("description", "")).split()),
                        "description_es": " ".join(str(es[f["name"]]).split()),
                        "source": meta["source"] if meta["source"] != DERIVED else "derived: " + ";".join(meta["derived_from"]),
                        "table": meta["table"], "chapter": meta["chapter"]})
    for f in claims_fields():
        out.append({"resource": "claims", "column": f["name"], "type": f["type"], "unit": "", "unit_es": "",
                    "description": f["description"], "description_es": f["description_es"],
                    "source": "kolac", "table": "claims ledger", "chapter": ""})
    return out


def dictionary_csv() -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows())
    return buf.getvalue()


def write_dictionary() -> Path:
    write_atomic(PATH, dictionary_csv())
    return PATH
