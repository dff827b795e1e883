"""The classroom pack in another language: the texts that come from the data, looked up by ``data.*`` keys.

The teaching texts are keyed in ``teaching/classroom.toml`` (:mod:`~perucorpus.publish.catalogue`). What the pack's
pages take from the data is keyed here, with the English pack itself as its source: the articles' reader names
(``data.article.<id>``), the collection's titles for them (``data.article_title.<id>``) and their outlets
(``data.outlet.<id>``), the letters of the
groups of the run sheet (``data.group.<letter>``), the eras and dimensions of the comparison table (``data.era.<era>``,
``data.dimension.<dimension>``), the verdicts (``data.verdict.<verdict>``), what a cited publisher is where a reader
needs telling (``data.publisher.<publisher>``, :data:`~perucorpus.publish.editions.DESCRIBED_TIERS`), the presidents' names (``data.president.<key>``), "undated" (``data.undated``), a passage's label (``data.passage_label``) and, for
each claim a page prints, the claim and what its references state (``data.claim.<id>.claim|states|note``) and every
translation note of the articles (``data.translation.<article id>.<¶>.note``, :func:`note_key`). A
translated catalogue (``teaching/<lang>.toml``) gives these keys like any other, recording the English it translates,
so a change in ``data/claims.csv`` that reaches a page fails the sync test until the translation follows.

Titles and publishers of references stay as published; the articles' Arabic stays as written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

from perucorpus.facts.collection import Collection
from perucorpus.present import alliance_figures
from perucorpus.present.display import latin_isolated
from perucorpus.publish import editions
from perucorpus.publish.catalogue import SOURCE, Catalogue, read_toml, texts
from perucorpus.publish.catalogue import english as english_catalogue


def _checks(pack: editions.Pack) -> list[editions.Check]:
    """Every check a page of the pack prints, once each (the reader's, then the exercises')."""
    found: dict[str, editions.Check] = {}
    for check in pack.checks + [c for item in pack.exercises for c in item.inline_sources + item.answer_checks]:
        found.setdefault(check.claim_id, check)
    return list(found.values())


def note_key(article_id: str, number: int) -> str:
    """The key of the translation note of paragraph ``number`` of an article (:attr:`editions.Pack.notes`)."""
    return f"data.translation.{article_id}.{number}.note"


def data_texts(root: Path | str) -> dict[str, str]:
    """The English of every ``data.*`` key, from the English pack of the project at ``root``."""
    pack = editions.load(root)
    texts = {f"data.article.{article_id}": name for article_id, name in pack.names.items()}
    texts |= {f"data.article_title.{line.article_id}": line.title for line in pack.articles}
    texts |= {f"data.outlet.{line.article_id}": line.outlet for line in pack.articles}
    texts |= {f"data.group.{group}": group for step in pack.run_sheet for group in step.blocks}
    texts |= {f"data.era.{era}": label for era, label in pack.eras}
    texts |= {f"data.dimension.{row['dimension']}": row["label"] for row in pack.table}
    texts |= {f"data.verdict.{c.verdict_key}": c.verdict for c in sorted(_checks(pack), key=lambda c: c.verdict_key)}
    source = read_toml(Path(root) / "teaching" / SOURCE)
    texts |= {f"data.president.{key}": entry["president"] for key, entry in source["presidents"].items()}
    texts["data.undated"] = "undated"
    texts["data.passage_label"] = "{article} ¶{number}"
    for check in _checks(pack):
        prefix = f"data.claim.{check.claim_id}"
        texts |= {f"{prefix}.claim": check.claim_en, f"{prefix}.states": check.states, f"{prefix}.note": check.note}
    cited = [r for c in _checks(pack) for r in c.references] + [r for f in pack.facts for r in f.references]
    texts |= {f"data.publisher.{r.publisher}": r.about for r in cited if r.about}
    for fact in pack.facts:
        texts[f"data.fact.{fact.key}.states"] = fact.states
        if fact.derivation:
            texts[f"data.fact.{fact.key}.derivation"] = fact.derivation
    texts |= {note_key(article_id, number): note for (article_id, number), note in pack.notes.items()}
    return texts


#: Each language's list separators, as the pages write them between items (``sep.semicolon``, ``sep.comma``).
#: ``title_*`` around a reference's title: in Arabic a Latin title stands in guillemets, without its final full stop
#: (a full stop after a left-to-right run lands at its left, where it reads as the title's first character).
#: ``headline_*`` around the team's description of an article after its outlet: the articles carry no headline in our
#: copies, so the description follows the words ``ui.team_description`` (no "titled", no quotation marks) and ends
#: with a full stop ("…؛ وصف من فريق الإعداد: ….").
SEPARATORS = {
    "en": {"semicolon": "; ", "comma": ", ", "title_open": "", "title_close": ". ", "headline_open": "; ", "headline_close": "."},
    "ar": {
        "semicolon": "؛ ",
        "comma": "، ",
        "title_open": "«",
        "title_close": "»، ",
        "headline_open": "؛ ",
        "headline_close": ".",
    },
}


def separators(language: str) -> dict[str, str]:
    """The list separators of ``language``; a language without its own is an error, not English's."""
    if language not in SEPARATORS:
        raise KeyError(f"no list separators for the language {language!r} (publish.localised.SEPARATORS)")
    return SEPARATORS[language]


