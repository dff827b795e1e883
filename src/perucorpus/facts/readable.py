"""The record as a student reads it: plain dates, publishers instead of reference ids, the English of a claim.

The data keep every date with its basis and derivation and every reference by its id; the tables here show
a date in words ("7 September 2021"), marked :data:`DERIVED` when it is worked out rather than printed in
the source, and name a reference by its publisher. What they leave out (derivations, ids) goes in a second
table, for the fold below the first, so nothing is lost and nothing long sits in the reading line.
"""

from __future__ import annotations

import re

import pandas as pd

from perucorpus.base.dates import in_words, parse
from perucorpus.base.schemas import EXIT_QUESTIONS, TIERS
from perucorpus.base.vocabulary import STATUS_WORDS
from perucorpus.facts.quotes import paragraph_number, short_citation
from perucorpus.facts.sourcing import TIER_WORDS
from perucorpus.facts.translations import NOT_TRANSLATED, english_sentences, quoted_sentences
from perucorpus.text.cleaning import CleanView
from perucorpus.text.voices import QUOTED

#: The mark of a derived date (worked out, e.g. from a weekday and a report's date, not printed in the source).
DERIVED = "*"
#: What :data:`DERIVED` means, for a caption or footnote wherever it appears.
DERIVED_NOTE = (
    "* no source prints this date in full: worked out (for example from a weekday and the report's date)"
    " or, for a step reported after it was taken, the first report's date"
)
#: :data:`DERIVED` in words, where a sentence rather than a table cell gives a worked-out date.
DERIVED_WORDS = "a date worked out from its source, not printed in it"
_ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def plain_date(value, basis: str = "stated") -> str:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a string or a date) in words, :data:`DERIVED` appended
    when ``basis`` is ``derived``; "no date" for none.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value) == "":
        return "no date"
    return in_words(parse(str(value))) + (DERIVED if basis == "derived" else "")


def publishers(ref_ids, references: pd.DataFrame) -> str:
    """The publishers of ``ref_ids`` (best tier first, each once): "EFE, AFP". ``references`` indexed by ``ref_id``."""
    return ", ".join(dict.fromkeys(references.at[ref, "publisher"] for ref in _best_first(ref_ids, references)))


#: What the reading line adds beside a finding that rests on one reference that is not primary: its tier in plain
#: words (:data:`perucorpus.facts.sourcing.TIER_WORDS`), and with ``named`` its publisher first.
SINGLE_SOURCE = "one source: {tier}"
#: What the reading line adds beside a finding that rests on aggregators or mirrors alone (the tier whose facts
#: must say :data:`perucorpus.facts.sourcing.WEAK_SOURCE` in their note).
WEAK_ONLY = "only sites that compile or copy others' work"


def source_flag(ref_ids, references: pd.DataFrame, named: bool = False) -> str:
    """The caveat a reader reads beside a fact resting on ``ref_ids`` (``references`` indexed by ``ref_id``), from
    the references' tiers: :data:`SINGLE_SOURCE` when it rests on one reference that is not primary ("one source: an
    outlet not of record"; ``named``: "one source: El Reportero Andino, an outlet not of record"), :data:`WEAK_ONLY`
    when every reference is an aggregator or mirror; "" otherwise. The one rule for every flag the notebooks show
    (:func:`sourced`, :func:`single_source_steps`, :func:`flagged`, :func:`lone_sources`, the record's facts and notes).
    """
    refs = {ref for ref in ref_ids if isinstance(ref, str) and ref}
    tiers = {references.at[ref, "tier"] for ref in refs}
    if len(refs) == 1 and tiers != {"primary"}:
        tier = TIER_WORDS[tiers.pop()]
        ref = refs.pop()
        return SINGLE_SOURCE.format(tier=f"{references.at[ref, 'publisher']}, {tier}" if named else tier)
    if tiers == {"aggregator_or_mirror"}:
        return WEAK_ONLY
    return ""


