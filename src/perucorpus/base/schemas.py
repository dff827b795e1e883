"""Machine-readable schemas (pandera) for every CSV file under ``data/``, with their documentation.

Each schema carries what its file holds and, for every column, a description, a Table Schema
type and, where the column names a row of another file, that file and column
(:func:`perucorpus.base.tables.document`). ``perucorpus datapackage`` generates from them the
codebook tables of ``data/README.md`` and ``datapackage.json`` (:mod:`perucorpus.base.datapackage`).
"""

from __future__ import annotations

import re
from datetime import date

import pandera.pandas as pa

from perucorpus.base import dates
from perucorpus.base.tables import choice, document, field, matches, text_column
from perucorpus.base.vocabulary import STATUS_WORDS

ID = r"[a-z][a-z0-9_]*"
ISO_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
ISO3 = r"[A-Z]{3}"
#: Table Schema types for text cells that hold numbers: an offset or count (≥ 0), a count (≥ 1).
OFFSET = {"type": "integer", "minimum": 0}
COUNT = {"type": "integer", "minimum": 1}
GENRES = ("opinion", "news", "explainer")
#: How an external date rests on its reference: written in ``source_states``, or worked out (perucorpus.facts.sourcing).
BASES = ("stated", "derived")
#: How far a reference can be trusted for a fact, best first (``references.csv``, ``tier``; perucorpus.facts.sourcing).
TIERS = ("primary", "wire_or_major", "other_outlet", "aggregator_or_mirror")
#: The generated "what the record adds" notes a position may name (column ``record``); perucorpus.facts.record computes each.
RECORD_NOTES = ("peru_signing_2026", "lima_exits_2021")


#: How an article's outlet is known (``articles.csv``, ``outlet_basis``): a public page carries this text; none does,
#: but a public report follows it closely; neither was found.
OUTLET_BASES = ("found", "close_parallel", "not_found")
#: An address as a browser sends it: non-ASCII characters percent-encoded, no spaces.
ASCII_URL = r"https?://[\x21-\x7e]+"


#: The one-line record facts a summary cell may name (``position_summaries.csv``, ``record``; computed by ``facts.record``).
RECORD_FACTS = ("peru_lima_exit_2021", "peru_mnna_2026", "peru_government_2026")
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
        "context_en": text_column(),
        "start": text_column(matches(ISO_DATE, "an ISO 8601 date (YYYY[-MM[-DD]])"), REAL_DATE),
        "end": text_column(matches(ISO_DATE, "an ISO 8601 date (YYYY[-MM[-DD]])"), REAL_DATE),
        "note": text_column(),
    },
    strict=True,
)
ERAS = document(
    ERAS,
    "the eras the articles belong to: id, label, context, date range; the comparison table has one column per era",
    {
        "era": "id; the two of the collection are `castillo_2021` and `trump_2025_26` (the ids stay as they were).",
        "label_en": "the column label shown in tables and figures, naming the era symmetrically by the Peruvian governments the articles cover and the dates (`2021 · Castillo government`, `2025–26 · Jerí government and its successor`: the articles never name Balcázar).",
        "context_en": "the context shown under the label, such as the US administration of the time, in plain words with the `ref_id`s of any fact from outside the articles (not the name of a column).",
        "start": "first day, month or year the era covers (ISO 8601 at day, month or year precision). An article's `date` must overlap `start`–`end`.",
        "end": "last day, month or year the era covers (same form; not before `start`).",
        "note": "where the range comes from. `castillo_2021` is derived: Pedro Castillo's term, as in his row of `peru_heads_of_state.csv` (28 July 2021 to 7 December 2022, with its references). `trump_2025_26` is the years its label names (2025, 2026) at year precision; the start of Donald Trump's second term is not addressed in the sources.",
    },
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
        "publisher": text_column(nullable=True),
        "url": text_column(
            matches(f"({ASCII_URL})?", "empty or an http(s) URL written in ASCII (non-ASCII characters percent-encoded)"),
            nullable=True,
        ),
        "outlet_basis": text_column(choice(*OUTLET_BASES)),
        "outlet_note": text_column(),
    },
    checks=[
        pa.Check(
            lambda df: df["file"] == "articles/" + df["id"] + ".txt",
            element_wise=False,
            error="file must be articles/<id>.txt",
        ),
        pa.Check(
            lambda df: (
                ((df["outlet_basis"] == "found") == (df["publisher"].str.len() > 0))
                & ((df["outlet_basis"] == "found") == (df["url"].str.len() > 0))
            ),
            error="publisher and url are filled exactly when outlet_basis is 'found' (the page that carries this text)",
        ),
    ],
    strict=True,
)
ARTICLES = document(
    ARTICLES,
    "one row per article: metadata and provenance",
    {
        "id": "short readable id, also the file name stem.",
        "file": "path of the text relative to `data/`, always `articles/<id>.txt`.",
        "source_file": "the file's own name exactly as received (the seeds: e.g. `004_5631ce94de341a27.txt`): letters of any script, digits, spaces and `. _ - ( ) , +`, starting with a letter or digit (no folder, not hidden), up to 200 characters. `perucorpus add-article` fills it.",
        "sha256": "SHA-256 of the raw file (`perucorpus add-article` computes it); loading fails if the file no longer matches.",
        "language": "ISO 639-1 code of the text.",
        "genre": "what kind of piece it is: an opinion piece, a news report or an explainer.",
        "era": field("the era the article belongs to.", references="eras.csv:era"),
        "date": "publication date as ISO 8601: a date, a month, or an interval `start/end` when only bounds are known (a string, since a month or an interval is not a calendar date). It must overlap its era's `start`–`end` in `eras.csv` (a month, a year or an interval need not lie wholly inside).",
        "date_basis": "`stated` (the file says it) | `inferred` (bounded by clues in the text, which the record may tighten: e.g. the end of the term of a president the text presents as sitting; see `date_note`).",
        "date_note": "how the date was obtained: for a stated date, where the file gives it; for an inferred one, the derivation of each bound, the textual evidence quoted and any fact of the record used named with its file and ref_id.",
        "title_en": "a descriptive English title written for this collection (the files carry no headline).",
        "summary_en": "a one-line English summary written for this collection.",
        "notes": "byline, page furniture, typos and other things a reader should know.",
        "publisher": "the outlet that published the article, as its page names it; filled exactly when `outlet_basis` is `found`.",
        "url": "the address of that page, percent-encoded ASCII as a browser sends it; filled exactly when `outlet_basis` is `found`.",
        "outlet_basis": "how the article's outlet is known (the files arrived without publisher or address): `found` (a stored public copy of a page carries this text) | `close_parallel` (no copy of this text was found, but a public report follows it closely; `outlet_note` names it) | `not_found`. `perucorpus add-article` takes it as `--outlet-basis` (default `not_found`).",
        "outlet_note": "what was compared and how far, what the page shows and does not (headline, date, byline), and what is not known; for `close_parallel`, the parallel's publisher, date and address and where it differs.",
    },
)

