"""Find country mentions in Arabic text.

Country names come from CLDR (via babel, :mod:`perucorpus.base.countries`) for every ISO 3166-1 country, plus the variant
spellings the articles actually use, from ``data/gazetteer/variants.csv`` (which can
also exclude a CLDR name that is a common word, e.g. ``مالي`` "financial"). Nationality
adjectives (``البيروفية``) are a separate *form* from names. Regions, cities,
metonyms, organisations and venues (``أمريكا اللاتينية``, ``ليما``, ``واشنطن``,
``منظمة الدول الأمريكية``) listed in ``data/gazetteer/non_country_terms.csv`` are
matched too, so that they claim their words, but are never reported as countries.

Outlets spell names in several ways. Letter-level differences (alef and hamza forms, ``ى``/``ي``,
``ة``/``ه``, ``ڤ``/``ف``) disappear in the name key every match runs on
(:func:`perucorpus.text.arabic.name_key`). Spelling differences within names (``أميركا``/``أمريكا``,
``كاستيو``/``كاستيلو``, ``جواتيمالا``/``غواتيمالا``) are rules, in
``data/gazetteer/spelling_rules.csv``: each rule rewrites the listed names it applies to into
further spellings of the same name (:func:`with_variants`), so a rule written once serves every
name, article and outlet.

Matching runs on whole words, with the attached proclitics ``و ف ب ك ل`` and the article ``ال``;
spans are reported in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.countries import cldr_names, in_americas, known_codes
from perucorpus.base.tables import DataError, read_table
from perucorpus.text.arabic import name_key, name_key_with_offsets

#: The endings of an inflected nationality adjective (in name-key spelling: ``ة`` is ``ه``); ``ا`` is the
#: accusative ``ـيًا`` (``تدخلاً أمريكياً``), whose tanwin the key drops. A country name that is an adjective
#: and ``ا`` (``روسيا``, ``بريطانيا``) is longer than the adjective and so is matched first, as the name.
ADJECTIVE_ENDINGS = "(?:" + "|".join(name_key(ending) for ending in ("ة", "ون", "ين", "ان", "تين", "تان", "ات", "ا")) + ")?"
BEFORE = r"(?<!\w)"
AFTER = r"(?!\w)"


@dataclass(frozen=True)
class Entry:
    """One searchable term: a country name or adjective (``iso3``), or a non-country term."""

    term: str
    kind: str  # "country" or a non-country kind (region, city, metonym, organisation, subnational, venue)
    form: str  # "name" or "adjective" for countries, else the kind
    iso3: str | None
    origin: str
    scope: str = "all"
    spelled: str = ""  # the spelling matched, when a spelling rule made it (``term`` stays the listed name)

    @property
    def matched(self) -> str:
        """The spelling this entry matches: ``spelled`` if a rule made it, else ``term``."""
        return self.spelled or self.term


@dataclass(frozen=True)
class Mention:
    """A match in the original text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entry: Entry

    @property
    def is_country(self) -> bool:
        """Whether the mention is of a country (not a region, organisation, person or term)."""
        return self.entry.kind == "country"


def _check_variants(variants, article_ids: set[str]) -> None:
    """Every variant names a CLDR country, a scope that exists, and an exclusion that excludes something."""
    problems = []
    for row, line in zip(variants.itertuples(), variants.attrs["lines"]):
        where = f"{variants.attrs['source']}:{line}: {row.iso3} {row.variant_ar}"
        if row.iso3 not in known_codes():
            problems.append(f"{where}: iso3 {row.iso3!r} is not an ISO 3166-1 alpha-3 code that CLDR names")
            continue
        if row.scope != "all" and row.scope not in article_ids:
            problems.append(f"{where}: scope {row.scope!r} is neither 'all' nor an article id of articles.csv")
        if row.origin == "cldr_homograph_excluded" and name_key(row.variant_ar) != name_key(cldr_names("ar")[row.iso3]):
            problems.append(f"{where}: excludes nothing: the CLDR name of {row.iso3} is {cldr_names('ar')[row.iso3]!r}")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))


