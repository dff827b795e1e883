"""The corpus loader: raw text untouched, and a clear error for every kind of bad input."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SEED_IDS

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, edit_rows
from perucorpus.text import cleaning, corpus

SEEDS = ROOT.parent / "shared" / "seeds"


def rewrite_rows(data_dir: Path, change) -> None:
    """Replace the row dicts of articles.csv with ``change(rows)``."""
    edit_rows(data_dir / "articles.csv", lambda rows: rows.__setitem__(slice(None), change(rows)))


def add_article(data_dir: Path, article_id: str, content: bytes) -> None:
    """Add an article file and its metadata row (with the right checksum)."""
    (data_dir / "articles" / f"{article_id}.txt").write_bytes(content)

    def change(rows):
        row = dict(rows[0], id=article_id, file=f"articles/{article_id}.txt", source_file="999_0123456789abcdef.txt")
        row["sha256"] = hashlib.sha256(content).hexdigest()
        return rows + [row]

    rewrite_rows(data_dir, change)


def test_seed_articles_come_first_in_listed_order(articles):
    assert tuple(articles)[: len(SEED_IDS)] == SEED_IDS


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seed_articles_are_byte_identical_copies_of_the_seeds(seed_articles):
    for article in seed_articles.values():
        assert article.path.read_bytes() == (SEEDS / article.meta["source_file"]).read_bytes()


def test_raw_text_round_trips_byte_for_byte(articles):
    for article in articles.values():
        assert article.raw.encode("utf-8") == article.path.read_bytes()


def test_windows_1256_file_is_rejected_with_file_and_line(data_copy):
    add_article(data_copy, "cp1256_article", "سطر أول\nبيرو".encode("cp1256"))
    with pytest.raises(corpus.CorpusError, match=r"cp1256_article\.txt:1: not valid UTF-8"):
        corpus.load_corpus(data_copy)


def test_bom_is_rejected(data_copy):
    add_article(data_copy, "bom_article", "\ufeffبيرو".encode("utf-8"))
    with pytest.raises(corpus.CorpusError, match=r"bom_article\.txt:1: starts with a UTF-8 byte-order mark"):
        corpus.load_corpus(data_copy)


def test_empty_file_is_rejected(data_copy):
    add_article(data_copy, "empty_article", b"  \n")
    with pytest.raises(corpus.CorpusError, match=r"empty_article\.txt: the article file is empty"):
        corpus.load_corpus(data_copy)


def test_crlf_file_loads_unchanged_and_cleans(data_copy):
    content = "فقرة أولى عن بيرو.\r\n\r\nإعلان\r\n\r\nإعلان الأمن المشترك.\r\n".encode()
    add_article(data_copy, "crlf_article", content)
    article = corpus.load_corpus(data_copy)["crlf_article"]
    assert article.raw.encode("utf-8") == content
    view = cleaning.clean(article.raw)
    assert [cut.reason for cut in view.cuts] == ["advertisement marker line"]
    assert "إعلان الأمن المشترك" in view.text


def test_row_without_file(data_copy):
    (data_copy / "articles" / "jeri2025_mnna_intent.txt").unlink()
    with pytest.raises(
        corpus.CorpusError, match=r"articles\.csv:3: article file articles/jeri2025_mnna_intent\.txt does not exist"
    ):
        corpus.load_corpus(data_copy)


def test_file_without_row(data_copy):
    (data_copy / "articles" / "stray.txt").write_text("بيرو", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r"stray\.txt: file has no row in .*articles\.csv"):
        corpus.load_corpus(data_copy)


def test_duplicate_ids_name_both_lines(data_copy):
    last_line = len(corpus.load_corpus(data_copy)) + 2  # the header, then one line per row
    rewrite_rows(data_copy, lambda rows: rows + [rows[0]])
    with pytest.raises(DataError) as error:
        corpus.load_corpus(data_copy)
    message = str(error.value)
    assert "articles.csv:2: column 'id'" in message and f"articles.csv:{last_line}: column 'id'" in message


def test_id_with_path_characters_is_rejected(data_copy):
    def change(rows):
        rows[0]["id"] = "../x"
        return rows

    rewrite_rows(data_copy, change)
    with pytest.raises(DataError, match=r"articles\.csv:2: column 'id': value '\.\./x'"):
        corpus.load_corpus(data_copy)


def test_edited_raw_text_fails_its_checksum(data_copy):
    path = data_copy / "articles" / "shield2026_explainer.txt"
    path.write_bytes(path.read_bytes().replace("نما".encode(), "بنما".encode()))
    with pytest.raises(corpus.CorpusError, match=r"articles\.csv:4: .*SHA-256.*must not be edited"):
        corpus.load_corpus(data_copy)


def test_oversized_file_is_rejected_before_reading(data_copy):
    add_article(data_copy, "huge_article", "بيرو ".encode())
    with (data_copy / "articles" / "huge_article.txt").open("wb") as handle:
        handle.truncate(50_000_000)  # a 50 MB file (sparse, so the test stays fast)
    with pytest.raises(corpus.CorpusError, match=r"huge_article\.txt: 50\.0 MB is larger than the 1 MB"):
        corpus.load_corpus(data_copy)


def test_seed_metadata_and_clean_views_are_keyed_by_article_id(articles):
    from perucorpus.text import cleaning, corpus

    meta = corpus.metadata(articles)
    assert list(meta.index) == list(articles) and meta.loc["shield2026_explainer", "date"] == "2026-03-13"
    views = cleaning.clean_views({key: article.raw for key, article in articles.items()})
    assert list(views) == list(articles) and views["castillo2021_lima_exit"].lifted["byline"].startswith("كاتب")


def test_an_era_that_ends_before_it_starts_is_refused(data_copy):
    edit_rows(data_copy / "eras.csv", lambda rows: rows[0].update(start="2023-01-01"))
    with pytest.raises(DataError, match=r"eras\.csv:2: era 'castillo_2021' ends \(2022-12-07\) before it starts \(2023-01-01\)"):
        corpus.load_eras(data_copy)


@pytest.mark.parametrize(
    "value, inside", [("2021-07-28/2022-12", True), ("2021-07", True), ("2022", True), ("2021-06", False), ("2022-12-08", False)]
)
def test_an_article_dated_outside_its_era_names_line_and_dates(data_copy, value, inside):
    edit_rows(data_copy / "articles.csv", lambda rows: rows[0].update(date=value))
    if inside:
        assert corpus.load_corpus(data_copy)["castillo2021_lima_exit"].meta["date"] == value
        return
    with pytest.raises(
        corpus.CorpusError,
        match=rf"articles\.csv:2: date {value} is outside era 'castillo_2021' \(2021-07-28 to 2022-12-07 in eras\.csv\)",
    ):
        corpus.load_corpus(data_copy)


def test_an_article_of_an_era_missing_from_eras_csv_is_refused(data_copy):
    edit_rows(data_copy / "articles.csv", lambda rows: rows[0].update(era="boluarte_2023"))
    with pytest.raises(DataError, match=r"articles\.csv:2: column 'era': value 'boluarte_2023' fails must be one of"):
        corpus.load_corpus(data_copy)


def test_a_source_file_name_with_a_folder_or_hidden_is_refused(data_copy):
    for name in ["../x.txt", ".hidden.txt", "a/b.txt", "a\\b.txt", "x\n.txt"]:
        edit_rows(data_copy / "articles.csv", lambda rows, name=name: rows[0].update(source_file=name))
        with pytest.raises(DataError, match=r"articles\.csv:2: column 'source_file'"):
            corpus.load_corpus(data_copy)
    edit_rows(data_copy / "articles.csv", lambda rows: rows[0].update(source_file="مقال بيرو 2021 (1).txt"))
    assert corpus.load_corpus(data_copy)["castillo2021_lima_exit"].meta["source_file"] == "مقال بيرو 2021 (1).txt"


def test_in_words():
    assert [corpus.in_words(number) for number in (0, 3, 4, 12, 13)] == ["zero", "three", "four", "twelve", "13"]


def test_reader_names_come_from_genre_and_date_and_tell_two_of_a_kind_apart():
    meta = pd.DataFrame(
        {"genre": ["opinion", "news", "explainer"], "date": ["2021-08/2022-07", "2025-11/2026-09", "2026-03-13"]},
        index=["a", "b", "c"],
    )
    assert corpus.reader_names(meta) == {"a": "the 2021 opinion piece", "b": "the 2025 news report", "c": "the 2026 explainer"}
    two = pd.concat([meta, pd.DataFrame({"genre": ["news"], "date": ["2025-12-12"]}, index=["d"])])
    names = corpus.reader_names(two)
    assert names["b"] == "the news report of 2025-11" and names["d"] == "the news report of 2025-12-12"
    assert names["a"] == "the 2021 opinion piece"


def test_every_genre_of_the_schema_has_a_reader_noun():
    assert set(corpus.GENRE_NOUNS) == set(schemas.GENRES)


def test_an_address_with_raw_arabic_is_refused_with_file_and_line(data_copy):
    def change(rows):
        rows[2]["url"] = "https://www.aljazeera.net/encyclopedia/2026/3/13/درع-الأمريكتين"
        return rows

    rewrite_rows(data_copy, change)
    with pytest.raises(DataError, match=r"articles\.csv:4: column 'url': .*written in ASCII"):
        corpus.load_corpus(data_copy)


def test_an_outlet_not_found_has_no_publisher(data_copy):
    def change(rows):
        rows[0]["outlet_basis"] = "not_found"
        return rows

    rewrite_rows(data_copy, change)
    with pytest.raises(DataError, match=r"articles\.csv:2: .*publisher and url are filled exactly when outlet_basis is 'found'"):
        corpus.load_corpus(data_copy)


def test_seed_explainer_is_the_al_jazeera_encyclopedia_entry(seed_articles):
    from urllib.parse import unquote

    row = corpus.metadata(seed_articles).loc["shield2026_explainer"]
    assert row["outlet_basis"] == "found" and row["url"].isascii()
    assert unquote(row["url"]) == "https://www.aljazeera.net/encyclopedia/2026/3/13/درع-الأمريكتين-تحالف-المد-الأزرق-ضد"
    assert corpus.outlet_label(row).startswith("Al Jazeera Net")
    assert (
        corpus.outlet_label(corpus.metadata(seed_articles).loc["jeri2025_mnna_intent"]) == corpus.OUTLET_LABELS["close_parallel"]
    )


def test_with_reader_names_replaces_whole_ids_and_capitalises_at_a_sentence_start():
    names = {"jeri2025_mnna_intent": "the 2025 news report", "shield2026_explainer": "the 2026 explainer"}
    text = "Only jeri2025_mnna_intent names him; shield2026_explainer does not. shield2026_explainer (March) is later."
    assert corpus.with_reader_names(text, names) == (
        "Only the 2025 news report names him; the 2026 explainer does not. The 2026 explainer (March) is later."
    )
    assert corpus.with_reader_names("xjeri2025_mnna_intent_2 stays", names) == "xjeri2025_mnna_intent_2 stays"
    assert corpus.with_reader_names("no ids", {}) == "no ids"
