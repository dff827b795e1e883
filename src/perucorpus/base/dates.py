"""One date model for the project: ISO dates of day, month or year precision, parsed once.

Data files write dates as ISO 8601 (``2021``, ``2021-08``, ``2021-08-10``). Loaders turn
them into :class:`PartialDate` (a date and its precision) at the boundary, so that code
compares dates, never strings. :func:`written_dates` finds the dates that a piece of
prose writes out (``10 March 2022``, ``March 10, 2022``, ``10 de marzo de 2026``,
``5 مارس 2026``, ``2021-08-10``, ``10/08/2021``, ``August 2021``, ``2021``), with month
names in English, Spanish, Portuguese, French and Arabic taken from the Unicode CLDR
(babel), so that a stated date can be checked against what its source is said to state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from babel.dates import get_month_names

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
PRECISIONS = ("year", "month", "day")
#: Languages whose month names :func:`written_dates` reads.
MONTH_LANGUAGES = ("en", "es", "pt", "fr", "ar")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or the year (``month``/``day`` None when unknown)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        # ValueError for 2026-13, 2026-02-30 and 2026-00 (a month or day of 0 is no date, not an unknown one)
        date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``: how much of the date the text gives."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first(self) -> date:
        """The first day the date can mean (``2021-08`` → 1 August 2021)."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The last day the date can mean (``2021-08`` → 31 August 2021)."""
        if self.day:
            return self.first
        if self.month:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(self.year, 12, 31)

    def __str__(self) -> str:
        return self.first.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


def parse(value: str) -> PartialDate | None:
    """``PartialDate`` of an ISO ``YYYY[-MM[-DD]]`` string; None for ""; ValueError for anything else."""
    if not value:
        return None
    match = ISO_DATE.fullmatch(value)
    if not match:
        raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return PartialDate(*(int(part) if part else None for part in match.groups()))


def in_words(when: PartialDate | date) -> str:
    """A date as a reader writes it, at its precision: ``14 January 2026``, ``August 2021``, ``2021``."""
    if isinstance(when, date):
        when = PartialDate(when.year, when.month, when.day)
    month = get_month_names("wide", "format", locale="en")[when.month] if when.month else ""
    return " ".join(str(part) for part in (when.day, month, when.year) if part)


def _fold(text: str) -> str:
    """Lower case without accents (``Março`` → ``marco``), so month names match however they are typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Folded month name or abbreviation (without its dot) → month number, from CLDR for :data:`MONTH_LANGUAGES`."""
    names = {}
    for language in MONTH_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    names[_fold(name).rstrip(".")] = number
    return names


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern]:
    month = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    month = rf"(?P<month>{month})\.?(?:/(?:{month})\.?)?"  # also "مارس/آذار"-style pairs of names
    day, year = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?", r"(?P<year>\d{4})"
    of = r"(?:\s+(?:de|del|of)\s+|\s*,?\s+)"
    edge, end = r"(?<![\w/])", r"(?![\w/])"
    return [
        re.compile(rf"{edge}{day}{of}{month}{of}{year}{end}"),  # 10 March 2022, 10 de marzo de 2026
        re.compile(rf"{edge}{month}\s+{day},?\s+{year}{end}"),  # March 10, 2022
        re.compile(rf"{edge}{year}-(?P<month_number>\d{{2}})-(?P<day>\d{{2}}){end}"),  # 2022-03-10
        re.compile(rf"{edge}{day}/(?P<month_number>\d{{1,2}})/{year}{end}"),  # 10/03/2022 (d/m/y)
        re.compile(rf"{edge}{month}{of}{year}{end}"),  # March 2022, febrero de 2019
        re.compile(rf"{edge}{year}-(?P<month_number>\d{{2}}){end}"),  # 2022-03
        re.compile(rf"{edge}{year}{end}"),  # 2022
    ]


def written_dates(text: str) -> set[PartialDate]:
    """Every date ``text`` writes out, each at the precision written (a bare "10 March" with no year is not a date).

    Month names are read in the :data:`MONTH_LANGUAGES` (CLDR wide and abbreviated forms,
    any case, accents optional); numeric dates as ISO (``2022-03-10``) or day/month/year.
    A day-and-month date also counts as its month and its year, a month as its year.
    """
    folded, names, found = _fold(text), month_names(), set()
    for pattern in _patterns():
        for match in pattern.finditer(folded):
            parts = match.groupdict()
            # the patterns leave a month name's dot outside the group; PartialDate refuses month 0 or 13
            month = int(parts["month_number"]) if parts.get("month_number") else names.get(parts.get("month") or "")
            try:
                written = PartialDate(int(parts["year"]), month, int(parts["day"]) if parts.get("day") else None)
            except ValueError:
                continue  # 31/02/2021, 2026-13 and the like are not dates
            found |= {written, PartialDate(written.year, written.month) if written.month else written, PartialDate(written.year)}
    return found


def is_written(when: PartialDate, text: str) -> bool:
    """Whether ``text`` writes ``when`` out at its precision: day, month and year; month and year; or the year."""
    return when in written_dates(text)
