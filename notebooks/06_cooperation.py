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
# # Chapter 6 — Cooperation: what Korea does with Latin America and the Caribbean
#
# Part I of the chapter: the factual base of Korea's cooperation with the region — official
# development assistance (ODA), the Knowledge Sharing Program (KSP), KOICA's Development
# Experience Exchange Partnership (DEEP), joint research with the EU and CELAC (JIRI), and the
# regional initiatives the documents list. Part II (the proposals of the five documents) will
# build on it in this notebook.
#
# **Sources used here** (all in `data/cooperation/`)
#
# * `eclac-2016-korea-celac` — Table 2 (Korea's action plan for CELAC), Table 3 (Korea's economic
#   cooperation with CELAC, 2014–2016: a text table, one row per number), Table 8 (regional STI
#   and ICT initiatives), Table 9 (KSP projects in science, technology and innovation), and the
#   programmes and channels its narrative names (Chapter I.C).
# * `eclac-2018-korea-lac` — Table 8 (the same KSP projects, printed a second time with detached
#   country labels), Table 9 (JIRI working groups and co-leads), Tables 35–37 (Korea's ODA; its
#   bilateral ODA by region, 2013; and to six LAC countries, cumulative to 2014), Table 38 (KSPs
#   on export promotion, FDI and SMEs), Table 39 (DEEP projects 2011–2015), the STI bodies of
#   Chapter II.G, the EU–CELAC initiatives it uses as a benchmark, and the programmes its
#   narrative names (Chapters II.F and V.F).
#
# Where a country label or a pairing had to be placed by inference (the KSP country blocks, the
# JIRI co-leads) the row is flagged `inferred` in the data and a second, independent reading
# reached the same placement (tests/second_readings). Try
# `python -m kolac run cooperation -p focus_country NIC -p lang es`.

# %% tags=["parameters"]
lang: str = "en"  # language of labels, captions and table headers: en | es
countries: str = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format: str = "png"  # figure file format: png | svg
output_dir: str = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections: bool = True  # use corrected values from data/corrections.yaml (False: as printed)
focus_country: str = "PER"  # country whose knowledge-sharing and DEEP projects, ODA received, JIRI role and the proposals naming it are profiled (ISO3)
year: int = 2013  # year of eclac-2018 Table 35 (Korea's ODA) used for the headline comparison with the bilateral split: 2001 | 2004 | 2007 | 2010 | 2013
theme: str = "all"  # theme of the proposals shown in the lists (codebook code), or all: all | sti_innovation | skills_education | entrepreneurship | ict_digital | sme_finance | trade_promotion | sme_internationalization | industrial_development | trade_facilitation | trade_investment_agreements | knowledge_data | cooperation_framework | other
source: str = "all"  # document whose proposals are shown in the lists, or all: all | eclac-2006-fealac-ict-smes | eclac-2016-korea-celac | sela-2016-work-programme-2017 | eclac-2018-korea-lac
addressee: str = "all"  # addressee of the proposals shown in the lists (codebook code), or all: all | korea | lac | both | regional_bodies | private_sector | unspecified

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

import yaml

import kolac
from kolac.chapters import ADDRESSEES, PROPOSAL_SOURCES, THEMES
from kolac.checks import cohen_kappa, compare_printings, normalize_text, rounding_verdict

chapter = kolac.setup("cooperation", globals())
label = chapter.label


def unit_label(unit):
    """A unit as the data write it (e.g. 'US$ million') in the run's language."""
    return label("cooperation_unit_" + unit.replace("US$ ", "usd_").replace(" ", "_"))


ODA = "eclac2018_t35_korea_oda"
ODA_REGIONS = "eclac2018_t36_korea_bilateral_oda_by_region"
ODA_LAC = "eclac2018_t37_korea_bilateral_oda_lac"
KSP_2016 = "eclac2016_t09_ksp_sti_projects"
KSP_2018 = "eclac2018_t08_ksp_projects"
KSP_TRADE = "eclac2018_t38_ksp_trade_fdi_smes"
DEEP = "eclac2018_t39_koica_deep_projects"
JIRI = "eclac2018_t09_jiri_priority_areas"
PLAN = "eclac2016_t02_korea_action_plan"
COOP_2016 = "eclac2016_t03_korea_cooperation_celac"
INITIATIVES = "eclac2016_t08_regional_initiatives"
STI_BODIES = "eclac2018_narrative_sti_bodies"
EU_CELAC = "eclac2018_narrative_eu_celac_initiatives"
PROGRAMMES = ("eclac2016_narrative_cooperation_programmes", "eclac2018_narrative_cooperation_programmes")

oda, regions, lac_oda = chapter.load(ODA), chapter.load(ODA_REGIONS), chapter.load(ODA_LAC)
ksp16, ksp18, ksp_trade = chapter.load(KSP_2016), chapter.load(KSP_2018), chapter.load(KSP_TRADE)
deep, jiri = chapter.load(DEEP), chapter.load(JIRI)

# %% [markdown]
# ## 1. Korea's ODA, 2001–2013
#
# Table 35 prints two rows for five years: the amount of Korea's ODA and its ratio to gross
# national income. It does not split the amount into bilateral and multilateral aid or grants and
# loans; the only split printed in a table is the bilateral total of 2013 (Table 36), so the
# bilateral share is shown for that year alone. The narrative's shares of grants in bilateral ODA
# (2003, 2008, 2013) have no table behind them and are listed as not checkable in section 7.

