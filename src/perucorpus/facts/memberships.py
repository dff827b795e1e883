"""Alliance membership spells: who belonged to which grouping, when, on whose word.

``data/memberships.csv`` has one row per country × grouping × status spell. A row comes
either from an article (``source`` is the article id, with the verbatim supporting quote
and its offsets in the raw text) or from a public reference (``source`` is a ``ref_id`` in
``data/references.csv``). Country codes and names are filled from libraries, never typed:
``python -m perucorpus.facts.memberships data/memberships.csv`` recomputes ``cow_code``
(Correlates of War, via countrycode), ``country_en``/``country_ar`` (CLDR, via babel) and
the quote offsets; :func:`load_memberships` checks that all of them still agree.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.countries import known_codes, library_fields
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts.quotes import QuoteError, citation, fill_rows, locate, locate_in_article
from perucorpus.facts.sourcing import CITED_IN_NOTE, basis_problems, dated_row
from perucorpus.text.corpus import load_corpus

EX_MEMBER = {"withdrew", "withdrew_de_facto", "announced_withdrawal"}
#: How each exit status is said in a sentence about the Lima Group.
EXIT_WORDS = {
    "withdrew": "left the Lima Group formally",
    "withdrew_de_facto": "left the Lima Group de facto",
    "announced_withdrawal": "announced an exit from the Lima Group (never formalised)",
}


def load_memberships(data_dir: Path | str) -> pd.DataFrame:
    """Read and check ``memberships.csv``: schema, sources, quotes, library fields, dates and their bases.

    ``start`` and ``end`` come back as :class:`perucorpus.base.dates.PartialDate` (None when
    empty), with ``start_date``/``end_date`` the first and last day they can mean.
    """
    data_dir = Path(data_dir)
    frame = read_table(data_dir / "memberships.csv", schemas.MEMBERSHIPS)
    references = set(read_table(data_dir / "references.csv", schemas.REFERENCES)["ref_id"])
    texts = {key: article.raw for key, article in load_corpus(data_dir).items()}
    known = known_codes()
    expected = library_fields([code for code in frame["iso3"] if code in known])
    problems = []
    for row, line in zip(frame.to_dict("records"), frame.attrs["lines"]):
        where = f"{frame.attrs['source']}:{line}: {row['iso3']}/{row['grouping']}"
        if row["iso3"] not in known:
            problems.append(f"{where}: iso3 {row['iso3']!r} is not an ISO 3166-1 alpha-3 code that CLDR names")
            continue
        problems += [f"{where}: {problem}" for problem in _row_problems(row, texts, references, expected[row["iso3"]])]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    frame = frame.copy()
    for column in ("start", "end"):
        frame[column] = frame[column].map(dates.parse).astype(object)
    frame["start_date"] = [when.first if when else None for when in frame["start"]]
    frame["end_date"] = [when.last if when else None for when in frame["end"]]
    frame["citation"] = [
        citation(texts[row.source], row.source, int(row.quote_start), int(row.quote_end)) if row.source_kind == "article" else ""
        for row in frame.itertuples()
    ]
    return frame


def _row_problems(row: dict, texts: dict[str, str], references: set[str], expected: dict[str, str]) -> list[str]:
    problems = []
    if row["source_kind"] == "article":
        if row["source"] not in texts:
            return [f"unknown article {row['source']!r}"]
        try:
            span = locate(texts[row["source"]], row["quote_ar"])
        except QuoteError as error:
            return [str(error)]
        if (row["quote_start"], row["quote_end"]) != (str(span[0]), str(span[1])):
            problems.append(f"quote_start/quote_end should be {span[0]}/{span[1]}")
    elif row["source"] not in references:
        problems.append(f"ref_id {row['source']!r} is not in references.csv")
    for column in ("note", "start_derivation", "end_derivation"):
        for cited in CITED_IN_NOTE.findall(row[column]):
            if cited not in references and cited not in texts:
                problems.append(f"{column} cites ({cited}), which is neither a ref_id in references.csv nor an article id")
    for column, value in expected.items():
        if row[column] != value:
            problems.append(f"{column} is {row[column]!r}, the library says {value!r}")
    start, end = dates.parse(row["start"]), dates.parse(row["end"])
    if start and end and start.first > end.last:
        problems.append(f"start {row['start']} is after end {row['end']}")
    if row["source_kind"] == "external":
        problems += [f"{problem} (ref_id {row['source']})" for problem in basis_problems(row, {"start": start, "end": end})]
    return problems


def status_on(frame: pd.DataFrame, grouping: str, when: date, source_kind: str | None = None) -> pd.Series:
    """Each country's status in ``grouping`` on ``when``: the latest spell started by then and not ended."""
    rows = frame[(frame["grouping"] == grouping) & frame["start_date"].notna()]
    if source_kind:
        rows = rows[rows["source_kind"] == source_kind]
    current = rows[(rows["start_date"] <= when) & (rows["end_date"].isna() | (rows["end_date"] >= when))]
    return current.sort_values("start_date", kind="stable").groupby("iso3")["status"].last()


