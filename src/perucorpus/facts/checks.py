"""Article claims set against the public references: the fact-check tables of notebooks 03 and 04.

Each check keeps the two kinds of evidence apart: the claim is the article's verbatim
quote, and what the references record comes only from the references. ``data/claims.csv``
holds every checkable claim of the articles with its verdict (:func:`load_claims` checks
quotes, offsets and references on load; ``perucorpus fill claims.csv`` fills
the offsets, with :func:`perucorpus.facts.quotes.fill_offsets`). The other functions compute checks
from the external rows of ``data/memberships.csv`` and ``data/peru_heads_of_state.csv``; where a
verdict in ``claims.csv`` rests on one of them, a test keeps the two in agreement.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.countries import country_label
from perucorpus.base.tables import DataError, read_table
from perucorpus.base.vocabulary import STATUS_WORDS
from perucorpus.facts import renderings
from perucorpus.facts.heads_of_state import in_office
from perucorpus.facts.memberships import LEFT, external_rows, peru_step_row, status_on
from perucorpus.facts.quotes import QuoteError, citation, locate_in_article, short_citation
from perucorpus.facts.readable import cited, dates_in_words, plain_date, without_ids
from perucorpus.facts.sourcing import CITED_IN_NOTE, cite, dated_row
from perucorpus.text.corpus import in_words, load_corpus

COLUMNS = ["article", "claim (quote)", "country", "what the references record", "references", "our note on the claim"]
CLAIM_COLUMNS = [
    "article",
    "claim (quote)",
    "claim (English)",
    "verdict",
    "what the references state",
    "references",
    "our note on the verdict",
    "later (not in the verdict)",
    "references (titles and ids)",
]
#: A word that may be a claim id (lower case, joined by underscores), as a note names another claim.
_CLAIM_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
#: The long columns of :func:`claims_table` that a page prints under each claim's row (``display.table(below=…)``).
CLAIM_NOTES = ["what the references state", "our note on the verdict", "later (not in the verdict)"]
#: The column of :func:`claims_table` that is each ``references`` cell's tooltip (``display.table(titles=…)``).
CLAIM_TOOLTIPS = {"references": "references (titles and ids)"}
#: The column of ``claims.csv`` where a rendering judgement (``copula: «…»``, :mod:`perucorpus.facts.renderings`) is documented.
RENDERING_NOTE = "verdict_note"
#: MNNA statuses that are announced or notified but not (yet) a designation.
MNNA_PENDING = ("notified", "announced")


def load_verdict_dates(data_dir: Path | str) -> pd.DataFrame:
    """Read ``verdict_dates.csv`` (one judging date per article, indexed by ``article_id``) and check each date
    against its article: the article must exist, and ``as_of`` must lie within its ``date`` in ``articles.csv``
    (a day, a month, a year or an interval ``start/end``).
    """
    data_dir = Path(data_dir)
    return check_verdict_dates(read_table(data_dir / "verdict_dates.csv", schemas.VERDICT_DATES), load_corpus(data_dir))


def check_verdict_dates(table: pd.DataFrame, articles: dict) -> pd.DataFrame:
    """``verdict_dates.csv`` as read, checked against ``articles`` (:func:`perucorpus.text.corpus.corpus_from`)
    as :func:`load_verdict_dates` checks it, indexed by ``article_id``.
    """
    meta = {key: article.meta for key, article in articles.items()}
    problems = []
    for row, line in zip(table.to_dict("records"), table.attrs["lines"]):
        where = f"{table.attrs['source']}:{line}: {row['article_id']}"
        if row["article_id"] not in meta:
            problems.append(f"{where}: not an article of articles.csv")
            continue
        span = meta[row["article_id"]]["date"].split("/")
        first, last = dates.parse(span[0]).first, dates.parse(span[-1]).last
        if not first <= date.fromisoformat(row["as_of"]) <= last:
            problems.append(f"{where}: as_of {row['as_of']} is outside the article's date {'/'.join(span)} ({first} to {last})")
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return table.set_index("article_id")


def load_claims(data_dir: Path | str) -> pd.DataFrame:
    """Read ``claims.csv`` and check each row: its quote occurs once in its article, at ``start:end``, every
    ``ref_id`` is in ``references.csv``, an id named in parentheses in its text is a reference, an article or a claim,
    ``claim_en`` keeps the quote's hedges, attributions and typos (:func:`perucorpus.facts.renderings.check`),
    and its article has a judging date in ``verdict_dates.csv`` (added as column ``as_of``).
    """
    data_dir = Path(data_dir)
    articles = load_corpus(data_dir)
    return check_claims(
        read_table(data_dir / "claims.csv", schemas.CLAIMS),
        read_table(data_dir / "references.csv", schemas.REFERENCES),
        articles,
        check_verdict_dates(read_table(data_dir / "verdict_dates.csv", schemas.VERDICT_DATES), articles),
        read_table(data_dir / "gazetteer" / "variants.csv", schemas.GAZETTEER_VARIANTS),
        renderings.load_markers(data_dir),
    )


def check_claims(
    claims: pd.DataFrame,
    references: pd.DataFrame,
    articles: dict,
    judged: pd.DataFrame,
    variants: pd.DataFrame,
    markers: pd.DataFrame,
) -> pd.DataFrame:
    """``claims.csv`` as read, checked as :func:`load_claims` checks it against the other files as loaded
    (``references.csv`` and ``gazetteer/variants.csv`` as read, ``judged``: :func:`check_verdict_dates`,
    ``markers``: :func:`perucorpus.facts.renderings.check_markers`).
    """
    references = set(references["ref_id"])
    texts = {key: article.raw for key, article in articles.items()}
    known = references | set(texts) | set(claims["claim_id"])
    problems = []
    for row, line in zip(claims.to_dict("records"), claims.attrs["lines"]):
        where = f"{claims.attrs['source']}:{line}: {row['claim_id']}"
        try:
            span = locate_in_article(texts, row["article_id"], row["quote_ar"], where)
            if (int(row["start"]), int(row["end"])) != span:
                problems.append(
                    f"{where}: start/end {row['start']}–{row['end']} do not match the quote, which is at "
                    f"{span[0]}–{span[1]} (run perucorpus fill claims.csv)"
                )
        except QuoteError as error:
            problems.append(str(error))
        if row["article_id"] in texts and row["article_id"] not in judged.index:
            problems.append(f"{where}: article {row['article_id']} has no judging date in verdict_dates.csv")
        problems += [
            f"{where}: ref_id {ref!r} is not in references.csv"
            for ref in row["ref_ids"].split(";")
            if ref and ref not in references
        ]
        named = CITED_IN_NOTE.findall(" ".join(row[column] for column in ("source_states", "verdict_note", "later_note")))
        problems += [
            f"{where}: ({name}) is neither a ref_id, an article id nor a claim_id"
            for name in dict.fromkeys(named)
            if name not in known
        ]
    typos = renderings.article_typos(variants)
    problems += renderings.check(claims, markers, typos, english=("claim_en",), note=RENDERING_NOTE)
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    claims = claims.copy()
    claims[["start", "end"]] = claims[["start", "end"]].astype(int)
    claims["as_of"] = claims["article_id"].map(judged["as_of"])
    claims["citation"] = [citation(texts[row.article_id], row.article_id, row.start, row.end) for row in claims.itertuples()]
    return claims


def load_reviews(data_dir: Path | str, claims: pd.DataFrame) -> pd.DataFrame:
    """Read ``claim_reviews.csv`` and check it against ``claims`` (:func:`load_claims`): every review names a claim,
    every claim has at least one review, and each claim's latest review (by date, then file order) ends on its verdict.
    """
    return check_reviews(read_table(Path(data_dir) / "claim_reviews.csv", schemas.CLAIM_REVIEWS), claims)


def check_reviews(reviews: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """``claim_reviews.csv`` as read, checked against ``claims`` (:func:`check_claims`) as :func:`load_reviews` checks it."""
    where = reviews.attrs["source"]
    verdicts = claims.set_index("claim_id")["verdict"]
    problems = [
        f"{where}:{line}: {claim_id} is not a claim_id of claims.csv"
        for claim_id, line in zip(reviews["claim_id"], reviews.attrs["lines"])
        if claim_id not in verdicts.index
    ]
    problems += [f"{where}: {claim_id} has no review" for claim_id in verdicts.index if claim_id not in set(reviews["claim_id"])]
    latest = reviews.assign(line=reviews.attrs["lines"]).sort_values(["date", "line"], kind="stable").groupby("claim_id").last()
    problems += [
        f"{where}:{row.line}: {claim_id}'s latest review ends on {row.verdict_after!r}, but claims.csv has {verdicts[claim_id]!r}"
        for claim_id, row in latest.iterrows()
        if claim_id in verdicts.index and row.verdict_after != verdicts[claim_id]
    ]
    if problems:
        raise DataError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return reviews


#: Column names of ``claims.csv`` and verdict codes as the reading line writes them in a review's ``what_changed``.
PLAIN_WORDS = {"later_note": "the later note", "not_checkable": "not checkable", "not_checked": "not checked"}


def plain_review_text(text: str) -> str:
    """``what_changed`` for a reader: column names and verdict codes in words (:data:`PLAIN_WORDS`), ISO days as
    "10 August 2021".
    """
    for code, words in PLAIN_WORDS.items():
        text = re.sub(rf"\b{code}\b", words, text)
    return re.sub(r"\b\d{4}-\d{2}-\d{2}\b", lambda match: dates.in_words(dates.parse(match.group())), text)


def verdict_changes(reviews: pd.DataFrame, places: dict[str, str] | None = None) -> pd.DataFrame:
    """The reviews that changed a verdict or added a claim: ``claim_id``, ``kind``, ``before``, ``after``,
    ``what_changed`` (in plain words, :func:`plain_review_text`). With ``places`` (:func:`claim_places`), for a
    reader: ``claim`` names each claim by its place, as ``what changed`` names any claim it mentions.
    """
    changed = reviews[(reviews["verdict_before"] != reviews["verdict_after"])]
    table = pd.DataFrame(
        {
            "claim_id": changed["claim_id"],
            "kind": changed["kind"],
            "before": changed["verdict_before"].replace("", "(new claim)").str.replace("_", " "),
            "after": changed["verdict_after"].str.replace("_", " "),
            "what_changed": changed["what_changed"].map(plain_review_text),
        }
    ).reset_index(drop=True)
    if places is None:
        return table
    named = table["what_changed"].map(lambda text: _CLAIM_ID.sub(lambda m: places.get(m.group(), m.group()), text))
    return table.assign(claim_id=table["claim_id"].map(places), what_changed=named).rename(
        columns={"claim_id": "claim", "what_changed": "what changed"}
    )


def review_counts(reviews: pd.DataFrame) -> pd.DataFrame:
    """Number of readings per kind (rows, :data:`schemas.REVIEW_KINDS`) and outcome (columns), then ``readings``
    (their sum) and ``claims read`` (distinct claims: fewer than the readings where a claim was read twice).
    """
    counts = pd.crosstab(
        pd.Categorical(reviews["kind"], categories=schemas.REVIEW_KINDS),
        pd.Categorical(reviews["outcome"], categories=schemas.REVIEW_OUTCOMES),
        dropna=False,
    )
    counts.columns = [outcome.replace("_", " ") for outcome in schemas.REVIEW_OUTCOMES]
    counts.index = [kind.replace("_", " ") for kind in schemas.REVIEW_KINDS]
    counts["readings"] = counts.sum(axis=1)
    counts["claims read"] = [reviews.loc[reviews["kind"] == kind, "claim_id"].nunique() for kind in schemas.REVIEW_KINDS]
    return counts.rename_axis("reading").astype(int)


def read_twice(reviews: pd.DataFrame, kind: str) -> list[str]:
    """The claims that more than one reading of ``kind`` (e.g. ``"rejudging"``) read, in file order."""
    ids = reviews.loc[reviews["kind"] == kind, "claim_id"]
    return list(dict.fromkeys(ids[ids.duplicated()]))


def claim_places(claims: pd.DataFrame, names: dict[str, str], texts: dict[str, str]) -> dict[str, str]:
    """Each claim id → the claim as a reader finds it: "the claim at 2021 opinion piece ¶3" (``names``: article id →
    reader name; ``texts``: the raw articles).
    """
    return {
        row.claim_id: f"the claim at {short_citation(names[row.article_id], texts[row.article_id], int(row.start))}"
        for row in claims.itertuples()
    }


def named_claims(claim_ids, places: dict[str, str]) -> str:
    """``claim_ids`` as a reader finds them (``places``, :func:`claim_places`), ", " between them, claims that share a
    place named once with their number: "the claim at 2026 explainer ¶23, two claims at 2021 opinion piece ¶3".
    """
    counts = Counter(places[claim] for claim in claim_ids)
    return ", ".join(
        place if n == 1 else f"{in_words(n)} claims at {place.removeprefix('the claim at ')}" for place, n in counts.items()
    )


def claims_table(
    claims: pd.DataFrame,
    references: pd.DataFrame,
    names: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
    every: pd.DataFrame | None = None,
    flags: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The claims for display (columns :data:`CLAIM_COLUMNS`), as a reader reads them: each reference by its publisher
    and date in words (``references``; "none" without any), with its title and id in ``references (titles and ids)``
    (for a tooltip, :data:`CLAIM_TOOLTIPS`), and the notes naming references by their publishers, not their ids
    (:func:`perucorpus.facts.readable.without_ids`; the ids stay in ``claims.csv``).

    With ``names`` (article id → reader name) and ``texts`` (the raw articles), ``article`` is the short citation
    ("2021 opinion piece ¶3"); otherwise the full one (id, paragraph, span).
    The judging date is the article's (:func:`load_verdict_dates`), shown once per article above the tables, so it
    is not repeated on every row. With ``names`` and ``texts``, a note that names another claim of ``every`` (all the
    claims; by default ``claims``) by its id names it by its place ("the claim at 2021 opinion piece ¶3"). With
    ``flags`` (:func:`perucorpus.facts.readable.lone_sources`), a reference a note names keeps its source's flag.
    """
    sources = [cited([ref for ref in ids.split(";") if ref], references) for ids in claims["ref_ids"]]
    places = claim_places(claims if every is None else every, names, texts) if names and texts else {}

    def plain(column: str) -> pd.Series:
        def readable(text: str) -> str:
            return dates_in_words(_CLAIM_ID.sub(lambda m: places.get(m.group(), m.group()), without_ids(text, references, flags)))

        return claims[column].map(readable)

    return pd.DataFrame(
        {
            "article": (
                pd.Series(
                    [short_citation(names[row.article_id], texts[row.article_id], int(row.start)) for row in claims.itertuples()],
                    index=claims.index,
                    dtype=object,
                )
                if names and texts
                else claims["citation"]
            ),
            "claim (quote)": claims["quote_ar"],
            "claim (English)": claims["claim_en"],
            "verdict": claims["verdict"].str.replace("_", " "),
            "what the references state": plain("source_states"),
            "references": pd.Series([shown or "none" for shown, _ in sources], index=claims.index, dtype=object),
            "our note on the verdict": plain("verdict_note"),
            "later (not in the verdict)": plain("later_note"),
            "references (titles and ids)": pd.Series([full for _, full in sources], index=claims.index, dtype=object),
        },
        columns=CLAIM_COLUMNS,
    ).reset_index(drop=True)


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Number of claims per article (rows) and verdict (columns, in :data:`schemas.VERDICTS` order), with totals."""
    counts = pd.crosstab(claims["article_id"], pd.Categorical(claims["verdict"], categories=schemas.VERDICTS), dropna=False)
    counts.columns = list(schemas.VERDICTS)
    counts["all"] = counts.sum(axis=1)
    return counts.rename_axis("article").astype(int)


def unchecked_statements(rows: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Article rows of ``memberships.csv`` (Lima Group and MNNA statuses, as in :func:`status_checks`) whose quote
    no claim of the same article overlaps: statements notebook 03 shows that ``claims.csv`` has not checked.
    """
    statements = rows[(rows["source_kind"] == "article") & rows["grouping"].isin(["lima_group", "mnna"])]

    def covered(statement) -> bool:
        same = claims[claims["article_id"] == statement.source_article]
        return bool(((same["start"] < int(statement.quote_end)) & (same["end"] > int(statement.quote_start))).any())

    return statements[[not covered(statement) for statement in statements.itertuples()]]


