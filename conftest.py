"""Test-session setup shared by the library tests and nbval.

Kernels inherit this environment: exhibits of notebooks executed outside the runner (nbval) go
to a throw-away staging folder, never into outputs/.

Notebook executions are the expensive part of the suite, so each parameter set runs once per
session, all chapters together, through the runner (tests/runs.py):
  default_run  every chapter with its defaults (compared with the committed references and the
               golden record: the same check as re-executing under nbval, at no extra cost)
  other_run    every chapter with one set of non-default parameters (OTHER_PARAMS)
"""
import os
import tempfile

import pytest

os.environ.setdefault("KOLAC_STAGING", tempfile.mkdtemp(prefix="kolac-nbval-"))
os.environ.setdefault("MPLBACKEND", "Agg")

# One non-default value for every parameter that has a default; Panama is the focus because the
# documents print it in some chapters' tables and not in others (both paths of the profiles run).
OTHER_PARAMS = {
    "lang": "es", "apply_corrections": False, "countries": "ARG,BRA,CHL,MEX,PAN,PER", "focus_country": "PAN",
    "top_n": 5, "year_from": 2005, "year_to": 2014, "period": "2001-2006", "lac_year": 2013,
    "source_copy": "eclac-2018-korea-lac", "theme": "trade_promotion", "source": "eclac-2018-korea-lac", "addressee": "korea", "year": 2010,
}


@pytest.fixture(scope="session")
def session_runs(tmp_path_factory):
    """Both runs at once, one kernel each at a time: two threads keep both cores busy to the end
    (one run with two workers leaves a core idle while its longest notebook finishes)."""
    import threading

    from kolac import runner

    roots = {"default": tmp_path_factory.mktemp("default-run"), "other": tmp_path_factory.mktemp("other-run")}
    given = {"default": {}, "other": dict(OTHER_PARAMS)}
    codes = {}

    def go(name):
        try:
            codes[name] = runner.run(None, given[name], jobs=1, quiet=True, root=roots[name])
        except Exception as exc:  # surfaced by the fixtures below, not lost in the thread
            codes[name] = exc

    threads = [threading.Thread(target=go, args=(n,)) for n in roots]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, code in codes.items():
        if isinstance(code, Exception):
            raise code
    return {n: (roots[n], codes[n]) for n in roots}


@pytest.fixture(scope="session")
def default_run(session_runs):
    return session_runs["default"]


@pytest.fixture(scope="session")
def other_run(session_runs):
    return session_runs["other"]
