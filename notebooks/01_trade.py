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
# This notebook rebuilds, from the transcribed tables in `data/trade/`, Korea's trade with its
# Latin American and Caribbean partners, the Korea–Chile and Korea–Peru series around their free
# trade agreements (FTAs), South America's export structure, Korea's own structural change and the
# timeline of Korea–LAC trade agreements. Every printed total, balance, share and change is
# recomputed, tables and documents that print the same quantity are compared, and the narrative
# claims are audited at the end.
#
# **Sources used here**
#
# * `eclac-2018-korea-lac`: Chapter I (Won-Ho Kim), Tables 1 (partners 1998), 2 (Chile 2003–2015),
#   3 (Peru 2010–2015) and 4 (partners 2015); Chapter V (Jai S. Mah), Tables 23 (growth and
#   exports, 1962–2014) and 24 (industrial structure, 1953–2014); FTA dates stated in the text.
# * `itc-2015-smes-gvc-latam`: Tables 1 (top 5 exports), 2 (top 5 destinations), A1 (export-related
#   employment) and A6 (top exports with HS codes).
# * `eclac-2016-korea-celac`: FTA dates stated in Chapter I and the seminar summary (Annex 1).
#
# Values are shown as printed unless a cell is listed in `data/corrections.yaml` (applied when
# `apply_corrections` is true, and marked). Run it with other parameters with
# `python -m kolac run trade -p focus_country PER -p lang es`.

# %% tags=["parameters"]
lang: str = "en"  # language of labels, captions and table headers: en | es
countries: str = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format: str = "png"  # figure file format: png | svg
output_dir: str = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections: bool = True  # use corrected values from data/corrections.yaml (False: as printed)
focus_country: str = "CHL"  # country profiled against the region (ISO3)
top_n: int = 10  # number of partners shown in ranked exhibits (1..24)
year_from: int = 2003  # first year of the Chile/Peru series shown and analysed (2003..2015)
year_to: int = 2015  # last year of the Chile/Peru series shown and analysed (2003..2015)

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
import statsmodels.api as sm

import kolac
from kolac.checks import MISMATCH, rounding_verdict
from kolac.data import load  # only for the one table deliberately read as printed (section 6)
from kolac.expr import Tables, namespace

chapter = kolac.setup("trade", globals())

T1 = "eclac2018_t01_trade_partners_1998"
T2 = "eclac2018_t02_korea_chile_trade"
T3 = "eclac2018_t03_korea_peru_trade"
T4 = "eclac2018_t04_trade_partners_2015"
T23 = "eclac2018_t23_korea_growth_exports"
T24 = "eclac2018_t24_korea_industrial_structure"
IT1 = "itc2015_t01_top5_exports"
IT1_TOTAL = "itc2015_t01_top5_exports_total"
IT2 = "itc2015_t02_top5_destinations"
ITA1 = "itc2015_ta1_export_employment"
ITA6 = "itc2015_ta6_top_exports_hs"
ITA6_TOTAL = "itc2015_ta6_total_trade"
M2018 = "eclac2018_narrative_fta_milestones"
M2016 = "eclac2016_narrative_fta_milestones"

data = {name: chapter.load(name) for name in (
    T1, T2, T3, T4, T23, T24, IT1, IT1_TOTAL, IT2, ITA1, ITA6, ITA6_TOTAL, M2018, M2016)}
t1, t4 = data[T1], data[T4]


LABELS = kolac.labels.keys()


def lab(key):
    """The label of a column: shared labels by their name, this chapter's with the prefix trade_."""
    return chapter.label(key if key in LABELS else "trade_" + key)


def cols(df, names):
    """Rename columns to their labels in the chosen language."""
    return df.rename(columns={c: lab(c) for c in names})


def say(key, **fmt):
    print(chapter.label(key, **fmt))


# %% [markdown]
# ## 1. Korea's trade partners in Latin America, 2015
#
# Table 4 as printed: the region total first, then the partners in the printed order
# (by descending exports). The focus country is in bold.

# %%
columns = ["partner", "exports", "exports_change", "imports", "imports_change", "balance"]
view = cols(chapter.selected(t4)[columns], columns)
chapter.table(
    view, "1.1", sources=[T4],
    fmt={chapter.label(c): "{:,.0f}" for c in ("exports", "imports", "balance")}
    | {chapter.label(c): "{:+.1f}" for c in ("exports_change", "imports_change")},
    highlight=lambda row: row[chapter.label("partner")] in set(t4.loc[t4["iso3"] == chapter.focus_country, "partner"]),
)

# %% [markdown]
# The `top_n` partners by total trade (exports plus imports). Korea exports far more to most
# partners than it imports from them; Chile and Peru, its suppliers of copper and other minerals,
# are the exceptions.

# %%
partners = chapter.selected(t4[t4["iso3"].notna()]).copy()
partners["total"] = partners["exports"] + partners["imports"]
top = partners.sort_values("total", ascending=False).head(chapter.top_n)
long = top.melt(id_vars=["partner", "iso3"], value_vars=["exports", "imports"], var_name="flow", value_name="value")
long["label"] = [chapter.country_name(c) for c in long["iso3"]]
long["flow_label"] = [chapter.label(f) for f in long["flow"]]

fig, ax = plt.subplots(figsize=(8, 0.45 * len(top) + 1.5))
sns.barplot(data=long, y="label", x="value", hue="flow_label", orient="h", ax=ax)
ax.set_xlabel(chapter.label("us_billion"))
ax.set_ylabel("")
ax.legend(title="")
ax.xaxis.set_major_formatter(lambda v, _: f"{v / 1e6:,.0f}")  # the table is in US$ thousand
chapter.figure(fig, "1.1", data=long[["partner", "iso3", "flow", "value"]], sources=[T4], n=len(top))

# %% [markdown]
# ## 2. Checks on the 2015 table
#
# Each printed balance against exports minus imports (the table is in thousands, so a difference
# of 1 is rounding of the underlying values), and the listed partners against the printed region
# total (the partners need not cover the whole region, so their sum may fall short of it but must
# not exceed it).

# %%
chk = t4[["partner", "exports", "imports", "balance"]].copy()
chk["recomputed"] = chk["exports"] - chk["imports"]
chk["difference"] = chk["balance"] - chk["recomputed"]
chk["check"] = [chapter.label("verdict_" + rounding_verdict(b, r, tolerance=1)) for b, r in zip(chk["balance"], chk["recomputed"])]
assert (chk["difference"].abs() <= 1).all(), chk[chk["difference"].abs() > 1]
total = t4[t4["iso3"].isna()].iloc[0]
listed = t4[t4["iso3"].notna()]
sums = pd.DataFrame({
    "flow": [chapter.label("exports"), chapter.label("imports")],
    chapter.label("trade_sum_of_partners"): [listed["exports"].sum(), listed["imports"].sum()],
    chapter.label("region_total"): [total["exports"], total["imports"]],
})
sums[chapter.label("trade_share_of_total")] = (
    100 * sums[chapter.label("trade_sum_of_partners")] / sums[chapter.label("region_total")]).round(1)
