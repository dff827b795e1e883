"""The classroom pack's content: the keyed teaching source joined to the data it cites.

:func:`load` reads ``teaching/classroom.toml`` through a :mod:`~perucorpus.publish.catalogue`
(texts by key) and the project's data, and returns a :class:`Pack`: the questions and exercises
with their materials (passages, checks, figures, tables) resolved from the data, the lesson plan,
the short comparison table and the presidents' table. The templates of
:mod:`perucorpus.publish.classroom` lay it out as lesson plan, handout, student reader,
facilitator edition and slides; notebook 04 shows its questions and exercises.

Rows are named as in the source's header (``claim:<id>``, ``paragraph:<article>:<n>``, …);
:func:`fact_problems` checks that every cited row exists, that every number in a text is in a
row it cites, and that every Arabic quotation is the article's own words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from babel.dates import format_date

from perucorpus.base import dates
from perucorpus.facts import readable
from perucorpus.facts import translations as translated
from perucorpus.facts.collection import Collection
from perucorpus.facts.quotes import numbered_paragraphs, paragraph_number
from perucorpus.facts.sourcing import CITED_IN_NOTE
from perucorpus.present import alliance_figures
from perucorpus.publish.catalogue import Catalogue, read_toml
from perucorpus.publish.catalogue import load as load_catalogue
from perucorpus.text import arabic, corpus
from perucorpus.text.cleaning import DATE_HEADER, clean

#: Reading speed for the pre-class reading times (words a minute), by language of the text read.
WORDS_PER_MINUTE = {"en": 150, "ar": 100}
#: Verdicts that mean "no source in the collection has settled it yet" (exercise ``check_claims``).
UNCHECKED = ("not_checkable", "not_checked")
#: How many claims the checking exercise asks students to check.
CLAIMS_TO_CHECK = 2
#: A minute count a run sheet must add up to.
SESSION_MINUTES = 90
#: The short comparison table's longest cell, in words.
SHORT_CELL_WORDS = 12
#: The pack's files, in the order the reading copy's contents and the lesson plan list them: (file, key of its label).
OUTPUTS = [
    ("lesson_plan.html", "ui.lesson_plan"),
    ("lesson_plan.pdf", "ui.lesson_plan_pdf"),
    ("articles.html", "ui.articles_full"),
    ("articles.pdf", "ui.articles_full_pdf"),
    ("handout.pdf", "ui.handout"),
    ("student.pdf", "ui.student"),
    ("facilitator.pdf", "ui.facilitator"),
    ("slides.html", "ui.slides"),
    ("slides.pdf", "ui.slides_pdf"),
]
#: The data file of the articles' English translations (one row per paragraph), if the project has it.
TRANSLATIONS = "translations.csv"


class PackError(ValueError):
    """The teaching source names a row the data does not have, or breaks one of the pack's rules."""


@dataclass(frozen=True)
class Passage:
    """One paragraph of an article: its label ("2025 news report ¶8"), Arabic and English (None if untranslated)."""

    article_id: str
    number: int
    label: str
    arabic: str
    english: str | None

    @property
    def anchor(self) -> str:
        """The id of the passage on the pack's pages."""
        return f"p-{self.article_id}-{self.number}"


#: The tiers whose publishers a reader is told about where they are cited (``publisher_tiers.csv``'s ``why``): an
#: aggregator or a mirror is not a name a student knows, nor the original it copies.
DESCRIBED_TIERS = ("aggregator_or_mirror",)


def described(why: str) -> str:
    """A publisher's description (``publisher_tiers.csv``'s ``why``) as it follows the name in brackets: no closing
    full stop, and a lower-case first word where it is an ordinary capitalised word ("A tracker …." → "a tracker …";
    an acronym such as "EFE" stays as it is).
    """
    text = why.strip().removesuffix(".")
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if re.fullmatch(r"[A-Z][a-z'-]*", first) else text


@dataclass(frozen=True)
class Reference:
    """A public source as a student reads it: title, publisher, date and address, and what the publisher is where a
    reader needs telling (``about``: :data:`DESCRIBED_TIERS`; "" otherwise).
    """

    ref_id: str
    title: str
    publisher: str
    date: str
    url: str
    about: str = ""
    #: The date as the data records it (ISO, or "undated"); ``date`` is it in words.
    iso: str = ""

    @property
    def shown_title(self) -> str:
        """The title as published; "" where the data records none (its ``[headline not recorded; …]`` marker)."""
        return "" if self.title.startswith("[") else self.title

    @property
    def short(self) -> str:
        """``publisher, date``, as a check cites it."""
        return f"{self.publisher}, {self.date}"


@dataclass(frozen=True)
class Check:
    """A claim of an article set against the record. ``mode``: ``check`` (printed open), ``record`` (no verdict:
    students judge) or ``sources`` (only the references to read).
    """

    claim_id: str
    label: str
    article: str
    quote_ar: str
    claim_en: str
    verdict: str
    states: str
    note: str
    references: tuple[Reference, ...]
    mode: str
    #: The verdict as the data records it (``not_checked``); ``verdict`` is it in words (:func:`verdict_words`).
    verdict_key: str = ""

    @property
    def anchor(self) -> str:
        """The id of the check on the pack's pages."""
        return f"check-{self.claim_id}"


#: A verdict in words where the data's name is not what a reader is told: a claim no source in the set settles yet is
#: "still open", the words exercise 3 asks students to use (one wording on every page).
VERDICT_WORDS = {"not_checked": "still open"}


def verdict_words(verdict: str) -> str:
    """The data's verdict (``not_checked``) as the pack writes it ("still open")."""
    return VERDICT_WORDS.get(verdict, verdict.replace("_", " "))


def verdict_note(verdict: str, note: str) -> str:
    """A verdict's note as printed after the verdict: without an opening that repeats it ("Still open: …")."""
    words = verdict_words(verdict)
    if note.casefold().startswith(words.casefold() + ":"):
        rest = note[len(words) + 1 :].lstrip()
        return rest[:1].upper() + rest[1:]
    return note


@dataclass(frozen=True)
class Fact:
    """A step on record (a row of memberships.csv) as a student reads it: what happened, its date (with how it was
    worked out, if it was), what the source states and the source.
    """

    key: str
    label: str
    title: str
    date: str
    derivation: str
    states: str
    references: tuple[Reference, ...]

    @property
    def anchor(self) -> str:
        """The id of the fact on the pack's pages."""
        return f"fact-{self.key}"


@dataclass(frozen=True)
class Figure:
    """A figure of ``figures/``: stem, caption, and the text alternative its notebook wrote (figures/<stem>.csv's title)."""

    stem: str
    label: str
    caption: str

    @property
    def anchor(self) -> str:
        """The id of the figure on the pack's pages."""
        return f"figure-{self.stem}"


