"""The errata report of the printed documents: complete, sorted, located on the lines it cites."""
import csv
import io

import pytest

from kolac import claims, documents, errata
from kolac.catalog import catalog
from kolac.chapters import DOCUMENTS
from kolac.corrections import register


@pytest.fixture(scope="module")
def report():
    return errata.frame()


def test_documents_are_those_of_sources_yaml_in_order():
    assert DOCUMENTS == tuple(documents.registry())


@pytest.mark.audit
def test_every_row_holds_on_its_lines_the_text_it_cites(report):
    """A reader holding the original finds, on lines line..last_line, what the row says is printed."""
    bad = [(r["ref"], r["source"], r["line"], r["printed"]) for r in report.to_dict("records")
           if not errata.printed_on_lines(r, documents.lines(r["source"]))]
    assert not bad, f"{len(bad)} errata rows whose lines do not hold their printed text: {bad[:10]}"


@pytest.mark.audit
def test_the_line_check_would_catch_a_wrong_line(report):
    r = report[report["ref"].str.startswith("C-FDI-01")].iloc[0].to_dict()  # 14 642 printed for 24 642, Table 28
    assert errata.printed_on_lines(r, documents.lines(r["source"]))
    assert not errata.printed_on_lines({**r, "line": r["line"] + 1, "last_line": r["line"] + 1},
                                       documents.lines(r["source"]))
    # a number must stand alone: '14' is not found inside '14642'
    assert not errata.printed_on_lines({**r, "printed": "1464"}, documents.lines(r["source"]))


def test_rows_are_sorted_by_document_and_line(report):
    keys = list(zip(report["source"].map(DOCUMENTS.index), report["line"]))
    assert keys == sorted(keys)
    assert (report["line"] <= report["last_line"]).all()
    assert set(report["status"]) <= set(errata.STATUSES) and set(report["kind"]) <= set(errata.KINDS)


def test_every_correction_and_every_contradicted_claim_is_a_row(report):
    refs = {ref for refs in report["ref"] for ref in refs.split("; ")}
    assert {c.id for c in register()} <= refs
    audit = claims.audit()
    assert set(audit.loc[audit["status"] == "contradicted", "claim_id"]) <= refs
    corrected = report[report["status"] == "corrected"]
    assert len(corrected) >= len(register()) - sum(1 for r in report["ref"] if ";" in r)


def test_every_sidecar_issue_is_located_or_explained():
    """Each note in a sidecar's `issues` is either a located defect of the document or listed
    under not_defects with why; none is left unread."""
    cur = errata.curated()
    seen = {(e["resource"], e["issue"]) for e in cur["documented"]} | {(e["resource"], e["issue"]) for e in cur["not_defects"]}
    issues = {(n, i) for n, m in catalog().items() for i in range(1, len(m.get("issues") or []) + 1)}
    assert issues <= seen, f"issues neither located nor explained: {sorted(issues - seen)[:10]}"
    assert seen <= issues, f"errata.yaml names issues that do not exist: {sorted(seen - issues)[:10]}"
    assert all(e.get("why") for e in cur["not_defects"])


def test_an_entry_stops_applying_loudly_when_its_issue_changes(monkeypatch):
    name = next(n for n, m in catalog().items() if m.get("issues"))
    fake = {"documented": [{"resource": name, "issue": 1, "about": "This text is not how the issue begins",
                            "kind": "other", "line": 1, "printed": "x", "evidence": "x"}],
            "not_defects": [], "mislabels": [], "printings": []}
    monkeypatch.setattr(errata, "curated", lambda: fake)
    with pytest.raises(errata.ErrataError, match="no longer applies"):
        list(errata._from_documented())


def test_differences_within_printed_precision_are_not_defects():
    """eclac-2016 Table 11 prints 2012's total exporting firms as 116 (thousand), eclac-2018 Table
    17 as 115.9: equal to the precision of the coarser copy, so not a defect. Salvador's offices
    abroad in 2015 are 13 in one copy and 7 in the other: a defect of one of them."""
    rows = list(errata._from_printings())
    assert not [r for r in rows if r["ref"] == "P3"]
    slv = [r for r in rows if r["ref"] == "P1" and "iso3=SLV, offices_abroad_2015" in r["evidence"]]
    assert len(slv) == 1 and (slv[0]["printed"], slv[0]["expected"]) == ("7", "13")


def test_one_defect_found_twice_is_one_row(report):
    """Table 28's 14 642 (for 24 642) is corrected by the register and noted in the sidecar: one
    row naming both. Two cells of Table 11 that both print 1154 on line 614 are two defects."""
    t28 = report[report["ref"].str.contains("C-FDI-01")]
    assert len(t28) == 1 and t28.iloc[0]["found_by"] == "corrections register; sidecar issue"
    assert "eclac2018_t28_korea_ofdi_flows#3" in t28.iloc[0]["ref"]
    assert len(report[report["ref"].isin(["C-SME-03", "C-SME-05"])]) == 2
    merged = [r for r in report.to_dict("records") if "; " in r["found_by"]]
    assert all(len(set(r["found_by"].split("; "))) > 1 or r["found_by"] == "sidecar issue; sidecar issue"
               or set(r["found_by"].split("; ")) == {"sidecar issue"} for r in merged)


def test_csv_has_the_documented_columns(report):
    rows = list(csv.reader(io.StringIO(errata.csv_text(report))))
    assert tuple(rows[0]) == errata.COLUMNS and len(rows) == len(report) + 1


def test_the_run_writes_outputs_errata_csv(default_run):
    root, _ = default_run
    assert (root / "errata.csv").read_text(encoding="utf-8") == errata.csv_text()
    assert (root / "errata" / "errata.csv").read_text(encoding="utf-8") == errata.csv_text()