def allies_on(rows: pd.DataFrame, when: date, excluding: str = "PER") -> pd.DataFrame:
    """The other countries' standing as US Major Non-NATO Allies on ``when``, from the references only.

    One row per kind, ``designated``, ``pending`` (announced or notified, :data:`MNNA_PENDING`)
    and ``treated_as``, with the number of ``countries`` and their ISO3 ``codes`` (sorted, comma-separated).
    """
    status = status_on(rows, "mnna", when, "external").drop(excluding, errors="ignore")
    kind = status.replace({pending: "pending" for pending in MNNA_PENDING})
    table = [
        {"kind": name, "countries": int((kind == name).sum()), "codes": ", ".join(sorted(kind.index[kind == name]))}
        for name in ("designated", "pending", "treated_as")
    ]
    return pd.DataFrame(table).set_index("kind")


def _country_names(codes: str) -> str:
    return ", ".join(country_label(code)[0] for code in codes.split(", ") if code)


def describe_allies(allies: pd.DataFrame, notice, article: str = "jeri2025_mnna_intent") -> str:
    """Notebook 03's check of jeri2025_mnna_intent's '20 other countries' against :func:`allies_on`, in plain words.

    ``notice`` is the external row of Peru's notice (:func:`peru_step_row`); its date is written in words, marked
    ``*`` when derived (:func:`perucorpus.facts.readable.plain_date`; the derivation is shown with the steps' table).
    Countries are named in English. ``article`` is how the text names the article (its id, or its reader name,
    :func:`perucorpus.text.corpus.reader_names`).
    """
    designated, pending, treated = (allies.loc[kind] for kind in ("designated", "pending", "treated_as"))
    return (
        f"On {plain_date(notice['start'], notice['start_basis'])}, the day the US notified Congress about Peru, the "
        f"references record {designated.countries} other designated Major Non-NATO Allies, {pending.countries} "
        f"announced or notified but not yet formalised ({_country_names(pending.codes)}) and {treated.countries} "
        f"treated as one ({_country_names(treated.codes)}). {article[:1].upper()}{article[1:]} says Peru joins "
        f"'20 other countries': the {designated.countries} designated allies plus the {pending.countries} announced "
        f"({_country_names(pending.codes)}) make {designated.countries + pending.countries}."
    )


