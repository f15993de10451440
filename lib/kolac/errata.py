"""The errata of the five printed documents: one row per defect, whatever found it.

Five finders feed it, each from files in the repository (no source text is needed to build it):

  corrections register   data/corrections.yaml: wrong cells, corrected on load      -> corrected
  documented defects     data/errata.yaml `documented`: the sidecars' `issues` that
                         are defects of the printed document, located and typed     -> documented
  mislabels              data/errata.yaml `mislabels`: statements citing the wrong
                         table, figure, annex or section                            -> documented
  claims ledger          contradicted statements (kolac.claims.audit)               -> contradicted
  two printings          numbers printed differently by the two copies of a table
                         (data/errata.yaml `printings`)                              -> documented

Rows are sorted by document (in data/sources.yaml order) and line, so that a reader holding the
original can go through it page by page. `python -m kolac run` writes outputs/errata.csv;
tests/test_errata.py checks, with the source texts, that every row's lines hold what it cites.
"""
import csv
import io
import math
import re
from functools import lru_cache

import yaml

from .paths import DATA

COLUMNS = ("source", "line", "last_line", "table", "resource", "kind", "printed", "expected", "evidence",
           "found_by", "status", "ref")
STATUSES = ("corrected", "documented", "contradicted")
KINDS = ("sum_mismatch", "share_mismatch", "unit_error", "decimal_error", "text_table_contradiction",
         "text_text_contradiction", "cross_document_contradiction", "mislabel", "duplicate_row", "typo_number",
         "typo_text", "missing_value", "inconsistent_label", "other")
FINDERS = ("corrections register", "sidecar issue", "mislabel review", "claims ledger", "two printings")


class ErrataError(ValueError):
    pass


