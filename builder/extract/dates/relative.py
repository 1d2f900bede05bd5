"""Days named relative to the publication date: weekdays and «أمس», «اليوم», «غدا».

A bare weekday is the nearest past-or-same one, the next one when the sentence announces a
coming event or with المقبل/القادم; «اليوم» is today only where it is not «the day» (اليوم
التالي, اليوم الوطني, روسيا اليوم). They resolve only when the publication day is known: with
only its month or year, they are found but left unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from builder.extract.dates.anchor import Anchor, deictic_direction, is_future
from builder.extract.dates.base import (
    DEIC,
    PRO,
    TOD,
    WEEKDAY,
    WEEKDAYS_FOLDED,
    DateFound,
    word_before,
    words,
)
from builder.extract.patterns import TATWEEL, norm, squash

WEEKDAY_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?P<tod>{TOD})\s+)?(?:يوم\s+)?(?P<wd>{WEEKDAY})(?!\w)"
    rf"(?:\s+(?P<deic>{DEIC}))?(?!\w)"
    r")"
)
DAY_WORD_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?P<tod>{TOD})\s+)?(?:يوم\s+)?"
    r"(?P<w>امس\s+الاول|اول\s+امس|امس|البارحه|الامس|اليوم|غدا|غد|بعد\s+غد)"
    + TATWEEL
    # The press names the day too: «أمس الأحد», «اليوم (الخميس)», «غدا الاثنين» are one date.
    + rf"(?:\s*\(\s*{WEEKDAY}\s*\)|\s+{WEEKDAY}(?!\w))?"
    + r")(?!\w)"
)
# «بين الأحد والخميس», «صلاة الجمعة», «كل أحد»: a weekday as a name or a habit, not a date.
_NOT_WEEKDAY_BEFORE = {"بين", "كلا", "هذين", "صلاه", "خطبه", "صلوات", "كل", "ايام", "يوما"}
# «روسيا اليوم» (a channel), «مثل هذا اليوم», «نفس اليوم»: not today.
_NOT_TODAY_BEFORE = set(words("روسيا مثل اخبار العالم مصر السودان تونس نفس ذات ذلك"))
_NOT_TODAY_AFTER = re.compile(
    r"\s*(?:\d|نفس|ذات|ذاك|من\s+ايام|(?:التالي|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع"
    r"|الثامن|التاسع|العاشر|الاخير|الوطني|العالمي|الدولي|السابق|الموالي|المقبل|الموعود|الذي|المحدد"
    r"|المشهود|الواحد|الكامل|المفتوح|الختامي|الافتتاحي|الدراسي|الحاسم|الاسود|الاخر)(?!\w))"
)
_WEEKDAY_AFTER = re.compile(r"\s*[,،]?\s*" + WEEKDAY)


def find_weekdays(text: str, folded: str, anchor: Anchor | None) -> Iterator[DateFound]:
    """«الأحد», «يوم الخميس المقبل», «مساء السبت» as days near the publication date."""
    for m in WEEKDAY_RE.finditer(folded):
        wd = WEEKDAYS_FOLDED[norm(m["wd"])]
        after = folded[m.end("wd") : m.end("wd") + 12]
        if word_before(folded, m.start()) in _NOT_WEEKDAY_BEFORE:
            continue
        if (wd == 6 and re.match(r"\s+عشر", after)) or (wd == 0 and re.match(r"\s+معا", after)):
            continue  # الأحد عشر (eleven), الاثنين معا (both)
        resolved = None
        pub = anchor.day if anchor else None
        if pub:
            direction = deictic_direction(m["deic"])
            if direction is None:
                # 2: the coming one, or today (a preview names the meeting day)
                direction = 2 if is_future(text, m.start(), lead_verb=True) else 0
            back = (pub.weekday() - wd) % 7
            if direction == -1:
                day = pub - timedelta(days=back or 7)
            elif direction == 1:
                day = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            elif direction == 2:
                day = pub + timedelta(days=(wd - pub.weekday()) % 7)
            else:
                day = pub - timedelta(days=back)
            resolved = day.isoformat()
        yield DateFound(m.start("body"), m.end("body"), None, resolved, True, "gregorian")


def find_day_words(text: str, folded: str, anchor: Anchor | None) -> Iterator[DateFound]:
    """«أمس», «أول أمس», «اليوم», «غدا», «بعد غد» as days from the publication date."""
    pub = anchor.day if anchor else None
    for m in DAY_WORD_RE.finditer(folded):
        word = squash(m["w"])
        after = folded[m.end() : m.end() + 16]
        prev = word_before(folded, m.start())
        has_frame = m["tod"] or "يوم" in m["body"][: m.start("w") - m.start("body")]
        if word == "اليوم":
            if _NOT_TODAY_AFTER.match(after) and not _WEEKDAY_AFTER.match(after):
                continue  # اليوم التالي، اليوم الوطني، اليوم نفسه: a day, not today
            if prev in _NOT_TODAY_BEFORE:
                continue
            offset = 0
        elif word in {"الامس"} and not has_frame:
            continue  # «حلفاء الأمس»: figurative
        elif word == "غد" and not has_frame:
            continue
        elif word in {"امس", "البارحه", "الامس"}:
            offset = -1
        elif word in {"امس الاول", "اول امس"}:
            offset = -2
        elif word == "بعد غد":
            offset = 2
        else:
            offset = 1
        resolved = (pub + timedelta(days=offset)).isoformat() if pub else None
        yield DateFound(m.start("body"), m.end("body"), None, resolved, True, "gregorian")
