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
# # Chapter 5 — Trade promotion agencies: Latin America and Korea's KOTRA
#
# This notebook rebuilds, from the transcribed tables in `data/tpas/`, what the sources print
# about the trade promotion agencies (TPAs) of Latin America and the Caribbean (LAC) and about
# Korea's KOTRA, reconciles the two printings of the same 2015 table cell by cell, and checks the
# narrative claims against the tables.
#
# **Sources used here**
#
# * `eclac-2016-korea-celac` Table 12 and `eclac-2018-korea-lac` Table 20 — the same 2015
#   statistics of 18 LAC agencies and KOTRA, printed twice with some cells different.
# * `itc-2015-smes-gvc-latam` Table A4 (17 LAC agencies: year established, budget 2007–2009) and
#   Table 6 (public support to SMEs and agency budgets, with Spain, Korea and the United States).
# * `eclac-2018-korea-lac` Tables 32 and 34 — KOTRA's main programmes for SME exports and for
#   SMEs' outward FDI.
# * A derived agency register (`eclac2018_t20_agency_register`) that links these tables by
#   country and keeps every printed name and founding year side by side.
# * The institutions register (`institutions_register`, with the lines that name each body in
#   `institutions_mentions`, both in `data/cooperation/`): one row per institution, its printed
#   names and the founding year each source prints. Every agency row of the tables above is
#   matched to it (next cell); sections 1 and 7 use it.
#
# `source_copy` chooses which printing of the 2015 table the exhibits use. No cell of these
# tables is in `data/corrections.yaml` (section 1 explains why), so `apply_corrections` changes
# nothing here. Try `python -m kolac run tpas -p focus_country PER -p source_copy eclac-2018-korea-lac`.

# %% tags=["parameters"]
lang: str = "en"  # language of labels, captions and table headers: en | es
countries: str = "all"  # ISO3 codes to show, comma-separated (e.g. 'CHL,PER'), or 'all'
fig_format: str = "png"  # figure file format: png | svg
output_dir: str = "outputs"  # where exhibits are written, relative to the repository root
apply_corrections: bool = True  # use corrected values from data/corrections.yaml (False: as printed)
focus_country: str = "CHL"  # country whose agency is profiled against KOTRA and the regional median (ISO3)
source_copy: str = "eclac-2016-korea-celac"  # which printing of the 2015 agency statistics to use: eclac-2016-korea-celac | eclac-2018-korea-lac

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
import statsmodels.api as sm

import kolac
from kolac.catalog import resource
from kolac.checks import compare_printings
from kolac.data import load

chapter = kolac.setup("tpas", globals())
T12 = "eclac2016_t12_tpa_statistics_2015"
T20 = "eclac2018_t20_tpa_statistics_2015"
A4 = "itc2015_ta4_tpas_by_country"
T6 = "itc2015_t06_sme_public_support"
T32 = "eclac2018_t32_kotra_sme_export_programs"
T34 = "eclac2018_t34_kotra_ofdi_measures"
REG = "eclac2018_t20_agency_register"
INST, MENT = "institutions_register", "institutions_mentions"

COPY = {"eclac-2016-korea-celac": T12, "eclac-2018-korea-lac": T20}[chapter.source_copy]
COPY_LABEL = {T12: "eclac-2016 Table 12", T20: "eclac-2018 Table 20"}[COPY]
tpa = chapter.load(COPY)
itc_tpas = chapter.load(A4)
itc_support = chapter.load(T6)
reg = chapter.load(REG)
inst = chapter.load(INST).set_index("institution_id")
mentions = chapter.load(MENT)
NAME = dict(zip(reg["iso3"], reg["name"]))  # latest printed agency name, for figure labels
PAL = sns.color_palette()


def keep_k(df):
    """The selected countries, always with KOTRA (the benchmark)."""
    return df[df.index.isin(chapter.selected(df).index) | (df["iso3"] == "KOR")]


lac = tpa[tpa["iso3"] != "KOR"]
kotra = tpa[tpa["iso3"] == "KOR"].iloc[0]
assert len(lac) == 18 and kotra["agency"] == "KOTRA"

# %% [markdown]
# **The agency rows in the institutions register.** A row of an agency table is matched to the
# register through `institutions_mentions`: a mention tied to the same table (its `resource`)
# whose line falls within the row's printed lines — from the row's line to the line before the
# next row's (the last row to the table's last line) — and whose printed name stands in the row's
# agency cell. The printed lines matter in eclac-2018 Table 20, where the row's line is the country
# label and the agency name is printed two lines below it (Brazil's 34 lines below, after the
# header). The derived agency register has no mentions of its own: its rows are matched through the
# table lines it records. Every row must name at least one institution of the register, except ITC
# Table 6's United States row, whose cell ("Various government agencies") names no single body, and
# every trade promotion agency named on an agency row must be matched to one; both are asserted.

# %%
AGENCY_TABLES = [T12, T20, A4, T6]


