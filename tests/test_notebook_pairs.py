"""Each notebook is paired with a jupytext percent script; the pair must be in sync, and the
stored reference holds the outputs of a default run."""
import jupytext
import nbformat
import pytest

from kolac.chapters import REGISTRY
from kolac.paths import NOTEBOOKS, ROOT


@pytest.mark.parametrize("nb", [c.notebook for c in REGISTRY.values()])
def test_pair_in_sync(nb):
    ipynb = jupytext.read(NOTEBOOKS / f"{nb}.ipynb")
    assert jupytext.writes(ipynb, fmt="py:percent") == (NOTEBOOKS / f"{nb}.py").read_text(encoding="utf-8"), \
        f"{nb}.ipynb and {nb}.py differ: edit the .py and run `python -m kolac refresh`"


@pytest.mark.parametrize("nb", [c.notebook for c in REGISTRY.values()])
def test_reference_is_executed_and_normalized(nb):
    notebook = nbformat.read(NOTEBOOKS / f"{nb}.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "reference notebook not fully executed"
    assert any(c.outputs for c in code)
    assert "start_time" not in notebook.metadata.get("papermill", {})
    assert not any("papermill" in c.metadata or "execution" in c.metadata for c in notebook.cells)
    text = nbformat.writes(notebook)
    assert str(ROOT) not in text and "/tmp/" not in text, "absolute paths in a reference notebook"
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and not any("injected-parameters" in c.metadata.get("tags", []) for c in code)
