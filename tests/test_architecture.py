"""The library's modules depend one way: no import cycle, counting imports inside functions too."""
import ast
from pathlib import Path

import pytest

from kolac.chapters import REGISTRY

LIB = Path(__file__).resolve().parents[1] / "lib" / "kolac"
MODULES = {p.stem for p in LIB.glob("*.py")}


def imports(path: Path) -> set:
    """Modules of kolac that `path` imports, anywhere in the file (`from . import x`, `from .x import y`)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kolac"):
            parts = node.module.split(".")
            out.add(parts[1] if len(parts) > 1 else "__init__")
    return out


GRAPH = {p.stem: imports(p) for p in LIB.glob("*.py")}


def find_cycle(graph: dict):
    state, stack = {}, []

    def visit(n):
        state[n] = "open"
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == "open":
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = "done"
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def test_no_import_cycle():
    cycle = find_cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_only_modules_are_imported_from_the_package():
    # `from . import NAME` must name a module: package-level state would tie every module to __init__
    for mod, deps in GRAPH.items():
        unknown = deps - MODULES
        assert not unknown, f"{mod}.py imports {sorted(unknown)} from the package, which are not modules"


def test_no_module_imports_the_package_init():
    assert not [m for m, deps in GRAPH.items() if "__init__" in deps and m != "__main__"]


@pytest.mark.parametrize("key", REGISTRY)
def test_each_chapter_owns_its_files(key):
    c = REGISTRY[key]
    root = LIB.parents[1]
    assert (root / "notebooks" / f"{c.notebook}.py").exists() and (root / "notebooks" / f"{c.notebook}.ipynb").exists()
    assert (LIB / "labels" / f"{key}.yaml").exists(), f"labels/{key}.yaml missing"
    assert c.notebook.startswith(f"{c.number:02d}_")
