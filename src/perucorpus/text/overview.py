"""Per-article counts (paragraphs, sentences, tokens), term frequencies and the names each article uses.

Names are units, not vocabulary: every name the collection knows (the gazetteer's
countries with their adjectives, regions, cities, metonyms, organisations and venues, and
the people of ``data/people.csv``) is matched as one unit, longest first, and taken out
of the term counts; :func:`article_names` counts them instead. The multiword terms of
``data/glossary.csv`` (``نصف الكرة الغربي`` is a name, ``الإرهاب المخدراتي`` a term) count
as one term each. So ``الولايات المتحدة`` is never counted as "United" and "States".
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.countries import country_label
from perucorpus.base.tables import DataError, read_table, write_table
from perucorpus.text.arabic import ARABIC_WORD, WORD, normalise, normalise_with_offsets, split_clitics, stopwords, tokens
from perucorpus.text.cleaning import CleanView, is_heading, paragraphs, sentences
from perucorpus.text.corpus import outlet_label
from perucorpus.text.gazetteer import Entry, Gazetteer, Mention, read_spelling_rules, spelling, with_variants

#: The kind of a multiword glossary term in :func:`known_units` (counted as one term); every other kind is a name.
TERM = "term"


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


def counts_table(raws: dict[str, str], views: dict[str, CleanView]) -> pd.DataFrame:
    """One row per article: the counts of its clean view (:func:`text_counts`) and ``numbered``, its paragraphs as
    the citations number them (``¶n``: every non-empty line of the raw file, headings and page lines included).
    """
    frame = pd.DataFrame({article_id: text_counts(view) for article_id, view in views.items()}).T
    frame["numbered"] = [len(paragraphs(raws[article_id])) for article_id in frame.index]
    return frame


def glance_table(
    meta: pd.DataFrame, counts: pd.DataFrame, country_mentions: pd.DataFrame, names: dict[str, str], top: int = 3
) -> pd.DataFrame:
    """One row per article for a reader: its name (``names``), date, outlet (where known, ``corpus.outlet_label``),
    words (of the clean view: the article's own text) and paragraphs (numbered as the citations and the side-by-side
    text number them; ``counts`` as :func:`counts_table` gives them), what it says (``summary_en``) and the countries it
    names most (names and adjectives together, most first, ties by English name; ``country_mentions`` as
    ``gazetteer.mention_counts`` gives them).
    """
    totals = country_mentions.groupby(["article_id", "iso3"], as_index=False)["mentions"].sum()
    totals["country"] = [country_label(iso3)[0] for iso3 in totals["iso3"]]
    most = {
        article_id: ", ".join(
            f"{row.country} ({row.mentions})"
            for row in group.sort_values(["mentions", "country"], ascending=[False, True], kind="stable").head(top).itertuples()
        )
        for article_id, group in totals.groupby("article_id")
    }
    return pd.DataFrame(
        {
            "article": [names.get(article_id, article_id) for article_id in meta.index],
            "date": [reader_date(date, basis) for date, basis in zip(meta["date"], meta["date_basis"])],
            "outlet": [outlet_label(row) for _, row in meta.iterrows()],
            "words": [int(counts.loc[article_id, "tokens"]) for article_id in meta.index],
            "paragraphs": [int(counts.loc[article_id, "numbered"]) for article_id in meta.index],
            "what it says": list(meta["summary_en"]),
            "countries named most": [most.get(article_id, "") for article_id in meta.index],
        }
    )


def reader_date(value: str, basis: str = "stated") -> str:
    """A recorded date as readers meet it in every notebook: ``13 March 2026``; an interval ``2021-08/2022-07`` as ``August 2021 – July 2022``; "(inferred)" unless stated."""
    written = " – ".join(dates.in_words(dates.parse(part)) for part in value.split("/"))
    return written if basis == "stated" else f"{written} ({basis})"


def date_derivations(meta: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The articles whose date is not stated in them: reader name, date as readers meet it, and how it was worked
    out (``date_note`` of ``articles.csv``), for the fold under a table that marks such dates *(inferred)*.
    """
    inferred = meta[meta["date_basis"] != "stated"]
    return pd.DataFrame(
        {
            "article": [names.get(article_id, article_id) for article_id in inferred.index],
            "date": [reader_date(day, basis) for day, basis in zip(inferred["date"], inferred["date_basis"])],
            "how it was worked out": list(inferred["date_note"]),
        }
    )