assert (sums[chapter.label("trade_sum_of_partners")] <= sums[chapter.label("region_total")]).all()
chapter.table(cols(chk[chk["difference"] != 0], ("partner", "exports", "imports", "balance", "recomputed", "difference", "check")),
              "1.2", sources=[T4])
sums

# %% [markdown]
# ## 3. Korea's partners in 1998 and 2015
#
# Table 1 (1998) lists the region and nine major partners; Table 4 (2015) lists 24. Both are
# KITA data in US$ thousand, so the nine partners printed in both years can be compared directly.
# The growth multiple is the 2015 value divided by the 1998 value. The same balance check as above
# is run on Table 1 (its region total is off by 1, rounding).

# %%
verdicts_1998 = [rounding_verdict(b, e - i, tolerance=1) for b, e, i in zip(t1["balance"], t1["exports"], t1["imports"])]
assert MISMATCH not in verdicts_1998, t1[[v == MISMATCH for v in verdicts_1998]]
assert (t1.loc[t1["iso3"].notna(), ["exports", "imports"]].sum() <= t1.loc[t1["iso3"].isna(), ["exports", "imports"]].iloc[0]).all()

key = ["iso3"]
both = (t1.assign(iso3=t1["iso3"].fillna("TOTAL"))
        .merge(t4.assign(iso3=t4["iso3"].fillna("TOTAL")), on=key, suffixes=("_1998", "_2015")))
assert len(both) == len(t1), "every partner of 1998 is printed in 2015 too"
for flow in ("exports", "imports"):
    both[f"{flow}_multiple"] = both[f"{flow}_2015"].astype(float) / both[f"{flow}_1998"].astype(float)
both["name"] = [chapter.label("region_total") if c == "TOTAL" else chapter.country_name(c) for c in both["iso3"]]
compare = both[["name", "iso3", "exports_1998", "exports_2015", "exports_multiple", "imports_1998", "imports_2015",
                "imports_multiple", "balance_1998", "balance_2015"]]
compare = compare[(compare["iso3"] == "TOTAL") | compare["iso3"].isin(chapter.selected(t4)["iso3"].dropna())]
compare = compare.sort_values("exports_2015", ascending=False).round({"exports_multiple": 2, "imports_multiple": 2})
only_2015 = sorted(chapter.country_name(c) for c in set(t4["iso3"].dropna()) - set(t1["iso3"].dropna()))
labels_13 = {"name": chapter.label("partner")}
for flow in ("exports", "imports", "balance"):
    labels_13 |= {f"{flow}_1998": chapter.label(flow) + " 1998", f"{flow}_2015": chapter.label(flow) + " 2015"}
    if flow != "balance":
        labels_13[f"{flow}_multiple"] = chapter.label(flow) + " — " + chapter.label("trade_multiple")
chapter.table(compare.drop(columns="iso3").rename(columns=labels_13), "1.3", sources=[T1, T4],
              fmt={v: ("{:.2f}" if "multiple" in k else "{:,.0f}") for k, v in labels_13.items() if k != "name"},
              highlight=lambda row: row[chapter.label("partner")] == chapter.country_name(chapter.focus_country))
say("trade_only_2015", names=", ".join(only_2015))

# %% [markdown]
# Korea's exports to the region grew 3.5-fold and its imports 7.3-fold between 1998 and 2015
# (region totals, checked below). The dots show each partner's two values on a logarithmic scale,
# so that equal distances are equal growth multiples.

# %%
region = both[both["iso3"] == "TOTAL"].iloc[0]
assert (round(region["exports_multiple"], 1), round(region["imports_multiple"], 1)) == (3.5, 7.3)
if compare[compare["iso3"] != "TOTAL"].empty:
    say("trade_nothing_selected")
else:
    dumb = compare[compare["iso3"] != "TOTAL"].melt(
        id_vars=["name", "iso3"], value_vars=["exports_1998", "exports_2015", "imports_1998", "imports_2015"])
    dumb["flow"] = dumb["variable"].str[:7]
    dumb["year"] = dumb["variable"].str[-4:].astype(int)
    order = compare[compare["iso3"] != "TOTAL"]["name"].tolist()
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.4 * len(order) + 1.8), sharey=True)
    pal = sns.color_palette()
    for ax, flow in zip(axes, ("exports", "imports")):
        sub = dumb[dumb["flow"] == flow].pivot(index="name", columns="year", values="value").reindex(order) / 1000
        y = np.arange(len(order))
        ax.hlines(y, sub[1998], sub[2015], color="0.6", lw=1.5)
        ax.scatter(sub[1998], y, color=pal[0], label="1998", zorder=3)
        ax.scatter(sub[2015], y, color=pal[1], label="2015", zorder=3)
        ax.set_xscale("log")
        ax.set_yticks(y, order)
        ax.invert_yaxis()
        ax.set_title(chapter.label(flow))
        ax.set_xlabel(chapter.label("us_million") + " (log)")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", ncol=2, bbox_to_anchor=(0.5, -0.04))
    chapter.figure(fig, "1.2", data=dumb[["name", "iso3", "flow", "year", "value"]], sources=[T1, T4])

# %% [markdown]
# ## 4. How concentrated is Korea's trade with the region?
#
# Shares of the printed region total held by the largest one, three and five partners, and a
# Herfindahl–Hirschman index (HHI, 0–10 000) of the partners' shares of the region total. The
# part of the total not attributed to a listed partner is left out, so each HHI is a lower
# bound, and the 1998 table lists only nine partners: the row "9 common partners" computes the
# 2015 index over the same nine partners for a like-for-like comparison. These indices always
# use the whole region (the `countries` parameter does not apply).

# %%
def concentration(df, label, subset=None):
    tot = df[df["iso3"].isna()].iloc[0]
    part = df[df["iso3"].notna()]
    if subset is not None:
        part = part[part["iso3"].isin(subset)]
    rows = []
    for flow in ("exports", "imports"):
        s = (100 * part[flow].astype(float) / float(tot[flow])).sort_values(ascending=False)
        rows.append({"table": label, "flow": chapter.label(flow), "partners": len(s), "coverage": s.sum(),
                     "top1": s.iloc[:1].sum(), "top3": s.iloc[:3].sum(), "top5": s.iloc[:5].sum(),
                     "hhi": (s ** 2).sum()})
    return rows


common = set(t1["iso3"].dropna())
conc = pd.DataFrame(concentration(t1, "1998") + concentration(t4, "2015")
                    + concentration(t4, "2015 — " + chapter.label("trade_common_partners", n=len(common)), subset=common))
