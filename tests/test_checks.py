"""The fact-check tables: article claims against the references, never mixed."""

import re
from datetime import date

import pandas as pd
import pytest
from conftest import DATA
from pandas.testing import assert_frame_equal

from perucorpus.base import dates
from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import checks, memberships, quotes
from perucorpus.facts.collection import Collection


@pytest.fixture(scope="module")
def claims():
    return checks.load_claims(DATA)


def test_seed_status_checks_keep_the_article_note_apart_and_cite_every_reference_used(rows, references):
    found = checks.status_checks(rows, references)
    assert [check["country"] for check in found] == ["Canada", "Peru", "Mexico", "Argentina", "Bolivia", "Saudi Arabia", "Peru"]
    peru = found[1]
    assert peru["claim (quote)"] == "البيرو اعلنت إنسحابها من “مجموعة ليما”"
    assert peru["what the references record"].startswith(
        "founding member 2017-08-08; exit announced 2021-08 (derived: no source found dates Béjar's statement itself. "
    )
    assert peru["what the references record"] == f"{peru['steps']}. {peru['reference notes']}"
    assert "Forsyth" in peru["reference notes"] and "Forsyth" not in peru["steps"]
    assert "انسحبت" not in peru["what the references record"]  # the article's words stay in the article's columns
    assert "انسحبت" in peru["our note on the claim"]
    for ref in ("noticias800_2021_peru", "monoglobal_2021_peru", "tvsantiago_2021_peru"):
        assert f"({ref})" in peru["references"]
    for check in found:  # every cited id is a reference, never an article
        cited = [part.rsplit("(", 1)[1].rstrip(")") for part in check["references"].split("; ")]
        assert cited and set(cited) <= set(references.index)


def test_status_checks_cite_articles_by_reader_name_with_the_full_citation_kept(rows, references, articles):
    names = {"castillo2021_lima_exit": "the 2021 opinion piece", "jeri2025_mnna_intent": "the 2025 news report"}
    texts = {article_id: article.raw for article_id, article in articles.items()}
    found = checks.status_checks(rows, references, names=names, texts=texts)
    assert found[1]["article"] == "2021 opinion piece ¶2"
    assert found[1]["full citation"].startswith("castillo2021_lima_exit ¶2, ")
    assert [check["article"] for check in checks.status_checks(rows, references)] == [check["full citation"] for check in found]


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
    assert found["what the references record"].startswith("A signature is confirmed for 17 of them.")
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_signatory_check_never_calls_a_signatory_a_mere_attendee(rows, references):
    peru_attended = rows[(rows["iso3"] == "PER") & (rows["grouping"] == "accc") & (rows["source_kind"] == "external")].assign(
        status="attended"
    )
    found = checks.signatory_check(pd.concat([rows, peru_attended]), references)
    assert found["what the references record"].endswith("Attended without signing: Chile.")


def test_lima_vs_coalition_names_the_switchers_by_the_exit_rule(rows):
    coalition = memberships.status_on(rows, "accc", date(2026, 3, 13), "article")
    table = checks.lima_vs_coalition(rows, coalition).set_index("iso3")
    overlap = table["overlap"]
    assert overlap["ARG"] == "switcher"  # left the Lima Group by a declaration in effect; on the 2026 list
    # an announced exit that was dropped, and a state that only stopped taking part, never left
    assert overlap["PER"] == overlap["BOL"] == overlap["GUY"] == overlap["PRY"] == "in both"
    assert overlap["MEX"] == overlap["BRA"] == overlap["LCA"] == "Lima Group only"
    assert overlap["CUB"] == "neither" and table.at["CUB", "2026 list (explainer)"] == "named as absent"
    assert overlap["BHS"] == "2026 list only"
    assert list(dict.fromkeys(overlap)) == list(checks.OVERLAPS)  # rows sorted by kind of overlap
    assert table.at["PER", "Lima Group, last status (references)"] == "exit announced, then dropped"
    assert table.at["LCA", "Lima Group, last status (references)"] == "left: exit declared, in effect"
    assert table.at["BHS", "Lima Group, last status (references)"] == "—"
    assert table.at["PER", "2026 list (explainer)"] == "signed the declaration"
    assert list(table.reset_index().columns) == checks.OVERLAP_COLUMNS


