"""Regex building blocks shared by the rule-based extractors (dates, numbers, quotes).

The date and number rules match on :func:`builder.arabic.fold_keep_length` output, so an
offset in the folded text is an offset in the original. Folding keeps diacritics as tatweel
(to keep the length), so every word pattern built here tolerates tatweel between letters,
and every vocabulary is keyed by :func:`norm`, the tatweel-free form of the same folding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from builder.arabic import fold_keep_length

Value = TypeVar("Value")

TATWEEL = "\u0640*"
"""Any run of tatweel: what a folded diacritic or a stretched letter leaves between letters."""

_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_PREVIOUS_REACH = 25
"""Characters looked at for the word before a match: a word, not the (maybe huge) text."""


def norm(phrase: str) -> str:
    """Folded, tatweel-free, single-spaced form of a phrase: the key of every vocabulary."""
    folded = fold_keep_length(phrase.replace("\xa0", " ")).replace("\u0640", "")
    return re.sub(r"\s+", " ", folded).strip()


def squash(matched: str) -> str:
    """Tatweel-free, single-spaced form of folded text a pattern matched (already folded,
    so only the tatweel and the spacing differ from the vocabulary key)."""
    return re.sub(r"\s+", " ", matched.replace("\u0640", ""))


def letters(word: str) -> str:
    """Regex for one folded word, tolerating tatweel between its letters."""
    return TATWEEL.join(re.escape(char) for char in word)


def no_ending(word: str) -> str:
    """The default word ending of :func:`phrase_pattern`: nothing after the last letter."""
    return ""


def trailing_tatweel(word: str) -> str:
    """A word ending for :func:`phrase_pattern`: tatweel may follow the last letter."""
    return TATWEEL


def accusative_alef(word: str) -> str:
    """A word ending for :func:`phrase_pattern`: tatweel, then the accusative alef a counted
    noun takes after some numbers (ثلاثين جنديا, رأسا حربيا), unless the word ends in alef."""
    return TATWEEL + ("(?:ا" + TATWEEL + ")?" if word[-1] != "ا" else "")


def phrase_pattern(phrase: str, ending: Callable[[str], str] = no_ending) -> str:
    """Regex for a word or phrase in folded text; ``ending(word)`` is appended to each word
    (:func:`trailing_tatweel`, :func:`accusative_alef`)."""
    return r"\s+".join(letters(word) + ending(word) for word in norm(phrase).split(" "))


def alternation(phrases: Iterable[str], ending: Callable[[str], str] = no_ending) -> str:
    """Non-capturing alternation of phrases, longest first so that two-word forms win."""
    unique = sorted({norm(phrase) for phrase in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(phrase_pattern(phrase, ending) for phrase in unique) + ")"


def keyed(table: Mapping[str, Value]) -> dict[str, Value]:
    """A vocabulary table re-keyed by :func:`norm`, for looking up what a pattern matched."""
    return {norm(key): value for key, value in table.items()}


def previous_word(folded: str, start: int) -> str:
    """The tatweel-free word right before ``start`` in folded text ("" at the start)."""
    match = _PREVIOUS_WORD.search(folded[max(0, start - _PREVIOUS_REACH) : start])
    return match.group(1).replace("\u0640", "") if match else ""
