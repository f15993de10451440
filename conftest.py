"""Test-session setup shared by the library tests and nbval.

Kernels inherit this environment: exhibits of notebooks executed outside the runner (nbval) go
to a throw-away staging folder, never into outputs/.

Notebook executions are the expensive part of the suite, so each parameter set runs once per
session, all chapters together, through the runner, started in the background as soon as the
tests are collected (the tests that need the runs are ordered last):
  default_run  every chapter with its defaults (compared with the committed references and the
               golden record: the same check as re-executing under nbval, at no extra cost)
  other_run    every chapter with one set of non-default parameters (OTHER_PARAMS)
"""
import os
import tempfile
from pathlib import Path

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


def pytest_configure(config):
    """The two halves of the suite. `-m "not audit"` (`make test`) hides the source texts, so that
    whatever needs them fails loudly instead of passing only because they happen to lie beside
    this clone; `-m audit` (`make audit`) stops at once when they are missing, saying what to do."""
    expr = (config.option.markexpr or "").strip()
    if expr == "not audit":
        hidden = tempfile.mkdtemp(prefix="kolac-no-sources-")
        os.environ["KOLAC_SOURCES"] = hidden
        config.add_cleanup(lambda: os.rmdir(hidden))
    elif expr == "audit":
        from kolac.documents import check_texts, how_to_provide

        problems = check_texts()
        if problems:
            pytest.exit(how_to_provide(problems), returncode=3)


RUN_FIXTURES = {"default_run", "other_run", "session_runs"}
_RUNS = {}


def _needs_runs(item) -> bool:
    return bool(RUN_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(session, config, items):
    # tests that read the notebook runs go last, so that the others run while the notebooks execute
    items.sort(key=_needs_runs)


def pytest_collection_finish(session):
    """Start both runs in the background as soon as the tests are known, if any test needs them:
    two threads, one kernel each at a time, keep both cores busy while the other tests run."""
    if not any(_needs_runs(i) for i in session.items):
        return
    import shutil
    import threading

    from kolac import runner

    base = Path(tempfile.mkdtemp(prefix="kolac-runs-"))
    _RUNS["base"] = base
    roots = {"default": base / "default-run", "other": base / "other-run"}
    given = {"default": {}, "other": dict(OTHER_PARAMS)}
    results = {}

    def go(name):
        try:
            results[name] = (roots[name], runner.run(None, given[name], jobs=1, quiet=True, root=roots[name]))
        except BaseException as exc:  # surfaced by the fixtures, not lost in the thread
            results[name] = exc

    _RUNS["threads"] = [threading.Thread(target=go, args=(n,), daemon=True) for n in roots]
    _RUNS["results"] = results
    for t in _RUNS["threads"]:
        t.start()
    session.config.add_cleanup(lambda: shutil.rmtree(base, ignore_errors=True))


@pytest.fixture(scope="session")
def session_runs():
    assert "threads" in _RUNS, "pytest_collection_finish starts the runs whenever a collected test needs them"
    for t in _RUNS["threads"]:
        t.join()
    for name, res in _RUNS["results"].items():
        if isinstance(res, BaseException):
            raise res
    return dict(_RUNS["results"])


@pytest.fixture(scope="session")
def default_run(session_runs):
    return session_runs["default"]


@pytest.fixture(scope="session")
def other_run(session_runs):
    return session_runs["other"]
