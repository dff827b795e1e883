"""The fact-check tables: article claims against the references, never mixed."""

from datetime import date

import pandas as pd
import pytest

from perucorpus import checks, memberships


def test_in_office_takes_the_incoming_president_on_a_handover_day(presidents):
    shuffled = presidents.sample(frac=1, random_state=3)  # the answer must not depend on the file's order
    assert checks.in_office(shuffled, date(2025, 10, 9))["name"] == "Dina Boluarte"
    assert checks.in_office(shuffled, date(2025, 10, 10))["name"] == "José Jerí"
    assert checks.in_office(shuffled, date(2026, 3, 5))["name"] == "José María Balcázar"
    with pytest.raises(ValueError, match="peru_heads_of_state.csv: no president of Peru recorded for 1900-01-01"):
        checks.in_office(presidents, date(1900, 1, 1))


def test_status_checks_keep_the_article_note_apart_and_cite_every_reference_used(rows, references):
    found = checks.status_checks(rows, references)
    assert [check["country"] for check in found] == ["Canada", "Peru", "Mexico", "Argentina", "Bolivia", "Saudi Arabia", "Peru"]
    peru = found[1]
    assert peru["claim (quote)"] == "البيرو اعلنت إنسحابها من “مجموعة ليما”"
    assert peru["what the references record"].startswith("founding member 2017-08-08; exit announced, not formalised 2021-08.")
    assert "انسحبت" not in peru["what the references record"]  # the article's words stay in the article's columns
    assert "انسحبت" in peru["our note on the claim"]
    for ref in ("noticias800_2021_peru", "monoglobal_2021_peru", "tvsantiago_2021_peru"):
        assert f"({ref})" in peru["references"]
    for check in found:  # every cited id is a reference, never an article
        cited = [part.rsplit("(", 1)[1].rstrip(")") for part in check["references"].split("; ")]
        assert cited and set(cited) <= set(references.index)


def test_a_status_claim_with_no_reference_row_stops(rows, references):
    without = rows[~((rows["source_kind"] == "external") & (rows["iso3"] == "CAN"))]
    with pytest.raises(ValueError, match="castillo2021_lima_exit states a lima_group status for CAN, but no external row"):
        checks.status_checks(without, references)


def test_head_of_state_check_dates_the_claim(rows, positions, presidents, people, references):
    found = checks.head_of_state_check(rows, positions, presidents, people, references)
    assert found["claim (quote)"].startswith("تولى خوسيه جيري منصب الرئيس البيروفي")
    record = found["what the references record"]
    assert record.startswith("José Jerí was president 2025-10-10 (derived: 'viernes 10 de octubre' in a report of 2025-10-10")
    assert "so the claim held when the article reported the notice to Congress (dated 2025-12-11 (derived: 'on Thursday'" in record
    assert record.endswith("when Peru signed the counter-cartel declaration, the president was José María Balcázar.")
    assert "on 2026-03-05 (derived: " in record  # derived dates never shown bare


def test_head_of_state_check_can_find_the_claim_wrong(rows, positions, presidents, people, references):
    later = presidents.copy()
    later.loc[later["name"] == "Dina Boluarte", "end"] = date(2025, 12, 20)
    later.loc[later["name"] == "José Jerí", "start"] = date(2025, 12, 20)
    found = checks.head_of_state_check(rows, positions, later, people, references)
    assert "the claim did not hold (the president was Dina Boluarte)" in found["what the references record"]


def test_checks_with_nothing_to_check_say_what_is_missing(rows, positions, presidents, people, references):
    with pytest.raises(ValueError, match="positions.csv: expected one head_of_state quote of shield2026_explainer naming a president"):
        checks.head_of_state_check(rows, positions, presidents, people, references, article_id="shield2026_explainer")
    with pytest.raises(ValueError, match="memberships.csv: no article row lists a signatory"):
        checks.signatory_check(rows[rows["source_kind"] == "external"], references)


def test_signatory_check_counts_confirmed_signatures(rows, references):
    found = checks.signatory_check(rows, references)
    assert found["country"] == "17 signatories"
    assert found["what the references record"].startswith("A signature is confirmed for 7 of them; none of the references found confirms ")
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_signatory_check_never_calls_a_signatory_a_mere_attendee(rows, references):
    peru_attended = rows[(rows["iso3"] == "PER") & (rows["grouping"] == "accc") & (rows["source_kind"] == "external")].assign(status="attended")
    found = checks.signatory_check(pd.concat([rows, peru_attended]), references)
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_claim_checks_is_one_table(rows, positions, presidents, people, references):
    table = checks.claim_checks(rows, positions, presidents, people, references)
    status_rows = checks.status_checks(rows, references)
    assert list(table["article"]) == [row["article"] for row in status_rows] + ["jeri2025_mnna_intent", "shield2026_explainer"]
    assert table.iloc[-2]["country"] == "Peru" and table.iloc[-1]["country"] == "17 signatories"
    assert table["claim (quote)"].str.len().gt(0).all() and table["references"].str.len().gt(0).all()


def test_lima_vs_coalition_names_the_switchers(rows):
    coalition = memberships.status_on(rows, "accc", date(2026, 3, 13), "article")
    table = checks.lima_vs_coalition(rows, coalition).set_index("iso3")["overlap"]
    assert table["ARG"] == "switcher: left the Lima Group formally; on the 2026 list"
    assert table["PER"] == "switcher: announced an exit from the Lima Group (never formalised); on the 2026 list"
    assert table["BRA"] == "Lima Group only (named as absent in 2026)"
    assert table["CUB"] == "neither (named as absent in 2026)"
    assert table["BHS"] == "2026 list only"


def test_lima_vs_coalition_keeps_the_latest_exit():
    rows = pd.DataFrame(
        [("ARG", "lima_group", "founding_member", "external", date(2017, 8, 8)),
         ("ARG", "lima_group", "withdrew", "external", date(2021, 3, 24)),
         ("ARG", "lima_group", "announced_withdrawal", "external", date(2019, 1, 1))],
        columns=["iso3", "grouping", "status", "source_kind", "start_date"],
    )
    table = checks.lima_vs_coalition(rows, pd.Series({"ARG": "signatory"}))
    assert table.loc[0, "overlap"] == "switcher: left the Lima Group formally; on the 2026 list"


def test_presidents_cite_known_references_and_end_after_they_start(data_copy):
    from perucorpus import heads_of_state
    from perucorpus.tables import DataError, edit_rows

    path = data_copy / "peru_heads_of_state.csv"
    edit_rows(path, lambda rows: rows[0].update(ref_ids=rows[0]["ref_ids"] + ";no_such_ref", end="2000-01-01"))
    with pytest.raises(DataError) as error:
        heads_of_state.load_presidents(data_copy)
    assert "peru_heads_of_state.csv:2: " in str(error.value)
    assert "ref_id 'no_such_ref' is not in references.csv" in str(error.value)
    assert "end 2000-01-01 is before start" in str(error.value)
