"""The fact-check tables: article claims against the references, never mixed."""

import re
from datetime import date

import pandas as pd
import pytest
from conftest import DATA
from pandas.testing import assert_frame_equal

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import checks, memberships, quotes


@pytest.fixture(scope="module")
def claims():
    return checks.load_claims(DATA)


def test_seed_status_checks_keep_the_article_note_apart_and_cite_every_reference_used(rows, references):
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
    assert record.startswith(
        "José Jerí was president 2025-10-10 (derived: 'la madrugada de este viernes' in RPP's report of 2025-10-10"
    )
    assert (
        "so the claim held when the article reported the notice to Congress (dated 2025-12-11 (derived: 'on Thursday'" in record
    )
    assert record.endswith("when Peru signed the counter-cartel declaration, the president was José María Balcázar.")
    assert "on 2026-03-05 (derived: " in record  # derived dates never shown bare


def test_head_of_state_check_can_find_the_claim_wrong(rows, positions, presidents, people, references):
    later = presidents.copy()
    later.loc[later["name"] == "Dina Boluarte", "end"] = date(2025, 12, 20)
    later.loc[later["name"] == "José Jerí", "start"] = date(2025, 12, 20)
    found = checks.head_of_state_check(rows, positions, later, people, references)
    assert "the claim did not hold (the president was Dina Boluarte)" in found["what the references record"]


def test_checks_with_nothing_to_check_say_what_is_missing(rows, positions, presidents, people, references):
    with pytest.raises(
        ValueError, match="positions.csv: expected one head_of_state quote of shield2026_explainer naming a president"
    ):
        checks.head_of_state_check(rows, positions, presidents, people, references, article_id="shield2026_explainer")
    with pytest.raises(ValueError, match="memberships.csv: no article row lists a signatory"):
        checks.signatory_check(rows[rows["source_kind"] == "external"], references)


def test_seed_signatory_check_counts_confirmed_signatures(rows, references):
    found = checks.signatory_check(rows, references)
    assert found["country"] == "17 signatories"
    assert found["what the references record"].startswith(
        "A signature is confirmed for 7 of them; none of the references found confirms "
    )
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_signatory_check_never_calls_a_signatory_a_mere_attendee(rows, references):
    peru_attended = rows[(rows["iso3"] == "PER") & (rows["grouping"] == "accc") & (rows["source_kind"] == "external")].assign(
        status="attended"
    )
    found = checks.signatory_check(pd.concat([rows, peru_attended]), references)
    assert found["what the references record"].endswith("Attended without signing: Chile.")


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
        [
            ("ARG", "lima_group", "founding_member", "external", date(2017, 8, 8)),
            ("ARG", "lima_group", "withdrew", "external", date(2021, 3, 24)),
            ("ARG", "lima_group", "announced_withdrawal", "external", date(2019, 1, 1)),
        ],
        columns=["iso3", "grouping", "status", "source_kind", "start_date"],
    )
    table = checks.lima_vs_coalition(rows, pd.Series({"ARG": "signatory"}))
    assert table.loc[0, "overlap"] == "switcher: left the Lima Group formally; on the 2026 list"


def test_presidents_cite_known_references_and_end_after_they_start(data_copy):
    from perucorpus.base.tables import DataError, edit_rows
    from perucorpus.facts import heads_of_state

    path = data_copy / "peru_heads_of_state.csv"
    edit_rows(path, lambda rows: rows[0].update(ref_ids=rows[0]["ref_ids"] + ";no_such_ref", end="2000-01-01"))
    with pytest.raises(DataError) as error:
        heads_of_state.load_presidents(data_copy)
    assert "peru_heads_of_state.csv:2: " in str(error.value)
    assert "ref_id 'no_such_ref' is not in references.csv" in str(error.value)
    assert "end 2000-01-01 is before start" in str(error.value)


# --- data/claims.csv: every checkable claim, with its verdict


def _edit_claim(path, claim_id, **changes):
    def change(rows):
        (row,) = [row for row in rows if row["claim_id"] == claim_id]
        row.update(changes)

    edit_rows(path, change)


def _line_of(path, claim_id):
    return next(
        number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(claim_id + ",")
    )


