"""Teaching texts looked up by key: one catalogue per language, the English one read from the pack's source.

The classroom pack's English source (``teaching/classroom.toml``) is structured (questions,
exercises, run sheet, …); each text in it has a key, its path in the file
(``questions.reversal.answer``, ``ui.answers``, ``questions.reversal.misreadings.0``). Fields
named in :data:`STRUCTURE` are not texts (evidence lists, minutes, article ids, Arabic quotations)
and stay the same in every language. A catalogue for another language is ``teaching/<lang>.toml``::

    language = "ar"
    [entries."questions.reversal.title"]
    source = "Continuity or rupture?"      # the English it translates, as it was then
    text = "…"

Looking a key up that a catalogue lacks is an error (:class:`MissingText`), never a silent fall-back
to English; :func:`stale` lists the entries whose English has changed since they were translated.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The pack's English source, under the project's ``teaching/`` folder.
SOURCE = "classroom.toml"
#: Fields of the source that are structure, not text: never translated, the same in every language; ``find`` and
#: ``find_<lang>`` (the phrases an answer turns on, checked, never shown) are declared per language in the source.
STRUCTURE = frozenset(
    {
        "evidence",
        "cite",
        "withhold",
        "candidates",
        "blocks",
        "minutes",
        "article",
        "figure",
        "president",
        "row",
        "also",
        "quote_ar",
        "quote_en",
        "quote_article",
        "find",
        "find_ar",
    }
)


class MissingText(KeyError):
    """A key that the catalogue of a language does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


class CatalogueError(ValueError):
    """A catalogue file that cannot be read (one line: file, line and problem)."""


def read_toml(path: Path) -> dict:
    """A TOML file as a dict (keys in file order); a syntax error is one line naming the file and line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{path}: {error}") from None
    except FileNotFoundError:
        raise CatalogueError(f"{path}: no such file") from None


def texts(source: Mapping, prefix: str = "") -> dict[str, str]:
    """Every text of the structured ``source`` by key path (structure fields left out), in file order."""
    found: dict[str, str] = {}
    for name, value in source.items():
        if name in STRUCTURE:
            continue
        key = f"{prefix}{name}"
        if isinstance(value, str):
            found[key] = value
        elif isinstance(value, Mapping):
            found |= texts(value, key + ".")
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, str):
                    found[f"{key}.{position}"] = item
                elif isinstance(item, Mapping):
                    found |= texts(item, f"{key}.{position}.")
    return found


@dataclass(frozen=True)
class Catalogue:
    """The texts of one language by key; ``catalogue(key)`` is the text, or :class:`MissingText`."""

    language: str
    entries: Mapping[str, str]
    origin: str = ""
    direction: str = field(default="ltr")

    def __call__(self, key: str) -> str:
        """The text of ``key``; :class:`MissingText` (naming the catalogue and the key) if it has none."""
        try:
            return self.entries[key]
        except KeyError:
            raise MissingText(f"{self.origin}: no text for key {key!r} in the {self.language!r} catalogue") from None

    def __contains__(self, key: str) -> bool:
        """Whether the catalogue has a text for ``key``."""
        return key in self.entries


#: Languages written right to left (the page's ``dir``).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def english(teaching: Path | str) -> Catalogue:
    """The English catalogue: the texts of the pack's source ``teaching/classroom.toml``."""
    path = Path(teaching) / SOURCE
    return Catalogue("en", texts(read_toml(path)), path.as_posix())


def _line(text: str, key: str) -> int:
    """The line of ``[entries."key"]`` in a catalogue's text (1 if not found)."""
    match = re.search(rf'^\[entries\."{re.escape(key)}"\]', text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def translated(path: Path | str) -> tuple[Catalogue, dict[str, str]]:
    """A translated catalogue ``teaching/<lang>.toml`` and, by key, the English source each entry records."""
    path = Path(path)
    data = read_toml(path)
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise CatalogueError(f'{path}:1: no language = "…" line')
    text = path.read_text(encoding="utf-8")
    entries, sources = {}, {}
    for key, entry in data.get("entries", {}).items():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("text"), str) or not isinstance(entry.get("source"), str):
            raise CatalogueError(f"{path}:{_line(text, key)}: entry {key!r} needs a text and the English source it translates")
        entries[key], sources[key] = entry["text"], entry["source"]
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    return Catalogue(language, entries, path.as_posix(), direction), sources


def load(teaching: Path | str, language: str = "en") -> Catalogue:
    """The catalogue of ``language``: English from the source, another language from ``teaching/<language>.toml``."""
    if language == "en":
        return english(teaching)
    return translated(Path(teaching) / f"{language}.toml")[0]


def stale(path: Path | str, source: Catalogue) -> list[str]:
    """What is out of step in the translated catalogue at ``path`` against the English ``source``, one line each:
    entries whose recorded English differs from the current one, keys the source no longer has, keys not yet translated.
    """
    path = Path(path)
    catalogue, recorded = translated(path)
    text = path.read_text(encoding="utf-8")
    problems = []
    for key, english_then in recorded.items():
        where = f"{path}:{_line(text, key)}"
        if key not in source:
            problems.append(f"{where}: {key!r} is not a key of {source.origin}")
        elif english_then != source(key):
            problems.append(f"{where}: {key!r} translates an older English text; re-translate it and update its source")
    problems += [f"{path}: {key!r} is not translated yet" for key in source.entries if key not in catalogue]
    return problems
