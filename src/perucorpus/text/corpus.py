"""Load the article corpus: ``data/articles.csv`` plus one raw UTF-8 text file per article,
and the eras (``data/eras.csv``) the articles belong to; add an article to it.

The raw text is returned exactly as stored (no newline translation, no stripping), so
character offsets quoted elsewhere in ``data/`` index into it directly.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from perucorpus.base import dates, schemas
from perucorpus.base.atomic import write_atomic
from perucorpus.base.tables import DataError, decode_utf8, read_table, read_utf8, validate

#: Largest accepted article file. The seed articles are 5–12 kB; anything this large is not one article.
MAX_ARTICLE_BYTES = 1_000_000


class CorpusError(DataError):
    """The corpus is inconsistent or an article file is unreadable; the message names the file."""


@dataclass(frozen=True)
class Article:
    """One article: its metadata row (as strings) and its raw text."""

    id: str
    path: Path
    raw: str
    meta: dict[str, str]


def read_article_text(path: Path | str) -> str:
    """Return the text of one article file, decoded as strict UTF-8 and otherwise untouched."""
    return _article_text(Path(path))[0]


def _article_text(path: Path) -> tuple[str, bytes]:
    """The text of one article file (:func:`read_article_text`) and its bytes, the file read once."""
    name = path.as_posix()
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            f"{name}: {size / 1e6:.1f} MB is larger than the {MAX_ARTICLE_BYTES / 1e6:.0f} MB an article may have; "
            "split it into articles or check that it is the right file"
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{name}: the article file is empty")
    return decode_utf8(path, raw, CorpusError, "; convert the file to UTF-8 (e.g. from Windows-1256) before adding it"), raw


def load_eras(data_dir: Path | str) -> pd.DataFrame:
    """``<data_dir>/eras.csv``, read and checked (:func:`check_eras`)."""
    return check_eras(read_table(Path(data_dir) / "eras.csv", schemas.ERAS))


def check_eras(eras: pd.DataFrame) -> pd.DataFrame:
    """``eras.csv`` as read (:func:`perucorpus.base.tables.read_table`), checked (no era ends before it starts) and
    indexed by era id in file order (``label_en``, ``context_en``, ``start``, ``end``, ``note``).
    """
    for row, line in zip(eras.to_dict("records"), eras.attrs["lines"]):
        if _bounds(row["start"])[0] > _bounds(row["end"])[1]:
            raise DataError(
                f"{eras.attrs['source']}:{line}: era {row['era']!r} ends ({row['end']}) before it starts ({row['start']})"
            )
    return eras.set_index("era", drop=False).rename_axis(None)


def _bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of an ISO date or interval of year, month or day precision."""
    first, _, last = value.partition("/")
    return dates.parse(first).first, dates.parse(last or first).last


def _outside_era(row: dict[str, str], eras: pd.DataFrame) -> str:
    """Why the article's date cannot lie within its era's start and end, or "" if it can.

    A date of month or year precision (or an interval) need only overlap the era.
    """
    era = eras.loc[row["era"]]
    (first, last), (era_start, era_end) = _bounds(row["date"]), (_bounds(era["start"])[0], _bounds(era["end"])[1])
    if last < era_start or first > era_end:
        return f"date {row['date']} is outside era {row['era']!r} ({era['start']} to {era['end']} in eras.csv)"
    return ""


def load_corpus(data_dir: Path | str) -> dict[str, Article]:
    """Load every article listed in ``<data_dir>/articles.csv``, in the order listed.

    Raises :class:`CorpusError` for a metadata row without its file, a file in
    ``articles/`` without a metadata row, a checksum mismatch, an unreadable file, or a
    date outside the article's era (``eras.csv``).
    """
    data_dir = Path(data_dir)
    eras = load_eras(data_dir)
    return corpus_from(read_table(data_dir / "articles.csv", schemas.with_eras(schemas.ARTICLES, eras.index)), eras, data_dir)