#: The English texts of the pages only a translated edition has (index, guide, glossary), keys ``edition.*``.
EDITION = "edition.toml"


def english(root: Path | str) -> Catalogue:
    """The English source of a translation of the pack: the teaching texts, the edition's pages' texts
    (``teaching/edition.toml``), the data's texts (``data.*``) and the figures' (``figure.*``,
    :func:`perucorpus.present.alliance_figures.english_texts`).
    """
    teaching = english_catalogue(Path(root) / "teaching")
    edition = texts(read_toml(Path(root) / "teaching" / EDITION))
    entries = {**teaching.entries, **edition, **data_texts(root), **alliance_figures.english_texts()}
    return Catalogue("en", entries, teaching.origin)


def date_words(value: str, t: Catalogue) -> str:
    """An ISO date (or "undated") of the data in words of the catalogue's language: Arabic month names from CLDR."""
    if value == "undated":
        return t("data.undated")
    try:
        return editions.date_label(value, "", t)
    except ValueError:
        return value


def figure_text(root: Path | str, t: Catalogue) -> alliance_figures.FigureText:
    """The words of the figures in the catalogue's language: ``figure.*`` keys from the catalogue (a missing key is
    an error), CLDR's country names, the presidents' surnames from ``data.president.*``, dates as on the pages
    (:func:`date_words`: month names from CLDR, Western digits).
    """
    from perucorpus.base.countries import country_label

    source = read_toml(Path(root) / "teaching" / SOURCE)
    keys = {entry["president"]: key for key, entry in source["presidents"].items()}
    if t.language == "en":
        return alliance_figures.english()
    return alliance_figures.FigureText(
        t.language,
        t,
        country=lambda iso3: country_label(iso3)[1],
        person=lambda name: t(f"data.president.{keys[name]}").split()[-1],
        date=lambda value: date_words(value, t),
        right_to_left=t.direction == "rtl",
    )


def _reference(reference: editions.Reference, t: Catalogue) -> editions.Reference:
    about = t(f"data.publisher.{reference.publisher}") if reference.about else ""
    return replace(reference, date=date_words(reference.iso or reference.date, t), about=about)


def _check(check: editions.Check, t: Catalogue, names: dict[str, str]) -> editions.Check:
    prefix = f"data.claim.{check.claim_id}"
    return replace(
        check,
        article=t(f"data.article.{_article_of(check, names)}"),
        claim_en=t(f"{prefix}.claim"),
        states=t(f"{prefix}.states"),
        note=t(f"{prefix}.note"),
        verdict=t(f"data.verdict.{check.verdict_key}"),
        references=tuple(_reference(reference, t) for reference in check.references),
    )


def _article_of(check: editions.Check, names: dict[str, str]) -> str:
    """The article id of a check (its ``article`` is the English reader name without "the ")."""
    return next(article_id for article_id, name in names.items() if name.removeprefix("the ") == check.article)