def vocabulary(texts: list[str]) -> frozenset[str]:
    """Normalised Arabic word types of ``texts``, with and without the article: the known bases for clitics."""
    words = {token for text in texts for token in tokens(normalise(text)) if ARABIC_WORD.fullmatch(token)}
    return frozenset(words | {split_clitics(word)[1] for word in words})


def known_units(data_dir: Path | str) -> Gazetteer:
    """One matcher for every name and multiword term the collection knows (see the module docstring).

    Entries keep the gazetteer's kinds; people have kind ``"person"`` (form: ``person_id``),
    glossary terms of two words or more kind :data:`TERM` (form: ``term_ar``). A glossary
    term that is also a name (``مجموعة ليما``) is a name.
    """
    data_dir = Path(data_dir)
    sources = [data_dir / name for name in UNIT_SOURCES]
    # Built once per state of its source files (a notebook asks for it several times).
    return _known_units(data_dir, tuple((path.stat().st_mtime_ns, path.stat().st_size) for path in sources))


UNIT_SOURCES = (
    "gazetteer/variants.csv",
    "gazetteer/non_country_terms.csv",
    "gazetteer/spelling_rules.csv",
    "articles.csv",
    "people.csv",
    "glossary.csv",
)


@lru_cache(maxsize=4)
def _known_units(data_dir: Path, _state: tuple) -> Gazetteer:
    """:func:`known_units` for one state (modification time and size) of its source files."""
    return units_from(
        Gazetteer.from_data(data_dir),
        read_table(data_dir / "people.csv", schemas.PEOPLE),
        read_table(data_dir / "glossary.csv", schemas.GLOSSARY),
        read_spelling_rules(data_dir),
    )


def units_from(countries: Gazetteer, people: pd.DataFrame, glossary: pd.DataFrame, rules: tuple) -> Gazetteer:
    """:func:`known_units` of the collection's country ``countries`` gazetteer, ``people.csv`` and ``glossary.csv``
    as read and the gazetteer's spelling ``rules``.
    """
    entries = list(countries.entries)
    people_entries = [Entry(row.name_ar, "person", row.person_id, None, "people") for row in people.itertuples()]
    entries += with_variants(people_entries, rules, check=("people",))  # كاستيو for كاستيلو
    names = {normalise(entry.term) for entry in entries}
    entries += [
        Entry(row.match_ar, TERM, row.term_ar, None, "glossary")
        for row in glossary.itertuples()
        if len(normalise(row.match_ar).split()) > 1 and normalise(row.match_ar) not in names
    ]
    return Gazetteer(entries)


def term_counts(
    text: str, known_bases: frozenset[str], extra_stopwords: tuple[str, ...] = (), units: list[Mention] = ()
) -> pd.DataFrame:
    """Content-term frequencies of one text: ``term`` (normalised base), ``count`` and ``display``.

    Tokens are normalised, proclitics are split off (:func:`perucorpus.text.arabic.split_clitics`),
    and stopwords, digits, Latin words and one-letter bases are dropped. ``display`` is the
    most frequent original spelling of the base in the text (ties: the first seen).
    ``units`` (mentions in ``text``, e.g. of :func:`known_units`) claim their words: a unit
    of kind :data:`TERM` counts as one term (its normalised ``term_ar``, displayed as spelled
    without proclitics), any other unit (a name) is not counted.
    """
    stop = stopwords(tuple(sorted(extra_stopwords)))
    normalised, origin = normalise_with_offsets(text)
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    starts = [unit.start for unit in units]
    for unit in units:
        if unit.entry.kind == TERM:
            term = normalise(unit.entry.form)
            counts[term] += 1
            spellings.setdefault(term, Counter())[spelling(unit)] += 1
    for match in WORD.finditer(normalised):
        token = match.group()
        if not ARABIC_WORD.fullmatch(token) or token in stop:
            continue
        start = origin[match.start()]
        inside = bisect_right(starts, start) - 1
        if inside >= 0 and start < units[inside].end:
            continue  # a word of a name or a multiword term
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


