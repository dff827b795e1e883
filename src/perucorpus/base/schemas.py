"""Machine-readable schemas (pandera) for every CSV file under ``data/``.

``data/README.md`` is the human-readable codebook for the same columns.
"""

from __future__ import annotations

import re
from datetime import date

import pandera.pandas as pa

from perucorpus.base import dates
from perucorpus.base.tables import choice, matches, text_column

ID = r"[a-z][a-z0-9_]*"
ISO_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
ISO3 = r"[A-Z]{3}"
GENRES = ("opinion", "news", "explainer")
#: How an external date rests on its reference: written in ``source_states``, or worked out (perucorpus.facts.sourcing).
BASES = ("stated", "derived")
#: The generated "what the record adds" notes a position may name (column ``record``); perucorpus.facts.record computes each.
RECORD_NOTES = ("peru_signing_2026", "lima_exits_2021")
#: A file name as received: letters (any script), digits, spaces and ``. _ - ( ) , +``; no folder, not hidden.
SAFE_FILE_NAME = r"\w[\w .,()+-]{0,199}"


def _on_the_calendar(value: str) -> bool:
    """False for a date of the ISO_DATE shape that does not exist (month 13, 30 February, …)."""
    for part in value.split("/"):
        if not re.fullmatch(ISO_DATE, part):
            continue  # not a date at all: the pattern check reports it
        try:
            dates.parse(part)  # the one date model decides what exists
        except ValueError:
            return False
    return True


#: Every date column also carries this check: the pattern alone would let 2026-13-05 through.
REAL_DATE = pa.Check(_on_the_calendar, element_wise=True, error="must be a date that exists on the calendar")

ERAS = pa.DataFrameSchema(
    {
        "era": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "label_en": text_column(unique=True),
        "start": text_column(matches(ISO_DATE, "an ISO 8601 date (YYYY[-MM[-DD]])"), REAL_DATE),
        "end": text_column(matches(ISO_DATE, "an ISO 8601 date (YYYY[-MM[-DD]])"), REAL_DATE),
        "note": text_column(),
    },
    strict=True,
)


def with_eras(schema: pa.DataFrameSchema, eras) -> pa.DataFrameSchema:
    """``schema`` with its ``era`` column limited to ``eras`` (the ids in ``data/eras.csv``)."""
    column = schema.columns["era"]
    return schema.update_column("era", checks=[*column.checks, choice(*eras)])


ARTICLES = pa.DataFrameSchema(
    {
        "id": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "file": text_column(matches(r"articles/[a-z][a-z0-9_]*\.txt", "articles/<id>.txt"), unique=True),
        "source_file": text_column(
            matches(SAFE_FILE_NAME, "a plain file name (letters, digits, space, . _ - ( ) , +; no folder)"), unique=True
        ),
        "sha256": text_column(matches(r"[0-9a-f]{64}", "a SHA-256 hex digest")),
        "language": text_column(choice("ar")),
        "genre": text_column(choice(*GENRES)),
        "era": text_column(matches(ID, "an era id from eras.csv")),
        "date": text_column(matches(f"{ISO_DATE}(/{ISO_DATE})?", "an ISO 8601 date or interval (YYYY[-MM[-DD]][/…])"), REAL_DATE),
        "date_basis": text_column(choice("stated", "inferred")),
        "date_note": text_column(),
        "title_en": text_column(),
        "summary_en": text_column(),
        "notes": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: df["file"] == "articles/" + df["id"] + ".txt",
            element_wise=False,
            error="file must be articles/<id>.txt",
        )
    ],
    strict=True,
)

REFERENCES = pa.DataFrameSchema(
    {
        "ref_id": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "title": text_column(),
        "publisher": text_column(),
        "date": text_column(matches(f"{ISO_DATE}|undated", "an ISO 8601 date (YYYY[-MM[-DD]]) or 'undated'"), REAL_DATE),
        "url": text_column(matches(r"https?://\S+", "an http(s) URL")),
        "source_states": text_column(),
        "note": text_column(nullable=True),
    },
    strict=True,
)

GAZETTEER_VARIANTS = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code")),
        "form": text_column(choice("name", "adjective")),
        "variant_ar": text_column(),
        "origin": text_column(choice("article_spelling", "article_typo", "common_usage", "cldr_homograph_excluded")),
        "scope": text_column(matches(f"all|{ID}", "'all' or an article id")),
        "note": text_column(),
    },
    unique=["iso3", "form", "variant_ar"],
    strict=True,
)