def test_lima_vs_coalition_keeps_the_latest_exit():
    rows = pd.DataFrame(
        [
            ("ARG", "lima_group", "founding_member", "external", date(2017, 8, 8)),
            ("ARG", "lima_group", "withdrew", "external", date(2021, 3, 24)),
            ("ARG", "lima_group", "announced_withdrawal", "external", date(2019, 1, 1)),
            ("PER", "lima_group", "founding_member", "external", date(2017, 8, 8)),
            ("PER", "lima_group", "exit_dropped", "external", date(2021, 9, 7)),
            ("PER", "lima_group", "announced_withdrawal", "external", date(2021, 8, 1)),
        ],
        columns=["iso3", "grouping", "status", "source_kind", "start_date"],
    )
    table = checks.lima_vs_coalition(rows, pd.Series({"ARG": "signatory", "PER": "signatory"})).set_index("iso3")
    assert table.at["ARG", "overlap"] == "switcher"
    assert table.at["PER", "overlap"] == "in both"
    assert table.at["PER", "Lima Group, last status (references)"] == "exit announced, then dropped"


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
        f"claims.csv:{_line_of(path, 'jeri2025_intent')}: row: fails ref_ids may be empty only for an unverifiable or not_checked claim"
        in message
    )


@pytest.mark.parametrize("verdict", ["unverifiable", "not_checked"])
def test_an_unsourced_claim_may_cite_nothing_but_the_old_verdict_is_refused(data_copy, verdict):
    path = data_copy / "claims.csv"
    _edit_claim(path, "jeri2025_intent", verdict=verdict, ref_ids="")
    assert checks.load_claims(data_copy).set_index("claim_id").at["jeri2025_intent", "verdict"] == verdict
    _edit_claim(path, "jeri2025_intent", verdict="not_checkable")  # the vocabulary before issue 19
    with pytest.raises(DataError, match="column 'verdict': value 'not_checkable'"):
        checks.load_claims(data_copy)


def test_verdict_meanings_cover_the_vocabulary_and_an_evaluation_is_never_confirmed():
    from perucorpus.base import schemas

    assert list(schemas.VERDICT_MEANINGS) == list(schemas.VERDICTS)
    assert set(schemas.SOURCED_VERDICTS) < set(schemas.VERDICTS)
    assert "evaluation" in schemas.VERDICT_MEANINGS["unverifiable"]
    assert "never an evaluation" in schemas.VERDICT_MEANINGS["confirmed"]


def test_every_article_with_claims_has_a_judging_date_inside_its_date_range(data_copy):
    judged = checks.load_verdict_dates(data_copy)
    assert judged.loc["shield2026_explainer", "as_of"] == "2026-03-13"  # a stated date is its own judging date
    path = data_copy / "verdict_dates.csv"
    edit_rows(path, lambda rows: rows[0].update(as_of="2021-07-31"))  # before 2021-08/2022-07
    with pytest.raises(DataError, match=r"verdict_dates.csv:2: castillo2021_lima_exit: as_of 2021-07-31 is outside"):
        checks.load_verdict_dates(data_copy)
    edit_rows(path, lambda rows: rows.pop(0))
    with pytest.raises(DataError, match="article castillo2021_lima_exit has no judging date in verdict_dates.csv"):
        checks.load_claims(data_copy)


def test_each_claim_carries_its_articles_judging_date(claims):
    assert set(claims.loc[claims["article_id"] == "jeri2025_mnna_intent", "as_of"]) == {"2025-12-11"}
    table = checks.claims_table(
        claims, checks.read_table(DATA / "references.csv", checks.schemas.REFERENCES).set_index("ref_id", drop=False)
    )
    assert list(table.columns) == checks.CLAIM_COLUMNS and "later (not in the verdict)" in table.columns


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
    quotes.fill_offsets(path, Collection(data_copy).texts)  # what perucorpus fill claims.csv runs
    loaded = checks.load_claims(data_copy)
    row = loaded.set_index("claim_id").loc["jeri2025_intent"]
    assert (row["start"], row["end"]) == (0, len(row["quote_ar"]))
    assert row["citation"] == f"jeri2025_mnna_intent ¶1, 0–{len(row['quote_ar'])}"