def corpus_term_counts(
    texts: dict[str, str], extra_stopwords: tuple[str, ...] = (), units: Gazetteer | None = None
) -> dict[str, pd.DataFrame]:
    """:func:`term_counts` of every text, clitics split against the vocabulary of all of them.

    With ``units``, each text's mentions (scoped by its key, the article id) claim their words.
    """
    known_bases = vocabulary(list(texts.values()))
    return {
        key: term_counts(text, known_bases, extra_stopwords, units.find(text, key) if units else [])
        for key, text in texts.items()
    }


def article_terms(texts: dict[str, str], data_dir: Path | str) -> dict[str, pd.DataFrame]:
    """:func:`corpus_term_counts` with the project's stopwords (``stopwords_supplement.csv`` added)
    and its names and multiword terms (:func:`known_units`) under ``data_dir``.
    """
    supplement = read_table(Path(data_dir) / "stopwords_supplement.csv", schemas.STOPWORDS_SUPPLEMENT)
    return corpus_term_counts(texts, tuple(supplement["word_ar"]), known_units(data_dir))


TERM_COUNT_COLUMNS = list(schemas.TERM_COUNTS.columns)  # article_id, term, count, display


def write_term_counts(counts: dict[str, pd.DataFrame], path: Path | str) -> Path:
    """Write :func:`article_terms` to ``path`` (``data/derived/term_counts.csv``): one row per article and term, in order."""
    tables = [table.assign(article_id=article_id) for article_id, table in counts.items()]
    frame = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=TERM_COUNT_COLUMNS)
    return write_table(frame[TERM_COUNT_COLUMNS], path, schemas.TERM_COUNTS)


def read_term_counts(path: Path | str, article_ids: list[str]) -> dict[str, pd.DataFrame]:
    """The counts :func:`write_term_counts` wrote (notebook 01), as :func:`article_terms` returns them.

    So that a later notebook reads what notebook 01 counted instead of counting again. A
    missing file, or one whose articles are not ``article_ids`` in that order, stops with
    a message saying to run notebook 01 first (``make notebooks`` runs them in order).
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path.as_posix()} is missing: run notebook 01 first (make notebooks runs the notebooks in order)")
    frame = read_table(path, schemas.TERM_COUNTS)
    found = list(dict.fromkeys(frame["article_id"]))
    if found != list(article_ids):
        raise DataError(f"{path.as_posix()} counts the articles {found}, not {article_ids}: run notebook 01 again first")
    frame = frame.astype({"term": "str", "count": "int64", "display": "str"})
    return {
        article_id: frame.loc[frame["article_id"] == article_id, TERM_COUNT_COLUMNS[1:]].reset_index(drop=True)
        for article_id in article_ids
    }


def top_terms(counts: dict[str, pd.DataFrame], n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent terms of each article (:func:`article_terms`), with an ``article_id`` column, in article order."""
    return pd.concat([table.head(n).assign(article_id=article_id) for article_id, table in counts.items()], ignore_index=True)


