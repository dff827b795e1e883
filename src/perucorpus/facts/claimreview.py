"""The checked claims as schema.org ``ClaimReview`` (JSON-LD), the format fact-checking tools read.

:func:`reviews` gives one ``ClaimReview`` per claim of ``claims.csv`` whose verdict the
references decide (:data:`perucorpus.base.schemas.SOURCED_VERDICTS`); claims no source in the
set decides are left out. Each carries the English claim (``claimReviewed``), the claim
itself (``itemReviewed``: a ``Claim`` whose ``text`` is the Arabic quote, appearing in the
article, with its outlet and date where known), the verdict in words
(``reviewRating.alternateName``, from :data:`RATING_WORDS`) and why
(``reviewRating.ratingExplanation``), the references' URLs (``citation``) and the collection
as ``author``. ``url`` is written only when the collection gives the address where its
reading copy is published (``url`` in ``CITATION.cff``); no address is ever made up.
:data:`SCHEMA` is a JSON Schema of the fields Google's fact-check documentation requires
(``claimReviewed``, ``reviewRating`` with ``alternateName``, and ``url``, which
:func:`schema` requires only when an address exists) and of the recommended fields
written here; :func:`check` validates against it.
"""

from __future__ import annotations

import json

import jsonschema
import pandas as pd

from perucorpus.base.schemas import SOURCED_VERDICTS
from perucorpus.base.tables import DataError

#: How each checked verdict is worded for fact-check readers (``reviewRating.alternateName``).
RATING_WORDS = {
    "confirmed": "Confirmed by the references",
    "qualified": "Qualified: partly borne out, or true only with a caveat",
    "contradicted": "Contradicted by the references",
}
assert tuple(RATING_WORDS) == SOURCED_VERDICTS, "schemas.SOURCED_VERDICTS names the verdicts worded here"
#: The page of the reading copy that shows the claims, and each claim's anchor on it.
CLAIMS_PAGE = "04_discussion_guide.html#claim-{}"
#: schema.org types of the article in which a claim appears, by genre.
APPEARANCE_TYPES = {"opinion": "OpinionNewsArticle", "news": "NewsArticle", "explainer": "BackgroundNewsArticle"}

_ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TEXT = {"type": "string", "minLength": 1}


def schema(require_url: bool = False) -> dict:
    """The JSON Schema every exported review must meet; ``url`` required when the collection publishes an address."""
    organisation = {
        "type": "object",
        "required": ["@type", "name"],
        "properties": {"@type": {"enum": ["Organization", "Person"]}, "name": _TEXT, "url": {"type": "string", "format": "uri"}},
    }
    review = {
        "type": "object",
        "required": ["@context", "@type", "claimReviewed", "reviewRating", "author", "itemReviewed", "datePublished"]
        + (["url"] if require_url else []),
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@type": {"const": "ClaimReview"},
            "identifier": _TEXT,
            "claimReviewed": _TEXT,
            "url": {"type": "string", "format": "uri", "pattern": "^https?://[^#]+#.+$"},
            "datePublished": {"type": "string", "pattern": _ISO_DATE},
            "author": organisation,
            "reviewRating": {
                "type": "object",
                "required": ["@type", "alternateName"],
                "properties": {"@type": {"const": "Rating"}, "alternateName": _TEXT, "ratingExplanation": _TEXT},
            },
            "itemReviewed": {
                "type": "object",
                "required": ["@type", "text", "appearance"],
                "properties": {
                    "@type": {"const": "Claim"},
                    "text": _TEXT,
                    "inLanguage": _TEXT,
                    "datePublished": {"type": "string", "pattern": _ISO_DATE},
                    "appearance": {
                        "type": "object",
                        "required": ["@type", "name"],
                        "properties": {
                            "@type": _TEXT,
                            "name": _TEXT,
                            "inLanguage": _TEXT,
                            "datePublished": {"type": "string", "pattern": _ISO_DATE},
                            "publisher": organisation,
                            "url": {"type": "string", "format": "uri"},
                        },
                    },
                },
            },
            "citation": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}},
        },
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array", "items": review}


#: The schema of the export as written today (no published address, so no ``url``).
SCHEMA = schema()


def _known(value) -> str:
    """A cell's text, or "" for a column the table does not have or a missing value."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _appearance(article: pd.Series) -> dict:
    """The article a claim appears in: its type, descriptive title, language, and outlet, address and date where known."""
    found = {
        "@type": APPEARANCE_TYPES.get(article["genre"], "Article"),
        "name": article["title_en"],
        "inLanguage": article["language"],
    }
    if article["date_basis"] == "stated":
        found["datePublished"] = article["date"]
    if _known(article.get("publisher")):
        found["publisher"] = {"@type": "Organization", "name": _known(article.get("publisher"))}
    if _known(article.get("url")):
        found["url"] = _known(article.get("url"))
    return found


def reviews(
    claims: pd.DataFrame, articles: pd.DataFrame, references: pd.DataFrame, author: str, published: str, address: str = ""
) -> list[dict]:
    """One ClaimReview per checked claim, in ``claims.csv`` order.

    ``articles`` is the articles' metadata indexed by id (outlet from a ``publisher`` column and
    address from a ``url`` column where the table has them), ``references`` is indexed by
    ``ref_id``, ``author`` names the collection, ``published`` is the release date, and
    ``address`` the published reading copy's address ("" if none: then no ``url``).
    A claim's own date (``itemReviewed.datePublished``) is given only when its article's date is stated.
    """
    found = []
    for claim in claims.to_dict("records"):
        if claim["verdict"] not in SOURCED_VERDICTS:
            continue
        article = articles.loc[claim["article_id"]]
        item = {"@type": "Claim", "text": claim["quote_ar"], "inLanguage": article["language"]}
        if article["date_basis"] == "stated":
            item["datePublished"] = article["date"]
        item["appearance"] = _appearance(article)
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim["claim_id"],
            "claimReviewed": claim["claim_en"],
            "datePublished": published,
            "author": {"@type": "Organization", "name": author} | ({"url": address} if address else {}),
            "reviewRating": {
                "@type": "Rating",
                "alternateName": RATING_WORDS[claim["verdict"]],
                "ratingExplanation": claim["verdict_note"],
            },
            "itemReviewed": item,
            "citation": [references.at[ref, "url"] for ref in dict.fromkeys(filter(None, claim["ref_ids"].split(";")))],
        }
        if address:
            review["url"] = f"{address.rstrip('/')}/{CLAIMS_PAGE.format(claim['claim_id'])}"
        found.append(review)
    return found


def check(found: list[dict], require_url: bool = False) -> None:
    """Validate reviews against :func:`schema`; a problem raises DataError naming the claim and the field."""
    validator = jsonschema.Draft202012Validator(
        schema(require_url), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems = sorted(validator.iter_errors(found), key=lambda error: list(error.absolute_path))
    if problems:
        lines = []
        for error in problems:
            where = list(error.absolute_path)
            claim = found[where[0]].get("identifier", f"review {where[0]}") if where else "the file"
            lines.append(f"{claim}: {'/'.join(map(str, where[1:])) or '(review)'}: {error.message}")
        raise DataError(f"{len(lines)} problem(s) in the ClaimReview export:\n" + "\n".join(lines))


def to_json(found: list[dict]) -> str:
    """The export's text: JSON-LD, UTF-8 (Arabic as is), two-space indents, a final newline."""
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"