def row_institutions(name):
    """One row per (table row, institution named on it)."""
    t = load(name, corrected=False).sort_values("line").reset_index(drop=True)
    stops = list(t["line"].iloc[1:]) + [resource(name)["lines"][1] + 1]
    m = mentions[mentions["resource"] == name]
    out = []
    for (_, r), stop in zip(t.iterrows(), stops):
        hit = m[m["line"].between(r["line"], stop - 1) & m["name_printed"].map(lambda n: n in r["agency"])]
        hit = hit.iloc[hit["name_printed"].map(r["agency"].find).argsort()]  # in the cell's order
        out += [{"table": name, "iso3": r["iso3"], "row_line": int(r["line"]), "institution_id": i,
                 "name_printed": n, "mention_line": int(ml)}
                for i, n, ml in zip(hit["institution_id"], hit["name_printed"], hit["line"])]
        if hit.empty:
            out.append({"table": name, "iso3": r["iso3"], "row_line": int(r["line"])})
    return pd.DataFrame(out)


joined = pd.concat([row_institutions(n) for n in AGENCY_TABLES], ignore_index=True)
no_body = joined[joined["institution_id"].isna()]
assert list(zip(no_body["table"], no_body["iso3"])) == [(T6, "USA")], no_body
joined = joined.dropna(subset=["institution_id"]).astype({"mention_line": int})
below = joined[joined["table"] == T20].set_index("iso3").eval("mention_line - row_line")
assert set(below.drop("BRA")) == {2} and below["BRA"] == 34  # Table 20: the name below the country line
assert (inst.loc[joined["institution_id"], "type"] == "trade_promotion_agency").all()
tied = mentions[mentions["resource"].isin(AGENCY_TABLES)]
missed = tied.merge(joined, left_on=["resource", "line", "institution_id"],
                    right_on=["table", "mention_line", "institution_id"], how="left", indicator=True)
missed = missed[missed["_merge"] == "left_only"]
assert not (inst.loc[missed["institution_id"], "type"] == "trade_promotion_agency").any(), missed
REG_LINES = {T20: "line", T12: "line_eclac2016", A4: "line_itc_a4", T6: "line_itc_t6"}
reg_link = pd.concat([reg[["agency_id", col]].dropna().astype({col: int}).rename(columns={col: "row_line"}).assign(table=t)
                      for t, col in REG_LINES.items()]).merge(joined, on=["table", "row_line"])
assert set(reg["agency_id"]) - set(reg_link["agency_id"]) == {"TPA-USA"}

# %% [markdown]
# ## 1. The 2015 agency statistics and the two printings
#
# The table as printed in the chosen copy, in its printed order; KOTRA is in bold. In the 2018
# copy, Korea's four printed values are out of column order and were placed using the 2016 copy
# (flagged as inferred).

# %%
cols = ["agency", "founded_printed", "staff", "offices_abroad_2010", "offices_abroad_2015", "offices_home",
        "budget_exports_pct"]
heads = {"agency": chapter.label("tpas_agency"), "founded_printed": chapter.label("tpas_founded")} | {
    c: chapter.label(f"tpas_{c}") for c in cols[2:]}
view = keep_k(tpa).copy()
view.insert(0, chapter.label("country"), [chapter.country_name(i) for i in view["iso3"]])
view[chapter.label("tpas_inferred")] = view["inferred"].map({True: chapter.label("tpas_yes"), False: ""})
view = view[[chapter.label("country")] + cols + [chapter.label("tpas_inferred")]].rename(columns=heads)
chapter.table(view, "5.1", sources=[COPY], copy=COPY_LABEL,
              fmt={chapter.label("tpas_budget_exports_pct"): "{:.3f}"} | {heads[c]: "{:,.0f}" for c in cols[2:6]},
              highlight=lambda row: row[heads["agency"]] == "KOTRA")

# %% [markdown]
# **Cell-by-cell reconciliation.** Both copies are read as printed and joined on the ISO3 code;
# every compared cell that differs is listed below with both values. The list is asserted, so a
# transcription change that adds or removes a difference stops the notebook. Of the eight
# differences, three are spellings of a country name, one is OCR damage, three are founding years
# and one is a number:
#
# * **Founding years** (Bolivia, Colombia, El Salvador): the 2018 copy prints the year of the
#   latest re-creation, the 2016 copy an earlier one. The institutions register keeps each year
#   under its source and explains the difference in its note; ITC Table A4's row for the same
#   country prints the span 1998–2008, 1992 and 2004. For Colombia that row's Proexport is the
#   same body in the register; Bolivia's Promueve Bolivia and El Salvador's EXPORTA are bodies the
#   register keeps apart from PROBOLIVIA and PROESA, so their years back the ECLAC years only
#   through the country. They are different events, not misprints: both years are kept and none is
#   corrected.
# * **El Salvador's offices abroad in 2015** (13 against 7): no other source prints this count,
#   so neither value can be shown to be wrong. The contradiction is listed and **not corrected**;
#   `source_copy` decides which value the exhibits use.
#
# The kind of each difference and its evidence are derived, not typed: a country column is a
# spelling of the name (the rows are joined on the ISO3 code); an agency column is read through
# the institutions register (which bodies each cell names); a founding year is a different event
# where the register keeps both years under their sources; any other number is unresolved. The
# evidence columns quote the register (its identity decisions and its notes, which are in English
# in both languages).