def test_a_claim_row_breaking_the_schema_is_reported_by_line(data_copy):
    path = data_copy / "claims.csv"
    _edit_claim(path, "castillo2021_founded_2017", verdict="probably", ref_ids="")
    _edit_claim(path, "jeri2025_intent", ref_ids="")  # a confirmed claim must cite a reference
    with pytest.raises(DataError) as error:
        checks.load_claims(data_copy)
    message = str(error.value)
    assert f"claims.csv:{_line_of(path, 'castillo2021_founded_2017')}: column 'verdict': value 'probably'" in message
    assert (
        f"claims.csv:{_line_of(path, 'jeri2025_intent')}: row: fails ref_ids may be empty only for a not_checkable claim"
        in message
    )


def test_a_claim_whose_quote_offsets_or_references_are_wrong_stops_the_load(data_copy):
    path = data_copy / "claims.csv"
    _edit_claim(path, "castillo2021_founded_2017", quote_ar="وهي مجموعة أنشئت عام 2017")  # spelling "corrected": not verbatim
    _edit_claim(path, "jeri2025_intent", start="1")
    _edit_claim(path, "shield2026_china_trade", ref_ids="tass_2025_china_trade;no_such_ref", verdict_note="See (no_such_claim).")
    with pytest.raises(DataError) as error:
        checks.load_claims(data_copy)
    message = str(error.value)
    assert (
        f"claims.csv:{_line_of(path, 'castillo2021_founded_2017')}: castillo2021_founded_2017: quote not found verbatim"
        in message
    )
    assert re.search(
        rf"claims.csv:{_line_of(path, 'jeri2025_intent')}: jeri2025_intent: start/end 1–\d+ do not match the quote, which is at 0–",
        message,
    )
    assert "shield2026_china_trade: ref_id 'no_such_ref' is not in references.csv" in message
    assert "shield2026_china_trade: (no_such_claim) is neither a ref_id, an article id nor a claim_id" in message


def test_a_quote_that_occurs_twice_is_refused(data_copy):
    path = data_copy / "claims.csv"
    _edit_claim(path, "castillo2021_founded_2017", quote_ar="مجموعة")
    with pytest.raises(DataError, match="castillo2021_founded_2017: quote occurs more than once"):
        checks.load_claims(data_copy)


def test_claim_offsets_are_filled_from_the_quotes(data_copy):
    path = data_copy / "claims.csv"
    edit_rows(path, lambda rows: [row.update(start="", end="") for row in rows])
    quotes.fill_offsets(path)  # what python -m perucorpus.facts.checks runs
    loaded = checks.load_claims(data_copy)
    row = loaded.set_index("claim_id").loc["jeri2025_intent"]
    assert (row["start"], row["end"]) == (0, len(row["quote_ar"]))
    assert row["citation"] == f"jeri2025_mnna_intent ¶1, 0–{len(row['quote_ar'])}"


def test_verdict_counts_lists_every_verdict_per_article():
    claims = pd.DataFrame({"article_id": ["a", "a", "b"], "verdict": ["qualified", "confirmed", "qualified"]})
    expected = pd.DataFrame(
        {"confirmed": [1, 0], "qualified": [1, 1], "contradicted": [0, 0], "not_checkable": [0, 0], "all": [2, 1]},
        index=pd.Index(["a", "b"], name="article"),
    )
    assert_frame_equal(checks.verdict_counts(claims), expected)


def test_claims_table_cites_each_reference_and_marks_a_claim_without_any(references):
    claims = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "quote_ar": ["ق", "ع"],
            "claim_en": ["x", "y"],
            "verdict": ["qualified", "not_checkable"],
            "ref_ids": ["batimes_2025_peru_mnna", ""],
            "source_states": ["s", "Not addressed in the sources."],
            "verdict_note": ["n", "m"],
            "citation": ["a ¶1, 0–1", "b ¶2, 5–6"],
        },
        index=[7, 9],
    )
    table = checks.claims_table(claims, references)
    assert list(table.columns) == checks.CLAIM_COLUMNS and list(table.index) == [0, 1]
    assert list(table["article"]) == ["a ¶1, 0–1", "b ¶2, 5–6"]
    assert table.loc[0, "references"] == "Buenos Aires Times (Bloomberg), 2025-12 (batimes_2025_peru_mnna)"
    assert table.loc[1, "references"] == "none" and table.loc[1, "verdict"] == "not checkable"


