"""Normalisation for matching, clitic splitting and stopwords."""

import pytest

from perucorpus.text.arabic import (
    name_key,
    name_key_with_offsets,
    normalisation_steps,
    normalise,
    normalise_with_offsets,
    split_clitics,
    stopwords,
    tokens,
)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("الأرجنتين", "الارجنتين"),  # hamza on alef dropped, as the 2021 article writes it
        ("إلى", "الي"),  # alef with hamza below, and alef maqsura
        ("آذار", "اذار"),  # alef madda
        ("صُنِّفت", "صنفت"),  # damma, shadda, kasra
        ("شريكًا", "شريكا"),  # tanwin
        ("بيـــرو", "بيرو"),  # tatweel
        ("حكومة", "حكومة"),  # taa marbuta kept
        ("مسؤول", "مسؤول"),  # hamza on waw kept
    ],
)
def test_normalise(original, expected):
    assert normalise(original) == expected


def test_normalisation_steps_are_named():
    assert normalisation_steps("إلى") == ["ى → ي", "alef variants → ا"]
    assert normalisation_steps("بيرو") == []


def test_offsets_agree_with_whole_text_normalisation(views):
    for view in views.values():
        normalised, origin = normalise_with_offsets(view.text)
        assert normalised == normalise(view.text)
        assert all(normalise(view.text[index]) == char for char, index in zip(normalised, origin))


def test_tokens():
    assert tokens(normalise("وقّع 17 دولة على (ACCC)، narco-terrorism")) == ["وقع", "17", "دولة", "علي", "ACCC", "narco-terrorism"]


@pytest.mark.parametrize(
    ("token", "known", "expected"),
    [
        ("والارجنتين", set(), ("وال", "ارجنتين")),
        ("للولايات", set(), ("لل", "ولايات")),
        ("بالقارة", set(), ("بال", "قارة")),
        ("وبوليفيا", {"بوليفيا"}, ("و", "بوليفيا")),
        ("لبيرو", {"بيرو"}, ("ل", "بيرو")),
        ("وبتحريض", {"تحريض"}, ("وب", "تحريض")),
        ("وزارة", {"بيرو"}, ("", "وزارة")),  # زارة is not a word of the corpus
        ("لما", {"ما"}, ("", "لما")),  # a one-letter proclitic needs three letters after it
        ("ال", set(), ("", "ال")),
    ],
)
def test_split_clitics(token, known, expected):
    assert split_clitics(token, frozenset(known)) == expected


def test_stopwords_are_normalised_and_supplemented():
    words = stopwords(("تعتبر",))
    assert {"في", "الي", "التي", "تعتبر"} <= words
    assert "إلى" not in words


def test_fast_offsets_cover_every_character_normalisation_changes():
    """normalise_with_offsets translates only ARABIC_BLOCKS; normalise must leave every other character alone."""
    from perucorpus.text.arabic import ARABIC_BLOCKS

    inside = {code for first, last in ARABIC_BLOCKS for code in range(first, last)}
    outside = "".join(chr(code) for code in range(0x20, 0x10000) if code not in inside and not 0xD800 <= code < 0xE000)
    assert normalise(outside) == outside
    sample = "".join(chr(code) for code in sorted(inside))
    assert normalise_with_offsets(sample)[0] == normalise(sample)


def test_offsets_with_characters_outside_the_basic_plane():
    assert normalise_with_offsets("😀بَـيرو 𝕏") == ("😀بيرو 𝕏", [0, 1, 4, 5, 6, 7, 8])
    assert normalise_with_offsets("\ud800بَ") == ("\ud800ب", [0, 1])
    assert normalise_with_offsets("") == ("", [])


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["الولايات المتحدة", "الولايات المتحده"], "الولايات المتحده"),  # ة → ه
        (["الهادئ", "الهاديء", "الهادي", "الهادى"], "الهادي"),  # hamza on yaa, lone hamza, alef maqsura
        (["مسؤول", "مسوول"], "مسوول"),  # hamza on waw
        (["الڤنزويلي", "الفنزويلي", "الفنزويلى"], "الفنزويلي"),  # borrowed ڤ
        (["گواتيمالا", "غواتيمالا"], "غواتيمالا"),  # borrowed گ
        (["کوبا", "كوبا"], "كوبا"),  # Persian keheh
        (["إيران", "ايران", "ایران"], "ايران"),  # alef with hamza, Persian yeh
    ],
)
def test_name_key_folds_what_outlets_write_differently(variants, key):
    assert {name_key(variant) for variant in variants} == {key}


def test_name_key_keeps_what_term_counts_keep_apart():
    assert normalise("حكومة") == "حكومة" and name_key("حكومة") == "حكومه"
    assert normalise("الهادئ") == "الهادئ"


def test_name_key_offsets_agree_with_whole_text_keys(views):
    for text in [*(view.text for view in views.values()), "الولايات المتحده والڤنزويلي، الهاديء"]:
        keyed, origin = name_key_with_offsets(text)
        assert keyed == name_key(text)
        assert all(name_key(text[index]) == char for char, index in zip(keyed, origin))
    assert name_key_with_offsets("جاءَ الهاديء") == ("جا الهادي", [0, 1, 4, 5, 6, 7, 8, 9, 10])


def test_fast_name_key_offsets_cover_every_character_the_key_changes():
    from perucorpus.text.arabic import ARABIC_BLOCKS

    inside = {code for first, last in ARABIC_BLOCKS for code in range(first, last)}
    outside = "".join(chr(code) for code in range(0x20, 0x10000) if code not in inside and not 0xD800 <= code < 0xE000)
    assert name_key(outside) == outside