def test_verdict_counts_lists_every_verdict_per_article():
    claims = pd.DataFrame({"article_id": ["a", "a", "b"], "verdict": ["qualified", "confirmed", "qualified"]})
    expected = pd.DataFrame(
        {
            "confirmed": [1, 0],
            "qualified": [1, 1],
            "contradicted": [0, 0],
            "unverifiable": [0, 0],
            "not_checked": [0, 0],
            "all": [2, 1],
        },
        index=pd.Index(["a", "b"], name="article"),
    )
    assert_frame_equal(checks.verdict_counts(claims), expected)


def test_claims_table_cites_each_reference_and_marks_a_claim_without_any(references):
    claims = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "quote_ar": ["ق", "ع"],
            "claim_en": ["x", "y"],
            "verdict": ["qualified", "not_checked"],
            "as_of": ["2025-12-11", "2026-03-13"],
            "ref_ids": ["batimes_2025_peru_mnna", ""],
            "source_states": ["s", "Not addressed in the sources."],
            "verdict_note": ["n", "m"],
            "later_note": ["", "afterwards"],
            "citation": ["a ¶1, 0–1", "b ¶2, 5–6"],
        },
        index=[7, 9],
    )
    table = checks.claims_table(claims, references)
    assert list(table.columns) == checks.CLAIM_COLUMNS and list(table.index) == [0, 1]
    assert list(table["article"]) == ["a ¶1, 0–1", "b ¶2, 5–6"]
    assert table.loc[0, "references"] == "Bloomberg, December 2025"  # publisher and date, no id in the reading line
    title = references.at["batimes_2025_peru_mnna", "title"]
    assert table.loc[0, "references (titles and ids)"] == f"“{title}”, Bloomberg, December 2025 (batimes_2025_peru_mnna)"
    assert table.loc[1, "references"] == "none" and table.loc[1, "verdict"] == "not checked"
    assert checks.CLAIM_TOOLTIPS == {"references": "references (titles and ids)"}
    assert list(table["later (not in the verdict)"]) == ["", "afterwards"]


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
        "On 11 December 2025*, the day the US notified Congress about Peru, the references record 2 other designated"
    )  # the date in words, marked derived
    assert "2 announced or notified but not yet formalised (Qatar, Saudi Arabia) and 1 treated as one (Taiwan)" in text
    assert text.endswith("'20 other countries': the 2 designated allies plus the 2 announced (Qatar, Saudi Arabia) make 4.")