# %%
amount = oda[oda["unit"] == "US$ million"].set_index("year")["value"]
ratio = oda[oda["unit"] == "percent"].set_index("year")["value"]
assert list(amount.index) == [2001, 2004, 2007, 2010, 2013] and list(ratio.index) == list(amount.index)
bilateral_2013 = float(regions.loc[regions["region"] == "Total", "amount"].iloc[0])
oda_table = pd.DataFrame({
    label("year"): amount.index.astype(int),
    label("cooperation_oda_amount"): amount.astype("Int64").to_numpy(),  # printed as whole millions
    label("cooperation_oda_gni"): ratio.to_numpy(),
    label("cooperation_multiple_of_2001"): (amount / amount.loc[2001]).round(2).to_numpy(),
    label("cooperation_bilateral"): pd.array([int(bilateral_2013) if y == 2013 else None for y in amount.index], dtype="Int64"),
    label("cooperation_bilateral_share"): [round(100 * bilateral_2013 / amount.loc[2013], 1) if y == 2013 else None
                                           for y in amount.index],
})
chapter.table(oda_table, "6.1", sources=[ODA, ODA_REGIONS],
              fmt={label("cooperation_oda_amount"): "{:,.0f}", label("cooperation_bilateral"): "{:,.0f}",
                   label("cooperation_oda_gni"): "{:.2f}"})
print(label("cooperation_oda_headline", year=chapter.year, amount=f"{amount.loc[chapter.year]:,.0f}",
            multiple=f"{amount.loc[chapter.year] / amount.loc[2001]:.1f}"))

# %%
fig, ax = plt.subplots(figsize=(8, 4.2))
ax.bar(amount.index.astype(str), amount.to_numpy(), color="C0")
ax.set_ylabel(label("cooperation_oda_amount"))
ax2 = ax.twinx()
ax2.plot(amount.index.astype(str), ratio.to_numpy(), color="C3", marker="o")
ax2.set_ylabel(label("cooperation_oda_gni"))
ax2.set_ylim(0, 0.16)
ax2.grid(False)
ax.set_title(label("cooperation_figure_6_1_title"), loc="left")
figure_data = pd.DataFrame({"year": amount.index.astype(int), "oda_usd_million": amount.to_numpy(),
                            "oda_gni_percent": ratio.to_numpy()})
chapter.figure(fig, "6.1", data=figure_data, sources=[ODA])

# %% [markdown]
# ## 2. Bilateral ODA by region, 2013
#
# The printed shares are set beside the shares recomputed from the printed amounts. With amounts
# printed to the million, a share recomputed from them is uncertain by about ±0.05 points, so a
# printed share within that band of the recomputed one is a rounding difference; the printed
# share of "Others" (13.1%) lies outside it (170/1 310 = 12.98%), which the sidecar records as a
# printed defect. The regional amounts add up to the printed total.

# %%
parts = regions[regions["region"] != "Total"].copy()
total = float(regions.loc[regions["region"] == "Total", "amount"].iloc[0])
assert parts["amount"].sum() == total == 1310 and round(float(parts["share"].sum()), 1) == 100.0
parts["recomputed"] = (100 * parts["amount"] / total).round(2)
# half a unit of each printed amount, propagated to the share
parts["tolerance"] = [100 * max(abs((a + d1) / (total + d2) - a / total) for d1 in (-0.5, 0.5) for d2 in (-0.5, 0.5)) + 0.05
                      for a in parts["amount"]]
parts["verdict"] = [label(f"verdict_{rounding_verdict(p, r, t)}") for p, r, t in
                    zip(parts["share"], 100 * parts["amount"] / total, parts["tolerance"])]
assert [rounding_verdict(p, r, t) for p, r, t in zip(parts["share"], 100 * parts["amount"] / total, parts["tolerance"])] \
    == ["within_rounding", "within_rounding", "within_rounding", "mismatch"], "Table 36 changed: revisit section 2"
region_view = parts[["region", "amount", "share", "recomputed", "verdict"]].rename(columns={
    "region": label("cooperation_region"), "amount": label("cooperation_amount_2013"), "share": label("cooperation_share_printed"),
    "recomputed": label("cooperation_share_recomputed"), "verdict": label("check")})
chapter.table(region_view, "6.2", sources=[ODA_REGIONS], fmt={label("cooperation_share_recomputed"): "{:.2f}"})

# %%
fig, ax = plt.subplots(figsize=(8, 3.6))
y = range(len(parts))
ax.barh([i + 0.2 for i in y], parts["share"], height=0.4, label=label("cooperation_share_printed"), color="C0")
ax.barh([i - 0.2 for i in y], 100 * parts["amount"] / total, height=0.4, label=label("cooperation_share_recomputed"), color="C1")
ax.set_yticks(list(y), [label(f"cooperation_region_{r.lower()}") for r in parts["region"]])
ax.invert_yaxis()
ax.set_xlabel(label("cooperation_share_axis"))
ax.legend(loc="lower right")
ax.set_title(label("cooperation_figure_6_2_title"), loc="left")
chapter.figure(fig, "6.2", data=parts[["region", "amount", "share", "recomputed"]], sources=[ODA_REGIONS])

# %% [markdown]
# ## 3. LAC recipients of Korea's bilateral ODA, cumulative to the end of 2014
#
# Table 37 lists six countries, in descending order, with their cumulative amounts and their
# shares of Korea's total bilateral ODA. The table prints no total; each row implies one
# (amount ÷ share), and all six implied totals agree within the rounding of the shares, so the
# shares are consistent with a single denominator of roughly US$ 4.5–4.6 billion.

# %%
ranked = lac_oda.sort_values("amount", ascending=False).reset_index(drop=True)
assert ranked["country"].tolist() == lac_oda["country"].tolist(), "Table 37 is no longer printed in descending order"
ranked["rank"] = range(1, len(ranked) + 1)
low = 100 * ranked["amount"] / (ranked["share"] + 0.05)
high = 100 * ranked["amount"] / (ranked["share"] - 0.05)
assert low.max() <= high.min(), "the printed shares no longer admit one common total"
ranked["implied_total"] = (100 * ranked["amount"] / ranked["share"]).round(0).astype("Int64")
lac_view = chapter.selected(ranked)[["rank", "country", "iso3", "amount", "share", "implied_total"]].copy()
lac_view["country"] = [chapter.country_name(i) for i in lac_view["iso3"]]
chapter.table(lac_view.drop(columns="iso3").rename(columns={
    "rank": label("cooperation_rank"), "country": label("country"), "amount": label("cooperation_cumulative_amount"),
    "share": label("cooperation_share_bilateral"), "implied_total": label("cooperation_implied_total")}),
    "6.3", sources=[ODA_LAC], fmt={label("cooperation_implied_total"): "{:,.0f}"},
    highlight=lambda row: row[label("country")] == chapter.country_name(chapter.focus_country))
