"""Chapter 4 (SMEs): the two printings of the productivity table and of the exporters series
reconciled cell by cell, the 27 corrections pinned, every printed total/share/index recomputed,
the known defects (ITC Table A2, size-class sums, the SME index drift) pinned, Table 19's printed
structure and its computed cross-reference with ITC Table A5, the claims whose value depends on
the corrections recomputed, and the notebook run with non-default parameters.
Claim statuses are pinned by tests/golden/claim_statuses.csv (tests/test_claims.py), not here."""
import json
import re

import pandas as pd
import pytest
from executed import read_executed

from kolac import checks, claims, corrections
from kolac.data import load
from kolac.documents import line as source_line

T10 = "eclac2016_t10_sme_productivity_wages"
T18 = "eclac2018_t18_sme_productivity_wages"
T11 = "eclac2016_t11_export_firms_smes"
T17 = "eclac2018_t17_exporting_firms_smes"
T13 = "eclac2016_t13_trade_finance_instruments"
T19 = "eclac2018_t19_exporting_sme_policies"
A5 = "itc2015_ta5_sme_agencies"
T25 = "eclac2018_t25_korea_value_added_per_employee"
T26 = "eclac2018_t26_korea_lending_rate"
T27 = "eclac2018_t27_korea_sme_exports"
T4 = "itc2015_t04_firm_size"
A2 = "itc2015_ta2_sme_export_indicators"
A3 = "itc2015_ta3_exports_by_firm_size"
ITC_T3 = "itc2015_t03_fdi_inflows"  # the FDI chapter's copy of ITC Table 3
A = "eclac-2016-korea-celac"
B = "eclac-2018-korea-lac"
KEY = ["indicator", "region", "firm_size"]
MAP = {"Total firms (thousands)": "Total number of exporting firms (thousands)",
       "Index total 2002=100": "Total index 2002 = 100",
       "Total SMEs (thousands)": "Total number of exporting SMEs (thousands)",
       "Index SMEs 2002=100": "SMEs index 2002=100",
       "Export SMEs share of total number of export firms (percentage)": "Share of SMEs in total exporting firms (%)",
       "Export SMEs share of total exports value (percentage)": "Share of SMEs in value of exports (%)"}


# --- the productivity table, printed twice ---------------------------------------------------------

def test_productivity_printings_differ_exactly_in_three_cells():
    a, b = load(T10, corrected=False), load(T18, corrected=False)
    assert len(a) == len(b) == 18
    d = checks.compare_printings(a, b, key=KEY, columns=["value", "year"], names=("t10", "t18"))
    values = d[d["column"] == "value"].set_index(KEY)
    assert set(values.index) == {("wages", "European Union", "SMEs"), ("wages", "European Union", "Large firms"),
                                 ("wages", "Korea", "Large firms")}
    eu_sme = values.loc[("wages", "European Union", "SMEs")]
    assert pd.isna(eu_sme["t10"]) and eu_sme["t18"] == 74.0
    assert tuple(values.loc[("wages", "Korea", "Large firms"), ["t10", "t18"]]) == (100, 0.0)
    # the only other difference: the year of Latin America's wage figure (same value, 34.7)
    years = d[d["column"] == "year"]
    assert sorted(years["firm_size"]) == ["Large firms", "SMEs"] and set(years["region"]) == {"Latin America"}
    assert set(years["t10"].astype(str)) == {"2014"} and set(years["t18"].astype(str)) == {"2013"}


def test_korea_wage_base_misprint_is_corrected():
    fixed = load(T18).set_index(KEY)
    assert fixed.at[("wages", "Korea", "Large firms"), "value"] == 100
    assert "C-SME-27" in fixed.at[("wages", "Korea", "Large firms"), "corrections"]
    big = fixed.xs("Large firms", level="firm_size")["value"].drop("tertiary_education", level=0)
    assert (big == 100).all()
    # the only inferred cell of the 2016 copy is Korea's garbled '29 6'
    t10 = load(T10)
    assert t10.loc[t10["inferred"], KEY].values.tolist() == [["productivity", "Korea", "SMEs"]]


# --- exporters series, printed twice -------------------------------------------------------------

