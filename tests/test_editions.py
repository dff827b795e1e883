"""The classroom pack's content: the keyed source joined to the data, its lesson plan, its facts, what it holds back."""

import re
import shutil
import tomllib

import pytest
from conftest import DATA, ROOT, translation_fixture

from perucorpus.base.tables import DataError
from perucorpus.publish import editions

SOURCE = ROOT / "teaching" / "classroom.toml"


def test_the_run_sheet_adds_up_to_ninety_minutes(pack):
    source = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    assert sum(step["minutes"] for step in source["run_sheet"].values()) == editions.SESSION_MINUTES == 90
    assert pack.minutes == 90 and [step.key for step in pack.run_sheet] == list(source["run_sheet"])
    titles = " ".join(step.title.lower() for step in pack.run_sheet)
    for part in ("opening", "reading in groups", "discussion", "writing", "exit ticket"):
        assert part in titles


def test_each_groups_block_of_questions_fits_the_reading_slot(pack):
    reading = next(step for step in pack.run_sheet if step.blocks)
    assert len(reading.blocks) >= 3
    for group, block in reading.blocks.items():
        assert sum(question.minutes for question in block) + reading.prepare == reading.minutes, group
    assert reading.prepare > 0  # time to prepare the group's report
    placed = [question.key for block in reading.blocks.values() for question in block]
    assert len(placed) == len(set(placed))  # no question in two blocks


def test_the_lesson_plan_has_what_a_teacher_needs(pack):
    assert 3 <= len(pack.objectives) <= 4
    assert len(pack.roles) >= 3 and len(pack.paths) == 2
    assert {"arabic", "not"} <= set(" ".join(path["title"] for path in pack.paths).lower().split())
    assert pack.rubric and all(row["strong"] and row["adequate"] and row["weak"] for row in pack.rubric)
    assert {reading["article"].article_id for reading in pack.pre_reading} <= set(pack.names) and pack.pre_reading
    for reading in pack.pre_reading:  # minutes worked out from the words, to the nearest minute
        line = reading["article"]
        speed = editions.WORDS_PER_MINUTE["en" if line.words_en else "ar"]
        assert abs(reading["minutes"] - reading["words"] / speed) <= 0.5 and reading["words"] in (
            line.words_en,
            line.words_ar,
        )


def test_reading_times_tell_short_from_long_texts():
    assert [editions._reading_minutes(words, "ar") for words in (388, 515, 966, 20)] == [4, 5, 10, 1]


def test_every_question_and_exercise_is_complete(pack):
    assert len(pack.questions) >= 6 and len(pack.exercises) >= 4
    for item in pack.items:
        assert item.title and item.text and item.answer and item.timing and item.minutes > 0, item.key
        assert item.misreadings, item.key
        assert item.materials or item.inline_arabic or item.inline_sources, f"{item.key}: no evidence for the students"
    keys = [item.key for item in pack.items]
    assert len(keys) == len(set(keys))


def test_the_facts_of_the_teaching_texts_are_in_the_rows_they_cite(collection):
    assert editions.fact_problems(ROOT, collection) == []