@lru_cache(maxsize=1)
def curated() -> dict:
    """data/errata.yaml: the located sidecar issues, the mislabels and the pairs of printings."""
    with open(DATA / "errata.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    for k in ("documented", "not_defects", "mislabels", "printings"):
        raw.setdefault(k, [])
    return raw


def _from_corrections():
    from .corrections import register

    for c in register():
        if "line" not in c.extra:
            raise ErrataError(f"data/corrections.yaml {c.id}: needs `line`, the source line of the printed cell")
        yield {"source": c.source, "line": c.extra["line"], "last_line": c.extra.get("last_line", c.extra["line"]),
               "table": c.table, "resource": c.resource, "kind": c.kind,
               "printed": str(c.extra.get("printed_as", c.printed)), "expected": str(c.corrected),
               "evidence": " ".join(str(c.explanation).split()), "found_by": "corrections register",
               "status": "corrected", "ref": c.id}


def _from_documented():
    from .catalog import catalog
    from .documents import registry

    cat = catalog()
    for e in curated()["documented"]:
        meta = cat.get(e["resource"])
        if meta is None:
            raise ErrataError(f"data/errata.yaml: documented defect of unknown resource {e['resource']!r}")
        issues = meta.get("issues") or []
        if not 1 <= e["issue"] <= len(issues):
            raise ErrataError(f"data/errata.yaml: {e['resource']} has no issue {e['issue']}")
        text = " ".join(str(issues[e["issue"] - 1]).split())
        if not text.startswith(e["about"]):
            raise ErrataError(f"data/errata.yaml: {e['resource']} issue {e['issue']} no longer starts with "
                              f"{e['about']!r} (it reads {text[:60]!r}…): the entry no longer applies")
        ref = f"{e['resource']}#{e['issue']}" + (f".{e['part']}" if e.get("part") else "")
        # a derived resource (the institutions register) names the document of each defect
        source = e.get("source", meta["source"])
        if source not in registry():
            raise ErrataError(f"data/errata.yaml: {ref} needs `source`, the document where the defect is printed")
        yield {"source": source, "line": e["line"], "last_line": e.get("last_line", e["line"]),
               "table": meta["table"], "resource": e["resource"], "kind": e["kind"], "printed": str(e["printed"]),
               "expected": str(e.get("expected", "")), "evidence": " ".join(str(e["evidence"]).split()),
               "found_by": "sidecar issue", "status": "documented", "ref": ref}


def _from_mislabels():
    for i, e in enumerate(curated()["mislabels"], start=1):
        yield {"source": e["source"], "line": e["line"], "last_line": e.get("last_line", e["line"]),
               "table": e.get("table", ""), "resource": e.get("resource", ""), "kind": "mislabel",
               "printed": str(e["cites"]), "expected": str(e["should_cite"]),
               "evidence": " ".join(str(e["evidence"]).split()), "found_by": "mislabel review",
               "status": "documented", "ref": f"M{i:02d}"}


def _from_claims():
    from .catalog import resource
    from .claims import audit, ledger

    rows = {r["claim_id"]: r for r in ledger()}
    a = audit()
    for r in a[a["status"] == "contradicted"].itertuples():
        c = rows[r.claim_id]
        rel = {"eq": "", "gt": "> ", "lt": "< ", "ge": "≥ ", "le": "≤ "}[c["comparison"]]
        unit = f" {c['unit']}" if c["unit"] else ""
        expected = f"{r.recomputed:.6g}{unit}" + ("" if r.low == r.high else f" (printed cells allow {r.low:.6g} to {r.high:.6g})")
        read = [f"{resource(t)['source']} {resource(t)['table']}" for t in filter(None, c["tables"].split(";"))]
        against = ", ".join(read) if read else "the statement it restates"
        yield {"source": c["source"], "line": int(c["line"]), "last_line": int(c["line"]), "table": "",
               "resource": "", "kind": "text_table_contradiction" if read else "text_text_contradiction",
               "printed": c["printed"] or rel + c["value"], "expected": expected,
               "evidence": f"{c['claim']}. Recomputed from {against}: {c['check']}", "found_by": "claims ledger",
               "status": "contradicted", "ref": c["claim_id"]}


def _printing(name, spec):
    """One copy of a twice-printed table, as printed, restricted and relabelled to the pair's key."""
    from .data import load

    df = load(name)  # corrected: a cell the register corrects has its own errata row
    for col, want in (spec.get("filter") or {}).items():
        df = df[df[col].astype("string") == str(want)]
    for col, mapping in (spec.get("map") or {}).items():
        df = df.assign(**{col: df[col].map(lambda v: mapping.get(v, v))})
    return df


def _from_printings():
    """Numbers the two copies print differently by more than their printed precision allows."""
    from .catalog import resource

    for p in curated()["printings"]:
        key = list(p["key"])
        left, right = _printing(p["left"], p), _printing(p["right"], {})
        lmeta, rmeta = resource(p["left"]), resource(p["right"])
        r_lines = sorted(int(v) for v in right["line"].dropna())
        l_halves, r_halves = left.attrs["half_units"], right.attrs["half_units"]
        li, ri = left.assign(_pos=left.index).set_index(key), right.assign(_pos=right.index).set_index(key)
        common = li.index.intersection(ri.index)
        li, ri = li[li.index.isin(common)], ri[ri.index.isin(common)]
        if not (li.index.is_unique and ri.index.is_unique):
            raise ErrataError(f"data/errata.yaml printing {p['id']}: key {key} is not unique")
        for k in common:
            kk = k if isinstance(k, tuple) else (k,)
            lpos, rpos = li.at[k, "_pos"], ri.at[k, "_pos"]
            for c in p["columns"]:
                a, b = li.at[k, c], ri.at[k, c]
                if _missing(a) and _missing(b):
                    continue
                lh, rh = l_halves.get(c), r_halves.get(c)
                room = ((lh[lpos] or 0) if lh else 0) + ((rh[rpos] or 0) if rh else 0)
                if _missing(b):
                    continue  # the later copy prints nothing here: no printed text to point at
                if not _missing(a) and abs(float(a) - float(b)) <= room + 1e-9:
                    continue  # equal to the precision the two copies print
                where = ", ".join(f"{kc}={v}" for kc, v in zip(key, kk))
                line = int(ri.at[k, "line"])
                later = [n for n in r_lines if n > line]
                yield {"source": rmeta["source"], "line": line, "last_line": (later[0] - 1) if later else rmeta["lines"][1],
                       "table": rmeta["table"], "resource": p["right"], "kind": "cross_document_contradiction",
                       "printed": _text(b, rh[rpos] if rh else None), "expected": _text(a, lh[lpos] if lh else None),
                       "evidence": f"{where}, {c}: {lmeta['source']} {lmeta['table']} prints "
                                   f"{_text(a, lh[lpos] if lh else None) or 'nothing'} "
                                   f"(line {int(li.at[k, 'line'])}); which copy is right is not known",
                       "found_by": "two printings", "status": "documented", "ref": p["id"]}


def _missing(v) -> bool:
    import pandas as pd

    return v is None or bool(pd.isna(v))


def _text(v, half=None) -> str:
    """A cell as printed: with as many decimals as its printed precision (half a unit) says."""
    if _missing(v):
        return ""
    if half and isinstance(v, float):
        return f"{v:.{max(0, round(-math.log10(2 * half)))}f}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _same_defect(a: dict, b: dict) -> bool:
    """Two finders' rows describe one defect: same document and line, and one's printed text
    stands within the other's (a number as a number: '14642' within '14 642', not '1' in '1193'),
    found by two finders or noted in two tables' sidecars."""
    if (a["source"], a["line"]) != (b["source"], b["line"]):
        return False
    if a["found_by"].split("; ")[0] == b["found_by"] and b["found_by"] != "sidecar issue":
        return False  # one finder's rows are distinct defects (two cells, two statements); only
        # the notes of two tables may describe one printed defect twice
    x, y = sorted((a["printed"].lstrip("<>≤≥ "), b["printed"].lstrip("<>≤≥ ")), key=len)
    if re.fullmatch(r"-?\d+(\.\d+)?", x):
        return any(re.search(r"(?<![\d.,])" + f + r"(?![\d]|[.,]\d)", y, re.I) for f in printed_forms(x))
    squash = lambda t: re.sub(r"\s+", "", t).lower()  # noqa: E731
    return squash(x) in squash(y)


def rows() -> list:
    """Every defect, merged where two finders found the same printed text on the same line."""
    from .documents import registry

    order = {k: i for i, k in enumerate(registry())}
    found = []
    for r in (*_from_corrections(), *_from_documented(), *_from_mislabels(), *_from_claims(), *_from_printings()):
        if r["line"] is None:
            raise ErrataError(f"errata row without a line: {r}")
        if r["status"] not in STATUSES or r["found_by"] not in FINDERS or r["kind"] not in KINDS:
            raise ErrataError(f"errata row {r['ref']}: status {r['status']!r}, finder {r['found_by']!r} or kind "
                              f"{r['kind']!r} unknown (kinds: {', '.join(KINDS)})")
        r["line"], r["last_line"] = int(r["line"]), int(r["last_line"])
        found.append(r)
    # strongest finder first (corrected, then documented, then contradicted): it keeps its row
    found.sort(key=lambda r: STATUSES.index(r["status"]))
    merged = []
    for r in found:
        twin = next((m for m in merged if _same_defect(m, r)), None)
        if twin is None:
            merged.append(dict(r))
            continue
        for k in ("found_by", "ref"):
            if r[k] not in twin[k].split("; "):
                twin[k] += "; " + r[k]
    return sorted(merged, key=lambda r: (order[r["source"]], r["line"], r["last_line"], r["ref"]))


def frame():
    import pandas as pd

    return pd.DataFrame(rows(), columns=COLUMNS)


def counts(df=None):
    """Defects by document and kind (a cross-table with totals)."""
    import pandas as pd

    df = frame() if df is None else df
    t = pd.crosstab(df["source"], df["kind"], margins=True, margins_name="total")
    return t


def csv_text(df=None) -> str:
    df = frame() if df is None else df
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in df.itertuples(index=False):
        w.writerow(r)
    return buf.getvalue()


# --- checking a row against the source text (tests/test_errata.py, with the texts) ---------------
_WORDS = {1: "one|first|largest|biggest|top|leading|main|single|highest", 2: "two|second|twice|double|both|pair",
          3: "three|third|triple", 4: "four|fourth", 5: "five|fifth", 6: "six|sixth", 7: "seven|seventh",
          8: "eight|eighth", 9: "nine|ninth", 10: "ten|tenth", 11: "eleven", 12: "twelve|dozen", 13: "thirteen",
          15: "fifteen", 20: "twenty|fifth", 25: "quarter", 33.3: "third", 50: "half", 66.7: "two-thirds|two thirds",
          75: "three quarters|three-quarters", 100: "hundred"}


def printed_forms(text: str) -> list:
    """Ways a value may stand in the text: as given, with thousands separators (space, comma),
    with a decimal comma, without a leading zero, or in words ('two-thirds' for 66.7)."""
    t = text.strip().lstrip("<>≤≥ ").strip()
    forms = [re.escape(t)]
    m = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?", t)
    if m:
        sign, whole, dec = m.groups()
        if len(whole) > 3:
            groups = f"{int(whole):,}".split(",")
            for sep in (" ", ",", "\u202f", "\u00a0", "."):
                forms.append(re.escape(sign + sep.join(groups) + (("." if sep != "." else ",") + dec if dec else "")))
        if dec:
            forms.append(re.escape(f"{sign}{whole},{dec}"))
            if whole == "0":
                forms.append(r"(?<!\d)" + re.escape(f".{dec}"))
        v = float(t)
        for k, words in _WORDS.items():
            if abs(v - k) < 1e-9:
                forms.append(r"\b(?:" + words + r")\b")
    return forms


def printed_on_lines(row: dict, lines: tuple) -> bool:
    """Does the text of lines row['line']..row['last_line'] hold what the row says is printed?
    Numbers must stand alone (not inside a longer number); other text is compared ignoring case
    and whitespace."""
    block = " ".join(lines[row["line"] - 1:row["last_line"]])
    printed = str(row["printed"])
    if re.fullmatch(r"[<>≤≥ ]*-?\d+(\.\d+)?", printed):
        return any(re.search(r"(?<![\d.,])" + f + r"(?![\d]|[.,]\d)", block, re.I) for f in printed_forms(printed))
    squash = lambda s: re.sub(r"\s+", "", s).lower()  # noqa: E731
    return squash(printed) in squash(block)
