"""Verbatim quotes: located once, cited by paragraph and character span, offsets filled in place."""

import pytest
from conftest import DATA

from perucorpus.base.tables import edit_rows
from perucorpus.facts import quotes
from perucorpus.facts.collection import Collection


def test_locate_fails_loudly():
    assert quotes.locate("أ ب ج", "ب") == (2, 3)
    with pytest.raises(quotes.QuoteError, match="not found"):
        quotes.locate("أ ب ج", "د")
    with pytest.raises(quotes.QuoteError, match="more than once"):
        quotes.locate("بيرو و بيرو", "بيرو")


def test_fill_offsets_recomputes_from_quotes(data_copy):
    edit_rows(
        data_copy / "positions.csv", lambda rows: [row.update(start="0", end="0") for row in rows if row["status"] == "stated"]
    )
    quotes.fill_offsets(data_copy / "positions.csv", Collection(data_copy).texts)
    assert (data_copy / "positions.csv").read_bytes() == (DATA / "positions.csv").read_bytes()


def test_fill_offsets_names_the_row_of_an_unknown_article(data_copy):
    moved = []

    def move_first_claim(rows):
        number, row = next((number, row) for number, row in enumerate(rows, 2) if row["status"] == "stated")
        row["article_id"] = "nowhere"
        moved.append(number)

    edit_rows(data_copy / "positions.csv", move_first_claim)
    with pytest.raises(quotes.QuoteError, match=rf"positions.csv:{moved[0]}: no article 'nowhere' in articles.csv"):
        quotes.fill_offsets(data_copy / "positions.csv", Collection(data_copy).texts)


def test_paragraph_numbers():
    text = "أول\n\nثان\nثالث"
    assert [quotes.paragraph_number(text, text.index(word)) for word in ("أول", "ثان", "ثالث")] == [1, 2, 3]


def test_numbered_paragraphs_agree_with_paragraph_number_and_split_only_at_newlines():
    text = "أول\r\n\nثان\u2028ما زال\n\n  \nثالث"  # a line separator inside a line does not end it
    numbered = quotes.numbered_paragraphs(text)
    assert [number for number, _ in numbered] == [1, 2, 3]
    assert [quotes.paragraph_number(text, text.index(line.strip())) for _, line in numbered] == [1, 2, 3]


def test_a_citation_gives_the_paragraph_and_the_character_span():
    text = "أول\n\nثان\nثالث"
    start = text.index("ثالث")
    assert quotes.citation(text, "x", start, start + 4) == "x ¶3, 9–13"


def test_a_short_citation_names_the_article_as_a_reader_would_and_its_paragraph():
    text = "first\n\nsecond line\nthird"
    assert quotes.short_citation("the 2025 news report", text, text.index("third")) == "2025 news report ¶3"
