"""Country codes and names from the libraries: CLDR names, codes, Correlates of War numbers, UN regions."""

import pytest

from perucorpus.base import countries


def test_a_country_has_its_cldr_names_in_english_and_arabic():
    assert countries.country_label("PER") == ("Peru", "بيرو")
    assert countries.country_label("USA") == ("United States", "الولايات المتحدة")


def test_an_unknown_code_has_no_label():
    with pytest.raises(ValueError, match="'XXX' is not an ISO 3166-1 alpha-3 code that CLDR names"):
        countries.country_label("XXX")


def test_known_codes_are_the_iso3_codes_named_in_both_languages():
    known = countries.known_codes()
    assert {"PER", "VEN", "TWN", "PSE"} <= known and "XXX" not in known
    assert all(len(code) == 3 and code.isupper() for code in known)


def test_library_fields_fill_the_correlates_of_war_number_and_both_names():
    fields = countries.library_fields(["PER", "PSE", "PER"])
    assert fields == {
        "PER": {"cow_code": "135", "country_en": "Peru", "country_ar": "بيرو"},
        "PSE": {"cow_code": "", "country_en": "Palestinian Territories", "country_ar": countries.country_label("PSE")[1]},
    }


def test_regions_and_the_americas():
    assert countries.subregions(["PER", "GTM", "JAM", "USA", "FRA"]) == {
        "FRA": "Western Europe",
        "GTM": "Central America",
        "JAM": "Caribbean",
        "PER": "South America",
        "USA": "Northern America",
    }
    assert countries.in_americas(["PER", "CAN", "FRA"]) == [True, True, False]


def test_the_reader_meets_one_spelling_of_each_name():
    # CLDR's short forms ("St. Lucia", "Trinidad & Tobago") are spelled out as the texts write them; the code stays
    assert countries.cldr_names("en")["LCA"] == "St. Lucia"
    assert countries.country_label("LCA") == ("Saint Lucia", countries.cldr_names("ar")["LCA"])
    assert countries.library_fields(["TTO"])["TTO"]["country_en"] == "Trinidad and Tobago"
    for iso3, name in countries.READER_NAMES.items():  # each entry still spells out a CLDR short form
        assert iso3 in countries.known_codes() and countries.cldr_names("en")[iso3] != name
        assert "St." not in name and "&" not in name


def test_convert_gives_countrycodes_answers_and_asks_it_once_per_destination(monkeypatch):
    from countrycode import countrycode

    codes = ["PER", "USA", "XXX", "ABW", "PER"]
    expected = countrycode(codes, origin="iso3c", destination="un.regionsub.name")
    monkeypatch.setattr(countries, "_CONVERTED", {})
    asked = []

    def counting(codes, origin, destination, **options):
        asked.append(list(codes))
        return countrycode(codes, origin=origin, destination=destination, **options)

    monkeypatch.setattr(countries, "countrycode", counting)
    assert countries.convert(codes, "un.regionsub.name") == expected
    assert countries.convert(["BRA", "PER"], "un.regionsub.name") == countrycode(["BRA", "PER"], "iso3c", "un.regionsub.name")
    assert len(asked) == 1 and countries.known_codes() <= set(asked[0])
    assert countries.convert(["XXX", "ZZZ"], "un.regionsub.name") == [None, None] and asked[-1] == ["ZZZ"]


def test_countrycode_on_its_table_read_once_gives_the_librarys_own_answers(monkeypatch):
    from countrycode import countrycode

    reads = []
    original = countries.prepare_codelist
    monkeypatch.setattr(countries, "prepare_codelist", lambda: reads.append(1) or original())
    countries._codelist.cache_clear()
    codes = sorted(countries.known_codes()) + ["XXX"]
    for destination in ("cown", "continent", "un.regionintermediate.name", "un.regionsub.name"):
        assert countries._countrycode(codes, "iso3c", destination) == countrycode(codes, origin="iso3c", destination=destination)
    assert countries._countrycode(["PE", "US", "ZZ"], "iso2c", "iso3c") == countrycode(["PE", "US", "ZZ"], "iso2c", "iso3c")
    assert len(reads) == 1
