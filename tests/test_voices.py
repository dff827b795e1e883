"""Who an article names and quotes, and which glossary terms it uses."""

import pandas as pd
import pytest

from perucorpus.text import voices
from perucorpus.text.gazetteer import Gazetteer

PEOPLE = pd.DataFrame(
    {
        "person_id": ["castillo", "castillo", "bejar"],
        "name_ar": ["بيدرو كاستيو", "كاستيو", "بيخار"],
        "name_en": ["Pedro Castillo", "Pedro Castillo", "Héctor Béjar"],
        "described_as_en": ["president", "president", "foreign minister"],
    }
)


def test_people_are_counted_per_article_with_zeros_where_an_article_names_no_one():
    names = Gazetteer.for_terms(dict(zip(PEOPLE["name_ar"], PEOPLE["person_id"])), "person")
    texts = {"a": "قال بيدرو كاستيو إن كاستيو سيبقى.", "b": "لا أحد هنا.", "c": "أعلن بيخار الانسحاب."}
    table = voices.people_named(texts, names, PEOPLE)
    assert list(table.columns) == ["name_en", "described_as_en", "a", "b", "c"]
    rows = {row.name_en: (row.a, row.b, row.c) for row in table.itertuples()}
    assert rows == {"Pedro Castillo": (2, 0, 0), "Héctor Béjar": (0, 0, 1)}


def test_quoted_passages_in_every_kind_of_quotation_mark_in_reading_order():
    texts = {"a": 'قال «الأول» ثم "الثاني"', "b": "كتب “الثالث” و«x»"}
    table = voices.quoted_passages(texts)
    assert table.values.tolist() == [["a", "الأول"], ["a", "الثاني"], ["b", "الثالث"]]  # «x» is too short
    assert voices.quoted_passages({"a": "بلا اقتباس"}).empty


def test_a_glossary_term_no_article_uses_is_refused():
    glossary = pd.DataFrame({"term_ar": ["الإرهاب المخدراتي", "المد الأزرق"]})
    terms = Gazetteer.for_terms({term: term for term in glossary["term_ar"]}, "term")
    mentions = voices.term_mentions({"a": "يحارب الإرهاب المخدراتي.", "b": "المد الأزرق قادم."}, terms)
    assert voices.glossary_use(glossary, mentions)["articles"].tolist() == ["a", "b"]
    with pytest.raises(ValueError, match="found in no article"):
        voices.glossary_use(glossary, voices.term_mentions({"a": "يحارب الإرهاب المخدراتي."}, terms))
