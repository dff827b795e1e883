"""Country mentions: CLDR names, article variants and typos, adjectives, and no false positives."""

import re

import pytest
from conftest import DATA, SEED_SIGNATORIES

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, edit_rows, read_table
from perucorpus.text import gazetteer
from perucorpus.text.gazetteer import Gazetteer, spelling

# Countries each article names, as read by a person (names and adjectives together).
EXPECTED = {
    "castillo2021_lima_exit": {"PER", "USA", "CAN", "VEN", "GBR", "COL", "BRA", "MEX", "ARG", "BOL"},
    "jeri2025_mnna_intent": {"USA", "PER", "VEN", "SAU", "COL", "BOL", "ARG", "BRA"},
    "shield2026_explainer": SEED_SIGNATORIES | {"RUS", "CHN", "VEN", "COL", "CHL", "BRA", "MEX", "CAN", "CUB"},
}


def countries(gaz, text, scope="all"):
    return [(m.entry.iso3, m.entry.form, m.surface) for m in gaz.countries(text, scope)]


def test_seed_all_17_signatories_found_in_the_list_of_004(gaz, views):
    text = views["shield2026_explainer"].text
    start = text.index("وقد وقعت على الإعلان الأمني المشترك")
    end = text.index("\n", start)
    found = gaz.countries(text[start:end], scope="shield2026_explainer")
    assert len(found) == 17
    assert {m.entry.iso3 for m in found} == SEED_SIGNATORIES


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_seed_no_false_positives_in_the_corpus(gaz, views, article_id):
    found = gaz.countries(views[article_id].text, scope=article_id)
    assert {m.entry.iso3 for m in found} == EXPECTED[article_id]


def test_spans_cover_the_original_spelling_with_its_marks(gaz):
    text = "قال إنّ البيـرو والأرجنتين، ثم وصل إلى بيروَ."
    found = [(m.entry.iso3, m.start, m.end, m.surface) for m in gaz.countries(text)]
    assert found == [("PER", 8, 15, "البيـرو"), ("ARG", 16, 26, "والأرجنتين"), ("PER", 39, 44, "بيروَ")]
    assert all(text[start:end] == surface for _, start, end, surface in found)


def test_typos_are_scoped_to_their_article(gaz):
    assert countries(gaz, "نما، براغوي") == []
    assert [iso3 for iso3, _, _ in countries(gaz, "نما، براغوي", "shield2026_explainer")] == ["PAN", "PRY"]


def test_never_inside_another_word(gaz):
    assert countries(gaz, "بينما كانت بيروت هادئة", "shield2026_explainer") == []


def test_names_and_adjectives_are_separate_forms(gaz):
    assert countries(gaz, "للحكومة البيروفية في بيرو والبيرو") == [
        ("PER", "adjective", "البيروفية"),
        ("PER", "name", "بيرو"),
        ("PER", "name", "والبيرو"),
    ]
    assert countries(gaz, "الجيش الفنزويلي") == [("VEN", "adjective", "الفنزويلي")]


@pytest.mark.parametrize(
    "text",
    [
        "أمريكا اللاتينية",
        "دول القارة الامريكية",
        "نصف الكرة الغربي",
        "جزر الكاريبي",
        "مجموعة ليما",
        "في ليما",
        "مدينة ميامي",
        "تتهم واشنطن",
        "منظمة الدول الأمريكية",
        "درع الأمريكتين",
        "الاخطبوط المالي",
    ],
)
def test_regions_cities_metonyms_and_homographs_are_not_countries(gaz, text):
    assert countries(gaz, text) == []


def test_longest_name_wins_and_clitics_attach(gaz):
    assert countries(gaz, "الولايات المتحدة الأمريكية وللولايات المتحدة") == [
        ("USA", "name", "الولايات المتحدة الأمريكية"),
        ("USA", "name", "وللولايات المتحدة"),
    ]
    assert countries(gaz, "بجمهورية الدومينيكان ولبيرو والارجنتين") == [
        ("DOM", "name", "بجمهورية الدومينيكان"),
        ("PER", "name", "ولبيرو"),
        ("ARG", "name", "والارجنتين"),
    ]


def test_cldr_names_are_used(gaz):
    assert countries(gaz, "غيانا وجامايكا وباراغواي") == [
        ("GUY", "name", "غيانا"),
        ("JAM", "name", "وجامايكا"),
        ("PRY", "name", "وباراغواي"),
    ]


