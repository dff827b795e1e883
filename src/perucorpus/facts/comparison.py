"""The positions table (notebook 02): Peru's positions as the articles frame them, dimension × era.

``data/positions.csv`` is loaded and checked here (eras, dimensions, quotes and their
offsets, the renderings' hedges), then shaped into the comparison table's model.
Run ``python -m perucorpus.facts.comparison data/positions.csv`` to fill or refresh the
``start``/``end`` columns from the quotes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts import renderings
from perucorpus.facts.quotes import citation, fill_offsets, verify
from perucorpus.text.corpus import load_corpus, load_eras


def load_positions(data_dir: Path | str) -> pd.DataFrame:
    """Read ``positions.csv``, verify every quote against the raw articles, and check that its
    English keeps the quote's hedges, attributions and typos (:mod:`perucorpus.facts.renderings`).

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
    and a ``record`` note, if any, that :mod:`perucorpus.facts.record` generates.
    """
    problems = []
    for row, line in zip(positions.to_dict("records"), positions.attrs["lines"]):
        where = f"{positions.attrs['source']}:{line}: {row['dimension']}/{row['era']}"
        if row["dimension"] not in dimensions:
            problems.append(f"{where}: dimension {row['dimension']!r} is not in dimensions.csv")
        if row["record"] and row["record"] not in schemas.RECORD_NOTES:
            problems.append(f"{where}: record {row['record']!r} is not one of the generated notes {sorted(schemas.RECORD_NOTES)}")
        article_era = eras.get(row["article_id"])
        if row["status"] == "stated" and article_era and article_era != row["era"]:
            problems.append(f"{where}: era {row['era']!r}, but {row['article_id']} is an article of the {article_era!r} era")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))


def era_labels(positions: pd.DataFrame) -> dict[str, str]:
    """Era id → label (``data/eras.csv``, in its order) of a frame from :func:`load_positions`."""
    if "era_labels" not in positions.attrs:
        raise DataError("the positions frame has no era labels: load it with comparison.load_positions")
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
    from :func:`perucorpus.facts.record.notes`), or empty.
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
