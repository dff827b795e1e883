"""The positions table (notebook 02): Peru's positions as the articles frame them, dimension × era.

``data/positions.csv`` is loaded and checked here (eras, dimensions, quotes and their
offsets, the renderings' hedges), then shaped into the comparison table's model.
``data/position_summaries.csv`` gives each cell one line (and a shorter form for the
handout), checked to name exactly the positions of its cell; :func:`summary_model` shapes
the summary table that notebook 02 and its print page show first, the evidence below it.
``perucorpus fill positions.csv`` fills or refreshes the ``start``/``end`` columns from the quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from perucorpus.base import schemas
from perucorpus.base.tables import DataError, read_table
from perucorpus.facts import renderings
from perucorpus.facts.quotes import citation, verify
from perucorpus.facts.readable import step_flags
from perucorpus.text.corpus import in_words, load_corpus, load_eras, with_reader_names
from perucorpus.text.overview import reader_date


def load_positions(data_dir: Path | str) -> pd.DataFrame:
    """Read ``positions.csv``, verify every quote against the raw articles, and check that its
    English keeps the quote's hedges, attributions and typos (:mod:`perucorpus.facts.renderings`).

    ``attrs["era_labels"]`` maps each era of ``eras.csv`` to its label, in file order (:func:`era_labels`),
    ``attrs["era_context"]`` to its context (``context_en``: the US administration of the time).
    """
    data_dir = Path(data_dir)
    eras = load_eras(data_dir)
    return check_positions(
        read_table(data_dir / "positions.csv", schemas.with_eras(schemas.POSITIONS, eras.index)),
        eras,
        load_corpus(data_dir),
        read_table(data_dir / "dimensions.csv", schemas.DIMENSIONS),
        read_table(data_dir / "gazetteer" / "variants.csv", schemas.GAZETTEER_VARIANTS),
        renderings.load_markers(data_dir),
    )


def check_positions(
    positions: pd.DataFrame,
    eras: pd.DataFrame,
    articles: dict,
    dimensions: pd.DataFrame,
    variants: pd.DataFrame,
    markers: pd.DataFrame,
) -> pd.DataFrame:
    """``positions.csv`` as read, checked as :func:`load_positions` checks it against the other files as loaded
    (``eras``: :func:`~perucorpus.text.corpus.check_eras`; ``articles``: :func:`~perucorpus.text.corpus.corpus_from`;
    ``dimensions.csv`` and ``gazetteer/variants.csv`` as read; ``markers``: :func:`~perucorpus.facts.renderings.check_markers`).
    """
    _check_rows(positions, set(dimensions["dimension"]), {key: article.meta["era"] for key, article in articles.items()})
    verify(positions, {key: article.raw for key, article in articles.items()})
    voice = renderings.check(positions, markers, renderings.article_typos(variants))
    if voice:
        raise DataError(
            f"{len(voice)} rendering(s) drop the Arabic's hedge, attribution or typo "
            "(data/hedge_markers.csv):\n" + "\n".join(voice)
        )
    positions = positions.copy()
    for column in ("start", "end"):
        positions[column] = pd.array([int(value) if value else None for value in positions[column]], dtype="Int64")
    positions["citation"] = [
        citation(articles[row.article_id].raw, row.article_id, int(row.start), int(row.end)) if row.status == "stated" else ""
        for row in positions.itertuples()
    ]
    positions.attrs["era_labels"] = dict(zip(eras.index, eras["label_en"]))
    positions.attrs["era_context"] = dict(zip(eras.index, eras["context_en"]))
    return positions


def _check_rows(positions: pd.DataFrame, dimensions: set[str], eras: dict[str, str]) -> None:
    """Each row names a dimension of ``dimensions.csv``, a quoted claim the era of its article,
    and a ``record`` note, if any, that :mod:`perucorpus.facts.record` generates.
    """
    problems = []
    for row, line in zip(positions.to_dict("records"), positions.attrs["lines"]):
        where = f"{positions.attrs['source']}:{line}: {row['dimension']}/{row['era']}"
        if row["dimension"] not in dimensions:
            problems.append(f"{where}: dimension {row['dimension']!r} is not in dimensions.csv")
        if row["record"] and row["record"] not in schemas.RECORD_NOTES:
            problems.append(f"{where}: record {row['record']!r} is not one of the generated notes {sorted(schemas.RECORD_NOTES)}")
        article_era = eras.get(row["article_id"])
        if row["status"] == "stated" and article_era and article_era != row["era"]:
            problems.append(f"{where}: era {row['era']!r}, but {row['article_id']} is an article of the {article_era!r} era")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))


def era_labels(positions: pd.DataFrame) -> dict[str, str]:
    """Era id → label (``data/eras.csv``, in its order) of a frame from :func:`load_positions`."""
    if "era_labels" not in positions.attrs:
        raise DataError("the positions frame has no era labels: load it with comparison.load_positions")
    return positions.attrs["era_labels"]


NOT_ADDRESSED = "Not addressed in the sources."


def cells(positions: pd.DataFrame, dimensions: pd.DataFrame):
    """Yield ``(dimension_row, [(era, claims), …])`` in display order, one entry per era.

    Fails if a claim names an unknown dimension or a dimension lacks either era.
    """
    order = dimensions.assign(order=dimensions["order"].astype(int)).sort_values("order")
    unknown = sorted(set(positions["dimension"]) - set(order["dimension"]))
    if unknown:
        raise DataError(f"positions.csv uses dimensions missing from dimensions.csv: {unknown}")
    for dimension in order.itertuples():
        row = []
        for era in era_labels(positions):
            claims = positions[(positions["dimension"] == dimension.dimension) & (positions["era"] == era)]
            if claims.empty:
                raise DataError(f"positions.csv: dimension {dimension.dimension!r} has no row for era {era!r}")
            row.append((era, claims))
        yield dimension, row


def table_model(
    positions: pd.DataFrame,
    dimensions: pd.DataFrame,
    texts: dict[str, str],
    record_notes: dict[str, str],
    names: dict[str, str] | None = None,
) -> list[dict]:
    """The comparison table as data, the one model that the notebook table, the CSV and the print page render.

    One dict per dimension (``dimension``, ``order``, ``label_en``, ``question_en``, ``eras``),
    each era a dict (``era``, ``label``, ``claims``), each claim a dict with ``status``,
    ``position_en``, ``quote_ar``, ``quote_en``, ``citation`` (empty for a gap), ``source``
    (the reading line's short citation, "2025 news report ¶9", from ``names``:
    :func:`perucorpus.text.corpus.reader_names`; the id where no name is given), ``note``
    (article ids named as readers name them) and ``record``: the generated "what the record
    adds" note the claim names (``record_notes``, from :func:`perucorpus.facts.record.notes`), or empty.
    """
    names = names or {}
    model = []
    for dimension, eras in cells(positions, dimensions):
        row = {key: getattr(dimension, key) for key in ("dimension", "order", "label_en", "question_en")}
        row["eras"] = [
            {
                "era": era,
                "label": era_labels(positions)[era],
                "claims": [_claim(claim, texts, record_notes, names) for claim in claims.itertuples()],
            }
            for era, claims in eras
        ]
        model.append(row)
    return model


def _short_name(article_id: str, names: dict[str, str]) -> str:
    return names.get(article_id, article_id).removeprefix("the ")


def _claim(claim, texts: dict[str, str], record_notes: dict[str, str], names: dict[str, str]) -> dict:
    if claim.record and claim.record not in record_notes:
        raise DataError(
            f"positions.csv: {claim.dimension}/{claim.era} names the record note {claim.record!r}, which was not computed"
        )
    paragraph = claim.citation.split(", ")[0].removeprefix(f"{claim.article_id} ") if claim.citation else ""
    return {
        "status": claim.status,
        "position_en": claim.position_en,
        "quote_ar": claim.quote_ar,
        "quote_en": claim.quote_en,
        "citation": claim.citation,
        "source": f"{_short_name(claim.article_id, names)} {paragraph}" if claim.citation else "",
        "note": with_reader_names(claim.note, names),
        "record": record_notes.get(claim.record, ""),
    }


def _position_key(citation_text: str) -> str:
    """``jeri2025_mnna_intent ¶9`` of a full citation ``jeri2025_mnna_intent ¶9, 1785–1874``."""
    return citation_text.split(", ")[0]


def load_summaries(data_dir: Path | str, positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read ``position_summaries.csv`` and check it against ``positions.csv`` (:func:`load_positions`).

    Word limits are the schema's (``schemas.SUMMARY_WORDS``, ``schemas.SHORT_WORDS``). Each
    row names a cell (dimension × era) of the positions table, every cell has exactly one, and
    its ``positions`` name exactly the stated positions of that cell (``article_id ¶n``, as
    their citations start): none unknown, none left out; a gap cell names none. Its
    ``record`` names facts of :data:`perucorpus.facts.record.FACTS` (checked by the schema).
    """
    data_dir = Path(data_dir)
    eras = load_eras(data_dir)
    summaries = read_table(data_dir / "position_summaries.csv", schemas.with_eras(schemas.POSITION_SUMMARIES, eras.index))
    return check_summaries(summaries, load_positions(data_dir) if positions is None else positions)


