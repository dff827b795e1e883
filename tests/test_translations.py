"""Translations of the articles (perucorpus.facts.translations): every paragraph, numbered as citations number them, in the voice of the Arabic."""

import hashlib
import re

import pandas as pd
import pytest
from conftest import DATA, SEED_IDS

from perucorpus.base.tables import DataError, edit_rows
from perucorpus.facts import quotes, translations
from perucorpus.text import corpus


@pytest.fixture(scope="module")
def translated(articles):
    return translations.load_translations(DATA, articles)


def rewrite_article(data_dir, article_id, change):
    """Change an article's text in a copy of data/ (``change(text) -> text``) and record its new SHA-256, as a new version would be."""
    path = data_dir / "articles" / f"{article_id}.txt"
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8"))

    def record(rows):
        next(row for row in rows if row["id"] == article_id)["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()

    edit_rows(data_dir / "articles.csv", record)


def test_seed_articles_are_translated_paragraph_by_paragraph_as_citations_number_them(translated, seed_articles):
    for article_id, article in seed_articles.items():
        rows = translated[translated["article_id"] == article_id]
        numbered = quotes.numbered_paragraphs(article.raw)
        assert list(rows["paragraph"]) == [number for number, _ in numbered], article_id
        assert list(rows["text_ar"]) == [line for _, line in numbered], article_id
    assert len(translated) == 59 and set(translated["article_id"]) == set(SEED_IDS)


def test_an_article_that_gains_a_paragraph_stops_the_load_until_its_translation_follows(data_copy):
    rewrite_article(data_copy, "castillo2021_lima_exit", lambda text: text + "\nسطر أضيف بعد الترجمة.\n")
    with pytest.raises(DataError, match=r"castillo2021_lima_exit ¶7 has no translation \(it begins «سطر أضيف بعد الترجمة\.»\)"):
        translations.load_translations(data_copy)
    with (data_copy / "translations.csv").open("a", encoding="utf-8") as handle:
        handle.write("castillo2021_lima_exit,7,A line added after the translation.,,\n")
    assert len(translations.load_translations(data_copy)) == 60


def test_an_article_that_loses_a_paragraph_stops_the_load_until_its_translation_follows(data_copy):
    rewrite_article(data_copy, "castillo2021_lima_exit", lambda text: text.replace("* كاتب وباحث اكاديمي فلسطيني", ""))
    with pytest.raises(
        DataError, match=r"translations\.csv:7: castillo2021_lima_exit has 5 paragraphs, so there is no ¶6 to translate"
    ):
        translations.load_translations(data_copy)
    edit_rows(
        data_copy / "translations.csv",
        lambda rows: rows.remove(next(r for r in rows if (r["article_id"], r["paragraph"]) == ("castillo2021_lima_exit", "6"))),
    )
    assert len(translations.load_translations(data_copy)) == 58


def test_a_repeated_paragraph_or_a_paragraph_zero_is_refused_by_the_schema(data_copy):
    with (data_copy / "translations.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "jeri2025_mnna_intent,1,Text.,,\njeri2025_mnna_intent,3,The heading again.,,\njeri2025_mnna_intent,0,Nothing.,,\n"
        )
    with pytest.raises(DataError) as error:
        translations.load_translations(data_copy)
    message = str(error.value)
    assert "translations.csv:63: column 'paragraph': value '0' fails must be a paragraph number" in message
    assert "translations.csv:62: row: fails multiple_fields_uniqueness" in message  # ¶3 of the news report, twice


def test_a_row_of_an_article_not_in_articles_csv_is_named(data_copy):
    with (data_copy / "translations.csv").open("a", encoding="utf-8") as handle:
        handle.write("nosuch_article,1,Text.,,\n")
    with pytest.raises(DataError, match=r"translations\.csv:61: article 'nosuch_article' is not in articles\.csv"):
        translations.load_translations(data_copy)


@pytest.mark.parametrize(
    ("article_id", "paragraph", "old", "new", "problem"),
    [
        # one of the two «تعتبر» of ¶8 dropped: each occurrence needs its rendering
        (
            "jeri2025_mnna_intent",
            "8",
            "which are considered a major",
            "which are a major",
            r"text_ar has the hedge «تعتبر» 2 times, but text_en keeps only 1 of its renderings",
        ),
        # the copula judgement of ¶11 removed: the bare "is" is no longer documented
        (
            "jeri2025_mnna_intent",
            "11",
            "copula: «تعتبر مكافحة المخدرات»",
            "a stock copula",
            r"text_ar has the hedge «تعتبر», but text_en keeps none of its renderings",
        ),
        # the US administration's term restated as the explainer's
        (
            "shield2026_explainer",
            "16",
            "what the US administration calls narco-terrorism",
            "narco-terrorism",
            r"text_ar has the attribution «ما تسميه»",
        ),
        # the typos corrected silently
        (
            "shield2026_explainer",
            "23",
            "نما [sic, Panama], براغوي [sic, Paraguay]",
            "Panama, Paraguay",
            r"text_ar has the typo «نما»",
        ),
    ],
)
def test_a_translation_that_drops_a_hedge_or_corrects_a_typo_fails_naming_file_and_line(
    data_copy, article_id, paragraph, old, new, problem
):
    lines = []

    def change(rows):
        row = next(row for row in rows if (row["article_id"], row["paragraph"]) == (article_id, paragraph))
        column = "note" if old in row["note"] else "text_en"
        assert old in row[column]
        row[column] = row[column].replace(old, new)
        lines.append(rows.index(row) + 2)  # no cell of translations.csv spans lines

    edit_rows(data_copy / "translations.csv", change)
    with pytest.raises(DataError, match=rf"translations\.csv:{lines[0]}: {problem}"):
        translations.load_translations(data_copy)


def test_the_positions_renderings_are_word_for_word_in_the_translations(translated, articles, positions):
    """The quotes of the comparison table and the translation beside the article say the same thing."""
    quoted = positions[positions["status"] == "stated"]
    texts = {key: article.raw for key, article in articles.items()}
    assert translations.disagreements(translated, quoted, texts) == []
    changed = quoted.copy()
    changed.loc[changed.index[0], "quote_en"] = "after the victory of the leftist candidate Pedro Castillo"
    assert translations.disagreements(translated, changed, texts) == [
        "castillo2021_lima_exit ¶1: 'after the victory of the leftist candidate Pedro Castillo' is not in its translation"
    ]


def test_an_article_without_a_translation_shows_not_yet_translated_per_paragraph(data_copy):
    def drop_the_news_report(rows):
        rows[:] = [row for row in rows if row["article_id"] != "jeri2025_mnna_intent"]

    edit_rows(data_copy / "translations.csv", drop_the_news_report)
    copy = corpus.load_corpus(data_copy)
    rows = translations.load_translations(data_copy, copy)
    assert translations.untranslated(copy, rows) == ["jeri2025_mnna_intent"]
    model = {article["id"]: article for article in translations.side_by_side(copy, rows)}
    news = model["jeri2025_mnna_intent"]
    assert not news["translated"] and len(news["paragraphs"]) == 17
    assert {paragraph["english"] for paragraph in news["paragraphs"]} == {translations.NOT_TRANSLATED}
    assert news["paragraphs"][16]["arabic"] == "شاركها."
    assert (
        model["shield2026_explainer"]["translated"]
        and model["shield2026_explainer"]["paragraphs"][7]["english"] == "Advertisement"
    )


def test_english_sentences_keep_those_naming_the_term_or_the_whole_paragraph():
    text = 'Peru signed. Chile did not ("it waited"). Then Peruvian troops moved? Yes.'
    assert translations.english_sentences(text, ("Peru",)) == "Peru signed. … Then Peruvian troops moved?"
    assert translations.english_sentences(text, ("Bolivia",)) == text


def test_quoted_sentences_render_the_sentence_the_span_quotes():
    arabic = "أبلغ البيت الأبيض الكونجرس يوم الخميس. تعتبر هذه الخطوة إشارة دعم للحكومة البيروفية."
    english = (
        "The White House told Congress on Thursday. This step is considered a signal of support for the Peruvian government."
    )
    start = arabic.index("يوم")
    assert translations.arabic_sentence_indices(arabic, start, start + 3) == [0, 2]
    assert translations.quoted_sentences(arabic, english, start, start + 3, ("Peru",)) == (
        "The White House told Congress on Thursday."
    )
    second = arabic.index("تعتبر")
    assert translations.quoted_sentences(arabic, english, second, len(arabic), ("Peru",)).startswith("This step")
    # Sentence counts differ: fall back to the sentences naming the term.
    assert translations.quoted_sentences(arabic, "One. Two. Peru three.", start, start + 3, ("Peru",)) == "Peru three."


def test_openings_and_mentions_in_english_number_paragraphs_as_citations_do(tmp_path):
    from perucorpus.text import cleaning

    raw = "عنوان قصير\nالبيرو اعلنت انسحابها.\nإعلان\nوصلت بيرو ثم بيرو."
    article = corpus.Article(id="x", path=tmp_path / "x.txt", raw=raw, meta={"title_en": "T", "genre": "news", "date": "2026"})
    view = cleaning.clean(raw)
    rows = [
        {
            "article_id": "x",
            "paragraph": 2,
            "text_en": "Peru announced its exit. Nothing else.",
            "note": "",
            "furniture_note": "",
        },
        {"article_id": "x", "paragraph": 4, "text_en": "It arrived. Peru again.", "note": "", "furniture_note": ""},
    ]
    english = pd.DataFrame(rows)
    opening = translations.openings({"x": article}, {"x": view}, english)[0]
    assert [p["number"] for p in opening["paragraphs"]] == [2]  # the heading is skipped, the raw numbering kept
    spans = [(m.start(), m.end()) for m in re.finditer("بيرو", view.text)]
    found = translations.mentions_in_english({"x": article}, {"x": view}, {"x": spans}, english, ("Peru",))
    assert list(found["paragraph"]) == [2, 4] and list(found["mentions"]) == [1, 2]
    assert list(found["english"]) == ["Peru announced its exit.", "Peru again."]
    assert found["arabic"].iloc[1].count("[بيرو]") == 2 and " / " in found["arabic"].iloc[1]
    assert (
        translations.mentions_in_english({"x": article}, {"x": view}, {"x": spans}, english.iloc[:1], ("Peru",))["english"].iloc[
            1
        ]
        == translations.NOT_TRANSLATED
    )


def test_an_opening_paragraph_quoted_whole_is_not_printed_again(tmp_path):
    from perucorpus.text import cleaning

    raw = "بيرو اعلنت انسحابها.\nوصلت بيرو."
    article = corpus.Article(id="x", path=tmp_path / "x.txt", raw=raw, meta={"title_en": "T", "genre": "news", "date": "2026"})
    view = cleaning.clean(raw)
    english = pd.DataFrame(
        [
            {"article_id": "x", "paragraph": 1, "text_en": "Peru announced its exit.", "note": "", "furniture_note": ""},
            {"article_id": "x", "paragraph": 2, "text_en": "Peru arrived.", "note": "", "furniture_note": ""},
        ]
    )
    first_look = translations.openings({"x": article}, {"x": view}, english)
    spans = [(m.start(), m.end()) for m in re.finditer("بيرو", view.text)]
    found = translations.mentions_in_english({"x": article}, {"x": view}, {"x": spans}, english, ("Peru",))
    shown = translations.not_repeated(found, first_look)
    assert list(shown["english"]) == [translations.SHOWN_ABOVE, "Peru arrived."]  # ¶1 is the opening, shown whole


def test_a_remark_on_page_furniture_has_its_own_column_and_a_note_that_makes_it_is_refused(data_copy):
    """What a line holds of the web page is said in ``furniture_note`` (the plain side-by-side prints it before the
    note; the pack marks the furniture instead), never in the note: a note that speaks of it stops the load.
    """
    rows = translations.load_translations(DATA)
    remarks = rows[rows["furniture_note"] != ""]
    assert [(row.article_id, row.paragraph) for row in remarks.itertuples()] == [
        ("jeri2025_mnna_intent", 17),
        ("shield2026_explainer", 1),
        ("shield2026_explainer", 8),
        ("shield2026_explainer", 24),
    ]
    lines = []

    def back_into_the_note(rows):
        row = next(row for row in rows if (row["article_id"], row["paragraph"]) == ("jeri2025_mnna_intent", "17"))
        row["note"], row["furniture_note"] = row["furniture_note"], ""
        lines.append(rows.index(row) + 2)

    edit_rows(data_copy / "translations.csv", back_into_the_note)
    with pytest.raises(DataError, match=rf"translations\.csv:{lines[0]}: column 'note': .* must not speak of page furniture"):
        translations.load_translations(data_copy)
