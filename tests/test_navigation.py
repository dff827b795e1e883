"""The generated navigation and index (perucorpus.publish.navigation): the index says what the collection finds."""

import nbformat
from conftest import ROOT

from perucorpus.publish import navigation


def notebook(first_cell: str) -> nbformat.NotebookNode:
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell(first_cell), nbformat.v4.new_code_cell("x = 1")]
    return book


def test_findings_are_the_paragraph_after_the_label_in_the_first_cell():
    book = notebook("# 09 · T\n\n**Question.** Why?\n\n**Findings.** One thing,\nthen another.\n\n**Reads:** x")
    assert navigation.findings(book) == "One thing, then another."
    assert navigation.findings(notebook("# T\n\n**Findings.** Last paragraph.")) == "Last paragraph."
    assert navigation.findings(notebook("# T\n\n**Question.** Why?")) == ""


def test_findings_may_stand_in_a_markdown_cell_of_their_own_before_the_first_code_cell():
    book = notebook("# 04 · T\n\n**Question.** Why?")
    book.cells.insert(1, nbformat.v4.new_markdown_cell("<!--NAVIGATION-->\n[Index](00_index.ipynb)"))
    book.cells.insert(2, nbformat.v4.new_markdown_cell("**Findings.** Found in its own cell.\n\nMore."))
    assert navigation.findings(book) == "Found in its own cell."
    book.cells.insert(2, nbformat.v4.new_code_cell("x = 0"))  # after code, a "Findings" is not the notebook's
    assert navigation.findings(book) == ""


def test_the_index_opens_with_each_notebooks_findings_or_its_question(tmp_path):
    nbformat.write(
        notebook("# 01 · One\n\n**Question.** What first?\n\n**Findings.** The first finding."), tmp_path / "01_one.ipynb"
    )
    nbformat.write(notebook("# 02 · Two\n\n**Question.** What next?"), tmp_path / "02_two.ipynb")
    index = nbformat.reads(navigation.generate(tmp_path)[tmp_path / navigation.INDEX], as_version=4).cells[0].source
    finds, listed = index.split("## The notebooks")
    assert "## What the collection finds" in finds
    assert "- **[01 · One](01_one.ipynb).** The first finding." in finds
    assert "- **[02 · Two](02_two.ipynb).** *Its question:* What next?" in finds  # no findings yet: its question
    assert "1. [01 · One](01_one.ipynb): What first?" in listed and "three" not in index
    assert "make " not in index  # no developer command in the reader's line


def test_the_collections_notebooks_state_their_findings_for_the_index():
    for name in ("01_reading_the_articles.ipynb", "02_positions_table.ipynb", "03_alliance_membership.ipynb"):
        assert len(navigation.findings(nbformat.read(ROOT / "notebooks" / name, as_version=4)).split()) >= 30, name
