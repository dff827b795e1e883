"""Verbatim quotes as evidence: find them, check them, cite them.

A quote is cited by its article id and 0-based Python string offsets into the *raw*
article text, so that ``raw[start:end] == quote`` holds exactly. Offsets are computed by
:func:`locate` (never typed by hand) and re-checked by :func:`verify` on every load;
``perucorpus fill`` writes them into the data files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from perucorpus.base.tables import DataError, edit_rows


class QuoteError(DataError):
    """A quote is missing from its article, ambiguous, or at the wrong offsets."""


def locate(text: str, quote: str) -> tuple[int, int]:
    """Offsets of the single occurrence of ``quote`` in ``text``; fails if absent or repeated."""
    if not quote:
        raise QuoteError("empty quote")
    first = text.find(quote)
    if first == -1:
        raise QuoteError(f"quote not found verbatim: {quote!r}")
    second = text.find(quote, first + 1)
    if second != -1:
        raise QuoteError(f"quote occurs more than once (at {first} and {second}); quote more of the sentence: {quote!r}")
    return first, first + len(quote)


def paragraph_number(text: str, offset: int) -> int:
    """1-based number of the non-empty line (paragraph or heading) containing ``offset``."""
    lines = text[:offset].split("\n")
    return sum(1 for line in lines[:-1] if line.strip()) + 1


def numbered_paragraphs(text: str) -> list[tuple[int, str]]:
    r"""Each non-empty line of ``text`` with its 1-based number, as :func:`paragraph_number` counts them (lines end at ``\n`` only)."""
    return list(enumerate((line for line in text.split("\n") if line.strip()), 1))


def verify(positions: pd.DataFrame, texts: dict[str, str]) -> None:
    """Check every stated claim: known article, quote verbatim and unique at ``start:end``.

    Raises :class:`QuoteError` naming the file line of every row that fails.
    """
    source = positions.attrs.get("source", "positions.csv")
    lines = positions.attrs.get("lines", [index + 2 for index in range(len(positions))])
    problems = []
    for row, line in zip(positions.to_dict("records"), lines):
        if row["status"] != "stated":
            continue
        where = f"{source}:{line}: {row['dimension']}/{row['era']}"
        text = texts.get(row["article_id"])
        if text is None:
            problems.append(f"{where}: unknown article_id {row['article_id']!r}")
            continue
        try:
            expected = locate(text, row["quote_ar"])
        except QuoteError as error:
            problems.append(f"{where}: {error}")
            continue
        if (int(row["start"]), int(row["end"])) != expected:
            problems.append(
                f"{where}: start/end {row['start']}–{row['end']} do not match the quote, which is at "
                f"{expected[0]}–{expected[1]} (run perucorpus fill positions.csv to refresh offsets)"
            )
    if problems:
        raise QuoteError(f"{len(problems)} quote problem(s):\n" + "\n".join(problems))


def citation(text: str, article_id: str, start: int, end: int) -> str:
    """A human citation of the quote at ``start:end``: ``article_id ¶n, start–end`` (paragraph, then character span)."""
    return f"{article_id} ¶{paragraph_number(text, start)}, {start}–{end}"


def short_citation(reader_name: str, text: str, start: int) -> str:
    """The citation for the reading line: the article's reader name and paragraph ("news report ¶9").

    The full citation (:func:`citation`: id, paragraph and character span) goes one click below.
    """
    return f"{reader_name.removeprefix('the ')} ¶{paragraph_number(text, start)}"


def locate_in_article(texts: dict[str, str], article_id: str, quote: str, where: str) -> tuple[int, int]:
    """:func:`locate` one data row's quote in its article; errors start with ``where`` (file:line)."""
    if article_id not in texts:
        raise QuoteError(f"{where}: no article {article_id!r} in articles.csv")
    try:
        return locate(texts[article_id], quote)
    except QuoteError as error:
        raise QuoteError(f"{where}: {error}") from None


def fill_rows(path: Path | str, fill_row, texts: dict[str, str]) -> int:
    """The skeleton of every ``perucorpus fill`` command: ``fill_row(row, texts, where)`` edits each
    row of the CSV at ``path`` in place (``texts``: each article's raw text, by id, as the
    :class:`perucorpus.facts.collection.Collection` read them; ``where``: ``file:line`` for error
    messages); the file is rewritten atomically.
    """
    path = Path(path)

    def fill(rows, lines):
        for row, line in zip(rows, lines):
            fill_row(row, texts, f"{path.as_posix()}:{line}")

    return edit_rows(path, fill, with_lines=True)


def fill_offsets(path: Path | str, texts: dict[str, str]) -> int:
    """Recompute ``start``/``end`` of every quoted row of a file from its ``article_id`` and ``quote_ar``, in place
    (``texts``: each article's raw text, by id).

    Rows of ``positions.csv`` are quoted when their ``status`` is ``stated``; a file without a
    ``status`` column (``claims.csv``) has a quote on every row.
    """

    def offsets(row, texts, where):
        if row.get("status", "stated") == "stated":
            row["start"], row["end"] = locate_in_article(texts, row["article_id"], row["quote_ar"], where)

    return fill_rows(path, offsets, texts)
