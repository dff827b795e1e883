"""Derive a clean reading view of an article without touching its raw text.

Page furniture left over from the web pages is cut out of the view, and every cut is
recorded, so that any offset in the clean view maps back to the raw text:

* a line that is only ``إعلان`` (an advertisement slot; the word inside a sentence,
  as in ``إعلان الأمن المشترك``, is kept);
* a last line that is only ``شاركها.`` (the "share it" button);
* an embedded header `` date YYYY-MM-DD `` at the very start (lifted into metadata);
* a closing byline: a last non-empty line starting with ``* كاتب`` (lifted into metadata).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

ADVERT_LINE = re.compile(r"^[ \t]*إعلان[ \t]*(?:\r?\n|$)", re.MULTILINE)
SHARE_LINE = re.compile(r"(?:^|(?<=\n))[ \t]*شاركها\.[ \t]*\s*\Z")
DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+")
BYLINE = re.compile(r"^[ \t]*\*[ \t]*(كاتب[^\r\n]*?)[ \t]*(?:\r?\n|\Z)(?=\s*\Z)", re.MULTILINE)  # the last line only


@dataclass(frozen=True)
class Cut:
    """A span of the raw text left out of the clean view, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class CleanView:
    """The clean text, the cuts made, lifted metadata, and the offset map to the raw text."""

    text: str
    cuts: tuple[Cut, ...]
    lifted: dict[str, str] = field(default_factory=dict)
    _clean_starts: tuple[int, ...] = ()
    _raw_starts: tuple[int, ...] = ()

    def to_raw(self, offset: int) -> int:
        """Map an offset in the clean text to the offset of the same character in the raw text."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the clean text (length {len(self.text)})")
        block = bisect.bisect_right(self._clean_starts, offset) - 1
        return self._raw_starts[block] + offset - self._clean_starts[block]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span to the raw span covering the same characters."""
        if end <= start:
            return self.to_raw(start), self.to_raw(start)
        return self.to_raw(start), self.to_raw(end - 1) + 1


def clean(raw: str) -> CleanView:
    """Return the clean view of one raw article text."""
    cuts: list[Cut] = []
    lifted: dict[str, str] = {}
    header = DATE_HEADER.search(raw)
    if header:
        cuts.append(Cut(header.start(), header.end(), "embedded date header"))
        lifted["embedded_date"] = header.group(1)
    for match in ADVERT_LINE.finditer(raw):
        cuts.append(Cut(match.start(), match.end(), "advertisement marker line"))
    for match in BYLINE.finditer(raw):
        cuts.append(Cut(match.start(), match.end(), "byline"))
        lifted["byline"] = match.group(1)
    share = SHARE_LINE.search(raw)
    if share:
        cuts.append(Cut(share.start(), share.end(), "share button"))
    cuts.sort(key=lambda cut: cut.start)
    pieces, clean_starts, raw_starts = [], [], []
    position = length = 0
    for cut in cuts + [Cut(len(raw), len(raw), "end")]:
        if cut.start > position:
            clean_starts.append(length)
            raw_starts.append(position)
            pieces.append(raw[position : cut.start])
            length += cut.start - position
        position = max(position, cut.end)
    clean_starts.append(length)
    raw_starts.append(len(raw))
    return CleanView(
        text="".join(pieces),
        cuts=tuple(cuts),
        lifted=lifted,
        _clean_starts=tuple(clean_starts),
        _raw_starts=tuple(raw_starts),
    )


def clean_views(raws: dict[str, str]) -> dict[str, CleanView]:
    """The clean view of each raw text, by the same key (e.g. article id)."""
    return {key: clean(raw) for key, raw in raws.items()}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text`` (each line of these articles is a paragraph or heading)."""
    return [(match.start(), match.end()) for match in re.finditer(r"[^\r\n]+", text) if match.group().strip()]


def is_heading(line: str) -> bool:
    """A short line (at most ten words) with no sentence punctuation is a section heading."""
    stripped = line.strip()
    return len(stripped.split()) <= 10 and not any(mark in stripped for mark in ".؟!?:")


SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\r?\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: split at . ! ? ؟ before white space, and at line ends."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