def flagged(text: str, ref_ids, references: pd.DataFrame, what: str = "") -> str:
    """``text`` (a date, a finding) with :func:`source_flag` (the publisher named) in brackets after it where there is
    one: "14 January 2026 (one source: El Reportero Andino, an outlet not of record)"; ``what`` says what rests on that
    source: "5 March 2026 (signing date from one source: La República, …)".
    """
    flag = source_flag(ref_ids, references, named=True)
    if flag and what:
        flag = f"{what} from {flag}"
    return f"{text} ({flag})" if flag else text


def lone_sources(rows: pd.DataFrame, references: pd.DataFrame, iso3: str | None = None) -> dict[str, str]:
    """Each reference that is the only source of a step it records in ``rows`` (``memberships.csv``: the external
    rows with the same country, grouping, status and start; with ``iso3``, that country's steps only), with that
    step's :func:`source_flag`: the flag a note citing it carries (:func:`without_ids`), so that a fact resting on
    one report says so wherever it is read.
    """
    external = rows[(rows["source_kind"] == "external") & ((rows["iso3"] == iso3) if iso3 else True)]
    steps: dict[tuple, set[str]] = {}
    for row in external.to_dict("records"):  # a step's start may be a partial date: keyed by its text
        steps.setdefault((row["iso3"], row["grouping"], row["status"], str(row["start"])), set()).add(row["source_ref"])
    return {next(iter(refs)): flag for refs in steps.values() if len(refs) == 1 and (flag := source_flag(refs, references))}


def sourced(ref_ids, references: pd.DataFrame, dated: bool = False) -> str:
    """:func:`publishers` (``dated``: publishers and dates, as :func:`cited` gives them for the reading line), with
    :func:`source_flag` beside them ("El Reportero Andino (one source: an outlet not of record)"), so that a finding resting
    on one outlet says so where it is read.
    """
    shown = cited(ref_ids, references)[0] if dated else publishers(ref_ids, references)
    if flag := source_flag(ref_ids, references):
        shown += f"; {flag}" if dated else f" ({flag})"
    return shown


def step_flags(ref_ids, rows: pd.DataFrame, references: pd.DataFrame) -> str:
    """The external steps of ``rows`` (``memberships.csv``) that cite one of ``ref_ids``, each judged by
    :func:`source_flag` over every reference recording the same step (country, grouping, status, date), the flagged
    ones named with their flag ("Qatar designated (one source: an outlet not of record)"), "; "
    between them; "" when none is flagged. For a fact typed in prose that names its reference ids (an era's US
    context in ``eras.csv``).
    """
    external = rows[rows["source_kind"] == "external"]
    cited = external[external["source_ref"].isin(set(ref_ids))]
    shown = []
    for row in cited.drop_duplicates(["iso3", "grouping", "status", "start"]).to_dict("records"):
        same = external[
            (external["iso3"] == row["iso3"])
            & (external["grouping"] == row["grouping"])
            & (external["status"] == row["status"])
            & (external["start"] == row["start"])
        ]
        if flag := source_flag(same["source_ref"], references):
            shown.append(f"{row['country_en']} {' '.join(STATUS_WORDS[row['status']].split())} ({flag})")
    return "; ".join(shown)


def reference_date(given) -> str:
    """A reference's date as it gives it, in words ("5 March 2026", "December 2025"); "undated" where it gives none."""
    return in_words(parse(given)) if isinstance(given, str) and given[:1].isdigit() else "undated"


def _best_first(ref_ids, references: pd.DataFrame) -> list[str]:
    return sorted(set(ref_ids), key=lambda ref: (TIERS.index(references.at[ref, "tier"]), ref))


def cited(ref_ids, references: pd.DataFrame) -> tuple[str, str]:
    """The references ``ref_ids`` as a reader cites them, best tier first, "; " between them: ``Diario Libre,
    5 March 2026`` for the reading line, and ``“Title”, Diario Libre, 5 March 2026 (diariolibre_2026_accc)`` for a
    tooltip or fold (title as published, and the id a researcher looks up). ``references`` indexed by ``ref_id``.
    """
    ordered = _best_first(ref_ids, references)
    shown = [f"{references.at[ref, 'publisher']}, {reference_date(references.at[ref, 'date'])}" for ref in ordered]
    full = [f"“{references.at[ref, 'title']}”, {line} ({ref})" for ref, line in zip(ordered, shown)]
    return "; ".join(shown), "; ".join(full)


