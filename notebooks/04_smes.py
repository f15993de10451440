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
# # Chapter 4 — Small and medium-sized enterprises
#
# This chapter will reproduce SME productivity, exporting SMEs and SME support policies, from these source tables:
#
# * `eclac-2016-korea-celac` Tables 10, 11, 13 and Box 1 (SME productivity and wages, export firms and export SMEs, trade-finance instruments, SME size definitions)
# * `eclac-2018-korea-lac` Tables 17–19, 21, 25–27, 33 (exporting SMEs, productivity, SME export policies, supplier programmes, Korean SME indicators)
# * `itc-2015-smes-gvc-latam` Tables 4, 5, A2, A3, A5, A7 (firm size, SME export indicators, SME agencies, IDB cluster programmes)
#
# **Not yet transcribed.** None of these tables is in `data/smes/` yet, so this notebook shows no
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

P = kolac.setup("smes", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
                apply_corrections=apply_corrections)
print(f"chapter {P.chapter!r}: parameters valid; no transcribed tables yet")

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.sources.figures_not_reproduced("smes")
