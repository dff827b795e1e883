"""Verbatim quotes as evidence: find them, check them, cite them.

A quote is cited by its article id and 0-based Python string offsets into the *raw*
article text, so that ``raw[start:end] == quote`` holds exactly. Offsets are computed by
:func:`locate` (never typed by hand) and re-checked by :func:`verify` on every load.
Run ``python -m perucorpus.evidence data/positions.csv`` to fill or refresh the
``start``/``end`` columns from the quotes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from . import renderings, schemas
from .corpus import load_corpus, load_eras
from .tables import DataError, edit_rows, read_table


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


def load_positions(data_dir: Path | str) -> pd.DataFrame:
    """Read ``positions.csv``, verify every quote against the raw articles, and check that its
    English keeps the quote's hedges, attributions and typos (:mod:`perucorpus.renderings`).

    ``attrs["era_labels"]`` maps each era of ``eras.csv`` to its label, in file order (:func:`era_labels`).
    """
    data_dir = Path(data_dir)
    eras = load_eras(data_dir)
    positions = read_table(data_dir / "positions.csv", schemas.with_eras(schemas.POSITIONS, eras.index))
    articles = load_corpus(data_dir)
    dimensions = set(read_table(data_dir / "dimensions.csv", schemas.DIMENSIONS)["dimension"])
    _check_rows(positions, dimensions, {key: article.meta["era"] for key, article in articles.items()})
    verify(positions, {key: article.raw for key, article in articles.items()})
    variants = read_table(data_dir / "gazetteer" / "variants.csv", schemas.GAZETTEER_VARIANTS)
    voice = renderings.check(positions, renderings.load_markers(data_dir), renderings.article_typos(variants))
    if voice:
        raise DataError(
            f"{len(voice)} rendering(s) drop the Arabic's hedge, attribution or typo "
            "(data/hedge_markers.csv):\n" + "\n".join(voice)
        )
    positions = positions.copy()
    for column in ("start", "end"):
        positions[column] = pd.array([int(value) if value else None for value in positions[column]], dtype="Int64")
    positions["citation"] = [
        citation(articles[row.article_id].raw, row.article_id, int(row.start), int(row.end)) if row.status == "stated" else ""
        for row in positions.itertuples()
    ]
    positions.attrs["era_labels"] = dict(zip(eras.index, eras["label_en"]))
    return positions


def _check_rows(positions: pd.DataFrame, dimensions: set[str], eras: dict[str, str]) -> None:
    """Each row names a dimension of ``dimensions.csv``, a quoted claim the era of its article,
    and a ``record`` note, if any, that :mod:`perucorpus.record` generates.
    """
    from .record import NOTES as record_notes  # record builds on memberships, which imports this module

    problems = []
    for row, line in zip(positions.to_dict("records"), positions.attrs["lines"]):
        where = f"{positions.attrs['source']}:{line}: {row['dimension']}/{row['era']}"
        if row["dimension"] not in dimensions:
            problems.append(f"{where}: dimension {row['dimension']!r} is not in dimensions.csv")
        if row["record"] and row["record"] not in record_notes:
            problems.append(f"{where}: record {row['record']!r} is not one of the generated notes {sorted(record_notes)}")
        article_era = eras.get(row["article_id"])
        if row["status"] == "stated" and article_era and article_era != row["era"]:
            problems.append(f"{where}: era {row['era']!r}, but {row['article_id']} is an article of the {article_era!r} era")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))


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


def locate_in_article(texts: dict[str, str], article_id: str, quote: str, where: str) -> tuple[int, int]:
    """:func:`locate` one data row's quote in its article; errors start with ``where`` (file:line)."""
    if article_id not in texts:
        raise QuoteError(f"{where}: no article {article_id!r} in articles.csv")
    try:
        return locate(texts[article_id], quote)
    except QuoteError as error:
        raise QuoteError(f"{where}: {error}") from None


def fill_rows(path: Path | str, fill_row, data_dir: Path | str | None = None) -> int:
    """The skeleton of every ``perucorpus fill`` command: ``fill_row(row, texts, where)`` edits each
    row of the CSV at ``path`` in place (``texts``: the raw articles of ``data_dir``, default the
    file's folder; ``where``: ``file:line`` for error messages); the file is rewritten atomically.
    """
    path = Path(path)
    texts = {key: article.raw for key, article in load_corpus(Path(data_dir) if data_dir else path.parent).items()}

    def fill(rows, lines):
        for row, line in zip(rows, lines):
            fill_row(row, texts, f"{path.as_posix()}:{line}")

    return edit_rows(path, fill, with_lines=True)


def fill_offsets(path: Path | str, data_dir: Path | str | None = None) -> int:
    """Recompute ``start``/``end`` of every quoted row of a file from its ``article_id`` and ``quote_ar``, in place.

    Rows of ``positions.csv`` are quoted when their ``status`` is ``stated``; a file without a
    ``status`` column (``claims.csv``) has a quote on every row.
    """

    def offsets(row, texts, where):
        if row.get("status", "stated") == "stated":
            row["start"], row["end"] = locate_in_article(texts, row["article_id"], row["quote_ar"], where)

    return fill_rows(path, offsets, data_dir)