REFERENCES = pa.DataFrameSchema(
    {
        "ref_id": text_column(matches(ID, "a lowercase id of letters, digits and _"), unique=True),
        "title": text_column(),
        "publisher": text_column(),
        "date": text_column(matches(f"{ISO_DATE}|undated", "an ISO 8601 date (YYYY[-MM[-DD]]) or 'undated'"), REAL_DATE),
        "url": text_column(matches(r"https?://\S+", "an http(s) URL")),
        "tier": text_column(choice(*TIERS)),
        "read_in": text_column(nullable=True),
        "source_states": text_column(),
        "note": text_column(nullable=True),
    },
    strict=True,
)
REFERENCES = document(
    REFERENCES,
    "external public references cited elsewhere in `data/`",
    {
        "ref_id": "short id cited from other files. Every reference is cited by at least one of the files and columns listed in `perucorpus.facts.sourcing.CITING` (`memberships.csv`, `peru_heads_of_state.csv`, `claims.csv`); an uncited one is dropped (tested).",
        "title": "the headline as shown by the source. Where it could not be read from the copy of the page consulted, `[headline not recorded; URL slug: …]` (or `[headline not recorded beyond its first words '…'; URL slug: …]`) rather than a guess; a title is never cut short with \"…\" (tested).",
        "publisher": field(
            "who published the text: for a reprint, a mirror or an archived copy, the original publisher (the White House for its text reprinted by Mirage News, AFP for its dispatch carried by La Nación), the copy being named in `read_in`.",
            references="publisher_tiers.csv:publisher",
        ),
        "date": "publication date (ISO 8601, possibly only year or year-month) or `undated`.",
        "url": field(
            "where the reference was read. Where a primary source exists (the Federal Register, a ministry, the statute) it is preferred.",
            format="uri",
        ),
        "source_states": 'what the reference states, in this collection\'s own words (never copied; only the three articles are quoted verbatim), with each date or number exactly as the source gives it ("on Thursday", "10 March 2022", "75 votes") and where in the source it is (opening sentence, second paragraph, list, notes).',
        "note": "caveats, such as disagreements between sources.",
        "tier": "`primary` | `wire_or_major` | `other_outlet` | `aggregator_or_mirror` (see *Sources by tier*); always its publisher's tier in `publisher_tiers.csv` (tested: `perucorpus.facts.sourcing.tier_problems`).",
        "read_in": "the site whose copy was read when it is not the publisher's own (a reprint, syndicated copy, mirror or web archive); empty when read at the publisher.",
    },
)

