"""The runner end to end on the trade chapter, into a temporary output root: outputs and manifest,
skip when unchanged, non-default parameters, and a failing notebook that leaves the previous
good outputs untouched."""
import json
import shutil
import time

import nbformat
import pytest

from kolac import runner
from kolac.resources import sha256_file


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("out")
    code = runner.run(None, {"output_dir": str(root)}, jobs=2, quiet=True)  # every chapter
    return root, code


def test_run_writes_notebooks_exhibits_and_manifest(first_run):
    root, code = first_run
    assert code == 0
    manifest = json.loads((root / "manifest.json").read_text())
    ids = [e["id"] for e in manifest["exhibits"]]
    assert "trade-figure-1.1" in ids and "trade-table-1.2" in ids
    for e in manifest["exhibits"]:
        assert e["sources"] and e["caption"]
        for f in e["files"]:
            assert sha256_file(root / f["path"]) == f["sha256"]
    nb = nbformat.read(root / "notebooks" / "01_trade.ipynb", as_version=4)
    assert "start_time" not in nb.metadata["papermill"]
    assert not (root / ".staging").exists()


def test_unchanged_inputs_are_skipped(first_run, capsys):
    root, _ = first_run
    t0 = time.perf_counter()
    assert runner.run(["trade", "fdi"], {"output_dir": str(root)}) == 0
    out = capsys.readouterr().out
    assert "trade          up to date" in out and "fdi            up to date" in out
    assert time.perf_counter() - t0 < 30  # no kernel was started (a loose bound; see `make bench`)


def test_non_default_parameters(first_run):
    root, _ = first_run
    other = root.parent / "es"
    assert runner.run(["trade"], {"output_dir": str(other), "lang": "es", "focus_country": "PER", "top_n": "5"}, quiet=True) == 0
    nb = nbformat.read(other / "notebooks" / "01_trade.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'focus_country = "PER"' in injected[0].source
    shown = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert "Perfil de Perú" in shown and "Exportaciones" in shown
    manifest = json.loads((other / "manifest.json").read_text())
    captions = {e["id"]: e["caption"] for e in manifest["exhibits"]}
    assert captions["trade-figure-1.1"].startswith("Exportaciones de Corea a sus 5 principales")


def test_failed_notebook_keeps_previous_outputs(first_run, tmp_path, monkeypatch, capsys):
    root, _ = first_run
    before = {p: p.read_bytes() for p in (root / "figures" / "trade").iterdir()}
    manifest_before = (root / "manifest.json").read_bytes()
    broken = tmp_path / "01_trade.ipynb"
    nb = nbformat.read(runner.notebook_path("trade"), as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure for the test')"))
    nbformat.write(nb, broken)
    monkeypatch.setattr(runner, "notebook_path", lambda chapter: broken)
    assert runner.run(["trade"], {"output_dir": str(root)}, force=True) == 1
    err = capsys.readouterr().err
    assert "deliberate failure for the test" in err and "raise RuntimeError" in err
    assert {p: p.read_bytes() for p in (root / "figures" / "trade").iterdir()} == before
    assert (root / "manifest.json").read_bytes() == manifest_before
    assert (root / "failed" / "01_trade.ipynb").exists()


def test_outputs_are_deterministic(first_run, tmp_path):
    root, _ = first_run
    again = tmp_path / "again"
    assert runner.run(["trade"], {"output_dir": str(again)}, quiet=True) == 0
    for sub in ("figures/trade", "tables/trade"):
        for p in (root / sub).iterdir():
            assert (again / sub / p.name).read_bytes() == p.read_bytes(), p.name
    a = (root / "notebooks" / "01_trade.ipynb").read_text().replace(str(root), "ROOT")
    b = (again / "notebooks" / "01_trade.ipynb").read_text().replace(str(again), "ROOT")
    assert a == b


def test_concurrent_runs_wait_for_the_lock(first_run):
    """A second run waits while another holds outputs/.kolac.lock, so the two never interleave."""
    import threading

    from filelock import FileLock

    root, _ = first_run
    lock = FileLock(str(root / ".kolac.lock"))
    lock.acquire()
    result = {}
    t = threading.Thread(target=lambda: result.setdefault("code", runner.run(["fdi"], {"output_dir": str(root)}, quiet=True)))
    t.start()
    t.join(timeout=3)
    assert t.is_alive() and "code" not in result, "the run did not wait for the lock"
    lock.release()
    t.join(timeout=120)
    assert result["code"] == 0


def test_readme_lists_every_exhibit(first_run):
    """The README's table of exhibits names every table and figure the run produced, with its notebook."""
    from kolac.paths import ROOT

    root, _ = first_run
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| Table ") or line.startswith("| Figure ")]
    for e in json.loads((root / "manifest.json").read_text())["exhibits"]:
        name = ("Table " if e["kind"] == "table" else "Figure ") + e["number"]
        nb = e["notebook"].split("/")[-1].removesuffix(".ipynb")
        assert any(r.startswith(f"| {name} |") and nb in r for r in rows), f"README lacks a row for {name} ({nb})"
