"""Term counts: names are units taken out of the vocabulary and counted apart; multiword glossary terms count once."""

import pandas as pd
import pytest
from conftest import DATA
from pandas.testing import assert_frame_equal

from perucorpus.text import arabic, corpus, gazetteer, overview


@pytest.fixture(scope="module")
def units():
    return overview.known_units(DATA)


def counted(frame):
    return dict(zip(frame["term"], frame["count"]))


def test_a_multiword_name_is_one_unit_not_two_terms(units):
    text = "أكدت الولايات المتحدة دعمها، وقالت الولايات المتحدة إن دول أمريكا اللاتينية تدعم التحالف."
    [terms] = overview.corpus_term_counts({"a": text}, units=units).values()
    assert not {"ولايات", "متحدة", "امريكا", "لاتينية"} & set(terms["term"])
    assert counted(terms)["دول"] == 1 and counted(terms)["تحالف"] == 1  # the vocabulary around the names is kept
    names = overview.article_names({"a": text}, DATA)
    assert dict(zip(names["name_en"], names["mentions"])) == {"United States": 2, "Latin America": 1}


def test_a_multiword_glossary_term_counts_as_one_term_spelled_as_written(units):
    text = "يحارب الإرهاب المخدراتي، ويقول إن الإرهاب المخدراتي يهدد درع الأمريكتين."
    [terms] = overview.corpus_term_counts({"a": text}, units=units).values()
    row = terms.set_index("term").loc[arabic.normalise("الإرهاب المخدراتي")]
    assert row["count"] == 2 and row["display"] == "الإرهاب المخدراتي"
    assert counted(terms)[arabic.normalise("درع الأمريكتين")] == 1
    assert not {"ارهاب", "مخدراتي", "درع", "امريكتين"} & set(terms["term"])  # no fragments of the terms


def test_without_units_the_old_fragments_come_back():
    """The units are what keeps the fragments out (the check above can fail)."""
    [terms] = overview.corpus_term_counts({"a": "الولايات المتحدة والولايات المتحدة"}).values()
    assert counted(terms) == {"متحدة": 2, "ولايات": 2}


def test_a_person_is_counted_under_every_listed_spelling_and_a_venue_is_not_the_person():
    text = "قال ترامب، ثم قال ترمب في منتجع ترمب ناشيونال دورال."
    names = overview.article_names({"a": text}, DATA)
    assert dict(zip(names["name_id"], names["mentions"])) == {"trump": 2, "منتجع ترمب ناشيونال دورال": 1}
    assert names.set_index("name_id").at["trump", "spelling"] in {"ترامب", "ترمب"}


def test_seed_no_top_term_is_a_fragment_of_a_known_multiword_name(views, units):
    """Each top term that is a word of a known multiword name is counted only where it stands outside the names."""
    texts = {key: view.text for key, view in views.items()}
    multiword = [
        entry for entry in units.entries if entry.kind != overview.TERM and len(arabic.normalise(entry.term).split()) > 1
    ]
    fragments = {arabic.split_clitics(word)[1] for entry in multiword for word in arabic.normalise(entry.term).split()}
    assert {"ولايات", "متحدة", "امريكا", "لاتينية", "دول"} <= fragments
    known_bases = overview.vocabulary(list(texts.values()))
    for article_id, terms in overview.article_terms(texts, DATA).items():
        text = texts[article_id]
        for mention in units.find(text, article_id):
            if mention.entry in multiword:
                text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
        outside = counted(overview.term_counts(text, known_bases))
        for term, count in counted(terms.head(10)).items():
            if term in fragments:
                assert count <= outside.get(term, 0), f"{article_id}: top term {term} counts words of a name"
        assert not {"ولايات", "متحدة", "لاتينية"} & set(terms.head(10)["term"])


def test_seed_the_names_table_counts_countries_as_the_country_matrix_does(views, gaz):
    texts = {key: view.text for key, view in views.items()}
    names = overview.article_names(texts, DATA)
    countries = names[names["kind"].str.startswith("country")]
    as_matrix = pd.DataFrame(
        {
            "article_id": countries["article_id"],
            "iso3": countries["name_id"],
            "form": countries["kind"].map({"country": "name", "country adjective": "adjective"}),
            "mentions": countries["mentions"],
        }
    ).sort_values(["article_id", "iso3", "form"], ignore_index=True)
    matrix = gazetteer.mention_counts({key: gaz.find(text, key) for key, text in texts.items()})
    assert_frame_equal(as_matrix, matrix)