#: Which tier each publisher's references get (``publisher_tiers.csv``; checked by ``sourcing.tier_problems``).
PUBLISHER_TIERS = pa.DataFrameSchema(
    {
        "publisher": text_column(unique=True),
        "tier": text_column(choice(*TIERS)),
        "kind": text_column(
            choice(
                "government",
                "register",
                "news_agency",
                "newspaper",
                "broadcaster",
                "state_media",
                "online_outlet",
                "academic_or_analysis",
                "encyclopedia",
                "aggregator",
                "mirror",
            )
        ),
        "country": text_column(),
        "why": text_column(),
    },
    strict=True,
)
PUBLISHER_TIERS = document(
    PUBLISHER_TIERS,
    "the publisher → tier table: each publisher of a reference, its tier and why (the rule is under *Sources by tier*); every row is used (tested)",
    {
        "publisher": "the publisher's name exactly as written in `references.csv`.",
        "tier": "its tier: `primary` | `wire_or_major` | `other_outlet` | `aggregator_or_mirror`.",
        "kind": "`government` | `register` (official journal, code or publishing office) | `news_agency` | `newspaper` | `broadcaster` | `state_media` | `online_outlet` | `academic_or_analysis` | `encyclopedia` | `aggregator` | `mirror`.",
        "country": "where it publishes from (`International` for sites with no fixed home).",
        "why": "what the publisher is and why it has this tier, in a line.",
    },
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
GAZETTEER_VARIANTS = document(
    GAZETTEER_VARIANTS,
    "country-name spellings added to (or removed from) CLDR, and nationality adjectives",
    {
        "iso3": "ISO 3166-1 alpha-3 code of the country.",
        "form": "`name` | `adjective` (nationality adjective, given in its masculine singular form; the matcher adds `ال` and the endings `ة ون ين ان تين تان ات`).",
        "variant_ar": "the spelling.",
        "origin": "`article_spelling` (used in an article, not in CLDR) | `article_typo` | `common_usage` | `cldr_homograph_excluded` (a CLDR name removed because it is a common word; `variant_ar` must be that CLDR name, or loading stops).",
        "scope": "`all`, or the one article id (of `articles.csv`) where the variant applies (typos).",
        "note": "why the row exists, with the article that uses it.",
    },
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
NON_COUNTRY_TERMS = document(
    NON_COUNTRY_TERMS,
    "regions, cities, metonyms, organisations and venues that must not count as countries",
    {
        "term_ar": "the term.",
        "kind": "what it names; a `venue` is a named place such as a resort (`منتجع ترمب ناشيونال دورال`): its words, here a person's name, are not counted as anything else.",
        "gloss_en": "English meaning.",
        "note": "why it is listed.",
    },
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
SPELLING_RULES = document(
    SPELLING_RULES,
    "spelling rules that turn every listed name into its other spellings as outlets write them (أميركا/أمريكا, ج for a hard g, …)",
    {
        "rule_id": "a lowercase id.",
        "pattern": "a Python regular expression, matched on the name key of the listed name.",
        "replacement": "*(optional)* what replaces each match (may be empty).",
        "applies_to": "`all` | `americas` (country names and adjectives of the Americas, people, and the non-country terms: not the names of other countries, whose Arabic spellings would become other words) | `americas_names` (country names of the Americas only) | `people`.",
        "example_ar": "a spelling the rule makes from a listed name; loading stops if none yields it (a rule that does nothing, or a wrong example).",
        "note": "what the rule covers and why its scope.",
    },
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
STOPWORDS_SUPPLEMENT = document(
    STOPWORDS_SUPPLEMENT,
    "words added to the package stopword list for term counts",
    {
        "word_ar": "the word (any spelling; it is normalised before use).",
        "gloss_en": "English meaning.",
        "reason": "why it carries no topical content in these articles.",
    },
)

GLOSSES = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "gloss_en": text_column(),
    },
    strict=True,
)
GLOSSES = document(
    GLOSSES,
    "English glosses of the single-word terms shown in the term charts (notebooks 01 and 04); a term without one is drawn as `[no gloss yet]` beside its Arabic and listed in notebook 01 (`perucorpus add-article` prints the new article's)",
    {
        "term_ar": "a term as counted (normalised, proclitics removed).",
        "gloss_en": "its English gloss (a dictionary sense for the chart, not a rendering of a passage).",
    },
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
COUNTRY_MENTIONS = document(
    COUNTRY_MENTIONS,
    "country mentions per article (written by notebook 01)",
    {
        "article_id": field("the article.", references="articles.csv:id"),
        "iso3": "the country mentioned (ISO 3166-1 alpha-3).",
        "form": "`name` | `adjective` (a nationality adjective).",
        "mentions": field("number of mentions in the article's clean view (byline and page furniture excluded).", **COUNT),
    },
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
TERM_COUNTS = document(
    TERM_COUNTS,
    "every content term of each article with its count (written by notebook 01, read by notebook 04)",
    {
        "article_id": field("the article.", references="articles.csv:id"),
        "term": "the term as counted (normalised, proclitics split; a multiword glossary term is one term), names left out.",
        "count": field("its number of uses in the article's clean view.", **COUNT),
        "display": "the article's most frequent spelling of it (ties: the first seen).",
    },
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
DIMENSIONS = document(
    DIMENSIONS,
    "the dimensions of the comparison table, in display order",
    {
        "dimension": "id used in `positions.csv`.",
        "order": field("display order (1 = first row).", **COUNT),
        "label_en": "row label.",
        "question_en": "the question the row answers, worded to what the quotes can answer (the Venezuela row asks how the articles present Venezuela's government, since no quote states Peru's own stance toward Caracas).",
    },
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
POSITIONS = document(
    POSITIONS,
    "one row per claim about Peru's position: dimension, era, English position, verbatim Arabic quote with offsets",
    {
        "dimension": field("the row of the comparison table.", references="dimensions.csv:dimension"),
        "era": field("the era (must match the article's era).", references="eras.csv:era"),
        "status": "`stated` (backed by a quote) | `not_addressed` (the articles are silent; no quote, and no outside knowledge fills the gap).",
        "position_en": 'the position in one plain English sentence, written for this collection. It reports the article\'s claim as the article\'s ("The author says …", "The news report says …", "The explainer lists …") and keeps the quote\'s hedges and attributions.',
        "quote_ar": "verbatim quote from the raw article text (empty if not addressed).",
        "quote_en": "our faithful English rendering of the quote, following the translation conventions below (empty if not addressed).",
        "article_id": field("the article quoted (empty if not addressed).", references="articles.csv:id"),
        "start": field(
            "0-based Python string offset where the quote starts in the raw text, so `text[start:end] == quote_ar` (empty if not addressed).",
            **OFFSET,
        ),
        "end": field("0-based offset where the quote ends (exclusive; empty if not addressed).", **OFFSET),
        "record": 'the id of a "what the record adds" note shown beside the claim, generated from the external rows of `memberships.csv`, `peru_heads_of_state.csv` and `references.csv` by `perucorpus.facts.record` (never typed): `peru_signing_2026` (who was Peru\'s president when Peru signed the declaration of March 2026, who had left office before, and whether Peru is among the countries recorded at the Miami summit) | `lima_exits_2021` (how each state the author says had left the Lima Group left it, per the references). An unknown id stops loading.',
        "note": "who is speaking, context, caveats; a fact from outside the articles names its `ref_id`.",
    },
)

HEDGE_MARKERS = pa.DataFrameSchema(
    {
        "marker_ar": text_column(
            matches(r"[\u0600-\u06ff]+( [\u0600-\u06ff]+)*", "Arabic words separated by single spaces"), unique=True
        ),
        "kind": text_column(choice("hedge", "attribution")),
        "renderings_en": text_column(matches(r"[^;]*[A-Za-z][^;]*(;[^;]*[A-Za-z][^;]*)*", "English renderings separated by ;")),
        "copula": text_column(choice("yes", "no")),
        "note": text_column(),
    },
    strict=True,
)
HEDGE_MARKERS = document(
    HEDGE_MARKERS,
    "the Arabic hedge and attribution markers an English rendering must keep, with the renderings that count as keeping them",
    {
        "marker_ar": "the marker as the articles write it.",
        "kind": "`hedge` (distance, likening, estimate, intention or expectation: `تعتبر`, `بمثابة`, `مسحة`, `ربما`, `ما يُسمّى`, `يعتزم`, `من المتوقع`) | `attribution` (someone else says or names it: `ما تسميه`, `كما يدعون`, `محللون`, `تشير`).",
        "renderings_en": "the English words that count as keeping the marker, separated by `;`; each is matched as whole words, ignoring case (`considered` does not match `reconsidered`).",
        "note": "what the marker does in the articles, with an example and where it occurs (article id and paragraph).",
        "copula": '`yes` | `no`. `yes` (`تعتبر`, `تعد`) where news Arabic also uses the marker as a plain copula, "is", distancing from nothing: a rendering may then say "is" if the row\'s note documents that judgement as `copula: «…»` naming the occurrence; `no` for every other marker, which no note can exempt.',
    },
)

#: ``translations.csv``: the English of every paragraph of an article, numbered as the citations number them.
#: A translation note is about the translation: what a line holds of the web page (a share button, an advertisement
#: slot, the copy's date header) is said in ``furniture_note``, which a page that marks page furniture leaves out.
NOT_ON_FURNITURE = pa.Check(
    lambda text: "furniture" not in text.casefold(),
    element_wise=True,
    error="must not speak of page furniture (that remark goes in `furniture_note`)",
)
TRANSLATIONS = pa.DataFrameSchema(
    {
        "article_id": text_column(matches(ID, "an article id")),
        "paragraph": text_column(matches(r"[1-9]\d*", "a paragraph number (1 = the first non-empty line)")),
        "text_en": text_column(),
        "note": text_column(NOT_ON_FURNITURE, nullable=True),
        "furniture_note": text_column(nullable=True),
    },
    unique=["article_id", "paragraph"],
    strict=True,
)
TRANSLATIONS = document(
    TRANSLATIONS,
    "our English translation of every paragraph of every article, numbered as the citations number them (the non-empty lines of the raw file), with the judgements behind it; quoted with the articles for research and teaching, not under the data's CC BY",
    {
        "article_id": field("the article.", references="articles.csv:id"),
        "paragraph": "the paragraph's number, 1 = the article's first non-empty line; unique per article.",
        "text_en": "the paragraph in English: hedges, attributions and tense kept; the author's claims stay the author's; typos marked *sic* with the Arabic; page furniture translated as it reads.",
        "note": "*(optional)* the judgements behind the translation: a stock copula (`copula: «…»`), an ambiguous word, a reading left open.",
        "furniture_note": "*(optional)* what the line holds of the web page rather than the article (a share button, an advertisement slot, the copy's date header), for readers of the plain side-by-side (notebook 01, the reading copy), which print it before the note; the classroom pack's articles page marks the furniture in the page's language instead and leaves this out.",
    },
)

#: Word limits of a summary cell (notebook 02's first table) and of its short form (the one-page handout).
SUMMARY_WORDS, SHORT_WORDS = 40, 12


def _at_most_words(limit: int) -> pa.Check:
    return pa.Check(lambda text: len(text.split()) <= limit, element_wise=True, error=f"must be at most {limit} words")


#: A position named by its article and paragraph, as the citations give them (``jeri2025_mnna_intent ¶9``).
POSITION_REF = rf"{ID} ¶[1-9]\d*"

POSITION_SUMMARIES = pa.DataFrameSchema(
    {
        "dimension": text_column(matches(ID, "a dimension id from dimensions.csv")),
        "era": text_column(matches(ID, "an era id from eras.csv")),
        "summary_en": text_column(_at_most_words(SUMMARY_WORDS)),
        "short_en": text_column(_at_most_words(SHORT_WORDS)),
        "positions": text_column(
            matches(f"({POSITION_REF}(; {POSITION_REF})*)?", "positions as 'article_id ¶n', separated by '; ', or empty"),
            nullable=True,
        ),
        "record": text_column(
            matches(f"({ID}(; {ID})*)?", "record fact ids (RECORD_FACTS) separated by '; ', or empty"),
            pa.Check(
                lambda value: all(key in RECORD_FACTS for key in filter(None, value.split("; "))),
                element_wise=True,
                error=f"names a record fact that is not one of {list(RECORD_FACTS)}",
            ),
            nullable=True,
        ),
    },
    unique=["dimension", "era"],
    strict=True,
)
POSITION_SUMMARIES = document(
    POSITION_SUMMARIES,
    "the comparison table at a glance: one line per dimension × era (≤ 40 words, and ≤ 12 for the handout), naming the positions it summarises and the record facts it needs",
    {
        "dimension": field("the row: a dimension of the comparison table.", references="dimensions.csv:dimension"),
        "era": field("the column: an era.", references="eras.csv:era"),
        "summary_en": "what the articles say in this cell, in one line of at most 40 words, with the genre of its source; the articles' claims stay the articles'.",
        "short_en": "the same in at most 12 words, for the one-page classroom handout.",
        "positions": "the `positions.csv` rows the line summarises, as `article_id ¶n` separated by `; ` (exactly the cell's quoted positions; empty for a cell the articles do not address).",
        "record": "*(optional)* the record facts the line needs (ids of `RECORD_FACTS`, computed by `perucorpus.facts.record`), separated by `; `.",
    },
)

_POSITIONS_WIDE_KEYS = {
    "dimension": text_column(matches(ID, "a dimension id"), unique=True),
    "order": text_column(matches(r"[1-9]\d*", "a positive whole number")),
    "label_en": text_column(),
}
_POSITIONS_WIDE_DOCS = {
    "dimension": field("the row's dimension.", references="dimensions.csv:dimension"),
    "order": field("its display order, from `dimensions.csv`.", **COUNT),
    "label_en": "its label, from `dimensions.csv`.",
}
_POSITIONS_WIDE_ABOUT = "the comparison table, dimension × era (written by notebook 02)"


def positions_wide(eras) -> pa.DataFrameSchema:
    """The schema of ``derived/positions_wide.csv``: its key columns, then one text column per era of ``eras``."""
    schema = pa.DataFrameSchema(_POSITIONS_WIDE_KEYS | {era: text_column() for era in eras}, strict=True)
    era_doc = (
        'the claims of era `{}` (`eras.csv`), one per line, as `position — «quote» — "rendering" (article ¶paragraph)`; '
        "a gap reads `[Not addressed in the sources.]`; a claim with a `record` note ends with it in brackets, `[What the record adds: …]`."
    )
    return document(schema, _POSITIONS_WIDE_ABOUT, _POSITIONS_WIDE_DOCS | {era: era_doc.format(era) for era in eras})


#: ``positions_wide.csv`` without its era columns (which :func:`positions_wide` adds from ``eras.csv``).
POSITIONS_WIDE = document(pa.DataFrameSchema(_POSITIONS_WIDE_KEYS, strict=False), _POSITIONS_WIDE_ABOUT, _POSITIONS_WIDE_DOCS)

#: How each external date rests on its reference (perucorpus.facts.sourcing); empty on article rows.
BASIS_COLUMNS = ("start_basis", "end_basis", "start_derivation", "end_derivation")
GROUPINGS = ("lima_group", "mnna", "accc", "miami_summit")
#: The Lima Group exit rule. The group rests on no treaty and keeps no register of members, so a state leaves
#: it by its government's word. Every external Lima Group row that records a state leaving, or going quiet, is
#: coded from three answers about what its source reports (``data/lima_group_exits.csv`` records them row by
#: row; loading checks that each row's status is the one its answers give):
EXIT_QUESTIONS = {
    "declared": "Did the state's government (head of state or government, foreign minister or foreign ministry) "
    "say that the state leaves, or will leave, the group?",
    "in_effect": "If so, did it say so with immediate effect or from a stated date, rather than as an intention?",
    "set_aside": "Does the row record a later statement of the same government setting that announced exit aside?",
}
#: Each kind of exit: its answers (``declared``, ``in_effect``, ``set_aside``; "" where the question does not
#: arise), whether the state counts as having ``left``, the ``sentence`` that says it about a country, and its
#: ``definition``. The status's legend words are :data:`STATUS_WORDS`.
EXIT_KINDS = {
    "withdrew": {
        "declared": "yes",
        "in_effect": "yes",
        "set_aside": "no",
        "left": True,
        "sentence": "left the Lima Group by a declaration in effect",
        "definition": "Its government declared the exit, in effect at once or from a stated date; with no treaty to "
        "denounce, that declaration is the formal act. Dated from the declaration; the state counts as having left.",
    },
    "announced_withdrawal": {
        "declared": "yes",
        "in_effect": "no",
        "set_aside": "no",
        "left": False,
        "sentence": "announced an exit from the Lima Group, not put into effect",
        "definition": "Its government said the state would leave, without putting the exit into effect. The spell ends "
        "when the exit is put into effect or set aside; until then the state still counts as a member.",
    },
    "exit_dropped": {
        "declared": "yes",
        "in_effect": "no",
        "set_aside": "yes",
        "left": False,
        "sentence": "announced an exit from the Lima Group, then dropped it",
        "definition": "A later statement of its government set the announced exit aside: a member again from that "
        "statement (the announcement's spell ends on it).",
    },
    "stopped_taking_part": {
        "declared": "no",
        "in_effect": "",
        "set_aside": "no",
        "left": False,
        "sentence": "stopped taking part in the Lima Group without declaring an exit",
        "definition": "No declaration of exit by its government was found, but it stopped signing the group's "
        "statements or taking part, or sources say it left without naming any act. It still counts as a member; "
        "dated from the first source that shows it.",
    },
}
MEMBERSHIP_STATUSES = tuple(STATUS_WORDS)
#: Why a spell's ``end`` is empty (``memberships.csv``, ``end_status``): still in force at its source's date
#: (right-censored), or no end recorded by the sources. Empty exactly when ``end`` is given.
END_STATUSES = ("in_force", "not_recorded")
#: A partial ISO date (year, month or day): Table Schema has no such type, so these columns are strings with this pattern.
_PARTIAL_DATE = "a date at year, month or day precision (`2017`, `2019-02`, `2019-02-23`), kept as a string with a pattern since Table Schema's `date` needs a day"
_STATUS_DOC = "`founding_member` | `member` | `member_not_endorsing` (Lima Group: still listed as a member but no longer signing the group's statements; Guyana from 2020) | `represented_by_opposition` (seated through an opposition government) | `announced_withdrawal` (announced, not formalised) | `withdrew_de_facto` | `withdrew` (formal) | `notified` (MNNA: intent notified to Congress) | `announced` (MNNA: designation announced by the US president, no notice to Congress in the references) | `designated` | `treated_as` (Taiwan) | `signatory` | `attended` | `absent` (named by an article as absent). The list is `schemas.MEMBERSHIP_STATUSES`; each status has its colour and legend text in `figures.STATUS_STYLE` (tested to agree)."
_GROUPING_DOC = "`lima_group` (Lima Group) | `mnna` (US Major Non-NATO Ally) | `accc` (the counter-cartel coalition of the joint security declaration of 5 March 2026) | `miami_summit` (Shield of the Americas summit, 7 March 2026)."
_BASIS_DOC = "`stated` (the source gives that date: checked on load, it must be written out in `source_states`, day, month and year for a day, month and year for a month, the year for a year, in English, Spanish, Portuguese, French or Arabic month names, ISO or d/m/y) | `derived` (worked out: from a weekday and a publication date, from another event such as an inauguration, from a register's publication date). External rows only; empty exactly when the date is empty."
_DERIVATION_DOC = "how the {} date was worked out, with the sources used; filled exactly when that date is `derived`. Wherever a derived date is shown (tables, solutions, figure labels) it is shown with this text (`perucorpus.facts.sourcing.dated`)."


def _filled(frame, column):
    return frame[column].str.len() > 0


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
        "end_status": text_column(choice("", *END_STATUSES), nullable=True),
        "date_precision": text_column(choice("day", "month", "year", "unknown")),
        "source_article": text_column(matches(f"({ID})?", "an article id or empty"), nullable=True),
        "source_ref": text_column(matches(f"({ID})?", "a ref_id or empty"), nullable=True),
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
            lambda df: _filled(df, "source_article") != _filled(df, "source_ref"),
            error="a row names exactly one source: source_article (an article) or source_ref (a reference)",
        ),
        pa.Check(
            lambda df: _filled(df, "source_article") == _filled(df, "quote_ar"),
            error="an article row needs quote_ar (and offsets); an external row has none",
        ),
        pa.Check(
            lambda df: _filled(df, "source_ref") == _filled(df, "source_states"),
            error="an external row needs source_states (what its reference states); an article row has none (it has its quote)",
        ),
        pa.Check(
            lambda df: (
                _filled(df, "source_ref") | (df[list(BASIS_COLUMNS)].apply(lambda column: column.str.len()).sum(axis=1) == 0)
            ),
            error="an article row has no start_basis, end_basis or derivations (its quote is the evidence)",
        ),
        pa.Check(
            lambda df: (df["date_precision"] == "unknown") == (df["start"].str.len() == 0),
            error="start is empty exactly when date_precision is 'unknown'",
        ),
        pa.Check(
            lambda df: _filled(df, "end") != _filled(df, "end_status"),
            error="end_status is empty exactly when end is given ('in_force' or 'not_recorded' says why end is empty)",
        ),
    ],
    strict=True,
)
MEMBERSHIPS = document(
    MEMBERSHIPS,
    "one row per country × grouping × status spell, from an article (quoted) or a reference",
    {
        "iso3": "ISO 3166-1 alpha-3 code.",
        "cow_code": field(
            "*(filled)* Correlates of War state number (countrycode `cown`); empty if none.", type="integer", minimum=0
        ),
        "country_en": "*(filled)* the country's name in English (CLDR, via babel; CLDR's short forms such as \"St. Lucia\" spelled out, `countries.READER_NAMES`).",
        "country_ar": "*(filled)* the country's name in Arabic (CLDR, via babel).",
        "grouping": _GROUPING_DOC,
        "status": _STATUS_DOC,
        "start": f"first day of the spell, {_PARTIAL_DATE}; empty when the source gives no date. `memberships.load_memberships` returns it as `perucorpus.base.dates.PartialDate` (a date and its precision), with `start_date` the first day it can mean.",
        "end": f"last day of the spell (inclusive: the status still holds that day), {_PARTIAL_DATE}; `end_date` is the last day it can mean. Only a formal withdrawal ends a membership spell; the latest spell started on a date gives the status on that date, so a spell followed by another of the same country and grouping needs no end.",
        "end_status": "why `end` is empty: `in_force` (the source says the spell still holds at its date: right-censored, the end not yet observed) | `not_recorded` (the sources give no end, and none says the spell still holds). Empty exactly when `end` is given. No row is `in_force` today: none of the references states that a spell continues, so every open spell is `not_recorded`.",
        "date_precision": "precision of `start`: `day` | `month` | `year` | `unknown` (exactly when `start` is empty).",
        "source_article": field(
            "the article the row comes from (an article row, with its quote); empty on an external row.",
            references="articles.csv:id",
        ),
        "source_ref": field(
            "the reference the row comes from (an external row); empty on an article row. Exactly one of `source_article` and `source_ref` is filled.",
            references="references.csv:ref_id",
        ),
        "source_states": "*(external rows only; empty on article rows, which have their quote)* what the cited reference states about this row's date or value, in our own words, with each date as the source writes it and where in the source it is.",
        "start_basis": _BASIS_DOC,
        "end_basis": _BASIS_DOC,
        "start_derivation": _DERIVATION_DOC.format("start"),
        "end_derivation": _DERIVATION_DOC.format("end"),
        "quote_ar": "*(article rows only)* the verbatim supporting quote from the raw article.",
        "quote_start": field("*(filled, article rows only)* 0-based offset where the quote starts in the raw text.", **OFFSET),
        "quote_end": field("*(filled, article rows only)* 0-based offset where the quote ends (exclusive).", **OFFSET),
        "note": "typos, disagreements between the article and the references, what a date means. A further source named in passing (here or in a derivation) is written as its `ref_id` in parentheses, e.g. `(monoglobal_2021_peru)`; loading checks that it exists.",
    },
)

#: The answers to :data:`EXIT_QUESTIONS` for each exit row of ``memberships.csv`` (identified by iso3, start and source).
LIMA_GROUP_EXITS = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code")),
        "start": text_column(matches(ISO_DATE, "an ISO 8601 date"), REAL_DATE),
        "source": text_column(matches(ID, "a ref_id")),
        "declared": text_column(choice("yes", "no")),
        "in_effect": text_column(choice("", "yes", "no"), nullable=True),
        "set_aside": text_column(choice("yes", "no")),
        "evidence": text_column(),
        "note": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (df["declared"] == "yes") == (df["in_effect"].str.len() > 0),
            error="in_effect is answered (yes or no) exactly when declared is yes",
        )
    ],
    strict=True,
)
LIMA_GROUP_EXITS = document(
    LIMA_GROUP_EXITS,
    "for each Lima Group exit row of `memberships.csv`, the answers to the exit rule's three questions, with the source's words that decide them",
    {
        "iso3": "the country of the `memberships.csv` row these answers code (external, `lima_group`).",
        "start": "that row's start, as written there.",
        "source": field("that row's reference (`source_ref`).", references="references.csv:ref_id"),
        "declared": "did the state's government say that the state leaves, or will leave, the group? `yes` | `no`.",
        "in_effect": "if so, did it say so with immediate effect or from a stated date, rather than as an intention? `yes` | `no`; empty exactly when `declared` is `no`.",
        "set_aside": "does the row record a later statement of the same government setting that announced exit aside? `yes` | `no`.",
        "evidence": "the words of the row's `source_states` that decide the answers (checked to occur there).",
        "note": "*(optional)* what else bears on the answers (e.g. that no declaration was found).",
    },
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
HEADS_OF_STATE = document(
    HEADS_OF_STATE,
    "Peru's presidents 2016–2026 with dates and references",
    {
        "name": "president of Peru.",
        "start": field("first day of the term.", type="date"),
        "end": field(
            "last day of the term; empty for the incumbent at the last source. `heads_of_state.load_presidents` returns the dates as dates (`end` None while in office) and checks that `end` is not before `start`.",
            type="date",
        ),
        "ref_ids": "supporting references, separated by `;`; each must be in `references.csv` (checked on load by `perucorpus.facts.heads_of_state.load_presidents`, and by the data package through `derived/president_refs.csv`).",
        "source_states": "what those references state about the term's dates, in our own words, each date as the source writes it, and where in the source.",
        "start_basis": "`stated` | `derived`, checked as in `memberships.csv`.",
        "end_basis": "`stated` | `derived`, checked as in `memberships.csv`; empty exactly when `end` is.",
        "start_derivation": "how the start date was worked out; filled exactly when it is `derived`.",
        "end_derivation": "how the end date was worked out; filled exactly when it is `derived`.",
        "note": "how the term began and ended, and disagreements between sources.",
    },
)

#: The columns of ``derived/membership_snapshot.csv`` (notebook 03): each a grouping read on a
#: date from one kind of source, ``(grouping, date, source_kind)``.
SNAPSHOT_COLUMNS = {
    "lima_group_2021": ("lima_group", date(2021, 12, 31), "external"),
    "mnna_2026": ("mnna", date(2026, 3, 13), "external"),
    "accc_2026": ("accc", date(2026, 3, 13), "article"),
    "miami_summit_2026": ("miami_summit", date(2026, 3, 7), "external"),
}
_GROUPING_NAMES = {
    "lima_group": "Lima Group status",
    "mnna": "Major Non-NATO Ally status",
    "accc": "counter-cartel coalition status",
    "miami_summit": "attendance of the 7 March 2026 summit",
}

MEMBERSHIP_SNAPSHOT = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code"), unique=True),
        **{column: text_column(choice("", *MEMBERSHIP_STATUSES), nullable=True) for column in SNAPSHOT_COLUMNS},
    },
    strict=True,
)
MEMBERSHIP_SNAPSHOT = document(
    MEMBERSHIP_SNAPSHOT,
    "each country's status in the four groupings on fixed dates (written by notebook 03)",
    {
        "iso3": "a country of the Americas with at least one status.",
        **{
            column: f"{_GROUPING_NAMES[grouping]} on {when.isoformat()}, from the "
            + ("references" if kind == "external" else "article rows")
            + "; empty: no status recorded."
            for column, (grouping, when, kind) in SNAPSHOT_COLUMNS.items()
        },
    },
)

