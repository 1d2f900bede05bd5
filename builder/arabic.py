"""Arabic text normalization and tokenization shared by the extractors.

Matching is done on a *folded* form (no diacritics or tatweel, one alef, ی/ى as ي,
ة as ه, Arabic-Indic digits as ASCII) so that spelling variants meet; spans reported to
users are always cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
"""Harakat, Quranic marks, superscript alef and tatweel."""

_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "ڨ": "ق",
    }
)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")

WORD = re.compile(r"[\w\u0600-\u06ff]+")

SENTENCE_END = re.compile(r"(?<=[.!؟?…])\s+|(?<=[.!؟?…]\[\d\])\s+|(?<=[.!؟?…]\[\d\d\])\s+|\n+")
"""End of a sentence, also after a footnote marker that follows the full stop («.[6] »)."""


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits (same length)."""
    return text.translate(_DIGITS)


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel."""
    return DIACRITICS.sub("", text)


def fold(text: str) -> str:
    """Fold a string for matching: NFKC, no diacritics, unified alef/ya/ta marbuta, ASCII digits.

    The result is *not* offset-compatible with the input (diacritics are removed);
    use :func:`fold_keep_length` when positions must line up.
    """
    text = unicodedata.normalize("NFKC", text)
    return to_ascii_digits(strip_diacritics(text)).translate(_FOLD_TABLE)


def fold_keep_length(text: str) -> str:
    """Fold letters and digits one-for-one so offsets in the result are offsets in ``text``.

    Diacritics become a placeholder (U+200B-free spaces would split words), so they are
    replaced with tatweel, which :data:`WORD` still treats as part of the word.
    """
    folded = to_ascii_digits(text).translate(_FOLD_TABLE)
    return DIACRITICS.sub("\u0640", folded)


def has_arabic(text: str) -> bool:
    """True when the text contains at least one Arabic letter."""
    return ARABIC_LETTER.search(text) is not None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences on terminal punctuation; keeps the punctuation."""
    parts = [part.strip() for part in SENTENCE_END.split(paragraph)]
    return [part for part in parts if part]


def sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` (paragraphs separated by newlines) that contains ``position``."""
    start = position
    while start > 0 and text[start - 1] != "\n":
        if text[start - 1] in ".!؟?…" and start < len(text) and text[start].isspace():
            break
        start -= 1
    end = position
    while end < len(text) and text[end] != "\n":
        if text[end] in ".!؟?…" and (end + 1 == len(text) or text[end + 1].isspace()):
            end += 1
            break
        end += 1
    return text[start:end].strip()


PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
"""Attached conjunctions and prepositions that may precede a word (longest first)."""
