"""The country-year panel of alliance membership, derived from the spells of ``memberships.csv``.

:func:`country_year` gives one row per country, grouping and year with the status in force
on 31 December, whether it changed during the year, and the spell it comes from, so that
the data merge with Correlates of War or ATOP country-year data on ``cow_code`` and ``year``
(or ``iso3``). It reads the spells as :func:`perucorpus.facts.memberships.status_on` does: a
spell holds from the first day its ``start`` can mean to the last day its ``end`` can mean
(``end`` inclusive), and of the spells holding on a day, the one started last gives the
status. Each country and grouping is read from the references' rows; one that no reference
mentions is read from the articles' rows. ``perucorpus datapackage`` writes the panel to
``data/derived/membership_country_year.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from perucorpus.base.dates import PartialDate
from perucorpus.base.schemas import GROUPINGS, PANEL_YEARS

#: The panel's years, first to last.
YEARS = range(PANEL_YEARS[0], PANEL_YEARS[1] + 1)


@dataclass(frozen=True)
class Spell:
    """One dated row of ``memberships.csv``: a status from its first day to its last (None: no end recorded)."""

    status: str
    first: date
    last: date | None
    start: PartialDate
    end: PartialDate | None
    end_status: str
    source_article: str
    source_ref: str
    order: int  # the row's place in the file: breaks ties between spells started the same day


def in_force(spells: list[Spell], day: date) -> Spell | None:
    """The spell that gives the status on ``day``: of those holding that day, the one started last."""
    holding = [spell for spell in spells if spell.first <= day and (spell.last is None or spell.last >= day)]
    return max(holding, key=lambda spell: (spell.first, spell.order)) if holding else None


def _status(spell: Spell | None) -> str:
    return spell.status if spell else ""


def changed_in(spells: list[Spell], year: int) -> bool:
    """Whether on some day of ``year`` the status differs from the status on 31 December of the year before.

    The status can change only on a day a spell starts or on the day after one ends, so
    those days of the year (and 31 December) are the only ones compared.
    """
    before = _status(in_force(spells, date(year - 1, 12, 31)))
    days = {date(year, 12, 31)} | {spell.first for spell in spells if spell.first.year == year}
    days |= {spell.last + timedelta(days=1) for spell in spells if spell.last and (spell.last + timedelta(days=1)).year == year}
    return any(_status(in_force(spells, day)) != before for day in days)


def spells_by_country(frame: pd.DataFrame) -> dict[tuple[str, str], list[Spell]]:
    """(iso3, grouping) → its dated spells from the references, or from the articles where no reference has one.

    ``frame`` is :func:`perucorpus.facts.memberships.load_memberships`'s; undated rows (no
    ``start``) are left out, as they cannot be placed in a year.
    """
    found: dict[tuple[str, str, str], list[Spell]] = {}
    for order, row in enumerate(frame.to_dict("records")):
        if row["start"] is None:
            continue
        spell = Spell(
            row["status"],
            row["start_date"],
            row["end_date"],
            row["start"],
            row["end"],
            row["end_status"],
            row["source_article"],
            row["source_ref"],
            order,
        )
        found.setdefault((row["iso3"], row["grouping"], row["source_kind"]), []).append(spell)
    pairs = {(iso3, grouping) for iso3, grouping, _ in found}
    return {pair: found.get((*pair, "external")) or found[(*pair, "article")] for pair in sorted(pairs)}


def country_year(frame: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """One row per country of ``frame`` (every country with a row), grouping and year: the columns of
    :data:`perucorpus.base.schemas.MEMBERSHIP_COUNTRY_YEAR`, all text, sorted by country, grouping, year.
    """
    spells = spells_by_country(frame)
    countries = frame.drop_duplicates("iso3").set_index("iso3")[["cow_code", "country_en"]].to_dict("index")
    records = []
    for iso3 in sorted(countries):
        for grouping in GROUPINGS:
            own = spells.get((iso3, grouping), [])
            for year in years:
                spell = in_force(own, date(year, 12, 31))
                records.append(
                    {
                        "iso3": iso3,
                        "cow_code": countries[iso3]["cow_code"],
                        "country_en": countries[iso3]["country_en"],
                        "grouping": grouping,
                        "year": str(year),
                        "status": _status(spell),
                        "changed": "true" if changed_in(own, year) else "false",
                        "spell_start": str(spell.start) if spell else "",
                        "spell_end": str(spell.end) if spell and spell.end else "",
                        "end_status": spell.end_status if spell else "",
                        "source_article": spell.source_article if spell else "",
                        "source_ref": spell.source_ref if spell else "",
                    }
                )
    return pd.DataFrame(records)