def _overlap(corrected):
    la = load(T11, corrected=corrected)
    la = la[la["block"] == "Latin America"].assign(series_2018=lambda d: d["series"].map(MAP))
    t17 = load(T17)[["series", "year", "value"]].rename(columns={"series": "series_2018", "value": "v18"})
    m = la.merge(t17, on=["series_2018", "year"])
    assert len(m) == 42
    return m


def test_lost_decimal_points_are_exactly_the_corrected_cells():
    m = _overlap(corrected=False)
    ten_times = m[(m["value"] / 10 - m["v18"]).abs() <= 0.5]
    fixes = [c for c in corrections.register() if c.resource == T11]
    assert len(fixes) == 26 and all(c.kind == "decimal_error" for c in fixes)
    assert sorted((c.row["series"], c.row["year"]) for c in fixes) == sorted(zip(ten_times["series"], ten_times["year"]))
    for c in fixes:  # each printed value has four digits, and corrected is a tenth of it
        assert c.printed == round(c.corrected * 10) and 1000 <= c.printed <= 9999


def test_after_correction_the_printings_differ_only_by_rounding():
    m = _overlap(corrected=True)
    d = m[(m["value"] - m["v18"]).round(2) != 0]
    assert sorted(set(d["series"])) == ["Index total 2002=100", "Total firms (thousands)"]
    assert d.loc[d["series"] == "Total firms (thousands)", ["year", "value", "v18"]].values.tolist() == [[2012, 116, 115.9]]
    assert ((d["value"] - d["v18"]).abs() <= 0.5).all() and len(d) == 8


def test_exporters_recomputations():
    w = load(T17).pivot_table(index="year", columns="series", values="value")
    share = 100 * w["Total number of exporting SMEs (thousands)"] / w["Total number of exporting firms (thousands)"]
    assert ((share - w["Share of SMEs in total exporting firms (%)"]).abs() <= 0.1).all()
    base_total = 100 * w["Total number of exporting firms (thousands)"] / w["Total index 2002 = 100"]
    base_sme = 100 * w["Total number of exporting SMEs (thousands)"] / w["SMEs index 2002=100"]
    assert base_total.max() - base_total.min() < 0.6  # integer index: stable base
    assert base_sme[2015] - base_sme[2008] == pytest.approx(1.66, abs=0.01)  # the documented drift
    pc = load(T17).query("series == 'Percentile concentration 99'")
    assert len(pc) == 6 and pc["year"].isna().all() and pc["position"].tolist() == [1, 2, 3, 4, 5, 6]


def test_korea_shares_equal_in_both_documents():
    t11 = load(T11)
    kr = t11[(t11["block"] == "Republic of Korea") & (t11["series"] == "Export SMEs share of total exports value (percentage)")]
    m = kr.dropna(subset=["value"]).merge(load(T27), on="year")
    assert m["year"].tolist() == [2009, 2010, 2012, 2013, 2014] and (m["value"] == m["sme_export_share"]).all()


# --- totals, shares and sums of the other tables --------------------------------------------------

def test_trade_finance_totals():
    w = load(T13).pivot_table(index="instrument", columns="firm_size", values="value")
    assert (w.drop(index="Total").sum() == w.loc["Total"]).all()
    assert w.loc["Total"].to_dict() == {"For all firms": 80, "Only for SMEs": 18, "Only for large firms": 9}


def test_size_class_sums_known_defects():
    s4 = load(T4).groupby("iso3")["value"].sum()
    sa3 = load(A3).groupby("iso3")["value"].sum()
    assert sorted(s4[(s4 - 100).abs() > 0.2].index) == ["URY"] and s4["URY"] == pytest.approx(100.9)
    assert sorted(sa3[(sa3 - 100).abs() > 0.25].index) == ["BRA", "ESP"]
    assert (sa3["BRA"], sa3["ESP"]) == (pytest.approx(93.4), pytest.approx(94.1))
    assert not [c.id for c in corrections.register() if c.resource in (T4, A3)]


def test_table_a2_is_a_copy_of_itc_table_3():
    """Known defect: A2's body repeats Table 3's FDI inflows; it is not SME data."""
    a2 = load(A2)
    t3 = load(ITC_T3)
    m = a2.assign(period=a2["period"].str.rstrip("*")).merge(t3, left_on=["indicator", "period"],
                                                             right_on=["country", "period"], suffixes=("", "_t3"))
    assert len(m) == len(a2) == 56 and (m["value"] == m["value_t3"]).all()