# the same index through the expression language used by the claims ledger
ns = namespace(Tables(chapter.load))
tot4 = ns["cell"](T4, "exports", partner="Region Total")
hhi_expr = sum((100 * v / tot4) ** 2 for v in ns["col"](T4, "exports", partner__ne="Region Total"))
assert math.isclose(hhi_expr, conc.iloc[2]["hhi"])
labels_14 = {"table": chapter.label("year"), "flow": chapter.label("flow"), "partners": chapter.label("trade_partners_listed"),
             "coverage": chapter.label("trade_coverage")} | {f"top{k}": chapter.label("trade_top_share", k=k) for k in (1, 3, 5)}
labels_14["hhi"] = "HHI"
hhi = conc.set_index(["table", "flow"])["hhi"]
common_label = "2015 — " + chapter.label("trade_common_partners", n=len(common))
for year in ("1998", "2015"):
    assert hhi[(year, chapter.label("imports"))] > hhi[(year, chapter.label("exports"))]  # imports more concentrated, both years
assert hhi[(common_label, chapter.label("exports"))] > hhi[("1998", chapter.label("exports"))]
assert hhi[(common_label, chapter.label("imports"))] < hhi[("1998", chapter.label("imports"))]
chapter.table(conc.round({"coverage": 1, "top1": 1, "top3": 1, "top5": 1, "hhi": 0}).rename(columns=labels_14), "1.4",
              sources=[T1, T4],
              fmt={labels_14[k]: "{:.1f}" for k in ("coverage", "top1", "top3", "top5")} | {"HHI": "{:,.0f}"})

# %% [markdown]
# By the HHI, Korea's imports from the region are more concentrated than its exports in both
# years. Export concentration rose between 1998 and 2015 (over the same nine partners), as
# Mexico's share grew; import concentration eased slightly. The curves show the cumulative share
# of the region total by partner rank: a steeper start means more concentration.

# %%
curves = []
for year, df in (("1998", t1), ("2015", t4)):
    tot = df[df["iso3"].isna()].iloc[0]
    part = df[df["iso3"].notna()]
    for flow in ("exports", "imports"):
        s = (100 * part[flow].astype(float) / float(tot[flow])).sort_values(ascending=False).cumsum()
        curves += [{"year": year, "flow": flow, "rank": i + 1, "cumulative_share": v} for i, v in enumerate(s)]
curves = pd.DataFrame(curves)
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, flow in zip(axes, ("exports", "imports")):
    for year, g in curves[curves["flow"] == flow].groupby("year"):
        ax.plot(g["rank"], g["cumulative_share"], marker="o", ms=4, label=year)
    ax.set_title(chapter.label(flow))
    ax.set_xlabel(chapter.label("trade_partner_rank"))
    ax.set_ylim(0, 100)
axes[0].set_ylabel(chapter.label("trade_cumulative_share"))
axes[0].legend(title="")
chapter.figure(fig, "1.3", data=curves, sources=[T1, T4])

# %% [markdown]
# ## 5. Chile and Peru around their FTAs
#
# Tables 2 and 3 give Korea's yearly trade with Chile (2003–2015) and Peru (2010–2015): value
# (US$ million) and volume (metric tons) of exports and imports with their changes on the
# previous year, and the balance. The dates of entry into force are read from the FTA milestones
# dataset (both documents), never typed here; the most precise statement is used and all
# statements must agree on the year.
#
# **Checks.** Each printed balance against exports minus imports, and each printed change against
# the change recomputed from two consecutive years. Values are rounded to the million, so a
# printed change is accepted when it lies in the range that the rounding of both values allows
# (plus half a unit of its last digit). Then the 2015 row of each table against Table 4.

# %%
milestones = pd.concat([data[M2018].assign(source=data[M2018].attrs["source"]),
                        data[M2016].assign(source=data[M2016].attrs["source"])], ignore_index=True)


def in_force(iso3):
    rows = milestones[(milestones["milestone_id"] == f"KOR-{iso3}-in_force") & milestones["date"].notna()]
    assert rows["year"].nunique() == 1, rows[["source", "line", "date_printed"]]
    best = rows.loc[rows["date"].str.len().idxmax()]
    return best


fta = {iso: in_force(iso) for iso in ("CHL", "PER")}
for iso, r in fta.items():
    say("trade_fta_date", country=chapter.country_name(iso), date=r["date"], source=r["source"], line=int(r["line"]))

series = pd.concat([data[T2].assign(iso3="CHL"), data[T3].assign(iso3="PER")], ignore_index=True)
series["value"] = series["value"].astype(float)
wide = series.pivot_table(index=["iso3", "year"], columns=["flow", "measure"], values="value").sort_index()


def change_checks(iso3):
    w = wide.loc[iso3]
    out = []
    for y in w.index:
        printed, recomputed = w.loc[y, ("balance", "amount")], w.loc[y, ("exports", "amount")] - w.loc[y, ("imports", "amount")]
        out.append({"iso3": iso3, "year": y, "check": chapter.label("trade_chk_balance"), "printed": printed,
                    "recomputed": recomputed, "ok": rounding_verdict(printed, recomputed, tolerance=1) != MISMATCH})
        if y - 1 not in w.index:
            continue
        for flow in ("exports", "imports"):
            for lvl, chg, half in (("amount", "amount_change", 0.5), ("volume", "volume_change", 0.0)):
                a, b, p = w.loc[y - 1, (flow, lvl)], w.loc[y, (flow, lvl)], w.loc[y, (flow, chg)]
                lo, hi = 100 * ((b - half) / (a + half) - 1), 100 * ((b + half) / (a - half) - 1)
                out.append({"iso3": iso3, "year": y, "check": f"{chapter.label(flow)}: {chapter.label('trade_' + chg)}",
                            "printed": p, "recomputed": round(100 * (b / a - 1), 2), "ok": lo - 0.05 <= p <= hi + 0.05})
    return out


series_checks = pd.DataFrame(change_checks("CHL") + change_checks("PER"))
summary = series_checks.groupby(["iso3", "check"]).agg(n=("ok", "size"), within_rounding=("ok", "sum")).reset_index()
summary["mismatches"] = summary["n"] - summary["within_rounding"]
summary.insert(0, "table", summary["iso3"].map({"CHL": "Table 2", "PER": "Table 3"}))
summary["iso3"] = [chapter.country_name(c) for c in summary["iso3"]]
assert series_checks["ok"].all(), series_checks[~series_checks["ok"]]
chapter.table(summary.rename(columns={"table": chapter.label("table"), "iso3": chapter.label("country"), "check": chapter.label("check"),
                                      "n": chapter.label("trade_n_checked"), "within_rounding": chapter.label("trade_within"),
                                      "mismatches": chapter.label("trade_mismatches")}),
              "1.5", sources=[T2, T3])