print(label("cooperation_implied_range", low=f"{low.max():,.0f}", high=f"{high.min():,.0f}"))

# %%
fig, ax = plt.subplots(figsize=(8, 3.8))
colors = ["C3" if i == chapter.focus_country else "C0" for i in ranked["iso3"]]
ax.barh([chapter.country_name(i) for i in ranked["iso3"]], ranked["amount"], color=colors)
ax.invert_yaxis()
for i, (a, s) in enumerate(zip(ranked["amount"], ranked["share"])):
    ax.text(a + 1, i, f"{a:.1f} ({s:.1f}%)", va="center", fontsize=9)
ax.set_xlim(0, ranked["amount"].max() * 1.25)
ax.set_xlabel(label("cooperation_cumulative_amount"))
ax.set_title(label("cooperation_figure_6_3_title"), loc="left")
chapter.figure(fig, "6.3", data=ranked[["rank", "country", "iso3", "amount", "share"]], sources=[ODA_LAC],
               country=chapter.country_name(chapter.focus_country))

# %% [markdown]
# ## 4. Knowledge-sharing projects by country and year
#
# The KSP projects in science, technology and innovation are printed twice: in the 2016 document
# (Table 9, a tab layout) and in the 2018 document (Table 8, where six country labels are printed
# together, away from their rows). Both printings list the same 23 projects in the same order and
# years; after the country blocks are rebuilt (flagged `inferred`) they agree on every country
# and year. What differs is the wording of some project titles, listed below with both versions.
# Table 38 of the 2018 document adds ten KSPs on export promotion, FDI and SMEs. Each is matched
# with the STI list's projects of the same country by the words of their titles: only one is in
# both tables — Honduras's project on SME competitiveness and e-government — and the two tables
# date it differently (2013 in Table 8, 2014 in Table 38). Nothing printed says which year is
# right, so the contradiction is documented in the sidecar of Table 38 and not corrected.

# %%
KEY = ["iso3", "year"]
assert ksp16[KEY].duplicated().sum() == 0 and ksp18[KEY].duplicated().sum() == 0
diff = compare_printings(ksp16, ksp18, KEY, ["country", "project"], names=("eclac2016_t09", "eclac2018_t08"))
assert set(diff["column"]) <= {"project"}, "the two printings now differ in country or year"
diff["country"] = [chapter.country_name(i) for i in diff["iso3"]]
chapter.table(diff[["country", "year", "eclac2016_t09", "eclac2018_t08"]].rename(columns={
    "country": label("country"), "year": label("year"), "eclac2016_t09": label("cooperation_title_2016"),
    "eclac2018_t08": label("cooperation_title_2018")}), "6.4", sources=[KSP_2016, KSP_2018], n=len(ksp16), differ=len(diff))

# %%
STOP = {"the", "of", "and", "for", "in", "on", "to", "a", "with", "focus", "focusing"}


def words(title):
    return {w for w in re.findall(r"[a-z][a-z'-]+", normalize_text(title)) if w not in STOP}


