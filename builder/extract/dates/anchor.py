"""Anchoring a date on the publication date: which past or coming month, day or year.

A month or weekday without a year is the most recent past-or-same one, unless a deictic word
(الماضي, المقبل) says otherwise or the sentence announces a coming event (سوف, من المقرر,
سيعقد ...), which picks the next one.

The publication date may be known only to the month or the year (:class:`Anchor`): a date
is then resolved only as far as that allows. With only the month known, «أمس» and a bare
weekday have no day, but «الشهر الماضي» is the month before; with only the year, «5 مارس»
(with no deictic word) is taken in that year and «العام الماضي» is the year before, while
«مارس الماضي» and «الشهر الماضي» stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from builder.arabic import fold_keep_length
from builder.model import period_of

_FUTURE_STEMS = ("عقد", "جري", "بدا", "لتقي", "زور", "صل", "تم", "كون", "نطلق", "شارك",
                 "ستضيف", "توجه", "نظم", "جتمع", "لقي", "قام", "دخل", "نتهي", "عود", "حضر",
                 "وقع", "ناقش", "بحث", "نعقد", "صوت", "علن", "طلق", "جتمعون", "لتقيان")  # fmt: skip
_FUTURE_RE = re.compile(
    r"(?<!\w)[وف]?(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المرتقب|المرتقبه|المزمع|"
    r"المزمعه|يعتزم|تعتزم|تعتزمان|يعتزمان"
    # س + a common news verb (سيعقد، ستبدأ، سيلتقي): a generic س-prefix would catch names
    r"|س[يتن](?:" + "|".join(_FUTURE_STEMS) + r")(?:ون|ان)?)(?!\w)"
)
_INITIAL_VERB_RE = re.compile(r"^\W*[وف]?س?[يتن][\u0621-\u064a\u0640]{3,6}(?!\w)")
_FUTURE_REACH = 300
"""Characters before a date looked at for a future marker (the sentence is cut there)."""


@dataclass(frozen=True)
class Anchor:
    """The publication date as far as it is known."""

    year: int
    """Always known."""
    month: int | None
    """None when only the year is known."""
    day: date | None
    """None when only the month or the year is known."""


def parse_published(published: str | None) -> Anchor | None:
    """The publication date from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None when missing
    or malformed."""
    period = period_of(published)
    if period is None:
        return None
    return Anchor(period.year, period.month, period.day)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after (before, when negative) ``year-month``."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def valid(year: int, month: int, day: int) -> bool:
    """True when the day exists (no 31 April, 29 February only in leap years)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_future(text: str, position: int, lead_verb: bool = False) -> bool:
    """True when the sentence announces a coming event (used to pick the next occurrence).

    Explicit markers (سوف، من المقرر، المرتقب...) count everywhere; with ``lead_verb`` a
    sentence opening on an imperfective verb (تعقد الدولتان، الأربعاء...) counts too, which
    is how Arabic news previews a meeting on a named weekday.
    """
    # Only what precedes the date counts: a future verb after it is usually reported speech.
    window = text[max(0, position - _FUTURE_REACH) : position]
    cut = max(window.rfind("\n"), *(window.rfind(mark + " ") for mark in ".!؟?"))
    before = fold_keep_length(window[cut + 1 :])
    if _FUTURE_RE.search(before):
        return True
    return lead_verb and _INITIAL_VERB_RE.match(before) is not None


def deictic_direction(deic: str | None) -> int | None:
    """-1 past, +1 next, 0 current, None when there is no deictic word."""
    if not deic:
        return None
    word = deic.replace("\u0640", "")
    if word.startswith(("الماضي", "المنصرم", "الفائت")):
        return -1
    if word.startswith(("المقبل", "القادم")):
        return 1
    return 0


def month_year(
    pub: Anchor, month: int, direction: int | None, future: bool, since: bool = False
) -> int | None:
    """The year a month without a year refers to, seen from the publication date; ``since``
    for a month after منذ (always a past one). With only the publication year known, a month
    with no deictic word is taken in that year, and a past or coming one (الماضي, المقبل,
    منذ) is unresolved: it may be in the year before or after."""
    if since and direction is None:
        direction = -1
    if pub.month is None:
        return pub.year if direction in (None, 0) else None
    return _month_year(pub.year, pub.month, month, direction, future)


def _month_year(year: int, pub_month: int, month: int, direction: int | None, future: bool) -> int:
    if direction == -1:
        return year if month < pub_month else year - 1
    if direction == 1:
        return year if month > pub_month else year + 1
    if direction == 0 or month == pub_month:
        return year
    if future:
        return year if month > pub_month else year + 1
    return year if month < pub_month else year - 1