def test_word_prefilter_keeps_every_word_that_could_start_a_match(gaz, views):
    """The one-scan prefilter in find() must accept every word the exact anchor check accepts."""
    from perucorpus.text.arabic import normalise
    from perucorpus.text.gazetteer import WORD_START, _anchors_in

    for scope in ["all", *views]:
        _, anchors, candidates = gaz._active(scope)
        words = {word for view in views.values() for word in WORD_START.findall(normalise(view.text))}
        words |= {
            proclitics + normalise(entry.term).split()[0] for entry in gaz.entries for proclitics in ("", "و", "وبال", "فلل")
        }
        accepted = [word for word in words if _anchors_in(word, anchors)]
        assert len(accepted) > 500
        assert [word for word in accepted if not candidates.match(word)] == []


def test_a_gazetteer_without_terms_finds_nothing():
    from perucorpus.text.gazetteer import Gazetteer

    for text in ("", " بيرو", "بيرو، بيرو", "بيرو والولايات المتحدة"):
        assert Gazetteer([]).find(text) == []


def test_a_term_with_punctuation_in_its_first_letters_does_not_hide_the_next_word():
    from perucorpus.text.gazetteer import Gazetteer

    agency = Gazetteer.for_terms({"أ.ف.ب": "AFP", "فرانس برس": "AFP"}, "agency")
    assert [mention.surface for mention in agency.find("أ.فرانس برس")] == ["فرانس برس"]


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"iso3": "XXX"}, r"iso3 'XXX' is not an ISO 3166-1 alpha-3 code that CLDR names"),
        ({"scope": "shield2026_explainr"}, r"scope 'shield2026_explainr' is neither 'all' nor an article id"),
    ],
)
def test_a_bad_variant_row_names_its_line(data_copy, change, problem):
    path = data_copy / "gazetteer" / "variants.csv"
    edit_rows(path, lambda rows: next(row for row in rows if row["origin"] == "article_typo").update(change))
    with pytest.raises(DataError, match=rf"variants\.csv:\d+: .*{problem}"):
        Gazetteer.from_data(data_copy)


def test_an_exclusion_that_excludes_nothing_names_its_line(data_copy):
    path = data_copy / "gazetteer" / "variants.csv"
    edit_rows(
        path, lambda rows: next(row for row in rows if row["origin"] == "cldr_homograph_excluded").update(variant_ar="مالل")
    )
    with pytest.raises(DataError, match=r"variants\.csv:\d+: .*excludes nothing: the CLDR name of"):
        Gazetteer.from_data(data_copy)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("والولايات المتحدة", "الولايات المتحدة"),  # proclitic cut, article kept
        ("لبيرو", "بيرو"),
        ("بيرو", "بيرو"),  # a name that begins with a proclitic letter keeps it
        ("البيرو", "البيرو"),
        ("والأمريكية", "الأمريكية"),  # an adjective, inflected
        ("وللأمريكية", "أمريكية"),
        ("للمملكة العربية السعودية", "للمملكة العربية السعودية"),  # لل is ل + ال: no cut leaves the term, so all of it
    ],
)
def test_a_mentions_spelling_drops_its_proclitics_only(gaz, text, expected):
    [mention] = gaz.find(text)
    assert spelling(mention) == expected


def test_mention_counts_is_one_row_per_article_country_and_form_sorted():
    from types import SimpleNamespace

    import pandas as pd

    def mention(iso3, form, country=True):
        return SimpleNamespace(entry=SimpleNamespace(iso3=iso3, form=form), is_country=country)

    found = {
        "b": [mention("PER", "name"), mention("PER", "name"), mention("USA", "adjective")],
        "a": [mention("PER", "name"), mention("", "region", country=False)],
    }
    expected = pd.DataFrame(
        {
            "article_id": ["a", "b", "b"],
            "iso3": ["PER", "PER", "USA"],
            "form": ["name", "name", "adjective"],
            "mentions": [1, 2, 1],
        }
    )
    pd.testing.assert_frame_equal(gazetteer.mention_counts(found), expected, check_dtype=False)


