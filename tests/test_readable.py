"""The record as a student reads it (perucorpus.facts.readable): plain dates, publishers for ids, a claim's English."""

import pandas as pd

from perucorpus.facts import checks, memberships, readable, translations

REFS = pd.DataFrame(
    {"publisher": ["EFE", "La Nación", "Blog"], "tier": ["wire_or_major", "wire_or_major", "other_outlet"]},
    index=pd.Index(["efe_2026_x", "lanacion_2026_y", "blog_2026_z"], name="ref_id"),
)


def test_plain_date_writes_words_and_stars_a_derived_date():
    assert readable.plain_date("2021-09-07", "derived") == "7 September 2021*"
    assert readable.plain_date("2021-08") == "August 2021" and readable.plain_date("") == "no date"
    assert readable.DERIVED_NOTE.startswith(readable.DERIVED)


def test_publishers_and_without_ids_name_references_by_publisher_best_tier_first():
    assert readable.publishers(["blog_2026_z", "lanacion_2026_y", "efe_2026_x", "efe_2026_x"], REFS) == "EFE, La Nación, Blog"
    text = "Confirmed (efe_2026_x; lanacion_2026_y); see the exit_dropped row."
    assert readable.without_ids(text, REFS) == "Confirmed (EFE; La Nación); see the exit_dropped row."


def test_dates_in_words_writes_full_iso_dates_only():
    text = "in RPP's report of 2025-10-10; Presidential Determination No. 2026-04 (derived from 2025-12-11)"
    assert readable.dates_in_words(text) == (
        "in RPP's report of 10 October 2025; Presidential Determination No. 2026-04 (derived from 11 December 2025)"
    )


def test_sourced_flags_a_lone_reference_that_is_not_primary():
    refs = pd.concat([REFS, pd.DataFrame({"publisher": ["Gov"], "tier": ["primary"]}, index=pd.Index(["gov_x"]))])
    assert readable.sourced(["blog_2026_z"], refs) == "Blog (one source: an outlet not of record)"
    assert readable.sourced(["blog_2026_z"], refs.assign(date="2026-03-05", title="T"), dated=True) == (
        "Blog, 5 March 2026; one source: an outlet not of record"
    )
    assert readable.sourced(["gov_x"], refs) == "Gov"  # a primary source needs no caveat
    assert readable.sourced(["blog_2026_z", "efe_2026_x"], refs) == "EFE, Blog"


def test_source_flag_is_the_one_rule_single_non_primary_or_aggregators_only():
    refs = pd.concat(
        [
            REFS,
            pd.DataFrame(
                {"publisher": ["Gov", "Mirror", "Copy"], "tier": ["primary", "aggregator_or_mirror", "aggregator_or_mirror"]},
                index=pd.Index(["gov_x", "mirror_x", "copy_x"]),
            ),
        ]
    )
    assert readable.source_flag(["blog_2026_z", "blog_2026_z"], refs) == "one source: an outlet not of record"
    assert readable.source_flag(["efe_2026_x"], refs) == "one source: a news agency or paper of record"
    assert readable.source_flag(["gov_x"], refs) == "" and readable.source_flag([], refs) == ""
    assert readable.source_flag(["blog_2026_z", "efe_2026_x"], refs) == ""
    assert readable.source_flag(["mirror_x", "copy_x"], refs) == "only sites that compile or copy others' work"
    assert readable.flagged("14 January 2026", ["blog_2026_z"], refs) == (
        "14 January 2026 (one source: Blog, an outlet not of record)"  # the publisher named beside a date
    )
    assert readable.flagged("5 March 2026", ["efe_2026_x"], refs, what="signing date") == (
        "5 March 2026 (signing date from one source: EFE, a news agency or paper of record)"
    )
    assert readable.flagged("8 August 2017", ["gov_x"], refs) == "8 August 2017"


