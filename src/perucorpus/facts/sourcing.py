"""What a reference states, and how each external date rests on it.

An external fact (a membership spell in ``memberships.csv``, a term in
``peru_heads_of_state.csv``) records in ``source_states`` what its reference states about
it, in this collection's words, with each date written as the source writes it. Each of
its dates has a basis (``start_basis``, ``end_basis``):

- ``stated``: the source gives that date. :func:`basis_problems` checks that
  ``source_states`` writes it out (day, month and year for a day; month and year for a
  month; the year for a year; see :func:`perucorpus.base.dates.written_dates`).
- ``derived``: worked out (from a weekday and a publication date, from another event such
  as an inauguration, from a register's publication date); ``start_derivation`` or
  ``end_derivation`` says how, and every table or label shows the date with it
  (:func:`dated`, :func:`dated_row`).

:data:`CITING` lists the files and columns that cite references, once, for
:func:`cited_refs` (a reference nothing cites is dropped).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from perucorpus.base.dates import PartialDate, is_written
from perucorpus.base.schemas import BASES

#: A source named in passing in a note, e.g. "... not executed by his successor (monoglobal_2021_peru)".
CITED_IN_NOTE = re.compile(r"\(([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\)")
#: Files under ``data/`` that cite references: column → how it cites ("id", "ids" separated by ";", or "(ref_id)" in prose).
CITING = {
    "memberships.csv": {"source_ref": "id", "note": "in_text", "start_derivation": "in_text", "end_derivation": "in_text"},
    "peru_heads_of_state.csv": {"ref_ids": "ids", "note": "in_text", "start_derivation": "in_text", "end_derivation": "in_text"},
    "claims.csv": {"ref_ids": "ids", "note": "in_text"},
}


def basis_problems(row: dict, dates: dict[str, PartialDate | None]) -> list[str]:
    """Problems with the bases of one external row: ``dates`` maps ``start``/``end`` to the parsed dates.

    A date needs a basis and a basis needs a date; a ``stated`` date must be written out in
    ``source_states``; a ``derived`` one needs its ``<column>_derivation``, and only it has one.
    """
    problems = []
    for column, when in dates.items():
        basis = row[f"{column}_basis"]
        if when is None:
            if basis:
                problems.append(f"{column}_basis is {basis!r} but {column} is empty")
            continue
        if basis not in BASES:
            problems.append(f"{column} {when} needs {column}_basis 'stated' or 'derived', not {basis!r}")
        elif basis == "stated" and not is_written(when, row["source_states"]):
            problems.append(
                f"{column} {when} is 'stated' but source_states does not write it out ({_needs(when)}): {row['source_states']!r}"
            )
        elif basis == "derived" and not row[f"{column}_derivation"]:
            problems.append(f"{column} {when} is 'derived' but {column}_derivation is empty")
        if basis != "derived" and row[f"{column}_derivation"]:
            problems.append(f"{column}_derivation is filled but {column} is not 'derived'")
    return problems


def _needs(when: PartialDate) -> str:
    return {"day": "day, month and year", "month": "month and year", "year": "the year"}[when.precision]


def dated(when, basis: str = "stated", derivation: str = "") -> str:
    """A date for display: as is when stated, with its derivation when derived (never a bare derived date)."""
    if when is None or when == "":
        return "(no date)"
    return f"{when} (derived: {derivation})" if basis == "derived" else str(when)


def dated_row(row, column: str = "start") -> str:
    """:func:`dated` for ``row[column]`` with that row's ``<column>_basis`` and ``<column>_derivation`` (a dict or Series)."""
    return dated(row.get(column), row.get(f"{column}_basis") or "stated", row.get(f"{column}_derivation") or "")


def cite(ref_ids, references) -> str:
    """``publisher, date (ref_id)`` for each reference, ``references`` indexed by ``ref_id``."""
    return "; ".join(f"{references.at[ref, 'publisher']}, {references.at[ref, 'date']} ({ref})" for ref in sorted(set(ref_ids)))


def ref_links(frame: pd.DataFrame, key: str, column: str = "ref_ids") -> pd.DataFrame:
    """One row per (``key``, reference) of a table whose ``column`` lists ``;``-separated ref ids, in the
    table's order: the link tables ``derived/claim_refs.csv`` and ``derived/president_refs.csv``, whose
    ``ref_id`` the data package checks against ``references.csv`` one by one.
    """
    pairs = [
        (owner, ref) for owner, refs in zip(frame[key], frame[column]) for ref in dict.fromkeys(filter(None, refs.split(";")))
    ]
    return pd.DataFrame(pairs, columns=[key, "ref_id"], dtype=object)


def cited_refs(data_dir: Path | str) -> dict[str, list[str]]:
    """Each id cited by a file of :data:`CITING` (missing files are skipped) → where (``file:line``)."""
    data_dir, cited = Path(data_dir), {}
    for name, columns in CITING.items():
        path = data_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                for column, how in columns.items():
                    value = row.get(column) or ""
                    ids = {"id": [value], "ids": value.split(";"), "in_text": CITED_IN_NOTE.findall(value)}[how]
                    for ref in filter(None, ids):
                        cited.setdefault(ref, []).append(f"{name}:{reader.line_num}")
    return cited
