"""Where things are. The repository root is found from the package location (editable install)."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
OUTPUTS = ROOT / "outputs"
SCRATCH = ROOT / "scratch"  # exhibits of notebooks run by hand (gitignored)


def sources_dir() -> Path:
    """The folder with the five source texts: $KOLAC_SOURCES, else ../shared/sources."""
    env = os.environ.get("KOLAC_SOURCES")
    return Path(env) if env else ROOT.parent / "shared" / "sources"


def rel(path) -> str:
    """A path relative to the repository root, with forward slashes (no absolute paths in outputs)."""
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.as_posix()


def output_root(output_dir: str) -> Path:
    """The final output folder named by the `output_dir` parameter."""
    p = Path(output_dir)
    return p if p.is_absolute() else ROOT / p


def write_atomic(path, text: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves a half-written file."""
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