def mentioned_refs(text: str, references: pd.DataFrame) -> set[str]:
    """The ``ref_id``s that a note names in passing, e.g. "(monoglobal_2021_peru)"."""
    return set(CITED_IN_NOTE.findall(text)) & set(references.index)


def status_checks(
    rows: pd.DataFrame, references: pd.DataFrame, names: dict[str, str] | None = None, texts: dict[str, str] | None = None
) -> list[dict]:
    """Each article statement about a Lima Group or MNNA status, with the references' steps for that country.

    The references' side comes only from external rows (their statuses, dates and notes);
    the article row's own note, which compares the two, goes in a column of its own. With ``names``
    (article id → reader name, :func:`perucorpus.text.corpus.reader_names`) and ``texts`` (the raw
    articles), ``article`` is the short citation ("2021 opinion piece ¶3",
    :func:`perucorpus.facts.quotes.short_citation`); ``full citation`` keeps the id, paragraph and span.
    ``steps_plain`` gives the steps with plain dates (derived ones marked, :mod:`perucorpus.facts.readable`);
    ``article_id``, ``quote_start`` and ``quote_end`` locate the quote.
    """
    checks = []
    for row in rows[(rows["source_kind"] == "article") & rows["grouping"].isin(["lima_group", "mnna"])].itertuples():
        record = external_rows(rows, row.iso3, row.grouping).sort_values("start_date", kind="stable")
        if record.empty:
            raise DataError(
                f"data/memberships.csv: {row.source_article} states a {row.grouping} status for {row.iso3}, "
                "but no external row records that country in that grouping"
            )
        steps = "; ".join(
            f"{' '.join(STATUS_WORDS[step['status']].split())} {dated_row(step)}" for step in record.to_dict("records")
        )
        plain = "; ".join(
            f"{' '.join(STATUS_WORDS[step['status']].split())} {plain_date(step['start'], step['start_basis'])}"
            for step in record.to_dict("records")
        )
        notes = " ".join(note for note in record["note"] if note)
        ref_ids = set(record["source_ref"]) | mentioned_refs(notes, references)
        short = (
            short_citation(names[row.source_article], texts[row.source_article], int(row.quote_start)) if names and texts else ""
        )
        checks.append(
            {
                "article": short or row.citation,
                "full citation": row.citation,
                "claim (quote)": row.quote_ar,
                "country": country_label(row.iso3)[0],
                "what the references record": f"{steps}. {notes}".strip(),
                "steps": steps,
                "steps_plain": plain,
                "article_id": row.source_article,
                "quote_start": int(row.quote_start),
                "quote_end": int(row.quote_end),
                "reference notes": notes,
                "references": cite(ref_ids, references),
                "our note on the claim": row.note,
            }
        )
    return checks


