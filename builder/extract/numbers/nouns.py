"""Counts of things the unit vocabulary does not list: «خمسة منازل», «4 مصريين», «ستة من
أعضاء الحكومة», «جنديين اثنين».

Arabic grammar marks a count plainly: a number from three to ten takes an indefinite plural
noun in the genitive right after it («ثلاثة محاور»), larger numbers an indefinite singular
(«اثنان وثلاثون مخزنا»), and «من» with a definite plural picks a part of a group («ستة من
أعضاء»). A dual noun followed by «اثنين» is two, said twice for emphasis («شرطيين اثنين»).
Such a count is a figure worth listing even when the noun has no English unit (``unit`` is
left empty: the page shows the Arabic noun, never a guessed English one).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.extract.numbers.spelled import NUMBER_OF
from builder.extract.patterns import norm

_NOT_COUNTED = frozenset(
    norm(word)
    for word in [
        "في", "من", "الى", "علي", "عن", "مع", "بين", "ان", "قد", "كما", "او", "ثم", "حتي", "لا",
        "لم", "لن", "ما", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "منها", "منهم",
        "منهن", "فقط", "ايضا", "نحو", "حوالي", "قرابه", "بعد", "قبل", "خلال", "منذ", "عند",
        "لدي", "ضد", "عبر", "حول", "دون", "اي", "كل", "بعض", "غير", "سوي", "مقابل", "اخري",
        "اخر", "فيما", "بينما", "اذ", "اذا", "لكن", "بل", "عام", "سنه",
    ]
)  # fmt: skip
"""Words that follow a number without being what it counts (particles, «عام 2015»)."""
_WORD_RE = re.compile(r"\s+(?P<word>[\u0621-\u064a\u0640]+)(?!\w)")
_PARTITIVE_RE = re.compile(r"\s+من\s+(?P<word>[\u0621-\u064a\u0640]{3,})(?!\w)")
_DUAL_TWO_RE = re.compile(
    r"(?<!\w)[وبل]?(?P<body>(?P<noun>[\u0621-\u064a]{2,}(?:ين|تين|ان|تان))\s+"
    r"(?:اثنين|اثنان|اثنتين|اثنتان))(?!\w)"
)
_VERB_AFTER_AND = re.compile(r"و[اينت]")
"""«قتل 3 وأصيب 5»: a verb with و after a number starts a new clause."""


class CountedNoun(NamedTuple):
    """The noun a number counts, and where it ends."""

    end: int


def counted_noun_after(folded: str, pos: int, value: float, spelled: bool) -> CountedNoun | None:
    """The indefinite noun (or «من» and the group) a number ending at ``pos`` counts.

    Only whole counts from two up (spelled ones from three: «أحد» and «اثنين» are as often
    pronouns and "both"); the noun is a word of three letters or more, without the article,
    that is not a particle, a number word or a verb opening the next clause.
    """
    if value != int(value) or value < (3 if spelled else 2):
        return None
    partitive = _PARTITIVE_RE.match(folded, pos)
    if partitive and partitive["word"] not in _NOT_COUNTED:
        return CountedNoun(partitive.end())
    following = _WORD_RE.match(folded, pos)
    if following is None:
        return None
    word = following["word"].replace("\u0640", "")
    if (
        len(word) < 3
        or word.startswith("ال")
        or word in _NOT_COUNTED
        or word in NUMBER_OF
        or word.removeprefix("و") in NUMBER_OF
        or (len(word) > 3 and _VERB_AFTER_AND.match(word))
    ):
        return None
    return CountedNoun(following.end())


class DualCount(NamedTuple):
    """«جنديين اثنين»: a dual noun and «اثنين» after it."""

    start: int
    end: int


def dual_counts(folded: str) -> list[DualCount]:
    """Every dual noun followed by «اثنين/اثنتين» (two, stated twice)."""
    return [
        DualCount(m.start("body"), m.end("body"))
        for m in _DUAL_TWO_RE.finditer(folded)
        if not m["noun"].startswith("ال")
    ]