#: The years of ``derived/membership_country_year.csv`` (:mod:`perucorpus.facts.panel`), first and last.
PANEL_YEARS = (2017, 2026)

MEMBERSHIP_COUNTRY_YEAR = pa.DataFrameSchema(
    {
        "iso3": text_column(matches(ISO3, "an ISO 3166-1 alpha-3 code")),
        "cow_code": text_column(matches(r"(\d+)?", "a Correlates of War code or empty"), nullable=True),
        "country_en": text_column(),
        "grouping": text_column(choice(*GROUPINGS)),
        "year": text_column(matches(r"\d{4}", "a year")),
        "status": text_column(choice("", *MEMBERSHIP_STATUSES), nullable=True),
        "changed": text_column(choice("true", "false")),
        "spell_start": text_column(matches(f"({ISO_DATE})?", "an ISO 8601 date or empty"), REAL_DATE, nullable=True),
        "spell_end": text_column(matches(f"({ISO_DATE})?", "an ISO 8601 date or empty"), REAL_DATE, nullable=True),
        "end_status": text_column(choice("", *END_STATUSES), nullable=True),
        "source_article": text_column(matches(f"({ID})?", "an article id or empty"), nullable=True),
        "source_ref": text_column(matches(f"({ID})?", "a ref_id or empty"), nullable=True),
    },
    unique=["iso3", "grouping", "year"],
    strict=True,
)
MEMBERSHIP_COUNTRY_YEAR = document(
    MEMBERSHIP_COUNTRY_YEAR,
    f"one row per country, grouping and year {PANEL_YEARS[0]}–{PANEL_YEARS[1]}: the status in force on 31 December, derived from the spells of `memberships.csv` (`perucorpus datapackage`), to merge with Correlates of War or ATOP country-year data",
    {
        "iso3": "ISO 3166-1 alpha-3 code; every country with a row in `memberships.csv`, for every grouping and year.",
        "cow_code": field("Correlates of War state number, as in `memberships.csv` (empty if none).", type="integer", minimum=0),
        "country_en": "the country's name in English (CLDR; short forms spelled out, `countries.READER_NAMES`).",
        "grouping": _GROUPING_DOC,
        "year": field("the calendar year.", type="integer", minimum=PANEL_YEARS[0], maximum=PANEL_YEARS[1]),
        "status": "the status in force on 31 December of `year` (`memberships.csv` vocabulary): of the spells started by then and not ended before that day (an `end` is the last day a spell holds), the one started last; empty when no spell holds. Read from the references' rows; a country and grouping that no reference mentions is read from the articles' rows (`source_article` filled).",
        "changed": field(
            "whether the status changed during the year: `true` when on some day of `year` it differs from the status on 31 December of the year before (a spell started, or one ended, so an exit and a return within the year count too).",
            type="boolean",
            trueValues=["true"],
            falseValues=["false"],
        ),
        "spell_start": f"`start` of the spell in force on 31 December ({_PARTIAL_DATE}); empty when `status` is.",
        "spell_end": "`end` of that spell, if recorded (a date after 31 December, when the spell ends in a later year).",
        "end_status": "that spell's `end_status`: `not_recorded` means the status is carried forward from its start because no source gives an end; `in_force` means its source says it still holds. Empty when `spell_end` is given or `status` is empty.",
        "source_article": field("the article of the spell in force, when it is an article row.", references="articles.csv:id"),
        "source_ref": field(
            "the reference of the spell in force, when it is an external row.", references="references.csv:ref_id"
        ),
    },
)