def head_of_state_check(
    rows: pd.DataFrame,
    positions: pd.DataFrame,
    presidents: pd.DataFrame,
    people: pd.DataFrame,
    references: pd.DataFrame,
    article_id: str = "jeri2025_mnna_intent",
) -> dict:
    """Whether the president ``article_id`` names was in office on the day of the news it reports, and on the day Peru signed in 2026."""
    claims = positions[
        (positions["dimension"] == "head_of_state") & (positions["article_id"] == article_id) & (positions["status"] == "stated")
    ]
    named = {
        person.name_en: claim
        for claim in claims.itertuples()
        for person in people.itertuples()
        if person.name_ar in claim.quote_ar and person.name_en in set(presidents["name"])
    }
    if len(named) != 1:
        raise DataError(
            f"data/positions.csv: expected one head_of_state quote of {article_id} naming a president "
            f"(names from data/people.csv), found {sorted(named) or 'none'}"
        )
    ((name, claim),) = named.items()
    notice, signing = peru_step_row(rows, "mnna", "notified"), peru_step_row(rows, "accc", "signatory")
    then, now = in_office(presidents, notice["start_date"]), in_office(presidents, signing["start_date"])
    verdict = "held" if then["name"] == name else f"did not hold (the president was {then['name']})"
    mandate = presidents.set_index("name").loc[name]
    term = " to ".join(dated_row(mandate, column) if mandate[column] else "(end not recorded)" for column in ("start", "end"))
    notice_date, signing_date = dated_row(notice), dated_row(signing)
    record = (
        f"{name} was president {term}, so the claim {verdict} when the article reported the notice to Congress "
        f"(dated {notice_date} in the references); on {signing_date}, "
        f"when Peru signed the counter-cartel declaration, the president was {now['name']}."
    )
    ref_ids = [
        *mandate["ref_ids"].split(";"),
        *then["ref_ids"].split(";"),
        *now["ref_ids"].split(";"),
        notice["source_ref"],
        signing["source_ref"],
    ]
    return {
        "article": claim.citation,
        "claim (quote)": claim.quote_ar,
        "country": "Peru",
        "what the references record": record,
        "references": cite(ref_ids, references),
        "our note on the claim": claim.note,
    }


