"""The collection's data, read at one boundary: each file of ``data/`` read and validated once, then passed down.

A :class:`Collection` is what an entry point (the notebooks' :class:`perucorpus.project.Project`,
the reading copy, the classroom pack, the data package) holds: :meth:`Collection.table` reads a
file of ``data/`` against its schema the first time it is asked for and keeps the frame; the
checked data sets (the articles, the positions, the memberships, …) are built from those frames
by the pure ``check_*`` functions of the modules that own them, which take the frames and texts
they need as arguments and never read a file. Everything is loaded on first use and kept for the
life of the object, so an entry point pays only for what it uses, and only once.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.facts import checks, comparison, heads_of_state, memberships, record, renderings, sourcing, translations
from perucorpus.text import cleaning, corpus, overview
from perucorpus.text.gazetteer import Gazetteer, SpellingRule, check_spelling_rules

#: Each file of ``data/`` a :class:`Collection` reads, with its schema (a function of the eras where
#: the file names eras: the eras are read first).
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "eras.csv": schemas.ERAS,
    "dimensions.csv": schemas.DIMENSIONS,
    "references.csv": schemas.REFERENCES,
    "publisher_tiers.csv": schemas.PUBLISHER_TIERS,
    "memberships.csv": schemas.MEMBERSHIPS,
    "lima_group_exits.csv": schemas.LIMA_GROUP_EXITS,
    "peru_heads_of_state.csv": schemas.HEADS_OF_STATE,
    "claims.csv": schemas.CLAIMS,
    "claim_reviews.csv": schemas.CLAIM_REVIEWS,
    "verdict_dates.csv": schemas.VERDICT_DATES,
    "hedge_markers.csv": schemas.HEDGE_MARKERS,
    "translations.csv": schemas.TRANSLATIONS,
    "glossary.csv": schemas.GLOSSARY,
    "glossary_es.csv": schemas.GLOSSARY_ES,
    "people.csv": schemas.PEOPLE,
    "glosses.csv": schemas.GLOSSES,
    "stopwords_supplement.csv": schemas.STOPWORDS_SUPPLEMENT,
    "gazetteer/variants.csv": schemas.GAZETTEER_VARIANTS,
    "gazetteer/non_country_terms.csv": schemas.NON_COUNTRY_TERMS,
    "gazetteer/spelling_rules.csv": schemas.SPELLING_RULES,
}
#: The files whose schema lists the eras of ``eras.csv``.
WITH_ERAS = {
    "articles.csv": schemas.ARTICLES,
    "positions.csv": schemas.POSITIONS,
    "position_summaries.csv": schemas.POSITION_SUMMARIES,
}


class Collection:
    """The data of the collection under ``data_dir``: each file read and checked once, each data set built once."""

    def __init__(self, data_dir: Path | str):
        self.data = Path(data_dir)
        self._tables: dict[str, pd.DataFrame] = {}

    def table(self, name: str) -> pd.DataFrame:
        """The file ``name`` of ``data/`` (e.g. ``"gazetteer/variants.csv"``), read and validated against its schema
        (:data:`SCHEMAS`) the first time; a copy of that frame after (so a caller's change stays its own).
        """
        if name not in self._tables:
            if name in WITH_ERAS:
                schema = schemas.with_eras(WITH_ERAS[name], self.eras.index)
            elif name in SCHEMAS:
                schema = SCHEMAS[name]
            else:
                raise KeyError(f"{name}: not a file the collection knows (facts.collection.SCHEMAS)")
            self._tables[name] = read_table(self.data / name, schema)
        frame = self._tables[name]
        copy = frame.copy()
        copy.attrs = {key: list(value) if isinstance(value, list) else value for key, value in frame.attrs.items()}
        return copy

    def forget(self, name: str) -> None:
        """Forget the file ``name`` (just rewritten, e.g. ``articles.csv`` after ``add-article``) and every data set
        built so far (any may rest on it): they are built again on next use, from the files as they are then; the
        other files already read are not read again.
        """
        self._tables.pop(name, None)
        for data_set in [key for key, value in vars(Collection).items() if isinstance(value, cached_property)]:
            self.__dict__.pop(data_set, None)

    @cached_property
    def eras(self) -> pd.DataFrame:
        """The eras, checked and indexed by id (:func:`perucorpus.text.corpus.check_eras`)."""
        return corpus.check_eras(self.table("eras.csv"))

    @cached_property
    def articles(self) -> dict[str, corpus.Article]:
        """The articles, checked against ``articles.csv`` (:func:`perucorpus.text.corpus.corpus_from`)."""
        return corpus.corpus_from(self.table("articles.csv"), self.eras, self.data)

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each article's raw text, as stored."""
        return {article_id: article.raw for article_id, article in self.articles.items()}

    @cached_property
    def views(self) -> dict[str, cleaning.CleanView]:
        """Each article's clean reading view (:func:`perucorpus.text.cleaning.clean_views`)."""
        return cleaning.clean_views(self.texts)

    @cached_property
    def clean_texts(self) -> dict[str, str]:
        """Each article's clean reading view as text: what the term and name counts count (headings, byline and
        page furniture lifted out).
        """
        return {article_id: view.text for article_id, view in self.views.items()}

    @cached_property
    def meta(self) -> pd.DataFrame:
        """The articles' metadata, indexed by id (:func:`perucorpus.text.corpus.metadata`)."""
        return corpus.metadata(self.articles)

    @cached_property
    def names(self) -> dict[str, str]:
        """Each article as a reader names it ("the 2021 opinion piece"; :func:`perucorpus.text.corpus.reader_names`)."""
        return corpus.reader_names(self.meta)

    @cached_property
    def markers(self) -> pd.DataFrame:
        """The hedge and attribution markers with their patterns (:func:`perucorpus.facts.renderings.check_markers`)."""
        return renderings.check_markers(self.table("hedge_markers.csv"))

    @cached_property
    def translations(self) -> pd.DataFrame:
        """Our English of every paragraph, checked against the articles (:func:`perucorpus.facts.translations.check_translations`)."""
        return translations.check_translations(
            self.table("translations.csv"), self.articles, self.table("gazetteer/variants.csv"), self.markers
        )

    @cached_property
    def dimensions(self) -> pd.DataFrame:
        """The comparison table's dimensions (``dimensions.csv``)."""
        return self.table("dimensions.csv")

    @cached_property
    def positions(self) -> pd.DataFrame:
        """The comparison table's claims, quotes verified (:func:`perucorpus.facts.comparison.check_positions`)."""
        return comparison.check_positions(
            self.table("positions.csv"),
            self.eras,
            self.articles,
            self.dimensions,
            self.table("gazetteer/variants.csv"),
            self.markers,
        )

    @cached_property
    def summaries(self) -> pd.DataFrame:
        """One line per cell of the comparison table, checked against its positions (:func:`perucorpus.facts.comparison.check_summaries`)."""
        return comparison.check_summaries(self.table("position_summaries.csv"), self.positions)

    @cached_property
    def references(self) -> pd.DataFrame:
        """The public references, indexed by ``ref_id``."""
        return self.table("references.csv").set_index("ref_id")

    @cached_property
    def memberships(self) -> pd.DataFrame:
        """Alliance membership spells, checked (:func:`perucorpus.facts.memberships.check_memberships`)."""
        return memberships.check_memberships(self.table("memberships.csv"), self.table("references.csv"), self.texts, self.exits)

    @cached_property
    def exits(self) -> pd.DataFrame:
        """The Lima Group exits' answers to the exit rule (``lima_group_exits.csv``; checked with the memberships)."""
        return self.table("lima_group_exits.csv")

    @cached_property
    def presidents(self) -> pd.DataFrame:
        """Peru's presidents, checked (:func:`perucorpus.facts.heads_of_state.check_presidents`)."""
        return heads_of_state.check_presidents(self.table("peru_heads_of_state.csv"), self.table("references.csv"))

    @cached_property
    def citing(self) -> dict[str, pd.DataFrame]:
        """The files that cite references (:data:`perucorpus.facts.sourcing.CITING`), by name, as read."""
        return {name: self.table(name) for name in sourcing.CITING}

    @cached_property
    def cited_refs(self) -> dict[str, list[str]]:
        """Each reference id (or article id) the citing files cite → where (:func:`perucorpus.facts.sourcing.cited_refs`)."""
        return sourcing.cited_refs(self.citing)

    @cached_property
    def record_facts(self) -> dict[str, record.Fact]:
        """The record's one-line facts with their traces (:func:`perucorpus.facts.record.facts`)."""
        return record.facts(self.memberships, self.presidents, self.references)

    @cached_property
    def verdict_dates(self) -> pd.DataFrame:
        """Each article's judging date, indexed by ``article_id`` (:func:`perucorpus.facts.checks.check_verdict_dates`)."""
        return checks.check_verdict_dates(self.table("verdict_dates.csv"), self.articles)

    @cached_property
    def claims(self) -> pd.DataFrame:
        """The articles' checkable claims with their verdicts (:func:`perucorpus.facts.checks.check_claims`)."""
        return checks.check_claims(
            self.table("claims.csv"),
            self.table("references.csv"),
            self.articles,
            self.verdict_dates,
            self.table("gazetteer/variants.csv"),
            self.markers,
        )

    @cached_property
    def reviews(self) -> pd.DataFrame:
        """The claims' reviews, checked against the claims (:func:`perucorpus.facts.checks.check_reviews`)."""
        return checks.check_reviews(self.table("claim_reviews.csv"), self.claims)

    @cached_property
    def glossary(self) -> pd.DataFrame:
        """The glossary (``glossary.csv``)."""
        return self.table("glossary.csv")

    @cached_property
    def people(self) -> pd.DataFrame:
        """The people the articles name (``people.csv``)."""
        return self.table("people.csv")

    @cached_property
    def spelling_rules(self) -> tuple[SpellingRule, ...]:
        """The gazetteer's spelling rules (:func:`perucorpus.text.gazetteer.check_spelling_rules`)."""
        return check_spelling_rules(self.table("gazetteer/spelling_rules.csv"))

    @cached_property
    def venues(self) -> tuple[str, ...]:
        """Places whose names contain a person's name (:meth:`perucorpus.text.gazetteer.Gazetteer.venues_in`)."""
        return Gazetteer.venues_in(self.table("gazetteer/non_country_terms.csv"))

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The country gazetteer (:meth:`perucorpus.text.gazetteer.Gazetteer.from_tables`)."""
        return Gazetteer.from_tables(
            self.table("gazetteer/variants.csv"),
            self.table("gazetteer/non_country_terms.csv"),
            set(self.table("articles.csv")["id"]),
            self.spelling_rules,
        )

    @cached_property
    def units(self) -> Gazetteer:
        """Every name and multiword term the collection knows, one matcher (:func:`perucorpus.text.overview.units_from`)."""
        return overview.units_from(self.gazetteer, self.people, self.glossary, self.spelling_rules)

    @cached_property
    def article_terms(self) -> dict[str, pd.DataFrame]:
        """Each article's term counts in its clean view, names counted apart (:func:`perucorpus.text.overview.corpus_term_counts`)."""
        supplement = tuple(self.table("stopwords_supplement.csv")["word_ar"])
        return overview.corpus_term_counts(self.clean_texts, supplement, self.units)

    @cached_property
    def article_names(self) -> pd.DataFrame:
        """The names each article's clean view mentions, counted (:func:`perucorpus.text.overview.names_from`)."""
        return overview.names_from(self.clean_texts, self.people, self.table("gazetteer/non_country_terms.csv"), self.units)

    @cached_property
    def term_glosses(self) -> pd.DataFrame:
        """English glosses of the counted terms (:func:`perucorpus.text.overview.glosses_from`)."""
        return overview.glosses_from(self.table("glosses.csv"), self.glossary, self.units)