def era_labels(positions: pd.DataFrame) -> dict[str, str]:
    """Era id → label (``data/eras.csv``, in its order) of a frame from :func:`load_positions`."""
    if "era_labels" not in positions.attrs:
        raise DataError("the positions frame has no era labels: load it with evidence.load_positions")
    return positions.attrs["era_labels"]


NOT_ADDRESSED = "Not addressed in the sources."


def cells(positions: pd.DataFrame, dimensions: pd.DataFrame):
    """Yield ``(dimension_row, [(era, claims), …])`` in display order, one entry per era.

    Fails if a claim names an unknown dimension or a dimension lacks either era.
    """
    order = dimensions.assign(order=dimensions["order"].astype(int)).sort_values("order")
    unknown = sorted(set(positions["dimension"]) - set(order["dimension"]))
    if unknown:
        raise DataError(f"positions.csv uses dimensions missing from dimensions.csv: {unknown}")
    for dimension in order.itertuples():
        row = []
        for era in era_labels(positions):
            claims = positions[(positions["dimension"] == dimension.dimension) & (positions["era"] == era)]
            if claims.empty:
                raise DataError(f"positions.csv: dimension {dimension.dimension!r} has no row for era {era!r}")
            row.append((era, claims))
        yield dimension, row


def table_model(
    positions: pd.DataFrame, dimensions: pd.DataFrame, texts: dict[str, str], record_notes: dict[str, str]
) -> list[dict]:
    """The comparison table as data, the one model that the notebook table, the CSV and the print page render.

    One dict per dimension (``dimension``, ``order``, ``label_en``, ``question_en``, ``eras``),
    each era a dict (``era``, ``label``, ``claims``), each claim a dict with ``status``,
    ``position_en``, ``quote_ar``, ``quote_en``, ``citation`` (empty for a gap), ``note`` and
    ``record``: the generated "what the record adds" note the claim names (``record_notes``,
    from :func:`perucorpus.record.notes`), or empty.
    """
    model = []
    for dimension, eras in cells(positions, dimensions):
        row = {key: getattr(dimension, key) for key in ("dimension", "order", "label_en", "question_en")}
        row["eras"] = [
            {
                "era": era,
                "label": era_labels(positions)[era],
                "claims": [_claim(claim, texts, record_notes) for claim in claims.itertuples()],
            }
            for era, claims in eras
        ]
        model.append(row)
    return model


def _claim(claim, texts: dict[str, str], record_notes: dict[str, str]) -> dict:
    if claim.record and claim.record not in record_notes:
        raise DataError(
            f"positions.csv: {claim.dimension}/{claim.era} names the record note {claim.record!r}, which was not computed"
        )
    return {
        "status": claim.status,
        "position_en": claim.position_en,
        "quote_ar": claim.quote_ar,
        "quote_en": claim.quote_en,
        "citation": claim.citation,
        "note": claim.note,
        "record": record_notes.get(claim.record, ""),
    }


def wide_table(model: list[dict]) -> pd.DataFrame:
    """The :func:`table_model` as dimension × era plain-text cells, one claim per line:
    position, quote, rendering, citation, then the record note in brackets.
    """
    rows = []
    for dimension in model:
        row = {key: dimension[key] for key in ("dimension", "order", "label_en")}
        for era in dimension["eras"]:
            row[era["era"]] = "\n".join(_claim_text(claim) for claim in era["claims"])
        rows.append(row)
    return pd.DataFrame(rows)


def claim_grid(positions: pd.DataFrame, dimensions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dimension × era tables, in display order: the number of quoted claims, and their articles.

    The articles are named by the first part of their id (``castillo2021``); a gap counts 0
    and names none. Rows are labelled with ``label_en``, columns with the era labels (:func:`era_labels`).
    """
    counts, sources = {}, {}
    labels = era_labels(positions)
    for dimension, eras in cells(positions, dimensions):
        counts[dimension.label_en], sources[dimension.label_en] = {}, {}
        for era, claims in eras:
            stated = claims[claims["status"] == "stated"]
            counts[dimension.label_en][labels[era]] = len(stated)
            sources[dimension.label_en][labels[era]] = ", ".join(sorted({key.split("_")[0] for key in stated["article_id"]}))
    return pd.DataFrame(counts).T, pd.DataFrame(sources).T


def _claim_text(claim: dict) -> str:
    if claim["status"] != "stated":
        text = f"{claim['position_en']} [{NOT_ADDRESSED}]"
    else:
        text = f'{claim["position_en"]} — «{claim["quote_ar"]}» — "{claim["quote_en"]}" ({claim["citation"]})'
    return f"{text} [{claim['record']}]" if claim["record"] else text


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "data/positions.csv"
    print(f"{fill_offsets(target)} rows checked; offsets written to {target}")
