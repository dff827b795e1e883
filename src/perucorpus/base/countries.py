"""Country codes and names, in one place: CLDR names (babel) and code conversions (countrycode).

Everything about a country that comes from a library rather than from ``data/``: its
English and Arabic CLDR names, the ISO 3166-1 alpha-3 codes CLDR names in both languages,
its Correlates of War number, and its UN region. The one thing typed by hand is
:data:`READER_NAMES`: CLDR's short English forms ("St. Lucia", "Trinidad & Tobago") spelled out as the
texts write them, so that a reader meets one spelling in the tables, the figures and the prose.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale
from countrycode import countrycode
from countrycode.countrycode import prepare_codelist


def cldr_country_names(language: str = "ar") -> dict[str, str]:
    """ISO3 → CLDR country name in ``language``, for every territory that is an ISO 3166-1 country."""
    territories = Locale.parse(language).territories
    codes = tuple(sorted(code for code in territories if re.fullmatch(r"[A-Z]{2}", code)))
    return {three: territories[two] for two, three in zip(codes, _iso3(codes)) if three}


@cache
def _iso3(iso2_codes: tuple[str, ...]) -> list[str | None]:
    """ISO 3166-1 alpha-3 codes for alpha-2 codes (one countrycode call, shared by both languages)."""
    return _countrycode(list(iso2_codes), origin="iso2c", destination="iso3c")


@cache
def _codelist() -> dict:
    """The code table of countrycode, read from its package once per process (its default ``custom_dict``)."""
    return prepare_codelist()


def _countrycode(codes: list, origin: str, destination: str) -> list:
    """``countrycode`` on its own table, read once (:func:`_codelist`): without it, every call reads the table from
    disk again (about 30 ms, a pickle of the whole table).
    """
    return countrycode(codes, origin=origin, destination=destination, custom_dict=_codelist())


@cache
def cldr_names(language: str) -> dict[str, str]:
    """:func:`cldr_country_names`, computed once per language."""
    return cldr_country_names(language)


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes with CLDR names in both English and Arabic."""
    return frozenset(cldr_names("en")) & frozenset(cldr_names("ar"))


#: The English names a reader sees where CLDR's are short forms (ISO3 → name): one spelling for the tables, figures
#: and texts. The codes, and CLDR's own names (:func:`cldr_names`, which the gazetteer matches), are unchanged.
READER_NAMES = {
    "ATG": "Antigua and Barbuda",
    "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia",
    "TTO": "Trinidad and Tobago",
    "VCT": "Saint Vincent and the Grenadines",
}


def country_label(iso3: str) -> tuple[str, str]:
    """English and Arabic names of a country (CLDR's, the English spelled out where :data:`READER_NAMES` says);
    an unknown code is a ``ValueError`` naming it.
    """
    if iso3 not in known_codes():
        raise ValueError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code that CLDR names")
    return READER_NAMES.get(iso3, cldr_names("en")[iso3]), cldr_names("ar")[iso3]


#: countrycode's answers so far, by destination: ISO3 code → value. Each destination is asked once per process, for
#: every code CLDR names at once.
_CONVERTED: dict[str, dict[str, object]] = {}


def convert(codes: list[str], destination: str) -> list:
    """The answer of countrycode for ``destination`` (e.g. ``"cown"``, ``"continent"``) for each ISO3 code of ``codes``, in order
    (``None`` where it has none); a library call only for codes not asked before.
    """
    answers = _CONVERTED.setdefault(destination, {})
    missing = sorted(set(codes) - set(answers))
    if missing:
        asked = sorted(set(missing) | (known_codes() if not answers else set()))
        answers.update(zip(asked, _countrycode(asked, origin="iso3c", destination=destination)))
    return [answers[code] for code in codes]


def library_fields(codes: list[str]) -> dict[str, dict[str, str]]:
    """``cow_code``, ``country_en`` and ``country_ar`` of each ISO3 code (:func:`convert`)."""
    codes = sorted(set(codes))
    cow_codes = convert(codes, "cown")
    fields = {}
    for iso3, cow in zip(codes, cow_codes):
        english, arabic = country_label(iso3)
        fields[iso3] = {"cow_code": "" if cow is None else str(cow), "country_en": english, "country_ar": arabic}
    return fields


def subregions(codes: list[str]) -> dict[str, str]:
    """UN intermediate region (South America, Central America, Caribbean), else UN sub-region, else "Other"."""
    codes = sorted(set(codes))
    intermediate = convert(codes, "un.regionintermediate.name")
    sub = convert(codes, "un.regionsub.name")
    return {iso3: first or second or "Other" for iso3, first, second in zip(codes, intermediate, sub)}


def in_americas(codes: list[str]) -> list[bool]:
    """Whether each ISO3 code is a country of the Americas (countrycode's continent)."""
    return [continent == "Americas" for continent in convert(list(codes), "continent")]
