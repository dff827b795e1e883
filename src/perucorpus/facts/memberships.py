"""Alliance membership spells: who belonged to which grouping, when, on whose word.

``data/memberships.csv`` has one row per country × grouping × status spell. A row comes
either from an article (``source_article`` is the article id, with the verbatim supporting
quote and its offsets in the raw text) or from a public reference (``source_ref`` is a
``ref_id`` in ``data/references.csv``); the loaded frame adds ``source_kind`` (``article`` or
``external``) from which of the two is filled. :func:`migrate` brings a file written with the
former single ``source`` column (and ``source_kind``) to these columns. Country codes and names are filled from libraries, never typed:
``perucorpus fill memberships.csv`` recomputes ``cow_code``
(Correlates of War, via countrycode), ``country_en``/``country_ar`` (CLDR, via babel) and
the quote offsets; :func:`load_memberships` checks that all of them still agree, and that every Lima
Group exit row is coded by the exit rule (:data:`perucorpus.base.schemas.EXIT_KINDS`) from its answers in
``data/lima_group_exits.csv``.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.atomic import write_atomic
from perucorpus.base.countries import country_label, known_codes, library_fields
from perucorpus.base.tables import DataError, read_table, read_utf8
from perucorpus.base.vocabulary import STATUS_WORDS
from perucorpus.facts.quotes import QuoteError, citation, fill_rows, locate, locate_in_article
from perucorpus.facts.sourcing import CITED_IN_NOTE, basis_problems, dated_row
from perucorpus.text.corpus import load_corpus

#: The exit statuses of the rule, and those by which a state counts as having left (``withdrew``).
EXIT_STATUSES = tuple(schemas.EXIT_KINDS)
LEFT = tuple(status for status, kind in schemas.EXIT_KINDS.items() if kind["left"])
#: How each exit status is said in a sentence about a country ("Mexico stopped taking part in the Lima Group …").
EXIT_WORDS = {status: kind["sentence"] for status, kind in schemas.EXIT_KINDS.items()}


def exit_kind(declared: str, in_effect: str, set_aside: str) -> str:
    """The status the exit rule gives to a row's answers (``yes``/``no``; ``in_effect`` is "" when not declared).

    Raises ``ValueError`` for answers that no kind of :data:`perucorpus.base.schemas.EXIT_KINDS` has.
    """
    for status, kind in schemas.EXIT_KINDS.items():
        if (kind["declared"], kind["in_effect"], kind["set_aside"]) == (declared, in_effect, set_aside):
            return status
    raise ValueError(
        f"no kind of exit has declared={declared!r}, in_effect={in_effect!r}, set_aside={set_aside!r} "
        "(add one to schemas.EXIT_KINDS and the codebook)"
    )


def exit_rule() -> pd.DataFrame:
    """The exit rule as a table: one row per kind (its status, legend words, answers, whether it counts as left, definition)."""
    return pd.DataFrame(
        [
            {
                "status": status,
                "kind": " ".join(STATUS_WORDS[status].split()),
                **{question: kind[question] or "(does not arise)" for question in schemas.EXIT_QUESTIONS},
                "counts as left": "yes" if kind["left"] else "no",
                "definition": kind["definition"],
            }
            for status, kind in schemas.EXIT_KINDS.items()
        ]
    )


def exit_problems(frame: pd.DataFrame, answers: pd.DataFrame) -> list[str]:
    """Where the Lima Group exit rows of ``frame`` (``memberships.csv``, read) and their ``answers``
    (``lima_group_exits.csv``, read) disagree with the rule; one line each, naming file and line.

    Every external Lima Group row with an exit status needs exactly one answers row (same iso3, start and
    source) whose answers give that status, and whose ``evidence`` is words of the row's ``source_states``;
    an exit announced and later set aside ends on the day it was set aside.
    """
    problems = []
    exits = frame[(frame["grouping"] == "lima_group") & (frame["source_ref"] != "")]
    lines = dict(zip(frame.index, frame.attrs.get("lines", [])))
    keyed = {}
    for row, line in zip(answers.to_dict("records"), answers.attrs.get("lines", [])):
        where = f"{answers.attrs.get('source', 'lima_group_exits.csv')}:{line}: {row['iso3']}"
        key = (row["iso3"], row["start"], row["source"])
        if key in keyed:
            problems.append(f"{where}: a second row for {row['iso3']} {row['start']} ({row['source']})")
        keyed[key] = (row, where)
        match = exits[(exits["iso3"] == row["iso3"]) & (exits["start"] == row["start"]) & (exits["source_ref"] == row["source"])]
        if match.empty:
            problems.append(
                f"{where}: no external lima_group row of memberships.csv has iso3 {row['iso3']}, start {row['start']} "
                f"and source {row['source']}"
            )
            continue
        try:
            expected = exit_kind(row["declared"], row["in_effect"], row["set_aside"])
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        status, states = match["status"].iloc[0], match["source_states"].iloc[0]
        if status != expected:
            problems.append(
                f"{where}: its answers give {expected!r} by the exit rule, but memberships.csv codes the row {status!r}"
            )
        if row["evidence"] not in states:
            problems.append(f"{where}: evidence {row['evidence']!r} is not in the row's source_states")
    for index, row in exits[exits["status"].isin(EXIT_STATUSES)].iterrows():
        if (row["iso3"], row["start"], row["source_ref"]) not in keyed:
            problems.append(
                f"{frame.attrs.get('source', 'memberships.csv')}:{lines.get(index, '?')}: {row['iso3']}/lima_group: "
                f"exit status {row['status']!r} has no answers in lima_group_exits.csv (the exit rule codes every exit row)"
            )
    problems += _set_aside_problems(exits, frame.attrs.get("source", "memberships.csv"), lines)
    return problems


def _set_aside_problems(exits: pd.DataFrame, source: str, lines: dict) -> list[str]:
    """An announced exit that a later row sets aside ends on that row's start (so it shows as dropped)."""
    problems = []
    for index, dropped in exits[exits["status"] == "exit_dropped"].iterrows():
        announced = exits[(exits["iso3"] == dropped["iso3"]) & (exits["status"] == "announced_withdrawal")]
        earlier = announced[announced["start"].map(str) <= str(dropped["start"])]
        if earlier.empty:
            problems.append(
                f"{source}:{lines.get(index, '?')}: {dropped['iso3']}/lima_group: exit_dropped with no earlier announced_withdrawal"
            )
        elif (earlier["end"] != dropped["start"]).all():
            problems.append(
                f"{source}:{lines.get(index, '?')}: {dropped['iso3']}/lima_group: the announced exit it sets aside "
                f"should end on {dropped['start']}"
            )
    return problems