def same_project(a, b):
    """Word overlap of two titles relative to the shorter (1 = one title's words all in the other)."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


matches = []
for r in ksp_trade.itertuples():
    candidates = ksp18[ksp18["iso3"] == r.iso3]
    scored = sorted(((same_project(r.contents, c.project), c.year, c.project) for c in candidates.itertuples()), reverse=True)
    best = scored[0] if scored else (0.0, None, None)
    found = best[0] >= 0.6  # most words of the shorter title recur in the other
    verdict = ("cooperation_ksp_no_match" if not found else
               "cooperation_ksp_same_year" if str(best[1]) == r.year[:4] else "cooperation_ksp_other_year")
    matches.append({"country": chapter.country_name(r.iso3), "iso3": r.iso3, "year": r.year, "contents": r.contents,
                    "sti_year": best[1] if found else None, "sti_project": best[2] if found else None,
                    "verdict": label(verdict), "code": verdict})
matches = pd.DataFrame(matches)
matches["sti_year"] = matches["sti_year"].astype("Int64")
# one project is in both tables, under different years (Honduras: 2013 in Table 8, 2014 in Table 38)
assert matches.loc[matches["code"] != "cooperation_ksp_no_match", ["iso3", "year", "sti_year"]].values.tolist() \
    == [["HND", "2014", 2013]], "Tables 8 and 38 now share other projects: revisit section 4"
chapter.table(chapter.selected(matches)[["country", "year", "contents", "sti_year", "sti_project", "verdict"]].rename(columns={
    "country": label("country"), "year": label("year"), "contents": label("cooperation_project"),
    "sti_year": label("cooperation_sti_year"), "sti_project": label("cooperation_sti_project"),
    "verdict": label("check")}), "6.5", sources=[KSP_TRADE, KSP_2018])
trade_view = ksp_trade.assign(first_year=ksp_trade["year"].str[:4])


# %%
projects = pd.concat([ksp18.assign(kind="sti")[["iso3", "year", "kind"]],
                      trade_view.assign(year=trade_view["first_year"].astype(int), kind="trade")[["iso3", "year", "kind"]]])
projects = chapter.selected(projects)
order = sorted(projects["iso3"].unique(), key=lambda i: chapter.country_name(i))
fig, ax = plt.subplots(figsize=(8, 5))
for kind, marker, color, dy in (("sti", "o", "C0", -0.12), ("trade", "s", "C2", 0.12)):
    sub = projects[projects["kind"] == kind]
    counts = sub.groupby(["iso3", "year"]).size().reset_index(name="n")
    ax.scatter(counts["year"], [order.index(i) + dy for i in counts["iso3"]], s=40 + 40 * (counts["n"] - 1),
               marker=marker, color=color, label=label(f"cooperation_ksp_{kind}"))
ax.set_yticks(range(len(order)), [chapter.country_name(i) for i in order])
ax.invert_yaxis()
ax.set_xticks(range(2009, 2016))
ax.set_xlabel(label("year"))
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=9, frameon=False)
ax.set_title(label("cooperation_figure_6_4_title"), loc="left")
chapter.figure(fig, "6.4", data=projects.sort_values(["iso3", "year", "kind"]), sources=[KSP_2018, KSP_TRADE])

# %% [markdown]
# ## 5. DEEP projects, JIRI, the action plan and the regional initiatives
#
# KOICA's DEEP table lists six projects of 2011–2015, three of them in CELAC countries (Colombia
# twice, Honduras). The JIRI table prints six working groups and fourteen co-leading countries in
# two separate blocks; the names alternate CELAC/EU, which gives seven pairs for six groups. The
# pairing by printed order is an inference (both readings made it), and the seventh pair is placed
# in the last group: the text cannot say more.

# %%
deep_view = deep.copy()
deep_view["country"] = [chapter.country_name(i) for i in deep_view["iso3"]]
deep_view["celac"] = deep_view["celac"].map({True: label("cooperation_yes"), False: label("cooperation_no")})
chapter.table(deep_view[["country", "years", "contents", "celac"]].rename(columns={
    "country": label("country"), "years": label("cooperation_years"), "contents": label("cooperation_project"),
    "celac": label("cooperation_celac_member")}), "6.6", sources=[DEEP])

# %%
jiri_view = jiri.copy()
jiri_view["country"] = [chapter.country_name(i) for i in jiri_view["iso3"]]
jiri_view["inferred"] = jiri_view["inferred"].map({True: label("cooperation_yes"), False: ""})
chapter.table(jiri_view[["working_group", "country", "inferred"]].rename(columns={
    "working_group": label("cooperation_working_group"), "country": label("cooperation_co_lead"),
    "inferred": label("cooperation_inferred")}), "6.7", sources=[JIRI])

# %%
plan = chapter.load(PLAN)
chapter.table(plan[["pillar", "item_no", "item"]].rename(columns={
    "pillar": label("cooperation_pillar"), "item_no": "#", "item": label("cooperation_item")}), "6.8", sources=[PLAN])
initiatives = chapter.load(INITIATIVES)
chapter.table(initiatives[["acronym", "full_name", "field_of_work"]].rename(columns={
    "acronym": label("cooperation_acronym"), "full_name": label("cooperation_full_name"),
    "field_of_work": label("cooperation_field")}), "6.9", sources=[INITIATIVES])
bodies = chapter.load(STI_BODIES)
chapter.table(bodies[["name", "acronym", "year_printed", "members", "members_unit", "focus"]].rename(columns={
    "name": label("cooperation_full_name"), "acronym": label("cooperation_acronym"), "year_printed": label("cooperation_created"),
    "members": label("cooperation_members"), "members_unit": label("cooperation_members_unit"), "focus": label("cooperation_field")}),
    "6.10", sources=[STI_BODIES])
eu = chapter.load(EU_CELAC)
chapter.table(eu[["name", "partners", "year_printed", "scale_printed", "gist"]].rename(columns={
    "name": label("cooperation_full_name"), "partners": label("cooperation_partners"), "year_printed": label("cooperation_since"),
    "scale_printed": label("cooperation_scale"), "gist": label("cooperation_field")}), "6.11", sources=[EU_CELAC])

# %% [markdown]
# ## 6. Korea's cooperation channels
#
# Which Korean body runs which programme, under which ministry, with which partner countries, as
# the two documents' narratives name them (one row per programme; every statement, with its line,
# is in the two `narrative_cooperation_programmes` files). Table 3 of the 2016 document gives the
# sizes for 2014–2016.

# %%
register = pd.concat([chapter.load(n).assign(source=chapter.load(n).attrs["source"]) for n in PROGRAMMES], ignore_index=True)


def joined(values):
    """Distinct names in order of appearance; 'Ministry of X' and 'Ministry of X (MX)' count once
    (the variant with its acronym is kept). The institutions register will merge the rest."""
    kept = {}
    for v in values.dropna():
        for part in str(v).split(";"):
            part = part.strip()
            key = normalize_text(re.sub(r"\s*\([^)]*\)$", "", part))
            if part and (key not in kept or "(" in part and "(" not in kept[key]):
                kept[key] = part
    return "; ".join(kept.values())


channels = register.groupby("programme_id", sort=False).agg(
    programme=("acronym", lambda s: joined(s) or None), operator=("operator", joined), ministry=("ministry", joined),
    partners=("partner_countries", joined), start=("start_year", "min"), statements=("line", "size"))
channels["programme"] = channels["programme"].fillna(register.groupby("programme_id", sort=False)["programme"].first())
channels = channels.reset_index()
channels["partners"] = [", ".join(chapter.country_name(i) or i for i in p.split("; ")) if p else "" for p in channels["partners"]]
chapter.table(channels.drop(columns="programme_id").rename(columns={
    "programme": label("cooperation_programme"), "operator": label("cooperation_operator"), "ministry": label("cooperation_ministry"),
    "partners": label("cooperation_partners"), "start": label("cooperation_since"), "statements": label("cooperation_statements")}),
    "6.12", sources=list(PROGRAMMES))
sizes = chapter.load(COOP_2016)
sizes = sizes.assign(quantity=[label(f"cooperation_quantity_{q}") for q in sizes["quantity"]],
                     unit=[unit_label(u) for u in sizes["unit"]])
chapter.table(sizes[["programme", "quantity", "value", "unit", "year"]].rename(columns={
    "programme": label("cooperation_programme"), "quantity": label("cooperation_quantity"), "value": label("cooperation_value"),
    "unit": label("cooperation_unit"), "year": label("year")}), "6.13", sources=[COOP_2016])

# %% [markdown]
# ## 7. Profile of the focus country
#
# Everything the cooperation tables print about `focus_country`; where a table does not name it,
# the profile says so.

# %%
fc, fname = chapter.focus_country, chapter.country_name(chapter.focus_country)
profile = chapter.profile()


def record(topic, resource, found):
    where = kolac.data.source_note(resource)
    if found:
        profile.add(where, label(f"cooperation_topic_{topic}"), found)
    else:
        profile.missing(where, label(f"cooperation_topic_{topic}"))


record("ksp_sti", KSP_2018, "; ".join(f"{y}: {p}" for y, p in ksp18.loc[ksp18["iso3"] == fc, ["year", "project"]].values))
record("ksp_trade", KSP_TRADE, "; ".join(f"{y}: {p}" for y, p in ksp_trade.loc[ksp_trade["iso3"] == fc, ["year", "contents"]].values))
record("deep", DEEP, "; ".join(f"{y}: {p}" for y, p in deep.loc[deep["iso3"] == fc, ["years", "contents"]].values))
mine = lac_oda[lac_oda["iso3"] == fc]
record("oda", ODA_LAC, "" if mine.empty else label("cooperation_oda_found", amount=f"{mine['amount'].iloc[0]:.1f}",
                                                        share=f"{mine['share'].iloc[0]:.1f}", rank=int(ranked.index[ranked['iso3'] == fc][0]) + 1))
record("jiri", JIRI, "; ".join(jiri.loc[jiri["iso3"] == fc, "working_group"]))
chapter.table(profile.frame(), "6.14", sources=[KSP_2018, KSP_TRADE, DEEP, ODA_LAC, JIRI], country=fname)

# %% [markdown]
# # Part II — What the five documents propose
#
# Between 2006 and 2018 the five documents propose what Korea and Latin America and the Caribbean
# should do together: FEALAC's 2006 study (`eclac-2006-fealac-ict-smes`), ECLAC's 2016 report and
# the seminar behind it (`eclac-2016-korea-celac`, Section IV.B and Annex 1), SELA's 2017 work
# programme (`sela-2016-work-programme-2017`, activity III.1.3), and ECLAC's 2018 book
# (`eclac-2018-korea-lac`, Chapters II–V). Every proposal, recommendation or suggestion is a row
# of `data/cooperation/proposals_<source>.csv`, with its lines, proposer, the Korean models and
# partner organisations it names, and a gist in our own words.
#
# ## 8. Coding the proposals: a measurement, done twice
#
# Theme, instrument and addressee come from the codebook `data/cooperation/proposals_codebook.yaml`
# (codes with definitions and written rules). Two coders coded every item independently; the table
# gives their agreement per field (Cohen's κ: 1 is perfect agreement, 0 is what chance alone would
# give). Every disagreement was resolved by rereading the item against the rules; the resolved
# codes are used from here on, and each resolution is listed with its reason.

# %%
REGISTERS = ("proposals_eclac2006", "proposals_eclac2016", "proposals_sela2016", "proposals_eclac2018")
CODING = "proposals_coding"
SELA_ACTIVITIES, SELA_STEPS, SELA_PARTNERS = "sela2016_activities", "sela2016_schedule_steps", "sela2016_activity_partners"
TF_SEQUENCING, ICT_BARRIERS = "eclac2006_t01_tf_sequencing", "eclac2006_narrative_ict_barriers"
PARTICIPANTS, AGENDA = "eclac2016_annex3_participants", "eclac2016_annex2_agenda"
FEALAC_EVENTS = "eclac2006_narrative_events"
DOC_YEAR = {"eclac-2006-fealac-ict-smes": 2006, "eclac-2016-korea-celac": 2016, "sela-2016-work-programme-2017": 2017,
            "eclac-2018-korea-lac": 2018}
DOC_SHORT = {key: label(f"cooperation_doc_{key.replace('-', '_')}") for key in DOC_YEAR}
assert tuple(DOC_YEAR) == PROPOSAL_SOURCES

register = pd.concat([chapter.load(n) for n in REGISTERS], ignore_index=True)
coding = chapter.load(CODING)
assert register["proposal_id"].is_unique and set(coding["proposal_id"]) == set(register["proposal_id"])
proposals = register.merge(coding[["proposal_id", "theme", "instrument", "addressee"]], on="proposal_id", validate="1:1")
proposals["document"] = proposals["source"].map(DOC_SHORT)
proposals["family"] = proposals["theme"] + ":" + proposals["instrument"]  # the codebook's written rule

def code_label(field, code):
    """A codebook code in the run's language (cooperation_<field>_<code>)."""
    return label(f"cooperation_{field}_{code}")


