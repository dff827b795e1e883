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

Every reference has a ``tier`` (:data:`TIERS`), the tier of its publisher in
``data/publisher_tiers.csv`` (:func:`tier_problems`); :func:`cite` shows it as a short tag
(:data:`TIER_TAGS`). A fact that cites only ``aggregator_or_mirror`` references must say so in
its note with :data:`WEAK_SOURCE` (:func:`weak_facts`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from perucorpus.base.dates import PartialDate, is_written
from perucorpus.base.schemas import BASES, TIERS

#: The tag shown beside a citation, one per tier.
TIER_TAGS = {"primary": "primary", "wire_or_major": "wire/major", "other_outlet": "outlet", "aggregator_or_mirror": "aggregator"}
#: Each tier in plain words, for the reading line ("one source: an outlet not of record"), where a tag would be jargon.
TIER_WORDS = {
    "primary": "an official source",
    "wire_or_major": "a news agency or paper of record",
    "other_outlet": "an outlet not of record",
    "aggregator_or_mirror": "a site that compiles or copies others' work",
}
#: What a fact's note must say when it rests on aggregators or mirrors alone (followed by why).
WEAK_SOURCE = "Weak source:"
#: The note of a fact in each file that cites references (where :data:`WEAK_SOURCE` goes).
FACT_NOTES = {"memberships.csv": "note", "peru_heads_of_state.csv": "note", "claims.csv": "verdict_note"}
#: A source named in passing in a note, e.g. "... not executed by his successor (monoglobal_2021_peru)".
CITED_IN_NOTE = re.compile(r"\(([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\)")
#: Files under ``data/`` that cite references: column → how it cites ("id", "ids" separated by ";", or "(ref_id)" in prose).
CITING = {
    "memberships.csv": {"source_ref": "id", "note": "in_text", "start_derivation": "in_text", "end_derivation": "in_text"},
    "peru_heads_of_state.csv": {"ref_ids": "ids", "note": "in_text", "start_derivation": "in_text", "end_derivation": "in_text"},
    "claims.csv": {"ref_ids": "ids", "later_note": "in_text"},
    "verdict_dates.csv": {"derivation": "in_text"},
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
    """``publisher, date [tier] (ref_id)`` for each reference, best tier first; ``references`` indexed by ``ref_id``."""
    ordered = sorted(set(ref_ids), key=lambda ref: (TIERS.index(references.at[ref, "tier"]), ref))
    return "; ".join(
        f"{references.at[ref, 'publisher']}, {references.at[ref, 'date']} [{TIER_TAGS[references.at[ref, 'tier']]}] ({ref})"
        for ref in ordered
    )


def tier_problems(references, publishers) -> list[str]:
    """Each reference whose publisher is not in ``publishers`` (``publisher_tiers.csv``, indexed by
    ``publisher``) or whose ``tier`` differs from its publisher's; ``references`` indexed by ``ref_id``.
    """
    problems = []
    for line, (ref, row) in enumerate(references.iterrows(), start=2):
        where = f"references.csv:{line}: {ref}"
        if row["publisher"] not in publishers.index:
            problems.append(f"{where}: publisher {row['publisher']!r} is not in publisher_tiers.csv")
        elif publishers.at[row["publisher"], "tier"] != row["tier"]:
            tier = publishers.at[row["publisher"], "tier"]
            problems.append(f"{where}: tier {row['tier']!r}, but publisher_tiers.csv gives {row['publisher']!r} {tier!r}")
    return problems


def weak_facts(tables: Mapping[str, pd.DataFrame], references) -> list[str]:
    """Each fact (a row of a file in :data:`FACT_NOTES`) whose references are all
    ``aggregator_or_mirror`` and whose note does not say :data:`WEAK_SOURCE`, as ``file:line``;
    ``tables`` holds the citing files as read (file name → frame, e.g. :attr:`Collection.citing
    <perucorpus.facts.collection.Collection.citing>`).
    """
    weak = []
    for name, line, row in _citing_rows(tables, FACT_NOTES):
        refs = {ref for ref in _row_refs(row, CITING[name]) if ref in references.index}
        if refs and set(references.loc[sorted(refs), "tier"]) == {"aggregator_or_mirror"}:
            if WEAK_SOURCE not in (row.get(FACT_NOTES[name]) or ""):
                weak.append(f"{name}:{line}: cites only {', '.join(sorted(refs))}")
    return weak


def _citing_rows(tables: Mapping[str, pd.DataFrame], names):
    """(file name, line, row) for every row of the files ``names`` in ``tables`` (as
    :func:`perucorpus.base.tables.read_table` reads them, with their lines); a file not in ``tables`` is skipped.
    """
    for name in names:
        if name not in tables:
            continue
        frame = tables[name]
        yield from ((name, line, row) for row, line in zip(frame.to_dict("records"), frame.attrs["lines"]))


def _row_refs(row: dict, columns: dict[str, str]) -> list[str]:
    """The ids one row cites in ``columns`` (column → "id", "ids" or "in_text", as in :data:`CITING`)."""
    found = []
    for column, how in columns.items():
        value = row.get(column) or ""
        found += {"id": [value], "ids": value.split(";"), "in_text": CITED_IN_NOTE.findall(value)}[how]
    return [ref for ref in found if ref]


def ref_links(frame: pd.DataFrame, key: str, column: str = "ref_ids") -> pd.DataFrame:
    """One row per (``key``, reference) of a table whose ``column`` lists ``;``-separated ref ids, in the
    table's order: the link tables ``derived/claim_refs.csv`` and ``derived/president_refs.csv``, whose
    ``ref_id`` the data package checks against ``references.csv`` one by one.
    """
    pairs = [
        (owner, ref) for owner, refs in zip(frame[key], frame[column]) for ref in dict.fromkeys(filter(None, refs.split(";")))
    ]
    return pd.DataFrame(pairs, columns=[key, "ref_id"], dtype=object)


def cited_refs(tables: Mapping[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Each id cited by a file of :data:`CITING` in ``tables`` (file name → frame as read; a file not there is
    skipped) → where (``file:line``).
    """
    cited = {}
    for name, line, row in _citing_rows(tables, CITING):
        for ref in _row_refs(row, CITING[name]):
            cited.setdefault(ref, []).append(f"{name}:{line}")
    return cited


def references_cited_in(cited: Mapping[str, list[str]], references: pd.DataFrame, files: tuple[str, ...]) -> pd.DataFrame:
    """The references (rows of ``references``, indexed by ``ref_id``, sorted by id) that the citing files named
    in ``files`` (e.g. ``("memberships.csv",)``) cite, as a row's source or in passing in a note or derivation;
    ``cited`` is :func:`cited_refs`.
    """
    shown = sorted(
        ref for ref, places in cited.items() if ref in references.index and any(place.startswith(files) for place in places)
    )
    return references.loc[shown]
