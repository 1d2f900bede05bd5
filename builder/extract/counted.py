"""Counted nouns: what a number counts (دولار, جندي, صاروخ), for the dates and the numbers.

The number rules read the noun after a number as its unit; the date rules read a number
followed by such a noun as a quantity, not a year («2000 جندي»). Both work from the same
vocabulary (:attr:`builder.knowledge.Knowledge.units`, from ``units.yaml``), compiled here
once per vocabulary, so that neither package imports the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from builder.extract.patterns import accusative_alef, alternation, norm, trailing_tatweel
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import Unit

MULTIPLIERS = ("ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "تريليون",
               "ترليون", "تريليونات")  # fmt: skip
"""Scale words that multiply the number before them (3 آلاف, 1,5 مليار)."""
MULTIPLIER = alternation(MULTIPLIERS, trailing_tatweel)
PERCENT_SIGNS = ("%", "٪")
"""Unit forms that are signs, not words: matched on their own, never as a word."""


class CountedNouns:
    """A unit vocabulary compiled for matching: the noun alternation and its lookup."""

    def __init__(self, units: tuple[Unit, ...]) -> None:
        # Later units win a form listed twice, as the vocabulary's order says.
        self.unit_of = {norm(form): unit.en for unit in units for form in unit.forms}
        self._stems = {word for form in self.unit_of for word in form.split(" ")}
        forms = [form for unit in units for form in unit.forms if form not in PERCENT_SIGNS]
        self.pattern = alternation(forms, accusative_alef)
        """Regex for any noun form (no group), each word with an optional accusative alef."""
        # «كلما» ("whenever") reads as an abbreviated unit with the accusative alef (كلم + ا).
        self._counted = re.compile(
            rf"\s*(?!كلما(?!\w))(?:[%٪]|{MULTIPLIER}(?!\w)|{self.pattern}(?!\w))"
        )
        # Bounded: the rules also look up arbitrary words (a definite noun before a number).
        self.lookup = lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, key: str) -> str | None:
        """The English unit of a tatweel-free, single-spaced folded noun, or None."""
        if key in self.unit_of:
            return self.unit_of[key]
        # The accusative alef on each word (رأسا حربيا), where the word without it is a noun.
        stripped = " ".join(
            word[:-1] if word.endswith("ا") and word[:-1] in self._stems else word
            for word in key.split(" ")
        )
        return self.unit_of.get(stripped)

    def counted_after(self, folded: str, end: int) -> bool:
        """True when a counted noun, a multiplier or a percent sign follows ``end``."""
        return self._counted.match(folded, end) is not None


@by_identity
def counted_nouns(units: tuple[Unit, ...]) -> CountedNouns:
    """The compiled vocabulary for ``units`` (compiled once per vocabulary and process)."""
    return CountedNouns(units)
