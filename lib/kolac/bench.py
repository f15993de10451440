"""`python -m kolac bench`: measures, in one run on this machine, ratios against a baseline
(absolute seconds on shared machines are noise; ratios are what the targets are about).

  cold ratio  = `kolac run --force` (all chapters) / a sequential loop of the `papermill` CLI over
                the same notebooks (the naive way to execute them)      target <= 0.5
  no-op rerun = `kolac run` again with nothing changed                   target <= 1 s
  test ratio  = `make test` (pytest -m "not audit") / the cold run above  target <= 3
and, where the source texts are in place, `make audit` (pytest -m audit). The runs write into a
temporary output root, so outputs/ is not touched. The times go into the README's generated
"requirements" section, with the fingerprint of what they measured (kolac.readme).
"""
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .chapters import REGISTRY
from .paths import NOTEBOOKS, ROOT


FRESHNESS_TEST = "tests/test_readme.py::test_requirements_section_is_fresh"


def _timed(cmd, env) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def bench(jobs=None) -> int:
    bindir = Path(sys.executable).parent
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="kolac-bench-") as tmp:
        tmp = Path(tmp)
        env_naive = dict(env, KOLAC_STAGING=str(tmp / "naive"))
        t0 = time.perf_counter()
        for nb in (c.notebook for c in REGISTRY.values()):
            subprocess.run([str(bindir / "papermill"), str(NOTEBOOKS / f"{nb}.ipynb"), str(tmp / f"{nb}.ipynb"),
                            "--cwd", str(NOTEBOOKS), "-k", "python3", "--no-progress-bar"],
                           cwd=ROOT, env=env_naive, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        naive = time.perf_counter() - t0
        run = [sys.executable, "-m", "kolac", "run", "-p", "output_dir", str(tmp / "kolac")] + (["-j", str(jobs)] if jobs else [])
        cold = _timed(run + ["--force"], env)
        noop = _timed(run, env)
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    # the one test that checks this bench's own record is left out of the run being timed
    tests = _timed(pytest + ["-m", "not audit", "--deselect", FRESHNESS_TEST], env)
    from .documents import check_texts
    from .readme import write_requirements

    audit = None if check_texts() else _timed(pytest + ["-m", "audit"], env)
    print(f"naive papermill loop : {naive:7.2f} s  (baseline, {len(REGISTRY)} notebooks)")
    print(f"kolac run --force    : {cold:7.2f} s  ratio {cold / naive:.2f}  (target <= 0.50)")
    print(f"kolac run (no-op)    : {noop:7.2f} s  ratio {noop / naive:.3f}  (target <= 1 s)")
    print(f"make test (pytest)   : {tests:7.2f} s  ratio {tests / cold:.2f} of the cold run  (target <= 3.00)")
    if audit is not None:
        print(f"make audit (pytest)  : {audit:7.2f} s  (the source texts against the transcriptions)")
    ok = cold / naive <= 0.5 and noop <= 1.0 and tests / cold <= 3.0
    print("targets met" if ok else "targets NOT met")
    times = {
        f"sequential `papermill` loop over the {len(REGISTRY)} notebooks (baseline)": (naive, ""),
        "`make run`, cold (`kolac run --force`)": (cold, f"{cold / naive:.2f} of the loop (target ≤ 0.50)"),
        "`make run`, nothing changed": (noop, "target ≤ 1 s"),
        "`make test` (`pytest -m \"not audit\"`: each notebook run twice, data and library tests)":
            (tests, f"{tests / cold:.2f} of the cold run (target ≤ 3.00)"),
    }
    if audit is not None:
        times["`make audit` (`pytest -m audit`: pins, body checks, lines of claims and errata)"] = (audit, "")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    machine = f"{os.cpu_count()} cores, {mem:.0f} GiB, {platform.system()} {platform.machine()}, Python {platform.python_version()}"
    write_requirements(times, machine, datetime.date.today().isoformat())
    print("README.md: requirements section rewritten")
    return 0 if ok else 1