@dataclass(frozen=True)
class Material:
    """One thing a question points to: its label, the anchor of the place that holds it in the pack, and what it is
    in words (``detail``: the claim or the step on record; notebook 04's tooltip).
    """

    label: str
    anchor: str
    detail: str


@dataclass
class Item:
    """A question or an exercise, its texts already looked up in the catalogue."""

    key: str
    kind: str
    number: int
    title: str
    text: str
    minutes: int
    materials: list[Material]
    answer: str
    misreadings: list[str]
    timing: str
    cite: list[str]
    evidence: list[str]
    #: A further task for a group with time, printed as its own paragraph after ``text`` (its key ``extension``).
    extension: str = ""
    quote_ar: str = ""
    quote_article: str = ""
    #: The quotation's English (our translation's words) and where it stands ("news report ¶2"), for its slide.
    quote_en: str = ""
    quote_number: int = 0
    quote_label: str = ""
    inline_arabic: list[Passage] = field(default_factory=list)
    inline_sources: list[Check] = field(default_factory=list)
    answer_checks: list[Check] = field(default_factory=list)
    model_translation: list[Passage] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    #: The phrases its answer turns on, in the pack's language (:func:`find_field`): what no page may print before the
    #: question is asked (:func:`giveaways`).
    find: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleLine:
    """An article in one line: reader name, genre, date and outlet (where the data records one), and the one date
    its claims are judged as of (``judged``, in words; verdict_dates.csv).
    """

    article_id: str
    name: str
    genre: str
    date: str
    outlet: str
    title: str
    words_ar: int
    words_en: int | None
    judged: str = ""


@dataclass(frozen=True)
class Step:
    """A row of the run sheet; ``blocks``: the groups' blocks of questions (group → questions), if the step has them."""

    key: str
    minutes: int
    title: str
    text: str
    note: str
    blocks: dict = field(default_factory=dict)
    prepare: int = 0


@dataclass
class Pack:
    """Everything the pack's pages show, in the order they show it."""

    t: Catalogue
    articles: list[ArticleLine]
    questions: list[Item]
    exercises: list[Item]
    passages: dict[str, list[Passage]]
    checks: list[Check]
    facts: list[Fact]
    figures: list[Figure]
    table: list[dict]
    eras: list[tuple[str, str]]
    presidents: list[dict]
    objectives: list[str]
    pre_reading: list[dict]
    run_sheet: list[Step]
    roles: list[dict]
    paths: list[dict]
    rubric: list[dict]
    withheld: list[str]
    names: dict[str, str]
    #: The articles in full, Arabic beside our English (:func:`perucorpus.facts.translations.side_by_side`).
    reading: list[dict] = field(default_factory=list)
    #: Every translation note of the data as a page prints it, by (article id, ¶) (:func:`translation_notes`): the
    #: articles page prints those of the paragraphs it gives in English; a translated edition keys them all.
    notes: dict[tuple[str, int], str] = field(default_factory=dict)
    #: Names and abbreviations the editions explain: dicts of ``term`` and ``text``.
    abbreviations: list[dict] = field(default_factory=list)
    #: What the printed timeline leaves to the page: its numbered steps and footnote, in words
    #: (:func:`perucorpus.present.alliance_figures.timeline_key`; English until :mod:`~perucorpus.publish.localised`).
    timeline: alliance_figures.TimelineKey | None = None

    @property
    def items(self) -> list[Item]:
        """The questions, then the exercises."""
        return self.questions + self.exercises

    @property
    def minutes(self) -> int:
        """The run sheet's minutes, added up."""
        return sum(step.minutes for step in self.run_sheet)


# --- the data the source may cite ------------------------------------------------------------


def _english(folder: Path, data: Collection) -> dict[tuple[str, int], str]:
    """The articles' English as (article, paragraph) → text, checked against the articles
    (:attr:`perucorpus.facts.collection.Collection.translations`); {} if the project has no translations file.
    """
    if not (folder / TRANSLATIONS).is_file():
        return {}
    rows = data.translations
    return {(row.article_id, int(row.paragraph)): row.text_en for row in rows.itertuples(index=False)}


class Data:
    """The project's data as the teaching source cites it, read once (``collection``: the project's
    :class:`perucorpus.facts.collection.Collection`, or one of ``root/data``) and checked as the notebooks check it.
    """

    def __init__(self, root: Path | str, collection: Collection | None = None):
        self.root = Path(root)
        folder = self.root / "data"
        data = collection or Collection(folder)
        self.articles = data.articles
        self.meta = data.meta
        self.names = data.names
        self.paragraphs = {article_id: dict(numbered_paragraphs(article.raw)) for article_id, article in self.articles.items()}
        self.translations = _english(folder, data)
        #: Every article in full, its Arabic beside our English (the pack's articles page).
        self.side_by_side = translated.side_by_side(data.articles, data.translations) if self.translations else []
        self.claims = data.claims.set_index("claim_id", drop=False)
        self.references = data.table("references.csv").set_index("ref_id", drop=False)
        self.publishers = data.table("publisher_tiers.csv").set_index("publisher", drop=False)
        self.presidents = data.presidents
        self.memberships = data.memberships
        self.positions = data.positions
        self.dimensions = data.dimensions
        self.eras = data.table("eras.csv")
        self.verdict_dates = data.table("verdict_dates.csv").set_index("article_id", drop=False)
        self.hedges = data.table("hedge_markers.csv").set_index("marker_ar", drop=False)
        self.figures = self.root / "figures"
        self._grouped: dict[str, dict[tuple, list[dict]]] = {}

    def arabic(self, article_id: str, number: int) -> str:
        """Paragraph ``number`` of an article as shown: the raw line, without an embedded date header."""
        return DATE_HEADER.sub("", self.paragraphs[article_id][number]).strip()

    def rows(self, name: str) -> list[dict]:
        """The data rows ``name`` stands for (``claim:<id>``, ``paragraph:<article>:<n>``, …), as dicts of text.

        Raises :class:`PackError` for a kind it does not know or a row the data does not have.
        """
        kind, _, key = name.partition(":")
        kind = ROW_KINDS.get(kind, kind)
        if not hasattr(self, f"_rows_{kind}"):
            raise PackError(f"unknown kind of row {name!r}")
        try:
            found = getattr(self, f"_rows_{kind}")(key)
        except (KeyError, IndexError, ValueError):
            found = []
        if not found:
            raise PackError(f"no data row {name!r}")
        return [{column: str(value) for column, value in row.items()} for row in found]

    def _by(self, table: str, keys: tuple[str, ...]) -> dict[tuple, list[dict]]:
        """The rows of the frame ``table`` as dicts, by the values of ``keys``, in the frame's order: built at the
        first question and kept (the teaching source cites a few hundred rows; filtering the frame for each took
        most of the time of :func:`fact_problems`).
        """
        if table not in self._grouped:
            found: dict[tuple, list[dict]] = {}
            for row in getattr(self, table).to_dict("records"):
                found.setdefault(tuple(row[key] for key in keys), []).append(row)
            self._grouped[table] = found
        return self._grouped[table]

    def _rows_claim(self, key: str) -> list[dict]:
        return [self.claims.loc[key].to_dict()]

    def _rows_paragraph(self, key: str) -> list[dict]:
        article_id, number = key.split(":")
        return [{"arabic": self.arabic(article_id, int(number)), "english": self.translations.get((article_id, int(number)), "")}]

    def _rows_president(self, key: str) -> list[dict]:
        return self._by("presidents", ("name",)).get((key,), [])

    def _rows_membership(self, key: str) -> list[dict]:
        iso3, grouping, status, source = key.split(":")
        rows = self._by("memberships", ("iso3", "grouping", "status")).get((iso3, grouping, status), [])
        return [row for row in rows if source in (row.get("source"), row.get("source_ref"), row.get("source_article"))]

    def _rows_position(self, key: str) -> list[dict]:
        dimension, era = key.split(":")
        return self._by("positions", ("dimension", "era")).get((dimension, era), [])

    def _rows_reference(self, key: str) -> list[dict]:
        return [self.references.loc[key].to_dict()]

    def _rows_hedge(self, key: str) -> list[dict]:
        return [self.hedges.loc[key].to_dict()]

    def _rows_article(self, key: str) -> list[dict]:
        return [self.meta.loc[key].to_dict()]

    def _rows_figure(self, key: str) -> list[dict]:
        return [{"figure": key}] if (self.figures / f"{key}.png").is_file() else []

    def _rows_table(self, key: str) -> list[dict]:
        return [{"table": key}] if key in ("comparison", "presidents") else []


