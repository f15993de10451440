"""The README's generated sections, so that it cannot go stale. Each lies between
`<!-- kolac:begin NAME -->` and `<!-- kolac:end NAME -->`:

  sources       the five documents: citation, where to obtain it, the text file, its sha256
                (data/sources.yaml)
  cite          how to cite the compendium and one table (version, CITATION.cff, the catalog)
  exhibits      every table and figure with its notebook and source tables (the manifest of a run
                with the default parameters)
  requirements  run times measured by `kolac bench` on the machine it ran on, with the
                fingerprint of everything those times depend on

`kolac readme` rewrites the first three (it runs the compendium into a temporary folder for the
manifest); `kolac bench` writes the last. tests/test_readme.py fails when any of them differs from
what these functions make now, or when what the bench measured has changed since it ran.
"""
import hashlib
import re
import tempfile
from pathlib import Path

import yaml

from ._version import __version__
from .catalog import DERIVED, catalog
from .chapters import REGISTRY
from .documents import citation, registry
from .paths import DATA, ROOT, rel, write_atomic

README = ROOT / "README.md"
SECTIONS = ("sources", "cite", "exhibits", "requirements")
# What the bench's times depend on: change any of these and the measured times are stale.
MEASURED = ("notebooks/*.py", "lib/kolac/**/*.py", "lib/kolac/labels/*.yaml", "data/**/*", "tests/**/*",
            "conftest.py", "requirements-lock.txt", "requirements.txt", "Makefile", "pyproject.toml")


class StaleReadme(ValueError):
    pass


def _markers(name: str):
    return f"<!-- kolac:begin {name} -->", f"<!-- kolac:end {name} -->"


def section(text: str, name: str) -> str:
    """The body of a generated section (between its markers, without them)."""
    begin, end = _markers(name)
    m = re.search(re.escape(begin) + r"\n(.*?)" + re.escape(end), text, flags=re.S)
    if not m:
        raise StaleReadme(f"README.md has no generated section {name!r} ({begin} ... {end})")
    return m.group(1)


def replace(text: str, name: str, body: str) -> str:
    section(text, name)  # a clear error when the markers are gone
    begin, end = _markers(name)
    body = body if body.endswith("\n") else body + "\n"
    return re.sub(re.escape(begin) + r"\n.*?" + re.escape(end), lambda _: f"{begin}\n{body}{end}", text, flags=re.S)


# --- sources ---------------------------------------------------------------------------------------

def sources_section() -> str:
    rows = ["| key | citation | where to obtain it | text file (lines) | sha256 of the text file |", "|---|---|---|---|---|"]
    for key, s in registry().items():
        rows.append(f"| `{key}` | {citation(key).removesuffix(f' [{key}]')} | {s['obtain']} | "
                    f"`{s['file']}` ({s['lines']:,}) | `{s['sha256']}` |")
    return "\n".join(rows) + "\n"


# --- how to cite -----------------------------------------------------------------------------------

EXAMPLE_TABLE = "eclac2018_t04_trade_partners_2015"


def cite_section() -> str:
    with open(ROOT / "CITATION.cff", encoding="utf-8") as fh:
        cff = yaml.safe_load(fh)
    year = str(cff["date-released"])[:4]
    m = catalog()[EXAMPLE_TABLE]
    who = cff["authors"][0]["name"]
    return (
        f"The compendium (version {cff['version']}, released {cff['date-released']}; `CITATION.cff`):\n\n"
        f"> {who} ({year}). *{cff['title']}*. Version {cff['version']}.\n\n"
        "One table: the compendium, its version and the resource name, then the document it transcribes, e.g.\n\n"
        f"> {who} ({year}), version {cff['version']}, resource `{m['name']}` (`{rel(m['_csv'])}`): "
        f"{m['title']}, transcribed from {m['source']}, {m['table']}, lines {m['lines'][0]}–{m['lines'][1]}.\n\n"
        "Cite the original documents (above) for their content; the data package (`data/datapackage.json`) "
        "carries the version and every resource's source.\n"
    )


# --- exhibits ----------------------------------------------------------------------------------------

