"""The classroom editions: questions read from the guide, facilitator notes checked against them, solutions left out."""

import re

import nbformat
import pytest
from conftest import ROOT

from perucorpus.publish import editions

GUIDE = ROOT / "notebooks" / "04_discussion_guide.ipynb"
NOTES = ROOT / "teaching" / "facilitator_notes.md"


def guide(questions="1. **Genre and voice (15 min).** Compare.\n2. **Whose Peru? (10 min).** Who speaks?\n"):
    notebook = nbformat.v4.new_notebook()
    exercise = nbformat.v4.new_code_cell("display.details('Solution', answer)", metadata={"tags": ["solution"]})
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Guide\n\n<!--NAVIGATION-->"),
        nbformat.v4.new_markdown_cell("<!--NAVIGATION-->\n[Index](00_index.ipynb)"),
        nbformat.v4.new_markdown_cell(
            f"## 5. Questions for discussion (about 25 minutes)\n\n{questions}\n## 6. Exercises\n\nTry them."
        ),
        nbformat.v4.new_markdown_cell("**Exercise 1.** Which?"),
        exercise,
    ]
    return notebook


def test_questions_are_read_with_their_titles_and_timings():
    assert editions.questions(guide()) == [editions.Question(1, "Genre and voice", 15), editions.Question(2, "Whose Peru?", 10)]


def test_notes_must_cover_every_question_and_no_other(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n## 1. Genre and voice\n\nPoint one.\n\n## 3. Loaded words\n\nPoint.\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        editions.read_notes(notes, guide())
    message = str(error.value)
    assert f"{notes}:7: notes for question 3 'Loaded words', but the guide's question 3 is absent" in message
    assert "no notes for question 2 'Whose Peru?'" in message
    notes.write_text("## 1. Genre and voice\n\nOne.\n\n## 2. Whose Peru?\n\nTwo.\n", encoding="utf-8")
    assert editions.read_notes(notes, guide()) == {1: "One.", 2: "Two."}


def test_a_renamed_question_is_caught(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("## 1. Genre and tone\n\nOne.\n\n## 2. Whose Peru?\n\nTwo.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="question 1 'Genre and tone', but the guide's question 1 is 'Genre and voice'"):
        editions.read_notes(notes, guide())


def test_the_collections_notes_match_notebook_04():
    notebook = nbformat.read(GUIDE, as_version=4)
    notes = editions.read_notes(NOTES, notebook)
    assert sorted(notes) == [question.number for question in editions.questions(notebook)]
    assert all("Misreadings to watch for" in body and "Key points" in body and "Timing" in body for body in notes.values())


def test_student_edition_drops_solution_cells_and_navigation():
    student = editions.student(guide(), "# Student edition")
    sources = [cell.source for cell in student.cells]
    assert sources[0] == "# Student edition"
    assert not any("Solution" in source or source.startswith("<!--NAVIGATION-->") for source in sources)
    assert any(source.startswith("**Exercise 1.**") for source in sources)


def test_facilitator_edition_puts_the_notes_after_the_questions_and_keeps_solutions():
    facilitator = editions.facilitator(guide(), {1: "Note one.", 2: "Hedges «تعتبر», «ربما»."}, "# Facilitator edition")
    sources = [cell.source for cell in facilitator.cells]
    questions = next(i for i, source in enumerate(sources) if source.startswith("## 5."))
    assert "## 6." not in sources[questions]
    assert sources[questions + 2] == "#### Question 1. Genre and voice (15 min)\n\nNote one."
    assert sources[questions + 3] == (
        "#### Question 2. Whose Peru? (10 min)\n\n"
        'Hedges «<bdi dir="rtl" lang="ar">تعتبر</bdi>», «<bdi dir="rtl" lang="ar">ربما</bdi>».'
    )
    assert sources[questions + 4].startswith("## 6. Exercises")
    assert any("Solution" in source for source in sources)


def test_notebook_04_tags_every_solution_and_nothing_else():
    notebook = nbformat.read(GUIDE, as_version=4)
    for previous, cell in zip(notebook.cells, notebook.cells[1:]):
        after_exercise = previous.cell_type == "markdown" and previous.source.startswith("**Exercise")
        shows_solution = cell.cell_type == "code" and re.search(r'display\.details\(\s*"Solution"', cell.source) is not None
        assert editions.is_solution(cell) == (after_exercise and shows_solution), cell.source[:60]
    assert sum(editions.is_solution(cell) for cell in notebook.cells) >= 4


def test_editions_are_the_same_on_every_build():
    """Cells the editions add have fixed ids (nbformat would draw random ones, and the pages would change)."""
    source = guide()

    def build():
        return editions.student(source, "# S"), editions.facilitator(source, {1: "One.", 2: "Two."}, "# F")

    assert build() == build()
    ids = [cell.id for cell in build()[1].cells]
    assert len(ids) == len(set(ids))