# %%
COMPARED = ["country", "agency", "founded_printed", "staff", "offices_abroad_2010", "offices_abroad_2015",
            "offices_home", "budget_exports_pct"]
printed_2016 = load(T12, corrected=False)  # both copies as printed, whatever apply_corrections says
printed_2018 = load(T20, corrected=False)
assert set(printed_2016["iso3"]) == set(printed_2018["iso3"])
differences = compare_printings(printed_2016, printed_2018, key="iso3", columns=COMPARED,
                               names=("eclac2016", "eclac2018"))
diffs = list(zip(differences["iso3"], differences["column"]))
printed_2016, printed_2018 = printed_2016.set_index("iso3"), printed_2018.set_index("iso3")
assert sorted(diffs) == [("BOL", "country"), ("BOL", "founded_printed"), ("COL", "founded_printed"),
                         ("DOM", "country"), ("KOR", "country"), ("NIC", "agency"), ("SLV", "founded_printed"),
                         ("SLV", "offices_abroad_2015")], f"the two copies now differ in {sorted(diffs)}"

# %%
# the kind and the evidence of each difference, read from the institutions register
itc_tpas_by_iso = itc_tpas.set_index("iso3")
SOURCE_OF = {T12: "eclac-2016-korea-celac", T20: "eclac-2018-korea-lac", A4: "itc-2015-smes-gvc-latam"}


def years_created(iid):
    """The founding year the register gives the body, per source key."""
    text = inst.at[iid, "years_created"]
    return dict(part.split(": ", 1) for part in text.split("; ")) if pd.notna(text) else {}


def bodies(table, iso):
    return joined[(joined["table"] == table) & (joined["iso3"] == iso)]


def kind(iso, col, v16, v18):
    if col == "country":
        return "label"
    if col == "agency":
        return "name"
    if col == "founded_printed":
        kept = all(any(years_created(i).get(SOURCE_OF[t]) == v for i in bodies(t, iso)["institution_id"])
                   for t, v in ((T12, v16), (T20, v18)))
        return "founding" if kept else "unresolved"
    return "unresolved"


def named(rows):
    return ", ".join(f"{n} ({i})" for i, n in zip(rows["institution_id"], rows["name_printed"])) or "–"


def evidence(iso, k):
    if k == "label":
        return chapter.label("tpas_ev_label", iso3=iso)
    if k == "unresolved":
        return chapter.label("tpas_ev_none")
    b16, b18 = bodies(T12, iso), bodies(T20, iso)
    if k == "name":
        ids = set(b16["institution_id"]) | set(b18["institution_id"])
        itc = joined[joined["table"].isin([A4, T6]) & joined["institution_id"].isin(ids)].drop_duplicates("institution_id")
        in_itc = chapter.label("tpas_ev_itc", itc=named(itc)) if len(itc) else chapter.label("tpas_ev_not_in_itc")
        return chapter.label("tpas_ev_name", b16=named(b16), b18=named(b18)) + "; " + in_itc
    parts = []
    for r in bodies(A4, iso).itertuples():  # ITC Table A4's row for the same country
        relation = "tpas_ev_same_body" if r.institution_id in set(b18["institution_id"]) else "tpas_ev_other_body"
        parts.append(chapter.label("tpas_ev_founding", a4=itc_tpas_by_iso.at[iso, "year_established"], line=r.row_line,
                                   itc=r.name_printed, relation=chapter.label(relation)))
    notes = inst.loc[b18["institution_id"], "year_differences"].dropna()
    parts += [chapter.label("tpas_ev_register_note", note=n) for n in notes]
    return "; ".join(parts)


KIND = {(iso, c): kind(iso, c, v16, v18) for iso, c, v16, v18 in differences.itertuples(index=False)}

# %%
recon = pd.DataFrame([{
    chapter.label("country"): chapter.country_name(iso),
    chapter.label("tpas_field"): chapter.label("country") if c == "country" else heads.get(c, c),
    chapter.label("tpas_value_2016"): str(v16), chapter.label("tpas_value_2018"): str(v18),
    chapter.label("tpas_lines"): f"{printed_2016.at[iso, 'line']}; {printed_2018.at[iso, 'line']}",
    chapter.label("tpas_kind"): chapter.label(f"tpas_kind_{KIND[(iso, c)]}"),
    chapter.label("tpas_evidence"): evidence(iso, KIND[(iso, c)]),
    chapter.label("tpas_resolution"): chapter.label(f"tpas_res_{KIND[(iso, c)]}"), "iso3": iso,
} for iso, c, v16, v18 in differences.itertuples(index=False)])
chapter.table(chapter.selected(recon).drop(columns="iso3"), "5.2", sources=[T12, T20, A4, INST, MENT])

