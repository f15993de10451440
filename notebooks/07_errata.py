# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Appendix — Errata of the five printed documents
#
# The chapters check what the five documents print: every transcribed table against its own
# totals and shares, every table printed twice against its other copy, and every numeric
# statement of the text against the tables and against its other printings. This appendix
# gathers what those checks found wrong *in the documents themselves* into one list, sorted by
# document and line, so that a reader holding an original can go through it page by page.
#
# Each row says where the defect is printed (`line` to `last_line` of the plain-text edition whose
# sha256 is in `data/sources.yaml`), what is printed there, what it should read where that is
# known, the evidence, which check found it and what the compendium does about it:
#
# * **corrected** — the corrections register (`data/corrections.yaml`) replaces the printed cell
#   when a table is loaded, unless `apply_corrections` is False; its evidence is recomputed each time.
# * **documented** — a defect we record but do not correct: a misprinted name, a mislabelled
#   reference, a number the two printings of a table give differently when nothing says which
#   copy is right.
# * **contradicted** — a statement of the text that no value the printed tables allow can give
#   (the claims ledger, `data/claims.csv`; the status rules are in `data/README.md`).
#
# The same list is written to `outputs/errata.csv` by `make run`. The parameter `document` limits
# the full list (Table 7.3) to one document; the counts always cover all five.

# %% tags=["parameters"]
lang: str = "en"  # language of labels, captions and table headers: en | es
countries: str = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format: str = "png"  # figure file format: png | svg
output_dir: str = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections: bool = True  # use corrected values from data/corrections.yaml (False: as printed)
document: str = "all"  # document whose errata are listed in full, or all: all | eclac-2016-korea-celac | eclac-2018-korea-lac | sela-2016-work-programme-2017 | itc-2015-smes-gvc-latam | eclac-2006-fealac-ict-smes

# %%
import pandas as pd

import kolac
from kolac import errata

chapter = kolac.setup("errata", globals())

report = errata.frame()
chapter.write_file("errata.csv", errata.csv_text(report))
named = sorted(set(filter(None, report["resource"])))  # the tables whose defects are listed
assert report["line"].le(report["last_line"]).all()
order = list(zip(report["source"].map(kolac.chapters.DOCUMENTS.index), report["line"]))
assert order == sorted(order)  # by document, then line: the order a reader of the originals follows
print(f"{len(report)} defects in {report['source'].nunique()} documents; "
      f"{(report['status'] == 'corrected').sum()} corrected, {(report['status'] == 'documented').sum()} documented, "
      f"{(report['status'] == 'contradicted').sum()} contradicted")

# %% [markdown]
# ## 1. How many, of what kind, found how
#
# Table 7.1 counts the defects of each document by kind. The kinds say what is wrong, not how
# much it matters: a lost decimal point in a long series (the 2016 document's export-firm counts)
# gives many rows, one misprinted founding year one row.

# %%
kind_label = {k: chapter.label(f"errata_kind_{k}") for k in errata.KINDS}
counts = pd.crosstab(report["source"], report["kind"].map(kind_label))
counts = counts.reindex([d for d in kolac.chapters.DOCUMENTS if d in counts.index])
counts.loc[chapter.label("errata_total")] = counts.sum()
counts[chapter.label("errata_total")] = counts.sum(axis=1)
chapter.table(counts.rename_axis(chapter.label("errata_document")).reset_index(), "7.1", sources=named)

# %% [markdown]
# Table 7.2 counts them by the check that found them. A defect that two checks found (a cell
# the register corrects and a statement of the text that quotes it wrongly, say) is one row,
# counted under the first of its finders.

# %%
found_label = {f: chapter.label(f"errata_found_{f.replace(' ', '_')}") for f in errata.FINDERS}
first_finder = report["found_by"].str.split("; ").str[0].map(found_label)
by_finder = pd.crosstab(report["source"], first_finder)
by_finder = by_finder.reindex([d for d in kolac.chapters.DOCUMENTS if d in by_finder.index])
by_finder.loc[chapter.label("errata_total")] = by_finder.sum()
by_finder[chapter.label("errata_total")] = by_finder.sum(axis=1)
chapter.table(by_finder.rename_axis(chapter.label("errata_document")).reset_index(), "7.2", sources=named)

# %% [markdown]
# ## 2. The errata, line by line
#
# Lines refer to the plain-text editions of the documents (the PDF conversion described in
# `data/sources.yaml`); a table's rows may sit some lines after its title. `Entry` names the
# record that holds the full evidence: a corrections-register id (`C-…`), a claim id (`TR-…`,
# `SME-…`, …), a table's note (`<resource>#n`), a mislabel (`M…`) or a pair of printings (`P…`).

# %%
shown = report if document == "all" else report[report["source"] == document]
status_label = {s: chapter.label(f"errata_status_{s}") for s in errata.STATUSES}
view = pd.DataFrame({
    chapter.label("errata_document"): shown["source"],
    chapter.label("errata_line"): [str(a) if a == b else f"{a}–{b}" for a, b in zip(shown["line"], shown["last_line"])],
    chapter.label("errata_table"): shown["table"],
    chapter.label("errata_kind"): shown["kind"].map(kind_label),
    chapter.label("errata_printed"): shown["printed"],
    chapter.label("errata_expected"): shown["expected"],
    chapter.label("errata_status"): shown["status"].map(status_label),
    chapter.label("errata_found_by"): ["; ".join(found_label[f] for f in fs.split("; ")) for fs in shown["found_by"]],
    chapter.label("errata_ref"): shown["ref"],
    chapter.label("errata_evidence"): shown["evidence"],
})
chapter.table(view, "7.3", sources=sorted(set(filter(None, shown["resource"]))),
              document=chapter.label("errata_all_documents") if document == "all" else document)

# %% [markdown]
# ## 3. What this list leaves out
#
# * Notes in the tables' sidecars that are about our transcription rather than the document —
#   a layout broken by the PDF conversion, a cell placed by inference, an ambiguity we resolved —
#   are not defects of the document; `data/errata.yaml` lists them under `not_defects`, each with
#   its reason.
# * The two printings of the innovation-system and start-up tables, and of the knowledge-sharing
#   projects, differ mostly in wording; chapters 3 and 6 compare them and classify each difference.
# * Figures whose values are not in the text cannot be checked at all (each chapter lists them).

# %%
print(f"{len(errata.curated()['not_defects'])} sidecar notes are not defects of the documents; "
      f"{len(errata.curated()['printings'])} tables printed twice are compared number by number here")
