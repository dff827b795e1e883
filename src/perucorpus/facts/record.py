"""What the public record adds to an article's claim: notes computed from the external data.

A claim in ``data/positions.csv`` names a note in its ``record`` column (one of
:data:`NOTES`). The note is generated here from the external rows of
``data/memberships.csv``, ``data/peru_heads_of_state.csv`` and ``data/references.csv``,
with the dates as recorded there and the references for each, so no date in it is typed
by hand. The article's claim stays as the article gives it; the note sits beside it.

The summary table names shorter :data:`FACTS` (``position_summaries.csv``, ``record``): one
sentence each for the reading line, with its ``trace`` (the data rows, dates with their
derivations, and references it comes from) for the layer below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from perucorpus.base.countries import country_label
from perucorpus.base.dates import in_words
from perucorpus.base.schemas import RECORD_FACTS, RECORD_NOTES, TIERS
from perucorpus.base.tables import DataError
from perucorpus.facts.heads_of_state import in_office
from perucorpus.facts.memberships import EXIT_STATUSES, EXIT_WORDS, external_rows, peru_step_row
from perucorpus.facts.readable import DERIVED_WORDS, flagged, reference_date, sourced
from perucorpus.facts.sourcing import cite, dated_row

LEAD = "What the record adds:"


def _refs(president: pd.Series) -> list[str]:
    return president["ref_ids"].split(";")


def _described(president: pd.Series) -> str:
    """The first sentence of the president's note (e.g. "Interim (Perú Libre)"), as recorded."""
    return president["note"].split(". ")[0].rstrip(".")