#: Why a glossary term is loaded (``glossary.csv``, ``loaded_kind``): a word of praise or blame; an image (metaphor,
#: stock figure); a label that sorts sides by worth. The rule is in ``data/README.md`` (section ``glossary.csv``).
LOADED_KINDS = ("evaluative_word", "image", "label")

GLOSSARY = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "match_ar": text_column(unique=True),
        "transliteration": text_column(),
        "gloss_en": text_column(),
        "loaded": text_column(choice("yes", "no")),
        "loaded_kind": text_column(choice("", *LOADED_KINDS), nullable=True),
        "marker_ar": text_column(nullable=True),
        "note": text_column(nullable=True),
        "other_forms_ar": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (
                ((df["loaded"] == "yes") == (df["loaded_kind"].str.len() > 0))
                & ((df["loaded"] == "yes") == (df["marker_ar"].str.len() > 0))
            ),
            error="a loaded term (loaded = yes) has a loaded_kind and a marker_ar; a term that is not loaded has neither",
        ),
        pa.Check(
            lambda df: df.apply(lambda row: row["marker_ar"] in row["match_ar"], axis=1),
            error="marker_ar must be written as it stands in match_ar (the word or words of the term that carry the judgement)",
        ),
    ],
    strict=True,
)
GLOSSARY = document(
    GLOSSARY,
    "the glossary of notebook 04: Arabic terms of the articles with transliteration and English gloss; a multiword term counts as one term in the term charts",
    {
        "term_ar": "the term as the glossary shows it.",
        "match_ar": "the form looked for in the articles, as an article writes it (`حديقتها الخلفية` for the term `الحديقة الخلفية`).",
        "transliteration": "a Latin transliteration of the term.",
        "gloss_en": "its English gloss; a multiword term also takes it in the term charts.",
        "loaded": field(
            "whether the term carries a judgement (`الإمبريالية`, `الإرهاب المخدراتي`): `yes` | `no`.",
            type="boolean",
            trueValues=["yes"],
            falseValues=["no"],
        ),
        "note": "how the articles use it, and translation caveats.",
        "other_forms_ar": "other forms of the same name in the articles, as they write them, separated by `;` (the classroom glossary prints them under the term; the tests find each in an article).",
        "loaded_kind": "*(exactly when `loaded` is `yes`)* `evaluative_word` | `image` | `label`: which part of the rule for loaded words makes it loaded.",
        "marker_ar": "*(exactly when `loaded` is `yes`)* the word or words of `match_ar` that carry the judgement, as they stand there (checked on load): the rule's marker, looked for in every article.",
    },
)