# %%
rows = []
for iso in ("CHL", "PER"):
    r4 = t4[t4["iso3"] == iso].iloc[0]
    w = wide.loc[(iso, 2015)]
    for col4, key2, scale in (("exports", ("exports", "amount"), 1000), ("exports_change", ("exports", "amount_change"), 1),
                              ("imports", ("imports", "amount"), 1000), ("imports_change", ("imports", "amount_change"), 1),
                              ("balance", ("balance", "amount"), 1000)):
        v4 = float(r4[col4]) / scale
        if scale == 1:  # a change printed in both tables: the two printings must agree
            assert kolac.checks.same(w[key2], r4[col4]), (iso, col4, w[key2], r4[col4])
        rows.append({"country": chapter.country_name(iso), "column": chapter.label(col4), "table_2_or_3": w[key2],
                     "table_4": round(v4, 3), "difference": round(w[key2] - v4, 3)})
cross = pd.DataFrame(rows)
assert (cross["difference"].abs() <= 0.5).all(), cross  # millions vs thousands: at most half a million apart
chapter.table(cross.rename(columns={"country": chapter.label("country"), "column": chapter.label("trade_column"),
                                    "table_2_or_3": chapter.label("trade_table_2_or_3"),
                                    "table_4": chapter.label("trade_table_4_scaled"), "difference": chapter.label("difference")}),
              "1.6", sources=[T2, T3, T4])

# %% [markdown]
# Every balance and change of Tables 2 and 3 agrees with its values within rounding, and both
# tables agree with Table 4 for 2015. The figure shows the values and volumes within the
# `year_from`–`year_to` window, with the date of entry into force of each FTA (dashed line).
# Yearly values are placed at mid-year.

# %%
years = (chapter.year_from, chapter.year_to)
sel = series[series["year"].between(*years) & series["measure"].isin(["amount", "volume"])]
sel = chapter.selected(sel)
shown = [iso for iso in ("CHL", "PER") if iso in set(sel["iso3"])]
say("trade_window", first=years[0], last=years[1])
if not shown:
    say("trade_no_series")
else:
    fig, axes = plt.subplots(len(shown), 2, figsize=(10, 3.4 * len(shown)), squeeze=False)
    pal = sns.color_palette()
    for i, iso in enumerate(shown):
        when = fta[iso]["date"]
        parts = [int(p) for p in when.split("-")]
        x_fta = parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0) + ((parts[2] - 1) / 365 if len(parts) > 2 else 0)
        for j, (measure, scale, unit) in enumerate((("amount", 1, "us_million"), ("volume", 1000, "trade_thousand_tonnes"))):
            ax = axes[i, j]
            for k, flow in enumerate(("exports", "imports")):
                g = sel[(sel["iso3"] == iso) & (sel["flow"] == flow) & (sel["measure"] == measure)].sort_values("year")
                ax.plot(g["year"] + 0.5, g["value"] / scale, marker="o", ms=4, color=pal[k], label=chapter.label(flow))
            if years[0] <= x_fta <= years[1] + 1:
                ax.axvline(x_fta, color="0.3", ls="--", lw=1)
                ax.annotate(chapter.label("trade_fta_in_force_short", date=when), (x_fta, 1),
                            xycoords=("data", "axes fraction"), xytext=(3, -12), textcoords="offset points", fontsize=9)
            ax.set_title(f"{chapter.country_name(iso)} — {chapter.label('trade_' + measure)}")
            ax.set_ylabel(chapter.label(unit))
            ax.set_ylim(bottom=0)
            ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    axes[0, 0].legend(title="")
    fig.tight_layout()
    chapter.figure(fig, "1.4", data=sel[["iso3", "year", "flow", "measure", "value", "unit"]],
                   sources=[T2, T3, M2018, M2016])

# %% [markdown]
# **Growth before and after entry into force.** The year of entry into force counts as the first
# FTA year. Both series start one year before it (Chile 2003, Peru 2010), so a compound annual
# growth rate (CAGR) *before* the FTA cannot be formed from these tables: the table shows the
# change into the first FTA year and the CAGR from the first FTA year to the last year of the
# window instead.

# %%
def growth_rows(iso, flow, measure):
    g = sel[(sel["iso3"] == iso) & (sel["flow"] == flow) & (sel["measure"] == measure)].set_index("year")["value"].sort_index()
    first = int(fta[iso]["year"])
    pre, post = g[g.index < first], g[g.index >= first]
    out = {"country": chapter.country_name(iso), "flow": chapter.label(flow), "measure": chapter.label("trade_" + measure),
           "pre_years": len(pre), "cagr_pre": np.nan, "entry_change": np.nan, "cagr_post": np.nan, "post_period": ""}
    if len(pre) >= 2:
        out["cagr_pre"] = 100 * ((pre.iloc[-1] / pre.iloc[0]) ** (1 / (pre.index[-1] - pre.index[0])) - 1)
    if len(pre) and first in g.index and first - 1 in g.index:
        out["entry_change"] = 100 * (g[first] / g[first - 1] - 1)
    if len(post) >= 2:
        out["cagr_post"] = 100 * ((post.iloc[-1] / post.iloc[0]) ** (1 / (post.index[-1] - post.index[0])) - 1)
        out["post_period"] = f"{post.index[0]}–{post.index[-1]}"
    return out


growth = pd.DataFrame([growth_rows(iso, f, m) for iso in shown for f in ("exports", "imports") for m in ("amount", "volume")])
if growth.empty:
    say("trade_no_series")
else:
    if years == (2003, 2015) and "CHL" in shown:  # the published first-year changes (Table 2, 2004) recomputed
        chl = growth[(growth["country"] == chapter.country_name("CHL")) & (growth["measure"] == chapter.label("trade_amount"))]
        assert [round(v, 1) for v in chl["entry_change"]] == [36.9, 82.8]
    labels_17 = {"country": chapter.label("country"), "flow": chapter.label("flow")}
    labels_17 |= {k: chapter.label("trade_" + k) for k in ("measure", "pre_years", "cagr_pre", "entry_change", "cagr_post", "post_period")}
    chapter.table(growth.round(1).rename(columns=labels_17), "1.7", sources=[T2, T3, M2018, M2016],
                  fmt={labels_17[k]: "{:+.1f}" for k in ("cagr_pre", "entry_change", "cagr_post")})

# %% [markdown]
# **A small log-linear regression.** For each country, flow and measure: log(value) = a + b·trend
# + c·post, where trend counts years from the start of the window and post is 1 from the year of
# entry into force. OLS with statsmodels' standard errors.
#
# *Caveat — read before the numbers.* Each series has at most one year before the FTA (Chile 2003,
# Peru 2010) and only 13 (Chile) or 6 (Peru) observations in all. The post coefficient therefore
# measures only how far that single pre-FTA year lies below or above the trend of the FTA years;
# it cannot separate the FTA from the commodity cycle, exchange rates or anything else that
# happened at the same time, and it is not a causal estimate. Heteroskedasticity-robust errors
# are not shown: the single pre-FTA year has leverage 1, which makes them undefined. The
# regression is skipped when the window leaves no pre-FTA year or fewer than five years.

