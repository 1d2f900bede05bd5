"""Years, year ranges and decades: «في عام 2019», «بين عامي 2021 و2023», «2021-2025»,
«حرب 1967», «الثمانينيات», «العقد الأول من القرن الحادي والعشرين».

A year written with ``عام``/``سنة`` includes the one preposition or qualifier word in front
of it (``في عام 2019``, ``لعام 2001``, ``أواخر عام 2024``); ``بين عامي 2021 و2023`` gives
two bare-year mentions; ``2021-2025`` is one interval. A bare year needs date context: a
preposition (``في 2014``, included in the span), an event noun (``حرب 1967``, year only),
or a month; a counted noun after it (``2000 جندي``) makes it a quantity, not a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.extract.counted import CountedNouns
from builder.extract.dates.base import EVENT, PRO, QUAL, YEAR, DateFound
from builder.extract.patterns import TATWEEL, alternation, keyed, norm

_DECADES = {"عشرين": 2, "ثلاثين": 3, "أربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7,
            "ثمانين": 8, "تسعين": 9}  # fmt: skip
_ORDINALS = {"الأول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3, "الخامس": 4, "السادس": 5,
             "السابع": 6, "الثامن": 7, "التاسع": 8, "العاشر": 9}  # fmt: skip
_DECADES_FOLDED = keyed(_DECADES)
_ORDINALS_FOLDED = keyed(_ORDINALS)

_PREP = alternation(["في", "منذ", "حتى", "بحلول", "من", "خلال", "قبل", "بعد", "إلى", "طوال"])
_BARE_PREP = alternation(["في", "منذ", "حتى", "بحلول", "خلال", "قبل", "بعد", "طوال"])
"""Prepositions that make a bare number a year (من and إلى alone are too common)."""

YEAR_RE = re.compile(
    r"(?<!\w)(?:و|ف)?(?P<body>"
    rf"(?:(?P<pre>{_PREP}|{QUAL})\s+)?(?P<aam>[لب]?(?:ال)?(?:عام|سنه))\s+(?P<y>{YEAR})"
    rf"(?:\s*م(?!\w)\.?)?"
    rf"|(?P<pre2>{_BARE_PREP}|{QUAL})\s+(?P<y2>{YEAR})(?:\s*م(?!\w)\.?)?"
    r")"
)
YEARS_PAIR_RE = re.compile(
    rf"(?<!\w)(?:[لب]?(?:ال)?(?:عامي|سنتي)|بين|من)\s+(?P<a>{YEAR})\s*"
    rf"(?:و|الي|حتي|-)\s*(?:(?:ال)?عام\s+)?(?P<b>{YEAR})"
)
YEAR_RANGE_RE = re.compile(rf"(?<![\w\-])(?P<a>{YEAR})\s*[-–/]\s*(?P<b>{YEAR})(?![\w\-])")
EVENT_YEAR_RE = re.compile(rf"(?<!\w)[وبل]?(?:ال)?{EVENT}\s+(?P<y>{YEAR})(?:\s*م(?!\w))?")
_CENTURY = r"القرن\s+(?:الماضي|العشرين|الحالي|الجاري|الحادي\s+والعشرين)"
DECADE_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?P<qual>{QUAL})\s+)?(?:(?:عقد|حقبه|فتره)\s+)?(?:ال)?"
    rf"(?P<dec>{alternation(_DECADES)})" + TATWEEL + r"(?:ي" + TATWEEL + r")?ا" + TATWEEL + r"ت"
    rf"(?:\s+(?:من\s+)?(?P<cent>{_CENTURY}))?"
    rf"|(?:(?P<qual2>{QUAL})\s+)?العقد\s+(?P<ord>{alternation(_ORDINALS)})\s+(?:من\s+)?"
    rf"(?P<cent2>{_CENTURY})"
    r")(?!\w)"
)


def find_years(folded: str, nouns: CountedNouns) -> Iterator[DateFound]:
    """Years with عام/سنة or a preposition, pairs and ranges of years, years after an event
    noun; ``nouns`` tell a quantity (2000 جندي) from a year."""
    quantity = nouns.counted_after
    for m in YEAR_RE.finditer(folded):
        year_group = "y" if m["y"] else "y2"
        if m["pre2"] and quantity(folded, m.end(year_group)):
            continue
        iso = m[year_group]
        yield DateFound(m.start("body"), m.end("body"), iso, iso, False, "gregorian")
    for m in YEARS_PAIR_RE.finditer(folded):
        if quantity(folded, m.end("b")) or int(m["a"]) >= int(m["b"]):
            continue
        for group in ("a", "b"):
            yield DateFound(m.start(group), m.end(group), m[group], m[group], False, "gregorian")
    for m in YEAR_RANGE_RE.finditer(folded):
        if int(m["a"]) < int(m["b"]) and not quantity(folded, m.end()):
            iso = f"{m['a']}/{m['b']}"
            yield DateFound(m.start(), m.end(), iso, iso, False, "gregorian")
    for m in EVENT_YEAR_RE.finditer(folded):
        if not quantity(folded, m.end("y")):
            yield DateFound(m.start("y"), m.end(), m["y"], m["y"], False, "gregorian")


def _century(name: str | None) -> int:
    """2000 for this century (الحالي, الجاري, الحادي والعشرين), 1900 otherwise."""
    return 2000 if name and re.search("الحالي|الجاري|الحادي", name) else 1900


def find_decades(folded: str) -> Iterator[DateFound]:
    """«الثمانينيات (من القرن الماضي)», «العقد الأول من القرن الحادي والعشرين»: ``198X``."""
    for m in DECADE_RE.finditer(folded):
        if m["dec"]:
            decade = _century(m["cent"]) + 10 * _DECADES_FOLDED[norm(m["dec"])]
        else:
            decade = _century(m["cent2"]) + 10 * _ORDINALS_FOLDED[norm(m["ord"])]
        iso = f"{decade // 10}X"
        yield DateFound(m.start("body"), m.end("body"), iso, iso, False, "gregorian")
