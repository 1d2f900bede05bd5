"""Spelled-out numerals: «ثلاثة آلاف», «خمسة وعشرون», «مئتا», «نصف مليون».

A spelled number is a run of number words joined by spaces or و; its value is read the way
Arabic composes it: units and tens add up (خمسة وعشرون), ten after a unit makes the teens
(ثلاثة عشر), a scale word multiplies what came before it (ثلاثة آلاف) and a dual scale word
stands alone (ألفا جندي is 2000).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.extract.patterns import alternation, keyed, trailing_tatweel


class NumberWord(NamedTuple):
    """What one number word contributes."""

    value: float
    """Its value (1e3 for ألف, 0.5 for نصف)."""
    kind: str
    """How it combines: ``unit``, ``ten``, ``hundred``, ``scale`` (ألف), ``plural`` (آلاف),
    ``dual`` (ألفان) or ``frac`` (نصف, ربع)."""


NUMBER_WORDS: dict[str, NumberWord] = {
    word: NumberWord(*entry)
    for word, entry in {
        "واحد": (1, "unit"), "واحدة": (1, "unit"), "أحد": (1, "unit"), "إحدى": (1, "unit"),
        "اثنان": (2, "unit"), "اثنين": (2, "unit"), "اثنتان": (2, "unit"), "اثنتين": (2, "unit"),
        "اثنا": (2, "unit"), "اثني": (2, "unit"), "اثنتا": (2, "unit"), "اثنتي": (2, "unit"),
        "ثلاث": (3, "unit"), "ثلاثة": (3, "unit"), "أربع": (4, "unit"), "أربعة": (4, "unit"),
        "خمس": (5, "unit"), "خمسة": (5, "unit"), "ست": (6, "unit"), "ستة": (6, "unit"),
        "سبع": (7, "unit"), "سبعة": (7, "unit"), "ثمان": (8, "unit"), "ثماني": (8, "unit"),
        "ثمانية": (8, "unit"), "تسع": (9, "unit"), "تسعة": (9, "unit"), "عشر": (10, "ten"),
        "عشرة": (10, "ten"), "عشرون": (20, "ten"), "عشرين": (20, "ten"), "ثلاثون": (30, "ten"),
        "ثلاثين": (30, "ten"), "أربعون": (40, "ten"), "أربعين": (40, "ten"), "خمسون": (50, "ten"),
        "خمسين": (50, "ten"), "ستون": (60, "ten"), "ستين": (60, "ten"), "سبعون": (70, "ten"),
        "سبعين": (70, "ten"), "ثمانون": (80, "ten"), "ثمانين": (80, "ten"), "تسعون": (90, "ten"),
        "تسعين": (90, "ten"), "مئة": (100, "hundred"), "مائة": (100, "hundred"),
        "مئتان": (200, "hundred"), "مئتين": (200, "hundred"), "مائتان": (200, "hundred"),
        "مائتين": (200, "hundred"), "مئتا": (200, "hundred"), "مائتا": (200, "hundred"),
        "ألف": (1e3, "scale"), "آلاف": (1e3, "plural"), "ألفان": (2e3, "dual"),
        "ألفين": (2e3, "dual"), "ألفا": (2e3, "dual"), "مليون": (1e6, "scale"),
        "ملايين": (1e6, "plural"), "مليونان": (2e6, "dual"), "مليونين": (2e6, "dual"),
        "مليار": (1e9, "scale"), "مليارات": (1e9, "plural"), "ملياران": (2e9, "dual"),
        "مليارين": (2e9, "dual"), "بليون": (1e9, "scale"), "تريليون": (1e12, "scale"),
        "ترليون": (1e12, "scale"), "تريليونات": (1e12, "plural"), "نصف": (0.5, "frac"),
        "ربع": (0.25, "frac"),
    }.items()
}  # fmt: skip
"""Arabic number word -> its value and how it combines; folding covers hamza/alef."""
for _n, _stem in enumerate(["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"], start=3):
    # ثلاثمئة, تسعمائة: the hundreds are written as one word
    NUMBER_WORDS[_stem + "مئة"] = NumberWord(_n * 100, "hundred")
    NUMBER_WORDS[_stem + "مائة"] = NumberWord(_n * 100, "hundred")

NUMBER_OF = keyed(NUMBER_WORDS)
WORD = alternation(NUMBER_WORDS, trailing_tatweel)
"""Regex for one number word (no group)."""


class SpelledValue(NamedTuple):
    """The value of a spelled-out number."""

    value: float
    scaled: bool
    """It carries a scale word (ألف, مليون ...): salient however small the rest is."""


def words_value(phrase: str) -> SpelledValue | None:
    """Value of a spelled-out number, and whether it carries a scale word (ألف، مليون...).

    None for a bare plural scale (آلاف الجنود, ملايين الدولارات): vague, not a count.
    """
    total = current = 0.0
    last_scale = 0.0
    previous = ""
    scaled = False
    for token in re.split(r"\s+", phrase):
        token = token.replace("\u0640", "")
        if token.startswith("و") and token[1:] in NUMBER_OF and token not in NUMBER_OF:
            token = token[1:]
        value, kind = NUMBER_OF[token]
        if kind == "plural":
            if not current:
                return None
            kind = "scale"
        if kind == "ten" and value == 10 and previous == "unit":
            current += 10  # ثلاثة عشر
        elif kind in {"scale", "dual"}:
            # ألفا جندي is 2000 on its own; ثلاثة آلاف multiplies what came before
            current = current + value if kind == "dual" else (current or 1) * value
            total += current
            current, last_scale, scaled = 0.0, value, True
        elif kind == "frac" and last_scale and previous in {"scale", "dual"}:
            total += value * last_scale
        else:
            current += value
        previous = kind
    return SpelledValue(total + current, scaled)
