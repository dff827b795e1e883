"""The ClaimReview export: one review per checked claim, the fields Google's fact-check tools require, no invented address."""

import json

import pandas as pd
import pytest
from conftest import DATA, ROOT

from perucorpus.base import schemas
from perucorpus.base.tables import DataError
from perucorpus.facts import claimreview
from perucorpus.facts.checks import load_claims
from perucorpus.publish import dataset
from perucorpus.text.corpus import load_corpus, metadata

ARTICLES = pd.DataFrame(
    {
        "genre": ["news", "opinion"],
        "title_en": ["A news report (news report)", "An opinion piece"],
        "language": ["ar", "ar"],
        "date": ["2026-03-13", "2021-08/2022-07"],
        "date_basis": ["stated", "inferred"],
        "publisher": ["An outlet", ""],
        "url": ["https://news.example/report", ""],
    },
    index=pd.Index(["news_a", "opinion_b"], name="id"),
)
REFERENCES = pd.DataFrame(
    {"url": ["https://ref.example/1", "https://ref.example/2"]}, index=pd.Index(["r1", "r2"], name="ref_id")
)


def claims(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["claim_id", "article_id", "quote_ar", "claim_en", "verdict", "ref_ids", "verdict_note"])


CLAIMS = claims(
    ("news_a_one", "news_a", "نص", "The report says one thing.", "confirmed", "r1;r2;r1", "Both say so."),
    ("opinion_b_two", "opinion_b", "نص آخر", "The author says another.", "contradicted", "r2", "The record differs."),
    ("opinion_b_three", "opinion_b", "نص ثالث", "The author says a third.", schemas.VERDICTS[-1], "", "No source."),
)


def test_one_review_per_checked_claim_with_its_fields():
    found = claimreview.reviews(CLAIMS, ARTICLES, REFERENCES, "The team", "2026-12-04")
    claimreview.check(found)
    assert [review["identifier"] for review in found] == ["news_a_one", "opinion_b_two"]
    first = found[0]
    assert first["claimReviewed"] == "The report says one thing." and first["itemReviewed"]["text"] == "نص"
    assert first["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Confirmed by the references",
        "ratingExplanation": "Both say so.",
    }
    assert first["citation"] == ["https://ref.example/1", "https://ref.example/2"]
    assert first["itemReviewed"]["appearance"]["publisher"] == {"@type": "Organization", "name": "An outlet"}
    assert first["itemReviewed"]["datePublished"] == "2026-03-13"
    assert first["author"] == {"@type": "Organization", "name": "The team"} and first["datePublished"] == "2026-12-04"


def test_an_inferred_date_and_an_unknown_outlet_are_left_out():
    inferred = claimreview.reviews(CLAIMS, ARTICLES, REFERENCES, "The team", "2026-12-04")[1]["itemReviewed"]
    assert "datePublished" not in inferred and "datePublished" not in inferred["appearance"]
    assert "publisher" not in inferred["appearance"] and "url" not in inferred["appearance"]
    assert inferred["appearance"]["@type"] == "OpinionNewsArticle"


def test_no_address_no_url_and_a_published_address_gives_each_claim_its_anchor():
    found = claimreview.reviews(CLAIMS, ARTICLES, REFERENCES, "The team", "2026-12-04")
    assert all("url" not in review for review in found)
    with pytest.raises(DataError, match="news_a_one: \\(review\\): 'url' is a required property"):
        claimreview.check(found, require_url=True)  # Google requires it: the file is not eligible until one is published
    published = claimreview.reviews(CLAIMS, ARTICLES, REFERENCES, "The team", "2026-12-04", "https://team.example/copy/")
    claimreview.check(published, require_url=True)
    assert published[0]["url"] == "https://team.example/copy/04_discussion_guide.html#claim-news_a_one"


def test_a_review_missing_a_required_field_is_named():
    found = claimreview.reviews(CLAIMS, ARTICLES, REFERENCES, "The team", "2026-12-04")
    found[1]["reviewRating"].pop("alternateName")
    found[0]["claimReviewed"] = ""
    with pytest.raises(DataError) as error:
        claimreview.check(found)
    assert "news_a_one: claimReviewed: '' should be non-empty" in str(error.value)
    assert "opinion_b_two: reviewRating: 'alternateName' is a required property" in str(error.value)


def test_the_wording_covers_exactly_the_checked_verdicts():
    assert set(claimreview.RATING_WORDS) == set(schemas.SOURCED_VERDICTS) <= set(schemas.VERDICTS)
    assert len(set(claimreview.RATING_WORDS.values())) == len(claimreview.RATING_WORDS)


def test_the_written_export_validates_and_covers_every_checked_claim():
    found = json.loads((ROOT / dataset.CLAIMREVIEW).read_text(encoding="utf-8"))
    claimreview.check(found)
    checked = load_claims(DATA).query("verdict in @schemas.SOURCED_VERDICTS")
    assert [review["identifier"] for review in found] == checked["claim_id"].tolist()
    inferred = set(metadata(load_corpus(DATA)).query("date_basis == 'inferred'").index)
    for review, article_id in zip(found, checked["article_id"]):
        assert ("datePublished" in review["itemReviewed"]) == (article_id not in inferred)