def test_unchecked_statements_are_article_status_rows_no_claim_overlaps():
    rows = pd.DataFrame(
        {
            "source_kind": ["article", "article", "external", "article"],
            "grouping": ["lima_group", "mnna", "lima_group", "accc"],
            "source_article": ["a", "a", "", "a"],
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
        f"on {dates.in_words(on_notice)} the references record {designated} other designated allies, {pending} announced"
        in notes["jeri2025_twenty_others"]
    )
    found = checks.signatory_check(rows, references)["what the references record"]
    confirmed = re.match(r"A signature is confirmed for (\d+) of them", found).group(1)
    assert f"a signature is confirmed for {confirmed} of the 17 listed" in notes["shield2026_signatory_list"]
    signing = checks.head_of_state_check(rows, positions, presidents, people, references)["what the references record"]
    assert "so the claim held" in signing and signing.endswith("the president was José María Balcázar.")
    later = claims.set_index("claim_id")["later_note"]
    assert "(Balcázar was)" in later["jeri2025_jeri_president"]  # after the judging date: not in the verdict
    assert "Balcázar" not in notes["jeri2025_jeri_president"]


# --- data/claim_reviews.csv: every reading of a claim, and what it changed


def test_every_claim_has_a_review_whose_latest_ends_on_its_verdict(claims):
    reviews = checks.load_reviews(DATA, claims)
    assert set(reviews["claim_id"]) == set(claims["claim_id"])
    counts = checks.review_counts(reviews)
    assert counts.loc["rejudging", "claims read"] == len(claims)
    assert list(counts.columns) == ["changed", "confirmed as is", "new claim", "readings", "claims read"]
    # the outcomes add up to the readings; a claim read twice is why readings can exceed the claims read
    assert (counts[["changed", "confirmed as is", "new claim"]].sum(axis=1) == counts["readings"]).all()
    twice = checks.read_twice(reviews, "rejudging")
    assert counts.loc["rejudging", "readings"] - counts.loc["rejudging", "claims read"] == len(twice)


def test_a_review_out_of_step_with_claims_csv_stops_the_load(data_copy, claims):
    path = data_copy / "claim_reviews.csv"

    def break_rows(rows):
        first_id = rows[0]["claim_id"]  # every reading of the first claim goes: its first becomes an unknown claim's
        rows[:] = [{**rows[0], "claim_id": "no_such_claim"}] + [row for row in rows[1:] if row["claim_id"] != first_id]
        rows.append(
            {
                **rows[1],
                "date": "2099-01-01",
                "verdict_before": rows[1]["verdict_after"],
                "verdict_after": "contradicted",
                "outcome": "changed",
            }
        )

    edit_rows(path, break_rows)
    with pytest.raises(DataError) as error:
        checks.load_reviews(data_copy, claims)
    message = str(error.value)
    first = claims["claim_id"].iloc[0]
    assert "claim_reviews.csv:2: no_such_claim is not a claim_id of claims.csv" in message
    assert f"{first} has no review" in message
    second = claims["claim_id"].iloc[1]
    assert f"{second}'s latest review ends on 'contradicted', but claims.csv has" in message


def test_review_rows_keep_their_outcome_consistent(data_copy):
    path = data_copy / "claim_reviews.csv"
    edit_rows(
        path, lambda rows: rows[0].update(outcome="confirmed_as_is", verdict_before="contradicted", verdict_after="confirmed")
    )
    with pytest.raises(DataError, match="a claim confirmed_as_is keeps its verdict"):
        checks.read_table(path, checks.schemas.CLAIM_REVIEWS)


def test_verdict_changes_lists_changed_and_new_claims_only():
    reviews = pd.DataFrame(
        {
            "claim_id": ["a", "b", "c"],
            "kind": ["rejudging"] * 3,
            "verdict_before": ["not_checkable", "confirmed", ""],
            "verdict_after": ["not_checked", "confirmed", "unverifiable"],
            "what_changed": ["Judged as of 2021-08-10: not_checkable, moved to later_note.", "y", "z"],
        }
    )
    changes = checks.verdict_changes(reviews)
    assert changes["what_changed"].iloc[0] == "Judged as of 10 August 2021: not checkable, moved to the later note."
    assert list(changes["claim_id"]) == ["a", "c"]
    assert list(changes["before"]) == ["not checkable", "(new claim)"] and list(changes["after"]) == [
        "not checked",
        "unverifiable",
    ]


def test_verdict_changes_for_a_reader_name_claims_by_their_place():
    reviews = pd.DataFrame(
        {
            "claim_id": ["op_guaido_cia"],
            "kind": ["rejudging"],
            "verdict_before": ["confirmed"],
            "verdict_after": ["qualified"],
            "what_changed": ["Split from op_coups; verdict narrowed."],
        }
    )
    places = {"op_guaido_cia": "the claim at 2021 opinion piece ¶5", "op_coups": "the claim at 2021 opinion piece ¶4"}
    changes = checks.verdict_changes(reviews, places)
    assert list(changes.columns) == ["claim", "kind", "before", "after", "what changed"]
    assert changes.iloc[0]["claim"] == "the claim at 2021 opinion piece ¶5"
    assert changes.iloc[0]["what changed"] == "Split from the claim at 2021 opinion piece ¶4; verdict narrowed."


def test_the_codebook_gives_each_verdict_its_meaning():
    from perucorpus.base import schemas

    codebook = (DATA / "README.md").read_text(encoding="utf-8")
    for verdict, meaning in schemas.VERDICT_MEANINGS.items():
        assert f"| `{verdict}` | {meaning}" in codebook


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
            "later_note": ["l, after the range (larepublica_2026_peru_accc; no_such_id)"],
            "citation": ["a ¶1, 0–1"],
        }
    )
    row = checks.claims_table(claims, references).iloc[0].to_dict()
    assert {key: value for key, value in row.items() if not key.startswith("references")} == {
        "article": "a ¶1, 0–1",
        "claim (quote)": "ق",
        "claim (English)": "x",
        "verdict": "qualified",
        "what the references state": "s",
        "our note on the verdict": "n",
        "later (not in the verdict)": "l, after the range (La República (Peru); no_such_id)",  # ids read as publishers
    }
    # best tier first, as everywhere: the ids only where a researcher looks (the tooltip column)
    assert row["references"] == "Bloomberg, December 2025; La República (Peru), 10 March 2026"
    assert "_" not in row["references"]
    full = row["references (titles and ids)"]
    assert full.index("(batimes_2025_peru_mnna)") < full.index("(larepublica_2026_peru_accc)")


