"""English renderings that keep the Arabic's voice: hedges, attributions and *sic*.

``data/hedge_markers.csv`` lists the hedge and attribution markers the articles use
(«تعتبر», «ربما», «ما تسميه», …) and, for each, the English words that count as keeping
it. A row whose Arabic carries a marker while its English carries none of those words
has dropped a hedge or shifted who speaks. Likewise, a quote containing one of an
article's typos (``gazetteer/variants.csv``, origin ``article_typo``) must mark it
``[sic…]`` in its rendering. Markers are matched on normalised text
(:func:`perucorpus.text.arabic.normalise`), as whole words, with the article or a conjunction
or preposition in front (``وتعتبر``, ``لما يسمى``, ``المتهمة``) and a pronoun suffix
behind (``تعتبرها``, ``تصفهم``).

Each occurrence counts: a text with «تعتبر» twice needs two renderings of it. One judgement
is allowed: where «تُعتبر»/«تُعدّ» (the markers marked ``copula`` in the file) is a plain
copula, not a distancing device, the English may say "is" if the row's note documents it,
naming the occurrence it covers as ``copula: «<the Arabic words from the marker on>»``
(``copula: «تعتبر مكافحة المخدرات»``). That occurrence alone is exempt; every other marker
of the row, and every other occurrence of the same one, is still checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.text.arabic import ARABIC_LETTERS, normalise

PROCLITICS = r"(?:[وف]?[بك]?ال|[وف]?لل|[وف]?[بلك]?)"
PRONOUN_SUFFIXES = r"(?:هما|هم|هن|ها|ه|نا|ني|كم|ك)?"
#: How a note documents a stock copula: ``copula: «…»`` with the Arabic words of the occurrence.
COPULA_NOTE = re.compile(r"copula: «([^»]+)»")


def arabic_pattern(marker: str) -> re.Pattern:
    """A regex finding ``marker`` as a whole word (or words) in normalised Arabic text."""
    words = r"\s+".join(re.escape(word) for word in normalise(marker).split())
    return re.compile(rf"(?<![{ARABIC_LETTERS}]){PROCLITICS}{words}{PRONOUN_SUFFIXES}(?![{ARABIC_LETTERS}])")


def english_pattern(renderings: str) -> re.Pattern:
    """A case-insensitive regex for any of the ``;``-separated English renderings, as whole words."""
    options = "|".join(re.escape(option.strip()) for option in renderings.split(";"))
    return re.compile(rf"\b(?:{options})\b", re.IGNORECASE)


def load_markers(data_dir: Path | str) -> pd.DataFrame:
    """Read ``hedge_markers.csv`` and check it (:func:`check_markers`)."""
    return check_markers(read_table(Path(data_dir) / "hedge_markers.csv", schemas.HEDGE_MARKERS))


def check_markers(markers: pd.DataFrame) -> pd.DataFrame:
    """``hedge_markers.csv`` as read, with the compiled ``arabic`` and ``english`` patterns of each marker.

    Fails (file and line) if two markers normalise to the same text.
    """
    normalised = markers["marker_ar"].map(normalise)
    repeated = [
        f"{markers.attrs['source']}:{line}: marker {marker!r} normalises to {form!r}, like an earlier row"
        for marker, form, line, seen in zip(markers["marker_ar"], normalised, markers.attrs["lines"], normalised.duplicated())
        if seen
    ]
    if repeated:
        raise DataError(f"{len(repeated)} problem(s):\n" + "\n".join(repeated))
    return markers.assign(
        arabic=markers["marker_ar"].map(arabic_pattern),
        english=markers["renderings_en"].map(english_pattern),
        may_be_copula=markers["copula"] == "yes",
    )


def copula_spans(arabic: str, note: str, markers: pd.DataFrame) -> tuple[list[tuple[int, int]], list[str]]:
    """The occurrences of a copula marker that ``note`` documents as plain copulas, as spans of the
    normalised ``arabic``, and a problem for each ``copula: «…»`` that names no such occurrence
    (its words must occur once in ``arabic`` and hold a marker whose ``copula`` is ``yes``).
    """
    text = normalise(arabic)
    spans, problems = [], []
    for named in COPULA_NOTE.findall(note or ""):
        words = normalise(named)
        places = [match.start() for match in re.finditer(re.escape(words), text)]
        if len(places) != 1:
            where = "does not occur" if not places else f"occurs {len(places)} times"
            problems.append(f"«{named}», which {where} in the Arabic (quote the Arabic words from the marker on)")
            continue
        start, end = places[0], places[0] + len(words)
        found = [
            match.span()
            for marker in markers[markers["may_be_copula"]].itertuples()
            for match in marker.arabic.finditer(text)
            if match.start() < end and match.end() > start  # the marker may carry a proclitic the note leaves out
        ]
        if not found:
            allowed = "، ".join(markers.loc[markers["may_be_copula"], "marker_ar"])
            problems.append(f"«{named}», which holds no marker that may be a copula ({allowed})")
            continue
        spans.append(min(found))
    return spans, problems


def dropped_markers(
    arabic: str, english: str, markers: pd.DataFrame, copulas: list[tuple[int, int]] = ()
) -> list[tuple[str, int, int]]:
    """``(marker, occurrences, renderings)`` for each marker that ``english`` keeps fewer times than ``arabic``
    has it, the occurrences documented as copulas (``copulas``, from :func:`copula_spans`) left out.
    """
    text = normalise(arabic)
    dropped = []
    for marker, arabic_form, english_form in zip(markers["marker_ar"], markers["arabic"], markers["english"]):
        occurrences = [match.span() for match in arabic_form.finditer(text) if match.span() not in copulas]
        if occurrences:
            kept = len(english_form.findall(english))
            if kept < len(occurrences):
                dropped.append((marker, len(occurrences), kept))
    return dropped


def unmarked_typos(arabic: str, english: str, typos: list[str]) -> list[str]:
    """The typos (spellings) found in ``arabic`` while ``english`` has no ``[sic``."""
    text = normalise(arabic)
    return [typo for typo in typos if arabic_pattern(typo).search(text) and "[sic" not in english]


def article_typos(variants: pd.DataFrame) -> dict[str, list[str]]:
    """Article id → the typos recorded for it in ``gazetteer/variants.csv`` (origin ``article_typo``)."""
    typos = variants[variants["origin"] == "article_typo"]
    return {scope: list(group["variant_ar"]) for scope, group in typos.groupby("scope")}


def check(
    frame: pd.DataFrame,
    markers: pd.DataFrame,
    typos: dict[str, list[str]],
    arabic: str = "quote_ar",
    english: tuple[str, ...] = ("quote_en", "position_en"),
    note: str = "note",
) -> list[str]:
    """Problems (``file:line: …``) for every row whose ``english`` columns keep a marker of its ``arabic``
    column fewer times than it occurs (copulas documented in the ``note`` column left out), whose note
    names a copula that is not there, or whose quote has a typo of its article (``article_id``) not
    marked *sic* in the first of them.
    """
    source = frame.attrs.get("source", "table")
    lines = frame.attrs.get("lines", [index + 2 for index in range(len(frame))])
    problems = []
    for row, line in zip(frame.to_dict("records"), lines):
        if not row[arabic]:
            continue
        copulas, wrong = copula_spans(row[arabic], row.get(note, ""), markers)
        problems += [f"{source}:{line}: {note} names the copula {problem}" for problem in wrong]
        for column in english:
            for marker, occurrences, kept in dropped_markers(row[arabic], row[column], markers, copulas):
                has = f"the {_kind(markers, marker)} «{marker}»" + (f" {occurrences} times" if occurrences > 1 else "")
                keeps = "none of its renderings" if not kept else f"only {kept} of its renderings"
                problems.append(
                    f"{source}:{line}: {arabic} has {has}, but {column} keeps {keeps} ({_renderings(markers, marker)})"
                )
        for typo in unmarked_typos(row[arabic], row[english[0]], typos.get(row.get("article_id", ""), [])):
            problems.append(
                f"{source}:{line}: {arabic} has the typo «{typo}» (gazetteer/variants.csv), "
                f"but {english[0]} does not mark it [sic …]"
            )
    return problems


def _kind(markers: pd.DataFrame, marker: str) -> str:
    return markers.loc[markers["marker_ar"] == marker, "kind"].iloc[0]


def _renderings(markers: pd.DataFrame, marker: str) -> str:
    return markers.loc[markers["marker_ar"] == marker, "renderings_en"].iloc[0].replace(";", ", ")