def test_korea_tables():
    t25 = load(T25)
    assert ((t25["value_1"] / t25["value_2"]).round(2) - t25["value_3"]).abs().max() <= 0.01
    assert [c for c in t25.columns if c.startswith("value")] == ["value_1", "value_2", "value_3"]
    t26 = load(T26)
    assert (t26["smes"] - t26["large_firms"]).round(2).tolist() == [0.32, 0.68, 0.43, 0.5]


# --- policies for exporting SMEs (eclac-2018 Table 19) against the SME agencies (ITC Table A5) ------

def test_export_policies_follow_the_printed_structure():
    t19 = load(T19)
    assert len(t19) == 6 and t19["line"].tolist() == [4774, 4786, 4804, 4824, 4828, 4844]
    assert t19.loc[~t19["inferred"], "note"].isna().all()  # rows printed in column order need no note
    row4 = t19[t19["inferred"]]
    assert row4["policy_focus"].tolist() == ["“Nondiscriminatory” support"]
    assert row4["institutions"].iloc[0] == "Trade promotion agencies"
    note = row4["note"].iloc[0]
    assert "L4818" in note and "L4822" in note and "by sense" in note


def _words(text):
    out = set()
    for w in re.findall(r"[a-zà-ÿ]+", str(text).lower()):
        if w not in {"of", "and", "or", "the", "for", "others", "etc"} and len(w) > 1:
            out.add(w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w)
    return out


def test_institutions_against_sme_agencies():
    """Recomputed: of the 13 bodies of Table 19's institutions column, only row 3's ministry shares
    two or more words with an A5 agency or ministry name, and only in the ministry column."""
    t19, a5 = load(T19), load(A5)
    bodies = [(r["policy_focus"], b) for _, r in t19.iterrows() for b in re.split(r",\s*|\s+–\s+", r["institutions"])]
    assert len(bodies) == 13
    hits = set()
    for focus, body in bodies:
        for _, a in a5.iterrows():
            for field in ("agency", "ministry"):
                shared = _words(body) & _words(a[field]) if not pd.isna(a[field]) else set()
                if shared == _words(body) or len(shared) >= 2:
                    hits.add((focus, body, a["iso3"], field, "all" if shared == _words(body) else "some"))
    assert sorted(hits) == [("Indirect exports", "Ministry of Economy and Development", i, "ministry", k)
                            for i, k in [("BOL", "all"), ("CHL", "all"), ("GTM", "some"), ("NIC", "some"), ("SLV", "some")]]
    chile = a5[(a5["iso3"] == "CHL") & a5["ministry"].str.startswith("Ministry of Economy")]
    assert chile["agency"].tolist() == ["Technical Co-operation Service (SERCOTEC)"]
    # trade promotion agencies: named in three rows of Table 19, in no name of Table A5
    assert sum({"trade", "promotion"} <= _words(c) for c in t19["institutions"]) == 3
    assert not any({"trade", "promotion"} <= _words(n) for n in pd.concat([a5["agency"], a5["ministry"]]).dropna())


# --- claims ------------------------------------------------------------------------------------------

def test_claims_recomputed_from_the_tables():
    audit = claims.audit("smes").set_index("claim_id")
    assert audit.loc["SME-003", "recomputed"] == pytest.approx(65.3)  # 100 - 34.7: the "34% less" claim
    assert audit.loc["SME-030", "recomputed"] == 107  # Table 13's own total, against the 111 of the text
    # SME-017 (114.8 thousand exporting firms) holds only after the decimal corrections of Table 11
    printed = claims.audit("smes", corrected=False).set_index("claim_id")
    assert audit.loc["SME-017", "recomputed"] == pytest.approx(114.8)
    assert printed.loc["SME-017", "recomputed"] == 1148


def test_known_defects_are_built_from_the_register_and_the_sidecars():
    """The defects the notebook's prose names (lost decimals, Korea's '00.0', the index drift, the
    size-class sums, ITC Table A2) are all in the known-defects table, none typed in the notebook."""
    d = corrections.known_defects("smes")
    fixed = d[(d["status"] == "corrected") & (d["kind"] != "sidecar issue")]
    assert sorted(fixed["id"]) == [f"C-SME-{i:02d}" for i in range(1, 28)]
    # a sidecar issue that names register entries is shown as corrected, with those entries
    linked = d[(d["status"] == "corrected") & (d["kind"] == "sidecar issue")]
    assert all(set(x.split(", ")) <= set(fixed["id"]) for x in linked["corrected"])
    assert set(fixed["resource"]) == {T11, T18}
    documented = set(d.loc[d["status"] == "documented", "resource"])
    assert {T17, T4, A3, A2, T25} <= documented
    a2 = d.loc[d["resource"] == A2, "explanation"].iloc[0]
    assert "Table 3" in a2 and "not SME data" in a2