def check_summaries(summaries: pd.DataFrame, positions: pd.DataFrame) -> pd.DataFrame:
    """``position_summaries.csv`` as read, checked against ``positions`` (:func:`check_positions`) as
    :func:`load_summaries` checks it.
    """
    problems = summary_problems(summaries, positions)
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return summaries


def summary_problems(summaries: pd.DataFrame, positions: pd.DataFrame) -> list[str]:
    """Why ``summaries`` do not summarise exactly the cells and positions of ``positions`` (empty if they do)."""
    problems, seen = [], set()
    for row, line in zip(summaries.to_dict("records"), summaries.attrs["lines"]):
        where = f"{summaries.attrs['source']}:{line}: {row['dimension']}/{row['era']}"
        seen.add((row["dimension"], row["era"]))
        cell = positions[(positions["dimension"] == row["dimension"]) & (positions["era"] == row["era"])]
        if cell.empty:
            problems.append(f"{where}: positions.csv has no row for this dimension and era")
            continue
        stated = {_position_key(text) for text in cell.loc[cell["status"] == "stated", "citation"]}
        named = [key for key in (row["positions"] or "").split("; ") if key]
        problems += [f"{where}: names {key!r} twice" for key in sorted({key for key in named if named.count(key) > 1})]
        problems += [
            f"{where}: names {key!r}, which is not a stated position of this cell in positions.csv"
            for key in named
            if key not in stated
        ]
        problems += [
            f"{where}: leaves out {key!r}, a stated position of this cell in positions.csv" for key in sorted(stated - set(named))
        ]
    cells_of_positions = sorted(set(zip(positions["dimension"], positions["era"])))
    problems += [
        f"{summaries.attrs['source']}: no summary for the cell {dimension}/{era} of positions.csv"
        for dimension, era in cells_of_positions
        if (dimension, era) not in seen
    ]
    return problems


