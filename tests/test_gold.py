"""The name matcher against hand counts of short texts in several house styles (tests/gold/)."""

from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA

from perucorpus.base.tables import DataError
from perucorpus.text import gold

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def gold_comparison():
    texts, expected = gold.read_gold(GOLD)
    return gold.compared(expected, gold.found_counts(texts, DATA))


def test_the_gold_has_every_style_and_kind():
    texts, expected = gold.read_gold(GOLD)
    assert set(texts) == {"levantine", "egyptian", "gulf", "maghrebi", "agency"}
    assert set(expected["kind"]) == {"country", "organisation", "person"}


@pytest.mark.parametrize("article", ["levantine", "egyptian", "gulf", "maghrebi", "agency"])
def test_the_matcher_counts_what_a_reader_counts(gold_comparison, article):
    rows = gold_comparison[gold_comparison["article"] == article]
    wrong = rows[rows["expected"] != rows["found"]]
    assert wrong.empty, f"\n{wrong.to_string()}"


def write_gold(folder, rows, texts):
    (folder / "articles").mkdir(parents=True)
    for key, text in texts.items():
        (folder / "articles" / f"{key}.txt").write_text(text, encoding="utf-8")
    lines = ["article,kind,name,mentions,spellings", *rows]
    (folder / "expected.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "rows, texts, problem",
    [
        (["one,country,PER,2,بيرو"], {"one": "بيرو وكوبا"}, r"expected\.csv:2: one/country/PER: 2 mentions but 1 spellings"),
        (["one,country,PER,1,البيرو"], {"one": "بيرو وكوبا"}, r"expected\.csv:2: one/country/PER: 'البيرو' is not in the text"),
        (["two,country,PER,1,بيرو"], {"one": "بيرو"}, r"expected\.csv:2: two/country/PER: no text articles/two\.txt"),
        (["one,country,PER,1,بيرو"], {"one": "بيرو", "other": "كوبا"}, r"articles/other\.txt: no row in expected\.csv"),
        (["one,place,PER,1,بيرو"], {"one": "بيرو"}, r"expected\.csv.*kind"),
    ],
)
def test_a_bad_gold_names_its_file_and_line(tmp_path, rows, texts, problem):
    with pytest.raises(DataError, match=problem):
        gold.read_gold(write_gold(tmp_path / "gold", rows, texts))


def test_found_counts_group_names_as_the_gold_does(tmp_path):
    text = "قال الرئيس البيروفي في ليما إن بيرو لن تعود إلى مجموعة ليما، بينما انتقد مادورو حلف الناتو."
    found = gold.found_counts({"one": text}, DATA)
    assert found.to_dict("records") == [
        {"article": "one", "kind": "country", "name": "PER", "mentions": 2},  # the adjective and the name together
        {"article": "one", "kind": "organisation", "name": "Lima Group", "mentions": 1},  # by gloss_en; the city is not counted
        {"article": "one", "kind": "organisation", "name": "NATO", "mentions": 1},
        {"article": "one", "kind": "person", "name": "maduro", "mentions": 1},
    ]


def frame(rows):
    return pd.DataFrame(rows, columns=["article", "kind", "name", "mentions"])


def test_scores_count_right_missed_and_extra_mentions():
    expected = frame([("a", "country", "PER", 3), ("a", "country", "USA", 1), ("b", "person", "trump", 2)])
    found = frame([("a", "country", "PER", 2), ("a", "country", "CUB", 1), ("b", "person", "trump", 4)])
    comparison = gold.compared(expected, found)
    table = gold.scores(comparison).set_index("kind")
    # country: 2 of 3 PER right, USA missed, CUB extra; person: 2 right, 2 extra
    assert table.loc["country", ["expected", "found", "right"]].tolist() == [4, 3, 2]
    assert table.loc["country", "recall"] == pytest.approx(2 / 4)
    assert table.loc["country", "precision"] == pytest.approx(2 / 3)
    assert table.loc["person", "recall"] == 1.0 and table.loc["person", "precision"] == 0.5
    assert table.loc["all", ["expected", "found", "right"]].tolist() == [6, 7, 4]
    assert gold.errors(comparison)[["name", "missed", "extra"]].values.tolist() == [
        ["CUB", 0, 1],
        ["PER", 1, 0],
        ["USA", 1, 0],
        ["trump", 0, 2],
    ]


def test_nothing_found_is_precision_one_and_recall_zero():
    table = gold.scores(gold.compared(frame([("a", "country", "PER", 1)]), frame([]))).set_index("kind")
    assert table.loc["country", "recall"] == 0.0
    assert table.loc["country", "precision"] == 1.0


def test_scores_by_article():
    expected = frame([("a", "country", "PER", 2), ("b", "person", "trump", 1)])
    found = frame([("a", "country", "PER", 1), ("b", "person", "trump", 1), ("b", "country", "CUB", 1)])
    table = gold.scores(gold.compared(expected, found), by="article").set_index("article")
    assert table[["recall", "precision"]].loc["a"].tolist() == [0.5, 1.0]
    assert table[["recall", "precision"]].loc["b"].tolist() == [1.0, 0.5]
    assert table.loc["all", ["expected", "found", "right"]].tolist() == [3, 3, 2]