#: A full ISO date (2025-12-11) written in a note; a partial one ("No. 2026-04") or one inside a longer number
#: ("FR Doc. 2026-01421", "2025-12-12-0042") is left alone.
_ISO_DAY = re.compile(r"(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w-])")


def dates_in_words(text: str) -> str:
    """``text`` with every full ISO date written in words ("a report of 2025-10-10" → "a report of 10 October 2025")."""
    return _ISO_DAY.sub(lambda match: in_words(parse(match.group())), text)


def without_ids(text: str, references: pd.DataFrame, flags: dict[str, str] | None = None) -> str:
    """``text`` with every reference id it names replaced by the reference's publisher ("(sre_2017_lima_declaration)"
    → "(Secretaría de Relaciones Exteriores (México))"); other words are left as they are. With ``flags`` (reference
    id → flag, :func:`lone_sources`), for the reading line: a flagged reference keeps its flag ("(El Reportero Andino;
    one source: an outlet not of record)"), and an aggregator or mirror says what it is ("(Wikipedia, a site that
    compiles or copies others' work)").
    """

    def named(match: re.Match) -> str:
        ref = match.group()
        if ref not in references.index:
            return ref
        shown = references.at[ref, "publisher"]
        if flags is None:
            return shown
        if ref in flags:
            return f"{shown}; {flags[ref]}"
        tier = references.at[ref, "tier"]
        return f"{shown}, {TIER_WORDS[tier]}" if tier == "aggregator_or_mirror" else shown

    return _ID.sub(named, text)


def steps_table(events: pd.DataFrame, references: pd.DataFrame, names: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A country's steps (:func:`perucorpus.facts.memberships.steps`) for a reader: ``date`` (plain, :data:`DERIVED`
    marked), ``step``, ``source`` (publisher) and ``also reported by`` (the article, by ``names``); and, for the
    fold, each derived date with ``how it was worked out`` and the ``reference`` id.
    """
    table = pd.DataFrame(
        {
            "date": [plain_date(row["start"], row["start_basis"]) for row in events.to_dict("records")],
            "step": events["event"],
            "source": [sourced([ref], references) for ref in events["source_ref"]],
            "also reported by": [names.get(article, "") for article in events["article"]],
        }
    ).reset_index(drop=True)
    derived = [
        {
            "date": plain_date(row["start"], "derived"),
            "step": row["event"],
            "how it was worked out": row["start_derivation"],
            "reference": row["source_ref"],
        }
        for row in events.to_dict("records")
        if row["start_basis"] == "derived"
    ]
    return table, pd.DataFrame(derived, columns=["date", "step", "how it was worked out", "reference"])


def single_source_steps(events: pd.DataFrame, references: pd.DataFrame) -> str:
    """A sentence naming each step of ``events`` (:func:`perucorpus.facts.memberships.steps`) dated from a reference
    that is not primary (each step cites one), with its :func:`source_flag` (publisher named), so the caveat is read
    beside the timeline; ""
    when there is none.
    """
    shown = [
        f"{row['event']} ({plain_date(row['start'], row['start_basis'])}; {flag})"
        for row in events.to_dict("records")
        if (flag := source_flag([row["source_ref"]], references, named=True))
    ]
    return f"Each dated from one report that is not an official source: {'; '.join(shown)}." if shown else ""


def terms_table(presidents: pd.DataFrame, references: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Peru's presidents for a reader: ``president``, ``from``, ``to`` (plain, :data:`DERIVED` marked; "in office"
    while the end is not recorded) and ``sources`` (publishers); and, for the fold, each derived date with
    ``how it was worked out`` (its reference ids named in it) and the row's ``references`` (ids).
    """
    rows = presidents.to_dict("records")
    table = pd.DataFrame(
        {
            "president": presidents["name"],
            "from": [plain_date(row["start"], row["start_basis"]) for row in rows],
            "to": [plain_date(row["end"], row["end_basis"]) if row["end"] else "in office" for row in rows],
            "sources": [publishers(row["ref_ids"].split(";"), references) for row in rows],
        }
    ).reset_index(drop=True)
    derived = [
        {
            "president": row["name"],
            "date": plain_date(row[column], "derived"),
            "how it was worked out": row[f"{column}_derivation"],
            "references": row["ref_ids"].replace(";", ", "),
        }
        for row in rows
        for column in ("start", "end")
        if row.get(f"{column}_basis") == "derived" and row[column]
    ]
    return table, pd.DataFrame(derived, columns=["president", "date", "how it was worked out", "references"])


