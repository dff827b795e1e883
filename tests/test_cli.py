"""The command line: every command has --help, add-article adds exactly one article or writes nothing."""

import hashlib
import subprocess
import sys

import pytest

from perucorpus import cli
from perucorpus.base import schemas
from perucorpus.base.tables import read_table
from perucorpus.publish import catalogue
from perucorpus.text import corpus

#: A short news text written for these tests (not one of the seed articles).
NEW_TEXT = (
    "أعلنت حكومة بيرو اليوم عن اتفاق جديد مع تشيلي لتعزيز التعاون في مجال الموانئ والتجارة.\n"
    "وقال وزير الخارجية البيروفي إن الاتفاق يفتح صفحة جديدة في العلاقات بين البلدين، وإن ليما ترحب بمشاركة البرازيل.\n"
    "ويرى محللون أن الاتفاق ربما يعكس رغبة بيرو في تنويع شركائها بعيدا عن الولايات المتحدة والصين.\n"
)
GOOD = [
    "--id",
    "testonly_ports2026",
    "--genre",
    "news",
    "--era",
    "trump_2025_26",
    "--date",
    "2026-05-04",
    "--title-en",
    "Peru and Chile sign a ports agreement (test text)",
    "--summary-en",
    "A test text about ports.",
]


def add(data_dir, path, *options):
    """Run ``perucorpus add-article`` in-process; returns the exit code."""
    return cli.main(["add-article", str(path), "--data", str(data_dir), *options])


def snapshot(data_dir):
    """Every file under ``data_dir`` with its bytes, to show that nothing was written."""
    return {path.relative_to(data_dir).as_posix(): path.read_bytes() for path in sorted(data_dir.rglob("*")) if path.is_file()}


@pytest.fixture
def new_file(tmp_path):
    path = tmp_path / "Ports news 2026-05.txt"
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path


def test_every_command_has_help(capsys):
    commands = cli.parser()._subparsers._group_actions[0].choices
    assert sorted(commands) == ["add-article", "classroom", "datapackage", "fill", "migrate", "navigation", "run", "site"]
    for name in commands:
        with pytest.raises(SystemExit) as done:
            cli.main([name, "--help"])
        assert done.value.code == 0 and capsys.readouterr().out.startswith(f"usage: perucorpus {name}"), name


