"""Arabic text for matching and counting: normalisation, tokens, clitics, stopwords.

Normalised text is for matching and counting only; everything shown to a reader is the
original spelling. The choices (all applied by :func:`normalise`):

* diacritics (harakat, tanwin, shadda, sukun, dagger alef) are removed (pyarabic);
* tatweel ``ـ`` is removed (pyarabic);
* alef maqsura ``ى`` becomes ``ي`` (applied first: pyarabic's alef step would otherwise
  make it ``ا``): the articles write final ``ي`` both ways (``مجىء``), and no word pair
  in them is distinguished only by it;
* alef variants ``أ إ آ ٱ`` become bare ``ا`` (pyarabic), so ``الأرجنتين`` and the
  article's ``الارجنتين`` match;
* taa marbuta ``ة`` is **kept**: the articles write it consistently, and folding it into
  ``ه`` would merge feminine nouns with the pronoun suffix ``ـه``;
* hamza on waw/yaa (``ؤ ئ``) and lone hamza ``ء`` are kept.

Names are matched on a *name key* (:func:`name_key`), which folds further, because outlets
spell names in ways that the term counts must keep apart but that never distinguish two names:

* taa marbuta ``ة`` becomes ``ه`` (``الولايات المتحده``, ``منظمه الدول الامريكيه``, as some
  outlets type it);
* hamza on yaa ``ئ`` becomes ``ي``, hamza on waw ``ؤ`` becomes ``و``, and a lone hamza ``ء``
  is removed, so ``الهادئ``, ``الهاديء`` and ``الهادي`` are one key;
* the letters some outlets borrow for foreign sounds become the Arabic letters others write:
  ``ڤ`` (v) ``ف``, ``گ`` (g) ``غ``; the Persian forms ``ک`` and ``ی`` become ``ك`` and ``ي``.

Every step of both maps one character to zero or one character, so offsets into the
normalised text map back to the original (:func:`normalise_with_offsets`,
:func:`name_key_with_offsets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pyarabic.araby as araby
from stop_words import get_stop_words


def normalise(text: str) -> str:
    """Return ``text`` normalised for matching (see the module docstring)."""
    for _, step in NORMALISATION_STEPS:
        text = step(text)
    return text


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and return, for each output character, its index in ``text``.

    Every normalisation step maps one character to zero or one character, so this is a
    per-code-point lookup table (built once from :func:`normalise`) applied with numpy,
    plus the indices of the characters kept.
    """
    return _translate(text, _lookup_table(normalise))


def name_key(text: str) -> str:
    """``text`` normalised, then folded further for matching names (see the module docstring)."""
    text = normalise(text)
    for _, step in NAME_KEY_STEPS:
        text = step(text)
    return text


def name_key_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`name_key` of ``text`` and, for each output character, its index in ``text``."""
    return _translate(text, _lookup_table(name_key))


def _translate(text: str, table: np.ndarray) -> tuple[str, list[int]]:
    """``text`` through a per-code-point ``table``, and the indices of the characters kept."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    mapped = table[codes]
    kept = mapped != DELETED
    if kept.all():
        return mapped.tobytes().decode("utf-32-le", "surrogatepass"), list(range(len(text)))
    return mapped[kept].tobytes().decode("utf-32-le", "surrogatepass"), np.flatnonzero(kept).tolist()


#: Unicode blocks where normalisation can change a character (tests check all others are left alone).
ARABIC_BLOCKS = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00))
DELETED = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=2)
def _lookup_table(function) -> np.ndarray:
    """Code point → ``function`` of it (or DELETED) for every code point (4.5 MB, built once per function)."""
    table = np.arange(0x110000, dtype="<u4")
    for first, last in ARABIC_BLOCKS:
        for code in range(first, last):
            out = function(chr(code))
            if len(out) > 1:
                raise AssertionError(f"normalisation maps U+{code:04X} to several characters")
            table[code] = ord(out) if out else DELETED
    return table


ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
WORD = re.compile(rf"[{ARABIC_LETTERS}]+|[A-Za-z]+(?:-[A-Za-z]+)*|\d+")
ARABIC_WORD = re.compile(rf"[{ARABIC_LETTERS}]+")


