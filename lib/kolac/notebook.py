"""Executed notebooks, normalized: no timestamps, no durations, no absolute paths, stable metadata,
so that the same inputs give byte-identical notebooks (and clean diffs of the references)."""
import json

from .paths import ROOT

KEEP_PAPERMILL = ("parameters", "version")


def normalize(nb):
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {k: pm[k] for k in KEEP_PAPERMILL if k in pm}
    root = str(ROOT)
    for cell in nb.cells:
        if "outputs" in cell:
            cell["outputs"] = _coalesce_streams(cell["outputs"])
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = out["text"].replace(root, ".")
            for mime, val in out.get("data", {}).items():
                if mime.startswith("text/") and isinstance(val, str):
                    out["data"][mime] = val.replace(root, ".")
            if "traceback" in out:
                out["traceback"] = [t.replace(root, ".") for t in out["traceback"]]
    return nb


def _coalesce_streams(outputs):
    """Join consecutive stream outputs of the same name: how print() output is chunked into
    messages depends on timing, and must not make two runs differ."""
    out = []
    for o in outputs:
        if out and o.get("output_type") == "stream" and out[-1].get("output_type") == "stream" \
                and out[-1].get("name") == o.get("name"):
            out[-1]["text"] += o["text"]
        else:
            out.append(o)
    return out


def write(nb, path):
    """nbformat's canonical JSON (sorted keys, one-space indent) plus a final newline."""
    import nbformat

    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def code_fingerprint(path) -> str:
    """What of a notebook determines its results: cell types, sources and tags (not outputs).
    Plain json, not nbformat: importing nbformat costs more than a whole no-op run may take."""
    with open(path, encoding="utf-8") as fh:
        cells = json.load(fh)["cells"]
    parts = []
    for c in cells:
        src = c["source"] if isinstance(c["source"], str) else "".join(c["source"])
        parts.append(f"{c['cell_type']}\x1f{src}\x1f{','.join(c.get('metadata', {}).get('tags', []))}")
    return "\x1e".join(parts)
