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
# # Chapter 3 — Innovation and skills
#
# This chapter will reproduce national innovation systems, innovation finance and skills in Korea and Latin America, from these source tables:
#
# * `eclac-2016-korea-celac` Tables 4–7 (institutions of national innovation systems, start-up policy tools, Korean public loans for innovation, stages of national informatization)
# * `eclac-2018-korea-lac` Tables 5–7 and 10–16 (the same institutions and start-up tools, graduates by field, Korean S&T council, industrial-technology and regional policies)
#
# **Not yet transcribed.** None of these tables is in `data/innovation/` yet, so this notebook shows no
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

P = kolac.setup("innovation", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
                apply_corrections=apply_corrections)
print(f"chapter {P.chapter!r}: parameters valid; no transcribed tables yet")

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.sources.figures_not_reproduced("innovation")
