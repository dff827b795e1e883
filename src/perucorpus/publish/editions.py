"""The classroom editions of the discussion guide (notebook 04): a student edition and a facilitator edition.

Both are notebooks built in memory from the guide, never written back. The student edition
drops every cell tagged ``solution`` (the solutions are absent from its files, not hidden);
the facilitator edition keeps them and adds, after the discussion questions, the notes of
``teaching/facilitator_notes.md``: one ``## N. Title`` section per question of the guide's
section "Questions for discussion" (a question without notes, or notes for a question that
does not exist, is an error naming the file and line).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from perucorpus.base.tables import DataError
from perucorpus.present.display import ARABIC_RUN

SOLUTION_TAG = "solution"
QUESTIONS_HEADING = re.compile(r"^## .*Questions for discussion.*$", re.MULTILINE)
QUESTION = re.compile(r"^(\d+)\.\s+\*\*(.+?)\*\*", re.MULTILINE)
NOTES_HEADING = re.compile(r"^## (\d+)\. (.+?)\s*$", re.MULTILINE)
NAVIGATION = "<!--NAVIGATION-->"


@dataclass(frozen=True)
class Question:
    """A discussion question of notebook 04: its number, title and timing (minutes, if given)."""

    number: int
    title: str
    minutes: int | None


def _questions_cell(guide: nbformat.NotebookNode) -> int:
    for position, cell in enumerate(guide.cells):
        if cell.cell_type == "markdown" and QUESTIONS_HEADING.search(cell.source):
            return position
    raise DataError("the discussion guide has no section 'Questions for discussion'")


def _section(source: str) -> tuple[str, str]:
    """``source`` cut after the questions section: (the section, the headings that follow it)."""
    start = QUESTIONS_HEADING.search(source)
    following = re.search(r"^## ", source[start.end() :], re.MULTILINE)
    cut = start.end() + following.start() if following else len(source)
    return source[:cut], source[cut:]


def questions(guide: nbformat.NotebookNode) -> list[Question]:
    """The numbered discussion questions of the guide: number, title (without its timing) and minutes."""
    section, _ = _section(guide.cells[_questions_cell(guide)].source)
    found = []
    for match in QUESTION.finditer(section):
        label = match.group(2).strip()
        minutes = re.search(r"\((\d+) min\)\.?$", label)
        title = re.sub(r"\s*\(\d+ min\)\.?$", "", label).rstrip(".")
        found.append(Question(int(match.group(1)), title, int(minutes.group(1)) if minutes else None))
    return found


def read_notes(path: Path | str, guide: nbformat.NotebookNode) -> dict[int, str]:
    """The facilitator notes for each question of ``guide`` (number → markdown), checked against its questions."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    expected = {question.number: question.title for question in questions(guide)}
    headings = list(NOTES_HEADING.finditer(text))
    problems, notes = [], {}
    for heading, following in zip(headings, headings[1:] + [None]):
        line = text.count("\n", 0, heading.start()) + 1
        number, title = int(heading.group(1)), heading.group(2)
        if expected.get(number) != title:
            problems.append(
                f"{path}:{line}: notes for question {number} {title!r}, but the guide's question {number} is "
                + (repr(expected[number]) if number in expected else "absent")
            )
            continue
        notes[number] = text[heading.end() : following.start() if following else len(text)].strip()
    problems += [
        f"{path}: no notes for question {number} {title!r} of the guide"
        for number, title in expected.items()
        if number not in notes
    ]
    if problems:
        raise DataError("facilitator notes do not match the discussion questions:\n" + "\n".join(problems))
    return notes


def _isolate_arabic(markdown: str) -> str:
    """Each Arabic run of English notes in ``<bdi dir="rtl" lang="ar">``, so quoted words keep their order."""
    return ARABIC_RUN.sub(lambda match: f'<bdi dir="rtl" lang="ar">{match.group()}</bdi>', markdown)


def is_solution(cell: nbformat.NotebookNode) -> bool:
    """Whether a cell carries the ``solution`` tag (left out of the student edition)."""
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def _markdown(source: str, cell_id: str) -> nbformat.NotebookNode:
    """A markdown cell with a fixed id (a random one would change the pages on every build)."""
    return nbformat.v4.new_markdown_cell(source, id=cell_id)


def student(guide: nbformat.NotebookNode, intro: str) -> nbformat.NotebookNode:
    """The guide without its solution cells and navigation lines, opened by ``intro``."""
    edition = copy.deepcopy(guide)
    edition.cells = [_markdown(intro, "edition-intro")] + [
        cell for cell in edition.cells if not is_solution(cell) and not cell.source.startswith(NAVIGATION)
    ]
    return edition


def facilitator(guide: nbformat.NotebookNode, notes: dict[int, str], intro: str) -> nbformat.NotebookNode:
    """The guide with its solutions, and after the discussion questions the notes on each of them."""
    edition = copy.deepcopy(guide)
    position = _questions_cell(edition)
    section, rest = _section(edition.cells[position].source)
    by_number = {question.number: question for question in questions(guide)}
    added = [_markdown("### Facilitator notes on the questions", "notes")]
    for number, body in sorted(notes.items()):
        question = by_number[number]
        timing = f" ({question.minutes} min)" if question.minutes else ""
        added.append(_markdown(f"#### Question {number}. {question.title}{timing}\n\n{_isolate_arabic(body)}", f"notes-{number}"))
    cell_id = edition.cells[position].get("id", "questions")
    after = [_markdown(rest, f"{cell_id}-after-notes")] if rest.strip() else []
    cells = edition.cells[:position] + [_markdown(section, cell_id)] + added + after + edition.cells[position + 1 :]
    edition.cells = [_markdown(intro, "edition-intro")] + [cell for cell in cells if not cell.source.startswith(NAVIGATION)]
    return edition
