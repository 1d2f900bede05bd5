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
from typing import Generic, TypeVar

from ..arabic import fold

Payload = TypeVar("Payload")

WORD = re.compile(r"[0-9A-Za-z\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff]+")


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
    return " ".join(fold(word) for word in WORD.findall(phrase))


def _first_word_readings(word: str) -> Iterator[tuple[int, str]]:
    """(characters of attached particles, remaining word) for each plausible reading."""
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
    if bare.startswith("ال") and len(bare) > 4:
        yield conjunction + preposition + 2, bare[2:]


class PhraseMatcher(Generic[Payload]):
    """Longest-first, non-overlapping matching of many phrases at once."""

    def __init__(self, phrases: dict[str, Payload]) -> None:
        self._index: dict[str, Payload] = {}
        for phrase, payload in phrases.items():
            key = phrase_key(phrase)
            if key and key not in self._index:
                self._index[key] = payload
        self._longest = max((key.count(" ") + 1 for key in self._index), default=0)

    def __len__(self) -> int:
        return len(self._index)

    def finditer(self, text: str) -> Iterator[Match[Payload]]:
        """Matches in text order; where phrases overlap, the longest wins."""
        words = [
            (found.start(), found.end(), fold(found.group(0))) for found in WORD.finditer(text)
        ]
        index = 0
        while index < len(words):
            found = self._match_at(words, index, text)
            if found is None:
                index += 1
                continue
            yield found
            index += found.words

    def _match_at(
        self, words: list[tuple[int, int, str]], index: int, text: str
    ) -> Match[Payload] | None:
        for size in range(min(self._longest, len(words) - index), 0, -1):
            # Words of a phrase must be separated by white space only (no punctuation).
            last = index + size - 1
            if any(not text[words[k][1] : words[k + 1][0]].isspace() for k in range(index, last)):
                continue
            tail = " ".join(word for _, _, word in words[index + 1 : last + 1])
            for skip, first in _first_word_readings(words[index][2]):
                key = f"{first} {tail}" if tail else first
                payload = self._index.get(key)
                if payload is not None:
                    start = words[index][0] + skip
                    end = words[last][1]
                    return Match(start, end, text[start:end], payload, size)
        return None