# %%
reg_rows = []
for iso in shown:
    first = int(fta[iso]["year"])
    for flow in ("exports", "imports"):
        for measure in ("amount", "volume"):
            g = sel[(sel["iso3"] == iso) & (sel["flow"] == flow) & (sel["measure"] == measure)].sort_values("year")
            post = (g["year"] >= first).astype(float)
            row = {"country": chapter.country_name(iso), "flow": chapter.label(flow), "measure": chapter.label("trade_" + measure)}
            if len(g) < 5 or post.min() == 1 or post.max() == 0:
                reg_rows.append(row | {"n": len(g), "note": chapter.label("trade_reg_skipped")})
                continue
            X = sm.add_constant(pd.DataFrame({"trend": (g["year"] - g["year"].min()).astype(float).to_numpy(),
                                              "post": post.to_numpy()}))
            fit = sm.OLS(np.log(g["value"].to_numpy()), X).fit()
            reg_rows.append(row | {"n": int(fit.nobs), "trend": fit.params["trend"], "trend_se": fit.bse["trend"],
                                   "post": fit.params["post"], "post_se": fit.bse["post"], "post_p": fit.pvalues["post"],
                                   "r2": fit.rsquared, "note": chapter.label("trade_reg_one_pre_year") if post.eq(0).sum() == 1 else ""})
reg = pd.DataFrame(reg_rows)
if reg.empty:
    say("trade_no_series")
else:
    labels_18 = {"country": chapter.label("country"), "flow": chapter.label("flow"), "measure": chapter.label("trade_measure"), "n": "n",
                 "trend": chapter.label("trade_coef_trend"), "trend_se": chapter.label("trade_se"),
                 "post": chapter.label("trade_coef_post"), "post_se": chapter.label("trade_se") + " ",
                 "post_p": "p", "r2": "R²", "note": chapter.label("trade_note")}
    chapter.table(reg.reindex(columns=list(labels_18)).round(3).rename(columns=labels_18), "1.8", sources=[T2, T3, M2018, M2016],
                  fmt={labels_18[k]: "{:.3f}" for k in ("trend", "trend_se", "post", "post_se", "post_p", "r2")})

# %% [markdown]
# ## 6. South American export structure, 2000 and 2013
#
# ITC Tables 1 and 2 list, for ten South American countries, the five largest export products and
# the five main destinations with their shares of total exports in 2000 and 2013 (Venezuela's
# 2013 columns hold 2011 data); Table A6 repeats the products with HS codes and values.
#
# **Checks.** Each printed top-5 total against the sum of its five shares (five shares rounded to
# 0.1, and a total rounded to 0.1, can differ by at most 0.3); each A6 share against value /
# total exports; each A6 combined share against the sum of the five values; Table 1's shares
# against A6's; and export-related employment (Table A1) against its levels. **Bolivia's A6
# "Total Trade" row repeats Argentina's** (a printing error): the assert below shows the
# duplication, its combined shares are corrected (C-TR-01, C-TR-02, equal to Table 1), and its
# total exports, printed nowhere else, are left out of every share computation.

# %%
it1, it1t, it2 = data[IT1], data[IT1_TOTAL], data[IT2]
a6, a6t, a1 = data[ITA6], data[ITA6_TOTAL], data[ITA1]

raw_a6t = load(ITA6_TOTAL, corrected=False).set_index(["country", "year"])
dup = raw_a6t.loc["BOLIVIA", ["total_trade", "top5_share"]].equals(raw_a6t.loc["ARGENTINA", ["total_trade", "top5_share"]])
assert dup, "Bolivia's Total Trade row no longer repeats Argentina's: revisit C-TR-01/02 and this exclusion"
KNOWN_BAD_TOTAL = {"BOLIVIA"}  # C-TR-01/02: total_trade printed as Argentina's; the right value is printed nowhere


def tolerance(df, otherwise):
    """Per row: 0.5 for Venezuela 2013 (A6 prints its shares without decimals), else `otherwise`."""
    return pd.Series(np.where((df["country"] == "VENEZUELA") & (df["year"] == 2013), 0.5, otherwise), index=df.index)


def rounding_row(name, printed, recomputed, tol, note=""):
    """One row of the checks table: printed values against recomputed ones (aligned on their index),
    each judged by kolac.checks.rounding_verdict within `tol` (a number, or a Series per value)."""
    cells = pd.DataFrame({"printed": printed, "recomputed": recomputed, "tol": tol})
    verdicts = [rounding_verdict(p, r, t) for p, r, t in cells.itertuples(index=False)]
    return {"check": name, "n": len(cells), "within_rounding": sum(v != MISMATCH for v in verdicts),
            "max_difference": round(float((cells["printed"] - cells["recomputed"]).abs().max()), 3), "note": note}


corrections_note = chapter.label("trade_chk_corrected" if chapter.apply_corrections else "trade_chk_as_printed")
rows = []
s1 = it1.groupby(["country", "year"])["share"].sum()
rows.append(rounding_row(chapter.label("trade_chk_t1_sum"), it1t.set_index(["country", "year"])["top5_total"], s1, 0.3))
s2 = it2.groupby(["country", "year"]).agg(total=("top5_total", "first"), s=("share", "sum"))
rows.append(rounding_row(chapter.label("trade_chk_t2_sum"), s2["total"], s2["s"], 0.3))
ok6 = a6.merge(a6t[["country", "year", "total_trade"]], on=["country", "year"])
ok6 = ok6[~ok6["country"].isin(KNOWN_BAD_TOTAL)]
rows.append(rounding_row(chapter.label("trade_chk_a6_share"), ok6["share"], 100 * ok6["value"] / ok6["total_trade"],
                         tolerance(ok6, 0.05), chapter.label("trade_chk_bolivia_excluded")))
g6 = a6.groupby(["country", "year"])["value"].sum().rename("sum_values")
a6_totals = a6t.set_index(["country", "year"]).join(g6).drop(index=list(KNOWN_BAD_TOTAL), level="country").reset_index()
rows.append(rounding_row(chapter.label("trade_chk_a6_total"), a6_totals["top5_share"],
                         100 * a6_totals["sum_values"] / a6_totals["total_trade"],
                         tolerance(a6_totals, 0.05), chapter.label("trade_chk_bolivia_excluded")))
# Table 1 and Table A6 print the same shares: equal, except Venezuela 2013 (whole percents in A6)
j = it1.assign(country=it1["country"].str.upper()).merge(a6, on=["country", "year", "rank"], suffixes=("_t1", "_a6"))
rows.append(rounding_row(chapter.label("trade_chk_t1_a6"), j["share_t1"], j["share_a6"], tolerance(j, 0),
                         chapter.label("trade_chk_venezuela_integers")))