#: Kinds of evidence that name the same rows as another kind (a claim printed open, without its verdict, …).
ROW_KINDS = {"check": "claim", "record": "claim", "sources": "claim", "arabic": "paragraph", "translation": "paragraph"}


# --- building the pack ---------------------------------------------------------------------


#: CLDR date patterns by precision, for dates written in a page's language.
DATE_PATTERNS = {"day": "d MMMM y", "month": "MMMM y", "year": "y"}


#: How a language writes a range of two dates (``{start}``, ``{end}``); a language not listed joins them with a dash.
#: Arabic writes it in words: a dash between two dates whose numbers bidi lays out left to right reads in the wrong
#: order ("أغسطس 7 – 2021 سبتمبر 2021"), and isolating it left to right reverses the month names instead.
DATE_RANGES = {"ar": "من {start} إلى {end}"}


def date_label(value: str, basis: str, t: Catalogue) -> str:
    """An ISO date or interval (``2021-08/2022-07``) in words of the catalogue's language, ``(inferred)`` if so."""
    parts = []
    for part in str(value).split("/"):
        when = dates.parse(part)
        parts.append(format_date(when.first, DATE_PATTERNS[when.precision], locale=t.language))
    label = DATE_RANGES.get(t.language, "{start} – {end}").format(start=parts[0], end=parts[-1]) if len(parts) == 2 else parts[0]
    return f"{label} ({t('ui.inferred')})" if basis == "inferred" else label


#: What ends a sentence or a paragraph of an article (Arabic and Latin marks).
SENTENCE_END = ".!?؟:\n"


def excerpt(raw: str, start: int, end: int) -> str:
    """The article's words ``raw[start:end]`` as printed: ``…`` where the quotation cuts a sentence, at either end."""
    before, after = raw[:start].rstrip(" "), raw[end:].lstrip(" ")
    quote = raw[start:end].strip()
    cut_before = bool(before) and before[-1] not in SENTENCE_END and quote[:1] not in "*"
    cut_after = bool(after) and after[0] not in SENTENCE_END and quote[-1:] not in SENTENCE_END
    return f"{'… ' if cut_before else ''}{quote}{' …' if cut_after else ''}"


def date_words(value: str, t: Catalogue) -> str:
    """A date of the data (ISO, or "undated") in words of the catalogue's language; "undated" as the catalogue says it
    (``data.undated`` where it has that key); a value that is no date, as it is.
    """
    if value == "undated":
        return t("data.undated") if "data.undated" in t else value
    try:
        return date_label(value, "", t)
    except ValueError:
        return value


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _articles(data: Data, t: Catalogue) -> list[ArticleLine]:
    lines = []
    for article_id, row in data.meta.iterrows():
        english = [text for (key, _), text in data.translations.items() if key == article_id]
        outlet = str(row.get("publisher", "") or "").strip() or t("ui.outlet_unknown")
        lines.append(
            ArticleLine(
                article_id,
                data.names[article_id],
                corpus.GENRE_NOUNS[row["genre"]],
                date_label(row["date"], row["date_basis"], t),
                outlet,
                str(row["title_en"]),
                sum(_words(line) for line in data.paragraphs[article_id].values()),
                sum(_words(text) for text in english) if english else None,
                date_label(data.verdict_dates.at[article_id, "as_of"], "", t) if article_id in data.verdict_dates.index else "",
            )
        )
    return lines


def _reading_minutes(words: int, language: str) -> int:
    """Minutes to read ``words``, to the nearest minute (at least one): 388, 515 and 966 words of Arabic are 4, 5 and
    10 minutes, not one rounding that makes 515 and 966 the same.
    """
    return max(1, math.floor(words / WORDS_PER_MINUTE[language] + 0.5))


