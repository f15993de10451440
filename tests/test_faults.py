"""Faults injected on purpose: each must be refused with a clear message or repaired, never give a
silent wrong result (issue: runner and data integrity under faults)."""
import json
import shutil

import pytest

import kolac
from kolac import cli, corrections, exhibits, runner
from kolac.chapters import get
from kolac.corrections import CorrectionError
from kolac.data import load
from kolac.params import ParameterError
from pathlib import Path

from kolac.paths import ROOT


@pytest.mark.parametrize("output_dir", [".", "outputs/..", str(ROOT), "notebooks", "data/trade", None, "None"])
def test_an_output_root_that_could_overwrite_the_repository_is_refused(output_dir):
    with pytest.raises(ParameterError, match="output_dir"):
        runner.run(["trade"], {"output_dir": output_dir})


def test_an_output_root_that_is_a_file_is_refused(tmp_path):
    f = tmp_path / "a-file"
    f.write_text("x")
    for value in (f, f / "below"):
        with pytest.raises(ParameterError, match="is a file"):
            runner.run(["trade"], {"output_dir": str(value)})


def test_a_hand_run_writes_to_scratch_not_to_outputs(tmp_path, monkeypatch, capsys):
    import pandas as pd

    monkeypatch.delenv("KOLAC_STAGING")
    monkeypatch.setattr(exhibits, "SCRATCH", tmp_path / "scratch")
    chapter = kolac.setup("cooperation", get("cooperation").defaults())
    assert chapter.root == tmp_path / "scratch" / "cooperation" and "hand run" in capsys.readouterr().out
    chapter.table(pd.DataFrame({"a": [1]}), "6.1", sources=["eclac2018_t35_korea_oda"])
    assert (tmp_path / "scratch" / "cooperation" / "tables" / "cooperation" / "table-6.1.csv").exists()


def _task(root, chapter="trade"):
    params = get(chapter).validate({})
    t = runner.Task(chapter, {}, params, root)
    t.key = runner.fingerprint(t)
    return t


def test_freshness_is_decided_by_content(default_run, tmp_path):
    root, code = default_run
    assert code == 0
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    assert runner.is_fresh(_task(copy)) and runner.verify(copy) == []
    table = copy / "trade" / "tables" / "table-1.1.csv"
    table.write_text(table.read_text().replace("Mexico", "Mexic0"))
    assert not runner.is_fresh(_task(copy)), "a changed file on record must make the chapter stale"
    assert runner.verify(copy) == ["trade/tables/table-1.1.csv (trade-table-1.1): changed since the run"]
    (copy / "fdi" / "02_fdi.ipynb").unlink()
    assert not runner.is_fresh(_task(copy, "fdi"))
    assert "fdi/02_fdi.ipynb: missing" in runner.verify(copy)


def test_verify_command(default_run, tmp_path, capsys):
    root, _ = default_run
    assert cli.main(["verify", "--output-dir", str(root)]) == 0
    assert cli.main(["verify", "--output-dir", str(tmp_path)]) == 1
    assert "no manifest" in capsys.readouterr().out


def test_a_wrong_corrected_value_stops_the_load(monkeypatch):
    entries = list(corrections.register())
    c = next(e for e in entries if e.id == "C-FDI-01")
    wrong = corrections.Correction(**{**c.__dict__, "corrected": 24000})
    monkeypatch.setattr(corrections, "register", lambda: tuple(wrong if e.id == c.id else e for e in entries))
    corrections._verified.cache_clear()
    try:
        with pytest.raises(CorrectionError, match="C-FDI-01.*not the corrected value 24000"):
            load("eclac2018_t28_korea_ofdi_flows")
    finally:
        corrections._verified.cache_clear()


