"""The subject index of the reading copy: countries, people, groupings and glossary terms → where they occur.

Like the back of a book: each headword lists the notebook sections and article paragraphs
that mention it, with counts, and every spelling met. Arabic is matched normalised, through
the gazetteer's variants (:mod:`perucorpus.text.gazetteer`) and the spellings of ``people.csv``, with
the spelling rules applied to people and groupings too, so ``الأرجنتين``/``الارجنتين``,
``ترامب``/``ترمب`` or ``كاستيلو``/``كاستيو`` fall under one headword; English names are
matched as whole words. Spellings are shown as written (with any attached prefix such as و).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from perucorpus.base.countries import country_label
from perucorpus.facts.collection import Collection
from perucorpus.text.gazetteer import Entry as NameEntry
from perucorpus.text.gazetteer import Gazetteer, with_variants

KINDS = {"country": "Countries", "person": "People", "grouping": "Groupings", "term": "Glossary terms"}


@dataclass(frozen=True)
class Headword:
    """One entry of the index: ``key`` (e.g. ``country:PER``), kind, English label, Arabic label, English names to match."""

    key: str
    kind: str
    label: str
    arabic: str
    english: tuple[str, ...] = ()
    case_sensitive: bool = True


@dataclass(frozen=True)
class Place:
    """A stretch of text to search: a notebook section or an article paragraph."""

    href: str
    label: str
    text: str
    scope: str = "all"  # the article id for article paragraphs (its own variants apply there)


@dataclass
class Entry:
    """A headword with its occurrences: ``places`` maps each place's href to (label, count)."""

    headword: Headword
    places: dict[str, tuple[str, int]] = field(default_factory=dict)
    spellings: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """Occurrences of the headword over all its places."""
        return sum(count for _, count in self.places.values())


class Matcher:
    """Finds headwords in a text: Arabic through gazetteers (``label`` of a match = headword key), English as whole words."""

    def __init__(self, headwords: list[Headword], arabic: list[tuple[Gazetteer, callable]]):
        self.headwords = {headword.key: headword for headword in headwords}
        self.arabic = arabic  # (gazetteer, mention → headword key or None)
        self.english = [(headword.key, _english_pattern(headword)) for headword in headwords if headword.english]

    def find(self, text: str, scope: str = "all") -> list[tuple[str, str]]:
        """(headword key, spelling as written) for every mention in ``text``."""
        found = []
        for gazetteer, key_of in self.arabic:
            for mention in gazetteer.find(text, scope):
                key = key_of(mention)
                if key in self.headwords:
                    found.append((key, mention.surface))
        for key, pattern in self.english:
            found += [(key, match.group()) for match in pattern.finditer(text)]
        return found


def _english_pattern(headword: Headword) -> re.Pattern[str]:
    names = sorted(set(headword.english), key=len, reverse=True)
    flags = 0 if headword.case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])", flags)


def english_names(gloss: str) -> tuple[str, ...]:
    """The names a gloss is written as: ``"the Major Non-NATO Ally (MNNA)"`` → ``("Major Non-NATO Ally", "MNNA")``."""
    abbreviations = re.findall(r"\(([A-Z]{2,})\)", gloss)
    name = re.sub(r"\s*\([^)]*\)", "", gloss).strip()
    name = re.sub(r"^the\s+", "", name)
    return tuple(n for n in (name, *abbreviations) if n)


def index(matcher: Matcher, places: list[Place]) -> list[Entry]:
    """Every headword that occurs in ``places``, in the matcher's order, with its places and spellings."""
    entries = {key: Entry(headword) for key, headword in matcher.headwords.items()}
    for place in places:
        counts = Counter()
        for key, spelling in matcher.find(place.text, place.scope):
            counts[key] += 1
            entries[key].spellings[spelling] += 1
        for key, count in counts.items():
            entries[key].places[place.href] = (place.label, count)
    return [entry for entry in entries.values() if entry.places]


def from_data(data_dir: Path | str) -> Matcher:
    """The matcher for the collection under ``data_dir`` (:func:`matcher`)."""
    return matcher(Collection(data_dir))


def matcher(collection: Collection) -> Matcher:
    """The matcher for the collection: CLDR countries and their variants, people, groupings, glossary terms."""
    countries = collection.gazetteer
    people = collection.people
    glossary = collection.glossary
    others = collection.table("gazetteer/non_country_terms.csv")
    rules = collection.spelling_rules
    headwords = [
        Headword(f"country:{iso3}", "country", *country_label(iso3), english=(country_label(iso3)[0],))
        for iso3 in sorted({entry.iso3 for entry in countries.entries if entry.kind == "country"})
    ]
    terms: dict[str, str] = {}  # Arabic form → headword key
    for person_id, rows in people.groupby("person_id", sort=False):
        name = rows["name_en"].iloc[0]
        headwords.append(
            Headword(f"person:{person_id}", "person", name, rows["name_ar"].iloc[0], english=(name, name.split()[-1]))
        )
        terms.update(dict.fromkeys(_spellings(rows["name_ar"], "person", rules), f"person:{person_id}"))
    organisations = others[others["kind"] == "organisation"]
    for gloss, rows in organisations.groupby("gloss_en", sort=False):
        key = f"grouping:{gloss}"
        headwords.append(
            Headword(key, "grouping", gloss, rows["term_ar"].iloc[0], english=english_names(gloss), case_sensitive=False)
        )
        terms.update(dict.fromkeys(_spellings(rows["term_ar"], "organisation", rules), key))
    for row in glossary.itertuples():
        if row.match_ar in terms:  # a grouping that is also a glossary term: one headword
            continue
        key = f"term:{row.term_ar}"
        headwords.append(
            Headword(key, "term", row.gloss_en, row.term_ar, english=english_names(row.gloss_en), case_sensitive=False)
        )
        terms[row.match_ar] = key
    named = Gazetteer.for_terms(terms, "entry", claimed=collection.venues)  # a name in a venue is no mention
    return Matcher(
        headwords,
        [
            (countries, lambda mention: f"country:{mention.entry.iso3}" if mention.is_country else None),
            (named, lambda mention: mention.entry.form if mention.entry.kind == "entry" else None),
        ],
    )


def _spellings(names, kind: str, rules) -> list[str]:
    """``names`` and the spellings the gazetteer's rules make of them (for an entry of ``kind``)."""
    return [entry.matched for entry in with_variants([NameEntry(name, kind, kind, None, "index") for name in names], rules)]