def test_python_dash_m_perucorpus_runs_the_command_line():
    result = subprocess.run([sys.executable, "-m", "perucorpus", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "add-article" in result.stdout and result.stdout.startswith("usage: perucorpus")


def test_every_fill_names_a_function_of_the_package():
    assert all(callable(cli._job(name)) for name in cli.FILLS.values())


def test_add_article_copies_the_file_and_writes_its_row(data_copy, new_file, capsys):
    before = (data_copy / "articles.csv").read_bytes()
    assert add(data_copy, new_file, *GOOD, "--notes", "Written for the tests.") == 0
    copy = data_copy / "articles" / "testonly_ports2026.txt"
    assert copy.read_bytes() == new_file.read_bytes()
    after = (data_copy / "articles.csv").read_bytes()
    assert after.startswith(before)  # the seed rows are untouched, byte for byte
    row = read_table(data_copy / "articles.csv", schemas.ARTICLES).iloc[-1]
    assert (row["source_file"], row["sha256"]) == ("Ports news 2026-05.txt", hashlib.sha256(new_file.read_bytes()).hexdigest())
    assert (row["date_basis"], row["date_note"], row["notes"]) == ("stated", corpus.NO_DATE_NOTE, "Written for the tests.")
    assert list(corpus.load_corpus(data_copy))[-1] == "testonly_ports2026"
    printed = capsys.readouterr().out
    assert "without an English gloss" in printed and "اتفاق" in printed  # a top term with no gloss yet
    assert "CHL Chile · تشيلي: 1" in printed and "ليما" in printed  # countries to check, and a city matched


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda path: path.write_bytes(NEW_TEXT.encode("cp1256")), r"Ports news 2026-05\.txt:1: not valid UTF-8"),
        (lambda path: path.write_bytes(b""), r"Ports news 2026-05\.txt: the article file is empty"),
        (
            lambda path: path.write_bytes("\ufeff".encode() + NEW_TEXT.encode()),
            r"Ports news 2026-05\.txt:1: starts with a UTF-8 byte-order mark",
        ),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_written(data_copy, new_file, capsys, change, problem):
    change(new_file)
    before = snapshot(data_copy)
    assert add(data_copy, new_file, *GOOD) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and __import__("re").search(problem, error), error
    assert snapshot(data_copy) == before


@pytest.mark.parametrize(
    "option, value, problem",
    [
        ("--id", "castillo2021_lima_exit", "id 'castillo2021_lima_exit' is already in"),
        ("--id", "../escape", "id '../escape' must be lowercase letters"),
        ("--id", "Ports", "id 'Ports' must be lowercase letters"),
        ("--genre", "poem", "column 'genre': value 'poem' fails must be one of ['opinion', 'news', 'explainer']"),
        ("--era", "inca_1500", "column 'era': value 'inca_1500' fails must be one of ['castillo_2021', 'trump_2025_26']"),
        ("--date", "2026-02-30", "column 'date': value '2026-02-30' fails must be a date that exists on the calendar"),
        ("--date", "May 2026", "column 'date': value 'May 2026' fails must be an ISO 8601 date"),
        ("--date", "2019-05-04", "date 2019-05-04 is outside era 'trump_2025_26' (2025 to 2026 in eras.csv)"),
        ("--title-en", "", "column 'title_en': value '' fails must not be empty"),
        (
            "--url",
            "https://example.org/درع",
            "column 'url': value 'https://example.org/درع' fails must be empty or an http(s) URL",
        ),
        ("--publisher", "Example News", "publisher and url are filled exactly when outlet_basis is 'found'"),
    ],
)
def test_bad_metadata_is_refused_in_one_line_and_nothing_is_written(data_copy, new_file, capsys, option, value, problem):
    options = list(GOOD) if option in GOOD else [*GOOD, option, ""]  # an option GOOD leaves out is added
    options[options.index(option) + 1] = value
    before = snapshot(data_copy)
    assert add(data_copy, new_file, *options) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and problem in error and "Ports news 2026-05.txt" in error, error
    assert snapshot(data_copy) == before


def test_add_article_records_the_outlet_found(data_copy, new_file):
    url = "https://example.org/%D8%AF%D8%B1%D8%B9"
    outlet = ["--outlet-basis", "found", "--publisher", "Example News", "--url", url, "--outlet-note", "Matches the file."]
    assert add(data_copy, new_file, *GOOD, *outlet) == 0
    row = read_table(data_copy / "articles.csv", schemas.ARTICLES).iloc[-1]
    assert (row["outlet_basis"], row["publisher"], row["url"], row["outlet_note"]) == (
        "found",
        "Example News",
        url,
        "Matches the file.",
    )
    assert corpus.outlet_label(row) == "Example News"


def test_an_article_added_without_its_outlet_says_none_was_recorded(data_copy, new_file):
    assert add(data_copy, new_file, *GOOD) == 0
    row = read_table(data_copy / "articles.csv", schemas.ARTICLES).iloc[-1]
    assert (row["outlet_basis"], row["publisher"], row["url"]) == ("not_found", "", "")
    assert row["outlet_note"] == corpus.NO_OUTLET_NOTE and corpus.outlet_label(row) == "not found"


def test_found_without_an_address_is_refused_and_nothing_is_written(data_copy, new_file, capsys):
    before = snapshot(data_copy)
    assert add(data_copy, new_file, *GOOD, "--outlet-basis", "found", "--publisher", "Example News") == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "publisher and url are filled exactly when outlet_basis is 'found'" in error
    assert snapshot(data_copy) == before


def test_a_second_copy_of_the_same_file_name_is_refused(data_copy, new_file, capsys):
    assert add(data_copy, new_file, *GOOD) == 0
    before = snapshot(data_copy)
    assert (
        add(data_copy, new_file, *[value if value != "testonly_ports2026" else "testonly_ports2026_again" for value in GOOD]) == 1
    )
    assert "column 'source_file': value 'Ports news 2026-05.txt'" in capsys.readouterr().err
    assert snapshot(data_copy) == before


def test_no_copy_is_left_behind_if_writing_the_table_fails(data_copy, new_file, monkeypatch):
    real = corpus.write_atomic

    def fail_on_the_table(path, content):
        if path.name == "articles.csv":
            raise OSError("disk full")
        return real(path, content)

    monkeypatch.setattr(corpus, "write_atomic", fail_on_the_table)
    before = snapshot(data_copy)
    with pytest.raises(OSError, match="disk full"):
        add(data_copy, new_file, *GOOD)
    assert snapshot(data_copy) == before


def test_fill_runs_every_registered_fill_and_refuses_an_unknown_file(data_copy, capsys):
    before = snapshot(data_copy)
    assert cli.main(["fill", "--data", str(data_copy)]) == 0
    printed = capsys.readouterr().out
    assert all(f"{name}: " in printed for name in cli.FILLS)
    assert snapshot(data_copy) == before  # the committed data are already filled
    assert cli.main(["fill", "--data", str(data_copy), "people.csv"]) == 1
    assert "no fill command for ['people.csv']" in capsys.readouterr().err


def test_a_glosses_clash_stops_add_article_in_one_line_before_anything_is_written(data_copy, new_file, capsys):
    with (data_copy / "glosses.csv").open("a", encoding="utf-8") as table:  # a second spelling of one term, its own gloss
        table.write("أمريكي,American\nامريكي,of America\n")
    before = snapshot(data_copy)
    assert add(data_copy, new_file, *GOOD) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "glosses.csv" in error and "normalise to the same term" in error, error
    assert snapshot(data_copy) == before


def test_add_article_says_the_article_has_no_translation_yet_and_how_to_add_one(data_copy, new_file, capsys):
    assert add(data_copy, new_file, *GOOD) == 0
    printed = capsys.readouterr().out
    assert (
        "No English translation yet: the notebooks and the reading copy show 'Not yet translated.' beside each of its 3 paragraphs."
        in printed
    )
    assert (
        f"add one row per paragraph to {(data_copy / 'translations.csv').as_posix()} (article_id,paragraph,text_en,note,furniture_note;"
        in printed
    )


@pytest.mark.parametrize(
    "problem",
    [
        catalogue.MissingText("teaching/ar.toml: no text for key 'ui.answer' in the 'ar' catalogue"),
        catalogue.CatalogueError("teaching/ar.toml:12: entry 'ui.answer' needs a text and the English source it translates"),
    ],
)
def test_a_catalogue_problem_stops_the_pack_in_one_line(monkeypatch, capsys, tmp_path, problem):
    def build(args):
        raise problem

    monkeypatch.setattr(cli, "_classroom", build)
    assert cli.main(["classroom", str(tmp_path), str(tmp_path / "out"), "--language", "ar"]) == 1
    error = capsys.readouterr().err
    assert error == f"perucorpus classroom: {problem}\n" and "teaching/ar.toml" in error