# %% [markdown]
# The agency register links the agencies of the four tables by country and keeps every founding
# year as printed. Where the sources disagree, the years are listed side by side, never merged:
# beyond the two ECLAC copies, ITC Table A4 also prints Ecuador's agency as the span 1997–2011
# against 2010 in both ECLAC copies. Linking by country puts some bodies the institutions register
# keeps apart on one row (Bolivia's and El Salvador's ITC agencies among them); Table 5.10 in
# section 7 lists the same agencies one row per institution.

# %%
# the register copies the prints
for src, col in ((printed_2016, "founded_eclac2016"), (printed_2018, "founded_eclac2018")):
    r = reg.set_index("iso3")[col].dropna()
    assert (r == src.loc[r.index, "founded_printed"]).all(), col
fy = chapter.selected(reg[reg["founded_differ"].fillna(False)])
assert sorted(reg.loc[reg["founded_differ"].fillna(False), "iso3"]) == ["BOL", "COL", "ECU", "SLV"]
fy = fy.assign(**{chapter.label("country"): [chapter.country_name(i) for i in fy["iso3"]]})[
    [chapter.label("country"), "name", "founded_eclac2016", "founded_eclac2018", "founded_itc_a4", "agency_itc_a4"]].rename(
    columns={"name": chapter.label("tpas_agency"), "founded_eclac2016": chapter.label("tpas_value_2016"),
             "founded_eclac2018": chapter.label("tpas_value_2018"), "founded_itc_a4": chapter.label("tpas_itc_a4"),
             "agency_itc_a4": chapter.label("tpas_itc_a4") + " — " + chapter.label("tpas_agency")})
chapter.table(fy, "5.3", sources=[REG, T12, A4])

# %% [markdown]
# ## 2. Offices abroad, 2010 → 2015, and staff per office
#
# Most LAC agencies have few or no offices abroad; five (Chile, Mexico, Peru, Ecuador, Colombia)
# hold most of the region's network. KOTRA, with 125 offices abroad in 2015 (its 2010 cell is
# blank in both copies), is left out of the first chart so that the LAC agencies stay readable.

# %%
d = chapter.selected(lac).sort_values(["offices_abroad_2015", "offices_abroad_2010"]).reset_index(drop=True)
d["label"] = [f"{NAME[i]} ({chapter.country_name(i)})" for i in d["iso3"]]
fig, ax = plt.subplots(figsize=(8, 0.32 * len(d) + 1.4))
ax.hlines(d.index, d["offices_abroad_2010"], d["offices_abroad_2015"], color="0.7", lw=2, zorder=1)
ax.scatter(d["offices_abroad_2010"], d.index, color=PAL[0], label=chapter.label("tpas_year_2010"), zorder=2)
ax.scatter(d["offices_abroad_2015"], d.index, color=PAL[1], label=chapter.label("tpas_year_2015"), zorder=3)
ax.set_yticks(d.index, d["label"])
ax.set_xlabel(chapter.label("tpas_offices_abroad"))
ax.legend(title="", loc="lower right")
chapter.figure(fig, "5.1", data=d[["iso3", "agency", "offices_abroad_2010", "offices_abroad_2015"]], sources=[COPY],
               n=len(d))

# %% [markdown]
# Staff per office abroad divides the 2015 staff by the 2015 offices abroad. It is defined only
# for agencies with at least one office abroad and a printed staff count; the others are named
# below the chart. A high ratio means the staff sit mostly at home.

# %%
s = keep_k(tpa)
s = s[(s["offices_abroad_2015"] > 0) & s["staff"].notna()].copy()
s["staff_per_office"] = (s["staff"] / s["offices_abroad_2015"]).astype(float).round(2)
s = s.sort_values("staff_per_office").reset_index(drop=True)
s["label"] = [f"{NAME[i]} ({chapter.country_name(i)})" for i in s["iso3"]]
fig, ax = plt.subplots(figsize=(8, 0.32 * len(s) + 1.4))
ax.barh(s["label"], s["staff_per_office"], color=[PAL[2] if i == "KOR" else PAL[0] for i in s["iso3"]])
ax.set_xlabel(chapter.label("tpas_staff_per_office"))
chapter.figure(fig, "5.2", data=s[["iso3", "agency", "staff", "offices_abroad_2015", "staff_per_office"]], sources=[COPY],
               n=len(s))
left_out = keep_k(tpa)[~keep_k(tpa)["iso3"].isin(s["iso3"])]
print(chapter.label("tpas_left_out") + ": "
      + ", ".join(f"{NAME[i]} ({chapter.country_name(i)})" for i in left_out["iso3"]))