def test_step_flags_judges_each_step_by_every_reference_recording_it():
    rows = pd.DataFrame(
        {
            "iso3": ["QAT", "COL", "ARG", "ARG"],
            "country_en": ["Qatar", "Colombia", "Argentina", "Argentina"],
            "grouping": ["mnna"] * 4,
            "status": ["designated"] * 4,
            "start": ["2022-03-10", "2022-05-23", "1998-01-06", "1998-01-06"],
            "source_kind": ["external"] * 4,
            "source_ref": ["blog_2026_z", "gov_x", "lanacion_2026_y", "efe_2026_x"],
        }
    )
    refs = pd.concat([REFS, pd.DataFrame({"publisher": ["Gov"], "tier": ["primary"]}, index=pd.Index(["gov_x"]))])
    # Argentina's designation is cited by la Nación here, but EFE records it too: two sources, no flag
    assert readable.step_flags(["blog_2026_z", "gov_x", "lanacion_2026_y"], rows, refs) == (
        "Qatar designated (one source: an outlet not of record)"
    )
    assert readable.step_flags(["gov_x"], rows, refs) == ""


def test_single_source_steps_names_each_step_resting_on_one_outlet():
    events = pd.DataFrame(
        {
            "start": ["2017-08-08", "2021-09-07"],
            "start_basis": ["stated", "derived"],
            "event": ["signs", "drops the exit"],
            "source_ref": ["gov_x", "blog_2026_z"],
        }
    )
    refs = pd.concat([REFS, pd.DataFrame({"publisher": ["Gov"], "tier": ["primary"]}, index=pd.Index(["gov_x"]))])
    assert readable.single_source_steps(events, refs) == (
        "Each dated from one report that is not an official source: drops the exit (7 September 2021*; "
        "one source: Blog, an outlet not of record)."
    )
    assert readable.single_source_steps(events.iloc[:1], refs) == ""


def test_steps_table_keeps_derivations_apart_for_the_fold():
    events = pd.DataFrame(
        {
            "start": ["2021-08", "2021-09-07"],
            "start_basis": ["stated", "derived"],
            "start_derivation": ["", "'este martes' in a report of 2021-09-08"],
            "event": ["announces exit", "drops the exit"],
            "source_ref": ["blog_2026_z", "efe_2026_x"],
            "article": ["a1", ""],
        }
    )
    table, derived = readable.steps_table(events, REFS, {"a1": "the 2021 opinion piece"})
    assert table.to_dict("records") == [
        {
            "date": "August 2021",
            "step": "announces exit",
            "source": "Blog (one source: an outlet not of record)",  # a lone outlet says so where the step is read
            "also reported by": "the 2021 opinion piece",
        },
        {
            "date": "7 September 2021*",
            "step": "drops the exit",
            "source": "EFE (one source: a news agency or paper of record)",
            "also reported by": "",
        },
    ]
    assert derived.to_dict("records") == [
        {
            "date": "7 September 2021*",
            "step": "drops the exit",
            "how it was worked out": "'este martes' in a report of 2021-09-08",
            "reference": "efe_2026_x",
        }
    ]


def test_terms_table_says_in_office_and_folds_each_derived_end(presidents, references):
    table, derived = readable.terms_table(presidents, references)
    assert list(table["president"]) == list(presidents["name"]) and table["to"].iloc[-1] == "in office"
    assert not table["sources"].str.contains("_").any()  # publishers, not ids
    starred = sum(value.endswith("*") for value in pd.concat([table["from"], table["to"]]))
    assert starred == len(derived) and derived["how it was worked out"].str.len().gt(0).all()


def test_status_table_gives_each_claim_its_english_beside_the_arabic(rows, references, articles):
    english = translations.load_translations(articles=articles, data_dir=articles[next(iter(articles))].path.parents[1])
    raws = {article_id: article.raw for article_id, article in articles.items()}
    found = checks.status_checks(rows, references, names=None, texts=raws)
    table = readable.status_table(found, references, english, raws)
    assert len(table) == len(found) and (table["claim in English"] != translations.NOT_TRANSLATED).all()
    for row in table.itertuples():
        assert not any(ref in row._6 for ref in references.index)  # no ids in our note
    # The English is the rendering of the quoted sentence, not the sentence that happens to name the country:
    # the news report's ¶2 quote is its first sentence (the notice "on Thursday"), not the "Peruvian government" one.
    news = table["article"].str.startswith("jeri2025_mnna_intent")
    peru = table.loc[news & (table["country"] == "Peru"), "claim in English"].iloc[0]
    assert peru.startswith("The White House informed the US Congress, on Thursday") and "tantamount" not in peru
    mexico = table.loc[table["country"] == "Mexico", "claim in English"].iloc[0]
    assert "Mexico, Argentina and Bolivia" in mexico
    # the passage naming the three is printed once, in Mexico's row; the other two refer to it
    for country in ("Argentina", "Bolivia"):
        row = table.loc[(table["country"] == country) & ~news].iloc[0]
        assert row["claim in English"] == readable.SAME_PASSAGE.format(country="Mexico") and row["claim (Arabic)"] == ""
    assert table["what the references record"].str.contains(r"\d{4}\*").any()  # derived dates starred


