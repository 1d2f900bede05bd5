"""Find known Arabic phrases in text, tolerant of spelling and attached particles.

Text is split into words; each word is folded (:func:`builder.arabic.fold`: no diacritics,
one alef, ة/ه, ى/ي) and looked up, with up to the longest phrase's length of following
words, in a dictionary of folded phrases. A first word may carry attached و/ف, ب/ل/ك
and the article ال, and a phrase that starts with ال also matches its لل form
(للولايات المتحدة). Spans are cut from the original text, without the attached particles
(the لل form keeps its lams, since the article's alef is gone from the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from builder.arabic import fold

Payload = TypeVar("Payload")

WORD = re.compile(r"[0-9A-Za-z\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff]+")

_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
"""What ``str.splitlines`` breaks a line at."""


_NAME_HYPHENS = frozenset("-\u2010\u2011")
"""A hyphen written without spaces between two words of one name."""


def within_line(gap: str) -> bool:
    """True when ``gap``, the characters between two words, is white space inside one line:
    the words of a phrase or a name never run on across a line break (a headline, a byline
    or a list item ends where its line does)."""
    return gap.isspace() and _LINE_BREAKS.isdisjoint(gap)


@dataclass(frozen=True)
class Match(Generic[Payload]):
    """One phrase occurrence: ``start:end`` is the phrase without its attached particles."""

    start: int
    end: int
    text: str
    payload: Payload
    words: int


def phrase_key(phrase: str) -> str:
    """The folded, space-normalized form phrases are indexed under."""
    return " ".join(_fold_word(word) for word in WORD.findall(phrase))


@lru_cache(maxsize=65536)
def first_word_readings(word: str, article: bool = True) -> tuple[tuple[int, str], ...]:
    """(characters of attached particles, remaining word) for each plausible reading; with
    ``article`` False, never the reading that drops an article the phrase is listed without
    (a name never takes the article: «المؤدي» is not «مودي»)."""
    return tuple(_readings(word, article))


def _readings(word: str, article: bool) -> Iterator[tuple[int, str]]:
    yield 0, word
    conjunction = 1 if word[:1] in "وف" and len(word) > 3 else 0
    rest = word[conjunction:]
    if conjunction:
        yield conjunction, rest
    if rest.startswith("لل") and len(rest) > 3:
        yield conjunction, "ال" + rest[2:]  # the span keeps «لل»
    preposition = 1 if rest[:1] in "بلك" and len(rest) > 3 else 0
    if preposition:
        yield conjunction + 1, rest[1:]
    # The article on a phrase listed without it (نووي in «النووي», «بالنووي»).
    bare = rest[preposition:]
    if article and bare.startswith("ال") and len(bare) > 4:
        yield conjunction + preposition + 2, bare[2:]


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=16)
def _tokenize(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """Folded words of ``text`` and, for each, the last word reachable through white space
    within the line (the words of a phrase are never separated by punctuation or a line
    break). Every matcher of one extraction reads the same text, so this is computed once
    per text."""
    words = tuple(
        (match.start(), match.end(), _fold_word(match.group(0))) for match in WORD.finditer(text)
    )
    run_end = list(range(len(words)))
    for k in range(len(words) - 2, -1, -1):
        gap = text[words[k][1] : words[k + 1][0]]
        # «بان كي-مون», «جان-إيف»: a hyphen inside a name joins its parts as a space does.
        if within_line(gap) or gap in _NAME_HYPHENS:
            run_end[k] = run_end[k + 1]
    return words, tuple(run_end)


def tokenize(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """(start, end, folded word) for each word of ``text``, and for each word the index of the
    last word reachable from it through white space within the line (cached per text)."""
    return _tokenize(text)


_RECENT_TEXTS = 4
"""Texts whose matches a matcher keeps: one extraction's text and its title or header."""


class PhraseMatcher(Generic[Payload]):
    """Longest-first, non-overlapping matching of many phrases at once."""

    def __init__(self, phrases: dict[str, Payload], article: bool = True) -> None:
        self._recent: dict[str, tuple[Match[Payload], ...]] = {}
        """Matches of the last texts scanned (:data:`_RECENT_TEXTS`), oldest first."""
        self._article = article
        """Whether a phrase listed without the article also matches with it."""
        self._index: dict[str, Payload] = {}
        for phrase, payload in phrases.items():
            key = phrase_key(phrase)
            if key and key not in self._index:
                self._index[key] = payload
        # Longest phrase (in words) starting with each first word: most words start none.
        self._longest_from: dict[str, int] = {}
        for key in self._index:
            first, _, _ = key.partition(" ")
            size = key.count(" ") + 1
            self._longest_from[first] = max(size, self._longest_from.get(first, 0))

    def __len__(self) -> int:
        return len(self._index)

    def finditer(self, text: str) -> Iterator[Match[Payload]]:
        """Matches in text order; where phrases overlap, the longest wins."""
        # Several rules of one extraction ask the same matcher about the same text (the
        # titles, the listed people): the last texts' matches are kept.
        found = self._recent.get(text)
        if found is None:
            found = tuple(self._scan(text))
            if len(self._recent) >= _RECENT_TEXTS:
                del self._recent[next(iter(self._recent))]
            self._recent[text] = found
        return iter(found)

    def _scan(self, text: str) -> Iterator[Match[Payload]]:
        words, run_end = _tokenize(text)
        index = 0
        while index < len(words):
            match = self._match_at(words, index, run_end[index], text)
            if match is None:
                index += 1
                continue
            yield match
            index += match.words

    def _match_at(
        self, words: tuple[tuple[int, int, str], ...], index: int, run_end: int, text: str
    ) -> Match[Payload] | None:
        best: Match[Payload] | None = None
        for skip, first in first_word_readings(words[index][2], self._article):
            longest = self._longest_from.get(first)
            if longest is None:
                continue
            smallest = best.words + 1 if best is not None else 1
            for size in range(min(longest, run_end - index + 1), smallest - 1, -1):
                last = index + size - 1
                tail = " ".join(word for _, _, word in words[index + 1 : last + 1])
                payload = self._index.get(f"{first} {tail}" if tail else first)
                if payload is not None:
                    start = words[index][0] + skip
                    end = words[last][1]
                    best = Match(start, end, text[start:end], payload, size)
                    break
        return best