def key_terms(counts: dict[str, pd.DataFrame], n: int = 6) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each article against the other articles together (:func:`keyness`),
    with an ``article`` column, in article order.
    """
    return pd.concat(
        [
            keyness(own, pd.concat([table for other, table in counts.items() if other != article_id]))
            .head(n)
            .assign(article=article_id)
            for article_id, own in counts.items()
        ],
        ignore_index=True,
    )


NAME_COLUMNS = ["article_id", "kind", "name_id", "name_en", "spelling", "mentions"]


def article_names(texts: dict[str, str], data_dir: Path | str) -> pd.DataFrame:
    """The names :func:`article_terms` leaves out, counted: one row per article and name.

    ``kind`` is ``country``, ``country adjective``, ``person`` or a non-country kind;
    ``name_id`` the ISO3 code, ``person_id`` or the listed Arabic term; ``name_en`` the
    CLDR English name, ``name_en`` of ``people.csv`` or ``gloss_en`` of
    ``non_country_terms.csv``; ``spelling`` the most frequent spelling in the article
    (without proclitics; ties: the first seen). Sorted by article, then most mentioned.
    """
    data_dir = Path(data_dir)
    return names_from(
        texts,
        read_table(data_dir / "people.csv", schemas.PEOPLE),
        read_table(data_dir / "gazetteer" / "non_country_terms.csv", schemas.NON_COUNTRY_TERMS),
        known_units(data_dir),
    )


def names_from(texts: dict[str, str], people: pd.DataFrame, others: pd.DataFrame, units: Gazetteer) -> pd.DataFrame:
    """:func:`article_names` of ``people.csv`` and ``non_country_terms.csv`` as read and the ``units``
    (:func:`units_from`).
    """
    english = dict(zip(people["person_id"], people["name_en"])) | dict(zip(others["term_ar"], others["gloss_en"]))
    rows = []
    for article_id, text in texts.items():
        found: dict[tuple[str, str], Counter[str]] = {}
        for mention in units.find(text, article_id):
            entry = mention.entry
            if entry.kind == TERM:
                continue
            if entry.kind == "country":
                key = ("country" if entry.form == "name" else "country adjective", entry.iso3)
            else:
                key = (entry.kind, entry.form if entry.kind == "person" else entry.term)
            found.setdefault(key, Counter())[spelling(mention)] += 1
        for (kind, name_id), spellings in found.items():
            name_en = country_label(name_id)[0] if kind.startswith("country") else english[name_id]
            rows.append((article_id, kind, name_id, name_en, spellings.most_common(1)[0][0], spellings.total()))
    frame = pd.DataFrame(rows, columns=NAME_COLUMNS)
    order = {article_id: number for number, article_id in enumerate(texts)}
    return frame.sort_values(
        ["article_id", "mentions", "name_en"],
        ascending=[True, False, True],
        key=lambda column: column.map(order) if column.name == "article_id" else column,
        ignore_index=True,
    )


def names_table(names: pd.DataFrame, article_ids: list[str], min_mentions: int = 2) -> pd.DataFrame:
    """:func:`article_names` as one row per name with its mentions per article, most mentioned first.

    Only names mentioned at least ``min_mentions`` times in all; ``spellings`` lists each
    spelling used, in article order.
    """
    keys = ["kind", "name_id"]
    wide = names.pivot_table(index=keys, columns="article_id", values="mentions", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=article_ids, fill_value=0)
    wide["total"] = wide.sum(axis=1)
    about = names.groupby(keys, sort=False).agg(
        name_en=("name_en", "first"), spellings=("spelling", lambda s: "، ".join(dict.fromkeys(s)))
    )
    table = about.join(wide).reset_index()
    table = table[table["total"] >= min_mentions]
    return table.sort_values(["total", "name_en", "kind"], ascending=[False, True, True], ignore_index=True)[
        ["name_en", "kind", "spellings", *article_ids, "total"]
    ]


def term_glosses(data_dir: Path | str) -> pd.DataFrame:
    """English glosses of counted terms: ``glosses.csv`` for words, ``glossary.csv`` for multiword terms.

    A multiword glossary term's gloss is the glossary's own (one place per gloss).
    """
    data_dir = Path(data_dir)
    return glosses_from(
        read_table(data_dir / "glosses.csv", schemas.GLOSSES),
        read_table(data_dir / "glossary.csv", schemas.GLOSSARY),
        known_units(data_dir),
    )


def glosses_from(glosses: pd.DataFrame, glossary: pd.DataFrame, units: Gazetteer) -> pd.DataFrame:
    """:func:`term_glosses` of ``glosses.csv`` and ``glossary.csv`` as read and the ``units`` (:func:`units_from`)."""
    multiword = {entry.form for entry in units.entries if entry.kind == TERM}
    combined = pd.concat([glosses, glossary.loc[glossary["term_ar"].isin(multiword), ["term_ar", "gloss_en"]]], ignore_index=True)
    combined.attrs["source"] = f"{glosses.attrs['source']} (or, for a multiword term, {glossary.attrs['source']})"
    check_glosses(combined)
    return combined


def check_glosses(glosses: pd.DataFrame) -> None:
    """Stop (:class:`DataError`) if two spellings in ``glosses`` normalise to one term, each with its own gloss."""
    source = glosses.attrs.get("source", "the glosses table")
    normalised = glosses["term_ar"].map(normalise)
    clashes = sorted(set(normalised[normalised.duplicated()]))
    if clashes:
        raise DataError(f"{source}: spellings that normalise to the same term, each with its own gloss: {clashes}")


#: The ``gloss_en`` of a term that ``glosses.csv`` does not gloss yet (shown beside its Arabic).
NO_GLOSS = "[no gloss yet]"


def with_glosses(terms: pd.DataFrame, glosses: pd.DataFrame) -> pd.DataFrame:
    """``terms`` plus a ``gloss_en`` column, looked up by normalised ``term_ar`` in ``glosses``.

    A term without a gloss gets :data:`NO_GLOSS` (the chart shows it with its Arabic, and
    :func:`unglossed` lists it for ``glosses.csv``); two spellings of one normalised term
    in ``glosses`` stop the analysis.
    """
    check_glosses(glosses)
    lookup = dict(zip(glosses["term_ar"].map(normalise), glosses["gloss_en"]))
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


def mentions_in_context(texts: dict[str, str], mentions: dict[str, list], width: int = 45) -> pd.DataFrame:
    """Keyword-in-context rows of gazetteer mentions, article by article, in the order found.

    ``mentions`` maps an article id to its :class:`perucorpus.text.gazetteer.Mention` list (already
    filtered); the frame has ``article``, ``form`` (the mention's entry form), ``before``,
    ``keyword`` and ``after`` (:func:`keyword_in_context` on ``texts[article]``).
    """
    frames = [
        keyword_in_context(texts[article], [(m.start, m.end) for m in found], width).assign(
            article=article, form=[m.entry.form for m in found]
        )
        for article, found in mentions.items()
    ]
    return pd.concat(frames, ignore_index=True)[["article", "form", "before", "keyword", "after"]]


def loaded_mentions(texts: dict[str, str], glossary: pd.DataFrame) -> dict[str, list[Mention]]:
    """Each article's mentions of the glossary terms marked loaded (``entry.form`` is the ``term_ar``), in text order."""
    loaded = glossary[glossary["loaded"] == "yes"]
    terms = Gazetteer.for_terms(dict(zip(loaded["match_ar"], loaded["term_ar"])), "loaded")
    return {article: terms.find(text, article) for article, text in texts.items()}


def unmarked_judgements(texts: dict[str, str], glossary: pd.DataFrame) -> pd.DataFrame:
    """The loaded-vocabulary rule applied to every article: each use of a loaded term's ``marker_ar`` that no
    loaded term covers (``article``, ``marker``, ``start``, ``end``, ``surface``); empty when the marking is even.

    Markers are matched as the glossary's terms are (normalised, whole words, with proclitics and the article).
    """
    loaded = glossary[glossary["loaded"] == "yes"]
    markers = Gazetteer.for_terms({marker: marker for marker in loaded["marker_ar"]}, "marker")
    covered = loaded_mentions(texts, glossary)
    rows = [
        {"article": article, "marker": m.entry.form, "start": m.start, "end": m.end, "surface": m.surface}
        for article, text in texts.items()
        for m in markers.find(text, article)
        if not any(term.start <= m.start and m.end <= term.end for term in covered[article])
    ]
    return pd.DataFrame(rows, columns=["article", "marker", "start", "end", "surface"])


def keyness(target: pd.DataFrame, reference: pd.DataFrame, min_count: int = 3) -> pd.DataFrame:
    """Dunning's log-likelihood (G²) of each term of ``target`` against ``reference``.

    Both frames are :func:`term_counts` outputs. Returns the terms used at least
    ``min_count`` times in the target and relatively more often there than in the
    reference, with ``count``, ``reference_count``, ``per_1000`` rates and ``g2``,
    strongest first. G² > 3.84 corresponds to p < 0.05 for one degree of freedom, but
    with texts this short the ranking is descriptive, not a test.
    """
    merged = (
        target[["term", "count", "display"]]
        .merge(
            reference.groupby("term", as_index=False)["count"].sum().rename(columns={"count": "reference_count"}),
            on="term",
            how="left",
        )
        .fillna({"reference_count": 0})
    )
    size_t, size_r = target["count"].sum(), reference["count"].sum()
    total = merged["count"] + merged["reference_count"]
    expected_t = size_t * total / (size_t + size_r)
    expected_r = size_r * total / (size_t + size_r)
    merged["g2"] = 2 * (
        merged["count"] * np.log(merged["count"] / expected_t)
        + np.where(
            merged["reference_count"] > 0,
            merged["reference_count"] * np.log(merged["reference_count"].where(merged["reference_count"] > 0, 1) / expected_r),
            0.0,
        )
    )
    merged["per_1000"] = 1000 * merged["count"] / size_t
    merged["reference_per_1000"] = 1000 * merged["reference_count"] / size_r
    keep = (merged["count"] >= min_count) & (merged["per_1000"] > merged["reference_per_1000"])
    return merged[keep].sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def term_panels(top: pd.DataFrame, names: dict[str, str], meta: pd.DataFrame, label) -> dict[str, tuple[list, pd.Series]]:
    r"""The top-terms chart's panels from :func:`top_terms` with glosses (:func:`with_glosses`): one per article, titled
    with its reader name and date ("2021 opinion piece\n(August 2021 – July 2022 (inferred))"), each bar labelled
    ``label(gloss, spelling)`` (e.g. ``figures.bilingual``), with its count.
    """
    return {
        f"{names[article_id].removeprefix('the ')}\n"
        f"({reader_date(meta.loc[article_id, 'date'], meta.loc[article_id, 'date_basis'])})": (
            [label(gloss, spelling) for gloss, spelling in zip(terms["gloss_en"], terms["display"])],
            terms["count"],
        )
        for article_id, terms in top.groupby("article_id", sort=False)
    }


def mention_matrix(country_mentions: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Countries (rows, ``iso3``, most mentioned first, ties in alphabetical order of the English name a reader
    reads) × (article, form) mentions, every article with a ``name`` and an ``adjective`` column even where it has
    none (0).
    """
    matrix = country_mentions.pivot_table(index="iso3", columns=["article_id", "form"], values="mentions", fill_value=0)
    columns = pd.MultiIndex.from_product([article_ids, ["name", "adjective"]], names=["article_id", "form"])
    matrix = matrix.reindex(columns=columns, fill_value=0)
    order = sorted(matrix.index, key=lambda iso3: (-matrix.loc[iso3].sum(), country_label(iso3)[0]))
    return matrix.loc[order]


def cuts_table(raws: dict[str, str], views: dict[str, CleanView]) -> pd.DataFrame:
    """Every cut the clean view made, per article: ``article``, ``cut`` (its reason), ``raw span`` and ``raw text``."""
    return pd.DataFrame(
        [
            {
                "article": article_id,
                "cut": cut.reason,
                "raw span": f"{cut.start}–{cut.end}",
                "raw text": raws[article_id][cut.start : cut.end].strip(),
            }
            for article_id, view in views.items()
            for cut in view.cuts
        ],
        columns=["article", "cut", "raw span", "raw text"],
    )


def lifted_table(views: dict[str, CleanView]) -> pd.DataFrame:
    """The metadata each clean view lifted out of its text: ``article``, ``field``, ``value``."""
    return pd.DataFrame(
        [
            {"article": article_id, "field": field, "value": value}
            for article_id, view in views.items()
            for field, value in view.lifted.items()
        ],
        columns=["article", "field", "value"],
    )


def non_country_table(
    mentions: dict[str, list[Mention]], names: dict[str, str], glosses: dict[str, str] | None = None
) -> pd.DataFrame:
    """The matches that are not countries (regions, cities, organisations, people, terms), one row per ``kind`` and
    ``term``: with ``glosses`` (term → English, ``non_country_terms.csv``'s ``gloss_en``) its ``English``, then its
    ``mentions`` and the ``articles`` (by ``names``, sorted) that make them.
    """
    found = pd.DataFrame(
        [
            {"article": names[article_id], "kind": m.entry.kind, "term": m.entry.term}
            for article_id, found in mentions.items()
            for m in found
            if not m.is_country
        ],
        columns=["article", "kind", "term"],
    )
    table = found.groupby(["kind", "term"], as_index=False).agg(
        mentions=("article", "size"), articles=("article", lambda named: ", ".join(sorted(set(named))))
    )
    if glosses is not None:
        table.insert(2, "English", table["term"].map(glosses).fillna(""))
    return table
