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
# # Chapter 6 — Cooperation proposals
#
# This chapter will reproduce proposals for Korea–LAC cooperation and the existing cooperation programmes, from these source tables:
#
# * `eclac-2016-korea-celac` Section IV.B proposals, Tables 2, 3, 8, 9 and the seminar annexes
# * `eclac-2018-korea-lac` chapter recommendations, Tables 8, 9, 22, 35–39
# * `sela-2016-work-programme-2017` activity register (Korea activity III.1.3)
# * `eclac-2006-fealac-ict-smes` proposals and the trade-facilitation sequencing table
#
# **Not yet transcribed.** None of these tables is in `data/cooperation/` yet, so this notebook shows no
# data, figures or tables: nothing here is estimated or illustrative. It already takes the shared
# parameters and checks them, so the runner and the tests treat it like every other chapter.

# %% tags=["parameters"]
lang: str = "en"  # language of labels, captions and table headers: en | es
countries: str = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format: str = "png"  # figure file format: png | svg
output_dir: str = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections: bool = True  # use corrected values from data/corrections.yaml (False: as printed)

# %%
import kolac

P = kolac.setup("cooperation", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
                apply_corrections=apply_corrections)
print(f"chapter {P.chapter!r}: parameters valid; no transcribed tables yet")

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.sources.figures_not_reproduced("cooperation")