def signatory_check(rows: pd.DataFrame, references: pd.DataFrame) -> dict:
    """The article's list of signatories of the March 2026 declaration, against the signatures the references confirm."""
    coalition = rows[rows["grouping"] == "accc"]
    external = coalition[coalition["source_kind"] == "external"]
    listed = coalition[(coalition["source_kind"] == "article") & (coalition["status"] == "signatory")]
    if listed.empty:
        raise DataError("data/memberships.csv: no article row lists a signatory of the counter-cartel declaration (accc)")
    signed = set(external.loc[external["status"] == "signatory", "iso3"])
    listed_codes = set(listed["iso3"])

    def names(codes):
        return ", ".join(sorted(country_label(iso3)[0] for iso3 in codes))

    findings = [f"A signature is confirmed for {len(signed & listed_codes)} of them"]
    if listed_codes - signed:
        findings.append(f"none of the references found confirms {names(listed_codes - signed)}")
    if signed - listed_codes:
        findings.append(
            f"the references also record signatures by {names(signed - listed_codes)}, whom the article does not list"
        )
    attended_only = set(external.loc[external["status"] == "attended", "iso3"]) - signed
    record = "; ".join(findings) + "." + (f" Attended without signing: {names(attended_only)}." if attended_only else "")
    return {
        "article": listed["citation"].iloc[0],
        "claim (quote)": listed["quote_ar"].iloc[0],
        "country": f"{len(listed_codes)} signatories",
        "what the references record": record,
        "references": cite(external["source_ref"], references),
        "our note on the claim": "",
    }