def test_exit_answers_join_each_answer_to_its_coded_status(rows):
    from conftest import DATA

    from perucorpus.base import schemas, tables

    answers = tables.read_table(DATA / "lima_group_exits.csv", schemas.LIMA_GROUP_EXITS)
    found = memberships.exit_answers(rows, answers)
    assert len(found) == len(answers) and "Argentina" in set(found["country"])
    assert set(found.loc[found["country"] == "Argentina", "status"]) == {"withdrew"}


def test_quoted_passages_give_each_its_reader_citation_and_the_english_of_its_sentence(articles):
    from perucorpus.text import cleaning, corpus

    english = translations.load_translations(articles=articles, data_dir=articles[next(iter(articles))].path.parents[1])
    raws = {article_id: article.raw for article_id, article in articles.items()}
    views = {article_id: cleaning.clean(raw) for article_id, raw in raws.items()}
    names = corpus.reader_names(corpus.metadata(articles))
    table = readable.quoted_passages(views, raws, names, english)
    assert not table["article"].str.contains("_").any()  # reader names, not ids
    lima = table[table["in quotation marks"] == "مجموعة ليما"].iloc[0]
    assert lima["article"] == "2021 opinion piece ¶2" and '"Lima Group"' in lima["in English"]
    assert (table["in English"] != translations.NOT_TRANSLATED).all()
    # the explainer's ¶25 quotes "blue tide" and "pink tide" in one sentence: one row, the sentence printed once
    assert not table.duplicated(["article", "in English"]).any()
    tides = table[table["in English"].str.contains("blue tide")]
    assert len(tides) == 1 and readable.QUOTES_JOINED in tides["in quotation marks"].iloc[0]


def test_a_reference_is_cited_by_publisher_and_date_in_words_its_title_and_id_kept_for_the_fold(references):
    shown, full = readable.cited(["batimes_2025_peru_mnna", "govbase_2026_saudi"], references)
    assert shown == "Bloomberg, December 2025; GovBase, undated"  # best tier first; a reference without a date says so
    assert full.startswith(
        f"“{references.at['batimes_2025_peru_mnna', 'title']}”, Bloomberg, December 2025 (batimes_2025_peru_mnna); "
    )
    assert full.endswith(", GovBase, undated (govbase_2026_saudi)")
    assert readable.reference_date("2026-03-05") == "5 March 2026" and readable.reference_date("undated") == "undated"


def test_with_reader_names_names_articles_as_readers_do_and_capitalises_a_sentence_start():
    names = {"jeri2025_mnna_intent": "the 2025 news report", "shield2026_explainer": "the 2026 explainer"}
    text = "As in article jeri2025_mnna_intent. shield2026_explainer lists it; jeri2025_mnna_intent_x stays."
    assert readable.with_reader_names(text, names) == (
        "As in the 2025 news report. The 2026 explainer lists it; jeri2025_mnna_intent_x stays."
    )


def test_derivation_in_words_drops_file_names_and_writes_dates_and_publishers():
    text = "Judged as of the range's end (2021-08/2021-09-07, articles.csv); EFE's report efe_2026_x of 2026-03-05."
    assert readable.derivation_in_words(text, REFS) == (
        "Judged as of the range's end (August 2021 to 7 September 2021); EFE's report EFE of 5 March 2026."
    )
    assert "articles.csv" not in readable.derivation_in_words("(articles.csv: stated in the file's header)", REFS)
    text = "set aside in a report of 2021-09-07 (references.csv, ref_id efe_2026_x; the exit_dropped row of memberships.csv)"
    assert readable.derivation_in_words(text, REFS) == (
        "set aside in a report of 7 September 2021 (EFE; the record “exit announced, then dropped” in notebook 03)"
    )


