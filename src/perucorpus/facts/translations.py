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

from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts import renderings
from perucorpus.facts.quotes import numbered_paragraphs, paragraph_number
from perucorpus.text.corpus import Article, load_corpus

#: What the English column says beside a paragraph that has no translation yet.
NOT_TRANSLATED = "Not yet translated."
#: How to translate an article: printed by ``perucorpus add-article`` and used in error messages.
HOW_TO_TRANSLATE = (
    "add one row per paragraph to {file} (article_id,paragraph,text_en,note; paragraph n is the article's "
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
    """Each article as a dict: ``id``, ``title``, ``genre``, ``date``, ``translated`` (bool) and ``paragraphs``,
    each a dict with ``number``, ``arabic`` (the raw line), ``english`` (or :data:`NOT_TRANSLATED`),
    ``note`` and ``translated``.
    """
    english = {(row.article_id, row.paragraph): (row.text_en, row.note) for row in translations.itertuples()}
    model = []
    for article_id, article in articles.items():
        paragraphs = []
        for number, arabic in numbered_paragraphs(article.raw):
            text, note = english.get((article_id, number), (NOT_TRANSLATED, ""))
            paragraphs.append(
                {"number": number, "arabic": arabic, "english": text, "note": note, "translated": (article_id, number) in english}
            )
        model.append(
            {
                "id": article_id,
                "title": article.meta["title_en"],
                "genre": article.meta["genre"],
                "date": article.meta["date"],
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