class _Builder:
    """Resolves the evidence of every item once, numbering the checks and records as the editions print them
    (:func:`evidence_numbers`).
    """

    def __init__(self, data: Data, t: Catalogue, source: dict):
        self.data, self.t = data, t
        self.numbers = evidence_numbers(source)
        self.passages: dict[tuple[str, int], Passage] = {}
        self.checks: dict[str, Check] = {}
        self.figures: dict[str, Figure] = {}
        self.facts: dict[str, Fact] = {}
        self.fact_rows = {key: entry["row"] for key, entry in source.get("facts", {}).items()}
        #: Further reports a record names beside its row's source (``also``: ref_ids), where reports disagree.
        self.fact_also = {key: list(entry.get("also", [])) for key, entry in source.get("facts", {}).items()}
        self.figure_captions = {entry["figure"]: (key, t(f"figures.{key}.caption")) for key, entry in source["figures"].items()}

    def passage(self, article_id: str, number: int) -> Passage:
        self.data.rows(f"paragraph:{article_id}:{number}")  # raises PackError if there is no such paragraph
        label = f"{self.data.names[article_id].removeprefix('the ')} ¶{number}"
        return Passage(
            article_id, number, label, self.data.arabic(article_id, number), self.data.translations.get((article_id, number))
        )

    def reference(self, ref_id: str) -> Reference:
        row = self.data.references.loc[ref_id]
        publisher = self.data.publishers.loc[row["publisher"]]
        about = described(publisher["why"]) if publisher["tier"] in DESCRIBED_TIERS else ""
        return Reference(ref_id, row["title"], row["publisher"], date_words(row["date"], self.t), row["url"], about, row["date"])

    def check(self, claim_id: str, mode: str, label: str | None = None) -> Check:
        self.data.rows(f"claim:{claim_id}")
        row = self.data.claims.loc[claim_id]
        refs = tuple(self.reference(ref) for ref in row["ref_ids"].split(";") if ref)
        raw = self.data.articles[row["article_id"]].raw
        return Check(
            claim_id,
            label or f"{self.t('ui.check')} {self.numbers['check', claim_id]}",
            self.data.names[row["article_id"]].removeprefix("the "),
            excerpt(raw, int(row["start"]), int(row["end"])),
            row["claim_en"],
            verdict_words(row["verdict"]),
            row["source_states"],
            verdict_note(row["verdict"], row["verdict_note"]),
            refs,
            mode,
            row["verdict"],
        )

    def fact(self, key: str) -> Fact:
        """Fact ``key`` of the source's [facts.*], numbered in the order the questions meet it, from the row it names."""
        (row,) = self.data.rows(self.fact_rows[key])
        derivation = row.get("start_derivation", "") if row.get("start_basis") == "derived" else ""
        when = format_date(dates.parse(row["start"]).first, DATE_PATTERNS["day"], locale=self.t.language)
        named = [row.get("source_ref", ""), *self.fact_also[key]]
        refs = tuple(self.reference(ref) for ref in named if ref and ref != "nan")
        return Fact(
            key,
            f"{self.t('ui.fact')} {self.numbers['fact', key]}",
            self.t(f"facts.{key}.title"),
            when,
            "" if derivation == "nan" else derivation,
            row["source_states"],
            refs,
        )

    def material(self, name: str, item: Item) -> Material | None:
        kind, _, key = name.partition(":")
        if kind == "paragraph":
            article_id, number = key.split(":")
            passage = self.passages.setdefault((article_id, int(number)), self.passage(article_id, int(number)))
            return Material(passage.label, passage.anchor, passage.label)
        if kind == "arabic":
            article_id, number = key.split(":")
            item.inline_arabic.append(self.passage(article_id, int(number)))
            return None
        if kind in ("check", "record"):
            if key not in self.checks:
                self.checks[key] = self.check(key, kind)
            elif kind == "check" and self.checks[key].mode == "record":
                raise PackError(f"claim {key!r} is evidence both open (check:) and without its verdict (record:)")
            check = self.checks[key]
            return Material(check.label, check.anchor, f"{check.article}: {check.claim_en}")
        if kind == "figure":
            if key not in self.figure_captions:
                raise PackError(f"figure {key!r} has no [figures.*] entry with its caption in the teaching source")
            self.data.rows(name)
            caption_key, caption = self.figure_captions[key]
            self.figures.setdefault(key, Figure(key, self.t(f"ui.figure_{caption_key}"), caption))
            return Material(self.figures[key].label, self.figures[key].anchor, self.figures[key].label)
        if kind == "fact":
            if key not in self.fact_rows:
                raise PackError(f"fact {key!r} has no [facts.*] entry in the teaching source")
            self.facts.setdefault(key, self.fact(key))
            return Material(self.facts[key].label, self.facts[key].anchor, self.facts[key].title)
        if kind == "table":
            self.data.rows(name)
            label = self.t(f"ui.table_{key}")
            return Material(label, f"table-{key}", label)
        raise PackError(f"{item.kind} {item.key!r}: evidence {name!r} is not a kind a page can show")


def quote_paragraph(data: Data, article_id: str, quote: str) -> int:
    """The ``¶n`` of the article's paragraph that holds ``quote`` (a slide's quotation); :class:`PackError` if none does."""
    position = data.articles[article_id].raw.find(quote) if article_id in data.articles else -1
    if position < 0:
        raise PackError(f"«{quote}» is not verbatim in {article_id!r}")
    return paragraph_number(data.articles[article_id].raw, position)


def _item(builder: _Builder, kind: str, key: str, number: int, entry: dict) -> Item:
    t, prefix = builder.t, f"{kind}s.{key}"
    item = Item(
        key=key,
        kind=kind,
        number=number,
        title=t(f"{prefix}.title"),
        text=t(f"{prefix}.{'text' if kind == 'question' else 'task'}"),
        extension=t(f"{prefix}.extension") if "extension" in entry else "",
        minutes=int(entry["minutes"]),
        materials=[],
        answer=t(f"{prefix}.answer"),
        misreadings=[t(f"{prefix}.misreadings.{position}") for position in range(len(entry.get("misreadings", [])))],
        timing=t(f"{prefix}.timing"),
        cite=list(entry.get("cite", [])),
        evidence=list(entry.get("evidence", [])),
        quote_ar=entry.get("quote_ar", ""),
        quote_article=entry.get("quote_article", ""),
        quote_en=entry.get("quote_en", ""),
        find=list(entry.get(find_field(t.language), [])),
    )
    if item.quote_ar:
        item.quote_number = quote_paragraph(builder.data, item.quote_article, item.quote_ar)
        item.quote_label = builder.passage(item.quote_article, item.quote_number).label
    for name in item.cite:
        try:
            builder.data.rows(name)
        except PackError as error:
            raise PackError(f"teaching/classroom.toml [{prefix}]: {error}") from None
    for name in item.evidence:
        material = builder.material(name, item)
        if material and material not in item.materials:
            item.materials.append(material)
    for name in entry.get("withhold", []):
        withheld_kind, _, withheld_key = name.partition(":")
        if withheld_kind != "translation":
            raise PackError(f"{kind} {key!r}: can only withhold a translation:<article>:<n>, not {name!r}")
        article_id, paragraph = withheld_key.split(":")
        passage = builder.passage(article_id, int(paragraph))
        item.model_translation.append(passage)
        if passage.english:
            item.withheld.append(passage.english)
    return item


#: Words two claims' quotations must share (normalised, stop words left out) for one to cover the other.
SHARED_WORDS = 3


def _content_words(quote: str) -> set[str]:
    return {word for word in arabic.tokens(arabic.normalise(quote)) if len(word) > 3 and word not in _STOPWORDS}


_STOPWORDS = arabic.stopwords()


def covered(claims: pd.DataFrame, claim_id: str, printed: Iterable[str]) -> str | None:
    """The printed claim (of ``printed``) that covers ``claim_id``, or None: one of the same article whose quotation
    overlaps its span or shares :data:`SHARED_WORDS` content words with it (the same event, told twice).
    """
    row = claims.loc[claim_id]
    words = _content_words(row["quote_ar"])
    for other in printed:
        if other == claim_id:
            continue
        them = claims.loc[other]
        if them["article_id"] != row["article_id"]:
            continue
        overlap = int(them["start"]) < int(row["end"]) and int(row["start"]) < int(them["end"])
        if overlap or len(words & _content_words(them["quote_ar"])) >= SHARED_WORDS:
            return other
    return None