# --- the notebook with non-default parameters -------------------------------------------------------

def test_notebook_with_other_parameters(other_run):
    """The session's non-default run (conftest.OTHER_PARAMS): Spanish, as printed, countries
    ARG,BRA,CHL,MEX,PAN,PER, focus Panama, which no SME table prints."""
    root, code = other_run
    assert code == 0
    shown, _, injected = read_executed(root / "smes" / "04_smes.ipynb")
    assert 'focus_country = "PAN"' in injected and "apply_corrections = False" in injected
    assert "Panamá no figura en ninguno de los cuadros de este capítulo" in shown
    manifest = json.loads((root / "manifest.json").read_text())
    ids = {e["id"] for e in manifest["exhibits"] if e["chapter"] == "smes"}
    # no profile table (4.16) for a country the tables do not print
    assert ids == {f"smes-table-4.{k}" for k in range(1, 21) if k != 16} | {f"smes-figure-4.{k}" for k in range(1, 6)}
    assert not (root / "smes" / "tables" / "table-4.16.csv").exists()
    recon = pd.read_csv(root / "smes" / "tables" / "table-4.2.csv")
    assert len(recon) == 27  # as printed: the 26 lost decimal points and the 2012 total
    fig = pd.read_csv(root / "smes" / "figures" / "figure-4.3.csv")
    assert sorted(set(fig["iso3"])) == ["ARG", "BRA", "CHL", "PER"]  # the selected countries the table prints
    firms = pd.read_csv(root / "smes" / "tables" / "table-4.6.csv")
    assert firms.iloc[:, 0].tolist() == ["Argentina", "Brasil", "Chile", "Perú"]
    # Table 19 has no countries; its cross-reference keeps every body and only the selected countries' matches
    cross = pd.read_csv(root / "smes" / "tables" / "table-4.20.csv")
    assert len(cross) == 13 and cross["País"].dropna().tolist() == ["Chile"]
    assert (cross["Coincidencia"] == "ninguna").sum() == 12


# --- as printed (make audit: the source texts beside the clone) ------------------------------------------

@pytest.mark.audit
def test_productivity_wage_cells_as_printed():
    assert source_line(B, 4748).strip() == "00.0"  # Korea's wage base, corrected to 100 (C-SME-27)
    assert "29 6" in source_line(A, 585)  # the garbled cell of the 2016 copy


@pytest.mark.audit
def test_lost_decimal_points_as_printed():
    m = _overlap(corrected=False)
    for c in (c for c in corrections.register() if c.resource == T11):  # four digits printed with a space ('1 193')
        s = str(c.printed)
        line = int(m.loc[(m["series"] == c.row["series"]) & (m["year"] == c.row["year"]), "line"].iloc[0])
        assert f"{s[0]} {s[1:]}" in source_line(A, line), c.id
    # the two cells printed without the space stay as printed
    assert "\t116\t" in source_line(A, 614) and "\t113\t" in source_line(A, 617)


@pytest.mark.audit
def test_export_policies_as_printed():
    t19 = load(T19)
    assert [source_line(B, n) for n in range(4766, 4773, 2)] == ["Policy Focus", "Goals", "Actions and programs", "Institutions"]
    for _, r in t19[~t19["inferred"]].iterrows():  # a row printed in column order starts at its label
        assert source_line(B, r["line"]) == r["policy_focus"].split()[0]
    row4 = t19[t19["inferred"]]
    # its cells stand before its label, and its label is fused with its goal over L4824-4827
    assert source_line(B, 4822) == row4["institutions"].iloc[0]
    assert source_line(B, 4818).startswith(row4["actions_and_programs"].iloc[0][:20])
    assert source_line(B, 4824).startswith("“Non") and source_line(B, 4825) == "discriminatory"
    assert source_line(B, 4827) == "” support" and source_line(B, 4828) == "Technology"  # no blank line: run-on