jt = it1t.assign(country=it1t["country"].str.upper()).merge(a6t, on=["country", "year"])
rows.append(rounding_row(chapter.label("trade_chk_t1_a6_total"), jt["top5_total"], jt["top5_share"],
                         tolerance(jt, 0), corrections_note))
first_rows = a1[a1["total_employment_var"].notna()].set_index("country")
last_rows = a1[a1["total_employment_var"].isna()].set_index("country")
span = (last_rows["year"] - first_rows["year"]).astype(float)
for lvl, var, key in (("total_employment", "total_employment_var", "trade_chk_a1_total"),
                      ("export_employment", "export_employment_var", "trade_chk_a1_export")):
    cagr = 100 * ((last_rows[lvl].astype(float) / first_rows[lvl].astype(float)) ** (1 / span) - 1)
    rows.append(rounding_row(chapter.label(key), first_rows[var], cagr, 0.05, corrections_note))
rows.append(rounding_row(chapter.label("trade_chk_a1_share"), a1["export_employment_share"],
                         100 * a1["export_employment"] / a1["total_employment"], 0.05))
itc_checks = pd.DataFrame(rows)
itc_checks["mismatches"] = itc_checks["n"] - itc_checks["within_rounding"]
# as printed, the only mismatches are the two Bolivia combined shares and Argentina's employment growth (C001)
expected = {chapter.label("trade_chk_t1_a6_total"): 0 if chapter.apply_corrections else 2,
            chapter.label("trade_chk_a1_total"): 0 if chapter.apply_corrections else 1}
assert dict(zip(itc_checks["check"], itc_checks["mismatches"])) == {c: expected.get(c, 0) for c in itc_checks["check"]}, itc_checks
chapter.table(itc_checks.rename(columns={"check": chapter.label("check"), "n": chapter.label("trade_n_checked"),
                                         "within_rounding": chapter.label("trade_within"),
                                         "max_difference": chapter.label("trade_max_difference"),
                                         "mismatches": chapter.label("trade_mismatches"), "note": chapter.label("trade_note")}),
              "1.9", sources=[IT1, IT1_TOTAL, IT2, ITA1, ITA6, ITA6_TOTAL])

# %% [markdown]
# **Concentration of exports.** The share of the five largest products in each country's exports,
# 2000 against 2013 (Table 1's printed totals). It rose in all ten countries.

# %%
assert (it1t.pivot(index="country", columns="year", values="top5_total").pipe(lambda w: w[2013] > w[2000])).all()
conc5 = chapter.selected(it1t).pivot(index=["country", "iso3"], columns="year", values="top5_total").reset_index()
if conc5.empty:
    say("trade_nothing_selected")
else:
    conc5 = conc5.sort_values(2013)
    conc5["name"] = [chapter.country_name(c) for c in conc5["iso3"]]
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(conc5) + 1.5))
    y = np.arange(len(conc5))
    pal = sns.color_palette()
    ax.hlines(y, conc5[2000], conc5[2013], color="0.6", lw=1.5)
    ax.scatter(conc5[2000], y, color=pal[0], label="2000", zorder=3)
    ax.scatter(conc5[2013], y, color=pal[1], label="2013", zorder=3)
    ax.set_yticks(y, conc5["name"])
    ax.set_xlabel(chapter.label("trade_top5_share_axis"))
    ax.set_xlim(0, 100)
    ax.legend(loc="lower right")
    chapter.figure(fig, "1.5", data=conc5[["country", "iso3", 2000, 2013]].rename(columns=str), sources=[IT1_TOTAL])

# %% [markdown]
# **Where the exports go.** Shares of total exports sent to China, the United States and Latin
# American and Caribbean partners, 2000 against 2013. Only the five main destinations are
# printed, so a destination outside them counts as 0 here (its true share is positive but below
# the fifth-ranked share) and the regional share is a lower bound. Venezuela's 2013 destinations
# are almost all "Unspecified".

# %%
LAC = {"ARG", "BOL", "BRA", "CHL", "COL", "ECU", "PRY", "PER", "URY", "VEN", "PAN", "DOM", "ANT"}  # regional partners
d2 = chapter.selected(it2).copy()
d2["group"] = [{"CHN": "china", "USA": "usa"}.get(c, "lac" if c in LAC else "other") for c in d2["partner_iso3"].fillna("")]
grid = pd.MultiIndex.from_product([sorted(set(d2["iso3"])), ["china", "usa", "lac"], [2000, 2013]],
                                  names=["iso3", "group", "year"])
dest_long = (d2[d2["group"] != "other"].groupby(["iso3", "group", "year"])["share"].sum()
             .reindex(grid, fill_value=0.0).reset_index())
dest = dest_long.pivot(index="iso3", columns=["group", "year"], values="share").reindex(columns=grid.droplevel(0).unique())
top1 = d2[d2["rank"] == 1].pivot(index="iso3", columns="year", values="partner")
if dest.empty:
    say("trade_nothing_selected")
else:
    countries_order = sorted(dest.index, key=lambda c: chapter.country_name(c))
    fig, axes = plt.subplots(1, 3, figsize=(11, 0.42 * len(countries_order) + 1.8), sharey=True)
    pal = sns.color_palette()
    yy = np.arange(len(countries_order))
    for ax, grp in zip(axes, ("china", "usa", "lac")):
        sub = dest_long[dest_long["group"] == grp].pivot(index="iso3", columns="year", values="share").reindex(countries_order)
        ax.hlines(yy, sub[2000], sub[2013], color="0.6", lw=1.5)
        ax.scatter(sub[2000], yy, color=pal[0], label="2000", zorder=3)
        ax.scatter(sub[2013], yy, color=pal[1], label="2013", zorder=3)
        ax.set_title(chapter.label(f"trade_dest_{grp}"))
        ax.set_xlabel(chapter.label("trade_share_exports_axis"))
        ax.set_yticks(yy, [chapter.country_name(c) for c in countries_order])
    axes[0].invert_yaxis()
    axes[0].legend(loc="lower right")
    chapter.figure(fig, "1.6", data=dest_long, sources=[IT2])
    table_dest = dest.copy()
    table_dest.columns = [f"{chapter.label('trade_dest_' + g)} {y}" for g, y in table_dest.columns]
    table_dest = table_dest.reset_index()
    table_dest[chapter.label("trade_top_destination") + " 2000"] = table_dest["iso3"].map(top1[2000])
    table_dest[chapter.label("trade_top_destination") + " 2013"] = table_dest["iso3"].map(top1[2013])
    table_dest.insert(0, "country", [chapter.country_name(c) for c in table_dest["iso3"]])
    chapter.table(table_dest.drop(columns="iso3").rename(columns={"country": chapter.label("country")}), "1.10", sources=[IT2],
                  fmt={c: "{:.1f}" for c in table_dest.columns
                       if c[-4:] in ("2000", "2013") and not c.startswith(chapter.label("trade_top_destination"))},
                  highlight=lambda row: row[chapter.label("country")] == chapter.country_name(chapter.focus_country))

