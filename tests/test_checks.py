"""The fact-check tables: article claims against the references, never mixed."""

from datetime import date

import pandas as pd
import pytest

from perucorpus import checks, evidence, memberships, schemas
from perucorpus.tables import read_table

from conftest import DATA


@pytest.fixture(scope="module")
def rows():
    return memberships.load_memberships(DATA)


@pytest.fixture(scope="module")
def presidents():
    return read_table(DATA / "peru_heads_of_state.csv", schemas.HEADS_OF_STATE)


@pytest.fixture(scope="module")
def references():
    return read_table(DATA / "references.csv", schemas.REFERENCES).set_index("ref_id")


def test_in_office_takes_the_incoming_president_on_a_handover_day(presidents):
    assert checks.in_office(presidents, date(2025, 10, 9))["name"] == "Dina Boluarte"
    assert checks.in_office(presidents, date(2025, 10, 10))["name"] == "José Jerí"
    assert checks.in_office(presidents, date(2026, 3, 5))["name"] == "José María Balcázar"
    with pytest.raises(ValueError, match="no president of Peru recorded for 1900-01-01"):
        checks.in_office(presidents, date(1900, 1, 1))


def test_status_checks_quote_the_article_and_cite_only_references(rows, references):
    found = checks.status_checks(rows, references)
    article_rows = rows[(rows["source_kind"] == "article") & rows["grouping"].isin(["lima_group", "mnna"])]
    assert len(found) == len(article_rows)
    peru = next(check for check in found if check["country"] == "Peru")
    assert peru["claim (quote)"] == "البيرو اعلنت إنسحابها من “مجموعة ليما”"
    assert "exit announced, not formalised 2021-08" in peru["what the references record"]
    assert "(noticias800_2021_peru)" in peru["references"]
    for check in found:  # every cited id is a reference, never an article
        cited = [part.rsplit("(", 1)[1].rstrip(")") for part in check["references"].split("; ")]
        assert set(cited) <= set(references.index)


def test_head_of_state_check_dates_the_claim(rows, presidents, references):
    positions = evidence.load_positions(DATA)
    found = checks.head_of_state_check(rows, positions, presidents, references)
    assert found["what the references record"].startswith("José Jerí was president 2025-10-10 to 2026-02-17")
    assert "dated 2025-12-11" in found["what the references record"]
    assert found["what the references record"].endswith("the president was José María Balcázar.")


def test_signatory_check_counts_confirmed_signatures(rows, references):
    found = checks.signatory_check(rows, references)
    assert found["country"] == "17 signatories"
    external = rows[(rows["grouping"] == "accc") & (rows["source_kind"] == "external")]
    confirmed = set(external.loc[external["status"] == "signatory", "iso3"])
    assert f"confirmed for {len(confirmed)} of them" in found["what the references record"]
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_claim_checks_is_one_table(rows, presidents, references):
    table = checks.claim_checks(rows, evidence.load_positions(DATA), presidents, references)
    assert list(table.columns) == checks.COLUMNS
    assert table["claim (quote)"].str.len().gt(0).all()


def test_lima_vs_coalition_names_the_switchers(rows):
    coalition = memberships.status_on(rows, "accc", date(2026, 3, 13), "article")
    table = checks.lima_vs_coalition(rows, coalition).set_index("iso3")["overlap"]
    assert table["ARG"] == "switcher: left the Lima Group formally, signed in 2026"
    assert table["PER"] == "switcher: announced an exit from the Lima Group (never formalised), signed in 2026"
    assert table["BRA"] == "Lima Group only (named as absent in 2026)"
    assert table["CUB"] == "neither (named as absent in 2026)"
    assert table["BHS"] == "2026 coalition only"


def test_lima_vs_coalition_keeps_the_latest_exit():
    rows = pd.DataFrame(
        [("ARG", "lima_group", "founding_member", "external", date(2017, 8, 8)),
         ("ARG", "lima_group", "withdrew", "external", date(2021, 3, 24)),
         ("ARG", "lima_group", "announced_withdrawal", "external", date(2019, 1, 1))],
        columns=["iso3", "grouping", "status", "source_kind", "start_date"],
    )
    table = checks.lima_vs_coalition(rows, pd.Series({"ARG": "signatory"}))
    assert table.loc[0, "overlap"] == "switcher: left the Lima Group formally, signed in 2026"