#: A parenthetical in an era's ``context_en`` that ends with reference ids ("(… in 2022: ref_a, ref_b)"): the proof of
#: the context, shown folded, not in the column heading.
_REF_ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
_PROOF = re.compile(r"\s*\(([^()]*?:\s*[a-z0-9]+_[a-z0-9_]+(?:,\s*[a-z0-9]+_[a-z0-9_]+)*)\)")


def split_context(context: str) -> tuple[str, str]:
    """An era's context as the column heading shows it, without the reference ids, and its proof (``""`` if none):
    ``"US: Biden (he designated Qatar in 2022: ref_a)."`` → ``("US: Biden.", "he designated Qatar in 2022: ref_a")``.
    """
    proofs = _PROOF.findall(context)
    return _PROOF.sub("", context), "; ".join(proofs)


#: The reference ids a proof ends with ("…, report; reference ids: ref_a, ref_b"): for the researchers' fold.
_PROOF_IDS = re.compile(r";?\s*reference ids:\s*([a-z0-9_, ]+)$")


def _proof_ids(proof: str) -> tuple[str, str]:
    """A proof for the reading line, without the reference ids it ends with, and those ids ("" if none)."""
    found = _PROOF_IDS.search(proof)
    return (_PROOF_IDS.sub("", proof), found.group(1).strip()) if found else (proof, "")