def load_memberships(data_dir: Path | str) -> pd.DataFrame:
    """Read and check ``memberships.csv``: schema, sources, quotes, library fields, dates and their bases.

    ``start`` and ``end`` come back as :class:`perucorpus.base.dates.PartialDate` (None when
    empty), with ``start_date``/``end_date`` the first and last day they can mean, and
    ``source_kind`` says whether the row comes from an article or a reference.
    """
    data_dir = Path(data_dir)
    return check_memberships(
        read_table(data_dir / "memberships.csv", schemas.MEMBERSHIPS),
        read_table(data_dir / "references.csv", schemas.REFERENCES),
        {key: article.raw for key, article in load_corpus(data_dir).items()},
        read_table(data_dir / "lima_group_exits.csv", schemas.LIMA_GROUP_EXITS),
    )


def check_memberships(frame: pd.DataFrame, references: pd.DataFrame, texts: dict[str, str], exits: pd.DataFrame) -> pd.DataFrame:
    """``memberships.csv`` as read, checked as :func:`load_memberships` checks it against ``references.csv`` and
    ``lima_group_exits.csv`` as read and the articles' raw ``texts``.
    """
    references = set(references["ref_id"])
    known = known_codes()
    expected = library_fields([code for code in frame["iso3"] if code in known])
    problems = []
    for row, line in zip(frame.to_dict("records"), frame.attrs["lines"]):
        where = f"{frame.attrs['source']}:{line}: {row['iso3']}/{row['grouping']}"
        if row["iso3"] not in known:
            problems.append(f"{where}: iso3 {row['iso3']!r} is not an ISO 3166-1 alpha-3 code that CLDR names")
            continue
        problems += [f"{where}: {problem}" for problem in _row_problems(row, texts, references, expected[row["iso3"]])]
    if not problems:
        problems = exit_problems(frame, exits)
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    frame = frame.copy()
    frame["source_kind"] = ["article" if article else "external" for article in frame["source_article"]]
    for column in ("start", "end"):
        frame[column] = frame[column].map(dates.parse).astype(object)
    frame["start_date"] = [when.first if when else None for when in frame["start"]]
    frame["end_date"] = [when.last if when else None for when in frame["end"]]
    frame["citation"] = [
        citation(texts[row.source_article], row.source_article, int(row.quote_start), int(row.quote_end))
        if row.source_article
        else ""
        for row in frame.itertuples()
    ]
    return frame


