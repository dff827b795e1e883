"""English translations of the articles, paragraph by paragraph, and the side-by-side reading of both.

``data/translations.csv`` holds one row per paragraph, numbered as the citations number them
(:func:`perucorpus.facts.quotes.numbered_paragraphs`: the non-empty lines of the raw file, ¶1…).
:func:`load_translations` checks that every translated article is translated whole (an article
that gains or loses a paragraph stops the load until its translation follows) and that the
English keeps the Arabic's hedges, attributions and typos (:mod:`perucorpus.facts.renderings`). An
article with no row at all is *not yet translated*: :func:`side_by_side` shows its Arabic with
:data:`NOT_TRANSLATED` beside each paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts import renderings
from perucorpus.facts.quotes import numbered_paragraphs, paragraph_number
from perucorpus.text.cleaning import CleanView, is_heading, paragraphs
from perucorpus.text.corpus import Article, load_corpus
from perucorpus.text.overview import keyword_in_context

#: What the English column says beside a paragraph that has no translation yet.
NOT_TRANSLATED = "Not yet translated."
#: How to translate an article: printed by ``perucorpus add-article`` and used in error messages.
HOW_TO_TRANSLATE = (
    "add one row per paragraph to {file} (article_id,paragraph,text_en,note,furniture_note; paragraph n is the article's "
    "n-th non-empty line, as citations count them), keeping hedges, attributions and tense and marking typos [sic …] "
    "(data/README.md, Translation conventions)"
)


def load_translations(data_dir: Path | str, articles: dict[str, Article] | None = None) -> pd.DataFrame:
    """Read ``translations.csv`` and check it against the articles (``articles``, default: loaded from ``data_dir``).

    Fails, naming file and line, on a row of an unknown article or of a paragraph the article does
    not have, on a translated article missing a paragraph, and on English that drops a hedge or an
    attribution or corrects a typo. Returns the rows with ``paragraph`` as a number and the
    paragraph's Arabic in ``text_ar``.
    """
    data_dir = Path(data_dir)
    return check_translations(
        read_table(data_dir / "translations.csv", schemas.TRANSLATIONS),
        load_corpus(data_dir) if articles is None else articles,
        read_table(data_dir / "gazetteer" / "variants.csv", schemas.GAZETTEER_VARIANTS),
        renderings.load_markers(data_dir),
    )


def check_translations(
    rows: pd.DataFrame, articles: dict[str, Article], variants: pd.DataFrame, markers: pd.DataFrame
) -> pd.DataFrame:
    """``translations.csv`` as read, checked as :func:`load_translations` checks it against the articles,
    ``gazetteer/variants.csv`` as read and ``markers`` (:func:`perucorpus.facts.renderings.check_markers`).
    """
    paragraphs = {key: dict(numbered_paragraphs(article.raw)) for key, article in articles.items()}
    source, lines = rows.attrs["source"], rows.attrs["lines"]
    problems = []
    for row, line in zip(rows.to_dict("records"), lines):
        known = paragraphs.get(row["article_id"])
        if known is None:
            problems.append(f"{source}:{line}: article {row['article_id']!r} is not in articles.csv")
        elif int(row["paragraph"]) not in known:
            problems.append(
                f"{source}:{line}: {row['article_id']} has {len(known)} paragraphs, so there is no ¶{row['paragraph']} to translate"
            )
    missing = [
        f"{source}: {article_id} ¶{number} has no translation (it begins «{paragraphs[article_id][number].strip()[:40]}»)"
        for article_id, group in rows.groupby("article_id", sort=False)
        for number in sorted(set(paragraphs.get(article_id, {})) - {int(number) for number in group["paragraph"]})
    ]
    if missing:
        problems += [*missing, "To translate a paragraph, " + HOW_TO_TRANSLATE.format(file=source)]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    rows = rows.assign(
        paragraph=[int(number) for number in rows["paragraph"]],
        text_ar=[paragraphs[key][int(number)] for key, number in zip(rows["article_id"], rows["paragraph"])],
    )
    rows.attrs.update(source=source, lines=lines)
    _check_voice(rows, variants, markers)
    return rows


def _check_voice(rows: pd.DataFrame, variants: pd.DataFrame, markers: pd.DataFrame) -> None:
    """The hedge, attribution and *sic* check of :mod:`perucorpus.facts.renderings`, on each paragraph and its English."""
    voice = renderings.check(rows, markers, renderings.article_typos(variants), arabic="text_ar", english=("text_en",))
    if voice:
        raise DataError(
            f"{len(voice)} translation(s) drop the Arabic's hedge, attribution or typo "
            "(data/hedge_markers.csv):\n" + "\n".join(voice)
        )


def untranslated(articles: dict[str, Article], translations: pd.DataFrame) -> list[str]:
    """The ids of the articles with no translation yet, in corpus order."""
    done = set(translations["article_id"])
    return [article_id for article_id in articles if article_id not in done]


def side_by_side(articles: dict[str, Article], translations: pd.DataFrame) -> list[dict]:
    """Each article as a dict: ``id``, ``title``, ``genre``, ``date`` (as recorded) and its ``date_basis``, ``translated`` (bool) and ``paragraphs``,
    each a dict with ``number``, ``arabic`` (the raw line), ``english`` (or :data:`NOT_TRANSLATED`),
    ``note``, ``furniture_note`` (what the line holds of the web page, said apart from the note) and ``translated``.
    """
    english = {(row.article_id, row.paragraph): (row.text_en, row.note, row.furniture_note) for row in translations.itertuples()}
    model = []
    for article_id, article in articles.items():
        paragraphs = []
        for number, arabic in numbered_paragraphs(article.raw):
            text, note, furniture_note = english.get((article_id, number), (NOT_TRANSLATED, "", ""))
            paragraphs.append(
                {
                    "number": number,
                    "arabic": arabic,
                    "english": text,
                    "note": note,
                    "furniture_note": furniture_note,
                    "translated": (article_id, number) in english,
                }
            )
        model.append(
            {
                "id": article_id,
                "title": article.meta["title_en"],
                "genre": article.meta["genre"],
                "date": article.meta["date"],
                "date_basis": article.meta.get("date_basis", "stated"),
                "translated": all(paragraph["translated"] for paragraph in paragraphs),
                "paragraphs": paragraphs,
            }
        )
    return model


def _plain(text: str) -> str:
    """``text`` for comparing renderings: lower case, one kind of quotation mark, single spaces, no end punctuation."""
    text = text.casefold().translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split()).strip(" .,;:")


def disagreements(
    translations: pd.DataFrame, quotes: pd.DataFrame, texts: dict[str, str], english: str = "quote_en"
) -> list[str]:
    """The rows of ``quotes`` (quoted rows of ``positions.csv``: ``article_id``, ``start``, ``english``) whose
    rendering is not, word for word, in the translation of the paragraph it quotes (translated articles only).
    """
    by_paragraph = {(row.article_id, row.paragraph): _plain(row.text_en) for row in translations.itertuples()}
    found = []
    for row in quotes.to_dict("records"):
        if not row.get("article_id") or row["article_id"] not in set(translations["article_id"]):
            continue
        number = paragraph_number(texts[row["article_id"]], int(row["start"]))
        if _plain(row[english]) not in by_paragraph[(row["article_id"], number)]:
            found.append(f"{row['article_id']} ¶{number}: {row[english]!r} is not in its translation")
    return found


def _paragraph_of(raw: str, view: CleanView, start: int) -> int:
    """The ``¶n`` (raw numbering) of the paragraph holding clean-view offset ``start``."""
    return paragraph_number(raw, view.to_raw(start))


def openings(articles: dict[str, Article], views: dict[str, CleanView], translations: pd.DataFrame) -> list[dict]:
    """Each article of :func:`side_by_side` with only its opening paragraph: the first line of its clean view
    that is not a heading (the first line if all are), Arabic and English, under the ``¶n`` citations use.
    """
    model = []
    for article in side_by_side(articles, translations):
        view = views[article["id"]]
        spans = paragraphs(view.text)
        start = next((s for s, e in spans if not is_heading(view.text[s:e])), spans[0][0] if spans else 0)
        number = _paragraph_of(articles[article["id"]].raw, view, start)
        model.append({**article, "paragraphs": [p for p in article["paragraphs"] if p["number"] == number]})
    return model


#: What :func:`not_repeated` prints instead of an opening paragraph's English already shown whole.
SHOWN_ABOVE = "(the whole opening paragraph, shown above under “A first look”)"


def not_repeated(in_context: pd.DataFrame, first_look: list[dict]) -> pd.DataFrame:
    """``in_context`` (:func:`mentions_in_english`) with the English of an opening paragraph (``first_look``,
    :func:`openings`) that it would print whole replaced by :data:`SHOWN_ABOVE`, so that a page does not print the
    same paragraph twice.
    """
    whole = {(article["id"], p["number"]): p["english"] for article in first_look for p in article["paragraphs"]}
    english = [
        SHOWN_ABOVE if whole.get((row.article_id, row.paragraph)) == row.english else row.english
        for row in in_context.itertuples()
    ]
    return in_context.assign(english=english)


#: An English sentence ends at . ! or ? (a closing quotation mark or bracket may follow) before a space.
_SENTENCE = re.compile(r"(?<=[.!?][\"”’)\]])\s+|(?<=[.!?])\s+")


#: An Arabic sentence ends at . ! ? or the Arabic question mark, before a space or the end of the paragraph.
_ARABIC_SENTENCE = re.compile(r"[.!?\u061f][\"”’»)\]]?(?=\s|$)")


def arabic_sentence_indices(paragraph: str, start: int, end: int) -> list[int]:
    """The 0-based numbers of the sentences of an Arabic ``paragraph`` that the span ``start:end`` (offsets
    within the paragraph) overlaps, and the paragraph's sentence count last: ``[i, …, count]``.
    """
    bounds, begin = [], 0
    for match in _ARABIC_SENTENCE.finditer(paragraph):
        bounds.append((begin, match.end()))
        begin = match.end()
    if paragraph[begin:].strip():
        bounds.append((begin, len(paragraph)))
    overlapped = [index for index, (low, high) in enumerate(bounds) if low < end and high > start]
    return [*overlapped, len(bounds)]


def quoted_sentences(arabic: str, english: str, start: int, end: int, terms: tuple[str, ...]) -> str:
    """The English of the Arabic sentences that ``start:end`` (offsets within the Arabic paragraph) quotes: the
    English sentences in the same places when both paragraphs have as many sentences, otherwise the English
    sentences naming one of ``terms`` (:func:`english_sentences`).
    """
    *overlapped, count = arabic_sentence_indices(arabic, start, end)
    sentences = [part for part in _SENTENCE.split(english) if part.strip()]
    if overlapped and len(sentences) == count:
        return " ".join(sentences[index] for index in overlapped)
    return english_sentences(english, terms)


def english_sentences(text: str, terms: tuple[str, ...]) -> str:
    """The sentences of an English paragraph that contain one of ``terms`` (the whole paragraph if none does)."""
    sentences = [part for part in _SENTENCE.split(text) if part.strip()]
    kept = [sentence for sentence in sentences if any(term in sentence for term in terms)]
    return " … ".join(kept) if kept else text


def mentions_in_english(
    articles: dict[str, Article],
    views: dict[str, CleanView],
    spans: dict[str, list[tuple[int, int]]],
    translations: pd.DataFrame,
    terms: tuple[str, ...],
) -> pd.DataFrame:
    """Keyword in context with its English: one row per paragraph that holds a span of ``spans`` (clean-view
    offsets, per article): ``article_id``, ``paragraph`` (¶n), ``mentions``, ``arabic`` (each span in context,
    ``before [keyword] after``, joined by " / ") and ``english`` (the sentences of our translation of that
    paragraph that contain one of ``terms``, e.g. ``("Peru",)``; :data:`NOT_TRANSLATED` where there is none).
    """
    english = {(row.article_id, row.paragraph): row.text_en for row in translations.itertuples()}
    rows: dict[tuple[str, int], dict] = {}
    for article_id, found in spans.items():
        view = views[article_id]
        context = keyword_in_context(view.text, found)
        for (start, _), line in zip(found, context.itertuples()):
            number = _paragraph_of(articles[article_id].raw, view, start)
            row = rows.setdefault(
                (article_id, number),
                {"article_id": article_id, "paragraph": number, "mentions": 0, "arabic": []},
            )
            row["mentions"] += 1
            row["arabic"].append(" ".join(filter(None, [line.before, f"[{line.keyword}]", line.after])))
    frame = pd.DataFrame(rows.values(), columns=["article_id", "paragraph", "mentions", "arabic"])
    frame["arabic"] = frame["arabic"].map(" / ".join)
    frame["english"] = [
        english_sentences(english[key], terms) if key in english else NOT_TRANSLATED
        for key in zip(frame["article_id"], frame["paragraph"])
    ]
    return frame