def localise(pack: editions.Pack) -> editions.Pack:
    """``pack`` (loaded in a language other than English) with the texts that come from the data in its language."""
    t, english_names = pack.t, dict(pack.names)
    names = {article_id: t(f"data.article.{article_id}") for article_id in english_names}

    def passage(p: editions.Passage) -> editions.Passage:
        return replace(p, label=t("data.passage_label").format(article=names[p.article_id], number=p.number))

    def check(c: editions.Check) -> editions.Check:
        return _check(c, t, english_names)

    source = read_toml(Path(t.origin).parent / SOURCE)
    presidents = {entry["president"]: t(f"data.president.{key}") for key, entry in source["presidents"].items()}
    pack.presidents = [
        {
            **row,
            "name": presidents[row["name"]],
            "start": date_words(row["start_iso"], t),
            "end": date_words(row["end_iso"], t) if row["end_iso"] else row["end"],
        }
        for row in pack.presidents
    ]
    pack.names = names
    pack.articles = [
        replace(
            line,
            name=names[line.article_id],
            title=t(f"data.article_title.{line.article_id}"),
            outlet=t(f"data.outlet.{line.article_id}"),
        )
        for line in pack.articles
    ]
    by_id = {line.article_id: line for line in pack.articles}
    pack.pre_reading = [_arabic_reading(row, by_id[row["article"].article_id], t) for row in pack.pre_reading]
    pack.run_sheet = [
        replace(step, blocks={t(f"data.group.{group}"): block for group, block in step.blocks.items()}) for step in pack.run_sheet
    ]
    # a column heading is printed as it is: its numbers ("2025–26") isolated here, as the `mixed` filter would
    shown = (lambda text: Markup(latin_isolated(text))) if t.direction == "rtl" else str
    pack.eras = [(era, shown(t(f"data.era.{era}"))) for era, _ in pack.eras]
    pack.table = [{**row, "label": t(f"data.dimension.{row['dimension']}")} for row in pack.table]
    pack.notes = {key: t(note_key(*key)) for key in pack.notes}
    pack.reading = [
        article
        | {
            "paragraphs": [
                p | {"note": pack.notes[article["id"], p["number"]]} if p["note"] else p for p in article["paragraphs"]
            ]
        }
        for article in pack.reading
    ]
    pack.passages = {article_id: [passage(p) for p in ps] for article_id, ps in pack.passages.items()}
    labels = {(p.article_id, p.number): p.label for ps in pack.passages.values() for p in ps}
    pack.checks = [check(c) for c in pack.checks]
    pack.facts = [
        replace(
            f,
            states=t(f"data.fact.{f.key}.states"),
            derivation=t(f"data.fact.{f.key}.derivation") if f.derivation else "",
            references=tuple(_reference(reference, t) for reference in f.references),
        )
        for f in pack.facts
    ]
    by_anchor = {c.anchor: c.label for c in pack.checks}
    for item in pack.items:
        item.inline_arabic = [passage(p) for p in item.inline_arabic]
        item.model_translation = [passage(p) for p in item.model_translation]
        if item.quote_number:
            item.quote_label = t("data.passage_label").format(article=names[item.quote_article], number=item.quote_number)
        item.inline_sources = [check(c) for c in item.inline_sources]
        item.answer_checks = [check(c) for c in item.answer_checks]
        item.materials = [_material(m, labels, by_anchor) for m in item.materials]
    return pack


def _arabic_reading(row: dict, line: editions.ArticleLine, t: Catalogue) -> dict:
    """A pre-reading row for readers of the edition's language: an Arabic edition's students read the Arabic."""
    if t.language != "ar":
        return {**row, "article": line}
    minutes = editions._reading_minutes(line.words_ar, "ar")
    return {**row, "article": line, "words": line.words_ar, "language": t("ui.in_arabic"), "minutes": minutes}


def _material(material: editions.Material, labels: dict, checks: dict) -> editions.Material:
    """A material with its label in the pack's language; its ``detail`` (ids, for researchers) is the label too."""
    if material.anchor.startswith("p-"):
        article_id, number = material.anchor[2:].rsplit("-", 1)
        label = labels[(article_id, int(number))]
        return replace(material, label=label, detail=label)
    return replace(material, detail=material.label)


def load(root: Path | str, language: str = "en") -> editions.Pack:
    """The pack of the project at ``root`` in ``language``, the data's texts (and the printed timeline's key) in that
    language too.
    """
    if language == "en":
        return editions.load(root, language)
    data = Collection(Path(root) / "data")
    pack = localise(editions.load(root, language, data))
    pack.timeline = alliance_figures.timeline_key(data.memberships, figure_text(root, pack.t))
    return pack