def corpus_from(table: pd.DataFrame, eras: pd.DataFrame, data_dir: Path | str) -> dict[str, Article]:
    """The articles of ``articles.csv`` as read (``table``), checked against ``eras`` (:func:`check_eras`) and
    their files under ``data_dir`` (each read once), as :func:`load_corpus` returns them.
    """
    data_dir = Path(data_dir)
    table_path = Path(table.attrs["source"])
    listed = set()
    articles: dict[str, Article] = {}
    for row, line in zip(table.to_dict("records"), table.attrs["lines"]):
        path = data_dir / row["file"]
        listed.add(path.name)
        if not path.is_file():
            raise CorpusError(f"{table_path.as_posix()}:{line}: article file {row['file']} does not exist")
        if problem := _outside_era(row, eras):
            raise CorpusError(f"{table_path.as_posix()}:{line}: {problem}")
        text, raw = _article_text(path)
        digest = hashlib.sha256(raw).hexdigest()
        if digest != row["sha256"]:
            raise CorpusError(
                f"{table_path.as_posix()}:{line}: {row['file']} has SHA-256 {digest}, "
                f"but articles.csv records {row['sha256']}: the raw text must not be edited"
            )
        articles[row["id"]] = Article(id=row["id"], path=path, raw=text, meta=row)
    for path in sorted((data_dir / "articles").glob("*")):
        if path.name not in listed:
            raise CorpusError(f"{path.as_posix()}: file has no row in {table_path.as_posix()}")
    return articles


def metadata(articles: dict[str, Article]) -> pd.DataFrame:
    """The ``articles.csv`` row of each article, indexed by article id (in corpus order)."""
    return pd.DataFrame([article.meta for article in articles.values()]).set_index("id")


#: How a reader names an article of each genre ("the 2021 opinion piece").
GENRE_NOUNS = {"opinion": "opinion piece", "news": "news report", "explainer": "explainer"}


def reader_names(meta: pd.DataFrame) -> dict[str, str]:
    """Article id → the name a reader would use, from ``articles.csv``'s genre and date.

    "the {year} {genre}" ("the 2021 opinion piece", "the 2025 news report"), the year being the
    start of the article's date; where two articles share genre and year, their full start date
    tells them apart ("the news report of 2025-12"). Ids stay for researchers; pages use these.
    """
    start = meta["date"].str.split("/").str[0]
    keys = meta["genre"] + " " + start.str[:4]
    names = {}
    for article_id, genre, when, key in zip(meta.index, meta["genre"], start, keys):
        noun = GENRE_NOUNS[genre]
        names[article_id] = f"the {noun} of {when}" if (keys == key).sum() > 1 else f"the {when[:4]} {noun}"
    return names


def with_reader_names(text: str, names: dict[str, str]) -> str:
    """``text`` with each article id replaced by its reader name (:func:`reader_names`), capitalised at a sentence's start."""
    if not names:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")

    def name(match: re.Match) -> str:
        found, before = names[match.group(1)], text[: match.start()].rstrip()
        return found[0].upper() + found[1:] if not before or before.endswith((".", ":")) else found

    return pattern.sub(name, text)


def in_words(number: int) -> str:
    """``number`` in English words up to twelve ("three articles"), in digits above."""
    words = "zero one two three four five six seven eight nine ten eleven twelve".split()
    return words[number] if 0 <= number < len(words) else str(number)


#: The ``date_note`` that :func:`add_article` writes when none is given.
NO_DATE_NOTE = "Not recorded when the article was added."
#: The ``outlet_note`` that :func:`add_article` writes when none is given.
NO_OUTLET_NOTE = "No publisher or address was recorded when the article was added."
#: How an article's outlet reads where the article is introduced, by ``outlet_basis`` ("found" shows the publisher).
OUTLET_LABELS = {"close_parallel": "not identified (a close parallel was found)", "not_found": "not found"}


def outlet_label(row) -> str:
    """The outlet in a few words, where an article is introduced: the publisher if found, else what is known."""
    return str(row["publisher"]) if row["outlet_basis"] == "found" else OUTLET_LABELS[row["outlet_basis"]]