def tokens(normalised: str) -> list[str]:
    """Word tokens (Arabic letter runs, Latin words, digit runs) of already-normalised text."""
    return WORD.findall(normalised)


ARTICLE_PREFIX = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=..)")
SINGLE_PREFIX = re.compile(r"^(?:[وف][بكل]?|[بكل])(?=...)")


def split_clitics(token: str, known_bases: Iterable[str] | frozenset[str] = frozenset()) -> tuple[str, str]:
    """Split attached proclitics off a normalised token: ``(prefix, base)``.

    * The article with its own proclitics (``ال وال فال بال كال وبال لل ولل``) is split off
      whenever at least two letters remain.
    * A bare conjunction or preposition (``و ف ب ل ك``, or ``و``/``ف`` followed by
      ``ب ل ك``) is split off only when the remainder is itself in ``known_bases``
      (e.g. the corpus vocabulary), because many words simply begin with these letters
      (``وزارة``, ``بيرو``, ``كندا``).
    Suffixed pronouns are not split.
    """
    match = ARTICLE_PREFIX.match(token)
    if match:
        return token[: match.end()], token[match.end() :]
    match = SINGLE_PREFIX.match(token)
    if match:
        for cut in range(match.end(), 0, -1):
            if token[cut:] in known_bases:
                return token[:cut], token[cut:]
    return "", token


@lru_cache(maxsize=1)
def stopwords(supplement: tuple[str, ...] = ()) -> frozenset[str]:
    """Arabic stopwords from the ``stop-words`` package plus ``supplement``, all normalised."""
    words = [normalise(word) for word in get_stop_words("arabic")] + [normalise(w) for w in supplement]
    return frozenset(word for word in words if ARABIC_WORD.fullmatch(word))


NORMALISATION_STEPS = (
    ("diacritics removed", araby.strip_diacritics),
    ("tatweel removed", araby.strip_tatweel),
    # before the alef step: pyarabic's normalize_alef would turn ى into ا (على → علا)
    ("ى → ي", lambda text: text.replace(araby.ALEF_MAKSURA, araby.YEH)),
    ("alef variants → ا", araby.normalize_alef),
)


#: The further folds of :func:`name_key`, in the order applied (each maps one character to at most one).
NAME_KEY_STEPS = (
    ("ة → ه", lambda text: text.replace("\u0629", "\u0647")),
    ("hamza forms: ئ → ي, ؤ → و, ء removed", lambda text: text.translate(_HAMZA_FOLD)),
    ("borrowed letters: ڤ → ف, گ → غ, ک → ك, ی → ي", lambda text: text.translate(_BORROWED_FOLD)),
)
_HAMZA_FOLD = str.maketrans({"\u0626": "\u064a", "\u0624": "\u0648", "\u0621": None})
_BORROWED_FOLD = str.maketrans({"\u06a4": "\u0641", "\u06af": "\u063a", "\u06a9": "\u0643", "\u06cc": "\u064a"})


def normalisation_steps(word: str) -> list[str]:
    """Names of the normalisation steps that change ``word`` (in the order applied)."""
    applied = []
    for name, step in NORMALISATION_STEPS:
        changed = step(word)
        if changed != word:
            applied.append(name)
        word = changed
    return applied


def normalisation_examples(texts: dict[str, str], per_step: int = 3) -> list[dict[str, str]]:
    """Up to ``per_step`` distinct real words per normalisation step, with where they occur."""
    seen: dict[str, list[dict[str, str]]] = {name: [] for name, _ in NORMALISATION_STEPS}
    for source, text in texts.items():
        for word in sorted(set(ARABIC_WORD_WITH_MARKS.findall(text)), key=text.index):
            for step in normalisation_steps(word):
                if len(seen[step]) < per_step and all(row["original"] != word for row in seen[step]):
                    seen[step].append({"step": step, "original": word, "normalised": normalise(word), "article": source})
    return [row for rows in seen.values() for row in rows]


ARABIC_WORD_WITH_MARKS = re.compile(r"[\u0621-\u0652\u0670\u0671-\u06d3]+")