NON_COUNTRY_TERMS = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "kind": text_column(choice("region", "city", "metonym", "organisation", "subnational", "venue", "media")),
        "gloss_en": text_column(),
        "note": text_column(nullable=True),
    },
    strict=True,
)

#: Which gazetteer entries a spelling rule of ``gazetteer/spelling_rules.csv`` applies to (perucorpus.text.gazetteer).
RULE_SCOPES = ("all", "americas", "americas_names", "people")

SPELLING_RULES = pa.DataFrameSchema(
    {
        "rule_id": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "pattern": text_column(),
        "replacement": text_column(nullable=True),
        "applies_to": text_column(choice(*RULE_SCOPES)),
        "example_ar": text_column(),
        "note": text_column(),
    },
    strict=True,
)

#: What a name mention is counted as in a gold standard of hand counts (``tests/gold/expected.csv``).
GOLD_KINDS = ("country", "organisation", "person")

GOLD_MENTIONS = pa.DataFrameSchema(
    {
        "article": text_column(matches(ID, "a lowercase id: the name of a text file in the gold's articles/ folder")),
        "kind": text_column(choice(*GOLD_KINDS)),
        "name": text_column(),
        "mentions": text_column(matches(r"[1-9]\d*", "a count of at least 1")),
        "spellings": text_column(),
    },
    unique=["article", "kind", "name"],
    strict=True,
)

STOPWORDS_SUPPLEMENT = pa.DataFrameSchema(
    {
        "word_ar": text_column(unique=True),
        "gloss_en": text_column(),
        "reason": text_column(),
    },
    strict=True,
)

GLOSSES = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "gloss_en": text_column(),
    },
    strict=True,
)

COUNTRY_MENTIONS = pa.DataFrameSchema(
    {
        "article_id": text_column(matches(ID, "an article id")),
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code")),
        "form": text_column(choice("name", "adjective")),
        "mentions": text_column(matches(r"[1-9]\d*", "a positive whole number")),
    },
    unique=["article_id", "iso3", "form"],
    strict=True,
)

#: ``derived/term_counts.csv`` (notebook 01, read by notebook 04): :func:`perucorpus.text.overview.article_terms`, one row per article and term.
TERM_COUNTS = pa.DataFrameSchema(
    {
        "article_id": text_column(matches(ID, "an article id")),
        "term": text_column(),
        "count": text_column(matches(r"[1-9]\d*", "a positive whole number")),
        "display": text_column(),
    },
    unique=["article_id", "term"],
    strict=True,
)


DIMENSIONS = pa.DataFrameSchema(
    {
        "dimension": text_column(matches(ID, "a lowercase id"), unique=True),
        "order": text_column(matches(r"[1-9]\d*", "a positive whole number"), unique=True),
        "label_en": text_column(),
        "question_en": text_column(),
    },
    strict=True,
)


def _claim_fields_match_status(frame):
    """Stated claims carry a quote, its rendering, article and offsets; gaps carry none."""
    evidence = ["quote_ar", "quote_en", "article_id", "start", "end"]
    filled = frame[evidence].apply(lambda column: column.str.len() > 0)
    stated = frame["status"] == "stated"
    return (stated & filled.all(axis=1)) | (~stated & ~filled.any(axis=1))


POSITIONS = pa.DataFrameSchema(
    {
        "dimension": text_column(matches(ID, "a dimension id from dimensions.csv")),
        "era": text_column(matches(ID, "an era id from eras.csv")),
        "status": text_column(choice("stated", "not_addressed")),
        "position_en": text_column(),
        "quote_ar": text_column(nullable=True),
        "quote_en": text_column(nullable=True),
        "article_id": text_column(matches(f"({ID})?", "an article id or empty"), nullable=True),
        "start": text_column(matches(r"(\d+)?", "a character offset or empty"), nullable=True),
        "end": text_column(matches(r"(\d+)?", "a character offset or empty"), nullable=True),
        "record": text_column(matches(f"({ID})?", "a record note id (RECORD_NOTES) or empty"), nullable=True),
        "note": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            _claim_fields_match_status,
            error="a stated claim needs quote_ar, quote_en, article_id, start and end; a not_addressed row has none",
        )
    ],
    strict=True,
)

