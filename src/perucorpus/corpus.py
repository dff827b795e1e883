"""Load the article corpus: ``data/articles.csv`` plus one raw UTF-8 text file per article.

The raw text is returned exactly as stored (no newline translation, no stripping), so
character offsets quoted elsewhere in ``data/`` index into it directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schemas
from .tables import DataError, read_table


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
    path = Path(path)
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
    if raw.startswith(b"\xef\xbb\xbf"):
        raise CorpusError(f"{name}:1: starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise CorpusError(
            f"{name}:{line}: not valid UTF-8 at byte {err.start} ({err.reason}); "
            "convert the file to UTF-8 (e.g. from Windows-1256) before adding it"
        ) from None


def load_corpus(data_dir: Path | str) -> dict[str, Article]:
    """Load every article listed in ``<data_dir>/articles.csv``, in the order listed.

    Raises :class:`CorpusError` for a metadata row without its file, a file in
    ``articles/`` without a metadata row, a checksum mismatch, or an unreadable file.
    """
    data_dir = Path(data_dir)
    table_path = data_dir / "articles.csv"
    table = read_table(table_path, schemas.ARTICLES)
    listed = set()
    articles: dict[str, Article] = {}
    for row, line in zip(table.to_dict("records"), table.attrs["lines"]):
        path = data_dir / row["file"]
        listed.add(path.name)
        if not path.is_file():
            raise CorpusError(f"{table_path.as_posix()}:{line}: article file {row['file']} does not exist")
        text = read_article_text(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
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