GLOSSARY_ES = pa.DataFrameSchema(
    {
        "term_ar": text_column(unique=True),
        "term_es": text_column(nullable=True),
        "basis": text_column(choice("reference", "url_slug", "not_found")),
        "ref_id": text_column(nullable=True),
        "note": text_column(nullable=True),
    },
    strict=True,
)
GLOSSARY_ES = document(
    GLOSSARY_ES,
    "the Spanish of each glossary term, as our Spanish references write it (the Arabic edition's three-way glossary); never invented",
    {
        "term_ar": field("a `term_ar` of `glossary.csv` (every glossary term has a row).", references="glossary.csv:term_ar"),
        "term_es": "*(optional)* the Spanish term as the reference writes it; empty when `basis` is `not_found`.",
        "basis": "`reference` (the reference's recorded headline or text) | `url_slug` (only the address of a reference writes it) | `not_found` (none of our Spanish references writes it).",
        "ref_id": field(
            "*(optional)* the reference that attests `term_es` (required unless `not_found`).", references="references.csv:ref_id"
        ),
        "note": "*(optional)* where in the reference the term stands, or what was searched.",
    },
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
PEOPLE = document(
    PEOPLE,
    "the people the articles name, with each Arabic spelling used (a person may have several rows, one per spelling)",
    {
        "person_id": "a short id for the person, shared by the rows of the same person's spellings.",
        "name_ar": "the name as an article spells it; counted as one unit and left out of the term counts.",
        "name_en": "the name in English.",
        "described_as_en": "who the person is, as the articles present them.",
        "note": "spelling variants, caveats.",
    },
)

#: How a factual claim of an article stands against the public record, judged as of the article's date
#: (``verdict_dates.csv``); the meaning of each is in :data:`VERDICT_MEANINGS` and data/README.md.
VERDICTS = ("confirmed", "qualified", "contradicted", "unverifiable", "not_checked")
#: The verdicts that rest on references: a claim with one of them cites at least one ``ref_id``.
SOURCED_VERDICTS = ("confirmed", "qualified", "contradicted")
#: One line per verdict, for the codebook and the notebooks (tested to cover :data:`VERDICTS`).
VERDICT_MEANINGS = {
    "confirmed": "the record, as of the article's date, bears out what the claim says; never an evaluation",
    "qualified": "partly borne out, or true only with a caveat the reader needs",
    "contradicted": "the record, as of the article's date, says otherwise",
    "unverifiable": "no public record could settle it: an evaluation, a prediction, an unattributed intention or a covert act",
    "not_checked": "checkable against the public record, but no source in the collection yet: a to-do",
}

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
        "later_note": text_column(nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (df["ref_ids"].str.len() > 0) | ~df["verdict"].isin(SOURCED_VERDICTS),
            error="ref_ids may be empty only for an unverifiable or not_checked claim",
        )
    ],
    strict=True,
)
CLAIMS = document(
    CLAIMS,
    "one row per checkable factual claim of an article: verbatim quote with offsets, English claim, verdict, what the references state",
    {
        "claim_id": "short readable id, prefixed with the article's (`jeri2025_notice_thursday`).",
        "article_id": field("the article.", references="articles.csv:id"),
        "quote_ar": "the article's words, verbatim from the raw text; it must occur exactly once there (quote more of the sentence otherwise). Several claims may share a quote (one per country named in it).",
        "start": field(
            "*(filled)* 0-based Python string offset where the quote starts, so `text[start:end] == quote_ar`.", **OFFSET
        ),
        "end": field("*(filled)* 0-based offset where the quote ends (exclusive).", **OFFSET),
        "claim_en": 'the claim in English, reported as the article\'s: hedges («تعتبر» "is considered", «لما يُسمّى» "what is called") and attributions kept, words in parentheses supplied from the sentence around the quote.',
        "verdict": "one of the five verdicts, judged as of the article's date in `verdict_dates.csv`: "
        + "; ".join(f"`{verdict}`: {meaning}" for verdict, meaning in VERDICT_MEANINGS.items())
        + ".",
        "ref_ids": "the references, `;`-separated, each a `ref_id` of `references.csv` (checked on load, and by the data package through `derived/claim_refs.csv`).",
        "source_states": 'what those references state about the claim, in this collection\'s own words (never copied), each date or number exactly as the source gives it; "Not addressed in the sources." when they are silent.',
        "verdict_note": "why this verdict. A value worked out rather than read (a date from a weekday, an exit dated by an inauguration, a share computed from IMF figures, a count from `memberships.csv`) is marked *derived* and given with its derivation. An id in parentheses, e.g. `(castillo2021_exit_done)`, must be a `ref_id`, an article id or a `claim_id` (checked on load).",
        "later_note": "*(optional)* what happened after the judging date, with its references as ids in parentheses, and whether it falls inside the article's date range. Never used for the verdict.",
    },
)