# Spellings as outlets write them (issue 23 §2): letter folds in the name key, spelling rules, listed names.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أميركا وأمريكا", [("USA", "name", "أميركا"), ("USA", "name", "وأمريكا")]),  # rule america_yr
        ("الإدارة الأميركية والجيش الأمريكي", [("USA", "adjective", "الأميركية"), ("USA", "adjective", "الأمريكي")]),
        ("الولايات المتحدة الأميركية", [("USA", "name", "الولايات المتحدة الأميركية")]),
        ("الولايات المتحده", [("USA", "name", "الولايات المتحده")]),  # ة written ه
        ("الرئيس الامريكى", [("USA", "adjective", "الامريكى")]),  # no hamza, final ى
        (
            "باراجواى وجواتيمالا ونيكاراجوا",
            [("PRY", "name", "باراجواى"), ("GTM", "name", "وجواتيمالا"), ("NIC", "name", "ونيكاراجوا")],
        ),
        (
            "الأوروغواي والباراغواي والبيرو",
            [("URY", "name", "الأوروغواي"), ("PRY", "name", "والباراغواي"), ("PER", "name", "والبيرو")],
        ),
        ("الباراجواي", [("PRY", "name", "الباراجواي")]),  # two rules combined: ج for غ, and the article
        ("الڤنزويلي", [("VEN", "adjective", "الڤنزويلي")]),
        ("كوستا ريكا والشيلي", [("CRI", "name", "كوستا ريكا"), ("CHL", "name", "والشيلي")]),
        ("مسؤولين كوبيين", [("CUB", "adjective", "كوبيين")]),
    ],
)
def test_outlets_spellings_of_countries(gaz, text, expected):
    assert countries(gaz, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "محطة راديو هافانا كوبا",  # a station named after a country
        "في مدينة بنما",  # a city named after its country
        "مكسيكو سيتي",
        "مدينة جواتيمالا",  # the city, in the spelling the rule makes
        "أمريكا الجنوبية وأميركا الوسطى",  # regions
        "مبدأ المجرب",  # ج for غ applies to names of the Americas only: not Morocco (المغرب)
        "الالمانيا",  # the article is added to names of the Americas only
    ],
)
def test_names_containing_a_country_and_rule_limits_are_not_countries(gaz, text):
    assert countries(gaz, text) == []


def test_a_city_claims_its_words_but_the_country_next_to_it_counts(gaz):
    assert countries(gaz, "وفي مدينة بنما، قال وزير خارجية بنما") == [("PAN", "name", "بنما")]
    assert [m.entry.term for m in gaz.find("في مدينة بنما") if not m.is_country] == ["مدينة بنما"]


@pytest.mark.parametrize(
    "text, gloss",
    [
        ("حلف شمال الأطلسي", "NATO"),
        ("حلف شمال الاطلنطى", "NATO"),  # rule atlantic_nt, no hamza, final ى
        ("الحلف الأطلسي", "NATO"),
        ("حلف الناتو", "NATO"),
        ("مجموعة دول أميركا اللاتينية والكاريبي", "Community of Latin American and Caribbean States (CELAC)"),
        ("سيلاك", "Community of Latin American and Caribbean States (CELAC)"),
        ("اتحاد بلدان امريكا الجنوبية", "Union of South American Nations (UNASUR)"),
        ("اوناسور", "Union of South American Nations (UNASUR)"),
        ("تحالف المحيط الهاديء", "Pacific Alliance"),
        ("تحالف المحيط الهادي", "Pacific Alliance"),
        ("مجموعة دول الأنديز", "Andean Community"),
        ("ومنظمه الدول الامريكيه", "Organization of American States (OAS)"),
        ("الإتحاد الأوروبي", "European Union"),
    ],
)
def test_organisations_by_each_of_their_names(gaz, text, gloss):
    others = read_table(DATA / "gazetteer" / "non_country_terms.csv", schemas.NON_COUNTRY_TERMS)
    glosses = dict(zip(others["term_ar"], others["gloss_en"]))
    [mention] = gaz.find(text)
    assert (mention.entry.kind, glosses[mention.entry.term], mention.surface) == ("organisation", gloss, text)


