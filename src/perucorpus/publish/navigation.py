"""Generated navigation: previous | index | next links in every notebook, and the index notebook.

Navigation cells are marked with ``<!--NAVIGATION-->`` and rewritten in place, so links
never drift from the files. Run ``perucorpus navigation [notebooks/]`` (or
``python -m perucorpus.publish.navigation``); the tests fail if running it would change anything.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from perucorpus.base.atomic import write_atomic
from perucorpus.publish.runner import numbered_notebooks

if TYPE_CHECKING:  # imported where notebooks are read or written: the titles and findings of a notebook read need none
    import nbformat

MARK = "<!--NAVIGATION-->"
INDEX = "00_index.ipynb"
#: The collection's name, as the index and the reading copy head it (no count of articles: one can be added).
COLLECTION = "Peru's foreign policy in Arabic articles"


def title(notebook: nbformat.NotebookNode) -> str:
    """The notebook's title: the first Markdown heading of its first cell, without the ``#`` marks."""
    source = notebook.cells[0].source if notebook.cells else ""
    heading = next((line for line in source.splitlines() if line.startswith("#")), "")
    return heading.lstrip("#").strip()


def _question(notebook: nbformat.NotebookNode) -> str:
    match = re.search(r"\*\*Question\.\*\*\s*(.+?\?)", notebook.cells[0].source, re.S)
    return " ".join(match.group(1).split()) if match else ""


def findings(notebook: nbformat.NotebookNode) -> str:
    """The notebook's findings in plain words: the paragraph after ``**Findings.**`` in its first Markdown cell that
    has one, before any code cell (the title cell, or a cell of its own after the question); "" if none.
    """
    for cell in notebook.cells:
        if cell.cell_type == "code":
            break
        match = re.search(r"\*\*Findings\.\*\*\s*(.+?)(?:\n\s*\n|\Z)", cell.source, re.S)
        if match:
            return " ".join(match.group(1).split())
    return ""


def _link(path: Path, notebook: nbformat.NotebookNode) -> str:
    return f"[{title(notebook)}]({path.name})"


def _nav_line(previous, following) -> str:
    parts = []
    if previous:
        parts.append(f"← {_link(*previous)}")
    parts.append(f"[Index]({INDEX})")
    if following:
        parts.append(f"{_link(*following)} →")
    return f"{MARK}\n" + " | ".join(parts)


def _index_notebook(chapters) -> nbformat.NotebookNode:
    import nbformat

    lines = [
        f"{MARK}",
        f"# {COLLECTION}: index",
        "",
        "## What the collection finds",
        "",
    ]
    lines += [
        f"- **{_link(path, notebook)}.** {findings(notebook) or '*Its question:* ' + _question(notebook)}"
        for path, notebook in chapters
        if findings(notebook) or _question(notebook)
    ]
    lines += [
        "",
        "## The notebooks",
        "",
        "Each opens with its question and findings, then its main table or figure; how it was checked comes last. "
        "Read them in order: each builds on the one before.",
        "",
    ]
    lines += [f"{number}. {_link(path, notebook)}: {_question(notebook)}" for number, (path, notebook) in enumerate(chapters, 1)]
    lines += ["", "See the [README](../README.md) for the data, how to re-run the notebooks, and the licences."]
    index = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell("\n".join(lines))
    cell.id = "index"
    index.cells = [cell]
    index.metadata = chapters[0][1].metadata if chapters else {}
    return index


def _with_navigation(notebook: nbformat.NotebookNode, line: str) -> nbformat.NotebookNode:
    import nbformat

    cells = [cell for cell in notebook.cells if not cell.source.startswith(MARK)]
    top, bottom = nbformat.v4.new_markdown_cell(line), nbformat.v4.new_markdown_cell(line)
    top.id, bottom.id = "nav-top", "nav-bottom"
    notebook.cells = cells[:1] + [top] + cells[1:] + [bottom]
    return notebook


def generate(folder: Path | str) -> dict[Path, str]:
    """The text every notebook (and the index) should have, keyed by path."""
    import nbformat

    folder = Path(folder)
    paths = [path for path in numbered_notebooks(folder) if path.name != INDEX]
    chapters = [(path, nbformat.read(path, as_version=4)) for path in paths]
    wanted = {folder / INDEX: nbformat.writes(_index_notebook(chapters)) + "\n"}
    for number, (path, notebook) in enumerate(chapters):
        previous = chapters[number - 1] if number > 0 else None
        following = chapters[number + 1] if number + 1 < len(chapters) else None
        wanted[path] = nbformat.writes(_with_navigation(notebook, _nav_line(previous, following))) + "\n"
    return wanted


def stale(folder: Path | str) -> list[Path]:
    """Notebooks whose navigation is missing or out of date."""
    return [path for path, text in generate(folder).items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the navigation of the notebooks in ``argv[0]`` (default ``notebooks``); print what changed."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("notebooks")
    for path, text in generate(folder).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            print(f"navigation updated: {path.as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