# %% [markdown]
# **Export-related employment** (Table A1): direct and indirect jobs linked to exports, and their
# share of total employment, for the five countries with data. Argentina's printed growth of total
# employment (1.2% a year) does not follow from its printed levels (0.7%); with
# `apply_corrections` the corrected value is shown and marked.

# %%
emp_cols = ["country", "year", "total_employment", "total_employment_var", "export_employment", "export_employment_var",
            "export_employment_share", "corrections"]
emp = chapter.selected(a1)[emp_cols]
chapter.table(cols(emp, emp_cols), "1.11", sources=[ITA1],
              fmt={lab(c): "{:,.0f}" for c in ("total_employment", "export_employment")}
              | {lab(c): "{:.1f}" for c in ("total_employment_var", "export_employment_var", "export_employment_share")})

# %% [markdown]
# ## 7. Korea's structural transformation
#
# Table 23 (Chapter V) gives Korea's average real GDP growth, goods exports and the ratio of
# exports of goods and services to GDP by period since 1962; Table 24 the shares of the primary,
# secondary and tertiary sectors in GDP in four years. The goods-export column is printed without
# saying whether it is annual or a period total; its size (1 834 for 2012–2014 against the text's
# US$613 billion for 2014 alone) points to period totals, so it is not plotted as a yearly level.
# The sector shares of each year add up to 100.0 (checked).

# %%
t23, t24 = data[T23], data[T24]
sums24 = t24.groupby("year")["value"].sum()
assert ((sums24 - 100).abs() <= 0.05).all(), sums24
chapter.table(cols(t23[["period", "gdp_growth", "goods_exports", "exports_gdp_ratio"]],
                   ("period", "gdp_growth", "goods_exports", "exports_gdp_ratio")), "1.12", sources=[T23])

fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
pal = sns.color_palette()
ax = axes[0]
x = np.arange(len(t23))
ax.bar(x - 0.2, t23["exports_gdp_ratio"].astype(float), width=0.4, color=pal[0],
       label=chapter.label("trade_exports_gdp_ratio"))
ax.bar(x + 0.2, t23["gdp_growth"].astype(float), width=0.4, color=pal[1], label=chapter.label("trade_gdp_growth"))
ax.set_xticks(x, t23["period"], rotation=30)
ax.set_ylabel(chapter.label("trade_percent"))
ax.legend(title="", fontsize=9)
ax.set_title(chapter.label("trade_korea_growth_title"))
ax = axes[1]
w24 = t24.pivot(index="year", columns="industry", values="value").astype(float)
bottom = np.zeros(len(w24))
for k, ind in enumerate(("Primary", "Secondary", "Tertiary")):
    ax.bar(w24.index.astype(str), w24[ind], bottom=bottom, color=pal[k + 2], label=chapter.label("trade_" + ind.lower()))
    bottom += w24[ind].to_numpy()
ax.set_ylabel(chapter.label("trade_percent_gdp"))
ax.set_ylim(0, 100)
ax.legend(title="", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
ax.set_title(chapter.label("trade_korea_structure_title"))
fig.tight_layout()
chapter.figure(fig, "1.7", data=pd.concat([t23.melt(id_vars="period", value_vars=["gdp_growth", "exports_gdp_ratio"]),
                                           t24.assign(period=t24["year"].astype(str)).rename(columns={"industry": "variable"})[
                                               ["period", "variable", "value"]]]),
               sources=[T23, T24])

# %% [markdown]
# ## 8. Korea–LAC trade agreements: a timeline
#
# Every dated statement about a Korea–LAC agreement in the two ECLAC documents (FTA milestones
# datasets, one per document). Dates printed with only a year are placed at mid-year and drawn
# hollow. Korean domestic FTA policy and third-party agreements are in the datasets but not drawn.
# All agreements are shown whatever the `countries` parameter.

# %%
LAC_BLOCS = {"Central America", "Mercosur"}
is_kor = milestones["milestone_id"].str.startswith("KOR-")
lac_partner = milestones["partners_iso3"].fillna("").str.split(";").map(lambda cs: bool(set(cs) & LAC))
kl = milestones[is_kor & (lac_partner | milestones["bloc"].isin(LAC_BLOCS)) & milestones["date"].notna()].copy()


def decimal_year(date):
    p = [int(v) for v in date.split("-")]
    if len(p) == 1:
        return p[0] + 0.5
    return p[0] + (p[1] - 1) / 12 + ((p[2] - 1) / 365 if len(p) == 3 else 1 / 24)


kl["x"] = kl["date"].map(decimal_year)
kl["precision"] = kl["date"].str.len().map({4: "year", 7: "month", 10: "day"})
agreements = (kl.groupby("agreement")["x"].min().sort_values().index.tolist())
types = ["proposal", "feasibility_study", "negotiation_launch", "negotiation_round", "concluded", "signed", "ratified",
         "in_force", "stalled", "other"]
pal = dict(zip(types, sns.color_palette("colorblind", len(types))))
markers = {"eclac-2018-korea-lac": "o", "eclac-2016-korea-celac": "^"}
fig, ax = plt.subplots(figsize=(10, 0.55 * len(agreements) + 2))
for (src, typ, prec), g in kl.groupby(["source", "milestone", "precision"]):
    yv = [agreements.index(a) for a in g["agreement"]]
    face = "none" if prec == "year" else pal[typ]
    ax.scatter(g["x"], yv, marker=markers[src], s=55, facecolors=face, edgecolors=pal[typ], linewidths=1.4, zorder=3)
ax.set_yticks(range(len(agreements)), agreements)
ax.invert_yaxis()
ax.grid(axis="y", color="0.9")
handles = [plt.Line2D([], [], ls="", marker="s", color=pal[t], label=chapter.label("trade_ms_" + t))
           for t in types if t in set(kl["milestone"])]
handles += [plt.Line2D([], [], ls="", marker=m, color="0.3", label=s) for s, m in markers.items()]
ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
ax.set_xlabel(chapter.label("year"))
ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}")
chapter.figure(fig, "1.8", data=kl[["milestone_id", "agreement", "milestone", "date_printed", "date", "x", "source", "section", "line"]],
               sources=[M2018, M2016])

# %% [markdown]
# **Where the documents disagree.** A milestone stated in several places keeps one identifier;
# two statements disagree when neither date is a truncation of the other (e.g. "2015" agrees with
# "2015-09", but "2015-06" does not). Four milestones are dated differently, two of them within
# the same document.

# %%
def compatible(a, b):
    return a.startswith(b) or b.startswith(a)


