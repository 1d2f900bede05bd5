"""Arabic text normalization and tokenization shared by the extractors.

Matching is done on a *folded* form (no diacritics or tatweel, one alef, ی/ى as ي,
ة as ه, Arabic-Indic digits as ASCII) so that spelling variants meet; spans reported to
users are always cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
"""Harakat, Quranic marks, superscript alef and tatweel."""

_FOLDED_LETTERS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ی", "ي"),
    ("ئ", "ي"),
    ("ؤ", "و"),
    ("ة", "ه"),
    ("ک", "ك"),
    ("گ", "ك"),
    ("ڤ", "ف"),
    ("ڨ", "ق"),
)
"""Each letter folded and its folded form (one letter for one: offsets are kept). No
folded form is itself folded, so the replacements can be made one after the other."""

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EASTERN_DIGIT = re.compile("[٠-٩۰-۹]")

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")

WORD = re.compile(r"[\w\u0600-\u06ff]+")

SENTENCE_END = re.compile(r"(?<=[.!؟?…])\s+|(?<=[.!؟?…]\[\d\])\s+|(?<=[.!؟?…]\[\d\d\])\s+|\n+")
"""End of a sentence, also after a footnote marker that follows the full stop («.[6] »)."""


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits (same length)."""
    # str.translate looks every character up in its table, about 100 ns a character of
    # Arabic text: most texts have no such digit, and a search for one is 50 times faster.
    if _EASTERN_DIGIT.search(text) is None:
        return text
    return text.translate(_DIGITS)


def _fold_letters(text: str) -> str:
    """:data:`_FOLDED_LETTERS` applied: a replacement per letter, each a fast scan of the
    text (a translation table looks up every character instead, ten times slower)."""
    for letter, folded in _FOLDED_LETTERS:
        text = text.replace(letter, folded)
    return text


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel."""
    return DIACRITICS.sub("", text)


def fold(text: str) -> str:
    """Fold a string for matching: NFKC, no diacritics, unified alef/ya/ta marbuta, ASCII digits.

    The result is *not* offset-compatible with the input (diacritics are removed);
    use :func:`fold_keep_length` when positions must line up.
    """
    # The extractors fold the same words over and over (every rule walks the text's words):
    # a word's fold is remembered, a long text's is not.
    if len(text) <= _REMEMBERED_LENGTH:
        return _fold_short(text)
    return _fold(text)


_REMEMBERED_LENGTH = 48
"""Strings up to this length (words, names, short phrases) have their fold cached."""


@lru_cache(maxsize=1 << 17)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _fold_letters(to_ascii_digits(strip_diacritics(text)))


def fold_keep_length(text: str) -> str:
    """Fold letters and digits one-for-one so offsets in the result are offsets in ``text``.

    Diacritics become a placeholder (U+200B-free spaces would split words), so they are
    replaced with tatweel, which :data:`WORD` still treats as part of the word.
    """
    folded = _fold_letters(to_ascii_digits(text))
    return DIACRITICS.sub("\u0640", folded)


def has_arabic(text: str) -> bool:
    """True when the text contains at least one Arabic letter."""
    return ARABIC_LETTER.search(text) is not None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences on terminal punctuation; keeps the punctuation."""
    parts = [part.strip() for part in SENTENCE_END.split(paragraph)]
    return [part for part in parts if part]


SENTENCE_REACH = 400
"""How far :func:`sentence_at` looks either side of a position: a "sentence" longer than
that (a run-on line with no full stop) is cut there, at a space, with an ellipsis, so
that a 100,000-character line costs the same per mention as a normal sentence."""


_SENTENCE_BREAK = re.compile(r"\n|[.!؟?…](?=\s)")
_SENTENCE_CLOSE = re.compile(r"\n|[.!؟?…](?=\s|\Z)")


def sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` (paragraphs separated by newlines) that contains ``position``,
    at most :data:`SENTENCE_REACH` characters either side of it."""
    floor = max(0, position - SENTENCE_REACH)
    start = floor
    for found in _SENTENCE_BREAK.finditer(text, floor, min(len(text), position + 1)):
        if found.start() < position:
            start = found.end()
    ceiling = min(len(text), position + SENTENCE_REACH)
    close = _SENTENCE_CLOSE.search(text, position, ceiling + 1)
    if close is not None and close.start() < ceiling:
        end = close.start() if close.group(0) == "\n" else close.end()
    else:
        end = ceiling
    sentence = text[start:end]
    if start == floor and floor > 0 and text[start - 1] != "\n":
        space = sentence.find(" ", 0, position - start)
        sentence = "…" + sentence[space + 1 :] if space >= 0 else "…" + sentence
    if end == ceiling and ceiling < len(text) and text[end] != "\n":
        space = sentence.rfind(" ")
        cut = space if space > len(sentence) - (ceiling - position) else len(sentence)
        sentence = sentence[:cut] + "…"
    return sentence.strip()


PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
"""Attached conjunctions and prepositions that may precede a word (longest first)."""