def unchecked_candidates(claims: pd.DataFrame, candidates: Iterable[str], printed: Iterable[str]) -> list[str]:
    """The candidates the data marks unchecked (:data:`UNCHECKED`) that no printed claim covers (:func:`covered`)."""
    printed = list(printed)
    return [
        claim_id
        for claim_id in candidates
        if claim_id in claims.index and claims.at[claim_id, "verdict"] in UNCHECKED and not covered(claims, claim_id, printed)
    ]


def _checking_exercise(builder: _Builder, item: Item, entry: dict) -> None:
    """Exercise ``check_claims``: the first of its candidates that the data marks unchecked and no check of the reader
    covers, each with its paragraph among the passages.
    """
    claims = builder.data.claims
    chosen = unchecked_candidates(claims, entry["candidates"], builder.checks)[:CLAIMS_TO_CHECK]
    if len(chosen) < CLAIMS_TO_CHECK:
        raise PackError(
            f"exercise {item.key!r}: fewer than {CLAIMS_TO_CHECK} of its candidates are unchecked ({', '.join(UNCHECKED)}) "
            "and covered by no check of the reader; add candidates to teaching/classroom.toml"
        )
    for position, claim_id in enumerate(chosen, 1):
        label = f"{builder.t('ui.claim_to_check')} {position}"
        article_id = claims.at[claim_id, "article_id"]
        number = paragraph_number(builder.data.articles[article_id].raw, int(claims.at[claim_id, "start"]))
        item.materials.append(builder.material(f"paragraph:{article_id}:{number}", item))
        item.inline_sources.append(builder.check(claim_id, "sources", label))
        item.answer_checks.append(builder.check(claim_id, "check", label))
        note = verdict_note(claims.at[claim_id, "verdict"], claims.at[claim_id, "verdict_note"])
        item.withheld += [text for text in (claims.at[claim_id, "source_states"], note) if text]
        item.cite.append(f"claim:{claim_id}")


def _table(data: Data, t: Catalogue, source: dict) -> tuple[list[dict], list[tuple[str, str]]]:
    eras = list(zip(data.eras["era"], data.eras["label_en"]))
    rows = []
    for dimension in data.dimensions.sort_values("order", key=lambda order: order.astype(int)).itertuples():
        if dimension.dimension not in source["table"]:
            raise PackError(f"dimension {dimension.dimension!r} of dimensions.csv has no [table.*] row in the teaching source")
        rows.append(
            {
                "dimension": dimension.dimension,
                "label": dimension.label_en,
                "cells": [t(f"table.{dimension.dimension}.{era}") for era, _ in eras],
            }
        )
    return rows, eras


def _presidents(data: Data, t: Catalogue, source: dict) -> list[dict]:
    by_name = {entry["president"]: key for key, entry in source["presidents"].items()}
    rows = []
    for row in data.presidents.sort_values("start").itertuples():
        if row.name not in by_name:
            raise PackError(
                f"president {row.name!r} of peru_heads_of_state.csv has no [presidents.*] entry in the teaching source"
            )
        start, end = row.start.isoformat(), "" if pd.isna(row.end) else row.end.isoformat()
        rows.append(
            {
                "name": row.name,
                "start_iso": start,
                "end_iso": end,
                "start": date_label(start, "", t),
                "end": date_label(end, "", t) if end else t("ui.still_in_office"),
                "began": t(f"presidents.{by_name[row.name]}.began"),
                "ended": t(f"presidents.{by_name[row.name]}.ended"),
            }
        )
    return rows


def _step(key: str, entry: dict, t: Catalogue, questions: list[Item]) -> Step:
    by_key = {question.key: question for question in questions}
    unknown = [name for block in entry.get("blocks", {}).values() for name in block if name not in by_key]
    if unknown:
        raise PackError(f"teaching/classroom.toml [run_sheet.{key}]: blocks name no question {unknown}")
    blocks = {group: [by_key[name] for name in block] for group, block in entry.get("blocks", {}).items()}
    texts = [t(f"run_sheet.{key}.{name}") for name in ("title", "text", "note")]
    return Step(key, int(entry["minutes"]), *texts, blocks, int(entry.get("prepare", 0)))


#: A question's, an exercise's, a check's or a record's number in a text (``{question:whose_peru}``,
#: ``{exercise:translate}``, ``{check:<claim id>}``, ``{fact:<key>}``): its place in the pack, so that a text naming
#: one cannot go stale when the items or their evidence are reordered.
ITEM_TOKEN = re.compile(r"\{(question|exercise|check|fact):(\w+)\}")


def evidence_numbers(source: dict) -> dict[tuple[str, str], int]:
    """("check", claim id) and ("fact", key) → the number of every check and record the items of the teaching
    ``source`` cite, in the order the editions print them: the checks with their verdict (``check:``) in the order the
    items meet them, then the claims left to judge (``record:``; a claim keeps the way it is first met), then the
    records (``fact:``) in the order met.
    """
    modes: dict[str, str] = {}
    facts: list[str] = []
    for kind in ("question", "exercise"):
        for entry in source.get(f"{kind}s", {}).values():
            for name in entry.get("evidence", []):
                evidence_kind, _, key = name.partition(":")
                if evidence_kind in ("check", "record"):
                    modes.setdefault(key, evidence_kind)
                elif evidence_kind == "fact" and key not in facts:
                    facts.append(key)
    checks = [key for key, mode in modes.items() if mode == "check"] + [key for key, mode in modes.items() if mode == "record"]
    return {("check", key): n for n, key in enumerate(checks, 1)} | {("fact", key): n for n, key in enumerate(facts, 1)}


def item_numbers(source: dict) -> dict[tuple[str, str], int]:
    """(kind, key) → number of every question and exercise of the teaching ``source``, in the order the pack numbers them,
    and of every check and record its items cite (:func:`evidence_numbers`).
    """
    items = {(kind, key): number for kind in ("question", "exercise") for number, key in enumerate(source.get(f"{kind}s", {}), 1)}
    return items | evidence_numbers(source)


def with_item_numbers(text: str, numbers: dict[tuple[str, str], int]) -> str:
    """``text`` with each ``{question:<key>}``, ``{exercise:<key>}``, ``{check:<claim id>}`` and ``{fact:<key>}``
    replaced by its number (:func:`item_numbers`); a key the pack lacks is a :class:`PackError`.
    """

    def number(match: re.Match) -> str:
        if (match.group(1), match.group(2)) not in numbers:
            raise PackError(f"a text names the {match.group(1)} {match.group(2)!r}, which the pack does not have")
        return str(numbers[match.group(1), match.group(2)])

    return ITEM_TOKEN.sub(number, text)