def source_tables(names) -> str:
    """'eclac-2018-korea-lac Tables 1, 4; kolac coding of the proposals': the printed tables an
    exhibit reads, by document, in the order first named."""
    cat, by_doc = catalog(), {}
    for n in names:
        m = cat[n]
        if m["source"] == DERIVED:
            by_doc.setdefault(f"kolac ({m['table']})", [])
            continue
        by_doc.setdefault(m["source"], [])
        if m["table"] not in by_doc[m["source"]]:
            by_doc[m["source"]].append(m["table"])
    return "; ".join(f"{doc} {', '.join(tables)}".strip() for doc, tables in by_doc.items())


def exhibits_section(manifest: dict) -> str:
    rows = ["| exhibit | notebook | caption (default parameters) | source tables |", "|---|---|---|---|"]
    for e in manifest["exhibits"]:
        name = ("Table " if e["kind"] == "table" else "Figure ") + e["number"]
        caption = " ".join(e["caption"].split()).replace("|", "\\|")
        nb = Path(e["notebook"]).stem
        rows.append(f"| {name} | `{nb}` | {caption} | {source_tables(e['sources'])} |")
    n_t = sum(e["kind"] == "table" for e in manifest["exhibits"])
    n_f = len(manifest["exhibits"]) - n_t
    return (f"{n_t} tables and {n_f} figures in {len(REGISTRY)} notebooks, in the order a run writes them "
            "(`outputs/manifest.json` has the same list with every file and its sha256).\n\n" + "\n".join(rows) + "\n")


def default_manifest() -> dict:
    """The manifest of a run with every default, made in a temporary folder (outputs/ untouched)."""
    import json

    from . import runner

    with tempfile.TemporaryDirectory(prefix="kolac-readme-") as tmp:
        code = runner.run(None, {}, quiet=True, root=Path(tmp))
        if code:
            raise RuntimeError("the default run failed: the README's exhibits section was not rewritten")
        return json.loads((Path(tmp) / "manifest.json").read_text(encoding="utf-8"))


# --- computational requirements ------------------------------------------------------------------------

def measured_files() -> list:
    out = set()
    for pattern in MEASURED:
        for p in ROOT.glob(pattern):
            parts = p.relative_to(ROOT).parts
            if p.is_file() and "__pycache__" not in parts and not any(x.startswith(".") for x in parts):
                out.add(p)
    return sorted(out)


def measured_fingerprint() -> str:
    """sha256 over the paths and bytes of everything the bench's times depend on."""
    h = hashlib.sha256()
    for p in measured_files():
        h.update(p.relative_to(ROOT).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def recorded_fingerprint(text: str) -> str | None:
    m = re.search(r"fingerprint `([0-9a-f]{64})`", section(text, "requirements"))
    return m.group(1) if m else None


def requirements_section(times: dict, machine: str, date: str) -> str:
    """times: label -> (seconds, note)."""
    rows = ["| step | seconds | |", "|---|---:|---|"]
    rows += [f"| {label} | {sec:.1f} | {note} |" for label, (sec, note) in times.items()]
    return (f"Measured by `make bench` on {date}, on {machine}, version {__version__}; it times each step in the "
            "same run and reports ratios against the sequential `papermill` loop (absolute seconds vary "
            "with the machine and its load).\n\n" + "\n".join(rows) + "\n\n"
            f"These times hold for the inputs with fingerprint `{measured_fingerprint()}` (sha256 over "
            f"{', '.join(f'`{m}`' for m in MEASURED)}); `tests/test_readme.py` fails when they change "
            "and the bench has not been run again.\n")


# --- writing -----------------------------------------------------------------------------------------

def rendered(text: str, manifest: dict) -> str:
    text = replace(text, "sources", sources_section())
    text = replace(text, "cite", cite_section())
    return replace(text, "exhibits", exhibits_section(manifest))


def write_readme(manifest: dict | None = None) -> int:
    text = README.read_text(encoding="utf-8")
    new = rendered(text, manifest or default_manifest())
    if new != text:
        write_atomic(README, new)
    print(f"README.md: sources, cite and exhibits sections {'rewritten' if new != text else 'already current'}")
    return 0


def write_requirements(times: dict, machine: str, date: str) -> None:
    text = README.read_text(encoding="utf-8")
    write_atomic(README, replace(text, "requirements", requirements_section(times, machine, date)))