disagree = []
for mid, g in milestones[milestones["date"].notna()].groupby("milestone_id"):
    ds = g["date"].tolist()
    if any(not compatible(a, b) for i, a in enumerate(ds) for b in ds[i + 1:]):
        for _, r in g.iterrows():
            disagree.append({"milestone_id": mid, "source": r["source"], "section": r["section"], "line": int(r["line"]),
                             "date_printed": r["date_printed"], "date": r["date"]})
disagree = pd.DataFrame(disagree)
assert sorted(disagree["milestone_id"].unique()) == ["KOR-CAM-negotiation_launch", "KOR-CHL-signed",
                                                     "KOR-MERCOSUR-feasibility_study", "KOR-PER-signed"], disagree
chapter.table(disagree.rename(columns={"source": chapter.label("source"), "section": chapter.label("trade_section"),
                                       "line": chapter.label("line"), "date_printed": chapter.label("trade_date_printed"),
                                       "date": chapter.label("trade_date")}),
              "1.13", sources=[M2018, M2016])

# %% [markdown]
# ## 9. Focus country
#
# What the tables say about the `focus_country`, and plainly where they say nothing.

# %%
fc = chapter.focus_country
name = chapter.country_name(fc)
profile = chapter.profile()
r4 = t4[t4["iso3"] == fc]
r1 = t1[t1["iso3"] == fc]
ranked = listed.sort_values("exports", ascending=False)["iso3"].tolist()
if r4.empty:
    say("trade_not_in_table", country=name)
    profile.missing("eclac-2018 Table 4", chapter.label("partner") + " 2015")
else:
    r = r4.iloc[0]
    profile.add("eclac-2018 Table 4", chapter.label("trade_rank") + " (" + chapter.label("exports") + ", 2015)",
        f"{ranked.index(fc) + 1} / {len(ranked)}")
    for c in ("exports", "imports", "balance"):
        profile.add("eclac-2018 Table 4", chapter.label(c) + " 2015 (" + chapter.label("us_thousand") + ")", f"{int(r[c]):,}")
    for c in ("exports", "imports"):
        profile.add("eclac-2018 Table 4", chapter.label("trade_share_of_total") + " — " + chapter.label(c), f"{100 * r[c] / total[c]:.1f}")
if r1.empty:
    profile.missing("eclac-2018 Table 1", chapter.label("partner") + " 1998")
else:
    for c in ("exports", "imports", "balance"):
        profile.add("eclac-2018 Table 1", chapter.label(c) + " 1998 (" + chapter.label("us_thousand") + ")", f"{int(r1.iloc[0][c]):,}")
    if not r4.empty:
        profile.add("eclac-2018 Tables 1, 4", chapter.label("exports") + " — " + chapter.label("trade_multiple"),
            f"{r4.iloc[0]['exports'] / r1.iloc[0]['exports']:.2f}")
if fc in fta:
    profile.add("FTA milestones", chapter.label("trade_fta_in_force"), f"{fta[fc]['date']} ({fta[fc]['source']}, L{int(fta[fc]['line'])})")
    g = growth[growth["country"] == name] if not growth.empty else growth
    for _, r in g.iterrows():
        if pd.notna(r["cagr_post"]):
            profile.add("eclac-2018 Table " + ("2" if fc == "CHL" else "3"),
                f"{chapter.label('trade_cagr_post')} — {r['flow']}, {r['measure']}", f"{r['cagr_post']:+.1f} ({r['post_period']})")
else:
    profile.add("eclac-2018 Tables 2–3", chapter.label("trade_yearly_series"), chapter.label("trade_only_chl_per"))
mine = milestones[milestones["partners_iso3"].fillna("").str.split(";").map(lambda cs: fc in cs)]
profile.add("FTA milestones", chapter.label("trade_milestones_n"), str(len(mine)) if len(mine) else chapter.label("profile_not_in_table"))
key_ms = mine[mine["milestone"].isin(["signed", "in_force"]) & mine["date"].notna()]
key_ms = key_ms.assign(precision=key_ms["date"].str.len()).sort_values(["precision", "line"], ascending=[False, True])
for _, r in key_ms.drop_duplicates("milestone_id").sort_values("date").iterrows():
    profile.add("FTA milestones", f"{r['agreement']}: {chapter.label('trade_ms_' + r['milestone'])}",
        f"{r['date_printed']} (L{int(r['line'])})")
c1 = it1t[it1t["iso3"] == fc]
if c1.empty:
    profile.missing("itc-2015 Tables 1, 2, A6", chapter.label("trade_export_structure"))
else:
    for y in (2000, 2013):
        profile.add("itc-2015 Table 1", f"{chapter.label('trade_top5_share_axis')} {y}",
            f"{c1[c1['year'] == y]['top5_total'].iloc[0]:.1f}")
        p1 = it1[(it1["iso3"] == fc) & (it1["year"] == y) & (it1["rank"] == 1)].iloc[0]
        profile.add("itc-2015 Table 1", f"{chapter.label('trade_top_product')} {y}", f"{p1['product']} ({p1['share']:.1f})")
        d1r = it2[(it2["iso3"] == fc) & (it2["year"] == y) & (it2["rank"] == 1)].iloc[0]
        profile.add("itc-2015 Table 2", f"{chapter.label('trade_top_destination')} {y}", f"{d1r['partner']} ({d1r['share']:.1f})")
    kor = it2[(it2["iso3"] == fc) & (it2["partner_iso3"] == "KOR")]
    profile.add("itc-2015 Table 2", chapter.label("trade_korea_in_top5"),
        "; ".join(f"{int(r['year'])}: {r['share']:.1f}" for _, r in kor.iterrows()) if len(kor) else chapter.label("trade_no"))
e1 = a1[a1["iso3"] == fc]
if e1.empty:
    profile.missing("itc-2015 Table A1", chapter.label("trade_export_employment_share"))
else:
    profile.add("itc-2015 Table A1", chapter.label("trade_export_employment_share"),
        "; ".join(f"{int(r['year'])}: {r['export_employment_share']:.1f}" for _, r in e1.iterrows()))
chapter.table(profile.frame(), "1.14", sources=[T1, T4, T2, T3, IT1, IT1_TOTAL, IT2, ITA1, M2018, M2016], country=name)

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.documents.figures_not_reproduced("trade")

# %% [markdown]
# ## 10. Claims audit and corrections
#
# Narrative statements of the sources about trade, each recomputed from the tables in
# `data/claims.csv` (the status is computed here, never typed in). Claims whose numbers no table
# holds are listed as *not checkable*, with what is missing. Then the known defects of this
# chapter's tables: the corrections register's entries (corrected on load when
# `apply_corrections` is true) and the defects the tables' metadata document.

# %%
audit = chapter.claims_audit("1.15")
print(", ".join(f"{k}: {v}" for k, v in audit["status"].value_counts().items()))

# %%
defects = chapter.known_defects("1.16")