@pytest.mark.parametrize("content, message", [
    (b"lang: es\nlang: en\n", "given twice"),
    (b"focus_country: \xff\xfe\n", "not UTF-8"),
])
def test_bad_parameter_files_are_refused(tmp_path, capsys, content, message):
    f = tmp_path / "p.yaml"
    f.write_bytes(content)
    assert cli.main(["run", "trade", "-f", str(f)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1_0", "10.0", "ten", "+"])
def test_integers_are_plain_digits_and_the_error_names_the_range(value):
    with pytest.raises(ParameterError, match=r"top_n.*not an integer; allowed: 1\.\.24"):
        get("trade").validate({"top_n": value})


def test_a_chapter_named_twice_is_refused(capsys):
    assert cli.main(["run", "trade", "trade"]) == 2
    assert "named twice" in capsys.readouterr().err


def _staging_from(chapter_dir, staging, ch, nb):
    """A staging folder as a kernel leaves it, rebuilt from a promoted chapter folder."""
    (staging / "notebooks").mkdir(parents=True)
    shutil.copyfile(chapter_dir / f"{nb}.ipynb", staging / "notebooks" / f"{nb}.ipynb")
    for sub in ("figures", "tables"):
        shutil.copytree(chapter_dir / sub, staging / sub / ch)
    records = json.loads((chapter_dir / "exhibits.json").read_text())
    for r in records:
        for f in r["files"]:
            _, kind, name = f["path"].split("/", 2)
            f["path"] = f"{kind}/{ch}/{name}"
    (staging / "exhibits").mkdir()
    (staging / "exhibits" / f"{ch}.json").write_text(json.dumps(records))


def test_a_promotion_killed_half_way_never_looks_up_to_date(default_run, tmp_path, monkeypatch):
    root, _ = default_run
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    staging = tmp_path / "staging"
    _staging_from(copy / "trade", staging, "trade", "01_trade")
    task = _task(copy)
    real, calls = runner.os.replace, []

    def dies_on_swap_in(src, dst):  # the rename that puts the new chapter folder in place
        calls.append(dst)
        if str(dst) == str(copy / "trade"):
            raise KeyboardInterrupt("killed during promote")
        return real(src, dst)

    monkeypatch.setattr(runner.os, "replace", dies_on_swap_in)
    with pytest.raises(KeyboardInterrupt):
        runner._promote(task, staging, 1.0)
    monkeypatch.setattr(runner.os, "replace", real)
    # no mixture: the chapter folder is gone as a whole (the old one sits in .trash), the others are untouched
    assert not (copy / "trade").exists() and (copy / "fdi" / "state.json").exists()
    assert not runner.is_fresh(task), "a half-promoted chapter must be rerun"
    assert any(p.startswith("trade/") and p.endswith("missing") for p in runner.verify(copy))
    runner.rebuild_manifest(copy)  # what the next run does first of all: the manifest says what is on disk
    assert not any(e["chapter"] == "trade" for e in json.loads((copy / "manifest.json").read_text())["exhibits"])
    assert runner.verify(copy) == []


def test_a_promotion_swaps_the_whole_chapter(default_run, tmp_path):
    root, _ = default_run
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    staging = tmp_path / "staging"
    _staging_from(copy / "fdi", staging, "fdi", "02_fdi")
    (staging / "tables" / "fdi" / "table-2.1.csv").write_text("changed\n")
    records = json.loads((staging / "exhibits" / "fdi.json").read_text())  # as the kernel records what it wrote
    for r in records:
        for f in r["files"]:
            if f["path"] == "tables/fdi/table-2.1.csv":
                f["sha256"] = runner._digest(staging / "tables" / "fdi" / "table-2.1.csv")
    (staging / "exhibits" / "fdi.json").write_text(json.dumps(records))
    task = _task(copy, "fdi")
    runner._promote(task, staging, 1.0)
    assert (copy / "fdi" / "tables" / "table-2.1.csv").read_text() == "changed\n"
    assert runner.is_fresh(task) and runner.verify(copy) == []  # state and manifest describe the new files
    assert not (copy / ".trash").exists() or not any((copy / ".trash").iterdir())


SLEEPER = """
import json, sys, time
import nbformat
from kolac import runner
root, nb = sys.argv[1], sys.argv[2]
runner.notebook_path = lambda chapter: nb  # every chapter runs the same small notebook that sleeps
sys.exit(runner.run(["trade", "fdi"], {}, jobs=2, quiet=True, root=root, force=True))
"""


def _stat(pid):
    """(state, ppid) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return fields[0], int(fields[1])
    except (OSError, IndexError, ValueError):
        return None


def _alive(pids) -> list:
    return [p for p in pids if (st := _stat(p)) and st[0] != "Z"]


def _descendants(pid) -> set:
    import os

    parent = {int(q): st[1] for q in filter(str.isdigit, os.listdir("/proc")) if (st := _stat(int(q)))}
    out, frontier = set(), {pid}
    while frontier:
        frontier = {q for q, pp in parent.items() if pp in frontier} - out
        out |= frontier
    return out


def _kernel_of(marker: str) -> list:
    """PIDs of live processes whose environment names `marker` (a chapter's staging folder): the
    kernels, which papermill starts with the worker's environment."""
    import os

    found = []
    for q in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{q}/environ", "rb") as fh:
                if marker.encode() in fh.read() and _alive([int(q)]):
                    found.append(int(q))
        except OSError:
            continue
    return found


def _wait(cond, seconds):
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return cond()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_a_killed_worker_fails_its_chapter_and_sigterm_leaves_no_process(tmp_path):
    """Two chapters run a notebook that sleeps; one worker is killed (its chapter fails, the run goes
    on), then the runner gets SIGTERM: it exits promptly with one line, and no worker or kernel of
    the run lives on."""
    import os
    import signal
    import subprocess
    import sys

    import nbformat

    nb = tmp_path / "sleeper.ipynb"
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(60)")])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, nb)
    root = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SLEEPER, str(root), str(nb)], stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: _kernel_of(str(root / ".staging" / "trade")) and _kernel_of(str(root / ".staging" / "fdi")), 30), \
            "kernels did not start"
        family = _descendants(proc.pid)  # workers, kernels, helpers: none may outlive the run
        worker = _stat(_kernel_of(str(root / ".staging" / "trade"))[0])[1]  # the kernel's parent
        os.kill(worker, signal.SIGKILL)
        assert _wait(lambda: (root / "failed").exists(), 10), "the killed worker's chapter did not fail on its own"
        assert proc.poll() is None, "the run stopped with the worker: a lost worker must fail only its chapter"
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=15)[1]
        assert proc.returncode == 130 and "interrupted: stopped fdi; outputs untouched" in err
        assert "worker process died" in err and "Traceback" not in err
        assert _wait(lambda: not _alive(family), 10), f"left behind: {_alive(family)}"
        assert not (root / ".staging" / "fdi").exists()
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_sigkill_of_the_runner_leaves_no_process(tmp_path):
    import signal
    import subprocess
    import sys

    import nbformat

    nb = tmp_path / "sleeper.ipynb"
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(60)")])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, nb)
    root = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SLEEPER, str(root), str(nb)], stderr=subprocess.DEVNULL)
    assert _wait(lambda: _kernel_of(str(root / ".staging" / "trade")) and _kernel_of(str(root / ".staging" / "fdi")), 30)
    family = _descendants(proc.pid)
    assert len(family) >= 4  # two workers, two kernels
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=5)
    assert _wait(lambda: not _alive(family), 10), f"left behind: {_alive(family)}"