# %% [markdown]
# ## 3. Budget intensity, 2007–2009 and 2015
#
# ITC Table A4 gives each agency's budget as a share of exports for 2007–2009; the ECLAC table
# gives it for 2015. The two are compiled by different authors from different reports, so the
# comparison shows direction rather than precise change. The 2016 and 2018 narratives say that six
# agencies' budgets (Brazil, Chile, Colombia, Costa Rica, Honduras, Panama) fell between 2010 and
# 2015; no table prints 2010, but against 2007–2009 all six are lower in 2015 (so are Argentina's
# and Mexico's), while nine agencies' shares rose.

# %%
both = lac[["iso3", "agency", "budget_exports_pct"]].merge(
    itc_tpas[["iso3", "budget_exports_pct"]].rename(columns={"budget_exports_pct": "budget_2007_2009"}), on="iso3")
both = both.rename(columns={"budget_exports_pct": "budget_2015"})
assert len(both) == 17 and set(lac["iso3"]) - set(both["iso3"]) == {"NIC"}  # Nicaragua is not in Table A4
both["fell"] = both["budget_2015"] < both["budget_2007_2009"]
fell = sorted(both.loc[both["fell"], "iso3"])
assert fell == ["ARG", "BRA", "CHL", "COL", "CRI", "HND", "MEX", "PAN"]  # the six the narratives name, plus two
print(chapter.label("tpas_fell") + ": " + ", ".join(sorted(chapter.country_name(i) for i in fell)))
print(chapter.label("tpas_rose") + ": "
      + ", ".join(sorted(chapter.country_name(i) for i in both.loc[~both["fell"], "iso3"])))

b = chapter.selected(both).sort_values("budget_2015").reset_index(drop=True)
b["label"] = [f"{NAME[i]} ({chapter.country_name(i)})" for i in b["iso3"]]
fig, ax = plt.subplots(figsize=(8, 0.32 * len(b) + 1.4))
ax.hlines(b.index, b["budget_2007_2009"], b["budget_2015"], color="0.7", lw=2, zorder=1)
ax.scatter(b["budget_2007_2009"], b.index, color=PAL[0], label=chapter.label("tpas_period_2007_2009"), zorder=2)
ax.scatter(b["budget_2015"], b.index, color=PAL[1], label=chapter.label("tpas_period_2015", copy=COPY_LABEL), zorder=3)
ax.set_yticks(b.index, b["label"])
ax.set_xlabel(chapter.label("tpas_budget_exports_pct"))
ax.legend(title="", loc="lower right")
chapter.figure(fig, "5.3", data=b[["iso3", "agency", "budget_2007_2009", "budget_2015", "fell"]], sources=[A4, COPY],
               n=len(b))

# %% [markdown]
# ## 4. KOTRA as the benchmark
#
# Each LAC agency's staff, offices and budget intensity in 2015 as a percentage of KOTRA's, with
# the median of the LAC agencies (always over all of them, whatever `countries` shows; the staff
# median leaves out Honduras, printed S/I). The last
# column compares absolute budgets for 2007–2009: ITC Table A4's LAC budgets against KOTRA's
# budget in ITC Table 6 (US$ 165.4 million, a 2009 estimate). The nine countries printed in both
# ITC tables carry the same budget in each (checked below).

# %%
IND = ["staff", "offices_abroad_2015", "offices_home", "budget_exports_pct"]
itc_support_by_iso = itc_support.set_index("iso3")
shared = sorted(set(itc_tpas_by_iso.index) & set(itc_support_by_iso.index))
assert len(shared) == 9
assert (itc_tpas_by_iso.loc[shared, "budget_usd_m"] == itc_support_by_iso.loc[shared, "agency_budget_usd_m"]).all()
kotra_usd = itc_support_by_iso.at["KOR", "agency_budget_usd_m"]

rel = lac[["iso3", "agency"] + IND].copy()
for c in IND:
    rel[c] = (100 * rel[c] / kotra[c]).astype(float).round(1)
rel["budget_usd_m"] = (100 * rel["iso3"].map(itc_tpas_by_iso["budget_usd_m"]) / kotra_usd).astype(float).round(1)
med = {c: round(float(100 * lac[c].median() / kotra[c]), 1) for c in IND}
med["budget_usd_m"] = round(float(100 * itc_tpas["budget_usd_m"].median() / kotra_usd), 1)
bench = pd.concat([chapter.selected(rel),
                   pd.DataFrame([{"iso3": None, "agency": chapter.label("tpas_median")} | med,
                                 {"iso3": "KOR", "agency": chapter.label("tpas_kotra")}
                                 | {c: 100.0 for c in IND + ["budget_usd_m"]}])],
                  ignore_index=True)
heads4 = {c: chapter.label(f"tpas_{c}") + " — " + chapter.label("tpas_pct_of_kotra") for c in IND + ["budget_usd_m"]}
view = bench.copy()
view.insert(0, chapter.label("country"), [chapter.country_name(i) for i in view["iso3"]])
view = view.drop(columns="iso3").rename(columns={"agency": chapter.label("tpas_agency")} | heads4)
focus_name = chapter.country_name(chapter.focus_country)
chapter.table(view, "5.4", sources=[COPY, A4, T6], fmt={h: "{:.1f}" for h in heads4.values()},
              highlight=lambda row: row[chapter.label("country")] == focus_name)

