"""What a number counts: the unit after it, duals, and a counted noun before a number.

The unit vocabulary is :attr:`builder.knowledge.Knowledge.units` (``units.yaml``), compiled
once per vocabulary (:func:`unit_rules`). Duals of time units and other common nouns
(``يومين``, ``عقدين من الزمن``) count two without a number word, and ``السنوات الأربع
الماضية`` (a definite noun, then a definite number) counts too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from builder.extract.counted import counted_nouns
from builder.extract.numbers.mentions import NumberFound, found
from builder.extract.numbers.spelled import WORD, words_value
from builder.extract.patterns import TATWEEL, alternation, keyed, squash, trailing_tatweel
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import Unit

DUALS: dict[str, tuple[str, float]] = {
    "يومين": ("days", 2), "يومان": ("days", 2), "أسبوعين": ("weeks", 2),
    "شهرين": ("months", 2), "شهران": ("months", 2), "عامين": ("years", 2),
    "عامان": ("years", 2), "سنتين": ("years", 2), "سنتان": ("years", 2),
    "عقدين": ("decades", 2), "عقدان": ("decades", 2), "ساعتين": ("hours", 2),
    "قرنين": ("centuries", 2), "دولتين": ("countries", 2), "صاروخين": ("missiles", 2),
    "طائرتين": ("aircraft", 2), "جنديين": ("troops", 2), "ضعفين": ("times", 2),
}  # fmt: skip
"""Dual nouns that stand for «two of» without a number word: noun -> (unit, count)."""
DUALS_FOLDED = keyed(DUALS)
DUAL_RE = re.compile(r"(?<!\w)(?:[وبل]|وب|ل)?(?P<body>" + alternation(DUALS, trailing_tatweel)
                     + r"(?:\s+من\s+الزمن)?)(?!\w)")  # fmt: skip
PERCENT_RE = re.compile(r"\s*(?:[%٪]|(?:في\s+|ب)ال" + TATWEEL + r"م[يئ]" + TATWEEL + r"ا?"
                        + TATWEEL + r"[هي]" + TATWEEL + r"(?!\w))")  # fmt: skip
"""A percent sign or في المئة/بالمائة after a number (whatever the vocabulary says)."""

Free = Callable[[int, int], bool]
"""Whether a span is still free (not inside a date)."""


class UnitMatch(NamedTuple):
    """The counted thing right after a number."""

    unit: str | None
    """English unit, or None when no known noun follows."""
    end: int
    """Offset after the noun (the number's end when there is none)."""


class UnitRules:
    """The unit rules compiled for one unit vocabulary."""

    def __init__(self, units: tuple[Unit, ...]) -> None:
        self.nouns = counted_nouns(units)
        self._unit_re = re.compile(
            rf"\s*(?:(?P<min>من\s+)(?P<al>ال))?(?P<unit>{self.nouns.pattern})(?!\w)"
            rf"(?P<zaman>\s+من\s+الزمن)?"
        )
        self._noun_number_re = re.compile(
            r"(?<!\w)[وبل]?(?P<body>ال(?P<unit>" + self.nouns.pattern + r")\s+ال(?P<num>"
            + WORD + r")(?:\s+(?:الماضيه|المقبله|القادمه|الاخيره|الماضيين|الماضي|المقبل"
            r"|الاخير))?)(?!\w)"
        )  # fmt: skip

    def unit_at(self, folded: str, pos: int, scaled: bool) -> UnitMatch:
        """The counted thing right after ``pos`` as (English unit, end), or (None, pos).

        «من الدولارات» counts only after a multiplier: «واحدة من القواعد» is "one of", not
        a count.
        """
        pct = PERCENT_RE.match(folded, pos)
        if pct:
            return UnitMatch("percent", pct.end())
        unit = self._unit_re.match(folded, pos)
        if unit and (scaled or not unit["min"]):
            name = self.nouns.lookup(squash(unit["unit"]))
            if name:
                return UnitMatch(name, unit.end())
        return UnitMatch(None, pos)

    def noun_numbers(self, text: str, folded: str, free: Free) -> list[NumberFound]:
        """«السنوات الأربع الماضية»: a definite counted noun followed by a definite number."""
        out = []
        for m in self._noun_number_re.finditer(folded):
            unit = self.nouns.lookup(squash(m["unit"]))
            parsed = words_value(m["num"])
            if not unit or not parsed:
                continue
            start, end = m.start("body"), m.end("body")
            if free(start, end):
                out.append(found(text, start, end, parsed.value, unit))
        return out


@by_identity
def unit_rules(units: tuple[Unit, ...]) -> UnitRules:
    """The compiled unit rules for ``units`` (once per vocabulary and process)."""
    return UnitRules(units)


def duals(text: str, folded: str, free: Free) -> list[NumberFound]:
    """«يومين», «عقدين من الزمن»: a dual noun counts two."""
    out = []
    for m in DUAL_RE.finditer(folded):
        word = m["body"].split()[0].replace("\u0640", "")
        unit, value = DUALS_FOLDED[word]
        start, end = m.start("body"), m.end("body")
        if free(start, end):
            out.append(found(text, start, end, value, unit))
    return out