HEDGE_MARKERS = pa.DataFrameSchema(
    {
        "marker_ar": text_column(
            matches(r"[\u0600-\u06ff]+( [\u0600-\u06ff]+)*", "Arabic words separated by single spaces"), unique=True
        ),
        "kind": text_column(choice("hedge", "attribution")),
        "renderings_en": text_column(matches(r"[^;]*[A-Za-z][^;]*(;[^;]*[A-Za-z][^;]*)*", "English renderings separated by ;")),
        "note": text_column(),
    },
    strict=True,
)

_POSITIONS_WIDE_KEYS = {
    "dimension": text_column(matches(ID, "a dimension id"), unique=True),
    "order": text_column(matches(r"[1-9]\d*", "a positive whole number")),
    "label_en": text_column(),
}


def positions_wide(eras) -> pa.DataFrameSchema:
    """The schema of ``derived/positions_wide.csv``: its key columns, then one text column per era of ``eras``."""
    return pa.DataFrameSchema(_POSITIONS_WIDE_KEYS | {era: text_column() for era in eras}, strict=True)


#: ``positions_wide.csv`` without its era columns (which :func:`positions_wide` adds from ``eras.csv``).
POSITIONS_WIDE = pa.DataFrameSchema(_POSITIONS_WIDE_KEYS, strict=False)

#: How each external date rests on its reference (perucorpus.facts.sourcing); empty on article rows.
BASIS_COLUMNS = ("start_basis", "end_basis", "start_derivation", "end_derivation")
GROUPINGS = ("lima_group", "mnna", "accc", "miami_summit")
#: Each membership status and how it is said in words (legends, checks, notes), in legend order.
STATUS_WORDS = {
    "founding_member": "founding member",
    "member": "member",
    "member_not_endorsing": "member, no longer signing\nthe group's statements",
    "represented_by_opposition": "seated via the opposition",
    "announced_withdrawal": "exit announced, not formalised",
    "withdrew_de_facto": "left de facto",
    "withdrew": "withdrew formally",
    "designated": "designated",
    "treated_as": "treated as an ally",
    "notified": "intent notified to Congress",
    "announced": "designation announced",
    "signatory": "signed the declaration",
    "attended": "attended the Miami summit",
    "absent": "named as absent",
}
MEMBERSHIP_STATUSES = tuple(STATUS_WORDS)

MEMBERSHIPS = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code")),
        "cow_code": text_column(matches(r"(\d+)?", "a Correlates of War code or empty"), nullable=True),
        "country_en": text_column(),
        "country_ar": text_column(),
        "grouping": text_column(choice(*GROUPINGS)),
        "status": text_column(choice(*MEMBERSHIP_STATUSES)),
        "start": text_column(matches(f"({ISO_DATE})?", "an ISO 8601 date or empty"), REAL_DATE, nullable=True),
        "end": text_column(matches(f"({ISO_DATE})?", "an ISO 8601 date or empty"), REAL_DATE, nullable=True),
        "date_precision": text_column(choice("day", "month", "year", "unknown")),
        "source_kind": text_column(choice("article", "external")),
        "source": text_column(matches(ID, "an article id or a ref_id")),
        "source_states": text_column(nullable=True),
        "start_basis": text_column(choice("", *BASES), nullable=True),
        "end_basis": text_column(choice("", *BASES), nullable=True),
        "start_derivation": text_column(nullable=True),
        "end_derivation": text_column(nullable=True),
        "quote_ar": text_column(nullable=True),
        "quote_start": text_column(matches(r"(\d+)?", "a character offset or empty"), nullable=True),
        "quote_end": text_column(matches(r"(\d+)?", "a character offset or empty"), nullable=True),
        "note": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (df["source_kind"] == "article") == (df["quote_ar"].str.len() > 0),
            error="an article row needs quote_ar (and offsets); an external row has none",
        ),
        pa.Check(
            lambda df: (df["source_kind"] == "external") == (df["source_states"].str.len() > 0),
            error="an external row needs source_states (what its reference states); an article row has none (it has its quote)",
        ),
        pa.Check(
            lambda df: (
                (df["source_kind"] == "external")
                | (df[list(BASIS_COLUMNS)].apply(lambda column: column.str.len()).sum(axis=1) == 0)
            ),
            error="an article row has no start_basis, end_basis or derivations (its quote is the evidence)",
        ),
        pa.Check(
            lambda df: (df["date_precision"] == "unknown") == (df["start"].str.len() == 0),
            error="start is empty exactly when date_precision is 'unknown'",
        ),
    ],
    strict=True,
)