def summary_model(
    summaries: pd.DataFrame,
    positions: pd.DataFrame,
    dimensions: pd.DataFrame,
    names: dict[str, str],
    facts: dict,
    memberships: pd.DataFrame | None = None,
    references: pd.DataFrame | None = None,
) -> dict:
    """The summary table as data (notebook 02's first table, the print page's first layer).

    ``eras``: each era's ``label``, ``context`` (``eras.csv``, without reference ids), ``proof`` (the
    context's evidence with its ids, for the layer below; :func:`split_context`) and ``flags`` (with ``memberships``
    and ``references``: the steps its proof's references record that rest on one source that is not primary,
    :func:`perucorpus.facts.readable.step_flags`; "" otherwise). ``rows``: one per dimension, in
    display order, with ``label_en``, ``question_en`` and ``cells``; each cell has ``summary``, ``short``,
    ``sources`` (per article, in the order named: ``source``, e.g. "2021 opinion piece ¶2, ¶3", and
    ``citations``, the full citations of its positions), ``record`` (the numbers of its record facts) and
    ``record_first`` (those first named here, row by row, left to right: their text is printed here; a later
    cell refers to them by number). ``facts``: each record fact named (from
    :func:`perucorpus.facts.record.facts`), numbered in order of first use, with ``text``, ``sources`` (the
    references as a reader cites them) and ``trace`` (data rows, derivations, reference ids).
    """
    by_cell = {(row.dimension, row.era): row for row in summaries.itertuples()}
    numbers: dict[str, int] = {}
    rows = []
    for dimension, eras in cells(positions, dimensions):
        row = {"dimension": dimension.dimension, "label_en": dimension.label_en, "question_en": dimension.question_en}
        row["cells"] = []
        for era, claims in eras:
            summary = by_cell[(dimension.dimension, era)]
            keys = [fact for fact in (summary.record or "").split("; ") if fact]
            first = [key for key in keys if key not in numbers]
            for key in keys:
                numbers.setdefault(key, len(numbers) + 1)
            row["cells"].append(
                {
                    "era": era,
                    "summary": summary.summary_en,
                    "short": summary.short_en,
                    "sources": _sources(summary.positions, claims, names),
                    "record": [numbers[key] for key in keys],
                    "record_first": [numbers[key] for key in first],
                }
            )
        rows.append(row)
    context = positions.attrs.get("era_context", {})
    eras = []
    for era, label in era_labels(positions).items():
        shown, proof = split_context(context.get(era, ""))
        flags = ""
        if proof and memberships is not None and references is not None:
            flags = step_flags([ref for ref in _REF_ID.findall(proof) if ref in references.index], memberships, references)
        proof, ids = _proof_ids(proof)
        eras.append({"era": era, "label": label, "context": shown, "proof": proof, "ids": ids, "flags": flags})
    return {
        "eras": eras,
        "rows": rows,
        "facts": [
            {
                "number": number,
                "text": facts[key].text,
                "sources": facts[key].sources,
                "trace": facts[key].trace,
            }
            for key, number in numbers.items()
        ],
    }


def short_table(glance: dict) -> pd.DataFrame:
    """The one-page handout's table from a :func:`summary_model`: one row per dimension (``dimension``,
    ``label_en``), one column per era label, each cell the short form with its sources' genres and
    paragraphs ("Trump intends to make Peru a Major Non-NATO Ally. (2025 news report ¶1, ¶2)").
    """
    rows = []
    for row in glance["rows"]:
        line = {"dimension": row["dimension"], "label_en": row["label_en"]}
        for era, cell in zip(glance["eras"], row["cells"]):
            sources = "; ".join(source["source"] for source in cell["sources"])
            line[era["label"]] = f"{cell['short']} ({sources})" if sources else cell["short"]
        rows.append(line)
    return pd.DataFrame(rows)


def _sources(named: str, claims: pd.DataFrame, names: dict[str, str]) -> list[dict]:
    """The positions a summary names, grouped by article in the order named, with their full citations."""
    grouped: dict[str, list[str]] = {}
    for key in filter(None, (named or "").split("; ")):
        article_id, paragraph = key.split(" ")
        grouped.setdefault(article_id, []).append(paragraph)
    stated = claims[claims["status"] == "stated"]
    return [
        {
            "source": f"{_short_name(article_id, names)} {', '.join(paragraphs)}",
            "citations": "; ".join(
                text for text in stated["citation"] if _position_key(text) in {f"{article_id} {p}" for p in paragraphs}
            ),
        }
        for article_id, paragraphs in grouped.items()
    ]


def wide_table(model: list[dict]) -> pd.DataFrame:
    """The :func:`table_model` as dimension × era plain-text cells, one claim per line:
    position, quote, rendering, citation, then the record note in brackets.
    """
    rows = []
    for dimension in model:
        row = {key: dimension[key] for key in ("dimension", "order", "label_en")}
        for era in dimension["eras"]:
            row[era["era"]] = "\n".join(_claim_text(claim) for claim in era["claims"])
        rows.append(row)
    return pd.DataFrame(rows)