#: The kinds of overlap of :func:`lima_vs_coalition`, in the order its rows are sorted.
OVERLAPS = ("switcher", "in both", "Lima Group only", "2026 list only", "neither")
#: The columns of :func:`lima_vs_coalition`.
OVERLAP_COLUMNS = ["iso3", "country", "country_ar", "Lima Group, last status (references)", "2026 list (explainer)", "overlap"]


def lima_vs_coalition(rows: pd.DataFrame, coalition: pd.Series) -> pd.DataFrame:
    """Countries ever in the Lima Group (references) or in the 2026 declaration's list (``coalition``: iso3 → status, from the article).

    Columns :data:`OVERLAP_COLUMNS`: each country's last Lima Group status in the references (its legend
    words), its status on the 2026 list, and ``overlap`` (one of :data:`OVERLAPS`, the rows' order). By the
    exit rule (:data:`perucorpus.base.schemas.EXIT_KINDS`) only a state that left
    (:data:`perucorpus.facts.memberships.LEFT`) and is on the 2026 list of signatories is a "switcher"; a
    state that stopped taking part, or whose announced exit was dropped, is "in both".
    """
    lima = rows[(rows["grouping"] == "lima_group") & (rows["source_kind"] == "external")]
    lima_ever = set(lima.loc[lima["status"].isin(["founding_member", "member"]), "iso3"])
    last = lima.sort_values("start_date", kind="stable").groupby("iso3")["status"].last()
    signed = set(coalition[coalition == "signatory"].index)
    named_absent = set(coalition[coalition == "absent"].index)

    def overlap(iso3: str) -> str:
        if last.get(iso3) in LEFT and iso3 in signed:
            return "switcher"
        if iso3 in lima_ever:
            return "in both" if iso3 in signed else "Lima Group only"
        return "2026 list only" if iso3 in signed else "neither"

    def words(status) -> str:
        return " ".join(STATUS_WORDS[status].split()) if isinstance(status, str) else "—"

    table = pd.DataFrame({"iso3": sorted(lima_ever | signed | named_absent)})
    table["country"] = [country_label(iso3)[0] for iso3 in table["iso3"]]
    table["country_ar"] = [country_label(iso3)[1] for iso3 in table["iso3"]]
    table["Lima Group, last status (references)"] = [words(last.get(iso3)) for iso3 in table["iso3"]]
    table["2026 list (explainer)"] = [words(coalition.get(iso3)) for iso3 in table["iso3"]]
    table["overlap"] = table["iso3"].map(overlap)
    table["rank"] = table["overlap"].map(OVERLAPS.index)
    return table.sort_values(["rank", "country"], ignore_index=True)[OVERLAP_COLUMNS]