def _numbered(t: Catalogue, numbers: dict[tuple[str, str], int]) -> Catalogue:
    """The catalogue ``t`` with the items its texts name numbered (:func:`with_item_numbers`)."""
    entries = {}
    for key, text in t.entries.items():
        try:
            entries[key] = with_item_numbers(text, numbers)
        except PackError as error:
            raise PackError(f"{t.origin} [{key}]: {error}") from None
    return replace(t, entries=entries)


def find_field(language: str) -> str:
    """The field of a question or exercise that declares, in ``language``, the phrases its answer turns on: ``find``
    (English) or ``find_<language>``.
    """
    return "find" if language == "en" else f"find_{language}"


def load(root: Path | str, language: str = "en", collection: Collection | None = None) -> Pack:
    """The pack of the project at ``root`` (its ``teaching/``, ``data/`` and ``figures/``) in ``language``
    (its data from ``collection``, if given: the caller's files already read, :class:`Data`).
    """
    root = Path(root)
    source = read_toml(root / "teaching" / "classroom.toml")
    t = _numbered(load_catalogue(root / "teaching", language), item_numbers(source))
    data = Data(root, collection)
    builder = _Builder(data, t, source)
    questions = [_item(builder, "question", key, n, entry) for n, (key, entry) in enumerate(source["questions"].items(), 1)]
    exercises = []
    for n, (key, entry) in enumerate(source["exercises"].items(), 1):
        item = _item(builder, "exercise", key, n, entry)
        if "candidates" in entry:
            _checking_exercise(builder, item, entry)
        exercises.append(item)
    passages: dict[str, list[Passage]] = {}
    for (article_id, _), passage in sorted(
        builder.passages.items(), key=lambda pair: (list(data.articles).index(pair[0][0]), pair[0][1])
    ):
        passages.setdefault(article_id, []).append(passage)
    table, eras = _table(data, t, source)
    articles = _articles(data, t)
    notes = translation_notes(data.side_by_side)
    by_id = {line.article_id: line for line in articles}
    pre_reading = []
    for key, entry in source["pre_reading"]["items"].items():
        line = by_id[entry["article"]]
        words, language_read = (line.words_en, "en") if line.words_en else (line.words_ar, "ar")
        pre_reading.append(
            {
                "article": line,
                "text": t(f"pre_reading.items.{key}.text"),
                "words": words,
                "language": t("ui.in_english") if language_read == "en" else t("ui.in_arabic"),
                "minutes": _reading_minutes(words, language_read),
            }
        )
    pack = Pack(
        t=t,
        articles=articles,
        questions=questions,
        exercises=exercises,
        passages=passages,
        checks=sorted(builder.checks.values(), key=lambda check: builder.numbers["check", check.claim_id]),
        facts=sorted(builder.facts.values(), key=lambda fact: builder.numbers["fact", fact.key]),
        figures=[builder.figures[stem] for stem in sorted(builder.figures)],
        table=table,
        eras=eras,
        presidents=_presidents(data, t, source),
        objectives=[t(f"objectives.{key}.text") for key in source["objectives"]],
        pre_reading=pre_reading,
        run_sheet=[_step(key, entry, t, questions) for key, entry in source["run_sheet"].items()],
        roles=[{"name": t(f"roles.{key}.name"), "text": t(f"roles.{key}.text")} for key in source["roles"]],
        paths=[{"title": t(f"paths.{key}.title"), "text": t(f"paths.{key}.text")} for key in source["paths"]],
        rubric=[
            {level: t(f"rubric.{key}.{level}") for level in ("criterion", "strong", "adequate", "weak")}
            for key in source["rubric"]
        ],
        withheld=[text for item in questions + exercises for text in item.withheld],
        names=data.names,
        reading=_reading(data.side_by_side, exercises, t, data, notes),
        notes=notes,
        abbreviations=[
            {"term": t(f"abbreviations.{key}.term"), "text": t(f"abbreviations.{key}.text")}
            for key in source.get("abbreviations", {})
        ],
        timeline=alliance_figures.timeline_key(data.memberships, alliance_figures.english()),
    )
    _humanise_checks(pack, data)
    return pack


#: The cuts of the clean view (:func:`perucorpus.text.cleaning.clean`) that are the web page's, not the article's,
#: by the key of their marker (``articles_page.furniture_<kind>``). A byline is the author's and stays text.
FURNITURE = {"advertisement marker line": "advertisement", "share button": "share", "embedded date header": "date_header"}


def furniture(raw: str) -> dict[int, tuple[str, bool, str]]:
    """The paragraphs of ``raw`` that hold page furniture: ``¶n`` → (kind, whether the whole line is furniture, the
    date of a date header or "").
    """
    found = {}
    view = clean(raw)
    paragraphs = dict(numbered_paragraphs(raw))
    for cut in view.cuts:
        if cut.reason not in FURNITURE:
            continue
        number = paragraph_number(raw, cut.start + len(raw[cut.start : cut.end]) - len(raw[cut.start : cut.end].lstrip()))
        whole = paragraphs[number].strip() == raw[cut.start : cut.end].strip()
        date = view.lifted.get("embedded_date", "") if cut.reason == "embedded date header" else ""
        found[number] = (FURNITURE[cut.reason], whole, date)
    return found


def furniture_marker(kind: str, date: str, t: Catalogue) -> str:
    """The marker a page shows for page furniture: "Not part of the article's text: …" in the page's language."""
    what = t(f"articles_page.furniture_{kind}")
    return f"{t('articles_page.furniture')}: {what.format(date=date_words(date, t)) if date else what}"


def translation_notes(articles: list[dict]) -> dict[tuple[str, int], str]:
    """Every translation note of ``articles`` (:func:`perucorpus.facts.translations.side_by_side`) as a page prints it
    (:func:`plain`), by (article id, ¶); a paragraph without one is left out.
    """
    return {(a["id"], p["number"]): plain(p["note"]) for a in articles for p in a["paragraphs"] if p["note"]}


