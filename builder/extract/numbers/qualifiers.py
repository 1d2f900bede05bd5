"""Hedges around a number (``أكثر من``, ``نحو``, ``تقريبا``) and labels that make it a name.

A hedge before the number joins the span, with an attached ب/ل (``بأكثر من 20%``); one
after it (``تقريبا``, ``على الأقل``) joins too when there was none before. After a label
(``القرار 2231``, ``المادة 5``, ``الفرقة 82``) a number is a reference, not a quantity.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.extract.patterns import TATWEEL, alternation, keyed, norm, trailing_tatweel

QUALIFIERS: dict[str, str] = {
    "أكثر من": "more than", "ما يزيد على": "more than", "ما يزيد عن": "more than",
    "يزيد على": "more than", "يزيد عن": "more than", "ما يربو على": "more than",
    "يربو على": "more than", "أزيد من": "more than", "ما يفوق": "more than",
    "يفوق": "more than", "ما يتجاوز": "more than", "يتجاوز": "more than", "فوق": "more than",
    "نحو": "about", "حوالي": "about", "حوالى": "about", "قرابة": "about", "زهاء": "about",
    "ما يقرب من": "about", "يقرب من": "about", "ما يقارب": "about", "يقارب": "about",
    "ما يناهز": "about", "يناهز": "about", "في حدود": "about", "حدود": "about",
    "أقل من": "less than", "ما يقل عن": "less than", "دون": "less than",
    "ما لا يقل عن": "at least", "لا يقل عن": "at least", "ما لا يزيد على": "at most",
    "ما لا يزيد عن": "at most", "ما يصل إلى": "up to", "يصل إلى": "up to", "تصل إلى": "up to",
}  # fmt: skip
"""Arabic hedge before a number -> the English qualifier reported."""

# Words after which a number is a name or a reference, not a quantity.
_LABELS = {
    "رقم", "القرار", "قرار", "المادة", "مادة", "البند", "الفقرة", "الفصل", "الصفحة", "ص",
    "الباب", "طراز", "الطراز", "موديل", "الدورة", "الجولة", "النسخة", "المرحلة", "الفئة",
    "الحلقة", "الجزء", "العدد", "الساعة", "الطريق", "الكيلو", "الفرقة", "اللواء",
    "المبنى", "الحي", "الشارع", "الدرجة", "المركز", "المرتبة", "الجيل", "المجموعة",
    "كوفيد", "الآية", "سورة", "الجدول", "الشكل", "الملحق", "قانون", "القانون", "المرسوم",
}  # fmt: skip
_LABELS_FOLDED = {norm(word) for word in _LABELS}

_QUALIFIER_OF = keyed(QUALIFIERS)
_QUAL_BEFORE_RE = re.compile(
    r"(?<!\w)(?:و)?(?P<q>[بل]?" + alternation(QUALIFIERS, trailing_tatweel) + r")\s+$"
)
_AFTER_QUAL_RE = re.compile(r"\s+(?P<aq>تقريبا|علي\s+الاقل)" + TATWEEL + r"(?!\w)")
_HEDGE_REACH = 20
"""Characters before a number looked at for its hedge."""


class Hedge(NamedTuple):
    """A hedge next to a number."""

    qualifier: str
    """English qualifier (``about``, ``more than`` ...)."""
    edge: int
    """The span's new start (hedge before) or end (hedge after)."""


def hedge_before(folded: str, start: int) -> Hedge | None:
    """The hedge right before ``start`` (an attached ب/ل included), if any."""
    window = max(0, start - _HEDGE_REACH)
    q = _QUAL_BEFORE_RE.search(folded[window:start])
    if q:
        key = norm(q["q"])
        qualifier = _QUALIFIER_OF.get(key) or _QUALIFIER_OF.get(key[1:])
        if qualifier:
            return Hedge(qualifier, window + q.start("q"))
    return None


def hedge_after(folded: str, end: int) -> Hedge | None:
    """«تقريبا» or «على الأقل» right after ``end``, if any."""
    after = _AFTER_QUAL_RE.match(folded, end)
    if after is None:
        return None
    return Hedge("about" if after["aq"].startswith("تقريب") else "at least", after.end())


def is_label(word: str) -> bool:
    """True when ``word`` (the word before a number) makes the number a reference."""
    return word in _LABELS_FOLDED or word.lstrip("وبل") in _LABELS_FOLDED
