"""Escaped, right-to-left HTML for showing Arabic text in notebooks and rendered pages.

Browsers shape Arabic themselves, so text is never pre-shaped here: it is escaped and
put in an element with ``dir="rtl" lang="ar"``. Tables use plain HTML structure and
attributes (no ``<style>`` blocks), so they still read correctly where CSS is stripped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import jinja2
import markupsafe
import pandas as pd
from IPython.display import HTML
from IPython.display import display as show  # noqa: F401 (re-exported: several tables from one cell)
from markupsafe import escape

from perucorpus.facts.record import LEAD as RECORD_LEAD
from perucorpus.text.overview import reader_date


def rtl(text: str, tag: str = "span") -> str:
    """``text`` escaped inside ``<tag dir="rtl" lang="ar">``."""
    return str(_piece("rtl", text, tag))


def rtl_block(text: str) -> HTML:
    """A right-to-left paragraph block for notebook display (one ``<p>`` per line)."""
    return HTML(str(_piece("rtl_block", [line for line in text.splitlines() if line.strip()])))


#: A run of Arabic in running text: Arabic letters, with spaces and punctuation between them.
ARABIC_RUN = re.compile(r"[\u0600-\u06ff](?:[\u0600-\u06ff\s.…،؛:“”«»-]*[\u0600-\u06ff])?")


#: Arabic letters and the Arabic punctuation and quotation marks that end a run of Latin text.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff«»"
_LATIN = "A-Za-z\u00c0-\u024f"
#: Where a run laid out left to right starts in Arabic text: a Latin letter (after an opening double quote, digits
#: such as "800 " or a relative path's "../"), or a number that an operator, a dash or a hyphen joins to another
#: ("(1.76 + 1.16) ÷ 5.26 ≈ 56%", "2025–26", "2021-11-08").
LTR_START = re.compile(
    rf'(?P<latin>["“]?(?:\d+[ \u00a0])?(?:\.\.?/)*[{_LATIN}])'
    r"|(?P<number>\(?\d+(?:[.,]\d+)*%?\)?\s*[-–−+÷×/≈=]\s*\(?\d)"
)
#: What a Latin run may hold (anything up to the next Arabic letter) and what a numeric expression may hold.
_LATIN_BODY = re.compile(rf"[^{_ARABIC}]*")
_NUMERIC_BODY = re.compile(r"[\d.,%()\s+\-–−÷×/≈=]*")
#: Characters a run may end on (anything else trailing it is punctuation or space of the Arabic sentence).
_RUN_END = re.compile(rf"[{_LATIN}0-9%]")
_OPENERS, _CLOSERS = {"(": ")", "“": "”"}, {")": "(", "”": "“"}
#: Operators and dashes: a numeric run holds at least one.
_OPERATOR = re.compile(r"\d\s*[-–−+÷×/≈=]\s*\(?\d")


def _balanced_end(run: str) -> int:
    """Where ``run`` ends when laid out as one left-to-right piece: after its last letter, digit or per cent sign at
    which every bracket and quotation mark it opened is closed (with a closing mark right after it), so a bracket
    or quotation mark that the Arabic around it opens or closes stays outside; 0 if there is no such place.
    """
    stack: list[str] = []
    end = 0
    for index, char in enumerate(run):
        if char in _OPENERS or (char == '"' and (not stack or stack[-1] != '"')):
            stack.append(char)
        elif char in _CLOSERS or char == '"':
            opener = _CLOSERS.get(char, '"')
            if opener not in stack:
                break  # closes a bracket the Arabic opened: the run ends before it
            while stack.pop() != opener:
                pass
            if not stack:
                end = index + 1
        elif not stack and _RUN_END.match(char):
            end = index + 1
    return end


def _nowrap(run: str) -> str:
    """``run`` escaped, with no-break spaces in a short name ("800 Noticias") so a line never splits it."""
    return escape(run.replace(" ", "\u00a0") if len(run) <= 20 and run.count(" ") <= 2 else run)


#: The longest quotation (marks included) kept on one line: a quoted phrase ("14 de enero de 2026"), not a passage.
QUOTATION_ON_ONE_LINE = 40


def _layout(run: str, numeric: bool) -> str:
    """How a left-to-right run sits in right-to-left lines: ``nowrap`` for a numeric expression and a short quotation
    (a line break inside either puts its pieces in the wrong order), ``block`` for a longer run with spaces (a title:
    if it wraps, it wraps in its own box, each of its lines left to right), "" for a short name.
    """
    quotation = run[:1] in '"“' and run[-1:] in '"”' and len(run) > 1
    if numeric or (quotation and len(run) <= QUOTATION_ON_ONE_LINE):
        return "nowrap"
    return "block" if " " in run and _nowrap(run) == escape(run) else ""


def latin_isolated(text: str) -> str:
    """Escape Arabic ``text`` and isolate each left-to-right run in it (``<bdi dir="ltr">``): names, titles,
    "800 Noticias", quoted Spanish or English, paths, and numeric expressions, ranges and ISO dates ("2025–26",
    "2021-11-08", kept on one line, as a short quotation is; a long run wraps in its own box, :func:`_layout`). Each run is laid out left to right as one piece, its own brackets and quotation
    marks inside it, so the brackets, quotation marks and separators the Arabic puts around it stay where they are.
    """
    pieces, position = [], 0
    while match := LTR_START.search(text, position):
        start = match.start()
        numeric = match.lastgroup == "number"
        body = (_NUMERIC_BODY if numeric else _LATIN_BODY).match(text, start).group()
        end = _balanced_end(body)
        if numeric and not _OPERATOR.search(body[:end]):
            end = 0
        if end == 0:  # nothing balanced starts here (a bracket opened by the Arabic): move on
            pieces.append(escape(text[position : start + 1]))
            position = start + 1
            continue
        pieces.append(escape(text[position:start]))
        run = body[:end]
        layout = _layout(run, numeric)
        pieces.append(_piece("isolated", run if layout == "nowrap" else _nowrap(run), "ltr", layout))
        position = start + end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


#: A quotation in guillemets with Arabic in it, and whatever else it holds (digits, Latin, inner quotation marks).
ARABIC_QUOTATION = re.compile(r"«[^«»]*[\u0600-\u06ff][^«»]*»")


def _arabic_runs(text: str) -> str:
    return ARABIC_RUN.sub(lambda match: _piece("isolated", markupsafe.Markup(match.group()), "rtl"), escape(text))


def mixed(text: str) -> str:
    """Escape English ``text`` and isolate each Arabic run in it (``<bdi dir="rtl">``), so quoted words keep their order.

    A «quotation» with Arabic in it is isolated whole, its guillemets, digits, Latin and inner quotation marks
    included: it reads right to left as one piece, its marks on its own sides, in a left-to-right or a right-to-left
    context alike.
    """
    parts, last = [], 0
    for match in ARABIC_QUOTATION.finditer(text):
        parts += [_arabic_runs(text[last : match.start()]), str(_piece("isolated", match.group(), "rtl"))]
        last = match.end()
    return "".join(parts) + _arabic_runs(text[last:])


def _cell_text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def table(
    frame: pd.DataFrame,
    arabic: Iterable[str] = (),
    caption: str | None = None,
    numeric: Sequence[str] = (),
    direction: str = "ltr",
    titles: Mapping[str, str] | None = None,
    below: Sequence[str] = (),
) -> HTML:
    """An HTML table of ``frame``: every cell escaped, ``arabic`` columns right-to-left
    (and Arabic quoted inside other cells isolated right-to-left, see :func:`mixed`).

    Columns listed in ``numeric`` are right-aligned with the ``align`` attribute.
    ``direction="rtl"`` lays the columns out from right to left (for keyword-in-context).
    ``titles`` maps a column to another column of ``frame`` that holds each of its cells' tooltip (the ``title``
    attribute: e.g. the references' titles and ids behind their publishers); the tooltip columns are not shown.
    ``below`` columns (long English notes) are printed under their row, across the table, each headed by its column's
    name and left out when empty, so that a wide table does not scroll sideways.
    Template ``templates/display.html.j2``.
    """
    arabic, titles = set(arabic), dict(titles or {})
    shown = [column for column in frame.columns if column not in set(titles.values()) | set(below)]
    kinds = {column: "arabic" if column in arabic else "numeric" if column in numeric else "text" for column in shown}
    rows = [
        [
            {
                "kind": kinds[column],
                "text": _cell_text(record[column])
                if kinds[column] != "text"
                else markupsafe.Markup(mixed(_cell_text(record[column]))),
                "title": _cell_text(record[titles[column]]) if column in titles else "",
            }
            for column in shown
        ]
        for record in frame.to_dict("records")
    ]
    notes = [
        [(str(column), markupsafe.Markup(mixed(_cell_text(record[column])))) for column in below if _cell_text(record[column])]
        for record in frame.to_dict("records")
    ]
    return HTML(str(_piece("table", [str(column) for column in shown], rows, caption, direction, notes)))


def article_card(title: str, summary: str, arabic_text: str) -> HTML:
    """An English title and one-line summary (left out when empty) above a right-to-left Arabic excerpt."""
    return HTML(str(_piece("article_card", title, summary, arabic_text)))


TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("perucorpus", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
)
TEMPLATES.filters["mixed"] = lambda text: markupsafe.Markup(mixed(text))


@functools.cache
def _macros():
    return TEMPLATES.get_template("display.html.j2").module


def _piece(name: str, *args) -> markupsafe.Markup:
    """The macro ``name`` of ``templates/display.html.j2`` called with ``args`` (escaped by the template)."""
    return getattr(_macros(), name)(*args)


def evidence_table(model: list[dict], open: bool = False, first: int = 1) -> str:
    """HTML for the evidence of :func:`perucorpus.facts.comparison.table_model`: one folded block per dimension
    (``open`` unfolds them, for print), per claim the position, the Arabic quote (RTL), its English rendering,
    the short citation ("2025 news report ¶9") and the full one (id, paragraph, character span), and the row's
    note. Each "what the record adds" note is printed once, after the blocks, and referred to by its number,
    ``[first]``, ``[first + 1]``, … (the same ``[n]`` labels as the summary table's record notes, numbered on from
    them; template ``templates/evidence_table.html.j2``).
    """
    texts = list(
        dict.fromkeys(claim["record"] for row in model for era in row["eras"] for claim in era["claims"] if claim["record"])
    )
    numbers = {text: first + number for number, text in enumerate(texts)}
    bare = {text: text.removeprefix(RECORD_LEAD).strip() for text in numbers}  # under a heading that says it
    notes = [(number, bare[text][:1].upper() + bare[text][1:]) for text, number in numbers.items()]
    template = TEMPLATES.get_template("evidence_table.html.j2")
    return template.render(model=model, numbers=numbers, notes=notes, open=open).strip()


def summary_table(model: dict, caption: str, open: bool = False) -> str:
    """HTML for :func:`perucorpus.facts.comparison.summary_model`: one line per cell with its short citations (the
    full ones in a ``title`` tooltip and in the evidence below), the record facts a reader needs, numbered, and
    where they come from folded below the table (``open`` unfolds it, for print). Template ``summary_table.html.j2``.
    """
    return TEMPLATES.get_template("summary_table.html.j2").render(model=model, caption=caption, open=open).strip()


def bullet_list(points: Iterable[str]) -> str:
    """An escaped ``<ul>``, one ``<li>`` per point (Arabic in it isolated right to left, :func:`mixed`)."""
    return str(_piece("bullet_list", [markupsafe.Markup(mixed(point)) for point in points]))


def side_by_side(article: dict, caption: str, anchors: bool = False) -> str:
    """HTML table of one article of :func:`perucorpus.facts.translations.side_by_side`: per paragraph its number,
    our English (with its translation note folded) and the Arabic as received, right to left; an untranslated
    paragraph says so. ``anchors`` gives each row the id ``<article>-p<n>`` that citations link to
    (template ``templates/side_by_side.html.j2``).
    """
    return TEMPLATES.get_template("side_by_side.html.j2").render(article=article, caption=caption, anchors=anchors).strip()


def side_by_side_summary(article: dict, title: bool = True) -> str:
    """One line naming an article of :func:`perucorpus.facts.translations.side_by_side`: its title (unless ``title`` is
    false), genre, date as readers meet it ("August 2021 – July 2022 (inferred)"), number of paragraphs, and whether
    it is not yet translated.
    """
    state = "" if article["translated"] else " · not yet translated"
    when = reader_date(article["date"], article.get("date_basis", "stated"))
    line = f"{article['genre']}, {when} · {len(article['paragraphs'])} paragraphs{state}"
    return f"{article['title']} · {line}" if title else line


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() and "_" not in text else text


def folded_articles(model: list[dict], names: dict[str, str] | None = None) -> HTML:
    """Every article of :func:`perucorpus.facts.translations.side_by_side`, Arabic and English side by side, each folded
    in its own ``<details>`` (the notebook opens with its findings, the full texts one click away); each table's
    caption names the article as readers do (``names``: id → "the 2021 opinion piece"), by its id without them.
    """
    names = names or {}
    caption = "{}: English and Arabic, paragraph by paragraph"
    return HTML(
        "".join(
            str(
                _piece(
                    "details",
                    side_by_side_summary(article),
                    markupsafe.Markup(
                        side_by_side(article, caption.format(_upper_first(names.get(article["id"], article["id"]))))
                    ),
                )
            )
            for article in model
        )
    )


def _text(name: str) -> str:
    """A text file shipped with the templates (a style sheet)."""
    return TEMPLATES.loader.get_source(TEMPLATES, name)[0]


#: The style of the notebooks' standalone pages and of the reading copy (``templates/notebook.css``).
PAGE_STYLE = "\n" + _text("notebook.css")
#: The print page's own print rules (not the reading copy's): compact, so the summary table starts on page one.
PRINT_PAGE_STYLE = "\n" + _text("print_page.css")


def standalone_page(title: str, body_html: str, intro: str = "") -> str:
    """A complete UTF-8 HTML page around ``body_html`` (for slides and printing), from ``templates/standalone.html.j2``."""
    template = TEMPLATES.get_template("standalone.html.j2")
    style = markupsafe.Markup(PAGE_STYLE + PRINT_PAGE_STYLE)
    return template.render(title=title, intro=intro, body=markupsafe.Markup(body_html), style=style) + "\n"


def sections(parts: Iterable[tuple[str, str]]) -> str:
    """``<h2>`` heading (escaped) then its body (already safe HTML), for each ``(heading, body_html)``."""
    return str(_piece("sections", [(heading, markupsafe.Markup(body)) for heading, body in parts]))


def details(summary: str, body_html: str) -> HTML:
    """A collapsed ``<details>`` block (renders without JavaScript); ``body_html`` must already be safe HTML."""
    return HTML(str(_piece("details", summary, markupsafe.Markup(body_html))))


def fields(record, labels: Sequence[str], arabic: Iterable[str] = ()) -> str:
    """One ``<p><b>label</b>: value</p>`` per label of ``record`` (a dict or Series), escaped: ``arabic``
    fields right to left, the others English with any Arabic in them isolated (:func:`mixed`).
    """
    arabic = set(arabic)
    pairs = [(label, markupsafe.Markup((rtl if label in arabic else mixed)(str(record[label])))) for label in labels]
    return str(_piece("fields", pairs))
