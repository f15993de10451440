"""The README as a replication package: its generated sections are current, the version is the same
everywhere, its examples run, the folders it sends outputs to are ignored by git, and the split
between `make test` (nothing beside the clone) and `make audit` (the source texts) holds."""
import json
import os
import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from kolac import readme
from kolac._version import __version__
from kolac.chapters import REGISTRY
from kolac.paths import DATA, ROOT
from kolac.runner import split_params
from kolac.params import validate_params

TEXT = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, make", [("sources", readme.sources_section), ("cite", readme.cite_section)])
def test_generated_section_is_current(name, make):
    assert readme.section(TEXT, name) == make(), f"README section {name!r} is stale: run `make readme`"


def test_sources_section_gives_what_a_reader_needs_to_confirm_a_text():
    from kolac.documents import registry

    body = readme.section(TEXT, "sources")
    for key, s in registry().items():
        row = next(line for line in body.splitlines() if line.startswith(f"| `{key}` |"))
        assert s["sha256"] in row and s["file"] in row and s["obtain"] in row
    assert "http" not in body  # no invented web address


def test_exhibits_section_lists_every_exhibit_of_the_default_run(default_run):
    root, _ = default_run
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert readme.section(TEXT, "exhibits") == readme.exhibits_section(manifest), \
        "README's list of tables and figures is stale: run `make readme`"
    rows = [line for line in readme.section(TEXT, "exhibits").splitlines() if line.startswith(("| Table ", "| Figure "))]
    assert len(rows) == len(manifest["exhibits"]) > 100
    assert any(r.startswith("| Table 1.1 | `01_trade` |") and "eclac-2018-korea-lac Table 4" in r for r in rows)


def test_requirements_section_is_fresh():
    """The run times were measured on what is in the repository now (`make bench` rewrites them)."""
    recorded = readme.recorded_fingerprint(TEXT)
    assert recorded, "README has no measured run times: run `make bench`"
    assert recorded == readme.measured_fingerprint(), \
        "what the README's run times measure has changed since `make bench` ran: run it again"
    body = readme.section(TEXT, "requirements")
    for step in ("cold", "nothing changed", "make test", "make audit", "papermill"):
        assert step in body, step


def test_the_fingerprint_follows_what_is_measured(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(readme, "ROOT", tmp_path)
    before = readme.measured_fingerprint()
    (tmp_path / "README.md").write_text("not measured\n")
    assert readme.measured_fingerprint() == before
    (tmp_path / "notebooks" / "a.py").write_text("x = 2\n")
    assert readme.measured_fingerprint() != before


def test_a_missing_section_is_a_clear_error():
    with pytest.raises(readme.StaleReadme, match="no generated section 'cite'"):
        readme.section("# a README without markers\n", "cite")


def test_the_version_is_the_same_everywhere():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        assert tomllib.load(fh)["project"]["version"] == __version__
    with open(ROOT / "CITATION.cff", encoding="utf-8") as fh:
        cff = yaml.safe_load(fh)
    assert str(cff["version"]) == __version__ and cff["date-released"]
    assert json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["version"] == __version__
    released = re.findall(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d\d-\d\d)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert released[0] == (__version__, str(cff["date-released"]))
    assert f"version {__version__}" in readme.section(TEXT, "cite")


def test_the_example_parameter_file_is_valid_for_every_chapter():
    with open(ROOT / "examples" / "peru-es.yaml", encoding="utf-8") as fh:
        given = yaml.safe_load(fh)
    assert given == {"focus_country": "PER", "lang": "es", "output_dir": "outputs/peru-es"}
    per = split_params(list(REGISTRY), given)
    for key, values in per.items():
        params = validate_params(key, REGISTRY[key].spec, values)
        assert params["lang"] == "es" and params["output_dir"] == "outputs/peru-es"
        assert params.get("focus_country", "PER") == "PER"
    assert "examples/peru-es.yaml" in TEXT


def test_every_output_folder_the_readme_names_is_ignored_by_git():
    named = set(re.findall(r"\b((?:outputs|scratch)/[\w./-]*)", TEXT)) - {"outputs/README.md"}
    assert {"outputs/peru-es/", "outputs/failed/", "scratch/"} <= named
    for path in sorted(named):
        probe = path.rstrip("/") + ("/probe" if path.endswith("/") or "." not in path.rsplit("/", 1)[-1] else "")
        rc = subprocess.run(["git", "check-ignore", "-q", "--no-index", probe], cwd=ROOT).returncode
        assert rc == 0, f"{path} (named in the README) is not ignored by git"


def test_readme_commands_are_the_makefile_and_ci_commands():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    assert set(re.findall(r"\bmake ([a-z]+)\b", TEXT)) <= targets
    ci = [l for l in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if l and not l.startswith(("#", "set ", "cd "))]
    assert ci == ["make test", "make audit", "make nbval"]
    assert all(f"`{c}`" in TEXT for c in ci)


def test_audit_without_the_texts_stops_at_once_saying_what_to_provide(tmp_path):
    """`pytest -m audit` with no texts: exit 3 before any test runs, naming every missing file."""
    from kolac.documents import registry

    env = {**os.environ, "KOLAC_SOURCES": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "pytest", "-m", "audit", "-p", "no:cacheprovider", "tests/test_sources.py"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 3, out.stdout[-2000:]
    said = out.stdout + out.stderr
    assert all(s["file"] in said and s["sha256"] in said for s in registry().values())
    assert "KOLAC_SOURCES" in said and " passed" not in said
    cli = subprocess.run([sys.executable, "-m", "kolac", "sources"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert cli.returncode == 3 and all(s["file"] in cli.stdout + cli.stderr for s in registry().values())


def test_make_test_hides_the_texts(request):
    """In `make test` (`-m "not audit"`) the source texts are hidden, whatever lies beside the clone,
    so that a test needing them fails here instead of passing only on machines that have them."""
    from kolac.documents import check_texts

    hidden = os.path.basename(os.environ.get("KOLAC_SOURCES", "")).startswith("kolac-no-sources-")
    if (request.config.option.markexpr or "").strip() == "not audit":
        assert hidden and len(check_texts()) == 5
    else:  # a plain `pytest` runs both halves and reads the texts where they are
        assert not hidden