def test_names_table_pivots_by_article_and_keeps_the_often_named():
    names = pd.DataFrame(
        [
            ("a", "country", "PER", "Peru", "البيرو", 3),
            ("b", "country", "PER", "Peru", "بيرو", 2),
            ("b", "person", "trump", "Donald Trump", "ترامب", 1),
            ("a", "region", "أمريكا اللاتينية", "Latin America", "أمريكا اللاتينية", 5),
        ],
        columns=overview.NAME_COLUMNS,
    )
    expected = pd.DataFrame(
        {
            "name_en": ["Latin America", "Peru"],
            "kind": ["region", "country"],
            "spellings": ["أمريكا اللاتينية", "البيرو، بيرو"],
            "a": [5, 3],
            "b": [0, 2],
            "c": [0, 0],
            "total": [5, 5],
        }
    )
    table = overview.names_table(names, ["a", "b", "c"], min_mentions=2)
    assert_frame_equal(table, expected, check_names=False, check_dtype=False)


def test_seed_multiword_terms_take_their_gloss_from_the_glossary(views):
    glosses = overview.term_glosses(DATA)
    texts = {key: view.text for key, view in views.items()}
    terms = overview.article_terms(texts, DATA)["shield2026_explainer"]
    shield = terms[terms["term"] == arabic.normalise("درع الأمريكتين")]
    glossed = overview.with_glosses(shield, glosses)
    assert list(glossed["gloss_en"]) == ["the Shield of the Americas"]
    assert "data/glossary.csv" in glosses.attrs["source"]


def test_known_units_are_rebuilt_when_a_source_file_changes(data_copy):
    before = overview.known_units(data_copy)
    assert overview.known_units(data_copy) is before  # built once
    with (data_copy / "people.csv").open("a", encoding="utf-8") as handle:
        handle.write("lula,لولا,Luiz Inácio Lula da Silva,Brazil's president,\n")
    after = overview.known_units(data_copy)
    assert any(entry.form == "lula" for entry in after.entries)
    assert not any(entry.form == "lula" for entry in before.entries)


def test_mentions_in_context_gives_one_row_per_mention_with_its_article_and_form():
    from types import SimpleNamespace

    def mention(start, end, form):
        return SimpleNamespace(start=start, end=end, entry=SimpleNamespace(form=form))

    texts = {"a": "زار الوفد بيرو ثم عاد", "b": "لا شيء هنا"}
    frame = overview.mentions_in_context(texts, {"a": [mention(10, 14, "PER")], "b": []}, width=20)
    expected = pd.DataFrame(
        {"article": ["a"], "form": ["PER"], "before": ["زار الوفد"], "keyword": ["بيرو"], "after": ["ثم عاد"]}
    )
    assert_frame_equal(frame.astype(str), expected.astype(str))  # the values; dtypes follow the pandas version


def test_term_counts_read_back_are_the_counts_written(tmp_path):
    counts = overview.corpus_term_counts({"b": "دول ودول تغيير", "a": "الأمن المشترك، الأمن"})
    path = overview.write_term_counts(counts, tmp_path / "term_counts.csv")
    read = overview.read_term_counts(path, ["b", "a"])
    assert list(read) == ["b", "a"]
    for article_id, table in counts.items():
        assert_frame_equal(read[article_id], table)


def test_seed_the_derived_term_counts_are_the_counts_of_the_articles(views):
    """Notebook 04 reads data/derived/term_counts.csv instead of counting again: it must be what notebook 01 counts."""
    texts = {article_id: view.text for article_id, view in views.items()}
    read = overview.read_term_counts(DATA / "derived" / "term_counts.csv", list(texts))
    for article_id, table in overview.article_terms(texts, DATA).items():
        assert_frame_equal(read[article_id], table)


def test_term_counts_missing_or_of_other_articles_say_to_run_notebook_01(tmp_path):
    with pytest.raises(overview.DataError, match="term_counts.csv is missing: run notebook 01 first"):
        overview.read_term_counts(tmp_path / "term_counts.csv", ["a"])
    path = overview.write_term_counts(overview.corpus_term_counts({"a": "دول ودول"}), tmp_path / "term_counts.csv")
    with pytest.raises(overview.DataError, match=r"counts the articles \['a'\], not \['a', 'new'\]: run notebook 01 again"):
        overview.read_term_counts(path, ["a", "new"])


def _glossary(rows):
    """A glossary frame of (term_ar, match_ar, loaded, marker_ar) rows, the other columns filled."""
    frame = pd.DataFrame(rows, columns=["term_ar", "match_ar", "loaded", "marker_ar"])
    return frame.assign(
        transliteration="x", gloss_en="x", loaded_kind=["evaluative_word" if x == "yes" else "" for x in frame["loaded"]]
    )