def _row_problems(row: dict, texts: dict[str, str], references: set[str], expected: dict[str, str]) -> list[str]:
    problems = []
    if row["source_article"]:
        if row["source_article"] not in texts:
            return [f"unknown article {row['source_article']!r}"]
        try:
            span = locate(texts[row["source_article"]], row["quote_ar"])
        except QuoteError as error:
            return [str(error)]
        if (row["quote_start"], row["quote_end"]) != (str(span[0]), str(span[1])):
            problems.append(f"quote_start/quote_end should be {span[0]}/{span[1]}")
    elif row["source_ref"] not in references:
        problems.append(f"ref_id {row['source_ref']!r} is not in references.csv")
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
    if row["source_ref"]:
        problems += [f"{problem} (ref_id {row['source_ref']})" for problem in basis_problems(row, {"start": start, "end": end})]
    return problems


def status_on(frame: pd.DataFrame, grouping: str, when: date, source_kind: str | None = None) -> pd.Series:
    """Each country's status in ``grouping`` on ``when``: the latest spell started by then and not ended
    before that day (``end`` is the last day a spell holds).
    """
    rows = frame[(frame["grouping"] == grouping) & frame["start_date"].notna()]
    if source_kind:
        rows = rows[rows["source_kind"] == source_kind]
    current = rows[(rows["start_date"] <= when) & (rows["end_date"].isna() | (rows["end_date"] >= when))]
    return current.sort_values("start_date", kind="stable").groupby("iso3")["status"].last()


def snapshot(frame: pd.DataFrame, columns: dict[str, tuple[str, date, str | None]]) -> pd.DataFrame:
    """Country × column table of statuses; ``columns`` maps a label to (grouping, date, source_kind)."""
    return pd.DataFrame({label: status_on(frame, grouping, when, kind) for label, (grouping, when, kind) in columns.items()})


