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
# # Chapter 2 — Foreign direct investment
#
# This chapter will reproduce Korea's outward FDI, its Latin American destinations, and FDI into South America, from these source tables:
#
# * `eclac-2016-korea-celac` Table 1 (Korea: FDI in CELAC, 2001–2006 and 2007–2012)
# * `eclac-2018-korea-lac` Tables 28–31 (Korea's outward FDI: total, by sector, by firm size, Latin American destinations by firm size)
# * `itc-2015-smes-gvc-latam` Table 3 (FDI inflows by country, 2000–2013)
#
# **Not yet transcribed.** None of these tables is in `data/fdi/` yet, so this notebook shows no
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

P = kolac.setup("fdi", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
                apply_corrections=apply_corrections)
print(f"chapter {P.chapter!r}: parameters valid; no transcribed tables yet")
