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
# # Chapter 5 — Trade promotion agencies
#
# This chapter will reproduce trade promotion agencies in Latin America and Korea's KOTRA, from these source tables:
#
# * `eclac-2016-korea-celac` Table 12 and `eclac-2018-korea-lac` Table 20 (two printings of the 2015 agency statistics)
# * `itc-2015-smes-gvc-latam` Tables A4 and 6 (agencies and their budgets, 2007–2009)
# * `eclac-2018-korea-lac` Tables 32 and 34 (KOTRA programmes for SME exports and outward FDI)
#
# **Not yet transcribed.** None of these tables is in `data/tpas/` yet, so this notebook shows no
# data, figures or tables: nothing here is estimated or illustrative. It already takes the shared
# parameters and checks them, so the runner and the tests treat it like every other chapter.

# %% tags=["parameters"]
lang = "en"  # language of labels, captions and table headers: en | es
countries = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format = "png"  # figure file format: png | svg
output_dir = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections = True  # use corrected values from data/corrections.yaml (False: as printed)

# %%
import kolac

P = kolac.setup("tpas", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
                apply_corrections=apply_corrections)
print(f"chapter {P.chapter!r}: parameters valid; no transcribed tables yet")
