"""Notebook 04's building blocks: keyness, term and people matching, glossary data, details blocks."""

import math

import pandas as pd
import pytest
from conftest import DATA, ROOT

from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.present import display
from perucorpus.text import arabic, overview
from perucorpus.text.gazetteer import Gazetteer


def counts(pairs):
    return pd.DataFrame([(term, count, term) for term, count in pairs], columns=["term", "count", "display"])


def test_keyness_matches_dunning_by_hand():
    target = counts([("أ", 10), ("ب", 10)])
    reference = counts([("أ", 10), ("ب", 70)])
    result = overview.keyness(target, reference, min_count=1)
    assert list(result["term"]) == ["أ"]  # ب is relatively rarer in the target
    a, b, c, d = 10, 10, 20, 80
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    assert result.at[0, "g2"] == pytest.approx(2 * (a * math.log(a / e1) + b * math.log(b / e2)))


def test_keyness_handles_terms_absent_from_the_reference():
    result = overview.keyness(counts([("أ", 4), ("ب", 1)]), counts([("ج", 5)]), min_count=3)
    assert list(result["term"]) == ["أ"] and result.at[0, "reference_count"] == 0 and result.at[0, "g2"] > 0


def test_every_glossary_term_occurs_in_some_article(views):
    glossary = read_table(DATA / "glossary.csv", schemas.GLOSSARY)
    matcher = Gazetteer.for_terms(dict(zip(glossary["match_ar"], glossary["term_ar"])), "term")
    found = {m.entry.form for article_id, view in views.items() for m in matcher.find(view.text, article_id)}
    assert set(glossary["term_ar"]) <= found


def test_seed_people_matching_skips_the_venue(views):
    people = read_table(DATA / "people.csv", schemas.PEOPLE)
    matcher = Gazetteer.for_terms(dict(zip(people["name_ar"], people["person_id"])), "person", claimed=Gazetteer.venues(DATA))
    text = views["shield2026_explainer"].text
    trump = [m for m in matcher.find(text) if m.entry.kind == "person" and m.entry.form == "trump"]
    assert len(trump) == 1 and "متمم ترمب" in text[trump[0].start - 5 : trump[0].end]


def test_details_escapes_its_summary():
    html = display.details("<b>Solution</b>", "<p>ok</p>").data
    assert html.startswith("<details><summary>&lt;b&gt;") and html.endswith("<p>ok</p></details>")


def test_term_counts_share_one_vocabulary_and_missing_glosses_are_marked():
    texts = {"a": "والتحالف تحالف دول", "b": "التحالف الدول"}
    counts = overview.corpus_term_counts(texts)
    assert set(counts) == {"a", "b"}
    assert dict(zip(counts["a"]["term"], counts["a"]["count"]))["تحالف"] == 2  # و+ال split off: "تحالف" is a known base
    glosses = pd.DataFrame({"term_ar": ["تحالف", "دول"], "gloss_en": ["alliance", "states"]})
    glossed = overview.with_glosses(counts["b"], glosses)
    assert dict(zip(glossed["term"], glossed["gloss_en"])) == {"تحالف": "alliance", "دول": "states"}
    partial = overview.with_glosses(counts["a"], glosses.iloc[:1])
    assert dict(zip(partial["term"], partial["gloss_en"])) == {"تحالف": "alliance", "دول": overview.NO_GLOSS}
    assert list(overview.unglossed(partial)["term"]) == ["دول"] and overview.unglossed(glossed).empty


def test_two_spellings_of_one_term_cannot_carry_two_glosses():
    glosses = pd.DataFrame({"term_ar": ["إعلان", "اعلان"], "gloss_en": ["declaration", "advert"]})
    with pytest.raises(ValueError, match="spellings that normalise to the same term"):
        overview.with_glosses(pd.DataFrame({"term": ["اعلان"]}), glosses)


def test_article_terms_leave_out_the_projects_extra_stopwords(views):
    texts = {key: view.text for key, view in views.items()}
    supplement = set(read_table(DATA / "stopwords_supplement.csv", schemas.STOPWORDS_SUPPLEMENT)["word_ar"])
    with_supplement = overview.article_terms(texts, DATA)
    without = overview.corpus_term_counts(texts, units=overview.known_units(DATA))
    dropped = {term for table in without.values() for term in table["term"]} - {
        term for table in with_supplement.values() for term in table["term"]
    }
    assert dropped and dropped <= {arabic.normalise(word) for word in supplement}


def test_a_terms_display_spelling_keeps_the_marks_after_its_last_letter():
    counts = overview.term_counts("فنزويلاَ فنزويلاَ فنزويلا", frozenset())
    assert counts.loc[0, "display"] == "فنزويلاَ" and counts.loc[0, "count"] == 3


@pytest.mark.slow  # runs a notebook in a kernel
def test_notebook_04_reads_the_term_counts_of_notebook_01_and_says_so_when_they_are_missing(tmp_path):
    """Notebook 04 does not count the terms again: without notebook 01's file it stops at once, saying what to run."""
    import shutil

    from perucorpus.publish import runner

    for folder in ("data", "figures", "notebooks", "teaching"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "data" / "derived" / "term_counts.csv").unlink()
    notebook = tmp_path / "notebooks" / "04_discussion_guide.ipynb"
    before = notebook.read_bytes()
    with pytest.raises(
        runner.NotebookFailed, match=r"DataError: \.\./data/derived/term_counts\.csv is missing: run notebook 01 first"
    ):
        runner.execute(notebook)
    assert notebook.read_bytes() == before
