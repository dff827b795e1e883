"""The data read at one boundary (perucorpus.facts.collection): each file read and validated once, then passed down."""

import collections
import pathlib
import shutil
from functools import cached_property

import pandas as pd
import pytest
from conftest import DATA

from perucorpus.base import tables
from perucorpus.base.tables import DataError
from perucorpus.facts import checks, comparison, heads_of_state, memberships, translations
from perucorpus.facts.collection import SCHEMAS, WITH_ERAS, Collection
from perucorpus.text import corpus, overview

DATA_SETS = [name for name, value in vars(Collection).items() if isinstance(value, cached_property)]


@pytest.fixture
def counted(monkeypatch):
    """(reads, validations): how often each file under data/ was read and validated."""
    reads, validations = collections.Counter(), collections.Counter()
    read_bytes, validate = pathlib.Path.read_bytes, tables.validate

    def counting_read(path):
        reads[pathlib.Path(path).resolve().relative_to(DATA.resolve()).as_posix()] += 1
        return read_bytes(path)

    def counting_validate(frame, schema, path, places):
        validations[pathlib.Path(path).resolve().relative_to(DATA.resolve()).as_posix()] += 1
        return validate(frame, schema, path, places)

    monkeypatch.setattr(pathlib.Path, "read_bytes", counting_read)
    monkeypatch.setattr(tables, "validate", counting_validate)
    return reads, validations


def test_every_data_set_of_the_collection_reads_and_validates_each_file_once(counted):
    reads, validations = counted
    collection = Collection(DATA)
    for name in DATA_SETS:
        getattr(collection, name)
    for name in [*SCHEMAS, *WITH_ERAS]:
        collection.table(name)  # asked again: the frame already read
    assert reads and max(reads.values()) == 1, {name: n for name, n in reads.items() if n > 1}
    assert set(validations) == set(SCHEMAS) | set(WITH_ERAS) and set(validations.values()) == {1}
    assert {name for name in reads if name.startswith("articles/")} == {
        pathlib.Path(row["file"]).as_posix() for row in collection.table("articles.csv").to_dict("records")
    }


def test_the_old_loaders_each_read_the_files_again(counted):
    """The shape the collection replaces: a loader of its own reads what it depends on (eras, corpus, markers) again."""
    reads, _ = counted
    comparison.load_positions(DATA)
    checks.load_claims(DATA)
    assert reads["eras.csv"] >= 2 and reads["hedge_markers.csv"] >= 2


def test_the_collection_checks_as_the_loaders_of_one_file_do():
    collection = Collection(DATA)
    pd.testing.assert_frame_equal(collection.positions, comparison.load_positions(DATA))
    pd.testing.assert_frame_equal(collection.claims, checks.load_claims(DATA))
    pd.testing.assert_frame_equal(collection.memberships, memberships.load_memberships(DATA))
    pd.testing.assert_frame_equal(collection.presidents, heads_of_state.load_presidents(DATA))
    pd.testing.assert_frame_equal(collection.translations, translations.load_translations(DATA))
    pd.testing.assert_frame_equal(collection.article_names, overview.article_names(collection.clean_texts, DATA))
    pd.testing.assert_frame_equal(collection.term_glosses, overview.term_glosses(DATA))
    terms = overview.article_terms(collection.clean_texts, DATA)
    assert list(collection.article_terms) == list(terms)
    for article_id, frame in terms.items():
        pd.testing.assert_frame_equal(collection.article_terms[article_id], frame)
    assert collection.positions.attrs["era_labels"] == comparison.load_positions(DATA).attrs["era_labels"]


def test_a_callers_change_to_a_table_stays_its_own():
    collection = Collection(DATA)
    first = collection.table("people.csv")
    first.loc[0, "name_en"] = "changed by a caller"
    with pytest.raises(TypeError):
        first.attrs["lines"][0] = -1  # the line numbers are shared, so they cannot be changed
    again = collection.table("people.csv")
    assert again.loc[0, "name_en"] != "changed by a caller" and isinstance(again.attrs["lines"], tables.Lines)


def test_the_checks_take_frames_and_read_nothing(monkeypatch):
    collection = Collection(DATA)
    positions, eras, articles = collection.table("positions.csv"), collection.eras, collection.articles
    dimensions, variants, markers = collection.dimensions, collection.table("gazetteer/variants.csv"), collection.markers
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda path: pytest.fail(f"read {path}"))
    checked = comparison.check_positions(positions, eras, articles, dimensions, variants, markers)
    assert len(checked) == len(positions)
    positions.loc[0, "dimension"] = "no_such_dimension"
    with pytest.raises(DataError, match="no_such_dimension"):
        comparison.check_positions(positions, eras, articles, dimensions, variants, markers)


def test_a_bad_file_fails_once_when_first_used(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    eras = tmp_path / "data" / "eras.csv"
    eras.write_text(eras.read_text(encoding="utf-8").replace("\n", "\nbroken\n", 1), encoding="utf-8")
    collection = Collection(tmp_path / "data")
    with pytest.raises(DataError, match="eras.csv:2"):
        _ = collection.articles
    assert corpus.check_eras(Collection(DATA).table("eras.csv")).index[0] == Collection(DATA).eras.index[0]


def test_a_file_it_does_not_know_is_refused():
    with pytest.raises(KeyError, match="not a file the collection knows"):
        Collection(DATA).table("derived/term_counts.csv")


def test_terms_and_names_are_counted_in_the_clean_view():
    """The opinion piece's byline («كاتب وباحث اكاديمي فلسطيني») is lifted out of the clean view, so its words are not
    counted (they were, when the counts read the raw text).
    """
    collection = Collection(DATA)
    terms = set(collection.article_terms["castillo2021_lima_exit"]["term"])
    assert "كاتب" in collection.texts["castillo2021_lima_exit"]
    assert {"كاتب", "اكاديمي"}.isdisjoint(terms)


def test_forget_builds_again_from_the_rewritten_file_and_reads_no_other_again(data_copy, monkeypatch):
    from perucorpus.facts import collection as module

    collection = Collection(data_copy)
    first = next(iter(collection.articles))
    assert collection.gazetteer.entries and first in collection.article_terms  # data sets built from several files
    tables.edit_rows(data_copy / "articles.csv", lambda rows: rows[0].update(title_en="A new title"))
    assert collection.meta.at[first, "title_en"] != "A new title"  # kept until forgotten
    read, real = [], module.read_table
    monkeypatch.setattr(module, "read_table", lambda path, schema: read.append(path.name) or real(path, schema))
    collection.forget("articles.csv")
    assert collection.meta.at[first, "title_en"] == "A new title"
    assert collection.gazetteer.entries and first in collection.article_terms
    assert read == ["articles.csv"]