class Gazetteer:
    """CLDR names + project variants + non-country terms, compiled into one matcher per scope."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._patterns: dict = {}  # scope → (entries, anchors, prefilter); (scope, anchors) → (pattern, entries)
        self._by_anchor: dict[str, dict[str, list[int]]] = {}  # scope → anchor → positions of its entries
        self._term_patterns: dict[str, list[str]] = {}  # scope → each active entry's regex, in order
        self._seen_words: dict[tuple[str, str], frozenset[str]] = {}

    @staticmethod
    def venues(data_dir: Path | str) -> tuple[str, ...]:
        """The venues of ``non_country_terms.csv``: places whose names contain a person's name
        (``منتجع ترمب ناشيونال دورال``), to be claimed before people are matched.
        """
        return Gazetteer.venues_in(read_table(Path(data_dir) / "gazetteer" / "non_country_terms.csv", schemas.NON_COUNTRY_TERMS))

    @staticmethod
    def venues_in(others: pd.DataFrame) -> tuple[str, ...]:
        """The venues (:meth:`venues`) of ``non_country_terms.csv`` as read."""
        return tuple(others.loc[others["kind"] == "venue", "term_ar"])

    @classmethod
    def from_data(cls, data_dir: Path | str) -> Gazetteer:
        """Build the gazetteer from CLDR and ``<data_dir>/gazetteer/*.csv`` (:meth:`from_tables`)."""
        folder = Path(data_dir) / "gazetteer"
        return cls.from_tables(
            read_table(folder / "variants.csv", schemas.GAZETTEER_VARIANTS),
            read_table(folder / "non_country_terms.csv", schemas.NON_COUNTRY_TERMS),
            set(read_table(Path(data_dir) / "articles.csv", schemas.ARTICLES)["id"]),
            read_spelling_rules(data_dir),
        )

    @classmethod
    def from_tables(
        cls, variants: pd.DataFrame, others: pd.DataFrame, article_ids: set[str], rules: tuple[SpellingRule, ...]
    ) -> Gazetteer:
        """The gazetteer of CLDR and the gazetteer's files as read (``variants.csv``, ``non_country_terms.csv``),
        its variants checked against the ``article_ids``, with the spelling ``rules`` (:func:`check_spelling_rules`).
        """
        _check_variants(variants, article_ids)
        excluded = {
            (row.iso3, name_key(row.variant_ar)) for row in variants.itertuples() if row.origin == "cldr_homograph_excluded"
        }
        entries = [
            Entry(term=name, kind="country", form="name", iso3=iso3, origin="cldr")
            for iso3, name in cldr_names("ar").items()
            if (iso3, name_key(name)) not in excluded
        ]
        entries += [
            Entry(row.variant_ar, "country", row.form, row.iso3, row.origin, row.scope)
            for row in variants.itertuples()
            if row.origin != "cldr_homograph_excluded"
        ]
        entries += [Entry(row.term_ar, row.kind, row.kind, None, "non_country_terms") for row in others.itertuples()]
        # The rules for people are checked where people are added (perucorpus.text.overview).
        return cls(with_variants(entries, rules, check=("all", "americas", "americas_names")))

    @classmethod
    def for_terms(cls, terms: dict[str, str], kind: str, claimed: tuple[str, ...] = ()) -> Gazetteer:
        """A matcher for other terms (``term → label``, e.g. people or glossary entries).

        Mentions have ``entry.kind == kind`` and ``entry.form == label``; phrases in
        ``claimed`` take their words (kind ``"claimed"``) so they are not reported. (Spelling
        rules are applied by the caller, with :func:`with_variants`, to the entries it means.)
        """
        entries = [Entry(term, kind, label, None, "terms") for term, label in terms.items()]
        entries += [Entry(term, "claimed", "claimed", None, "terms") for term in claimed]
        return cls(entries)

    def find(self, text: str, scope: str = "all") -> list[Mention]:
        """All mentions in ``text`` (left to right, non-overlapping, longest term first at each position).

        ``scope`` is the article id: variants scoped to one article (its typos) apply only there.
        """
        entries, anchors, candidates = self._active(scope)
        normalised, origin = name_key_with_offsets(text)
        mentions = []
        resume = 0
        # Terms are tried only at word starts, and only those whose first letters (after up to
        # four letters of proclitics) occur in the word: the same matches, many times faster.
        # ``candidates`` finds such words (and a few more) in one C-level scan of the text.
        for candidate in candidates.finditer(normalised):
            start = candidate.start()
            if start < resume:
                continue
            word = WORD_START.match(normalised, start).group()
            found = self._word_anchors(scope, word, anchors)
            if not found:
                continue
            pattern, matchable = self._pattern_for(scope, found)
            match = pattern.match(normalised, start)
            if match:
                entry = matchable[match.lastindex - 1]
                first = origin[match.start()]
                # Up to the next character kept by normalisation: the marks that normalisation
                # deletes after the last letter (a final vowel sign, a tatweel) belong to the word.
                end = origin[match.end()] if match.end() < len(origin) else len(text)
                mentions.append(Mention(first, end, text[first:end], entry))
                resume = match.end()
        return mentions

    def countries(self, text: str, scope: str = "all") -> list[Mention]:
        """Only the country mentions (names and adjectives)."""
        return [mention for mention in self.find(text, scope) if mention.is_country]

    def _active(self, scope: str) -> tuple[list[Entry], frozenset[str], re.Pattern[str]]:
        """Entries that apply in ``scope`` (longest term first), their anchors, and a word prefilter."""
        if scope not in self._patterns:
            active = [entry for entry in self.entries if entry.scope in ("all", scope)]
            # Longest term first, so "الولايات المتحدة الأمريكية" wins over "الولايات المتحدة".
            active.sort(key=lambda entry: (-len(name_key(entry.matched)), entry.matched, entry.term, entry.form))
            by_anchor: dict[str, list[int]] = {}
            for position, entry in enumerate(active):
                by_anchor.setdefault(_anchor(entry), []).append(position)
            self._by_anchor[scope] = by_anchor
            self._term_patterns[scope] = [_term_pattern(entry) for entry in active]
            anchors = frozenset(by_anchor)
            # Every word with an anchor after at most MAX_PROCLITICS letters (a superset of
            # the words _anchors_in accepts, which find() then checks exactly).
            candidates = re.compile(rf"{BEFORE}\w{{0,{MAX_PROCLITICS}}}{_trie_pattern(anchors)}")
            self._patterns[scope] = (active, anchors, candidates)
        return self._patterns[scope]

    def _word_anchors(self, scope: str, word: str, anchors: frozenset[str]) -> frozenset[str]:
        """:func:`_anchors_in`, remembered per word (words repeat a lot in running text)."""
        key = (scope, word)
        if key not in self._seen_words:
            if len(self._seen_words) > 500_000:
                self._seen_words.clear()
            self._seen_words[key] = _anchors_in(word, anchors)
        return self._seen_words[key]

    def _pattern_for(self, scope: str, anchors: frozenset[str]) -> tuple[re.Pattern[str], list[Entry]]:
        """The alternation of the terms with these anchors, in the scope's order (compiled once)."""
        key = (scope, anchors)
        if key not in self._patterns:
            active = self._active(scope)[0]
            positions = sorted(position for anchor in anchors for position in self._by_anchor[scope][anchor])
            candidates = [active[position] for position in positions]
            alternatives = "|".join(f"({self._term_patterns[scope][position]})" for position in positions)
            self._patterns[key] = (re.compile(f"{BEFORE}(?:{alternatives}){AFTER}"), candidates)
        return self._patterns[key]


@dataclass(frozen=True)
class SpellingRule:
    """A row of ``spelling_rules.csv``: ``pattern`` (on the name key) → ``replacement``, for the entries of ``applies_to``."""

    rule_id: str
    pattern: re.Pattern[str]
    replacement: str
    applies_to: str
    example: str  # the name key of a spelling the rule makes from a listed name
    where: str  # file and line, for messages


def read_spelling_rules(data_dir: Path | str) -> tuple[SpellingRule, ...]:
    """The rules of ``<data_dir>/gazetteer/spelling_rules.csv``; a pattern that is no regular expression names its line."""
    return check_spelling_rules(read_table(Path(data_dir) / "gazetteer" / "spelling_rules.csv", schemas.SPELLING_RULES))


def check_spelling_rules(rules: pd.DataFrame) -> tuple[SpellingRule, ...]:
    """The rules of ``spelling_rules.csv`` as read; a pattern that is no regular expression names its line."""
    found, problems = [], []
    for row, line in zip(rules.itertuples(), rules.attrs["lines"]):
        where = f"{rules.attrs['source']}:{line}: {row.rule_id}"
        try:
            pattern = re.compile(row.pattern)
        except re.error as error:
            problems.append(f"{where}: pattern {row.pattern!r} is not a regular expression ({error})")
            continue
        found.append(SpellingRule(row.rule_id, pattern, row.replacement or "", row.applies_to, name_key(row.example_ar), where))
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return tuple(found)


def with_variants(entries: list[Entry], rules: tuple[SpellingRule, ...], check: tuple[str, ...] = ()) -> list[Entry]:
    """``entries`` and the further spellings ``rules`` make of them (rules combine; each spelling once).

    A made spelling keeps its entry's ``term``, kind, form, country and scope, with the new
    spelling in ``spelled``. A rule whose ``applies_to`` is in ``check`` must make its
    ``example_ar`` from these entries, or loading stops (a rule that does nothing, or a wrong example).
    """
    americas = _americas({entry.iso3 for entry in entries if entry.iso3})
    seen = {(name_key(entry.matched), entry.kind, entry.form, entry.iso3, entry.scope) for entry in entries}
    made: dict[str, set[str]] = {rule.rule_id: set() for rule in rules}
    result, queue = list(entries), list(entries)
    while queue:
        entry = queue.pop()
        for rule in rules:
            if not _applies(rule, entry, americas):
                continue
            spelled = rule.pattern.sub(rule.replacement, name_key(entry.matched))
            made[rule.rule_id].add(spelled)
            key = (spelled, entry.kind, entry.form, entry.iso3, entry.scope)
            if key in seen:
                continue
            seen.add(key)
            variant = Entry(
                entry.term, entry.kind, entry.form, entry.iso3, f"{entry.origin}+{rule.rule_id}", entry.scope, spelled
            )
            result.append(variant)
            queue.append(variant)
    problems = [
        f"{rule.where}: example_ar is not a spelling the rule makes from a listed name"
        for rule in rules
        if rule.applies_to in check and rule.example not in made[rule.rule_id]
    ]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return result


def _americas(codes: set[str]) -> frozenset[str]:
    """The codes of ``codes`` that are countries of the Americas."""
    ordered = sorted(codes)
    return frozenset(code for code, inside in zip(ordered, in_americas(ordered)) if inside)


def _applies(rule: SpellingRule, entry: Entry, americas: frozenset[str]) -> bool:
    """Whether ``rule`` rewrites ``entry`` (see ``applies_to`` in data/README.md)."""
    if rule.applies_to == "all":
        return True
    if rule.applies_to == "people":
        return entry.kind == "person"
    if rule.applies_to == "americas_names":
        return entry.kind == "country" and entry.form == "name" and entry.iso3 in americas
    return entry.kind != "country" or entry.iso3 in americas  # "americas": its countries, people and listed terms


WORD_START = re.compile(r"\w+")
ANCHOR = 3
MAX_PROCLITICS = 4  # e.g. وبال + the term


def _anchor(entry: Entry) -> str:
    """The first letters of a term after its article: what a word must contain to start a match."""
    first = name_key(entry.matched).split()[0]
    core = first[2:] if first.startswith("ال") and len(first) > 4 else first
    return core[:ANCHOR]


def _anchors_in(word: str, anchors: frozenset[str]) -> frozenset[str]:
    """The anchors that occur in ``word`` right after at most four letters of proclitics."""
    return anchors.intersection(word[offset : offset + ANCHOR] for offset in range(MAX_PROCLITICS + 1))


def _trie_pattern(words: frozenset[str]) -> str:
    """A regex matching any of ``words`` (as a prefix), written as a trie so it scans fast.

    Only words of word characters are used: the others can never be inside a word, and
    letting the prefilter run past a word's end would make it skip the next word's start.
    """
    words = frozenset(word for word in words if WORD_START.fullmatch(word))
    if not words:
        return "(?!)"  # matches nothing
    trie: dict = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def render(node: dict) -> str:
        if "" in node:  # a whole word ends here: the longer ones add nothing to a prefix match
            return ""
        return "(?:" + "|".join(re.escape(letter) + render(child) for letter, child in sorted(node.items())) + ")"

    return render(trie)


def _term_pattern(entry: Entry, proclitics: bool = True) -> str:
    """Regex for one term with its proclitics (and inflections, for adjectives); without them if not ``proclitics``."""
    words = name_key(entry.matched).split()
    body = r"\s+".join(re.escape(word) for word in words)
    if entry.form == "adjective":
        before = r"(?:[وف]?[بك]?ال|[وف]?لل|[وف]?[بكل]?)?" if proclitics else "(?:ال)?"
        return rf"{before}{body}{ADJECTIVE_ENDINGS}"
    if not proclitics:
        return body
    if body.startswith("ال"):
        rest = body[2:]
        return rf"(?:[وف]?[بك]?ال|[وف]?لل){rest}"
    return rf"[وف]?[بكل]?{body}"


def spelling(mention: Mention) -> str:
    """The mention as spelled in the text, without the proclitics attached to it (``لمبدأ مونرو`` → ``مبدأ مونرو``).

    The shortest cut of up to three proclitic letters that leaves the term itself; where none
    does (``للإمبريالية``: ``لل`` stands for ``ل`` + ``ال``), the whole surface.
    """
    bare = re.compile(_term_pattern(mention.entry, proclitics=False))
    for cut in range(4):
        if cut and mention.surface[cut - 1] not in "وفبكل":
            break
        if bare.fullmatch(name_key(mention.surface[cut:])):
            return mention.surface[cut:]
    return mention.surface


def mention_counts(mentions_by_article: dict[str, list[Mention]]) -> pd.DataFrame:
    """Long table ``article_id, iso3, form, mentions`` of country mentions, sorted."""
    rows = [
        (article_id, mention.entry.iso3, mention.entry.form)
        for article_id, mentions in mentions_by_article.items()
        for mention in mentions
        if mention.is_country
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "iso3", "form"])
    return (
        frame.groupby(["article_id", "iso3", "form"], as_index=False)
        .size()
        .rename(columns={"size": "mentions"})
        .sort_values(["article_id", "iso3", "form"], ignore_index=True)
    )