def peru_signing_2026(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> str:
    """Whether Peru was at the Miami summit; who led Peru when it signed is named briefly and referred to the summary
    table's record fact (:func:`peru_government_2026`), which gives it with its sources, so it is not printed twice.
    """
    signing = peru_step_row(rows, "accc", "signatory")
    signed_on = signing["start_date"]
    now = in_office(presidents, signed_on)
    ended = presidents[presidents["end"].notna() & (presidents["end"] <= signed_on)]
    before = ended.sort_values("end").iloc[-1]
    summit = rows[(rows["source_kind"] == "external") & (rows["grouping"] == "miami_summit") & (rows["status"] == "attended")]
    there = "is" if "PER" in set(summit["iso3"]) else "is not"
    host = "USA" in set(summit["iso3"])
    attended = sorted(country_label(iso3)[0] for iso3 in set(summit["iso3"]) - {"USA"})
    first = summit.sort_values("start_date", kind="stable").iloc[0]
    held = in_words(first["start_date"]) + (f" ({DERIVED_WORDS})" if first["start_basis"] == "derived" else "")
    return (
        f"{LEAD} Peru signed the counter-cartel joint security declaration on "
        f"{flagged(in_words(signed_on), [signing['source_ref']], references, what='signing date')}, under "
        f"{now['name']}, {before['name']} having left office on {in_words(before['end'])} (the summary table's record "
        f"note, with its sources). Peru {there} among the {len(attended)} countries the references record at the "
        f"Miami summit of {held}{', with the United States as host' if host else ''}: {', '.join(attended)} "
        f"({readable(summit['source_ref'], references)})."
    )


def lima_exits_2021(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> str:
    """How each state that castillo2021_lima_exit says had left the Lima Group left it, or did not, by the exit rule,
    with its sources as a reader cites them (publisher, date in words; the tier beside a single source that is not
    primary, :func:`perucorpus.facts.readable.sourced`); the ids stay in ``memberships.csv``.
    """
    claimed = rows[(rows["source_kind"] == "article") & (rows["grouping"] == "lima_group") & (rows["status"] == "withdrew")]
    parts = []
    for iso3 in claimed["iso3"]:
        found = external_rows(rows, iso3, "lima_group")
        found = found[found["status"].isin(EXIT_STATUSES)]
        if found.empty:
            raise DataError(
                f"data/memberships.csv: the article says {iso3} left the Lima Group, but no external row records an exit"
            )
        how = "; ".join(dict.fromkeys(EXIT_WORDS[status] for status in found["status"]))
        parts.append(f"{country_label(iso3)[0]} {how} ({sourced(found['source_ref'], references, dated=True)})")
    return f"{LEAD} of the states the author names, " + "; ".join(parts) + "."


#: The notes a claim may name in ``positions.csv`` (column ``record``), each computed by its function.
NOTES = {"peru_signing_2026": peru_signing_2026, "lima_exits_2021": lima_exits_2021}
assert tuple(NOTES) == RECORD_NOTES, "schemas.RECORD_NOTES names the notes computed here"


def notes(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> dict[str, str]:
    """Every note of :data:`NOTES`, computed (``references`` indexed by ``ref_id``)."""
    return {name: make(rows, presidents, references) for name, make in NOTES.items()}


@dataclass(frozen=True)
class Fact:
    """A one-sentence fact from the record (``text``, for the reading line), the references it rests on as a student
    would cite them (``sources``: title, publisher, date) and, for a researcher, the data rows, dates with their
    derivations and reference ids it comes from (``trace``).
    """

    text: str
    trace: str
    sources: str = ""


def readable(ref_ids, references: pd.DataFrame) -> str:
    """The references ``ref_ids`` as a reader cites them: ``“Title”, Publisher, 5 March 2026`` (the date as the
    reference gives it, in words; "undated" where it gives none), best tier first (as :func:`perucorpus.facts.sourcing.cite` orders them), "; "
    between them. ``references`` is indexed by ``ref_id``.
    """
    ordered = sorted(set(ref_ids), key=lambda ref: (TIERS.index(references.at[ref, "tier"]), ref))
    return "; ".join(
        f"“{references.at[ref, 'title']}”, {references.at[ref, 'publisher']}, {reference_date(references.at[ref, 'date'])}"
        for ref in ordered
    )


def _row_place(frame: pd.DataFrame, row: pd.Series) -> str:
    """``memberships.csv line 26``: the file and line a loaded row was read from."""
    return f"{Path(frame.attrs['source']).name} line {frame.attrs['lines'][row.name]}"


def _dated(row: pd.Series, references: pd.DataFrame, what: str = "") -> str:
    """A step's date in words, with its source's flag where it rests on one reference that is not primary
    (:func:`perucorpus.facts.readable.flagged`): "14 January 2026 (one source: El Reportero Andino, an outlet not of
    record)"; ``what`` names what rests on it where the fact cites other sources too ("signing date").
    """
    return flagged(in_words(row["start"]), [row["source_ref"]], references, what)


def _step_trace(rows: pd.DataFrame, row: pd.Series, references: pd.DataFrame) -> str:
    return (
        f"{_row_place(rows, row)} (Peru · {row['grouping']} · {row['status']}: {dated_row(row)}; "
        f"{cite([row['source_ref']], references)})"
    )


def peru_lima_exit_2021(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> Fact:
    """Peru's 2021 exit from the Lima Group: announced, then dropped within weeks by the next foreign minister
    (the ``announced_withdrawal`` and ``exit_dropped`` rows of ``memberships.csv``, coded by the exit rule).
    """
    announced = peru_step_row(rows, "lima_group", "announced_withdrawal")
    dropped = peru_step_row(rows, "lima_group", "exit_dropped")
    return Fact(
        f"Record: Peru's exit was announced in {_dated(announced, references)} and dropped within weeks: "
        f"on {_dated(dropped, references)} the next foreign minister set it aside; no formal exit is recorded.",
        f"{_step_trace(rows, announced, references)}; the exit dropped: {_step_trace(rows, dropped, references)}",
        readable([announced["source_ref"], dropped["source_ref"]], references),
    )


def peru_mnna_2026(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> Fact:
    """When the United States designated Peru a Major Non-NATO Ally (and when it notified Congress)."""
    notified = peru_step_row(rows, "mnna", "notified")
    designated = peru_step_row(rows, "mnna", "designated")
    return Fact(
        f"Record: the United States designated Peru a Major Non-NATO Ally on {_dated(designated, references)}.",
        f"{_step_trace(rows, designated, references)}; the notice to Congress: {_step_trace(rows, notified, references)}",
        readable([designated["source_ref"], notified["source_ref"]], references),
    )


def peru_government_2026(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> Fact:
    """Who led Peru when it signed the counter-cartel declaration in March 2026, and who had just left office."""
    signing = peru_step_row(rows, "accc", "signatory")
    now = in_office(presidents, signing["start_date"])
    before = presidents[presidents["end"].notna() & (presidents["end"] <= signing["start_date"])].sort_values("end").iloc[-1]
    described = re.sub(r"\s*\((.*)\)$", r", \1", _described(now))  # "Interim (Perú Libre)" → "Interim, Perú Libre"
    return Fact(
        f"Record: Peru signed the declaration on {_dated(signing, references, 'signing date')}, under {now['name']} "
        f"({described[0].lower() + described[1:]}; president since {in_words(now['start'])}); "
        f"{before['name']} had left office on {in_words(before['end'])}.",
        f"{_step_trace(rows, signing, references)}; {_row_place(presidents, now)} ({now['name']}: from "
        f"{dated_row(now, 'start')}; {cite(_refs(now), references)}); {_row_place(presidents, before)} "
        f"({before['name']}: to {dated_row(before, 'end')}; {cite(_refs(before), references)})",
        readable([signing["source_ref"], *_refs(now), *_refs(before)], references),
    )


#: The one-line facts a summary cell may name (``position_summaries.csv``, column ``record``).
FACTS = {
    "peru_lima_exit_2021": peru_lima_exit_2021,
    "peru_mnna_2026": peru_mnna_2026,
    "peru_government_2026": peru_government_2026,
}
assert tuple(FACTS) == RECORD_FACTS, "schemas.RECORD_FACTS names the facts computed here"


def facts(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> dict[str, Fact]:
    """Every fact of :data:`FACTS`, computed (``references`` indexed by ``ref_id``)."""
    return {name: make(rows, presidents, references) for name, make in FACTS.items()}