def add_article(
    data_dir: Path | str,
    source: Path | str,
    article_id: str,
    genre: str,
    era: str,
    date: str,
    title_en: str,
    summary_en: str,
    date_basis: str = "stated",
    date_note: str = NO_DATE_NOTE,
    notes: str = "",
    publisher: str = "",
    url: str = "",
    outlet_basis: str = "not_found",
    outlet_note: str = NO_OUTLET_NOTE,
    articles: dict[str, Article] | None = None,
    eras: pd.DataFrame | None = None,
    before_writing=None,
) -> Article:
    """Copy ``source`` byte for byte to ``<data_dir>/articles/<article_id>.txt`` and append its row to articles.csv.

    Every check runs before anything is written: the file (UTF-8, no BOM, not empty), the
    id (new, no path characters), genre, era, date and outlet (:data:`schemas.ARTICLES`,
    ``eras.csv``). The copy and the new table are written to temporary files and renamed
    into place, the table last; if that fails the copy is removed. Raises
    :class:`CorpusError` (one line naming the file and the problem). ``articles`` and ``eras``
    are the collection's as already read (:class:`perucorpus.facts.collection.Collection`);
    without them, they are read from ``data_dir``. ``before_writing()``, if given, runs once the
    article's own checks have passed and before anything is written (a caller's further checks).
    """
    data_dir, source = Path(data_dir), Path(source)
    if not source.is_file():
        raise CorpusError(f"{source.as_posix()}: no such file")
    text = read_article_text(source)
    if not re.fullmatch(schemas.ID, article_id):
        raise CorpusError(
            f"{source.as_posix()}: id {article_id!r} must be lowercase letters, digits and _ (no path characters), starting with a letter"
        )
    table_path, target = data_dir / "articles.csv", data_dir / "articles" / f"{article_id}.txt"
    existing = load_corpus(data_dir) if articles is None else articles
    if article_id in existing or target.exists():
        raise CorpusError(f"{source.as_posix()}: id {article_id!r} is already in {table_path.as_posix()}")
    content = source.read_bytes()
    row = {
        "id": article_id,
        "file": f"articles/{article_id}.txt",
        "source_file": source.name,
        "sha256": hashlib.sha256(content).hexdigest(),
        "language": "ar",
        "genre": genre,
        "era": era,
        "date": date,
        "date_basis": date_basis,
        "date_note": date_note,
        "title_en": title_en,
        "summary_en": summary_en,
        "notes": notes,
        "publisher": publisher,
        "url": url,
        "outlet_basis": outlet_basis,
        "outlet_note": outlet_note,
    }
    eras = load_eras(data_dir) if eras is None else eras
    frame = pd.DataFrame([article.meta for article in existing.values()] + [row], dtype=object)
    try:
        validate(
            frame,
            schemas.with_eras(schemas.ARTICLES, eras.index),
            table_path,
            [
                f"new row for {source.as_posix()}" if number == len(frame) else f"row {number}"
                for number in range(1, len(frame) + 1)
            ],
        )
    except DataError as error:
        problems = [line for line in str(error).splitlines()[1:] if "new row" in line] or str(error).splitlines()
        raise CorpusError("; ".join(problems)) from None
    if problem := _outside_era(row, eras):
        raise CorpusError(f"{source.as_posix()}: {problem}")
    if before_writing is not None:
        before_writing()
    _write_article(table_path, target, content, row)
    return Article(id=article_id, path=target, raw=text, meta=row)


def _write_article(table_path: Path, target: Path, content: bytes, row: dict[str, str]) -> None:
    """Write the copy, then articles.csv with ``row`` appended (its other bytes unchanged); undo the copy on failure."""
    text = read_utf8(table_path)
    line = io.StringIO(newline="")
    header = next(csv.reader(io.StringIO(text, newline="")))
    csv.DictWriter(line, fieldnames=header, lineterminator="\n").writerow(row)
    write_atomic(target, content)
    try:
        write_atomic(table_path, text + ("" if text.endswith("\n") else "\n") + line.getvalue())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
