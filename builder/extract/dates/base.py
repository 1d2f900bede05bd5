"""What every date rule shares: the candidate type and the calendar vocabulary.

Words are matched on folded text (see :mod:`builder.extract.patterns`); month names come
from CLDR for every Arabic locale, plus the press spellings CLDR lacks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, localedata

from builder.extract.patterns import TATWEEL, alternation, keyed, norm, previous_word


class DateFound(NamedTuple):
    """A date candidate, before overlapping candidates are resolved."""

    start: int
    """Offset of the span in the text."""
    end: int
    """Offset after the span (trailing punctuation is trimmed later)."""
    iso: str | None
    """The value from the text alone (``XXXX-MM``, ``194X``, ``A/B``), None when relative."""
    resolved: str | None
    """The value anchored on the publication date, None when it cannot be."""
    relative: bool
    """The value depends on the publication date."""
    calendar: str
    """``gregorian`` or ``hijri``."""


def words(spaced: str) -> list[str]:
    """A word list written as one space-separated string."""
    return spaced.split()


# Spellings the press uses that CLDR lacks (hamza/alef variants are handled by folding).
_EXTRA_MONTHS = {
    "يوليه": 7, "سپتمبر": 9, "أوكتوبر": 10, "كانون ثاني": 1, "كانون أول": 12,
    "تشرين أول": 10, "تشرين ثاني": 11, "جويليه": 7, "فبرير": 2, "ديسيمبر": 12,
}  # fmt: skip

HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6,
    "جمادى الآخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11,
    "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}  # fmt: skip

WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6}  # fmt: skip
WEEKDAYS_FOLDED = keyed(WEEKDAYS)


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    """Folded Arabic month name -> month number (CLDR, every Arabic locale, plus variants)."""
    table: dict[str, int] = {}
    for ident in localedata.locale_identifiers():
        if not ident.startswith("ar"):
            continue
        locale = Locale.parse(ident)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = norm(name)
                    if re.search("[\u0621-\u064a]", key):
                        table.setdefault(key, number)
    for name, number in _EXTRA_MONTHS.items():
        table.setdefault(norm(name), number)
    return table


def month_number(name: str) -> int:
    """The number of a Gregorian month name as matched."""
    return month_table()[norm(name)]


def word_before(folded: str, start: int) -> str:
    """The word before ``start``, without an attached و/ف (in a word of four letters or more,
    so that وفد stays وفد)."""
    word = previous_word(folded, start)
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


# The patterns below are regex source, shared by several rules.
MONTH = alternation(month_table())
HMONTH = alternation(HIJRI_MONTHS)
WEEKDAY = alternation(WEEKDAYS)
YEAR = r"(?<!\d)(?:1[0-9]\d\d|20\d\d)(?![\d%٪])"
"""A Gregorian year from 1000 to 2099, not part of a longer number or a percentage."""
QUAL = alternation(["منتصف", "أواخر", "أوائل", "نهاية", "بداية", "مطلع", "أواسط", "أول", "آخر",
                    "ختام", "مستهل", "أوسط"])  # fmt: skip
"""Period qualifiers that bind to a month or a year: «نهاية أكتوبر», «أوائل عام 2022»."""
DEIC = alternation(
    words(
        "الماضي الماضية المقبل المقبلة القادم القادمة الجاري الجارية الحالي الحالية"
        " المنصرم المنصرمة الفائت الفائتة"
    )
)
"""Deictic adjectives: «فبراير الماضي», «الأسبوع المقبل»."""
TOD = alternation(["صباح", "مساء", "ليلة", "فجر", "ظهر", "عصر", "ليل", "ظهيرة"])
"""Times of day that frame a day: «مساء الأحد», «صباح أمس»."""
# Nouns that take a month or a year as genitive: «اجتماع مارس», «حرب 1967».
EVENT = alternation(
    words(
        "اجتماع اجتماعات قمة مؤتمر انتخابات هجمات هجوم أحداث ثورة اتفاق اتفاقية معاهدة مناقشات"
        " محادثات زيارة حرب انتفاضة جولة مفاوضات لقاء تقرير بيان إعلان استفتاء انقلاب غزو مناورات"
        " تدريبات دستور أزمة نكسة عدوان موازنة ميزانية رؤية استراتيجية خطة عقيدة تفجيرات قرار"
    )
)
HIJRI_MARK = r"(?:ه" + TATWEEL + r"(?![\u0621-\u064a])\.?|هجريه|هجري|للهجره)"
"""هـ or هجري after a Hijri year."""
PRO = r"(?<!\w)(?:وب|ول|فب|فل|و|ف|ب|ل)?"
"""Attached conjunctions and prepositions, left outside the span (the rules' ``body``)."""