def _reading(
    articles: list[dict], exercises: list[Item], t: Catalogue, data: Data, notes: dict[tuple[str, int], str]
) -> list[dict]:
    """The articles page's articles (:func:`perucorpus.facts.translations.side_by_side`): the English and note of a
    paragraph an exercise asks students to translate held back (:data:`Item.model_translation`), as the reader holds
    them back; the notes as :func:`translation_notes` gives them; page furniture (:func:`furniture`) shown as a marker
    in the page's language (``furniture``) instead of the data's remark on it (``furniture_note``), a whole line of it
    in place of the paragraph, a date header above the Arabic it is taken out of, the ``¶n`` numbering unchanged. A
    remark on page furniture where the clean view cuts none is a :class:`PackError` (the page would print it unmarked).
    """
    held = {(p.article_id, p.number) for item in exercises for p in item.model_translation}
    shown = []
    for article in articles:
        paragraphs = []
        cuts = furniture(data.articles[article["id"]].raw)
        for paragraph in article["paragraphs"]:
            key = (article["id"], paragraph["number"])
            paragraph = paragraph | {"note": notes.get(key, "")}
            if paragraph["number"] in cuts:
                kind, whole, date = cuts[paragraph["number"]]
                marker = furniture_marker(kind, date, t)
                paragraph = paragraph | {"furniture": marker, "furniture_whole": whole, "furniture_note": ""}
                if whole:
                    paragraphs.append(paragraph | {"note": ""})
                    continue
                paragraph = paragraph | {"arabic": DATE_HEADER.sub("", paragraph["arabic"]).strip()}
            elif paragraph["furniture_note"]:
                raise PackError(
                    f"data/{TRANSLATIONS}: {key[0]} ¶{key[1]} has a furniture_note, but the clean view cuts no page "
                    "furniture from its line; say it in the note"
                )
            if key in held:
                paragraph = paragraph | {"english": t("ui.arabic_only"), "note": "", "translated": False}
            paragraphs.append(paragraph)
        shown.append(article | {"paragraphs": paragraphs})
    return shown


def _humanise_checks(pack: Pack, data: Data) -> None:
    """Every check's data notes with the ids they name replaced by what a reader recognises (:func:`humanise`)."""
    rests_on = {claim_id: str(refs).split(";") for claim_id, refs in data.claims["ref_ids"].items() if refs}
    labels = id_labels(pack, data.claims.index, data.references, rests_on)

    def human(check: Check) -> Check:
        return replace(check, states=plain(humanise(check.states, labels)), note=plain(humanise(check.note, labels)))

    pack.facts = [
        replace(fact, states=plain(humanise(fact.states, labels)), derivation=plain(humanise(fact.derivation, labels)))
        for fact in pack.facts
    ]

    pack.checks = [human(check) for check in pack.checks]
    pack.withheld = [plain(text) for text in pack.withheld]  # the notes the exercises hold back, as printed
    for item in pack.exercises:
        item.inline_sources = [human(check) for check in item.inline_sources]
        item.answer_checks = [human(check) for check in item.answer_checks]


# --- the pack's rules, checked by the tests ------------------------------------------------------

#: Words of the project's making that a page must not print: file names (not web addresses such as
#: ``monoglobal.com.py``), notebook pointers, stored copies, "the collection", a to-do. The data's notes are written
#: without them, so the pages print the notes as they are (:func:`plain`); :func:`production_traces` finds a lapse.
PRODUCTION_TRACES = re.compile(
    r"(?<![\w.])[\w/]+\.(?:csv|py|toml|ipynb)\b|\bnotebooks? \d\d\b|\bstored (?:cop(?:y|ies)|pages?)\b"
    r"|\bthe collection\b|\bTo do:",
    re.IGNORECASE,
)
_NOT_READ = re.compile(r"<(style|script)\b.*?</\1>|<!--.*?-->|<[^>]+>", re.DOTALL)


def production_traces(html: str) -> list[str]:
    """The :data:`PRODUCTION_TRACES` in what a page's reader sees (its text, not its styles or markup)."""
    return PRODUCTION_TRACES.findall(_NOT_READ.sub(" ", html))


def _folded(text: str) -> str:
    """``text`` as :func:`giveaways` compares it: Arabic normalised, case folded, one space between words."""
    return " ".join(arabic.normalise(text).replace("\u2019", "'").casefold().split())


def before_answers(pack: Pack) -> list[tuple[str, str]]:
    """What a student reads whatever the question, as (where, text): the short table's cells (handout, reader,
    slides), every question's and exercise's title, text and extension, and the slides' quotations.
    """
    shown = [
        (f"table [{row['dimension']}] {era}", cell)
        for row in pack.table
        for (era, _), cell in zip(pack.eras, row["cells"], strict=True)
    ]
    for item in pack.items:
        where = f"{item.kind} {item.key!r}"
        shown += [(f"{where}: title", item.title), (f"{where}: text", item.text)]
        shown += [(f"{where}: extension", item.extension)] if item.extension else []
        shown += [(f"{where}: slide", quote) for quote in (item.quote_ar, item.quote_en) if quote]
    return shown


def giveaways(pack: Pack) -> list[str]:
    """Where the pack gives an answer away, or a declaration has gone stale, one line each: a phrase a question or an
    exercise declares (:attr:`Item.find`) that its own answer does not hold, or that a text of :func:`before_answers`
    prints. Compared as :func:`_folded`, so an alef with hamza, a diacritic or a capital hides nothing.
    """
    shown = [(where, _folded(text)) for where, text in before_answers(pack)]
    problems = []
    for item in pack.items:
        for phrase in item.find:
            folded = _folded(phrase)
            if folded not in _folded(item.answer):
                problems.append(f"{item.kind} {item.key!r} declares {phrase!r}, which its answer does not hold")
            problems += [
                f"{where} prints {phrase!r}, which {item.kind} {item.key!r} asks for" for where, text in shown if folded in text
            ]
    return problems


NUMBER = re.compile(r"(?<![¶\w.])\d+(?:[.,]\d+)?")
ARABIC_QUOTE = re.compile(r"«([^»]*[\u0600-\u06ff][^»]*)»")


#: Numbers that are not facts: references to the pack's own questions, exercises, paragraphs, records and checks, and limits
#: set by a task ("in no more than 80 words").
NOT_FACTS = re.compile(
    r"\b(?:questions?|exercises?|paragraphs?|slides?|records?|checks?)\s+\d+(?:(?:,\s*|\s+and\s+|\s+to\s+)\d+)*|\b\d+\s+(?:words|minutes)\b",
    re.IGNORECASE,
)


def _numbers(text: str) -> set[str]:
    """The numbers stated in ``text`` (leading zeros dropped), leaving out ``¶n`` and :data:`NOT_FACTS`."""
    return {number.lstrip("0") or "0" for number in NUMBER.findall(NOT_FACTS.sub(" ", text))}


def _cited_text(data: Data, names: Iterable[str]) -> str:
    return "\n".join(str(value) for name in names for row in data.rows(name) for value in row.values())