def claim_english(
    translations: pd.DataFrame, raw: str, article_id: str, start: int, terms: tuple[str, ...], end: int | None = None
) -> str:
    """The English of a quoted claim in the paragraph holding raw offset ``start``: with the quote's ``end``, the
    rendering of the sentences it quotes (:func:`perucorpus.facts.translations.quoted_sentences`); otherwise the
    sentences of our translation that name one of ``terms`` (the whole paragraph if none does).
    :data:`NOT_TRANSLATED` if the paragraph has no translation.
    """
    number = paragraph_number(raw, start)
    found = translations[(translations["article_id"] == article_id) & (translations["paragraph"] == number)]
    if not len(found):
        return NOT_TRANSLATED
    english = found["text_en"].iloc[0]
    if end is None:
        return english_sentences(english, terms)
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", start)
    paragraph = raw[line_start : line_end if line_end >= 0 else len(raw)]
    return quoted_sentences(paragraph, english, start - line_start, end - line_start, terms)


def status_table(found: list[dict], references: pd.DataFrame, translations: pd.DataFrame, raws: dict[str, str]) -> pd.DataFrame:
    """The article statements of :func:`perucorpus.facts.checks.status_checks` for a reader: ``article``, the
    ``claim in English`` (:func:`claim_english`, the rendering of the quoted sentences) beside the ``claim (Arabic)``,
    ``country``, ``what the references record`` (plain dates, :data:`DERIVED` marked) and ``our note`` with
    publishers for reference ids (:func:`without_ids`). A passage that speaks of several countries is printed once,
    in its first country's row; the others refer to that row (:data:`SAME_PASSAGE`).
    """
    first: dict[tuple, str] = {}  # (article, quote start) → the country whose row prints the passage
    rows = []
    for check in found:
        passage = (check["article_id"], check["quote_start"])
        shown = first.setdefault(passage, check["country"])
        english = claim_english(
            translations,
            raws[check["article_id"]],
            check["article_id"],
            check["quote_start"],
            (check["country"],),
            check.get("quote_end"),
        )
        rows.append(
            {
                "article": check["article"],
                "claim in English": english if shown == check["country"] else SAME_PASSAGE.format(country=shown),
                "claim (Arabic)": check["claim (quote)"] if shown == check["country"] else "",
                "country": check["country"],
                "what the references record": check["steps_plain"],
                "our note": dates_in_words(without_ids(check["our note on the claim"], references)),
            }
        )
    columns = ["article", "claim in English", "claim (Arabic)", "country", "what the references record", "our note"]
    return pd.DataFrame(rows, columns=columns)


#: What :func:`status_table` prints for a passage already printed in another country's row.
SAME_PASSAGE = "(the same passage as in the row for {country}, above)"


#: Between two passages in quotation marks of one sentence (an Arabic comma: the column reads right to left).
QUOTES_JOINED = "، "


def quoted_passages(
    views: dict[str, CleanView], raws: dict[str, str], names: dict[str, str], translations: pd.DataFrame
) -> pd.DataFrame:
    """Every passage in quotation marks (:data:`perucorpus.text.voices.QUOTED`, in each article's clean view) for a
    reader: ``article`` (reader name and ¶), ``in quotation marks`` and ``in English`` (our rendering of the sentence
    that holds it, :func:`claim_english`). Passages in the same sentence share one row (their quotes joined by
    :data:`QUOTES_JOINED`), so that a sentence is not printed twice.
    """
    rows = []
    for article_id, view in views.items():
        for match in QUOTED.finditer(view.text):
            start, end = view.span_to_raw(match.start(1), match.end(1))
            row = {
                "article": short_citation(names[article_id], raws[article_id], start),
                "in quotation marks": match.group(1),
                "in English": claim_english(translations, raws[article_id], article_id, start, (), end),
            }
            last = rows[-1] if rows else {}
            if last and (last["article"], last["in English"]) == (row["article"], row["in English"]):
                last["in quotation marks"] += QUOTES_JOINED + row["in quotation marks"]
            else:
                rows.append(row)
    return pd.DataFrame(rows, columns=["article", "in quotation marks", "in English"])