def test_exit_rule_tables_give_questions_kinds_and_sources_in_words_and_keep_ids_for_the_fold():
    rule = memberships.exit_rule()
    answers = pd.DataFrame(
        {
            "country": ["Saint Lucia"],
            "start": ["2021-08-10"],
            "source": ["blog_2026_z"],
            "declared": ["yes"],
            "in_effect": ["yes"],
            "set_aside": ["no"],
            "status": ["withdrew"],
            "evidence": ["leaves the group"],
            "note": ["See the exit_dropped row."],
        }
    )
    kinds, shown = readable.exit_rule_tables(
        rule, answers, REFS.assign(date=["2026-03-05", "2026-03-06", "2021-08-11"], title=["A", "B", "C"], url=["u1", "u2", "u3"])
    )
    assert "status" not in kinds.columns and set(readable.EXIT_HEADINGS.values()) <= set(kinds.columns)
    row = shown.iloc[0]
    assert row["date"] == "10 August 2021" and row["source"].startswith("Blog") and "one source" in row["source"]
    assert row["kind"] == "left: exit declared, in effect" and "“exit announced, then dropped”" in row["note"]
    assert "blog_2026_z" not in " ".join(map(str, row.values)) and answers.at[0, "status"] == "withdrew"


def test_without_ids_keeps_a_lone_sources_flag_and_says_what_an_aggregator_is():
    refs = pd.concat(
        [REFS, pd.DataFrame({"publisher": ["Wikipedia"], "tier": ["aggregator_or_mirror"]}, index=pd.Index(["wiki_x"]))]
    )
    text = "dated 14 January 2026 (blog_2026_z); 22 allies (wiki_x); also (efe_2026_x)"
    assert readable.without_ids(text, refs) == "dated 14 January 2026 (Blog); 22 allies (Wikipedia); also (EFE)"
    flags = {"blog_2026_z": readable.source_flag(["blog_2026_z"], refs)}
    assert readable.without_ids(text, refs, flags) == (
        "dated 14 January 2026 (Blog; one source: an outlet not of record); "
        "22 allies (Wikipedia, a site that compiles or copies others' work); also (EFE)"
    )


def test_lone_sources_flags_a_reference_only_where_it_is_a_steps_one_source():
    rows = pd.DataFrame(
        {
            "iso3": ["PER", "ARG", "ARG"],
            "grouping": ["mnna"] * 3,
            "status": ["designated"] * 3,
            "start": ["2026-01-14", "1998-01-06", "1998-01-06"],
            "source_kind": ["external"] * 3,
            "source_ref": ["blog_2026_z", "lanacion_2026_y", "efe_2026_x"],
        }
    )
    # Argentina's designation rests on two reports: neither is flagged
    assert readable.lone_sources(rows, REFS) == {"blog_2026_z": "one source: an outlet not of record"}
    assert readable.lone_sources(rows, REFS, "ARG") == {}  # one country's steps only


def test_every_notebook_dating_perus_designation_carries_the_flag_of_its_one_source(rows, references):
    """The 14 January 2026 designation rests on one outlet: wherever a notebook's own text dates it (03's findings,
    which the index repeats), it carries the flag :func:`readable.source_flag` gives, in the same words as 02 and 04.
    """
    import json
    from pathlib import Path

    from perucorpus.base.dates import in_words
    from perucorpus.facts.memberships import peru_step_row

    designated = peru_step_row(rows, "mnna", "designated")
    flag = readable.source_flag([designated["source_ref"]], references, named=True)
    assert flag.startswith("one source: ")  # the record has one report of it, not primary
    day = " ".join(in_words(designated["start"]).split()[:2])  # "14 January"
    found = 0
    for path in sorted((Path(__file__).parents[1] / "notebooks").glob("0*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and "Non-NATO Ally" in text and day in text:
                found += 1
                assert f"{day}; {flag}" in text or f"{day} 2026 ({flag})" in text, path.name
    assert found
