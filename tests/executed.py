"""Reading a notebook the runner executed, for the chapter tests' non-default runs."""
import json

import nbformat


def read_executed(path):
    """(outputs as one JSON text, the notebook, the injected-parameters source or '')."""
    nb = nbformat.read(path, as_version=4)
    shown = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    injected = [c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    return shown, nb, injected[0] if injected else ""