def fact_problems(root: Path | str, collection: Collection | None = None) -> list[str]:
    """Where the teaching source states more than the rows it cites hold, one line each (the data from
    ``collection``, if given: the caller's files already read, :class:`Data`).

    Every cited or evidence row must exist; every number in a text (question, answer, table cell,
    caption…) must occur in the rows that entry cites; every «Arabic» quotation and every
    ``quote_ar`` must be verbatim in an article the entry cites (or in ``quote_article``).
    """
    root = Path(root)
    source = read_toml(root / "teaching" / "classroom.toml")
    data = Data(root, collection)
    problems = []

    def entries(section: dict, prefix: str):
        for key, entry in section.items():
            yield f"{prefix}.{key}", entry

    cited = [*entries(source["questions"], "questions"), *entries(source["exercises"], "exercises")]
    cited += [*entries(source["table"], "table"), *entries(source["presidents"], "presidents")]
    cited += [*entries(source.get("abbreviations", {}), "abbreviations")]
    cited += [
        (where, entry | {"cite": [entry["row"], *(f"reference:{ref}" for ref in entry.get("also", []))]})
        for where, entry in entries(source.get("facts", {}), "facts")
    ]
    fact_rows = {key: entry["row"] for key, entry in source.get("facts", {}).items()}
    for where, entry in cited:
        names = list(entry.get("cite", [])) + list(entry.get("evidence", []))
        names = [fact_rows.get(name.removeprefix("fact:"), name) if name.startswith("fact:") else name for name in names]
        try:
            rows_text = _cited_text(data, names)
        except PackError as error:
            problems.append(f"teaching/classroom.toml [{where}]: {error}")
            continue
        if "candidates" in entry:
            rows_text += "\n" + _cited_text(
                data, [f"claim:{claim}" for claim in entry["candidates"] if claim in data.claims.index]
            )
        available = _numbers(rows_text)
        texts = [
            value
            for name, value in entry.items()
            if isinstance(value, str) and name not in ("quote_ar", "quote_article", "quote_en", "row")
        ]
        texts += [value for value in entry.get("misreadings", [])]
        for text in texts:
            missing = sorted(_numbers(text) - available, key=lambda number: float(number.replace(",", ".")))
            if missing:
                problems.append(f"teaching/classroom.toml [{where}]: number(s) {', '.join(missing)} not in the rows it cites")
        articles = {name.split(":")[1] for name in names if name.split(":")[0] in ("paragraph", "arabic", "article")}
        articles |= {
            data.claims.at[name.split(":")[1], "article_id"]
            for name in names
            if name.split(":")[0] in ("claim", "check", "record", "sources")
        }
        if entry.get("quote_article"):
            articles.add(entry["quote_article"])
        quotations = [quote for text in texts for quote in ARABIC_QUOTE.findall(text)]
        quotations += [entry["quote_ar"]] if entry.get("quote_ar") else []
        raw = [data.articles[article_id].raw for article_id in articles if article_id in data.articles]
        for quote in quotations:
            if not any(quote.replace("…", "") in text or _ellipsis_in(quote, text) for text in raw):
                problems.append(f"teaching/classroom.toml [{where}]: «{quote}» is not verbatim in the article(s) it cites")
        problems += _rendering_problems(data, where, entry)
    return problems


def _rendering_problems(data: Data, where: str, entry: dict) -> list[str]:
    """A slide's quotation without its English, or with English that is not our translation's words for its paragraph."""
    if not entry.get("quote_ar") or not data.translations:
        return []
    try:
        number = quote_paragraph(data, entry["quote_article"], entry["quote_ar"])
    except PackError:
        return []  # reported as not verbatim above
    english = data.translations.get((entry["quote_article"], number), "")
    if not entry.get("quote_en") or entry["quote_en"] not in english:
        return [
            f"teaching/classroom.toml [{where}]: quote_en {entry.get('quote_en', '')!r} is not in our translation of ¶{number}"
        ]
    return []


def _ellipsis_in(quote: str, text: str) -> bool:
    """Whether a quotation with ``…`` in it matches ``text``, its parts in order."""
    parts = [part.strip() for part in quote.split("…") if part.strip()]
    return len(parts) > 1 and re.search(".*?".join(map(re.escape, parts)), text) is not None


def plain(text: str) -> str:
    """A data note as a page prints it: its full ISO dates in words ("2026-03-10" → "10 March 2026").
    The notes themselves speak in readers' words (no file names, notebook pointers or stored copies:
    :data:`PRODUCTION_TRACES`, checked by the tests), so nothing else is rewritten.
    """
    return readable.dates_in_words(text)


#: How far back (characters) a note may name a source for its "(ref_id)" to be dropped rather than printed a second time.
NAMED_BEFORE = 80


def _spaced(match: re.Match, replace) -> str:
    """``replace`` of a "(ref_id)" match that may start with a space: the space kept unless the citation is dropped."""
    inner = CITED_IN_NOTE.search(match.group())
    shown = replace(CITED_IN_NOTE.match(match.string, match.start() + inner.start()))
    return "" if not shown else match.group()[: inner.start()] + shown


def humanise(text: str, ids: dict[str, str]) -> str:
    """``text`` with the ids a data note names (references, claims, articles) replaced by what a reader recognises."""

    def replace(match: re.Match) -> str:
        if match.group(1) not in ids:
            return match.group()
        label = ids[match.group(1)]
        publisher = label.split(", ")[0]
        if ";" not in label and publisher in match.string[max(0, match.start() - NAMED_BEFORE) : match.start()]:
            return ""  # "Charter 97's report of 12 December 2025 (charter97_…)": the source is already named
        return f"({label})"

    text = re.sub(r" ?" + CITED_IN_NOTE.pattern, lambda match: _spaced(match, replace), text)
    return re.sub(r"\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b", lambda match: ids.get(match.group(1), match.group()), text)


def id_labels(
    pack: Pack,
    claims: Iterable[str] = (),
    data_references: pd.DataFrame | None = None,
    rests_on: dict[str, list[str]] | None = None,
) -> dict[str, str]:
    """What to print for an id met in a data note: a check's label, an article's reader name, a reference's
    publisher and date. A claim the reader does not print is cited by what it rests on (``rests_on``: claim → its
    references): the record the reader prints from the same reference, else the references themselves; "another
    check" only for a claim with neither.
    """
    labels = {claim_id: pack.t("ui.another_check") for claim_id in claims}
    labels |= {article_id: name.removeprefix("the ") for article_id, name in pack.names.items()}
    for check in pack.checks + [c for item in pack.exercises for c in item.answer_checks + item.inline_sources]:
        labels |= {reference.ref_id: reference.short for reference in check.references}
    if data_references is not None:
        labels |= {
            ref: f"{row.publisher}, {date_words(row.date, pack.t)}"
            for ref, row in data_references.iterrows()
            if ref not in labels
        }
    records = {reference.ref_id: fact.label for fact in pack.facts for reference in fact.references}
    for claim_id, refs in (rests_on or {}).items():
        shown = [records[ref] for ref in refs if ref in records] or [labels[ref] for ref in refs if ref in labels]
        if claim_id in labels and shown:
            labels[claim_id] = "; ".join(dict.fromkeys(shown))
    labels |= {check.claim_id: check.label for check in pack.checks}
    return labels
