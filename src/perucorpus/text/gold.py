"""Recall and precision of the name matcher against a gold standard of hand counts.

A gold folder holds short texts (``articles/<id>.txt``) and ``expected.csv``: for each text,
how many times a person reading it counts each country (names and nationality adjectives
together, by ISO3 code), each organisation (by the ``gloss_en`` that groups its spellings in
``data/gazetteer/non_country_terms.csv``) and each person (by ``person_id`` of
``data/people.csv``), with the spellings counted. The matcher is the one the notebooks use
(:func:`perucorpus.text.overview.article_names`). Scores are on counts: for each text and
name, ``min(expected, found)`` mentions are right, the rest of what was found is wrong (a
false positive) and the rest of what was expected is missed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table, read_utf8
from perucorpus.text.overview import article_names

KEYS = ["article", "kind", "name"]
SPELLING_SEPARATOR = " | "


def read_gold(folder: Path | str) -> tuple[dict[str, str], pd.DataFrame]:
    """The gold texts (id → text, in name order) and their hand counts (``article, kind, name, mentions, spellings``).

    Every counted article has a text, every text has counts, and ``mentions`` is the number of
    ``spellings`` listed; otherwise a :class:`DataError` names the line.
    """
    folder = Path(folder)
    texts = {path.stem: read_utf8(path) for path in sorted((folder / "articles").glob("*.txt"))}
    expected = read_table(folder / "expected.csv", schemas.GOLD_MENTIONS)
    problems = []
    for row, line in zip(expected.itertuples(), expected.attrs["lines"]):
        where = f"{expected.attrs['source']}:{line}: {row.article}/{row.kind}/{row.name}"
        if row.article not in texts:
            problems.append(f"{where}: no text articles/{row.article}.txt")
            continue
        spellings = row.spellings.split(SPELLING_SEPARATOR)
        if len(spellings) != int(row.mentions):
            problems.append(f"{where}: {row.mentions} mentions but {len(spellings)} spellings listed")
        problems += [f"{where}: {spelling!r} is not in the text" for spelling in spellings if spelling not in texts[row.article]]
    problems += [
        f"{folder.as_posix()}/articles/{key}.txt: no row in expected.csv" for key in set(texts) - set(expected["article"])
    ]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return texts, expected.astype({"mentions": "int64"})


def found_counts(texts: dict[str, str], data_dir: Path | str) -> pd.DataFrame:
    """What the matcher finds in ``texts``, as the gold counts it: ``article, kind, name, mentions``."""
    names = article_names(texts, data_dir)
    kind = names["kind"].map(_gold_kind)
    name = names["name_en"].where(kind == "organisation", names["name_id"])
    found = pd.DataFrame({"article": names["article_id"], "kind": kind, "name": name, "mentions": names["mentions"]})
    found = found[found["kind"].notna()]
    return found.groupby(KEYS, as_index=False)["mentions"].sum()


def _gold_kind(kind: str) -> str | None:
    """The gold's kind for an :func:`article_names` kind; None for what the gold does not count (regions, cities, …)."""
    if kind.startswith("country"):
        return "country"
    return kind if kind in ("organisation", "person") else None


def compared(expected: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """One row per article, kind and name expected or found: ``expected``, ``found``, ``right``."""
    both = expected[[*KEYS, "mentions"]].merge(found, on=KEYS, how="outer", suffixes=("_expected", "_found"))
    both = both.rename(columns={"mentions_expected": "expected", "mentions_found": "found"})
    both[["expected", "found"]] = both[["expected", "found"]].fillna(0).astype("int64")
    both["right"] = both[["expected", "found"]].min(axis=1)
    return both.sort_values(KEYS, ignore_index=True)


def scores(comparison: pd.DataFrame, by: str = "kind") -> pd.DataFrame:
    """Recall and precision per ``kind`` (or per ``article``) and over all (:func:`compared`'s rows added up)."""
    totals = comparison.groupby(by)[["expected", "found", "right"]].sum()
    totals.loc["all"] = totals.sum()
    totals["recall"] = totals["right"] / totals["expected"]
    totals["precision"] = (totals["right"] / totals["found"]).where(totals["found"] > 0, 1.0)
    return totals.reset_index()


def errors(comparison: pd.DataFrame) -> pd.DataFrame:
    """The rows where the matcher missed mentions (``missed``) or found too many (``extra``)."""
    wrong = comparison[comparison["expected"] != comparison["found"]].copy()
    wrong["missed"] = wrong["expected"] - wrong["right"]
    wrong["extra"] = wrong["found"] - wrong["right"]
    return wrong[[*KEYS, "expected", "found", "missed", "extra"]].reset_index(drop=True)
