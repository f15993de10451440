"""One source of truth for the environment: environment.yml and requirements.txt carry the same
exact pins, and the lock file agrees with both."""
import re

import yaml

from kolac.paths import ROOT


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def conda_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and "=" in dep and not dep.startswith("python="):
            name, version = dep.split("=", 1)
            pins[_norm(name)] = version
    return pins


def pip_pins(path):
    pins = {}
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[_norm(name)] = version
    return pins


def test_conda_and_pip_pins_agree():
    conda, pip = conda_pins(), pip_pins("requirements.txt")
    assert conda == pip, {k: (conda.get(k), pip.get(k)) for k in conda.keys() | pip.keys() if conda.get(k) != pip.get(k)}


def test_lock_contains_every_direct_pin():
    lock, pip = pip_pins("requirements-lock.txt"), pip_pins("requirements.txt")
    assert {k: lock.get(k) for k in pip} == pip


def test_environment_uses_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]


def test_installed_versions_match_pins():
    from importlib.metadata import version

    for name, pinned in pip_pins("requirements.txt").items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}"