@pytest.mark.parametrize("fake_python", [
    "#!/bin/sh\nexit 1\n",                       # killed during `python -m venv`: an interpreter that cannot run pip
])
def test_a_half_made_venv_is_rebuilt(tmp_path, fake_python):
    import subprocess

    for name in ("Makefile", "requirements.txt", "requirements-lock.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    py = tmp_path / ".venv" / "bin" / "python"
    py.parent.mkdir(parents=True)
    py.write_text(fake_python)
    py.chmod(0o755)
    (tmp_path / ".venv" / ".kolac-installed").touch()  # the stamp of an earlier, complete install
    out = subprocess.run(["make", "-n", "run"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert not (tmp_path / ".venv" / ".kolac-installed").exists(), "the stamp of a broken venv must go"
    assert "rm -rf .venv" in out and "-m venv .venv" in out


def test_a_broken_sidecar_names_its_file_and_line_and_stops_only_what_needs_it(tmp_path, monkeypatch):
    from kolac import catalog as cat

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bad = data / "fdi" / "eclac2018_t28_korea_ofdi_flows.meta.yaml"
    bad.write_text(bad.read_text().replace("title:", "title: [unclosed", 1))
    monkeypatch.setattr(cat, "DATA", data)
    errors = cat.broken()
    assert list(errors) == ["eclac2018_t28_korea_ofdi_flows"]
    assert "eclac2018_t28_korea_ofdi_flows.meta.yaml, line" in str(errors["eclac2018_t28_korea_ofdi_flows"])
    assert "eclac2018_t04_trade_partners_2015" in cat.catalog()  # the other chapters' resources are there
    with pytest.raises(cat.MetadataError, match="not valid YAML"):
        cat.resource("eclac2018_t28_korea_ofdi_flows")


def test_an_empty_csv_is_named(tmp_path, monkeypatch):
    from kolac import printed
    from kolac.data import DataValidationError

    meta = dict(printed.resource("eclac2018_t28_korea_ofdi_flows"))
    empty = tmp_path / "t.csv"
    empty.write_text("")
    meta["_csv"], meta["sha256"] = empty, __import__("hashlib").sha256(b"").hexdigest()
    monkeypatch.setattr(printed, "resource", lambda name: meta)
    with pytest.raises(DataValidationError, match="t.csv: the file is empty"):
        load("eclac2018_t28_korea_ofdi_flows")


def test_a_read_only_output_root_is_fine_when_nothing_needs_rerunning(default_run, tmp_path, monkeypatch):
    import os

    root, _ = default_run
    copy = tmp_path / "ro"
    shutil.copytree(root, copy)
    before = {p: p.stat().st_mtime_ns for p in copy.rglob("*")}
    # the tests run as root, who may write anywhere: the folder is made read-only in the runner's eyes
    real_access = os.access
    monkeypatch.setattr(runner.os, "access", lambda p, mode: False if Path(p) == copy else real_access(p, mode))
    assert runner.run(["trade", "fdi"], {}, root=copy, quiet=True) == 0
    assert {p: p.stat().st_mtime_ns for p in copy.rglob("*")} == before  # nothing written, not even a lock
    with pytest.raises(ParameterError, match="read-only and trade must be rerun"):
        runner.run(["trade"], {}, root=copy, quiet=True, force=True)


def test_the_lock_wait_has_a_limit_and_names_the_holder(tmp_path):
    from filelock import FileLock

    root = tmp_path / "locked"
    root.mkdir()
    lock = FileLock(str(root / ".kolac.lock"))
    lock.acquire()
    (root / ".kolac.lock.holder").write_text(json.dumps({"pid": 4242, "since": "2026-12-04 03:00:00"}))
    try:
        with pytest.raises(ParameterError, match=r"still held by pid 4242 since 2026-12-04 03:00:00 after 1 s"):
            runner.run(["cooperation"], {}, root=root, quiet=True, lock_timeout=1)
    finally:
        lock.release()


def test_a_later_success_removes_the_stale_failed_notebook(default_run, tmp_path):
    root, _ = default_run
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    (copy / "failed").mkdir(exist_ok=True)
    (copy / "failed" / "02_fdi.ipynb").write_text("{}")
    (copy / "failed" / "02_fdi.log").write_text("old")
    staging = tmp_path / "staging"
    _staging_from(copy / "fdi", staging, "fdi", "02_fdi")
    runner._promote(_task(copy, "fdi"), staging, 1.0)
    assert not (copy / "failed" / "02_fdi.ipynb").exists() and not (copy / "failed" / "02_fdi.log").exists()


def test_no_label_file_defines_a_key_twice():
    import yaml

    from kolac.cli import _unique_key_loader

    for path in sorted((ROOT / "lib" / "kolac" / "labels").glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh, Loader=_unique_key_loader())  # raises on a key given twice (ESP was, in countries.yaml)
