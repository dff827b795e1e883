"""Escaped, right-to-left HTML for showing Arabic text in notebooks and rendered pages.

Browsers shape Arabic themselves, so text is never pre-shaped here: it is escaped and
put in an element with ``dir="rtl" lang="ar"``. Tables use plain HTML structure and
attributes (no ``<style>`` blocks), so they still read correctly where CSS is stripped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import jinja2
import markupsafe
import pandas as pd
from IPython.display import HTML
from IPython.display import display as show  # noqa: F401 (re-exported: several tables from one cell)

from perucorpus.facts.record import LEAD as RECORD_LEAD
from perucorpus.text.overview import reader_date


def rtl(text: str, tag: str = "span") -> str:
    """``text`` escaped inside ``<tag dir="rtl" lang="ar">``."""
    return f'<{tag} dir="rtl" lang="ar">{html.escape(text)}</{tag}>'


def rtl_block(text: str) -> HTML:
    """A right-to-left paragraph block for notebook display (one ``<p>`` per line)."""
    paragraphs = "".join(rtl(line, "p") for line in text.splitlines() if line.strip())
    return HTML(f'<div dir="rtl" lang="ar">{paragraphs}</div>')


#: A run of Arabic in running text: Arabic letters, with spaces and punctuation between them.
ARABIC_RUN = re.compile(r"[\u0600-\u06ff](?:[\u0600-\u06ff\s.…،؛:“”«»-]*[\u0600-\u06ff])?")


#: Arabic letters and the Arabic punctuation and quotation marks that end a run of Latin text.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff«»"
#: A candidate run of Latin text in Arabic: a Latin letter (after digits such as "800 ", or an opening double
#: quote), then everything up to the next Arabic letter; :func:`_latin_end` trims what belongs to the Arabic.
LATIN_RUN = re.compile(rf'(?:\d+[ \u00a0])?["“]?[A-Za-z\u00c0-\u024f][^{_ARABIC}]*')
#: Characters that end a Latin run (anything else trailing it is punctuation or space of the Arabic sentence).
_LATIN_END = re.compile(r"[A-Za-z\u00c0-\u024f0-9%]")
_PAIRS = (('"', '"'), ("“", "”"), ("(", ")"))


def _latin_end(run: str) -> int:
    """Where the Latin part of a candidate ``run`` ends: its last letter or digit, then any closing quotation mark
    or bracket that the run itself opened.
    """
    end = max(match.end() for match in _LATIN_END.finditer(run))
    while True:
        head, rest = run[:end], run[end:]
        open_ = [c for o, c in _PAIRS if c in rest and (head.count(o) % 2 if o == c else head.count(o) > head.count(c))]
        if not open_:
            return end
        end += min(rest.index(c) for c in open_) + 1


def latin_isolated(text: str) -> str:
    """Escape Arabic ``text`` and isolate each run of Latin text in it (``<bdi dir="ltr">``): names, titles,
    "800 Noticias", quoted English. Each run is laid out left to right as one piece, so the brackets, quotation
    marks and separators around it stay where the Arabic puts them.
    """
    pieces, position = [], 0
    for match in LATIN_RUN.finditer(text):
        start, end = match.start(), match.start() + _latin_end(match.group())
        pieces.append(html.escape(text[position:start]))
        pieces.append(f'<bdi dir="ltr">{html.escape(text[start:end])}</bdi>')
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def mixed(text: str) -> str:
    """Escape English ``text`` and isolate each Arabic run in it (``<bdi dir="rtl">``), so quoted words keep their order."""
    return ARABIC_RUN.sub(lambda match: f'<bdi dir="rtl" lang="ar">{match.group()}</bdi>', html.escape(text))


def table(
    frame: pd.DataFrame,
    arabic: Iterable[str] = (),
    caption: str | None = None,
    numeric: Sequence[str] = (),
    direction: str = "ltr",
) -> HTML:
    """An HTML table of ``frame``: every cell escaped, ``arabic`` columns right-to-left
    (and Arabic quoted inside other cells isolated right-to-left, see :func:`mixed`).

    Columns listed in ``numeric`` are right-aligned with the ``align`` attribute.
    ``direction="rtl"`` lays the columns out from right to left (for keyword-in-context).
    """
    arabic = set(arabic)
    head = "".join(f"<th>{html.escape(str(column))}</th>" for column in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, record):
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            if column in arabic:
                cells.append(f'<td dir="rtl" lang="ar">{html.escape(text)}</td>')
            elif column in numeric:
                cells.append(f'<td align="right">{html.escape(text)}</td>')
            else:
                cells.append(f"<td>{mixed(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    body = "".join(rows)
    return HTML(f'<table dir="{direction}">{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def article_card(title: str, summary: str, arabic_text: str) -> HTML:
    """An English title and one-line summary (left out when empty) above a right-to-left Arabic excerpt."""
    summary_html = f"<p><em>{html.escape(summary)}</em></p>" if summary else ""
    return HTML(
        f'<h4>{html.escape(title)}</h4>{summary_html}<blockquote dir="rtl" lang="ar">{html.escape(arabic_text)}</blockquote>'
    )


TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("perucorpus", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
)
TEMPLATES.filters["mixed"] = lambda text: markupsafe.Markup(mixed(text))


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
    return "<ul>" + "".join(f"<li>{mixed(point)}</li>" for point in points) + "</ul>"


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
    return HTML(
        "".join(
            f"<details><summary>{html.escape(side_by_side_summary(article))}</summary>"
            + side_by_side(
                article, f"{_upper_first(names.get(article['id'], article['id']))}: English and Arabic, paragraph by paragraph"
            )
            + "</details>"
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
    return "\n".join(f"<h2>{html.escape(heading)}</h2>\n{body}" for heading, body in parts)


def details(summary: str, body_html: str) -> HTML:
    """A collapsed ``<details>`` block (renders without JavaScript); ``body_html`` must already be safe HTML."""
    return HTML(f"<details><summary>{html.escape(summary)}</summary>{body_html}</details>")


def fields(record, labels: Sequence[str], arabic: Iterable[str] = ()) -> str:
    """One ``<p><b>label</b>: value</p>`` per label of ``record`` (a dict or Series), escaped: ``arabic``
    fields right to left, the others English with any Arabic in them isolated (:func:`mixed`).
    """
    arabic = set(arabic)
    return "".join(
        f"<p><b>{html.escape(label)}</b>: {rtl(str(record[label])) if label in arabic else mixed(str(record[label]))}</p>"
        for label in labels
    )
