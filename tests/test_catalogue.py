"""Teaching texts by key: the English catalogue from the pack's source, translated catalogues kept in step with it."""

import shutil
import tomllib

import pytest
from conftest import ROOT

from perucorpus.publish import catalogue

TEACHING = ROOT / "teaching"


def test_every_text_of_the_source_has_a_key_and_structure_has_none():
    english = catalogue.english(TEACHING)
    source = tomllib.loads((TEACHING / catalogue.SOURCE).read_text(encoding="utf-8"))
    assert english("questions.reversal.title") == source["questions"]["reversal"]["title"]
    assert english("questions.reversal.misreadings.0") == source["questions"]["reversal"]["misreadings"][0]
    assert english("run_sheet.opening.title") == source["run_sheet"]["opening"]["title"]
    for structure in ("questions.reversal.evidence.0", "questions.reversal.minutes", "questions.reversal.quote_ar"):
        assert structure not in english
    assert all(isinstance(text, str) and text.strip() for text in english.entries.values())


def test_a_missing_key_is_an_error_naming_the_catalogue_never_english():
    english = catalogue.english(TEACHING)
    with pytest.raises(catalogue.MissingText, match=r"classroom\.toml: no text for key 'ui\.nothing' in the 'en' catalogue"):
        english("ui.nothing")


def _translation(path, entries, language="ar"):
    lines = [f'language = "{language}"', ""]
    for key, (source, text) in entries.items():
        lines += [f'[entries."{key}"]', f"source = {source!r}".replace("'", '"'), f'text = "{text}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_translated_catalogue_looks_up_its_own_texts_and_nothing_else(tmp_path):
    english = catalogue.english(TEACHING)
    _translation(tmp_path / "ar.toml", {"ui.questions": (english("ui.questions"), "أسئلة للنقاش")})
    arabic = catalogue.translated(tmp_path / "ar.toml")[0]
    assert arabic("ui.questions") == "أسئلة للنقاش" and arabic.direction == "rtl" and arabic.language == "ar"
    with pytest.raises(catalogue.MissingText, match="no text for key 'ui.exercises' in the 'ar' catalogue"):
        arabic("ui.exercises")  # no silent fall-back to the English


def test_a_stale_translation_fails_with_its_file_and_line(tmp_path):
    english = catalogue.english(TEACHING)
    path = tmp_path / "ar.toml"
    _translation(
        path,
        {
            "ui.questions": (english("ui.questions"), "أسئلة للنقاش"),
            "ui.exercises": ("Exercises, as it was once written", "تمارين"),
            "ui.no_such_key": ("Gone", "محذوف"),
        },
    )
    problems = catalogue.stale(path, english)
    assert f"{path}:7: 'ui.exercises' translates an older English text; re-translate it and update its source" in problems
    assert f"{path}:11: 'ui.no_such_key' is not a key of {english.origin}" in problems
    assert not any("'ui.questions'" in problem for problem in problems)  # in step
    assert f"{path}: 'ui.answer' is not translated yet" in problems
    assert len(problems) == 2 + len(english.entries) - 2  # two bad entries, every key but the two translated ones


def test_a_translation_in_step_with_every_key_has_no_problem(tmp_path):
    english = catalogue.english(TEACHING)
    path = tmp_path / "xx.toml"
    path.write_text(
        'language = "xx"\n'
        + "".join(
            f'\n[entries."{key}"]\nsource = """{text}"""\ntext = "t"\n'.replace("\\", "\\\\")
            for key, text in english.entries.items()
        ),
        encoding="utf-8",
    )
    assert catalogue.stale(path, english) == []
    assert catalogue.load(tmp_path, "xx")("ui.answer") == "t"


def test_bad_catalogue_files_stop_with_one_line(tmp_path):
    (tmp_path / "classroom.toml").write_text('[ui]\nquestions = "unterminated\n', encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match=r"classroom\.toml: .*line 2"):
        catalogue.english(tmp_path)
    (tmp_path / "ar.toml").write_text('[entries."ui.questions"]\ntext = "x"\nsource = "y"\n', encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match=r"ar\.toml:1: no language"):
        catalogue.load(tmp_path, "ar")
    (tmp_path / "ar.toml").write_text('language = "ar"\n\n[entries."ui.questions"]\ntext = "x"\n', encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match=r"ar\.toml:3: entry 'ui\.questions' needs a text and the English"):
        catalogue.load(tmp_path, "ar")
    with pytest.raises(catalogue.CatalogueError, match=r"fr\.toml: no such file"):
        catalogue.load(tmp_path, "fr")


def test_an_arabic_catalogue_renders_every_page_right_to_left_without_touching_a_template(pack_project, tmp_path):
    """A complete catalogue for another language is all a new edition needs: the pages take its texts and direction."""
    from perucorpus.publish import classroom, editions

    root = tmp_path / "project"
    root.mkdir()
    for folder in ("data", "figures"):
        (root / folder).symlink_to(pack_project / folder)
    shutil.copytree(TEACHING, root / "teaching")
    english = catalogue.english(TEACHING)
    (root / "teaching" / "ar.toml").write_text(
        'language = "ar"\n'
        + "".join(
            f'\n[entries."{key}"]\nsource = """{text}"""\ntext = "نص {number}"\n'.replace("\\", "\\\\")
            for number, (key, text) in enumerate(english.entries.items())
        ),
        encoding="utf-8",
    )
    pages = classroom.render(editions.load(root, "ar"))
    assert set(pages) == set(classroom.PAGES)
    for html in pages.values():
        assert '<html lang="ar" dir="rtl">' in html
    number = list(english.entries).index("ui.questions")
    assert f"نص {number}" in pages["student.html"] and english("ui.questions") not in pages["student.html"]