agreement = []
for field in ("theme", "instrument", "addressee"):
    a, b = coding[f"{field}_a"].tolist(), coding[f"{field}_b"].tolist()
    agreement.append({label("cooperation_field_coded"): label(f"cooperation_coded_{field}"),
                      label("cooperation_items"): len(a),
                      label("cooperation_agreed"): sum(x == y for x, y in zip(a, b)),
                      label("cooperation_observed_agreement"): round(100 * sum(x == y for x, y in zip(a, b)) / len(a), 1),
                      "κ": round(cohen_kappa(a, b), 3)})
agreement = pd.DataFrame(agreement)
chapter.table(agreement, "6.15", sources=[CODING], n=len(coding))

# %%
disagreements = []
for field in ("theme", "instrument", "addressee"):
    d = coding[coding[f"{field}_a"] != coding[f"{field}_b"]]
    for r in d.itertuples():
        disagreements.append({"proposal_id": r.proposal_id, "field": label(f"cooperation_coded_{field}"),
                              "coder_a": code_label(field, getattr(r, f"{field}_a")),
                              "coder_b": code_label(field, getattr(r, f"{field}_b")),
                              "resolved": code_label(field, getattr(r, field)), "reason": r.resolution})
disagreements = pd.DataFrame(disagreements, columns=["proposal_id", "field", "coder_a", "coder_b", "resolved", "reason"])
assert disagreements["reason"].notna().all() and (disagreements["reason"].str.len() > 0).all(), "a disagreement without its reason"
chapter.table(disagreements.rename(columns={
    "proposal_id": label("cooperation_proposal"), "field": label("cooperation_field_coded"), "coder_a": label("cooperation_coder_a"),
    "coder_b": label("cooperation_coder_b"), "resolved": label("cooperation_resolved"), "reason": label("cooperation_reason")}),
    "6.16", sources=[CODING], n=len(disagreements))

