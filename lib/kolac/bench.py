"""`python -m kolac bench`: measures, in one run on this machine, ratios against a baseline
(absolute seconds on shared machines are noise; ratios are what the targets are about).

  cold ratio  = `kolac run --force` (all chapters) / a sequential loop of the `papermill` CLI over
                the same notebooks (the naive way to execute them)      target <= 0.5
  no-op rerun = `kolac run` again with nothing changed                   target <= 1 s
  test ratio  = `make test` (python -m pytest) / the cold run above       target <= 3
The runs write into a temporary output root, so outputs/ is not touched.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .chapters import REGISTRY
from .paths import NOTEBOOKS, ROOT


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
    tests = _timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], env)
    print(f"naive papermill loop : {naive:7.2f} s  (baseline, {len(REGISTRY)} notebooks)")
    print(f"kolac run --force    : {cold:7.2f} s  ratio {cold / naive:.2f}  (target <= 0.50)")
    print(f"kolac run (no-op)    : {noop:7.2f} s  ratio {noop / naive:.3f}  (target <= 1 s)")
    print(f"make test (pytest)   : {tests:7.2f} s  ratio {tests / cold:.2f} of the cold run  (target <= 3.00)")
    ok = cold / naive <= 0.5 and noop <= 1.0 and tests / cold <= 3.0
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1
