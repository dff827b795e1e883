"""Strict CSV reading: malformed rows stop with file, line and column."""

import importlib.abc
import importlib.machinery
import io
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA

from perucorpus.base import schemas, tables
from perucorpus.base.tables import DataError, edit_rows, read_table, write_table


@pytest.mark.parametrize("name", sorted(schemas.FILES))
def test_every_data_file_validates(name):
    frame = read_table(DATA / name, schemas.FILES[name])
    assert len(frame) > 0


def test_every_csv_in_data_has_a_schema():
    found = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*.csv"))
    assert found == sorted(schemas.FILES)


def test_wrong_number_of_fields(tmp_path):
    path = tmp_path / "glosses.csv"
    path.write_text("term_ar,gloss_en\nبيرو,Peru\nدول,countries,extra\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"glosses\.csv:3: expected 2 fields as in the header, found 3"):
        read_table(path, schemas.GLOSSES)


def test_bad_value_names_line_and_column_after_a_multiline_field(tmp_path):
    path = tmp_path / "country_mentions.csv"
    path.write_text('article_id,iso3,form,mentions\na,PER,name,1\nb,USA,"adjec\ntive",2\nc,peru,name,3\n', encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_table(path, schemas.COUNTRY_MENTIONS)
    message = str(error.value)
    assert "country_mentions.csv:3: column 'form'" in message
    assert "country_mentions.csv:5: column 'iso3': value 'peru'" in message


def test_missing_column(tmp_path):
    path = tmp_path / "glosses.csv"
    path.write_text("term_ar\nبيرو\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"glosses\.csv:1: header: missing column\(s\) \['gloss_en'\]"):
        read_table(path, schemas.GLOSSES)


def test_unterminated_quote(tmp_path):
    path = tmp_path / "glosses.csv"
    path.write_text('term_ar,gloss_en\nبيرو,"Peru\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"glosses\.csv:\d+: malformed CSV"):
        read_table(path, schemas.GLOSSES)


def test_non_utf8_csv(tmp_path):
    path = tmp_path / "glosses.csv"
    path.write_bytes("term_ar,gloss_en\nبيرو,Peru\n".encode("cp1256"))
    with pytest.raises(DataError, match=r"glosses\.csv:2: not valid UTF-8"):
        read_table(path, schemas.GLOSSES)


def test_empty_cell_is_an_error_not_a_missing_value(tmp_path):
    path = tmp_path / "glosses.csv"
    path.write_text("term_ar,gloss_en\nبيرو,\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"glosses\.csv:2: column 'gloss_en'.*must not be empty"):
        read_table(path, schemas.GLOSSES)


@pytest.mark.parametrize("value", ["2026-13-05", "2026-02-30", "2026-13"])
def test_a_date_that_does_not_exist_names_file_line_and_column(data_copy, value):
    edit_rows(data_copy / "memberships.csv", lambda rows: rows[2].update(end=value))
    with pytest.raises(
        DataError, match=rf"memberships\.csv:4: column 'end': value '{value}' fails must be a date that exists on the calendar"
    ):
        read_table(data_copy / "memberships.csv", schemas.MEMBERSHIPS)


def test_problems_are_listed_by_line_even_in_a_folder_with_a_colon(tmp_path):
    folder = tmp_path / "a:b"
    folder.mkdir()
    path = folder / "glosses.csv"
    path.write_text("term_ar,gloss_en\nبيرو,\nدول,\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_table(path, schemas.GLOSSES)
    assert [line.split("glosses.csv:")[1][:2] for line in str(error.value).splitlines()[1:]] == ["2:", "3:"]


def test_write_table_names_the_row_whatever_the_index(tmp_path):
    frame = pd.DataFrame(
        {"article_id": ["a", "b"], "iso3": ["PER", "PER"], "form": ["name", "name"], "mentions": [1, 0]},
        index=["first", "second"],
    )
    with pytest.raises(DataError, match=r"out\.csv:row 2: column 'mentions'"):
        write_table(frame, tmp_path / "out.csv", schemas.COUNTRY_MENTIONS)


def test_write_table_refuses_invalid_rows(tmp_path):
    frame = pd.DataFrame({"article_id": ["a"], "iso3": ["PER"], "form": ["name"], "mentions": [0]})
    with pytest.raises(DataError, match="column 'mentions'"):
        write_table(frame, tmp_path / "out.csv", schemas.COUNTRY_MENTIONS)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("name", sorted(schemas.FILES))
def test_a_malformed_row_in_any_data_file_names_file_line_and_problem(tmp_path, name):
    source = (DATA / name).read_text(encoding="utf-8")
    lines = source.count("\n")
    broken = tmp_path / Path(name).name
    too_many = max(len(schema.columns) for schema in schemas.FILES.values()) + 1  # more fields than any header has
    broken.write_text(source + ",".join(["x"] * too_many) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"{broken.name}:{lines + 1}: expected \d+ fields as in the header, found {too_many}"):
        read_table(broken, schemas.FILES[name])


BAD_VALUES = {
    "eras.csv": ("start", "soon"),
    "articles.csv": ("genre", "poem"),
    "references.csv": ("date", "yesterday"),
    "publisher_tiers.csv": ("tier", "blog"),
    "gazetteer/variants.csv": ("form", "verb"),
    "gazetteer/non_country_terms.csv": ("kind", "planet"),
    "gazetteer/spelling_rules.csv": ("applies_to", "everything"),
    "stopwords_supplement.csv": ("word_ar", ""),
    "glosses.csv": ("gloss_en", ""),
    "derived/country_mentions.csv": ("mentions", "-1"),
    "derived/term_counts.csv": ("count", "0"),
    "dimensions.csv": ("order", "first"),
    "positions.csv": ("era", "Inca 1500"),
    "position_summaries.csv": ("short_en", "far too many words for the one page classroom handout of the table here"),
    "hedge_markers.csv": ("kind", "rumour"),
    "translations.csv": ("paragraph", "¶2"),
    "lima_group_exits.csv": ("declared", "maybe"),
    "derived/positions_wide.csv": ("order", "x"),
    "memberships.csv": ("grouping", "nato"),
    "peru_heads_of_state.csv": ("start", "July 2021"),
    "derived/membership_snapshot.csv": ("accc_2026", "maybe"),
    "derived/membership_country_year.csv": ("changed", "maybe"),
    "derived/claim_refs.csv": ("ref_id", "Not An Id"),
    "derived/president_refs.csv": ("ref_id", ""),
    "glossary.csv": ("loaded", "perhaps"),
    "glossary_es.csv": ("basis", "memory"),
    "people.csv": ("person_id", "Not An Id"),
    "claims.csv": ("verdict", "maybe"),
    "verdict_dates.csv": ("as_of", "2026-03"),
    "claim_reviews.csv": ("kind", "glance"),
}


def test_bad_values_cover_every_data_file():
    assert sorted(BAD_VALUES) == sorted(schemas.FILES)


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_a_bad_value_in_any_data_file_names_file_line_and_column(tmp_path, name):
    column, value = BAD_VALUES[name]
    frame = read_table(DATA / name, schemas.FILES[name])
    line = frame.attrs["lines"][1]  # where the second row starts (cells may span lines)
    frame.loc[1, column] = value
    broken = tmp_path / Path(name).name
    frame.to_csv(broken, index=False, lineterminator="\n")
    with pytest.raises(DataError, match=rf"{broken.name}:{line}: column '{column}'"):
        read_table(broken, schemas.FILES[name])


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"marker_ar": ""}, "a loaded term \\(loaded = yes\\) has a loaded_kind and a marker_ar"),
        ({"loaded": "no"}, "a loaded term \\(loaded = yes\\) has a loaded_kind and a marker_ar"),
        ({"marker_ar": "غائبة"}, "marker_ar must be written as it stands in match_ar"),
    ],
)
def test_a_loaded_glossary_term_names_its_kind_and_marker(tmp_path, change, problem):
    frame = read_table(DATA / "glossary.csv", schemas.GLOSSARY)
    row = frame.index[frame["loaded"] == "yes"][0]
    for column, value in change.items():
        frame.loc[row, column] = value
    broken = tmp_path / "glossary.csv"
    frame.to_csv(broken, index=False, lineterminator="\n")
    with pytest.raises(DataError, match=rf"glossary\.csv:{frame.attrs['lines'][row]}: .*{problem}"):
        read_table(broken, schemas.GLOSSARY)


@pytest.mark.parametrize("name, schema", [("articles.csv", schemas.ARTICLES), ("positions.csv", schemas.POSITIONS)])
def test_an_era_missing_from_eras_csv_names_file_line_and_column(tmp_path, name, schema):
    eras = read_table(DATA / "eras.csv", schemas.ERAS)["era"]
    frame = read_table(DATA / name, schema)
    frame.loc[1, "era"] = "inca_1500"
    broken = tmp_path / name
    frame.to_csv(broken, index=False, lineterminator="\n")
    read_table(broken, schema)  # an id-shaped era passes the file's own schema …
    with pytest.raises(
        DataError, match=rf"{name}:{frame.attrs['lines'][1]}: column 'era': value 'inca_1500' fails must be one of"
    ):
        read_table(broken, schemas.with_eras(schema, eras))  # … and fails against eras.csv


def test_positions_wide_has_one_column_per_era_and_no_other(tmp_path):
    eras = list(read_table(DATA / "eras.csv", schemas.ERAS)["era"])
    read_table(DATA / "derived" / "positions_wide.csv", schemas.positions_wide(eras))
    with pytest.raises(DataError, match=r"header: missing column\(s\) \['inca_1500'\]"):
        read_table(DATA / "derived" / "positions_wide.csv", schemas.positions_wide(eras + ["inca_1500"]))
    with pytest.raises(DataError, match=r"header: unexpected column\(s\) \['trump_2025_26'\]"):
        read_table(DATA / "derived" / "positions_wide.csv", schemas.positions_wide(eras[:1]))


def test_an_error_while_writing_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "glosses.csv"
    path.write_text("term_ar,gloss_en\nبيرو,Peru\n", encoding="utf-8")
    before = path.read_bytes()

    class HalfWritten(io.FileIO):  # the disk fills (or the run is stopped) halfway through
        def write(self, data):
            super().write(data[: len(data) // 2])
            raise OSError("No space left on device")

    frame = pd.DataFrame({"term_ar": ["بيرو", "دول"], "gloss_en": ["Peru", "countries"]})
    monkeypatch.setattr("perucorpus.base.atomic.open", lambda name, mode: HalfWritten(name, mode.replace("b", "")), raising=False)
    with pytest.raises(OSError, match="No space left"):
        write_table(frame, path, schemas.GLOSSES)
    monkeypatch.undo()
    assert path.read_bytes() == before and [item.name for item in tmp_path.iterdir()] == ["glosses.csv"]
    write_table(frame, path, schemas.GLOSSES)
    assert path.read_text(encoding="utf-8") == "term_ar,gloss_en\nبيرو,Peru\nدول,countries\n"


def test_edit_rows_writes_atomically_too(tmp_path, monkeypatch):
    path = tmp_path / "glosses.csv"
    path.write_text("term_ar,gloss_en\nبيرو,Peru\n", encoding="utf-8")
    monkeypatch.setattr("os.replace", lambda *args: (_ for _ in ()).throw(OSError("interrupted")))
    with pytest.raises(OSError, match="interrupted"):
        edit_rows(path, lambda rows: rows.clear())
    assert path.read_text(encoding="utf-8") == "term_ar,gloss_en\nبيرو,Peru\n" and len(list(tmp_path.iterdir())) == 1


def test_a_file_that_failed_validation_fails_again(tmp_path):
    path = tmp_path / "eras.csv"
    shutil.copy(DATA / "eras.csv", path)
    tables.read_table(path, schemas.ERAS)
    for _ in range(2):
        with pytest.raises(tables.DataError):
            tables.read_table(path, schemas.ERAS.update_column("era", checks=[tables.choice("nothing")]))


class _Asked(importlib.abc.MetaPathFinder):
    """A finder that only notes the top-level modules the import system searches for."""

    def __init__(self):
        self.names = []

    def find_spec(self, name, path=None, target=None):
        self.names.append(name)


def test_without_geopandas_a_validation_no_longer_searches_for_it_at_every_column(monkeypatch):
    if importlib.machinery.PathFinder.find_spec("geopandas") is not None:
        pytest.skip("geopandas is installed: there is nothing to mark absent")
    asked = _Asked()
    monkeypatch.setattr(sys, "meta_path", [asked, *sys.meta_path])
    read_table(DATA / "memberships.csv", schemas.MEMBERSHIPS)
    assert sys.modules["geopandas"] is None and "geopandas" not in asked.names
    monkeypatch.delitem(sys.modules, "geopandas")  # as before the mark (monkeypatch puts it back)
    read_table(DATA / "memberships.csv", schemas.MEMBERSHIPS)
    assert asked.names.count("geopandas") >= len(schemas.MEMBERSHIPS.columns)  # pandera's search at each column


def test_marking_geopandas_absent_validates_tables_exactly_as_before(monkeypatch, tmp_path):
    bad = tmp_path / "country_mentions.csv"
    bad.write_text("article_id,iso3,form,mentions\na,PER,name,1\nb,USA,adjective,0\nc,peru,name,3\n", encoding="utf-8")

    def outcome():
        frames = {name: read_table(DATA / name, schema) for name, schema in sorted(schemas.FILES.items())}
        with pytest.raises(DataError) as error:
            read_table(bad, schemas.COUNTRY_MENTIONS)
        return frames, str(error.value)

    marked_frames, marked_error = outcome()
    monkeypatch.delitem(sys.modules, "geopandas", raising=False)
    frames, error = outcome()
    assert marked_error == error and "country_mentions.csv:4: column 'iso3'" in error
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(marked_frames[name], frame)
        assert marked_frames[name].attrs == frame.attrs


def test_mark_absent_marks_only_a_module_that_is_not_installed():
    assert not tables.mark_absent("csv")  # imported
    assert "pydoc_data" not in sys.modules and not tables.mark_absent("pydoc_data")  # installed, not yet imported
    assert "pydoc_data" not in sys.modules
    try:
        assert tables.mark_absent("perucorpus_no_such_module")
        with pytest.raises(ModuleNotFoundError):
            __import__("perucorpus_no_such_module")
    finally:
        sys.modules.pop("perucorpus_no_such_module", None)
