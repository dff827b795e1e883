"""The notebooks' shared prologue: the collection's folders and its checked data, in one call.

``load_project()`` returns a :class:`Project` whose data sets are loaded (and checked, as
their own loaders check them) the first time a notebook uses them, and kept for the rest
of that notebook, so each notebook pays only for what it reads.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.facts import checks, comparison, heads_of_state, memberships, record, translations
from perucorpus.present import figures
from perucorpus.text import cleaning, corpus


class Project:
    """The collection seen from a notebook: ``data`` and ``figures`` folders, and each data set once."""

    def __init__(self, root: Path | str = ".."):
        self.root = Path(root)
        self.data = self.root / "data"
        self.figures = self.root / "figures"

    def table(self, name: str, schema: pa.DataFrameSchema) -> pd.DataFrame:
        """A CSV of ``data/``, checked against ``schema`` (:func:`perucorpus.base.tables.read_table`)."""
        return read_table(self.data / name, schema)

    @cached_property
    def articles(self) -> dict[str, corpus.Article]:
        """The articles, checked against ``articles.csv`` (:func:`perucorpus.text.corpus.load_corpus`)."""
        return corpus.load_corpus(self.data)

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each article's raw text, as stored."""
        return {article_id: article.raw for article_id, article in self.articles.items()}

    @cached_property
    def views(self) -> dict[str, cleaning.CleanView]:
        """Each article's clean reading view (:func:`perucorpus.text.cleaning.clean_views`)."""
        return cleaning.clean_views(self.texts)

    @cached_property
    def meta(self) -> pd.DataFrame:
        """The articles' metadata, indexed by id (:func:`perucorpus.text.corpus.metadata`)."""
        return corpus.metadata(self.articles)

    @cached_property
    def translations(self) -> pd.DataFrame:
        """Our English of every paragraph, checked against the articles (:func:`perucorpus.facts.translations.load_translations`)."""
        return translations.load_translations(self.data, self.articles)

    @cached_property
    def positions(self) -> pd.DataFrame:
        """The comparison table's claims, quotes verified (:func:`perucorpus.facts.comparison.load_positions`)."""
        return comparison.load_positions(self.data)

    @cached_property
    def names(self) -> dict[str, str]:
        """Each article as a reader names it ("the 2021 opinion piece"; :func:`perucorpus.text.corpus.reader_names`)."""
        return corpus.reader_names(self.meta)

    @cached_property
    def summaries(self) -> pd.DataFrame:
        """One line per cell of the comparison table, checked against its positions (:func:`perucorpus.facts.comparison.load_summaries`)."""
        return comparison.load_summaries(self.data, self.positions)

    @cached_property
    def record_facts(self) -> dict[str, record.Fact]:
        """The record's one-line facts with their traces (:func:`perucorpus.facts.record.facts`)."""
        return record.facts(self.memberships, self.presidents, self.references)

    @cached_property
    def dimensions(self) -> pd.DataFrame:
        """The comparison table's dimensions (``dimensions.csv``)."""
        return self.table("dimensions.csv", schemas.DIMENSIONS)

    @cached_property
    def memberships(self) -> pd.DataFrame:
        """Alliance membership spells, checked (:func:`perucorpus.facts.memberships.load_memberships`)."""
        return memberships.load_memberships(self.data)

    @cached_property
    def presidents(self) -> pd.DataFrame:
        """Peru's presidents, checked (:func:`perucorpus.facts.heads_of_state.load_presidents`)."""
        return heads_of_state.load_presidents(self.data)

    @cached_property
    def references(self) -> pd.DataFrame:
        """The public references, indexed by ``ref_id``."""
        return self.table("references.csv", schemas.REFERENCES).set_index("ref_id")

    @cached_property
    def claims(self) -> pd.DataFrame:
        """The articles' checkable claims with their verdicts (:func:`perucorpus.facts.checks.load_claims`)."""
        return checks.load_claims(self.data)

    @cached_property
    def glossary(self) -> pd.DataFrame:
        """The glossary (``glossary.csv``)."""
        return self.table("glossary.csv", schemas.GLOSSARY)

    @cached_property
    def people(self) -> pd.DataFrame:
        """The people the articles name (``people.csv``)."""
        return self.table("people.csv", schemas.PEOPLE)


def load_project(root: Path | str = "..") -> Project:
    """The :class:`Project` of a notebook run from ``notebooks/``, with the collection's figure style set."""
    figures.use_project_style()
    return Project(root)