def test_a_marker_outside_every_loaded_term_is_reported_and_one_inside_is_not():
    glossary = _glossary([("شريكًا حيويًا", "شريكًا حيويًا", "yes", "حيويًا"), ("مبدأ مونرو", "مبدأ مونرو", "no", "")])
    texts = {
        "marked": "تعتبر بيرو شريكًا حيويًا في هذه الجهود.",
        "unmarked": "وهو دور حيوي، بل وحيويًا جدا.",  # حيوي is another word; وحيويًا is the marker with a proclitic
    }
    found = overview.unmarked_judgements(texts, glossary)
    assert list(found["article"]) == ["unmarked"] and list(found["surface"]) == ["وحيويًا"]
    assert texts["unmarked"][found.at[0, "start"] : found.at[0, "end"]] == "وحيويًا"
    assert [m.entry.form for m in overview.loaded_mentions(texts, glossary)["marked"]] == ["شريكًا حيويًا"]
    assert overview.loaded_mentions(texts, glossary)["unmarked"] == []


def test_seed_the_loaded_rule_is_applied_to_every_seed_article(seed_articles, views):
    from perucorpus.base import schemas
    from perucorpus.base.tables import read_table

    glossary = read_table(DATA / "glossary.csv", schemas.GLOSSARY)
    texts = {article_id: views[article_id].text for article_id in seed_articles}
    unmarked = overview.unmarked_judgements(texts, glossary)
    assert unmarked.empty, unmarked.to_string()  # every marker of the rule, in every article, falls inside a loaded term
    found = overview.loaded_mentions(texts, glossary)
    assert all(found[article_id] for article_id in texts)  # the news report too has its loaded terms marked
    forms = {m.entry.form for m in found["jeri2025_mnna_intent"]}
    assert {"شريكًا حيويًا", "إشارة دعم قوية", "الشراكة المميزة", "الدول التي تتشارك معها نفس القيم والمصالح"} <= forms


def test_glance_table_names_articles_as_readers_do_with_their_most_named_countries():
    meta = pd.DataFrame(
        {
            "genre": ["opinion", "news"],
            "date": ["2021-08/2022-07", "2026-03-13"],
            "date_basis": ["inferred", "stated"],
            "summary_en": ["<one>", "two"],
            "publisher": ["", "Al Jazeera Net"],
            "outlet_basis": ["not_found", "found"],
        },
        index=["a", "b"],
    )
    counts = pd.DataFrame({"tokens": [384, 90], "paragraphs": [5, 2], "numbered": [6, 3]}, index=["a", "b"])
    mentions = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "b"],
            "iso3": ["VEN", "VEN", "USA", "PER", "PER"],
            "form": ["name", "adjective", "name", "name", "name"],
            "mentions": [2, 5, 7, 3, 1],
        }
    )
    table = overview.glance_table(meta, counts, mentions, {"a": "the 2021 opinion piece", "b": "the 2026 news report"}, top=2)
    assert list(table["article"]) == ["the 2021 opinion piece", "the 2026 news report"]
    assert list(table["date"]) == ["August 2021 – July 2022 (inferred)", "13 March 2026"]
    assert list(table["paragraphs"]) == [6, 3]  # numbered as the citations and the side-by-side number them
    assert list(table["outlet"]) == [corpus.OUTLET_LABELS["not_found"], "Al Jazeera Net"]
    assert list(table["countries named most"]) == ["United States (7), Venezuela (7)", "Peru (1)"]  # ties by name
    assert list(table["words"]) == [384, 90] and list(table["what it says"]) == ["<one>", "two"]


def test_counts_table_numbers_paragraphs_as_citations_do_and_counts_words_on_the_clean_view():
    from perucorpus.text import cleaning

    raw = "عنوان قصير\nالبيرو اعلنت انسحابها.\n\nإعلان\nشاركها."
    counts = overview.counts_table({"a": raw}, {"a": cleaning.clean(raw)})
    assert counts.loc["a", "numbered"] == 4  # heading, paragraph, advertisement line and share button
    assert counts.loc["a", "paragraphs"] == 1 and counts.loc["a", "headings"] == 1  # the page lines are cut


def test_reader_date_writes_one_style_for_days_months_and_inferred_ranges():
    assert overview.reader_date("2026-03-05") == "5 March 2026"
    assert overview.reader_date("2025-11/2026-09", "inferred") == "November 2025 – September 2026 (inferred)"


