"""Escaped, right-to-left HTML for showing Arabic text in notebooks and rendered pages.

Browsers shape Arabic themselves, so text is never pre-shaped here: it is escaped and
put in an element with ``dir="rtl" lang="ar"``. Tables use plain HTML structure and
attributes (no ``<style>`` blocks), so they still read correctly where CSS is stripped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from IPython.display import HTML
from IPython.display import display as show  # re-exported: display several tables from one cell


def rtl(text: str, tag: str = "span") -> str:
    """``text`` escaped inside ``<tag dir="rtl" lang="ar">``."""
    return f'<{tag} dir="rtl" lang="ar">{html.escape(text)}</{tag}>'


def rtl_block(text: str) -> HTML:
    """A right-to-left paragraph block for notebook display (one ``<p>`` per line)."""
    paragraphs = "".join(rtl(line, "p") for line in text.splitlines() if line.strip())
    return HTML(f'<div dir="rtl" lang="ar">{paragraphs}</div>')


def table(
    frame: pd.DataFrame,
    arabic: Iterable[str] = (),
    caption: str | None = None,
    numeric: Sequence[str] = (),
    direction: str = "ltr",
) -> HTML:
    """An HTML table of ``frame``: every cell escaped, ``arabic`` columns right-to-left.

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
                cells.append(f"<td>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    body = "".join(rows)
    return HTML(f'<table dir="{direction}">{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def article_card(title: str, summary: str, arabic_text: str) -> HTML:
    """An English title and one-line summary above a right-to-left Arabic excerpt."""
    return HTML(
        f"<h4>{html.escape(title)}</h4><p><em>{html.escape(summary)}</em></p>"
        f'<blockquote dir="rtl" lang="ar">{html.escape(arabic_text)}</blockquote>'
    )