#: The exit rule's questions (:data:`perucorpus.base.schemas.EXIT_QUESTIONS`) as a reader's column headings.
EXIT_HEADINGS = {
    "declared": "1. Exit declared?",
    "in_effect": "2. In effect at once or from a date?",
    "set_aside": "3. Later set aside?",
}
assert tuple(EXIT_HEADINGS) == tuple(EXIT_QUESTIONS), "one heading per exit question"


def _status_words(text: str) -> str:
    """``text`` with each status id it names ("the exit_dropped row") in its legend words, quoted."""
    return _ID.sub(lambda m: f"“{' '.join(STATUS_WORDS[m.group()].split())}”" if m.group() in STATUS_WORDS else m.group(), text)


def exit_rule_tables(rule: pd.DataFrame, answers: pd.DataFrame, references: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The exit rule (:func:`perucorpus.facts.memberships.exit_rule`) and each exit row's answers
    (:func:`perucorpus.facts.memberships.exit_answers`) as a reader reads them: question headings, kinds in words,
    dates in words, sources by publisher and date; the status ids and reference ids stay in ``answers``, for a fold.
    """
    kinds = rule.drop(columns="status").rename(columns=EXIT_HEADINGS)
    shown = answers.assign(
        date=[plain_date(start) for start in answers["start"]],
        source=[sourced([ref], references, dated=True) for ref in answers["source"]],
        kind=[" ".join(STATUS_WORDS[status].split()) for status in answers["status"]],
        note=[_status_words(note) for note in answers["note"].fillna("")],
    )
    shown = shown[["country", "date", "source", *EXIT_HEADINGS, "kind", "evidence", "note"]]
    return kinds, shown.rename(columns=EXIT_HEADINGS).rename(columns={"evidence": "the source's words"})


def with_reader_names(text: str, names: dict[str, str]) -> str:
    """``text`` with each article id it names ("article jeri2025_mnna_intent", "shield2026_explainer") replaced by
    the article's reader name with its article ("the 2025 news report"), capitalised where it opens a sentence.
    """
    for article_id, name in names.items():
        text = re.sub(rf"(?:\barticle )?\b{re.escape(article_id)}\b", name, text)
    return re.sub(r"(^|[.!?]\s+)the ", lambda m: f"{m.group(1)}The ", text)


_RANGE = re.compile(r"(\d{4}-\d{2}(?:-\d{2})?)/(\d{4}-\d{2}(?:-\d{2})?), articles\.csv")


#: A membership row named in a derivation: "the exit_dropped row of memberships.csv".
_STEP_ROW = re.compile(r"the (\w+) row of memberships\.csv")


def derivation_in_words(text: str, references: pd.DataFrame) -> str:
    """A date's derivation as a reader reads it: date ranges and dates in words, publishers for reference ids,
    no file names ("(2021-08/2021-09-07, articles.csv)" → "(August 2021 to 7 September 2021)"; "the exit_dropped row
    of memberships.csv" → "the record “exit announced, then dropped” in notebook 03").
    """
    text = _RANGE.sub(lambda m: f"{plain_date(m.group(1))} to {plain_date(m.group(2))}", text)
    text = text.replace("(articles.csv: stated in the file's header)", "(stated at the head of the article)")
    text = text.replace("references.csv, ref_id ", "")  # the id becomes its publisher below
    text = _STEP_ROW.sub(
        lambda m: (
            f"the record “{' '.join(STATUS_WORDS[m.group(1)].split())}” in notebook 03"
            if m.group(1) in STATUS_WORDS
            else m.group()
        ),
        text,
    )
    return without_ids(dates_in_words(text), references)
