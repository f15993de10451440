"""`python -m kolac golden`: the golden record a reviewer reads in the diff.

  tests/golden/claim_statuses.csv  every claim's computed status, value and bounds (corrected data)
  tests/golden/exhibits.csv        every exhibit file of a default run with its sha256

The tests compare a fresh computation and a fresh default run with these files, so a changed
claim status or a changed exhibit (figure pixels included, which nbval does not compare) fails
until the record is regenerated with this command and the change is explained in the commit.
"""
import csv
import io
import json
import tempfile
from pathlib import Path

from .paths import ROOT, write_atomic

GOLDEN = ROOT / "tests" / "golden"
CLAIMS = GOLDEN / "claim_statuses.csv"
EXHIBITS = GOLDEN / "exhibits.csv"


def _csv(header, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def claim_statuses_csv() -> str:
    from .claims import audit

    def g(v):
        return "" if v is None or v != v else f"{v:.6g}"

    a = audit()
    rows = [(r.claim_id, r.status, g(r.recomputed), g(r.low), g(r.high)) for r in a.itertuples()]
    return _csv(("claim_id", "status", "recomputed", "low", "high"), rows)


def exhibits_csv(manifest: dict) -> str:
    rows = [(e["id"], f["path"], f["sha256"]) for e in manifest["exhibits"] for f in e["files"]]
    return _csv(("exhibit", "file", "sha256"), rows)


def write_golden() -> int:
    from .runner import run

    GOLDEN.mkdir(parents=True, exist_ok=True)
    write_atomic(CLAIMS, claim_statuses_csv())
    with tempfile.TemporaryDirectory(prefix="kolac-golden-") as tmp:
        code = run(force=True, quiet=True, root=tmp)
        if code:
            return code
        manifest = json.loads((Path(tmp) / "manifest.json").read_text(encoding="utf-8"))
    write_atomic(EXHIBITS, exhibits_csv(manifest))
    print(f"wrote {CLAIMS.relative_to(ROOT)} and {EXHIBITS.relative_to(ROOT)}; review the diff")
    return 0
