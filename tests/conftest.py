"""Shared fixtures: the project's data folder, a disposable copy of it, and the gazetteer."""

import shutil
from pathlib import Path

import pytest

from perucorpus import cleaning, corpus
from perucorpus.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def articles():
    return corpus.load_corpus(DATA)


@pytest.fixture(scope="session")
def views(articles):
    return {article_id: cleaning.clean(article.raw) for article_id, article in articles.items()}


@pytest.fixture(scope="session")
def gaz():
    return Gazetteer.from_data(DATA)


@pytest.fixture
def data_copy(tmp_path):
    """A temporary copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