def claim_grid(
    positions: pd.DataFrame, dimensions: pd.DataFrame, names: dict[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dimension × era tables, in display order: the number of quoted positions, and their articles.

    The articles are named as ``names`` name them, without "the" ("2025 news report"), or else by
    the first part of their id (``castillo2021``); a gap counts 0 and names none. Rows are labelled
    with ``label_en``, columns with the era labels (:func:`era_labels`).
    """
    counts, sources = {}, {}
    labels = era_labels(positions)
    for dimension, eras in cells(positions, dimensions):
        counts[dimension.label_en], sources[dimension.label_en] = {}, {}
        for era, claims in eras:
            stated = claims[claims["status"] == "stated"]
            counts[dimension.label_en][labels[era]] = len(stated)
            named = {_short_name(key, names) if names else key.split("_")[0] for key in stated["article_id"]}
            sources[dimension.label_en][labels[era]] = ", ".join(sorted(named))
    return pd.DataFrame(counts).T, pd.DataFrame(sources).T


#: What the table can support, whatever articles fill it (the first points of :func:`support_points` come from the data).
WHO_SPEAKS = (
    "No Peruvian official is quoted: each claim is its article's reading, and Peru's 'positions' here are what the "
    "articles say Peru did (announced an exit, signed a declaration, is being designated) and how they frame it."
)
GAPS_ARE_GAPS = "'Not addressed' means the articles are silent, not that Peru had no position."
TRANSLATION = (
    "The English renderings are ours: they keep the Arabic's hedges, attributions and tense, and mark typos sic "
    "(the conventions are in the data codebook); the Arabic is the evidence."
)


def support_points(positions: pd.DataFrame, meta: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """What the table can and cannot support, in plain sentences: which articles fill each era (reader names,
    with their quoted positions), who speaks, how the articles are dated, gaps, translation.
    """
    stated = positions[positions["status"] == "stated"]
    points = []
    for era, label in era_labels(positions).items():
        counts = stated.loc[stated["era"] == era, "article_id"].value_counts(sort=False)
        if counts.empty:
            points.append(f"{label}: no article's claims yet.")
            continue
        listed = [f"{names.get(article, article)} ({count} quoted positions)" for article, count in counts.items()]
        articles = f"{in_words(len(listed))} article{'s' if len(listed) > 1 else ''}"
        points.append(f"The column “{label}” rests on {articles}: {_joined(listed)}.")
    points.append(WHO_SPEAKS)
    used = meta.loc[meta.index.isin(stated["article_id"])]
    inferred = [names.get(article, article) for article in used.index[used["date_basis"] != "stated"]]
    if inferred:
        points.append(
            f"Dates: {_joined(inferred)} {'is' if len(inferred) == 1 else 'are'} dated only from clues in the text, "
            "bounded by the record (notebook 01 shows how), so the years in the column headings are not publication days."
        )
    return points + [GAPS_ARE_GAPS, TRANSLATION]


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _claim_text(claim: dict) -> str:
    if claim["status"] != "stated":
        text = f"{claim['position_en']} [{NOT_ADDRESSED}]"
    else:
        text = f'{claim["position_en"]} — «{claim["quote_ar"]}» — "{claim["quote_en"]}" ({claim["citation"]})'
    return f"{text} [{claim['record']}]" if claim["record"] else text


def check_line(positions: pd.DataFrame, dimensions: pd.DataFrame, summaries: pd.DataFrame) -> str:
    """One line saying what loading checked: quoted positions and their articles, dimensions, gaps, cell summaries."""
    stated = positions[positions["status"] == "stated"]
    gaps = int((positions["status"] == "not_addressed").sum())
    return (
        f"{len(stated)} quoted positions verified across {stated['article_id'].nunique()} articles; "
        f"{len(dimensions)} dimensions; {gaps} gaps marked 'not addressed'; "
        f"{len(summaries)} cell summaries, each naming exactly its cell's positions"
    )


def claims_by_article(positions: pd.DataFrame, meta: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The quoted positions per era and article, in the order of ``positions``: ``era``, ``article`` (as ``names``
    names it), ``article_id``, ``quoted positions``, and the article's ``genre`` and ``date`` as readers meet it
    (:func:`perucorpus.text.overview.reader_date`: "August 2021 – 7 September 2021 (inferred)").
    """
    stated = positions[positions["status"] == "stated"]
    where = (
        stated.groupby(["era", "article_id"], sort=False)
        .size()
        .rename("quoted positions")
        .reset_index()
        .join(meta[["genre", "date", "date_basis"]], on="article_id")
        .assign(article=lambda frame: frame["article_id"].map(names))
    )
    where["date"] = [reader_date(day, basis) for day, basis in zip(where["date"], where["date_basis"])]
    return where[["era", "article", "article_id", "quoted positions", "genre", "date"]]