def test_unchecked_statements_of_the_lima_group_and_spans_that_only_touch():
    rows = pd.DataFrame(
        {
            "source_kind": ["article", "article"],
            "grouping": ["lima_group", "lima_group"],
            "source_article": ["a", "a"],
            "source_ref": ["", ""],
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
        source_article=["a", "a", *[""] * len(external)],
        source_ref=["", "", *["batimes_2025_peru_mnna"] * len(external)],
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


def test_head_of_state_check_has_the_table_columns_and_says_when_a_term_end_is_not_recorded(
    rows, positions, presidents, people, references
):
    open_ended = presidents.copy()
    open_ended.loc[open_ended["name"] == "José Jerí", "end"] = None
    found = checks.head_of_state_check(rows, positions, open_ended, people, references)
    assert list(found) == checks.COLUMNS and found["country"] == "Peru"
    assert ": Friday 10 October 2025) to (end not recorded), so the claim held" in found["what the references record"]


def test_notebook_04_findings_state_the_verdict_counts_of_the_claims(collection):
    """The counts in notebook 04's Findings paragraph are the claims' verdict counts (a re-judged claim must show there)."""
    import nbformat

    book = nbformat.read(DATA.parent / "notebooks" / "04_discussion_guide.ipynb", as_version=4)
    findings = re.search(r"\*\*Findings\.\*\*([^\n]+)", book.cells[0].source).group(1)
    stated = re.search(
        r"(\d+) claims, (\d+) are confirmed by the references, (\d+) qualified and (\d+) contradicted; "
        r"(\d+) still wait for a source, and (\d+) \(",
        findings,
    )
    assert stated, findings
    totals = checks.verdict_counts(collection.claims).sum()
    recorded = [totals[name] for name in ("all", "confirmed", "qualified", "contradicted", "not_checked", "unverifiable")]
    assert [int(number) for number in stated.groups()] == recorded


def test_claims_table_names_another_claim_by_its_place_not_its_id(claims, references, articles):
    from perucorpus.text import corpus

    names = corpus.reader_names(corpus.metadata(articles))
    raws = {article_id: article.raw for article_id, article in articles.items()}
    far_right = claims[claims["claim_id"] == "castillo2021_far_right"]
    note = checks.claims_table(far_right, references, names, raws, every=claims).iloc[0]["our note on the verdict"]
    assert "castillo2021_thirteen_states" not in note  # an id in the reading line
    assert "is checked in the claim at 2021 opinion piece ¶" in note


def test_named_claims_names_claims_sharing_a_place_once_with_their_number():
    places = {
        "a_mexico": "the claim at 2021 opinion piece ¶3",
        "a_bolivia": "the claim at 2021 opinion piece ¶3",
        "b_list": "the claim at 2026 explainer ¶23",
    }
    assert checks.named_claims(["b_list", "a_mexico", "a_bolivia"], places) == (
        "the claim at 2026 explainer ¶23, two claims at 2021 opinion piece ¶3"
    )
    assert checks.named_claims(["a_mexico"], places) == "the claim at 2021 opinion piece ¶3"
