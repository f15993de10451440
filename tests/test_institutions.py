"""The institutions register (data/cooperation/institutions_register.csv + institutions_mentions.csv):
every mention is printed where it says, counts and sources agree, founding years are kept per
source with their differences said, and the transcribed agency and innovation tables are covered."""
from collections import Counter

import pandas as pd
import pytest

from kolac.catalog import catalog
from kolac.data import load
from kolac.documents import lines as source_lines


@pytest.fixture(scope="module")
def register():
    return load("institutions_register")


@pytest.fixture(scope="module")
def mentions():
    return load("institutions_mentions")


@pytest.mark.audit
def test_every_mention_is_printed_on_its_line(mentions):
    misses = [(r.institution_id, r.source, r.line, r.name_printed) for r in mentions.itertuples()
              if r.name_printed not in source_lines(r.source)[int(r.line) - 1]]
    assert not misses, misses[:10]


def test_counts_sources_and_parents_agree(register, mentions):
    assert register["institution_id"].is_unique
    n = Counter(mentions["institution_id"])
    assert set(n) == set(register["institution_id"])
    for r in register.itertuples():
        assert r.mentions == n[r.institution_id], r.institution_id
        assert set(r.sources.split(";")) == set(mentions.loc[mentions["institution_id"] == r.institution_id, "source"])
    parents = register["parent_id"].dropna()
    assert set(parents) <= set(register["institution_id"])


def test_founding_years_are_kept_per_source_with_differences_said(register):
    known = set(load("institutions_mentions")["source"])
    for r in register.dropna(subset=["years_created"]).itertuples():
        printed = dict(part.split(": ", 1) for part in r.years_created.split("; "))
        assert set(printed) <= known, r.institution_id
        differ = len(set(printed.values())) > 1
        assert differ == isinstance(r.year_differences, str), f"{r.institution_id}: {printed} / {r.year_differences!r}"


def test_mentions_from_tables_fall_inside_their_table(mentions):
    cat = catalog()
    for r in mentions.dropna(subset=["resource"]).itertuples():
        meta = cat[r.resource]
        assert meta["source"] == r.source, (r.resource, r.source)
        if meta["lines"]:
            a, b = meta["lines"]
            assert a <= int(r.line) <= b, (r.institution_id, r.resource, r.line)


@pytest.mark.parametrize("resource, column", [
    ("eclac2016_t12_tpa_statistics_2015", "agency"), ("eclac2018_t20_tpa_statistics_2015", "agency"),
    ("itc2015_ta4_tpas_by_country", "agency"), ("itc2015_ta5_sme_agencies", "agency"),
    ("eclac2016_t04_nis_institutions", "institution"), ("eclac2018_t05_nis_institutions", "institution")])
def test_every_row_of_the_institution_tables_is_registered(mentions, resource, column):
    """Each row's named body is registered: some mention tied to the table prints a name that the
    row's cell contains (the cell may hold a name and its acronym, or two bodies)."""
    names = list(mentions.loc[mentions["resource"] == resource, "name_printed"])
    rows = load(resource, corrected=False).dropna(subset=[column])
    untied = [cell for cell in rows[column] if not any(n in cell for n in names)]
    assert not untied, f"{resource}: {untied[:8]} name no registered institution"


def test_the_innovation_chapter_counts_every_nis_body_by_register_type(default_run):
    root, _ = default_run
    shown = pd.read_csv(root / "innovation" / "tables" / "table-3.23.csv").set_index("Country")
    types = shown.drop(columns="Also named in other documents")
    rows = load("eclac2016_t04_nis_institutions", corrected=False)
    per_country = rows.groupby("country").size()
    assert types.sum(axis=1).sum() == len(rows) and types.sum(axis=1).max() == per_country.max()
    assert (shown["Also named in other documents"] <= types.sum(axis=1)).all()