@pytest.fixture
def project_copy(tmp_path):
    """The project with a copy of its teaching source that a test may change; its data and figures as they are
    (the data read once, the ``collection`` fixture).
    """
    shutil.copytree(ROOT / "teaching", tmp_path / "teaching")
    for folder in ("data", "figures"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    return tmp_path


def test_seed_a_number_the_data_does_not_hold_is_caught(project_copy, collection):
    path = project_copy / "teaching" / "classroom.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("held the post for only 19 days", "held the post for only 23 days"), encoding="utf-8")
    assert editions.fact_problems(project_copy, collection) == [
        "teaching/classroom.toml [questions.reversal]: number(s) 23 not in the rows it cites"
    ]


def test_seed_a_quotation_that_is_not_the_articles_words_is_caught(project_copy, collection):
    path = project_copy / "teaching" / "classroom.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("«الشراكة المميزة»", "«الشراكة الممتازة»"), encoding="utf-8")
    assert editions.fact_problems(project_copy, collection) == [
        "teaching/classroom.toml [exercises.mark_news]: «الشراكة الممتازة» is not verbatim in the article(s) it cites"
    ]


def test_seed_a_slide_rendering_that_is_not_our_translation_is_caught(project_copy, collection):
    """A slide's English under its quotation is our translation's words for that paragraph, never newly written."""
    path = project_copy / "teaching" / "classroom.toml"
    text = path.read_text(encoding="utf-8")
    old = 'quote_en = "what the US administration calls narco-terrorism"'
    assert text.count(old) == 1
    path.write_text(text.replace(old, 'quote_en = "what Washington calls narco-terrorism"'), encoding="utf-8")
    assert editions.fact_problems(project_copy, collection) == [
        "teaching/classroom.toml [questions.attribution]: quote_en 'what Washington calls narco-terrorism' is not in our "
        "translation of ¶16"
    ]


def test_no_slide_quotes_the_line_its_answer_turns_on(pack):
    """A question's slide opens the question: its quotation is not one the answer quotes (beyond the words the question
    itself asks about), nor its English the answer's.
    """
    for question in pack.questions:
        if not question.quote_ar:
            continue
        asked = set(editions.ARABIC_QUOTE.findall(question.text))
        quoted = set(editions.ARABIC_QUOTE.findall(question.answer)) - asked
        assert not [quote for quote in quoted if quote in question.quote_ar], question.key
        assert question.quote_en.casefold().rstrip(".") not in question.answer.casefold(), question.key
        assert question.quote_label.endswith(f"¶{question.quote_number}"), question.key


def test_a_note_that_names_its_source_does_not_cite_it_again():
    ids = {"charter97_x": "Charter 97, 12 December 2025", "other_y": "Lawfare, 5 December 2025"}
    assert (
        editions.humanise("Charter 97's report of 2025-12-12 (charter97_x) says so", ids)
        == "Charter 97's report of 2025-12-12 says so"
    )
    assert editions.humanise("a report (other_y) says so", ids) == "a report (Lawfare, 5 December 2025) says so"


def test_page_furniture_is_found_where_the_clean_view_cuts_it():
    """¶n counts every non-empty line of the file; the cuts of the clean view say which are the page's, not the article's."""
    raws = {
        name: (DATA / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        for name in ("shield2026_explainer", "jeri2025_mnna_intent")
    }
    assert editions.furniture(raws["shield2026_explainer"]) == {
        1: ("date_header", False, "2026-03-13"),
        8: ("advertisement", True, ""),
        24: ("advertisement", True, ""),
    }
    assert editions.furniture(raws["jeri2025_mnna_intent"]) == {17: ("share", True, "")}
    assert editions.furniture("* كاتب فلسطيني\n") == {}  # a byline is the author's text


def test_seed_a_row_the_data_does_not_have_is_caught(project_copy, collection):
    path = project_copy / "teaching" / "classroom.toml"
    text = path.read_text(encoding="utf-8")
    old = '"claim:castillo2021_exit_done", "reference:monoglobal_2021_peru"'
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace("exit_done", "exit_gone")), encoding="utf-8")
    problems = editions.fact_problems(project_copy, collection)
    assert "teaching/classroom.toml [questions.exit_dropped]: no data row 'claim:castillo2021_exit_gone'" in problems
    with pytest.raises(editions.PackError, match="no data row 'claim:castillo2021_exit_gone'"):
        editions.load(project_copy, collection=collection)


