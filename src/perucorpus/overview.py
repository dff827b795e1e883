"""Per-article counts (paragraphs, sentences, tokens) and term frequencies."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from . import schemas
from .arabic import ARABIC_WORD, normalise, normalise_with_offsets, split_clitics, stopwords, tokens, WORD
from .cleaning import CleanView, is_heading, paragraphs, sentences
from .tables import read_table


def text_counts(view: CleanView) -> dict[str, int]:
    """Characters, paragraphs, headings, sentences and word tokens of one clean view."""
    lines = [view.text[start:end] for start, end in paragraphs(view.text)]
    headings = [line for line in lines if is_heading(line)]
    body = [line for line in lines if not is_heading(line)]
    return {
        "characters": len(view.text.strip()),
        "paragraphs": len(body),
        "headings": len(headings),
        "sentences": sum(len(sentences(line)) for line in body),
        "tokens": len(tokens(normalise(view.text))),
    }


def vocabulary(texts: list[str]) -> frozenset[str]:
    """Normalised Arabic word types of ``texts``, with and without the article: the known bases for clitics."""
    words = {token for text in texts for token in tokens(normalise(text)) if ARABIC_WORD.fullmatch(token)}
    return frozenset(words | {split_clitics(word)[1] for word in words})


def term_counts(text: str, known_bases: frozenset[str], extra_stopwords: tuple[str, ...] = ()) -> pd.DataFrame:
    """Content-term frequencies of one text: ``term`` (normalised base), ``count`` and ``display``.

    Tokens are normalised, proclitics are split off (:func:`perucorpus.arabic.split_clitics`),
    and stopwords, digits, Latin words and one-letter bases are dropped. ``display`` is the
    most frequent original spelling of the base in the text (ties: the first seen).
    """
    stop = stopwords(tuple(sorted(extra_stopwords)))
    normalised, origin = normalise_with_offsets(text)
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for match in WORD.finditer(normalised):
        token = match.group()
        if not ARABIC_WORD.fullmatch(token) or token in stop:
            continue
        prefix, base = split_clitics(token, known_bases)
        if base in stop or len(base) < 2:
            continue
        counts[base] += 1
        start = origin[match.start() + len(prefix)]
        end = origin[match.end()] if match.end() < len(origin) else len(text)  # with the marks after the last letter
        spellings.setdefault(base, Counter())[text[start:end]] += 1
    rows = [(term, count, spellings[term].most_common(1)[0][0]) for term, count in counts.items()]
    frame = pd.DataFrame(rows, columns=["term", "count", "display"])
    return frame.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


def corpus_term_counts(texts: dict[str, str], extra_stopwords: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """:func:`term_counts` of every text, clitics split against the vocabulary of all of them."""
    known_bases = vocabulary(list(texts.values()))
    return {key: term_counts(text, known_bases, extra_stopwords) for key, text in texts.items()}


def article_terms(texts: dict[str, str], data_dir: Path | str) -> dict[str, pd.DataFrame]:
    """:func:`corpus_term_counts` with the project's stopwords (``<data_dir>/stopwords_supplement.csv`` added)."""
    supplement = read_table(Path(data_dir) / "stopwords_supplement.csv", schemas.STOPWORDS_SUPPLEMENT)
    return corpus_term_counts(texts, tuple(supplement["word_ar"]))


#: The ``gloss_en`` of a term that ``glosses.csv`` does not gloss yet (shown beside its Arabic).
NO_GLOSS = "[no gloss yet]"


def with_glosses(terms: pd.DataFrame, glosses: pd.DataFrame) -> pd.DataFrame:
    """``terms`` plus a ``gloss_en`` column, looked up by normalised ``term_ar`` in ``glosses``.

    A term without a gloss gets :data:`NO_GLOSS` (the chart shows it with its Arabic, and
    :func:`unglossed` lists it for ``glosses.csv``); two spellings of one normalised term
    in ``glosses`` stop the analysis.
    """
    source = glosses.attrs.get("source", "the glosses table")
    normalised = glosses["term_ar"].map(normalise)
    clashes = sorted(set(normalised[normalised.duplicated()]))
    if clashes:
        raise ValueError(f"{source}: spellings that normalise to the same term, each with its own gloss: {clashes}")
    lookup = dict(zip(normalised, glosses["gloss_en"]))
    return terms.assign(gloss_en=terms["term"].map(lambda term: lookup.get(term, NO_GLOSS)))


def unglossed(terms: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`with_glosses` frame whose term has no gloss yet."""
    return terms[terms["gloss_en"] == NO_GLOSS]


def keyword_in_context(text: str, spans: list[tuple[int, int]], width: int = 45) -> pd.DataFrame:
    """Keyword-in-context rows (``before``, ``keyword``, ``after``) for character ``spans`` of ``text``.

    Context stops at line breaks and is trimmed to whole words within ``width`` characters.
    """
    rows = []
    for start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[max(line_start, start - width) : start]
        after = text[end : min(line_end, end + width)]
        if start - width > line_start and " " in before:
            before = "… " + before.split(" ", 1)[1]
        if end + width < line_end and " " in after:
            after = after.rsplit(" ", 1)[0] + " …"
        rows.append({"start": start, "before": before.strip(), "keyword": text[start:end], "after": after.strip()})
    return pd.DataFrame(rows, columns=["start", "before", "keyword", "after"])


def keyness(target: pd.DataFrame, reference: pd.DataFrame, min_count: int = 3) -> pd.DataFrame:
    """Dunning's log-likelihood (G²) of each term of ``target`` against ``reference``.

    Both frames are :func:`term_counts` outputs. Returns the terms used at least
    ``min_count`` times in the target and relatively more often there than in the
    reference, with ``count``, ``reference_count``, ``per_1000`` rates and ``g2``,
    strongest first. G² > 3.84 corresponds to p < 0.05 for one degree of freedom, but
    with texts this short the ranking is descriptive, not a test.
    """
    merged = target[["term", "count", "display"]].merge(
        reference.groupby("term", as_index=False)["count"].sum().rename(columns={"count": "reference_count"}),
        on="term", how="left",
    ).fillna({"reference_count": 0})
    size_t, size_r = target["count"].sum(), reference["count"].sum()
    total = merged["count"] + merged["reference_count"]
    expected_t = size_t * total / (size_t + size_r)
    expected_r = size_r * total / (size_t + size_r)
    merged["g2"] = 2 * (
        merged["count"] * np.log(merged["count"] / expected_t)
        + np.where(merged["reference_count"] > 0,
                   merged["reference_count"] * np.log(merged["reference_count"].where(merged["reference_count"] > 0, 1) / expected_r), 0.0)
    )
    merged["per_1000"] = 1000 * merged["count"] / size_t
    merged["reference_per_1000"] = 1000 * merged["reference_count"] / size_r
    keep = (merged["count"] >= min_count) & (merged["per_1000"] > merged["reference_per_1000"])
    return merged[keep].sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)
