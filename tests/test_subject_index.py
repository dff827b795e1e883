"""The subject index on small hand-made inputs: normalised Arabic, spellings under one headword, counts per place."""

from perucorpus.publish import subject_index
from perucorpus.publish.subject_index import Headword, Matcher, Place
from perucorpus.text.gazetteer import Gazetteer

TRUMP = Headword("person:trump", "person", "Donald Trump", "دونالد ترامب", english=("Donald Trump", "Trump"))
PINK = Headword("term:المد الوردي", "term", "the pink tide", "المد الوردي", english=("pink tide",), case_sensitive=False)


def matcher(*claimed):
    names = Gazetteer.for_terms({"ترامب": TRUMP.key, "ترمب": TRUMP.key, "المد الوردي": PINK.key}, "entry", claimed=claimed)
    return Matcher([TRUMP, PINK], [(names, lambda m: m.entry.form if m.entry.kind == "entry" else None)])


def test_both_spellings_fall_under_one_headword_with_counts_per_place():
    places = [Place("a.html#p1", "a ¶1", "قال ترامب إن ترمب", "a"), Place("b.html", "b", "Trump met Donald Trump; trumpet")]
    [entry] = subject_index.index(matcher(), places)
    assert entry.headword == TRUMP
    assert entry.places == {"a.html#p1": ("a ¶1", 2), "b.html": ("b", 2)}
    assert entry.spellings == {"ترامب": 1, "ترمب": 1, "Trump": 1, "Donald Trump": 1}
    assert entry.total == 4


def test_arabic_is_matched_normalised_and_shown_as_written():
    [entry] = subject_index.index(matcher(), [Place("x", "x", "ذكر المَدّ الوردي والمد الوردي ثم الْمد الوردي")])  # marks, proclitic
    assert entry.spellings == {"المَدّ الوردي": 1, "والمد الوردي": 1, "الْمد الوردي": 1}


def test_a_claimed_phrase_is_not_a_mention_and_unmentioned_headwords_are_left_out():
    places = [Place("x", "x", "في منتجع ترمب ناشيونال دورال")]
    assert subject_index.index(matcher("منتجع ترمب ناشيونال دورال"), places) == []
    assert [e.headword for e in subject_index.index(matcher(), places)] == [TRUMP]


def test_english_case_follows_the_headword():
    places = [Place("x", "x", "The Pink Tide, the pink tide; trump")]
    found = {e.headword.key: e.total for e in subject_index.index(matcher(), places)}
    assert found == {PINK.key: 2}


def test_english_names_of_a_gloss():
    assert subject_index.english_names("Major Non-NATO Ally (MNNA)") == ("Major Non-NATO Ally", "MNNA")
    assert subject_index.english_names("the pink tide") == ("pink tide",)
    assert subject_index.english_names("local agents (collaborators)") == ("local agents",)


def test_the_collections_matcher_knows_the_gazetteers_variants(gaz):
    collection = subject_index.from_data(subject_index.Path(__file__).resolve().parents[1] / "data")
    found = collection.find("انسحبت الارجنتين والأرجنتين وقال ترمب", "castillo2021_lima_exit")
    assert found == [("country:ARG", "الارجنتين"), ("country:ARG", "والأرجنتين"), ("person:trump", "ترمب")]
    kinds = {headword.kind for headword in collection.headwords.values()}
    assert kinds == set(subject_index.KINDS)
    lima = [h for h in collection.headwords.values() if h.arabic == "مجموعة ليما"]
    assert [h.kind for h in lima] == ["grouping"]  # a grouping that is also a glossary term is one headword