def _mnna_rows():
    return pd.DataFrame(
        [
            ("ARG", "designated", date(1998, 1, 6), None),
            ("BRA", "designated", date(2019, 7, 31), None),
            ("AFG", "designated", date(2012, 7, 1), date(2022, 7, 6)),
            ("SAU", "announced", date(2025, 11, 18), None),
            ("QAT", "notified", date(2025, 12, 1), None),
            ("TWN", "treated_as", date(2002, 9, 30), None),
            ("PER", "notified", date(2025, 12, 11), None),
            ("KEN", "designated", date(2026, 1, 1), None),
        ],
        columns=["iso3", "status", "start_date", "end_date"],
    ).assign(grouping="mnna", source_kind="external")


def test_allies_on_counts_the_other_allies_by_kind_on_a_date():
    expected = pd.DataFrame(
        {"countries": [2, 2, 1], "codes": ["ARG, BRA", "QAT, SAU", "TWN"]},
        index=pd.Index(["designated", "pending", "treated_as"], name="kind"),
    )
    assert_frame_equal(checks.allies_on(_mnna_rows(), date(2025, 12, 11)), expected)  # AFG ended, KEN not yet, PER excluded


def test_describe_allies_adds_designated_and_pending():
    notice = {"start": "2025-12-11", "start_basis": "derived", "start_derivation": "'on Thursday' before a report of 2025-12-12"}
    text = checks.describe_allies(checks.allies_on(_mnna_rows(), date(2025, 12, 11)), notice)
    assert text.startswith(
        "On 2025-12-11 (derived: 'on Thursday' before a report of 2025-12-12), the day the US notified Congress "
        "about Peru, the references record 2 other designated"
    )
    assert "2 announced or notified but not yet formalised (QAT, SAU) and 1 treated as one (TWN)" in text
    assert text.endswith("'20 other countries': 2 + 2 = 4.")


def test_unchecked_statements_are_article_status_rows_no_claim_overlaps():
    rows = pd.DataFrame(
        {
            "source_kind": ["article", "article", "external", "article"],
            "grouping": ["lima_group", "mnna", "lima_group", "accc"],
            "source": ["a", "a", "r", "a"],
            "quote_start": ["10", "50", "", "0"],
            "quote_end": ["20", "60", "", "5"],
        }
    )
    claims = pd.DataFrame({"article_id": ["a", "b"], "start": [15, 50], "end": [30, 60]})
    assert_frame_equal(checks.unchecked_statements(rows, claims), rows.iloc[[1]])


def test_claims_csv_checks_every_status_statement_of_notebook_03(rows, claims):
    assert checks.unchecked_statements(rows, claims).empty


def test_claims_csv_states_what_the_computed_checks_find(rows, claims, positions, presidents, people, references):
    """Where a verdict rests on a count or a date computed from memberships.csv, the row says what the code computes."""
    notes = claims.set_index("claim_id")["verdict_note"]
    on_notice = memberships.peru_step(rows, "mnna", "notified")
    allies = checks.allies_on(rows, on_notice)
    designated, pending = allies.at["designated", "countries"], allies.at["pending", "countries"]
    assert (
        f"on {on_notice} the references record {designated} other designated allies, {pending} announced"
        in notes["jeri2025_twenty_others"]
    )
    found = checks.signatory_check(rows, references)["what the references record"]
    confirmed = re.match(r"A signature is confirmed for (\d+) of them", found).group(1)
    assert f"a signature is confirmed for {confirmed} of the 17 listed" in notes["shield2026_signatory_list"]
    signing = checks.head_of_state_check(rows, positions, presidents, people, references)["what the references record"]
    assert "so the claim held" in signing and signing.endswith("the president was José María Balcázar.")
    assert "(Balcázar was)" in notes["jeri2025_jeri_president"]


# From mutation testing (benchmarks/mutation.py, docs/mutation.md): each test below fails on a change the
# other tests let through.