def test_term_panels_title_each_article_by_reader_name_and_date_and_label_each_bar():
    top = pd.DataFrame(
        {"article_id": ["b", "a", "a"], "gloss_en": ["x", "y", "z"], "display": ["س", "ص", "ض"], "count": [4, 3, 1]}
    )
    meta = pd.DataFrame({"date": ["2021-08/2022-07", "2026-03-13"], "date_basis": ["inferred", "stated"]}, index=["a", "b"])
    panels = overview.term_panels(top, {"a": "the 2021 opinion piece", "b": "the 2026 explainer"}, meta, lambda g, s: f"{g}|{s}")
    assert list(panels) == ["2026 explainer\n(13 March 2026)", "2021 opinion piece\n(August 2021 – July 2022 (inferred))"]
    labels, values = panels["2021 opinion piece\n(August 2021 – July 2022 (inferred))"]
    assert labels == ["y|ص", "z|ض"] and list(values) == [3, 1]


def test_mention_matrix_gives_every_article_both_forms_most_mentioned_first():
    mentions = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "iso3": ["PER", "VEN", "VEN"],
            "form": ["name", "adjective", "name"],
            "mentions": [2, 1, 3],
        }
    )
    matrix = overview.mention_matrix(mentions, ["a", "b", "c"])
    assert list(matrix.index) == ["VEN", "PER"]
    assert list(matrix.columns) == [(a, f) for a in "abc" for f in ("name", "adjective")]
    assert matrix.loc["VEN"].tolist() == [0, 1, 3, 0, 0, 0] and matrix.loc["PER"].sum() == 2


def test_mention_matrix_orders_ties_by_the_english_name_not_the_code():
    # GBR, GTM, SAU, SLV: by code; by name El Salvador, Guatemala, Saudi Arabia, United Kingdom
    mentions = pd.DataFrame(
        {"article_id": ["a"] * 5, "iso3": ["GBR", "GTM", "SAU", "SLV", "PER"], "form": ["name"] * 5, "mentions": [1, 1, 1, 1, 2]}
    )
    assert list(overview.mention_matrix(mentions, ["a"]).index) == ["PER", "SLV", "GTM", "SAU", "GBR"]


def test_cuts_lifted_and_non_country_tables_list_what_the_views_and_matches_hold():
    from perucorpus.text import cleaning, gazetteer

    raw = "البيرو اعلنت انسحابها.\nإعلان\nشاركها."
    view = cleaning.clean(raw)
    cuts = overview.cuts_table({"a": raw}, {"a": view})
    assert list(cuts["raw text"]) == [raw[c.start : c.end].strip() for c in view.cuts] and len(cuts) >= 1
    assert list(overview.lifted_table({"a": view}).columns) == ["article", "field", "value"]
    region = gazetteer.Entry(term="امريكا اللاتينية", kind="region", form="region", iso3=None, origin="test")
    peru = gazetteer.Entry(term="بيرو", kind="country", form="name", iso3="PER", origin="test")
    mentions = {
        "a": [gazetteer.Mention(0, 1, "x", region), gazetteer.Mention(2, 3, "y", peru)],
        "b": [gazetteer.Mention(0, 1, "x", region)],
    }
    table = overview.non_country_table(mentions, {"a": "opinion", "b": "explainer"})
    assert table.to_dict("records") == [
        {"kind": "region", "term": "امريكا اللاتينية", "mentions": 2, "articles": "explainer, opinion"}
    ]
    glossed = overview.non_country_table(mentions, {"a": "opinion", "b": "explainer"}, {"امريكا اللاتينية": "Latin America"})
    assert list(glossed.columns) == ["kind", "term", "English", "mentions", "articles"]
    assert list(glossed["English"]) == ["Latin America"]


def test_readme_article_table_gives_each_article_its_recorded_date():
    """The README's table of the corpus dates each article as articles.csv does (a changed date range must follow)."""
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    articles = pd.read_csv(DATA / "articles.csv", dtype=str)
    for row in articles.itertuples():
        line = next(line for line in readme.splitlines() if line.startswith("| ") and f"(`{row.id}`)" in line)
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[3] == overview.reader_date(row.date, row.date_basis), row.id


def test_date_derivations_give_each_inferred_date_its_reasoning_and_skip_stated_dates():
    meta = pd.DataFrame(
        {
            "date": ["2021-08/2021-09-07", "2026-03-13"],
            "date_basis": ["inferred", "stated"],
            "date_note": ["From the text: after 28 July 2021.", ""],
        },
        index=pd.Index(["a1", "a2"], name="id"),
    )
    table = overview.date_derivations(meta, {"a1": "the opinion piece", "a2": "the explainer"})
    assert table.to_dict("records") == [
        {
            "article": "the opinion piece",
            "date": "August 2021 – 7 September 2021 (inferred)",
            "how it was worked out": "From the text: after 28 July 2021.",
        }
    ]