# %%
long = rel.melt(id_vars=["iso3", "agency"], value_vars=IND, var_name="indicator", value_name="pct_of_kotra").dropna()
fig, ax = plt.subplots(figsize=(8, 4))
ypos = {c: k for k, c in enumerate(reversed(IND))}  # staff on top
shown = chapter.selected(long)
other = shown[shown["iso3"] != chapter.focus_country]
ax.scatter(other["pct_of_kotra"], other["indicator"].map(ypos), color=PAL[0], alpha=0.6,
           label=chapter.label("tpas_lac_agencies"))
foc = long[long["iso3"] == chapter.focus_country]
if not foc.empty:
    ax.scatter(foc["pct_of_kotra"], foc["indicator"].map(ypos), color=PAL[3], s=90, marker="D", label=focus_name, zorder=3)
ax.scatter([med[c] for c in ypos], list(ypos.values()), color="black", marker="|", s=400,
           label=chapter.label("tpas_median"), zorder=4)
ax.axvline(100, color=PAL[2], lw=2, label=chapter.label("tpas_kotra"))
ax.set_yticks(list(ypos.values()), [chapter.label(f"tpas_{c}") for c in ypos])
ax.set_xlabel(chapter.label("tpas_pct_of_kotra"))
ax.legend(title="", loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4, fontsize=9)
chapter.figure(fig, "5.4", data=long.assign(median=long["indicator"].map(med)), sources=[COPY], focus=focus_name)

# %% [markdown]
# **Focus country.** The agency of `focus_country` against KOTRA and the LAC median, where the
# tables print it; otherwise the notebook says which table lacks it.

# %%
fc = chapter.focus_country
if fc == "KOR":
    print(chapter.label("tpas_focus_is_kotra", country=focus_name))
elif fc not in set(lac["iso3"]):
    print(chapter.label("tpas_focus_absent", country=focus_name, source=COPY_LABEL))
else:
    r = lac[lac["iso3"] == fc].iloc[0]
    rows = {chapter.label(f"tpas_{c}"): [r[c], kotra[c], lac[c].median(), rel.loc[rel["iso3"] == fc, c].iloc[0]]
            for c in IND}
    if fc in itc_tpas_by_iso.index:
        rows[chapter.label("tpas_budget_usd_m")] = [itc_tpas_by_iso.at[fc, "budget_usd_m"], kotra_usd,
                                                    itc_tpas["budget_usd_m"].median(),
                                                    rel.loc[rel["iso3"] == fc, "budget_usd_m"].iloc[0]]
    rows = {k: [f"{float(v):,.3f}".rstrip("0").rstrip(".") if pd.notna(v) else "–" for v in vals] for k, vals in rows.items()}
    profile = pd.DataFrame(rows, index=[f"{r['agency']} ({focus_name})", "KOTRA", chapter.label("tpas_median"),
                                        chapter.label("tpas_pct_of_kotra")]).T
    print(chapter.label("tpas_focus_caption", country=focus_name) + f" — {COPY_LABEL}")
    print(profile.to_string())
    if pd.isna(r["staff"]):
        print(chapter.label("tpas_focus_no_staff", country=focus_name))
    if fc not in itc_tpas_by_iso.index:
        print(chapter.label("tpas_focus_no_itc", country=focus_name))

# %% [markdown]
# ## 5. Do richer or older agencies have more offices abroad?
#
# An OLS regression of offices abroad in 2015 on budget intensity (budget/exports, %) and agency
# age in 2015, over the LAC agencies whose founding year is printed as a single year (Colombia's
# range drops it from the 2016 copy), with heteroskedasticity-robust HC3 standard errors.
#
# **Caveat.** With 17 or 18 agencies and two regressors this is a description of the printed
# table, not an estimate of a causal effect: one agency (Chile, Mexico) can move a coefficient,
# the founding year means different things in the two copies (first creation or latest
# re-creation), and budget intensity divides by exports, so large exporters look poor. Read the
# signs and the uncertainty, not the point values.

# %%
rd = lac.dropna(subset=["offices_abroad_2015", "budget_exports_pct", "founded"]).copy()
rd["age"] = 2015 - rd["founded"]
X = sm.add_constant(rd[["budget_exports_pct", "age"]].astype(float))
fit = sm.OLS(rd["offices_abroad_2015"].astype(float), X).fit(cov_type="HC3")
n = int(fit.nobs)
assert n == len(rd) and n >= 17
terms = {"const": chapter.label("tpas_const"), "budget_exports_pct": chapter.label("tpas_budget_exports_pct"),
         "age": chapter.label("tpas_age")}
ols = pd.DataFrame({chapter.label("tpas_term"): [terms[k] for k in fit.params.index],
                    chapter.label("tpas_coef"): fit.params.round(2).values,
                    chapter.label("tpas_se_hc3"): fit.bse.round(2).values,
                    chapter.label("tpas_pvalue"): fit.pvalues.round(3).values})
