"""Periods relative to the publication date: «الشهر الماضي», «هذا العام», «قبل ثلاثة أيام».

``قبل N أيام/أسابيع`` resolves to a day (a month with نحو/حوالي), months to ``YYYY-MM``,
years to ``YYYY``; «منذ عامين» is usually a duration ("for two years"), not a point in time,
and is left to the numbers. Each needs the part of the publication date it counts from: a
day for days and weeks, a month for months, a year for years and decades; without it the
mention is found but left unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import NamedTuple

from builder.extract.dates.anchor import Anchor, deictic_direction, shift_month
from builder.extract.dates.base import DEIC, HMONTH, MONTH, PRO, QUAL, DateFound, word_before
from builder.extract.patterns import alternation, keyed, norm


class AgoUnit(NamedTuple):
    """A unit word after قبل/منذ."""

    kind: str
    """``d`` days, ``w`` weeks, ``m`` months, ``y`` years, ``y10`` decades."""
    implied: int | None
    """The count the form implies (2 for a dual), None for a plural that needs a number."""


_AGO_UNITS = {
    word: AgoUnit(*entry)
    for word, entry in {
        "يوم": ("d", 1), "يومين": ("d", 2), "أيام": ("d", None), "أسبوع": ("w", 1),
        "أسبوعين": ("w", 2), "أسابيع": ("w", None), "شهر": ("m", 1), "شهرين": ("m", 2),
        "أشهر": ("m", None), "شهور": ("m", None), "عام": ("y", 1), "عامين": ("y", 2),
        "أعوام": ("y", None), "سنة": ("y", 1), "سنتين": ("y", 2), "سنوات": ("y", None),
        "عقد": ("y10", 1), "عقدين": ("y10", 2), "عقود": ("y10", None),
    }.items()
}  # fmt: skip
_SMALL_NUMBERS = {"ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
                  "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8,
                  "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10}  # fmt: skip
_SMALL_FOLDED = keyed(_SMALL_NUMBERS)
_AGO_FOLDED = keyed(_AGO_UNITS)

# Nouns that take العام as the adjective "general/public", not "year".
_GENERAL_BEFORE = {norm(w) for w in [
    "الأمين", "الأمانة", "المدعي", "النائب", "الرأي", "المدير", "القائد", "المراقب", "المفتش",
    "الإضراب", "القطاع", "الشأن", "النظام", "الصالح", "المال", "الدين", "الاتجاه", "الوضع",
    "المؤتمر", "المشهد", "الإطار", "الحق", "الأمن", "الموظف", "التعليم", "العفو", "الإنفاق",
    "المجال", "العمل", "النقل", "المنسق", "المقرر", "المرشد", "المستشار", "الحزب", "المجلس",
    "الذوق", "التوجه", "الطابع", "المزاج", "الإجماع", "العام", "المناخ", "المفوض", "القنصل",
]}  # fmt: skip

PERIOD_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?P<qual>{QUAL})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
    r"(?P<unit>الشهر|الاسبوع|العام|السنه|العقد)"
    rf"(?:\s+(?P<deic>{DEIC}))?"
    r")(?!\w)"
)
AGO_RE = re.compile(
    r"(?<!\w)(?P<body>(?P<pre>قبل|منذ)\s+"
    r"(?:(?P<approx>نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يقارب)\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|{alternation(_SMALL_NUMBERS)})\s+)?(?P<u>{alternation(_AGO_UNITS)}))(?!\w)"
    rf"(?!\s+(?:(?:من|علي)(?!\w)|ال|{MONTH}|{HMONTH}))"
)


def find_periods(folded: str, pub: Anchor | None) -> Iterator[DateFound]:
    """«الشهر الماضي», «الأسبوع المقبل», «هذا العام», «العقد الماضي»."""
    for m in PERIOD_RE.finditer(folded):
        if m["unit"] == "العام" and word_before(folded, m.start()) in _GENERAL_BEFORE:
            continue  # الأمين العام الحالي: العام is the adjective "general"
        if m["unit"] == "العقد" and (m["this"] or deictic_direction(m["deic"]) == 0):
            continue  # «العقد الحالي» is as often the current contract as the decade
        direction = deictic_direction(m["deic"])
        if direction is None:
            if not m["this"]:
                continue
            direction = 0
        elif m["this"]:
            continue
        resolved = _period_value(m["unit"], direction, pub) if pub else None
        yield DateFound(m.start("body"), m.end("body"), None, resolved, True, "gregorian")


def _period_value(unit: str, direction: int, pub: Anchor) -> str | None:
    """The month, week's day, year or decade ``direction`` (-1, 0, 1) of the publication
    date's; None when the date is not known that precisely."""
    if unit == "الشهر":
        if pub.month is None:
            return None
        y, mo = shift_month(pub.year, pub.month, direction)
        return f"{y}-{mo:02d}"
    if unit == "الاسبوع":
        return (pub.day + timedelta(days=7 * direction)).isoformat() if pub.day else None
    if unit == "العقد":
        if direction == -1:
            return f"{pub.year - 10}/{pub.year}"
        if direction == 1:
            return f"{pub.year}/{pub.year + 10}"
        return f"{pub.year // 10}X"
    return str(pub.year + direction)


def find_ago(folded: str, pub: Anchor | None) -> Iterator[DateFound]:
    """«قبل ثلاثة أيام», «قبل أسبوعين», «منذ يومين»: a point counted back from publication."""
    for m in AGO_RE.finditer(folded):
        kind, implied = _AGO_FOLDED[norm(m["u"])]
        if m["n"]:
            count = int(m["n"]) if m["n"].isdigit() else _SMALL_FOLDED[norm(m["n"])]
            if implied == 2:
                continue  # «قبل ثلاثة يومين» is not Arabic; a number before a dual is noise
        elif implied is None:
            continue  # «قبل أيام»: too vague to place
        else:
            count = implied
        if m["pre"] == "منذ" and kind not in {"d", "w"}:
            continue  # منذ عامين is usually a duration ("for two years"), not a point in time
        resolved = _ago_value(kind, count, bool(m["approx"]), pub) if pub else None
        yield DateFound(m.start("body"), m.end("body"), None, resolved, True, "gregorian")


def _ago_value(kind: str, count: int, approx: bool, pub: Anchor) -> str | None:
    """``count`` days, weeks, months, years or decades before the publication date (a day's
    month when ``approx``); None when the date is not known that precisely."""
    if kind in {"d", "w"}:
        if pub.day is None:
            return None
        point = pub.day - timedelta(days=count * (7 if kind == "w" else 1))
        return point.isoformat()[:7] if approx else point.isoformat()
    if kind == "m":
        if pub.month is None:
            return None
        y, mo = shift_month(pub.year, pub.month, -count)
        return f"{y}-{mo:02d}"
    return str(pub.year - count * (10 if kind == "y10" else 1))