def snapshot(frame: pd.DataFrame, columns: dict[str, tuple[str, date, str | None]]) -> pd.DataFrame:
    """Country × column table of statuses; ``columns`` maps a label to (grouping, date, source_kind)."""
    return pd.DataFrame({label: status_on(frame, grouping, when, kind) for label, (grouping, when, kind) in columns.items()})


#: How notebook 03's timeline words each of Peru's steps between the groupings.
PERU_STEP_TEXT = {
    ("lima_group", "founding_member"): "signs the Lima Declaration",
    ("lima_group", "announced_withdrawal"): "announces exit from the Lima Group",
    ("mnna", "notified"): "US notifies Congress: MNNA intent",
    ("mnna", "designated"): "designated Major Non-NATO Ally",
    ("accc", "signatory"): "signs the counter-cartel declaration",
}


def steps(frame: pd.DataFrame, iso3: str, texts: dict[tuple[str, str], str]) -> pd.DataFrame:
    """A country's steps in the groupings named in ``texts``, dated by the references, oldest first.

    One row per (grouping, status): its earliest external row, with ``event`` (from ``texts``),
    ``article``, the article that reports the same step ("" if none), and ``date``, the start
    shown with its derivation when derived. A step with no
    wording in ``texts`` stops with its grouping and status named.
    """
    groupings = {grouping for grouping, _ in texts}
    rows = frame[(frame["iso3"] == iso3) & frame["grouping"].isin(groupings)]
    reported = rows[rows["source_kind"] == "article"].groupby(["grouping", "status"])["source"].first()
    found = (
        rows[rows["source_kind"] == "external"]
        .sort_values("start_date", kind="stable")
        .drop_duplicates(["grouping", "status"], keep="first")
    )
    missing = sorted(set(zip(found["grouping"], found["status"])) - set(texts))
    if missing:
        raise ValueError(
            f"{frame.attrs.get('source', 'memberships.csv')}: no wording for {iso3}'s step(s) {missing}; "
            "add them to the step texts"
        )
    keys = list(zip(found["grouping"], found["status"]))
    return found.assign(
        event=[texts[key] for key in keys],
        article=[reported.get(key, "") for key in keys],
        date=[dated_row(row) for row in found.to_dict("records")],
    )


def exits(frame: pd.DataFrame, grouping: str = "lima_group") -> pd.DataFrame:
    """The exits (statuses in :data:`EX_MEMBER`) that the references record for the countries an article says left ``grouping``.

    One row per external exit row, oldest first, with ``exit`` (its legend wording) and
    ``date`` (shown with its derivation when derived, :func:`perucorpus.facts.sourcing.dated_row`).
    """
    rows = frame[frame["grouping"] == grouping]
    leaving = rows["status"].isin(EX_MEMBER)
    said_to_leave = set(rows.loc[leaving & (rows["source_kind"] == "article"), "iso3"])
    found = rows[leaving & (rows["source_kind"] == "external") & rows["iso3"].isin(said_to_leave)]
    found = found.sort_values("start_date", kind="stable")
    return found.assign(
        exit=[schemas.STATUS_WORDS[status] for status in found["status"]],
        date=[dated_row(row) for row in found.to_dict("records")],
    )


def external_rows(rows: pd.DataFrame, iso3: str, grouping: str, status: str | None = None) -> pd.DataFrame:
    """The rows the references give for ``iso3`` in ``grouping`` (only ``status``, if given)."""
    chosen = rows[(rows["source_kind"] == "external") & (rows["iso3"] == iso3) & (rows["grouping"] == grouping)]
    return chosen if status is None else chosen[chosen["status"] == status]


def peru_step_row(rows: pd.DataFrame, grouping: str, status: str) -> pd.Series:
    """The earliest external row for Peru's step (e.g. ``"accc", "signatory"``), with its date's basis."""
    step = external_rows(rows, "PER", grouping, status)
    if step.empty:
        raise ValueError(f"data/memberships.csv: no external row for Peru, {grouping} {status}")
    return step.sort_values("start_date", kind="stable").iloc[0]


def peru_step(rows: pd.DataFrame, grouping: str, status: str) -> date:
    """The date the references give for Peru's step (e.g. ``"accc", "signatory"``)."""
    return peru_step_row(rows, grouping, status)["start_date"]


def fill(path: Path | str, data_dir: Path | str | None = None) -> int:
    """Recompute the library columns and quote offsets of a memberships file, in place."""
    fields: dict[str, dict[str, str]] = {}

    def fill_row(row, texts, where):
        if row["iso3"] not in known_codes():
            raise DataError(f"{where}: no CLDR name for {row['iso3']!r}")
        if not fields:  # one library call for every code, not one per row (0.3 s each)
            fields.update(library_fields(sorted(known_codes())))
        row.update(fields[row["iso3"]])
        if row["source_kind"] == "article":
            row["quote_start"], row["quote_end"] = locate_in_article(texts, row["source"], row["quote_ar"], where)

    return fill_rows(path, fill_row, data_dir)


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "data/memberships.csv"
    print(f"{fill(target)} rows filled in {target}")
