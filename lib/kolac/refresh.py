"""Rebuild the reference notebooks: notebooks/<nb>.py (jupytext percent, the reviewed source) ->
notebooks/<nb>.ipynb, executed with default parameters and normalized. nbval then compares
fresh executions against these stored outputs."""
import shutil

import jupytext
import nbformat

from .chapters import REGISTRY, get
from .notebook import write
from .paths import NOTEBOOKS, output_root

FORMATS = "ipynb,py:percent"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def build_ipynb(key: str):
    """notebooks/<nb>.py -> notebooks/<nb>.ipynb (no outputs), keeping the pairing metadata, with
    the `parameters` cell written from the chapter's declaration in kolac.chapters."""
    chapter = get(key)
    nb = chapter.notebook
    py = NOTEBOOKS / f"{nb}.py"
    notebook = jupytext.read(py)
    cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{py.name}: expected one cell tagged 'parameters', found {len(cells)}")
    cells[0].source = chapter.parameter_cell()
    notebook.metadata["jupytext"] = {"formats": FORMATS}
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i:02d}"  # jupytext draws random ids; stable ids keep diffs clean
    write(notebook, NOTEBOOKS / f"{nb}.ipynb")
    py.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")  # canonical pair header


def refresh() -> int:
    from .runner import run

    for c in REGISTRY.values():
        build_ipynb(c.key)
    code = run(force=True)
    if code:
        return code
    root = output_root("outputs")
    for c in REGISTRY.values():
        shutil.copyfile(root / c.key / f"{c.notebook}.ipynb", NOTEBOOKS / f"{c.notebook}.ipynb")
    print("reference notebooks updated in notebooks/")
    return 0
