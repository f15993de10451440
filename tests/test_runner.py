"""The runner end to end, on the session's runs (conftest.py): outputs and manifest, references
and golden record reproduced, skip when unchanged, non-default parameters, a failing notebook
that leaves the previous good outputs untouched, the lock."""
import json
import time

import nbformat
import pytest
from executed import read_executed

from kolac import golden, runner
from kolac.chapters import REGISTRY
from kolac.paths import NOTEBOOKS
from kolac.catalog import sha256_file


def test_run_writes_notebooks_exhibits_and_manifest(default_run):
    root, code = default_run
    assert code == 0
    manifest = json.loads((root / "manifest.json").read_text())
    ids = [e["id"] for e in manifest["exhibits"]]
    assert "trade-figure-1.1" in ids and "trade-table-1.2" in ids
    assert [e["chapter"] for e in manifest["exhibits"]] == sorted((e["chapter"] for e in manifest["exhibits"]),
                                                                     key=list(REGISTRY).index)  # registry order
    for e in manifest["exhibits"]:
        assert e["sources"] and e["caption"]
        for f in e["files"]:
            assert sha256_file(root / f["path"]) == f["sha256"]
    nb = nbformat.read(root / "trade" / "01_trade.ipynb", as_version=4)
    assert "start_time" not in nb.metadata["papermill"]
    assert not (root / ".staging").exists()


@pytest.mark.parametrize("key", REGISTRY)
def test_default_run_reproduces_the_committed_reference(default_run, key):
    """A fresh default run, normalized, is byte-identical to the committed reference notebook: the
    outputs nbval compares, and determinism across runs (the reference came from another run)."""
    root, _ = default_run
    nb = REGISTRY[key].notebook
    fresh = (root / key / f"{nb}.ipynb").read_text(encoding="utf-8")
    committed = (NOTEBOOKS / f"{nb}.ipynb").read_text(encoding="utf-8")
    assert fresh == committed, f"{nb}: outputs changed; run `python -m kolac refresh` and review the diff"


def test_exhibits_match_the_golden_record(default_run):
    """Every exhibit file (figures included, which nbval does not compare) has the sha256 of the
    golden record; `python -m kolac golden` regenerates it for review."""
    root, _ = default_run
    manifest = json.loads((root / "manifest.json").read_text())
    assert golden.exhibits_csv(manifest) == golden.EXHIBITS.read_text(encoding="utf-8")


def test_unchanged_inputs_are_skipped(default_run, capsys):
    root, _ = default_run
    t0 = time.perf_counter()
    assert runner.run(["trade", "fdi"], {}, root=root) == 0
    out = capsys.readouterr().out
    assert "trade          up to date" in out and "fdi            up to date" in out
    assert time.perf_counter() - t0 < 30  # no kernel was started (a loose bound; see `make bench`)


def test_non_default_parameters(other_run):
    root, code = other_run
    assert code == 0
    shown, _, injected = read_executed(root / "trade" / "01_trade.ipynb")
    assert 'focus_country = "PAN"' in injected and "top_n = 5" in injected
    assert "Perfil de Panamá" in shown and "Exportaciones" in shown
    manifest = json.loads((root / "manifest.json").read_text())
    captions = {e["id"]: e["caption"] for e in manifest["exhibits"]}
    assert captions["trade-figure-1.1"].startswith("Exportaciones de Corea a sus 5 principales")


def test_failed_notebook_keeps_previous_outputs(default_run, tmp_path, monkeypatch, capsys):
    root, _ = default_run
    before = {p: p.read_bytes() for p in (root / "trade" / "figures").iterdir()}
    manifest_before = (root / "manifest.json").read_bytes()
    broken = tmp_path / "01_trade.ipynb"  # a notebook that fails at once: the runner's handling is what is tested
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure for the test')")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, broken)
    monkeypatch.setattr(runner, "notebook_path", lambda chapter: broken)
    assert runner.run(["trade"], {}, force=True, root=root) == 1
    err = capsys.readouterr().err
    assert "deliberate failure for the test" in err and "raise RuntimeError" in err
    assert {p: p.read_bytes() for p in (root / "trade" / "figures").iterdir()} == before
    assert (root / "manifest.json").read_bytes() == manifest_before
    assert (root / "failed" / "01_trade.ipynb").exists()


def test_concurrent_runs_wait_for_the_lock(default_run):
    """A second run waits while another holds outputs/.kolac.lock, so the two never interleave."""
    import threading

    from filelock import FileLock

    root, _ = default_run
    lock = FileLock(str(root / ".kolac.lock"))
    lock.acquire()
    result = {}
    t = threading.Thread(target=lambda: result.setdefault("code", runner.run(["fdi"], {}, quiet=True, root=root)))
    t.start()
    t.join(timeout=1)
    assert t.is_alive() and "code" not in result, "the run did not wait for the lock"
    lock.release()
    t.join(timeout=120)
    assert result["code"] == 0
