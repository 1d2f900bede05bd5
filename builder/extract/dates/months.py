"""Explicit calendar dates: a month name with what binds to it, and all-digit dates.

A month expression is the month name, its paired form and what binds to it: a day or day
range before it (``3 سبتمبر``, ``10 و12 مارس``), ``شهر``, a period qualifier (``نهاية
أكتوبر``), a year after it and a deictic word (``فبراير الماضي``). Paired forms
(``مارس/آذار``, ``مارس (آذار)``, ``آذار/مارس``) are one mention. A month without a year is
resolved on the publication date (:mod:`builder.extract.dates.anchor`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.extract.dates.anchor import Anchor, deictic_direction, is_future, month_year, valid
from builder.extract.dates.base import (
    DEIC,
    EVENT,
    HIJRI_MARK,
    MONTH,
    PRO,
    QUAL,
    WEEKDAY,
    YEAR,
    DateFound,
    month_number,
    word_before,
)
from builder.extract.patterns import TATWEEL, alternation, norm

# Month names that are also ordinary words (مارس a verb, آب father, نيسان a car maker, ماي
# and أوت in loanwords): they need a date context before they count.
_AMBIGUOUS_MONTHS = {"مارس", "ماي", "اب", "اوت", "نيسان"}
_CONTEXT_WORDS = {norm(w) for w in ["في", "منذ", "خلال", "حتى", "قبل", "بعد", "من", "إلى",
                                    "بين", "بحلول", "طوال", "شهر", "شهري", "مطلع", "منتصف",
                                    "أواخر", "أوائل", "نهاية", "بداية", "أواسط"]}  # fmt: skip
_EVENT_WORDS_RE = re.compile(rf"^[وبل]?(?:ال)?{EVENT}$")

_YEAR_PART = (
    rf"(?:\s*(?:[/,،-]\s*)?(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<year>{YEAR})"
    rf"(?:\s*م(?!\w)\.?)?(?!\s*{HIJRI_MARK}))"
)
_REL_YEAR = rf"(?:\s+(?:من\s+)?(?P<ryear>(?:ال)?(?:عام|سنه))\s+(?P<rdeic>{DEIC}))"

MONTH_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?:يوم\s+)?(?P<wd>{WEEKDAY})\s*[,،]?\s+)?"
    rf"(?:(?P<qual>{QUAL})\s+)?"
    r"(?:(?:ال" + TATWEEL + r")?(?P<day>(?<!\d)[0-3]?\d)(?![\d%٪])"
    r"(?:\s*(?:و|-|–|الي|حتي)\s*(?P<day2>[0-3]?\d)(?!\d))?\s*"
    rf"|(?P<first>{alternation(['الأول', 'أول'])})\s+)?"
    r"(?:من\s+)?(?:(?P<shahr>شهر)\s+)?"
    rf"(?P<m1>{MONTH})(?!\w)"
    rf"(?:\s*(?:/|\\|-|–)?\s*\(?\s*(?P<m2>{MONTH})(?!\w)(?:\s*\))?)?"
    rf"(?:{_YEAR_PART}|{_REL_YEAR}|\s+(?P<deic>{DEIC})(?!\w))?"
    r")"
)
NUMERIC_RE = re.compile(
    r"(?<![\d/.\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\d/.\-])"
)


def find_months(text: str, folded: str, pub: Anchor | None) -> Iterator[DateFound]:
    """Month expressions: «3 سبتمبر 2019», «مارس/آذار», «فبراير الماضي», «نهاية أكتوبر»."""
    for m in MONTH_RE.finditer(folded):
        month = month_number(m["m1"])
        end = m.end("body")
        if m["m2"] and month_number(m["m2"]) != month:
            end = m.end("m1")  # not a pair: two different months side by side
        day = int(m["day"]) if m["day"] else None
        if m["first"]:
            day = 1
        has_year = bool(m["year"]) and end == m.end("body")
        paired = bool(m["m2"]) and end == m.end("body")
        deic = m["deic"] or m["rdeic"]
        if not (day or has_year or paired or deic or m["shahr"] or m["qual"]):
            prev = word_before(folded, m.start())
            if norm(m["m1"]) in _AMBIGUOUS_MONTHS and not (
                prev in _CONTEXT_WORDS or _EVENT_WORDS_RE.match(prev)
            ):
                continue
        start = m.start("body")
        if m["wd"] and not day:
            start = m.start("qual") if m["qual"] else m.start("m1")  # weekday applies to a day only
            if m["shahr"]:
                start = m.start("shahr")
        if day is not None and not 1 <= day <= 31:
            continue
        day2 = int(m["day2"]) if m["day2"] and day else None
        mm = f"{month:02d}"
        if has_year:
            year = int(m["year"])
            if day and not valid(year, month, day):
                continue
            iso = f"{year}-{mm}" + (f"-{day:02d}" if day else "")
            if day2:
                iso = f"{iso}/{year}-{mm}-{day2:02d}"
            yield DateFound(start, end, iso, iso, False, "gregorian")
            continue
        iso = f"XXXX-{mm}" + (f"-{day:02d}" if day else "")
        if day2:
            iso = f"{iso}/XXXX-{mm}-{day2:02d}"
        resolved = _resolve(text, folded, m, month, iso, pub)
        yield DateFound(start, end, iso, resolved, bool(deic), "gregorian")


def _resolve(
    text: str, folded: str, m: re.Match[str], month: int, iso: str, pub: Anchor | None
) -> str | None:
    """``iso`` (``XXXX-MM...``) with the year of a month written without one, seen from the
    publication date (None when that date does not tell it)."""
    if not pub:
        return None
    direction = deictic_direction(m["deic"] or m["rdeic"])
    year: int | None
    if m["ryear"]:
        year = pub.year + (direction or 0)  # «مارس من العام الماضي»: the deictic is the year's
    else:
        since = word_before(folded, m.start()) == "منذ"  # منذ مارس: always past
        future = not since and is_future(text, m.start(), lead_verb=True)
        year = month_year(pub, month, direction, future, since)
    return None if year is None else iso.replace("XXXX", str(year))


def find_numeric(folded: str) -> Iterator[DateFound]:
    """All-digit dates, day first or year first: «16/06/2021», «2021-06-16»."""
    for m in NUMERIC_RE.finditer(folded):
        if m["y"]:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        else:
            year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
        if 1000 <= year <= 2199 and valid(year, month, day):
            iso = f"{year}-{month:02d}-{day:02d}"
            yield DateFound(m.start(), m.end(), iso, iso, False, "gregorian")
