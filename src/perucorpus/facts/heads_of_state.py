"""Peru's heads of state (``data/peru_heads_of_state.csv``): terms of office with their sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts.sourcing import basis_problems, cite, dated_row


def load_presidents(data_dir: Path | str) -> pd.DataFrame:
    """Read and check the presidents' terms, returned with ``start``/``end`` as dates (``end`` None while in office).

    Every ``ref_id`` must be in ``references.csv``, no term may end before it starts, and
    each date's basis must hold (:func:`perucorpus.facts.sourcing.basis_problems`: a ``stated``
    date is written out in ``source_states``, a ``derived`` one has its ``derivation``).
    """
    data_dir = Path(data_dir)
    return check_presidents(
        read_table(data_dir / "peru_heads_of_state.csv", schemas.HEADS_OF_STATE),
        read_table(data_dir / "references.csv", schemas.REFERENCES),
    )


def check_presidents(presidents: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """``peru_heads_of_state.csv`` as read, checked against ``references.csv`` as read, as :func:`load_presidents` does."""
    references = set(references["ref_id"])
    problems = []
    for row, line in zip(presidents.to_dict("records"), presidents.attrs["lines"]):
        where = f"{presidents.attrs['source']}:{line}: {row['name']}"
        problems += [
            f"{where}: ref_id {ref!r} is not in references.csv" for ref in row["ref_ids"].split(";") if ref not in references
        ]
        start, end = dates.parse(row["start"]), dates.parse(row["end"])
        if end and end < start:
            problems.append(f"{where}: end {row['end']} is before start {row['start']}")
        problems += [
            f"{where}: {problem} (ref_ids {row['ref_ids']})" for problem in basis_problems(row, {"start": start, "end": end})
        ]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    presidents = presidents.copy()
    for column in ("start", "end"):
        presidents[column] = [when.first if when else None for when in map(dates.parse, presidents[column])]
    return presidents


def terms_table(presidents: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """The presidents' terms for display: ``president``, ``from``, ``to`` (a derived date with its
    derivation, :func:`perucorpus.facts.sourcing.dated_row`; "in office, end not recorded" while running)
    and ``references`` (``publisher, date (ref_id)``, ``references`` indexed by ``ref_id``).
    """
    return pd.DataFrame(
        {
            "president": presidents["name"],
            "from": [dated_row(row, "start") for row in presidents.to_dict("records")],
            "to": [
                dated_row(row, "end") if row["end"] else "in office, end not recorded" for row in presidents.to_dict("records")
            ],
            "references": [cite(row.split(";"), references) for row in presidents["ref_ids"]],
        }
    ).reset_index(drop=True)


def in_office(presidents: pd.DataFrame, when: date) -> pd.Series:
    """The row of ``peru_heads_of_state.csv`` for the president in office on ``when``."""
    current = presidents[(presidents["start"] <= when) & (presidents["end"].isna() | (presidents["end"] >= when))]
    if current.empty:
        raise DataError(f"data/peru_heads_of_state.csv: no president of Peru recorded for {when}")
    return current.sort_values("start").iloc[-1]  # on a day of handover, the one who took office that day