chapter.table(ols, "5.5", sources=[COPY],
              fmt={chapter.label("tpas_coef"): "{:.2f}", chapter.label("tpas_se_hc3"): "{:.2f}",
                   chapter.label("tpas_pvalue"): "{:.3f}"})
dropped = sorted(set(lac["iso3"]) - set(rd["iso3"]))
print(f"n = {n}; R² = {fit.rsquared:.3f}; " + chapter.label("tpas_dropped") + ": "
      + (", ".join(chapter.country_name(i) for i in dropped) or "–"))
print(chapter.label("tpas_ols_caveat", n=n))

# %% [markdown]
# ## 6. KOTRA's programmes for SMEs
#
# The two qualitative tables as printed. In Table 32, two content cells are printed one after the
# other after item (f); they were assigned by meaning — the Hidden Champions roadmap text to the
# World Champ programme (d), the US$28.7 million text to foreign trade expos (f) — and items d–f
# are flagged as inferred. Items (b), (c) and (e) and the last measure of Table 34 have no printed
# content.

# %%
export_programs = chapter.load(T32)
inferred = export_programs["inferred"].map({True: chapter.label("tpas_yes"), False: ""})
export_programs_view = export_programs.assign(inferred=inferred)[
    ["letter", "program", "content", "amounts_mentioned", "inferred"]].rename(columns={
        "letter": chapter.label("tpas_letter"), "program": chapter.label("tpas_program"),
        "content": chapter.label("tpas_content"), "amounts_mentioned": chapter.label("tpas_amounts"),
        "inferred": chapter.label("tpas_inferred")})
chapter.table(export_programs_view, "5.6", sources=[T32])
ofdi_measures = chapter.load(T34)
ofdi_measures_view = ofdi_measures[["program", "content", "amounts_mentioned"]].rename(columns={
    "program": chapter.label("tpas_program"), "content": chapter.label("tpas_content"),
    "amounts_mentioned": chapter.label("tpas_amounts")})
chapter.table(ofdi_measures_view, "5.7", sources=[T34])

# %% [markdown]
# ## 7. The agencies across the three sources, one row per institution
#
# The agency rows of eclac-2016 Table 12, eclac-2018 Table 20 and ITC Tables A4 and 6, matched to
# the institutions register as described after the setup cell, give one row per institution: the
# name each table prints for it, the founding year each source prints (the register's
# `years_created`, checked below against the table cells), the agency register row that links it
# by country, and, where the sources' years differ, every year with its source — listed, not
# merged — with the register's note (in English in both languages).
#
# **What is inference.** Which printed names are one body is the register's decision, not a
# printed fact (its `inferred` and `issues`): it merges Proexport with PROCOLOMBIA and
# CORPEI-PRO ECUADOR with PROECUADOR, and keeps apart the ECLAC and ITC agencies of Bolivia, El
# Salvador, Guatemala, Jamaica and Panama, which the agency register links only by country. The
# 2016 Nicaragua cell is read as two bodies, PRONicaragua and CEI, and its year is given to CEI.
# **What cannot be placed.** The United States row of ITC Table 6 names no single body; PRONicaragua
# has no founding year of its own. The lists below are computed, not typed.

# %%
TABLE_HEAD = {T12: chapter.label("tpas_value_2016"), T20: chapter.label("tpas_value_2018"),
              A4: chapter.label("tpas_itc_a4"), T6: chapter.label("tpas_itc_t6")}
SHORT = {"eclac-2016-korea-celac": "eclac-2016", "eclac-2018-korea-lac": "eclac-2018", "itc-2015-smes-gvc-latam": "ITC"}
TABLE_YEAR = {T12: "founded_printed", T20: "founded_printed", A4: "year_established"}
cells = {t: load(t, corrected=False).set_index("line") for t in TABLE_YEAR}
# the register's years are the table cells, except a printed year it gives to another body of the cell
not_given = []
for r in joined[joined["table"].isin(TABLE_YEAR)].itertuples():
    given = years_created(r.institution_id).get(SOURCE_OF[r.table])
    if given != cells[r.table].at[r.row_line, TABLE_YEAR[r.table]]:
        assert given is None, (r.institution_id, r.table, given)
        not_given.append((r.institution_id, r.table))
assert not_given == [("nic_pronicaragua", T12)]
for iid, g in joined.groupby("institution_id"):
    assert set(years_created(iid)) <= {SOURCE_OF[t] for t in g["table"] if t in SOURCE_OF}, iid

# %%
# one row per institution, in the agency register's order (then eclac-2018, eclac-2016, ITC A4, ITC Table 6)
link = reg_link.merge(reg[["agency_id"]].reset_index(names="reg_pos"), on="agency_id")
link["table_pos"] = link["table"].map({T20: 0, T12: 1, A4: 2, T6: 3})
ids = link.sort_values(["reg_pos", "table_pos"])["institution_id"].drop_duplicates().tolist()
assert set(ids) == set(joined["institution_id"])
H = {"name": chapter.label("tpas_institution"), "id": chapter.label("tpas_institution_id"),
     "reg": chapter.label("tpas_agency_register_row"), "differ": chapter.label("tpas_years_differ"),
     "note": chapter.label("tpas_register_note")}