HEADS_OF_STATE = pa.DataFrameSchema(
    {
        "name": text_column(unique=True),
        "start": text_column(matches(r"\d{4}-\d{2}-\d{2}", "an ISO date"), REAL_DATE),
        "end": text_column(matches(r"(\d{4}-\d{2}-\d{2})?", "an ISO date or empty"), REAL_DATE, nullable=True),
        "ref_ids": text_column(matches(f"{ID}(;{ID})*", "ref_ids separated by ;")),
        "source_states": text_column(),
        "start_basis": text_column(choice(*BASES)),
        "end_basis": text_column(choice("", *BASES), nullable=True),
        "start_derivation": text_column(nullable=True),
        "end_derivation": text_column(nullable=True),
        "note": text_column(nullable=True),
    },
    strict=True,
)

#: The columns of ``derived/membership_snapshot.csv`` (notebook 03): each a grouping read on a
#: date from one kind of source, ``(grouping, date, source_kind)``.
SNAPSHOT_COLUMNS = {
    "lima_group_2021": ("lima_group", date(2021, 12, 31), "external"),
    "mnna_2026": ("mnna", date(2026, 3, 13), "external"),
    "accc_2026": ("accc", date(2026, 3, 13), "article"),
    "miami_summit_2026": ("miami_summit", date(2026, 3, 7), "external"),
}

MEMBERSHIP_SNAPSHOT = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code"), unique=True),
        **{column: text_column(choice("", *MEMBERSHIP_STATUSES), nullable=True) for column in SNAPSHOT_COLUMNS},
    },
    strict=True,
)

GLOSSARY = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "match_ar": text_column(unique=True),
        "transliteration": text_column(),
        "gloss_en": text_column(),
        "loaded": text_column(choice("yes", "no")),
        "note": text_column(nullable=True),
    },
    strict=True,
)

PEOPLE = pa.DataFrameSchema(
    {
        "person_id": text_column(matches(ID, "a lowercase id")),
        "name_ar": text_column(unique=True),
        "name_en": text_column(),
        "described_as_en": text_column(),
        "note": text_column(nullable=True),
    },
    strict=True,
)

#: How a checkable claim of an article stands against the references (``claims.csv``).
VERDICTS = ("confirmed", "qualified", "contradicted", "not_checkable")

CLAIMS = pa.DataFrameSchema(
    {
        "claim_id": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "article_id": text_column(matches(ID, "an article id")),
        "quote_ar": text_column(),
        "start": text_column(matches(r"\d+", "a character offset (run perucorpus fill claims.csv)")),
        "end": text_column(matches(r"\d+", "a character offset (run perucorpus fill claims.csv)")),
        "claim_en": text_column(),
        "verdict": text_column(choice(*VERDICTS)),
        "ref_ids": text_column(matches(f"({ID}(;{ID})*)?", "ref_ids separated by ; (or empty)"), nullable=True),
        "source_states": text_column(),
        "verdict_note": text_column(),
    },
    checks=[
        pa.Check(
            lambda df: (df["ref_ids"].str.len() > 0) | (df["verdict"] == "not_checkable"),
            error="ref_ids may be empty only for a not_checkable claim",
        )
    ],
    strict=True,
)

#: Which schema validates which CSV under ``data/`` (every CSV there must be listed).
FILES = {
    "eras.csv": ERAS,
    "articles.csv": ARTICLES,
    "references.csv": REFERENCES,
    "gazetteer/variants.csv": GAZETTEER_VARIANTS,
    "gazetteer/non_country_terms.csv": NON_COUNTRY_TERMS,
    "gazetteer/spelling_rules.csv": SPELLING_RULES,
    "stopwords_supplement.csv": STOPWORDS_SUPPLEMENT,
    "glosses.csv": GLOSSES,
    "derived/country_mentions.csv": COUNTRY_MENTIONS,
    "derived/term_counts.csv": TERM_COUNTS,
    "dimensions.csv": DIMENSIONS,
    "positions.csv": POSITIONS,
    "hedge_markers.csv": HEDGE_MARKERS,
    "derived/positions_wide.csv": POSITIONS_WIDE,
    "memberships.csv": MEMBERSHIPS,
    "peru_heads_of_state.csv": HEADS_OF_STATE,
    "derived/membership_snapshot.csv": MEMBERSHIP_SNAPSHOT,
    "glossary.csv": GLOSSARY,
    "people.csv": PEOPLE,
    "claims.csv": CLAIMS,
}