#: How notebook 03's timeline words each step by Peru, or by the United States concerning Peru, in the groupings.
PERU_STEP_TEXT = {
    ("lima_group", "founding_member"): "signs the Lima Declaration",
    ("lima_group", "announced_withdrawal"): "announces exit from the Lima Group",
    ("lima_group", "exit_dropped"): "reported: Béjar's successor has dropped the exit",
    ("mnna", "notified"): "US notifies Congress: intent to designate Major Non-NATO Ally",
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
    reported = rows[rows["source_kind"] == "article"].groupby(["grouping", "status"])["source_article"].first()
    found = (
        rows[rows["source_kind"] == "external"]
        .sort_values("start_date", kind="stable")
        .drop_duplicates(["grouping", "status"], keep="first")
    )
    missing = sorted(set(zip(found["grouping"], found["status"])) - set(texts))
    if missing:
        raise DataError(
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
    """How the countries an article says left ``grouping`` left it, or did not, by the exit rule.

    One row per external row with an exit status (:data:`EXIT_STATUSES`), oldest first, for each country
    an article says left (status in :data:`LEFT`, or an announced exit), with ``exit`` (its sentence,
    :data:`EXIT_WORDS`), ``left`` (whether the rule counts the state as having left) and ``date`` (shown
    with its derivation when derived, :func:`perucorpus.facts.sourcing.dated_row`).
    """
    rows = frame[frame["grouping"] == grouping]
    said_to_leave = set(rows.loc[rows["status"].isin(EXIT_STATUSES) & (rows["source_kind"] == "article"), "iso3"])
    found = rows[rows["status"].isin(EXIT_STATUSES) & (rows["source_kind"] == "external") & rows["iso3"].isin(said_to_leave)]
    found = found.sort_values("start_date", kind="stable")
    return found.assign(
        exit=[EXIT_WORDS[status] for status in found["status"]],
        left=[status in LEFT for status in found["status"]],
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
        raise DataError(f"data/memberships.csv: no external row for Peru, {grouping} {status}")
    return step.sort_values("start_date", kind="stable").iloc[0]


def peru_step(rows: pd.DataFrame, grouping: str, status: str) -> date:
    """The date the references give for Peru's step (e.g. ``"accc", "signatory"``)."""
    return peru_step_row(rows, grouping, status)["start_date"]


def fill(path: Path | str, texts: dict[str, str]) -> int:
    """Recompute the library columns and quote offsets of a memberships file, in place (``texts``: each article's raw
    text, by id).
    """
    fields: dict[str, dict[str, str]] = {}

    def fill_row(row, texts, where):
        if row["iso3"] not in known_codes():
            raise DataError(f"{where}: no CLDR name for {row['iso3']!r}")
        if not fields:  # one library call for every code, not one per row (0.3 s each)
            fields.update(library_fields(sorted(known_codes())))
        row.update(fields[row["iso3"]])
        if row["source_article"]:
            row["quote_start"], row["quote_end"] = locate_in_article(texts, row["source_article"], row["quote_ar"], where)

    return fill_rows(path, fill_row, texts)


def migrate(path: Path | str) -> int:
    """Bring a memberships file to the current columns, in place; re-runnable (a current file is left as it is).

    A former ``source`` column becomes ``source_article`` (rows whose ``source_kind`` is
    ``article``) or ``source_ref`` (the others), and ``source_kind`` is dropped (the loader
    derives it); a missing or empty ``end_status`` of a row without ``end`` becomes
    ``not_recorded`` (a spell the sources give no end for). Columns follow
    :data:`perucorpus.base.schemas.MEMBERSHIPS`; a column it does not know is kept, at the end.
    Returns the number of rows.
    """
    path = Path(path)
    rows = list(csv.DictReader(io.StringIO(read_utf8(path), newline="")))
    header = next(csv.reader(io.StringIO(read_utf8(path), newline="")))
    for row in rows:
        if "source" in row:
            source, kind = row.pop("source"), row.pop("source_kind", "")
            if kind not in ("article", "external"):
                raise DataError(
                    f"{path.as_posix()}: source_kind {kind!r} is neither 'article' nor 'external' for source {source!r}"
                )
            row["source_article"], row["source_ref"] = (source, "") if kind == "article" else ("", source)
        if not row.get("end_status"):
            row["end_status"] = "" if row.get("end") else "not_recorded"
    known = list(schemas.MEMBERSHIPS.columns)
    fields = known + [name for name in header if name not in known and name not in ("source", "source_kind")]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(path, out.getvalue())
    return len(rows)


def exit_answers(rows: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """Each Lima Group exit row's answers to the exit rule's questions (``lima_group_exits.csv``) beside the status
    its external row of ``memberships.csv`` records: ``country`` (English), ``start``, ``source``, the answers
    (``declared``, ``in_effect``, ``set_aside``), ``status``, ``evidence`` and ``note``.
    """
    coded = rows[(rows["grouping"] == "lima_group") & (rows["source_kind"] == "external")]
    coded = coded.assign(start=coded["start"].map(str), source=coded["source_ref"])[["iso3", "start", "source", "status"]]
    found = answers.assign(country=[country_label(iso3)[0] for iso3 in answers["iso3"]])
    found = found.merge(coded, on=["iso3", "start", "source"])
    return found[["country", "start", "source", "declared", "in_effect", "set_aside", "status", "evidence", "note"]]