rows = []
for iid in ids:
    g, years = joined[joined["institution_id"] == iid], years_created(iid)
    row = {"iso3": inst.at[iid, "iso3"], chapter.label("country"): chapter.country_name(inst.at[iid, "iso3"]),
           H["name"]: inst.at[iid, "name"], H["id"]: iid}
    for t in AGENCY_TABLES:
        printed = g.loc[g["table"] == t, "name_printed"].tolist()
        row[chapter.label("tpas_col_name", table=TABLE_HEAD[t])] = "; ".join(printed) or None
        if t in TABLE_YEAR:
            row[chapter.label("tpas_col_year", table=TABLE_HEAD[t])] = years.get(SOURCE_OF[t]) if printed else None
    row[H["reg"]] = ", ".join(sorted(set(link.loc[link["institution_id"] == iid, "agency_id"])))
    row[H["differ"]] = " · ".join(f"{SHORT[k]}: {y}" for k, y in years.items()) if len(set(years.values())) > 1 else None
    row[H["note"]] = inst.at[iid, "year_differences"] if pd.notna(inst.at[iid, "year_differences"]) else None
    rows.append(row)
by_institution = pd.DataFrame(rows)
differing = by_institution.loc[by_institution[H["differ"]].notna(), H["id"]].tolist()
assert differing == ["bol_probolivia", "col_procolombia", "ecu_proecuador", "slv_proesa"], differing
chapter.table(chapter.selected(by_institution).drop(columns="iso3"), "5.10", sources=[T12, T20, A4, T6, REG, INST, MENT])

# %% [markdown]
# The agency register rows that link bodies the institutions register keeps apart, the rows that
# name no single body, the printed years the register gives to another body of the same cell, and
# the trade promotion agencies the register finds in the three sources only outside these tables
# (running text, other tables).

# %%
per_row = link.drop_duplicates(["agency_id", "institution_id"]).groupby("agency_id", sort=False)
apart = {a: g for a, g in per_row if len(g) > 1}
assert sorted(apart) == ["TPA-BOL", "TPA-GTM", "TPA-JAM", "TPA-NIC", "TPA-PAN", "TPA-SLV"], sorted(apart)
print(chapter.label("tpas_kept_apart") + ":")
for a, g in apart.items():
    print(f"  {a}: " + ", ".join(f"{inst.at[i, 'name']} ({i})" for i in g["institution_id"]))
print(chapter.label("tpas_no_body") + ": " + ", ".join(f"{TABLE_HEAD[t]}, {chapter.country_name(i)} ({chapter.label('line').lower()} {n})"
                                                      for t, i, n in zip(no_body["table"], no_body["iso3"], no_body["row_line"])))
print(chapter.label("tpas_year_not_given") + ": " + ", ".join(
    f"{inst.at[i, 'name']} ({i}), {TABLE_HEAD[t]}" for i, t in not_given))
three = set(SOURCE_OF.values())
elsewhere = inst[(inst["type"] == "trade_promotion_agency") & ~inst.index.isin(joined["institution_id"])
                 & inst["sources"].map(lambda v: bool(set(v.split(";")) & three))]
print(chapter.label("tpas_other_tpas") + ": " + ", ".join(f"{n} ({i})" for i, n in elsewhere["name"].items()))

# %% [markdown]
# ## Figures of the sources that are not reproduced
#
# The texts keep only the captions, units and source lines of these figures: their plotted
# values are not printed, so they are listed here and not redrawn. Nothing is estimated from
# them. The list lives in `data/source_figures.yaml`.

# %%
kolac.documents.figures_not_reproduced("tpas")

# %% [markdown]
# ## 8. Claims audit
#
# Narrative statements of the three documents about the agencies, each recomputed from the tables
# in `data/claims.csv` (the status is computed here, never typed in). Averages are unweighted
# means of the printed shares: the tables give no export weights. KOTRA's 125 offices abroad
# contradict two other counts of the 2018 document (123 and 124), and Procomer's 10 offices
# contradict the 14 of its narrative; the ITC range of SME support (0.03–0.09% of GDP) does not
# hold at its lower end. None of these is a table error that the documents let us correct.

# %%
audit = chapter.claims_audit("5.8")

# %% [markdown]
# ## 9. Known defects
#
# The corrections register's entries for these tables and the defects their sidecars document
# (`issues`), built from `data/corrections.yaml` and `data/tpas/*.meta.yaml`. The differences
# between the two printings are not in either: they are listed, with their evidence, in Table 5.2.

# %%
if kolac.corrections.known_defects("tpas").empty:
    print(chapter.label("tpas_no_known_defects"))
else:
    defects = chapter.known_defects("5.9")