def test_a_mention_made_by_a_rule_spans_the_original_and_keeps_the_listed_name(gaz):
    text = "قال إنّ الولايات المتحدة الأميركيّة"
    [mention] = gaz.countries(text)
    assert text[mention.start : mention.end] == mention.surface == "الولايات المتحدة الأميركيّة"
    assert mention.entry.term == "الولايات المتحدة الأمريكية"  # the listed name; the rule's spelling in spelled
    assert mention.entry.spelled == "الولايات المتحده الاميركيه" and mention.entry.origin == "article_spelling+america_yr"
    assert spelling(gaz.find("والولايات المتحده")[0]) == "الولايات المتحده"


def rule(rule_id, pattern, replacement, applies_to, example=""):
    return gazetteer.SpellingRule(rule_id, re.compile(pattern), replacement, applies_to, example, f"rules.csv: {rule_id}")


def test_with_variants_applies_each_rule_where_it_belongs_and_combines_them():
    from perucorpus.text.gazetteer import Entry, with_variants

    entries = [
        Entry("باراغواي", "country", "name", "PRY", "cldr"),
        Entry("المغرب", "country", "name", "MAR", "cldr"),
        Entry("غوايدو", "person", "guaido", None, "people"),
        Entry("نما", "country", "name", "PAN", "article_typo", "one_article"),
    ]
    rules = (rule("g", "غ", "ج", "americas"), rule("al", "^(?!ال)", "ال", "americas_names"))
    made = {(entry.term, entry.matched, entry.scope) for entry in with_variants(entries, rules)}
    assert made == {
        ("باراغواي", "باراغواي", "all"),
        ("باراغواي", "باراجواي", "all"),
        ("باراغواي", "الباراغواي", "all"),
        ("باراغواي", "الباراجواي", "all"),  # both rules
        ("المغرب", "المغرب", "all"),  # not of the Americas: neither rule
        ("غوايدو", "غوايدو", "all"),
        ("غوايدو", "جوايدو", "all"),  # a person: ج for غ, but no article
        ("نما", "نما", "one_article"),
        ("نما", "النما", "one_article"),  # a variant keeps its scope
    }
    assert with_variants(entries, ()) == entries


def test_a_rule_whose_example_no_name_yields_names_its_line():
    from perucorpus.text.gazetteer import Entry, with_variants

    entries = [Entry("بيدرو كاستيلو", "person", "castillo", None, "people")]
    good = rule("ll", "يلو", "يو", "people", "بيدرو كاستيو")
    assert len(with_variants(entries, (good,), check=("people",))) == 2
    wrong = rule("ll", "يلو", "يو", "people", "كاستيو")
    with pytest.raises(DataError, match=r"rules\.csv: ll: example_ar is not a spelling the rule makes from a listed name"):
        with_variants(entries, (wrong,), check=("people",))
    with_variants(entries, (wrong,), check=("all",))  # checked where the people are added, not here


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"pattern": "(مريك"}, r"spelling_rules\.csv:\d+: america_yr: pattern '\(مريك' is not a regular expression"),
        ({"example_ar": "أمريكا"}, r"spelling_rules\.csv:\d+: america_yr: example_ar is not a spelling the rule makes"),
    ],
)
def test_a_bad_spelling_rule_names_its_line(data_copy, change, problem):
    path = data_copy / "gazetteer" / "spelling_rules.csv"
    edit_rows(path, lambda rows: next(row for row in rows if row["rule_id"] == "america_yr").update(change))
    with pytest.raises(DataError, match=problem):
        Gazetteer.from_data(data_copy)


def test_people_are_matched_in_every_listed_spelling_and_the_rules_ones():
    from perucorpus.text.overview import article_names

    text = "بيدرو كاستيو، ثم كاستييو وكاستيلو؛ ترمب وترامب؛ خوان جوايدو"
    names = article_names({"one": text}, DATA).set_index("name_id")
    assert names.loc["castillo", "mentions"] == 3
    assert names.loc["trump", "mentions"] == 2
    assert names.loc["guaido", "mentions"] == 1


def test_an_accusative_adjective_counts_and_a_name_ending_like_one_stays_a_name(gaz):
    assert countries(gaz, "تدخلاً أمريكياً وموقفا صينيا") == [("USA", "adjective", "أمريكياً"), ("CHN", "adjective", "صينيا")]
    assert countries(gaz, "روسيا وبريطانيا وإسبانيا") == [
        ("RUS", "name", "روسيا"),
        ("GBR", "name", "وبريطانيا"),
        ("ESP", "name", "وإسبانيا"),
    ]