def test_the_short_table_covers_every_dimension_and_era_in_twelve_words(pack):
    dimensions = (DATA / "dimensions.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row["dimension"] for row in pack.table] == [line.split(",")[0] for line in dimensions]
    for row in pack.table:
        assert len(row["cells"]) == len(pack.eras)
        for cell in row["cells"]:
            assert 0 < len(cell.split()) <= editions.SHORT_CELL_WORDS, cell


def test_the_short_table_quotes_only_words_of_the_printed_passages(root_pack):
    """A student checks a quoted word against the passages the reader prints, so a cell quotes nothing else."""
    pack = root_pack  # this checkout's translations: the English the reader prints
    printed = " ".join(p.english or "" for passages in pack.passages.values() for p in passages).casefold()
    quoted = [q for row in pack.table for cell in row["cells"] for q in re.findall(r"(?<!\w)'([^']+?)'(?!\w)", cell)]
    assert quoted, "the table quotes the articles"
    for quotation in quoted:
        for part in quotation.split("…"):
            assert part.strip(" .,").casefold() in printed, quotation


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_prints_what_a_question_asks_students_to_find(language, pack, arabic_pack):
    """Each question declares the phrases its answer turns on (``find``, ``find_ar``): every one is in its answer, and
    neither the short table (handout, reader, slides) nor any question's text or slide quotation prints it.
    """
    chosen = pack if language == "en" else arabic_pack
    assert all(question.find for question in chosen.questions), "every question declares what its answer turns on"
    assert editions.giveaways(chosen) == []


def _giveaways_after(project_copy, collection, catalogue, old, new, language="en"):
    path = project_copy / "teaching" / catalogue
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return editions.giveaways(editions.load(project_copy, language, collection))


def test_seed_a_table_cell_that_prints_an_answer_is_caught(project_copy, collection):
    cell = 'trump_2025_26 = "Trump intends to make Peru a Major Non-NATO Ally (news report)."'
    leaky = "trump_2025_26 = \"Intended Major Non-NATO Ally status, 'considered … a strong signal of support'.\""
    assert _giveaways_after(project_copy, collection, "classroom.toml", cell, leaky) == [
        f"table [united_states] trump_2025_26 prints 'strong signal of support', which {kind} asks for"
        for kind in ("question 'genre_voice'", "exercise 'mark_news'")
    ]


def test_seed_an_arabic_cell_that_quotes_the_article_where_the_answer_does_is_caught(project_copy, collection):
    """The Arabic cells may quote the article where the English ones paraphrase: its own words are declared too."""
    cell = 'text = "يعتزم ترمب منح بيرو صفة حليف رئيسي من خارج الناتو (التقرير الإخباري)."'
    problems = _giveaways_after(
        project_copy, collection, "ar.toml", cell, cell.replace("(التقرير", "«إشارة دعم قوية» (التقرير"), "ar"
    )
    assert problems == [
        f"table [united_states] trump_2025_26 prints 'إشارة دعم قوية', which {kind} asks for"
        for kind in ("question 'genre_voice'", "exercise 'mark_news'")
    ]


def test_seed_a_declaration_its_answer_no_longer_holds_is_caught(project_copy, collection):
    old, new = 'find = ["founding treaty", ', 'find = ["founding charter", '
    assert _giveaways_after(project_copy, collection, "classroom.toml", old, new) == [
        "question 'kinds_of_exit' declares 'founding charter', which its answer does not hold"
    ]


def test_a_text_numbers_the_items_it_names_as_the_pack_does(pack):
    numbers = {(item.kind, item.key): item.number for item in pack.items}
    numbers |= {("check", check.claim_id): int(check.label.split()[-1]) for check in pack.checks}
    numbers |= {("fact", fact.key): int(fact.label.split()[-1]) for fact in pack.facts}
    assert editions.item_numbers(tomllib.loads(SOURCE.read_text(encoding="utf-8"))) == numbers
    text = "questions {question:whose_peru} and {question:attribution}; exercise {exercise:translate}"
    assert editions.with_item_numbers(text, {**numbers, ("question", "whose_peru"): 9}) == (
        f"questions 9 and {numbers['question', 'attribution']}; exercise {numbers['exercise', 'translate']}"
    )
    with pytest.raises(editions.PackError, match="the question 'whose'"):
        editions.with_item_numbers("{question:whose}", numbers)
    with pytest.raises(editions.PackError, match="the check 'no_such_claim'"):
        editions.with_item_numbers("{check:no_such_claim}", numbers)
    names = pack.t("abbreviations.names.text")
    assert f"check {numbers['check', 'shield2026_four_commitments']})" in names and "{" not in names
    voices = next(item for item in pack.questions if item.key == "whose_peru")
    assert f"questions {numbers['question', 'reversal']} and {numbers['question', 'kinds_of_exit']}" in voices.answer


def test_checks_and_records_are_numbered_in_the_order_they_print():
    """Issue 20 (cold read 8): the checks with a verdict print before the claims left to judge, so they come first."""
    source = {
        "questions": {
            "a": {"evidence": ["check:c1", "fact:f1", "record:r1", "check:c2"]},
            "b": {"evidence": ["record:c2", "record:r2", "check:c3", "fact:f2", "fact:f1"]},
        },
        "exercises": {"e": {"evidence": ["check:c4", "record:r1"]}},
    }
    assert editions.evidence_numbers(source) == {
        ("check", "c1"): 1, ("check", "c2"): 2, ("check", "c3"): 3, ("check", "c4"): 4,
        ("check", "r1"): 5, ("check", "r2"): 6, ("fact", "f1"): 1, ("fact", "f2"): 2,
    }  # fmt: skip


def test_every_president_says_how_the_term_ended(pack):
    names = [line.split(",")[0] for line in (DATA / "peru_heads_of_state.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert [row["name"] for row in pack.presidents] == names
    assert all(row["ended"] for row in pack.presidents)


def test_the_checking_exercise_asks_for_claims_the_data_has_not_settled(pack):
    from perucorpus.facts import checks

    claims = checks.load_claims(DATA).set_index("claim_id")
    exercise = next(item for item in pack.exercises if item.inline_sources)
    assert len(exercise.inline_sources) == editions.CLAIMS_TO_CHECK
    for check in exercise.inline_sources:
        assert claims.at[check.claim_id, "verdict"] in editions.UNCHECKED
        assert check.mode == "sources"
        assert claims.at[check.claim_id, "source_states"] in exercise.withheld  # held back from the students
        assert not editions.covered(claims, check.claim_id, [c.claim_id for c in pack.checks])
    anchors = {material.anchor for material in exercise.materials}
    given = [name for name in exercise.evidence if name.startswith("paragraph:")]  # the passages the task names
    assert len([anchor for anchor in anchors if anchor.startswith("p-")]) == editions.CLAIMS_TO_CHECK + len(given)  # + theirs


def test_a_claim_a_printed_check_covers_is_not_offered_as_unchecked():
    from perucorpus.facts import checks

    claims = checks.load_claims(DATA).set_index("claim_id", drop=False)
    maduro = "shield2026_maduro_mentioned"  # "the operation that arrested Maduro": the capture's own check covers it
    assert editions.covered(claims, maduro, ["shield2026_absolute_resolve"]) == "shield2026_absolute_resolve"
    assert editions.unchecked_candidates(claims, [maduro, "shield2026_hsi_role"], ["shield2026_absolute_resolve"]) == [
        "shield2026_hsi_role"
    ]
    assert editions.unchecked_candidates(claims, [maduro], []) == [maduro]


def test_an_exercise_holds_back_a_paragraph_no_question_prints(pack, collection):
    exercise = next(item for item in pack.exercises if item.model_translation)
    withheld = {(passage.article_id, passage.number) for passage in exercise.model_translation}
    printed = {(passage.article_id, passage.number) for passages in pack.passages.values() for passage in passages}
    assert withheld and not withheld & printed
    english = editions.Data(ROOT, collection).translations
    assert exercise.withheld == [english[passage.article_id, passage.number] for passage in exercise.model_translation]
    assert exercise.withheld[0].startswith("In addition, the United States is seeking")


def test_translations_are_read_when_present_and_marked_missing_when_not(pack, tmp_path):
    passages = {(p.article_id, p.number): p for group in pack.passages.values() for p in group}
    assert passages["jeri2025_mnna_intent", 2].english.startswith("The White House informed")
    assert passages["castillo2021_lima_exit", 3].english is None  # not in the fixture: "not yet translated"
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "translations.csv").unlink()
    assert editions.Data(tmp_path).translations == {}
    rows = translation_fixture().splitlines(keepends=True)
    (data / "translations.csv").write_text("".join(rows[:3]), encoding="utf-8")  # an article translated in part
    with pytest.raises(DataError, match=r"jeri2025_mnna_intent ¶3 has no translation"):
        editions.Data(tmp_path)


def test_seed_passages_drop_page_furniture_and_checks_name_no_ids(pack, collection):
    data = editions.Data(ROOT, collection)
    assert "date 2026-03-13" in data.paragraphs["shield2026_explainer"][1]
    assert data.arabic("shield2026_explainer", 1).startswith("تحالف أمني")
    ids = re.compile(r"\b[a-z]+20\d\d_[a-z0-9_]+\b")
    for check in pack.checks:
        assert not ids.search(check.states + check.note), (check.claim_id, ids.findall(check.states + check.note))


def test_seed_articles_are_named_as_readers_name_them(pack):
    from perucorpus.text import corpus

    assert [line.name for line in pack.articles] == list(corpus.reader_names(corpus.metadata(corpus.load_corpus(DATA))).values())
    assert pack.articles[0].date == "August 2021 – 7 September 2021 (date inferred from the text and the record)"
    assert all(passage.label.startswith(("2021 ", "2025 ", "2026 ")) for group in pack.passages.values() for passage in group)


def test_a_publisher_a_reader_may_not_know_is_described_where_it_is_cited_from_the_data(pack):
    """GovBase (an aggregator) is told about in brackets after its name, in words from publisher_tiers.csv."""
    import pandas as pd

    tiers = pd.read_csv(DATA / "publisher_tiers.csv", dtype=str).set_index("publisher")
    cited = [r for c in pack.checks for r in c.references] + [r for f in pack.facts for r in f.references]
    govbase = next(r for r in cited if r.publisher == "GovBase")
    assert govbase.about == editions.described(tiers.at["GovBase", "why"])
    assert govbase.about.startswith("a tracker that lists Federal Register documents") and not govbase.about.endswith(".")
    for reference in cited:
        described = tiers.at[reference.publisher, "tier"] in editions.DESCRIBED_TIERS
        assert bool(reference.about) == described, reference.publisher
    assert editions.described("EFE's wire copy.") == "EFE's wire copy" and editions.described("An app.") == "an app"


def test_an_arabic_date_range_is_written_in_words_and_no_run_of_it_is_laid_out_left_to_right():
    from perucorpus.present.display import latin_isolated
    from perucorpus.publish.catalogue import Catalogue

    arabic = Catalogue("ar", {"ui.inferred": "مستنتج"}, "ar.toml", "rtl")
    label = editions.date_label("2021-08/2021-09-07", "", arabic)
    assert label == "من أغسطس 2021 إلى 7 سبتمبر 2021"
    # a dash between "2021" and "7" was isolated left to right as "2021 – 7": the day next to the wrong month
    assert "<bdi" not in latin_isolated(label)
    english = Catalogue("en", {"ui.inferred": "inferred"}, "classroom.toml")
    assert editions.date_label("2025-12-11/2026-01-14", "inferred", english) == "11 December 2025 – 14 January 2026 (inferred)"


def test_a_quotation_that_cuts_a_sentence_is_marked_where_it_cuts():
    raw = "جملة أولى. ورأى محللون في مراكز بحثية المبادرة تحالفًا.\nفقرة"
    start = raw.index("ورأى")
    assert editions.excerpt(raw, start, raw.index(" المبادرة")) == "ورأى محللون في مراكز بحثية …"
    assert editions.excerpt(raw, raw.index("محللون"), raw.index(".\n") + 1) == "… محللون في مراكز بحثية المبادرة تحالفًا."
    assert editions.excerpt(raw, start, raw.index(".\n") + 1) == raw[start : raw.index(".\n") + 1]


def test_the_pages_print_the_data_notes_without_words_of_the_projects_making(pack_pages, arabic_edition):
    for _, pages in (pack_pages, arabic_edition):
        for name, html in pages.items():
            assert editions.production_traces(html) == [], name


def test_a_note_that_points_to_a_notebook_or_a_file_is_caught():
    note = "<p>Every statement here is the author's (see notebook 04's claims; memberships.csv), per the stored copy.</p>"
    assert editions.production_traces(note) == ["notebook 04", "memberships.csv", "stored copy"]
    assert editions.production_traces("<p>monoglobal.com.py, 7 September 2021</p><style>/* tests/x.py */</style>") == []
    assert editions.plain("a report of 2026-03-10, FR Doc. 2026-01421") == "a report of 10 March 2026, FR Doc. 2026-01421"


def test_teaching_texts_name_items_by_key_not_by_number():
    """A hard-coded "question 2" goes stale when the questions are reordered; texts name items by key."""
    by_number = re.compile(r"\b(?:questions?|exercises?) \d+|(?:سؤال|تمرين)\S{0,3} [0-9]+", re.IGNORECASE)
    for path in (SOURCE, ROOT / "teaching" / "ar.toml"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#"):
                assert not by_number.search(line), f"{path.name}:{number}: {by_number.search(line).group()}"


def _details(page: str) -> list[str]:
    """The text of each translation note an articles page prints (its folded ``<details>``, the label left out)."""
    import html

    notes = re.findall(r"<details\b[^>]*><summary>.*?</summary>(.*?)</details>", page, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", note)) for note in notes]


def test_page_furniture_is_marked_on_both_articles_pages_and_its_remark_left_to_the_plain_side_by_side(root_pack, collection):
    """Where the pack marks page furniture, the data's remark on it (``furniture_note``) is not printed, in either
    language; the plain side-by-side of notebook 01 and the reading copy, which marks nothing, prints it before the note.
    """
    from perucorpus.facts import translations
    from perucorpus.present import display
    from perucorpus.publish import classroom, localised

    rows = collection.translations
    remarks = {(row.article_id, row.paragraph): row.furniture_note for row in rows.itertuples() if row.furniture_note}
    cut = {(a, n) for a in collection.articles for n in editions.furniture(collection.articles[a].raw)}
    assert remarks and set(remarks) <= cut  # a remark only where the clean view cuts page furniture
    arabic = localised.load(ROOT, "ar")
    for pack in (root_pack, arabic):
        page = classroom.render(pack)["articles.html"]
        marked = {(a["id"], p["number"]) for a in pack.reading for p in a["paragraphs"] if "furniture" in p}
        assert set(remarks) <= marked, pack.t.language
        notes = _details(page)
        assert notes and not [note for note in notes if any(remark in note for remark in remarks.values())]
        assert not [note for note in notes if "furniture" in note.casefold()], pack.t.language
    plain = {a["id"]: a for a in translations.side_by_side(collection.articles, rows)}
    for (article_id, number), remark in remarks.items():
        shown = _details(display.side_by_side(plain[article_id], "caption"))
        note = root_pack.notes.get((article_id, number), "")
        assert " ".join(filter(None, [remark, note])) in shown, (article_id, number)


def test_a_remark_on_page_furniture_where_the_clean_view_cuts_none_stops_the_pack(tmp_path):
    from perucorpus.base.tables import edit_rows

    shutil.copytree(DATA, tmp_path / "data")
    for folder in ("teaching", "figures"):
        (tmp_path / folder).symlink_to(ROOT / folder)

    def stray(rows):
        row = next(row for row in rows if (row["article_id"], row["paragraph"]) == ("castillo2021_lima_exit", "3"))
        row["furniture_note"] = "An advertisement slot."

    edit_rows(tmp_path / "data" / "translations.csv", stray)
    with pytest.raises(editions.PackError, match=r"castillo2021_lima_exit ¶3 has a furniture_note, but the clean view cuts no"):
        editions.load(tmp_path)
