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
# # Chapter 1 — Trade: Korea and Latin America and the Caribbean
#
# This notebook reproduces, from the transcribed tables in `data/trade/`, Korea's trade with its
# Latin American and Caribbean partners as printed in the sources, and checks the tables against
# themselves and against the narrative claims of the documents.
#
# **Sources used here**
#
# * `eclac-2018-korea-lac`, Chapter I (Won-Ho Kim), Table 4 — *Korea’s trade partners in Latin
#   America* (2015, US$ thousand; changes 2015/2014).
#
# Values are shown as printed unless a cell is listed in `data/corrections.yaml` (none for this
# table so far); every check below is recomputed on each run. Run it with other parameters with
# `python -m kolac run trade -p focus_country PER -p lang es`.

# %% tags=["parameters"]
lang = "en"  # language of labels, captions and table headers: en | es
countries = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format = "png"  # figure file format: png | svg
output_dir = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections = True  # use corrected values from data/corrections.yaml (False: as printed)
focus_country = "CHL"  # country profiled against the region (ISO3)
top_n = 10  # number of partners shown in ranked exhibits (1..24)

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

import kolac
from kolac.data import load

P = kolac.setup(
    "trade", lang=lang, countries=countries, fig_format=fig_format, output_dir=output_dir,
    apply_corrections=apply_corrections, focus_country=focus_country, top_n=top_n,
)
T4 = "eclac2018_t04_trade_partners_2015"
t4 = load(T4, corrected=P.apply_corrections)

# %% [markdown]
# ## 1. Korea's trade partners in Latin America, 2015
#
# The table as printed: the region total first, then the partners in the printed order
# (by descending exports). The focus country is in bold.

# %%
cols = ["partner", "exports", "exports_change", "imports", "imports_change", "balance"]
view = P.keep(t4)[cols].rename(columns={c: P.t(c) for c in cols})
P.table(
    view, "1.1", sources=[T4], caption_key="trade_t1_caption",
    fmt={P.t(c): "{:,.0f}" for c in ("exports", "imports", "balance")}
    | {P.t(c): "{:+.1f}" for c in ("exports_change", "imports_change")},
    highlight=lambda row: row[P.t("partner")] in set(t4.loc[t4["iso3"] == P.focus_country, "partner"]),
)

# %% [markdown]
# ## 2. Exports and imports by partner
#
# The `top_n` partners by total trade (exports plus imports). Korea exports far more to most
# partners than it imports from them; Chile and Peru, its suppliers of copper and other minerals,
# are the exceptions.

# %%
partners = P.keep(t4[t4["iso3"].notna()]).copy()
partners["total"] = partners["exports"] + partners["imports"]
top = partners.sort_values("total", ascending=False).head(P.top_n)
long = top.melt(id_vars=["partner", "iso3"], value_vars=["exports", "imports"], var_name="flow", value_name="value")
long["label"] = [P.country(c) for c in long["iso3"]]
long["flow_label"] = [P.t(f) for f in long["flow"]]

fig, ax = plt.subplots(figsize=(8, 0.45 * len(top) + 1.5))
sns.barplot(data=long, y="label", x="value", hue="flow_label", orient="h", ax=ax)
ax.set_xlabel(P.t("us_billion"))
ax.set_ylabel("")
ax.legend(title="")
ax.xaxis.set_major_formatter(lambda v, _: f"{v / 1e6:,.0f}")  # the table is in US$ thousand
P.figure(fig, "1.1", data=long[["partner", "iso3", "flow", "value"]], sources=[T4],
         caption_key="trade_f1_caption", alt_key="trade_f1_alt", n=len(top))

# %% [markdown]
# ## 3. Checks on the printed table
#
# Two checks that anyone can redo by hand: each printed balance against exports minus imports
# (the table is in thousands, so a difference of 1 is rounding of the underlying values), and
# the listed partners against the printed region total (the partners need not cover the whole
# region, so their sum may fall short of it but must not exceed it).

# %%
chk = t4[["partner", "exports", "imports", "balance"]].copy()
chk["recomputed"] = chk["exports"] - chk["imports"]
chk["difference"] = chk["balance"] - chk["recomputed"]
chk["check"] = [P.t("matches") if d == 0 else P.t("within_rounding") if abs(d) <= 1 else P.t("mismatch")
                for d in chk["difference"]]
assert (chk["difference"].abs() <= 1).all(), chk[chk["difference"].abs() > 1]
total = t4[t4["iso3"].isna()].iloc[0]
listed = t4[t4["iso3"].notna()]
sums = pd.DataFrame({
    "flow": [P.t("exports"), P.t("imports")],
    P.t("sum_of_partners"): [listed["exports"].sum(), listed["imports"].sum()],
    P.t("region_total"): [total["exports"], total["imports"]],
})
sums[P.t("share_of_total")] = (100 * sums[P.t("sum_of_partners")] / sums[P.t("region_total")]).round(1)
assert (sums[P.t("sum_of_partners")] <= sums[P.t("region_total")]).all()
P.table(chk[chk["difference"] != 0].rename(columns={c: P.t(c) for c in ("partner", "exports", "imports", "balance", "recomputed", "difference", "check")}),
        "1.2", sources=[T4], caption_key="trade_t2_caption")
sums

# %% [markdown]
# ## 4. Focus country

# %%
row = t4[t4["iso3"] == P.focus_country]
if row.empty:
    print(P.t("not_in_table", country=P.country(P.focus_country)))
else:
    r = row.iloc[0]
    ranked = listed.sort_values("exports", ascending=False)["iso3"].tolist()
    profile = pd.Series({
        P.t("partner"): r["partner"],
        P.t("rank") + " (" + P.t("exports") + ")": ranked.index(P.focus_country) + 1,
        P.t("exports"): int(r["exports"]),
        P.t("imports"): int(r["imports"]),
        P.t("balance"): int(r["balance"]),
        P.t("share_of_total") + " — " + P.t("exports"): round(100 * r["exports"] / total["exports"], 1),
        P.t("share_of_total") + " — " + P.t("imports"): round(100 * r["imports"] / total["imports"], 1),
    })
    print(P.t("trade_focus_caption", country=P.country(P.focus_country)))
    print(profile.to_string())

# %% [markdown]
# ## 5. Claims audit
#
# Narrative statements of the sources about Korea–LAC trade, each recomputed from the tables in
# `data/claims.csv` (the status is computed here, never typed in).

# %%
audit = kolac.claims.audit("trade", corrected=P.apply_corrections)
P.table(audit[["claim_id", "source", "line", "claim", "value", "recomputed", "status"]], "1.3",
        sources=sorted({t for ts in kolac.claims.ledger("trade") for t in ts["tables"].split(";") if t}),
        caption=P.t("claims_caption"))