# %% [markdown]
# ## 9. Who proposes what: proposals by document, theme and addressee
#
# Counts of the coded items, all documents together (the lists further down follow the `theme`,
# `source` and `addressee` parameters). A proposal with sub-items counts once per item, parents
# included, as the documents print them.

# %%
by_theme = pd.crosstab(proposals["theme"], proposals["source"]).reindex(index=list(THEMES), columns=list(DOC_YEAR), fill_value=0)
by_theme = by_theme[by_theme.sum(axis=1) > 0]
theme_view = by_theme.rename(index=lambda t: label(f"cooperation_theme_{t}"), columns=DOC_SHORT)
theme_view[label("cooperation_total")] = theme_view.sum(axis=1)
chapter.table(theme_view.reset_index(names=label("cooperation_coded_theme")), "6.17", sources=list(REGISTERS) + [CODING])

fig, ax = plt.subplots(figsize=(8, 5.2))
share = 100 * by_theme / by_theme.sum()
im = ax.imshow(share.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
ax.set_xticks(range(len(share.columns)), [DOC_SHORT[c] for c in share.columns])
ax.set_yticks(range(len(share.index)), [label(f"cooperation_theme_{t}") for t in share.index])
for i in range(share.shape[0]):
    for j in range(share.shape[1]):
        n = by_theme.iat[i, j]
        if n:
            ax.text(j, i, f"{n}", ha="center", va="center", fontsize=9, color="white" if share.iat[i, j] > 20 else "black")
ax.grid(False)
fig.colorbar(im, ax=ax, label=label("cooperation_share_of_document"))
ax.set_title(label("cooperation_figure_6_5_title"), loc="left")
chapter.figure(fig, "6.5", data=by_theme.reset_index().melt(id_vars="theme", var_name="source", value_name="proposals"),
               sources=list(REGISTERS) + [CODING])

by_addressee = pd.crosstab(proposals["addressee"], proposals["source"]).reindex(index=list(ADDRESSEES), columns=list(DOC_YEAR), fill_value=0)
addressee_view = by_addressee.rename(index=lambda a: label(f"cooperation_addressee_{a}"), columns=DOC_SHORT)
addressee_view[label("cooperation_total")] = addressee_view.sum(axis=1)
chapter.table(addressee_view.reset_index(names=label("cooperation_coded_addressee")), "6.18", sources=list(REGISTERS) + [CODING])

# %% [markdown]
# ## 10. Which ideas persist: proposal families across 2006–2018
#
# A family is every proposal with the same resolved theme and instrument (the codebook's rule). A
# family recurs when two or more documents propose it. The chart shows the families that three or
# more of the four documents propose — the ideas that persist from 2006 to 2018; the table lists
# every recurring family with the number of proposals per document.

# %%
families = pd.crosstab(proposals["family"], proposals["source"]).reindex(columns=list(DOC_YEAR), fill_value=0)
families["documents"] = (families[list(DOC_YEAR)] > 0).sum(axis=1)
families["first"] = [min(DOC_YEAR[s] for s in DOC_YEAR if row[s] > 0) for _, row in families.iterrows()]
recurring = families[families["documents"] >= 2].sort_values(["documents", "first"], ascending=[False, True])
once = families[families["documents"] == 1]


def family_name(f):
    theme, instrument = f.split(":")
    return f"{label(f'cooperation_theme_{theme}')} — {label(f'cooperation_instrument_{instrument}')}"


persistent = recurring[recurring["documents"] >= 3]
docs = list(DOC_YEAR)
fig, ax = plt.subplots(figsize=(8, 0.4 * len(persistent) + 1.6))
for i, (f, row) in enumerate(persistent.iterrows()):
    for j, doc in enumerate(docs):
        if row[doc]:
            ax.scatter(j, i, s=30 + 20 * row[doc], color="C0", alpha=0.8)
            ax.text(j + 0.12, i, str(row[doc]), va="center", fontsize=8)
ax.set_yticks(range(len(persistent)), [family_name(f) for f in persistent.index], fontsize=8)
ax.invert_yaxis()
ax.set_xticks(range(len(docs)), [DOC_SHORT[d] for d in docs], fontsize=9)
ax.set_xlim(-0.5, len(docs) - 0.3)
ax.set_title(label("cooperation_figure_6_6_title"), loc="left")
chapter.figure(fig, "6.6", data=persistent.reset_index(), sources=list(REGISTERS) + [CODING], n=len(persistent))

family_view = recurring.copy()
family_view.insert(0, "family", [family_name(f) for f in family_view.index])
chapter.table(family_view.rename(columns={**DOC_SHORT, "family": label("cooperation_family"), "documents": label("cooperation_documents"),
                                           "first": label("cooperation_first_year")}),
              "6.19", sources=list(REGISTERS) + [CODING], n=len(recurring), once=len(once))

# %% [markdown]
# ## 11. The Korean models and the partner organisations the proposals cite

# %%
def names(column):
    """One row per (name, document) of a ';'-separated column of the registers."""
    listed = proposals[["source", column]].dropna()
    out = [{"name": n.strip(), "source": src} for src, cell in listed.itertuples(index=False) for n in cell.split(";") if n.strip()]
    return pd.DataFrame(out, columns=["name", "source"])


cited = pd.concat([names("korean_model").assign(kind=label("cooperation_korean_model")),
                   names("partner_orgs").assign(kind=label("cooperation_partner_org"))])
cited_view = (pd.crosstab([cited["kind"], cited["name"]], cited["source"]).reindex(columns=list(DOC_YEAR), fill_value=0)
              .rename(columns=DOC_SHORT))
cited_view[label("cooperation_total")] = cited_view.sum(axis=1)
cited_view = cited_view[cited_view[label("cooperation_total")] >= 2].sort_values(label("cooperation_total"), ascending=False)
chapter.table(cited_view.reset_index().rename(columns={"kind": label("cooperation_kind"), "name": label("cooperation_name")}),
              "6.20", sources=list(REGISTERS))

# %% [markdown]
# ## 12. Proposals and the evidence: what the compendium's numbers say about each gap
#
# For each theme, the exhibits of chapters 1–6 that measure the gap the proposals address, with the
# number computed here from the data (`data/theme_evidence.yaml`: our links, each with its
# expression). A theme no transcribed table measures says so.

# %%
with open(kolac.paths.DATA / "theme_evidence.yaml", encoding="utf-8") as fh:
    evidence = yaml.safe_load(fh)
tables = kolac.expr.Tables(chapter.load)
n_by_theme = proposals["theme"].value_counts()
rows = []
for link in evidence["links"]:
    value = kolac.expr.evaluate(link["expr"], tables)
    rows.append({"theme": label(f"cooperation_theme_{link['theme']}"), "proposals": int(n_by_theme.get(link["theme"], 0)),
                 "exhibit": link["exhibit"], "measure": link["measure"][chapter.lang],
                 "value": f"{value:,.{link['decimals']}f}", "unit": unit_label(link["unit"])})
for theme, why in evidence["unmeasured"].items():
    rows.append({"theme": label(f"cooperation_theme_{theme}"), "proposals": int(n_by_theme.get(theme, 0)), "exhibit": "",
                 "measure": why[chapter.lang], "value": "", "unit": ""})
evidence_view = pd.DataFrame(rows)
chapter.table(evidence_view.rename(columns={
    "theme": label("cooperation_coded_theme"), "proposals": label("cooperation_proposals"), "exhibit": label("cooperation_exhibit"),
    "measure": label("cooperation_measure"), "value": label("cooperation_value"), "unit": label("cooperation_unit")}),
    "6.21", sources=sorted({n for l in evidence["links"] for n in re.findall(r"'([a-z0-9_]+)'", l["expr"]) if n in kolac.catalog.catalog()}))

# %% [markdown]
# ## 13. SELA's 2017 work programme
#
# The 35 activities of the programme by area and programme, and when their 91 steps are scheduled
# (months of 2017; steps that run all year or recur are drawn across the year, a step scheduled in
# December 2016 starts at the left edge). The Foreword's counts of activities are checked in the
# claims audit (section 17).

# %%
activities, steps = chapter.load(SELA_ACTIVITIES), chapter.load(SELA_STEPS)
assert len(activities) == 35 and len(steps) == 91 and set(steps["code"]) == set(activities["code"])
PROGRAMME_KEY = {"I.1": "integration", "I.2": "integration", "I.3": "trade_facilitation", "I.4": "trade_facilitation",
                 "I.5": "ict", "I.6": "ict", "II.1": "cooperation", "II.2": "smes", "III.1": "extra_regional"}
project = activities["code"].str.rsplit(".", n=1).str[0]
assert activities.groupby(project.map(PROGRAMME_KEY))["programme"].nunique().eq(1).all(), "a programme key covers two printed programmes"
programme_of = dict(zip(activities["code"], project.map(PROGRAMME_KEY)))
programmes = list(dict.fromkeys(programme_of.values()))
gantt = steps.assign(programme=steps["code"].map(programme_of))
gantt["start"] = gantt["start_month"].where(~gantt["schedule_printed"].str.contains("2016", na=False), 1)
gantt["end"] = gantt["end_month"].fillna(gantt["start"])
gantt.loc[gantt["recurring"].astype(bool) & gantt["start"].isna(), ["start", "end"]] = [1, 12]
gantt["end"] = gantt[["start", "end"]].max(axis=1)
drawn = gantt.dropna(subset=["start"])
fig, ax = plt.subplots(figsize=(8, 8))
order = list(activities["code"])
for r in drawn.itertuples():
    y = order.index(r.code)
    ax.barh(y, r.end - r.start + 1, left=r.start - 0.5, height=0.6, color=f"C{programmes.index(r.programme)}", alpha=0.75)
ax.set_yticks(range(len(order)), order, fontsize=7)
ax.invert_yaxis()
ax.set_xticks(range(1, 13), [label(f"cooperation_month_{m}") for m in range(1, 13)], fontsize=8)
ax.set_xlim(0.5, 12.5)
handles = [plt.Rectangle((0, 0), 1, 1, color=f"C{i}", alpha=0.75) for i in range(len(programmes))]
ax.legend(handles, [label(f"cooperation_sela_{p}") for p in programmes], loc="upper center", bbox_to_anchor=(0.5, -0.05), ncol=3,
          fontsize=8, frameon=False)
ax.set_title(label("cooperation_figure_6_7_title"), loc="left")
chapter.figure(fig, "6.7", data=drawn[["code", "step_no", "schedule_printed", "start", "end", "recurring", "programme"]],
               sources=[SELA_ACTIVITIES, SELA_STEPS], undrawn=len(gantt) - len(drawn))

sela_view = pd.crosstab(activities["code"].map(programme_of).rename(label("cooperation_programme")), activities["activity_type"])
sela_view = sela_view.reindex(programmes).rename(index=lambda p: label(f"cooperation_sela_{p}"),
                                                  columns=lambda t: label(f"cooperation_activity_{t}"))
sela_view[label("cooperation_total")] = sela_view.sum(axis=1)
chapter.table(sela_view.reset_index(), "6.22", sources=[SELA_ACTIVITIES])
partners = chapter.load(SELA_PARTNERS)
partner_view = partners.groupby("organisation").agg(activities=("code", lambda c: ", ".join(sorted(set(c)))),
                                                    roles=("role", lambda r: sorted(set(r)))).reset_index()
partner_view = partner_view[partner_view["activities"].str.contains(",") | partner_view["roles"].map(lambda r: bool({"financier", "co_organiser"} & set(r)))]
partner_view["roles"] = [", ".join(label(f"cooperation_role_{x}") for x in r) for r in partner_view["roles"]]
chapter.table(partner_view.rename(columns={"organisation": label("cooperation_name"), "activities": label("cooperation_activities"),
                                           "roles": label("cooperation_roles")}), "6.23", sources=[SELA_PARTNERS])

# %% [markdown]
# ## 14. FEALAC 2006: the sequencing of trade-facilitation measures and the barriers to ICT use
#
# The sequencing table prints stage codes A, B, C without defining them; some are Greek or Cyrillic
# capitals that look like Latin ones (kept as printed in the data, read as A/B/C here). Two printed
# lines hold two measures each; they are split in order and flagged. The list of barriers announces
# 13 problems but repeats the first one as the thirteenth (claim in section 17). Then the FEALAC
# meetings and events the study reports.

# %%
tf = chapter.load(TF_SEQUENCING)
assert len(tf) == 12 and tf["inferred"].sum() == 4
chapter.table(tf.sort_values("measure_no")[["measure_no", "measure", "sequencing", "inferred"]].rename(columns={
    "measure_no": "TF", "measure": label("cooperation_measure"), "sequencing": label("cooperation_sequencing"),
    "inferred": label("cooperation_inferred")}), "6.24", sources=[TF_SEQUENCING])
barriers = chapter.load(ICT_BARRIERS)
chapter.table(barriers[["barrier_no", "sub_no", "barrier", "duplicate_of"]].rename(columns={
    "barrier_no": "#", "sub_no": "", "barrier": label("cooperation_barrier"), "duplicate_of": label("cooperation_duplicate_of")}),
    "6.25", sources=[ICT_BARRIERS])

# %%
events = chapter.load(FEALAC_EVENTS)
chapter.table(events[["event", "date_printed", "place", "attendance", "line"]].rename(columns={
    "event": label("cooperation_event"), "date_printed": label("cooperation_date"), "place": label("cooperation_place"),
    "attendance": label("cooperation_attendance"), "line": label("line")}), "6.26", sources=[FEALAC_EVENTS])

# %% [markdown]
# ## 15. The 2016 seminar: who suggested what
#
# The suggestions of the academic seminar of April 2016 (Annex 1 of the 2016 document), by session
# and by the speaker's country and institution as printed there or in the list of participants;
# then the seminar's agenda (Annex 2).

# %%
seminar = proposals[proposals["block"].str.startswith("Annex 1", na=False)].copy()
seminar["session"] = [f"{label('cooperation_session')} {b.rsplit(' ', 1)[1]}" for b in seminar["block"]]
ISO_OF = {kolac.labels.country(i, "en"): i for i in kolac.labels.country_codes()}  # the register prints English names
seminar_view = (seminar.assign(country=[chapter.country_name(ISO_OF[c]) if c in ISO_OF else (c if isinstance(c, str) else "—")
                                        for c in seminar["proposer_country"]])
                .groupby(["session", "proposer", "country", "proposer_institution"], dropna=False)
                .agg(suggestions=("proposal_id", "size"), themes=("theme", lambda t: ", ".join(label(f"cooperation_theme_{x}") for x in dict.fromkeys(t))))
                .reset_index())
chapter.table(seminar_view.rename(columns={
    "session": label("cooperation_session"), "proposer": label("cooperation_speaker"), "country": label("country"),
    "proposer_institution": label("cooperation_institution"), "suggestions": label("cooperation_proposals"),
    "themes": label("cooperation_coded_theme")}), "6.27", sources=["proposals_eclac2016", PARTICIPANTS, CODING])

# %%
agenda = chapter.load(AGENDA)
chapter.table(agenda[["session", "time_printed", "title", "speakers"]].fillna({"session": ""}).rename(columns={
    "session": label("cooperation_session"), "time_printed": label("cooperation_time"), "title": label("cooperation_slot"),
    "speakers": label("cooperation_speaker")}), "6.28", sources=[AGENDA])

# %% [markdown]
# ## 16. The proposals, selected by the parameters, and those that name the focus country
#
# The list follows `theme`, `source` and `addressee` (all by default); then the proposals that name
# `focus_country`, next to part I's record of what Korea already does there (Table 6.14).

# %%
chosen = proposals
if chapter.theme != "all":
    chosen = chosen[chosen["theme"] == chapter.theme]
if chapter.source != "all":
    chosen = chosen[chosen["source"] == chapter.source]
if chapter.addressee != "all":
    chosen = chosen[chosen["addressee"] == chapter.addressee]
columns = {"proposal_id": label("cooperation_proposal"), "document": label("cooperation_document"), "line": label("line"),
           "proposer": label("cooperation_speaker"), "gist": label("cooperation_gist"), "theme": label("cooperation_coded_theme"),
           "instrument": label("cooperation_coded_instrument"), "addressee": label("cooperation_coded_addressee")}


def coded(df):
    out = df[list(columns)].copy()
    for field in ("theme", "instrument", "addressee"):
        out[field] = [code_label(field, c) for c in out[field]]
    return out.rename(columns=columns)


chapter.table(coded(chosen), "6.29", sources=list(REGISTERS) + [CODING], n=len(chosen))
naming = proposals[proposals["countries_iso3"].fillna("").str.split(";").map(lambda cs: fc in [c.strip() for c in cs])]
if naming.empty:
    print(label("cooperation_no_proposal_names", country=fname))
else:
    chapter.table(coded(naming), "6.30", sources=list(REGISTERS) + [CODING], country=fname, n=len(naming))

# %% [markdown]
# ## 17. Claims audit and known defects
#
# The narrative numbers of the five documents on cooperation, recomputed from the tables where a
# table can decide them (`data/claims.csv`; statuses are computed, never typed). Among them: the
# 2016 document's "US$ 1.31 billion of Korean ODA in 2013" is the **bilateral** total of Table 36,
# not the total of Table 35 (US$ 1 755 million); DEEP "since 2012" against projects from 2011; the
# SELA Foreword's counts of activities per programme against the register; FEALAC's "13 most common
# problems", of which 12 are distinct. Then every printed defect of this chapter's tables: the
# corrections register (none for this chapter) and the defects the sidecars document.

# %%
audit = chapter.claims_audit("6.31")
print(", ".join(f"{k}: {v}" for k, v in audit["status"].value_counts().items()))

# %%
defects = chapter.known_defects("6.32")

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.documents.figures_not_reproduced("cooperation")