#: ``derived/claim_refs.csv``: ``claims.csv``'s ``ref_ids`` one per row, so that each can be a foreign key.
CLAIM_REFS = document(
    pa.DataFrameSchema(
        {"claim_id": text_column(matches(ID, "a claim id")), "ref_id": text_column(matches(ID, "a ref_id"))},
        unique=["claim_id", "ref_id"],
        strict=True,
    ),
    "the references of each claim, one per row (`claims.csv`'s `ref_ids` split), so that the data package checks each against `references.csv`",
    {
        "claim_id": field("the claim.", references="claims.csv:claim_id"),
        "ref_id": field("one of its references.", references="references.csv:ref_id"),
    },
)

#: ``derived/president_refs.csv``: ``peru_heads_of_state.csv``'s ``ref_ids`` one per row.
PRESIDENT_REFS = document(
    pa.DataFrameSchema(
        {"name": text_column(), "ref_id": text_column(matches(ID, "a ref_id"))},
        unique=["name", "ref_id"],
        strict=True,
    ),
    "the references of each president's term, one per row (`peru_heads_of_state.csv`'s `ref_ids` split)",
    {
        "name": field("the president.", references="peru_heads_of_state.csv:name"),
        "ref_id": field("one of the term's references.", references="references.csv:ref_id"),
    },
)

