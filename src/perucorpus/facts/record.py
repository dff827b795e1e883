"""What the public record adds to an article's claim: notes computed from the external data.

A claim in ``data/positions.csv`` names a note in its ``record`` column (one of
:data:`NOTES`). The note is generated here from the external rows of
``data/memberships.csv``, ``data/peru_heads_of_state.csv`` and ``data/references.csv``,
with the dates as recorded there and the references for each, so no date in it is typed
by hand. The article's claim stays as the article gives it; the note sits beside it.
"""

from __future__ import annotations

import pandas as pd

from perucorpus.base.countries import country_label
from perucorpus.base.schemas import RECORD_NOTES
from perucorpus.facts.heads_of_state import in_office
from perucorpus.facts.memberships import EXIT_STATUSES, EXIT_WORDS, external_rows, peru_step_row
from perucorpus.facts.sourcing import cite, dated_row

LEAD = "What the record adds:"


def _refs(president: pd.Series) -> list[str]:
    return president["ref_ids"].split(";")


def _described(president: pd.Series) -> str:
    """The first sentence of the president's note (e.g. "Interim (Perú Libre)"), as recorded."""
    return president["note"].split(". ")[0].rstrip(".")


def peru_signing_2026(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> str:
    """Who led Peru when it signed the counter-cartel declaration, who had just left office, and whether Peru was at the Miami summit."""
    signing = peru_step_row(rows, "accc", "signatory")
    signed_on = signing["start_date"]
    now = in_office(presidents, signed_on)
    ended = presidents[presidents["end"].notna() & (presidents["end"] <= signed_on)]
    before = ended.sort_values("end").iloc[-1]
    summit = rows[(rows["source_kind"] == "external") & (rows["grouping"] == "miami_summit") & (rows["status"] == "attended")]
    there = "is" if "PER" in set(summit["iso3"]) else "is not"
    attended = sorted(country_label(iso3)[0] for iso3 in set(summit["iso3"]))
    return (
        f"{LEAD} Peru signed the counter-cartel joint security declaration on {dated_row(signing)} ({cite([signing['source']], references)}). "
        f"{before['name']} had left office on {dated_row(before, 'end')} ({cite(_refs(before), references)}); on {signed_on} "
        f"the president was {now['name']}, in office since {dated_row(now, 'start')}; the record notes: {_described(now)} "
        f"({cite(_refs(now), references)}). Peru {there} among the {len(attended)} countries the references record at the "
        f"Miami summit of {dated_row(summit.sort_values('start_date', kind='stable').iloc[0])}: {', '.join(attended)} ({cite(summit['source'], references)})."
    )


def lima_exits_2021(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> str:
    """How each state that castillo2021_lima_exit says had left the Lima Group left it, or did not, by the exit rule."""
    claimed = rows[(rows["source_kind"] == "article") & (rows["grouping"] == "lima_group") & (rows["status"] == "withdrew")]
    parts = []
    for iso3 in claimed["iso3"]:
        found = external_rows(rows, iso3, "lima_group")
        found = found[found["status"].isin(EXIT_STATUSES)]
        if found.empty:
            raise ValueError(
                f"data/memberships.csv: the article says {iso3} left the Lima Group, but no external row records an exit"
            )
        how = "; ".join(dict.fromkeys(EXIT_WORDS[status] for status in found["status"]))
        parts.append(f"{country_label(iso3)[0]} {how} ({cite(found['source'], references)})")
    return f"{LEAD} of the states the author names, " + "; ".join(parts) + "."


#: The notes a claim may name in ``positions.csv`` (column ``record``), each computed by its function.
NOTES = {"peru_signing_2026": peru_signing_2026, "lima_exits_2021": lima_exits_2021}
assert tuple(NOTES) == RECORD_NOTES, "schemas.RECORD_NOTES names the notes computed here"


def notes(rows: pd.DataFrame, presidents: pd.DataFrame, references: pd.DataFrame) -> dict[str, str]:
    """Every note of :data:`NOTES`, computed (``references`` indexed by ``ref_id``)."""
    return {name: make(rows, presidents, references) for name, make in NOTES.items()}