def test_claims_table_keeps_every_column_of_the_claim_and_cites_several_references(references):
    claims = pd.DataFrame(
        {
            "quote_ar": ["ق"],
            "claim_en": ["x"],
            "verdict": ["qualified"],
            "ref_ids": ["larepublica_2026_peru_accc;batimes_2025_peru_mnna"],
            "source_states": ["s"],
            "verdict_note": ["n"],
            "citation": ["a ¶1, 0–1"],
        }
    )
    row = checks.claims_table(claims, references).iloc[0].to_dict()
    assert {key: value for key, value in row.items() if key != "references"} == {
        "article": "a ¶1, 0–1",
        "claim (quote)": "ق",
        "claim (English)": "x",
        "verdict": "qualified",
        "what the references state": "s",
        "our note on the verdict": "n",
    }
    assert row["references"] == (
        "Buenos Aires Times (Bloomberg), 2025-12 (batimes_2025_peru_mnna); La República, 2026-03-10 (larepublica_2026_peru_accc)"
    )


def test_unchecked_statements_of_the_lima_group_and_spans_that_only_touch():
    rows = pd.DataFrame(
        {
            "source_kind": ["article", "article"],
            "grouping": ["lima_group", "lima_group"],
            "source": ["a", "a"],
            "quote_start": ["10", "40"],
            "quote_end": ["20", "50"],
        }
    )
    claims = pd.DataFrame({"article_id": ["a", "a"], "start": [20, 30], "end": [25, 40]})  # each touches one, covers none
    assert_frame_equal(checks.unchecked_statements(rows, claims), rows)


def test_allies_on_reads_the_references_only_and_may_exclude_a_country_not_there():
    rows = pd.concat([_mnna_rows(), _mnna_rows().iloc[[0]].assign(iso3="MEX", source_kind="article")])
    allies = checks.allies_on(rows, date(2025, 12, 11), excluding="XXX")
    assert allies.loc["designated", "codes"] == "ARG, BRA"  # not MEX, which only an article names
    assert allies.loc["pending", "codes"] == "PER, QAT, SAU"


def _accc_rows(external):
    listed = [("PER", "signatory", "article"), ("ARG", "signatory", "article")]
    frame = pd.DataFrame([*listed, *external], columns=["iso3", "status", "source_kind"])
    return frame.assign(
        grouping="accc",
        citation=["first ¶1", "second ¶2", *[""] * len(external)],
        quote_ar=["أول", "ثان", *[""] * len(external)],
        source=["a", "a", *["batimes_2025_peru_mnna"] * len(external)],
    )


def test_signatory_check_names_signers_the_article_does_not_list_and_no_attendee_if_none(references):
    rows = _accc_rows([("PER", "signatory", "external"), ("ECU", "signatory", "external")])
    found = checks.signatory_check(rows, references)
    assert found["what the references record"] == (
        "A signature is confirmed for 1 of them; none of the references found confirms Argentina; "
        "the references also record signatures by Ecuador, whom the article does not list."
    )
    assert (found["article"], found["claim (quote)"], found["our note on the claim"]) == ("first ¶1", "أول", "")
    assert list(found) == checks.COLUMNS


def test_lima_vs_coalition_reads_the_references_and_names_each_side():
    rows = pd.DataFrame(
        [
            ("ARG", "lima_group", "member", "external", date(2017, 8, 8)),
            ("MEX", "lima_group", "founding_member", "external", date(2017, 8, 8)),
            ("CUB", "lima_group", "member", "article", date(2021, 1, 1)),  # an article's word, not the record
            ("CAN", "lima_group", "founding_member", "external", date(2017, 8, 8)),  # not named as absent
        ],
        columns=["iso3", "grouping", "status", "source_kind", "start_date"],
    )
    table = checks.lima_vs_coalition(rows, pd.Series({"ARG": "signatory", "MEX": "absent"}))
    assert table.to_dict("list") == {
        "iso3": ["CAN", "MEX", "ARG"],
        "country": ["Canada", "Mexico", "Argentina"],
        "country_ar": ["كندا", "المكسيك", "الأرجنتين"],
        "overlap": ["Lima Group only", "Lima Group only (named as absent in 2026)", "in both"],
    }
    assert list(table.index) == [0, 1, 2]


def test_head_of_state_check_has_the_table_columns_and_says_when_a_term_end_is_not_recorded(
    rows, positions, presidents, people, references
):
    open_ended = presidents.copy()
    open_ended.loc[open_ended["name"] == "José Jerí", "end"] = None
    found = checks.head_of_state_check(rows, positions, open_ended, people, references)
    assert list(found) == checks.COLUMNS and found["country"] == "Peru"
    assert ": Friday 10 October 2025) to (end not recorded), so the claim held" in found["what the references record"]
