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


def arabic_pattern(marker: str) -> re.Pattern:
    """A regex finding ``marker`` as a whole word (or words) in normalised Arabic text."""
    words = r"\s+".join(re.escape(word) for word in normalise(marker).split())
    return re.compile(rf"(?<![{ARABIC_LETTERS}]){PROCLITICS}{words}{PRONOUN_SUFFIXES}(?![{ARABIC_LETTERS}])")


def english_pattern(renderings: str) -> re.Pattern:
    """A case-insensitive regex for any of the ``;``-separated English renderings, as whole words."""
    options = "|".join(re.escape(option.strip()) for option in renderings.split(";"))
    return re.compile(rf"\b(?:{options})\b", re.IGNORECASE)


def load_markers(data_dir: Path | str) -> pd.DataFrame:
    """Read ``hedge_markers.csv`` with the compiled ``arabic`` and ``english`` patterns of each marker.

    Fails (file and line) if two markers normalise to the same text.
    """
    markers = read_table(Path(data_dir) / "hedge_markers.csv", schemas.HEDGE_MARKERS)
    normalised = markers["marker_ar"].map(normalise)
    repeated = [
        f"{markers.attrs['source']}:{line}: marker {marker!r} normalises to {form!r}, like an earlier row"
        for marker, form, line, seen in zip(markers["marker_ar"], normalised, markers.attrs["lines"], normalised.duplicated())
        if seen
    ]
    if repeated:
        raise DataError(f"{len(repeated)} problem(s):\n" + "\n".join(repeated))
    return markers.assign(arabic=markers["marker_ar"].map(arabic_pattern), english=markers["renderings_en"].map(english_pattern))


def dropped_markers(arabic: str, english: str, markers: pd.DataFrame) -> list[str]:
    """The markers found in ``arabic`` of which ``english`` keeps no rendering."""
    text = normalise(arabic)
    return [
        marker.marker_ar for marker in markers.itertuples() if marker.arabic.search(text) and not marker.english.search(english)
    ]


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
) -> list[str]:
    """Problems (``file:line: …``) for every row whose ``english`` columns drop a marker of its ``arabic``
    column, or whose quote has a typo of its article (``article_id``) not marked *sic* in the first of them.
    """
    source = frame.attrs.get("source", "table")
    lines = frame.attrs.get("lines", [index + 2 for index in range(len(frame))])
    problems = []
    for row, line in zip(frame.to_dict("records"), lines):
        if not row[arabic]:
            continue
        for column in english:
            for marker in dropped_markers(row[arabic], row[column], markers):
                problems.append(
                    f"{source}:{line}: {arabic} has the {_kind(markers, marker)} «{marker}», "
                    f"but {column} keeps none of its renderings ({_renderings(markers, marker)})"
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