#: The date each article's verdicts are judged as of (``verdict_dates.csv``).
VERDICT_DATES = pa.DataFrameSchema(
    {
        "article_id": text_column(matches(ID, "an article id"), unique=True),
        "as_of": text_column(matches(r"\d{4}-\d{2}-\d{2}", "an ISO 8601 day (YYYY-MM-DD)"), REAL_DATE),
        "basis": text_column(choice(*BASES)),
        "derivation": text_column(),
    },
    strict=True,
)
VERDICT_DATES = document(
    VERDICT_DATES,
    "the date each article's verdicts are judged as of, with its basis; the date lies within the article's own date",
    {
        "article_id": field("the article.", references="articles.csv:id"),
        "as_of": "the day the article's verdicts are judged as of (ISO, `YYYY-MM-DD`).",
        "basis": "`stated` (the article's own date) | `derived`.",
        "derivation": "how the date was obtained: for a range, its start and the latest event the article reports as past, with the references that date it as ids in parentheses.",
    },
)

#: Who read a claim again, and what the reading changed (``claim_reviews.csv``).
REVIEW_KINDS = ("rejudging", "cold_read")
REVIEW_OUTCOMES = ("changed", "confirmed_as_is", "new_claim")

CLAIM_REVIEWS = pa.DataFrameSchema(
    {
        "claim_id": text_column(matches(ID, "a claim_id of claims.csv")),
        "kind": text_column(choice(*REVIEW_KINDS)),
        "reader": text_column(),
        "date": text_column(matches(r"\d{4}-\d{2}-\d{2}", "an ISO 8601 day (YYYY-MM-DD)"), REAL_DATE),
        "verdict_before": text_column(choice("", *VERDICTS, "not_checkable"), nullable=True),
        "verdict_after": text_column(choice(*VERDICTS)),
        "outcome": text_column(choice(*REVIEW_OUTCOMES)),
        "what_changed": text_column(),
    },
    checks=[
        pa.Check(
            lambda df: (df["outcome"] == "new_claim") == (df["verdict_before"].str.len() == 0),
            error="verdict_before is empty exactly for a new_claim",
        ),
        pa.Check(
            lambda df: (df["outcome"] != "confirmed_as_is") | (df["verdict_before"] == df["verdict_after"]),
            error="a claim confirmed_as_is keeps its verdict",
        ),
    ],
    strict=True,
)
CLAIM_REVIEWS = document(
    CLAIM_REVIEWS,
    "every reading of a claim (the re-judging, cold reads): who, when, the verdict before and after, what changed; each claim's latest reading ends on its verdict in `claims.csv`",
    {
        "claim_id": field("the claim read.", references="claims.csv:claim_id"),
        "kind": "`rejudging` (a reader who knows the code and the data re-judged the claim) | `cold_read` (a second reader who saw only the claim, the Arabic quote and the sources' pages).",
        "reader": "who read it (a person or session, and what they had seen).",
        "date": "when (ISO day).",
        "verdict_before": "*(empty for a new claim)* the verdict before this reading (the retired `not_checkable` may appear here, and only here).",
        "verdict_after": "the verdict after it.",
        "outcome": "`changed` (the verdict or a text changed) | `confirmed_as_is` (nothing changed) | `new_claim` (the reading added the claim).",
        "what_changed": "what the reading changed and why, or what it confirmed.",
    },
)

#: Which schema validates which CSV under ``data/`` (every CSV there must be listed).
FILES = {
    "eras.csv": ERAS,
    "articles.csv": ARTICLES,
    "references.csv": REFERENCES,
    "publisher_tiers.csv": PUBLISHER_TIERS,
    "gazetteer/variants.csv": GAZETTEER_VARIANTS,
    "gazetteer/non_country_terms.csv": NON_COUNTRY_TERMS,
    "gazetteer/spelling_rules.csv": SPELLING_RULES,
    "stopwords_supplement.csv": STOPWORDS_SUPPLEMENT,
    "glosses.csv": GLOSSES,
    "derived/country_mentions.csv": COUNTRY_MENTIONS,
    "derived/term_counts.csv": TERM_COUNTS,
    "dimensions.csv": DIMENSIONS,
    "positions.csv": POSITIONS,
    "position_summaries.csv": POSITION_SUMMARIES,
    "hedge_markers.csv": HEDGE_MARKERS,
    "translations.csv": TRANSLATIONS,
    "derived/positions_wide.csv": POSITIONS_WIDE,
    "memberships.csv": MEMBERSHIPS,
    "lima_group_exits.csv": LIMA_GROUP_EXITS,
    "peru_heads_of_state.csv": HEADS_OF_STATE,
    "derived/membership_snapshot.csv": MEMBERSHIP_SNAPSHOT,
    "derived/membership_country_year.csv": MEMBERSHIP_COUNTRY_YEAR,
    "glossary.csv": GLOSSARY,
    "glossary_es.csv": GLOSSARY_ES,
    "people.csv": PEOPLE,
    "claims.csv": CLAIMS,
    "verdict_dates.csv": VERDICT_DATES,
    "claim_reviews.csv": CLAIM_REVIEWS,
    "derived/claim_refs.csv": CLAIM_REFS,
    "derived/president_refs.csv": PRESIDENT_REFS,
}
