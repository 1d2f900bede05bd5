"""Dates as a reader reads them.

Publication dates: a day in words (``21 June 2024``, «21 يونيو 2024»), a month known
without its day by its CLDR name and year (``July 2012``, ``يوليو 2012``), a year known
alone as the year (``2025``), with a note saying what is not known. Dates the text
mentions (:func:`date_words`): every form the extractor gives in words, never as an ISO
pattern: ``XXXX-10`` is «October (year not stated)», ``196X`` «the 1960s», ``2015/2025``
«2015–2025».
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from babel.dates import get_month_names

from builder.model import InferredValue, period_of
from builder.render import markup
from builder.render.labels import label
from builder.render.markup import Lang


@lru_cache(maxsize=2)
def _month_names(lang: Lang) -> Mapping[int, str]:
    return dict(get_month_names("wide", locale=lang))


def date_text(value: str, lang: Lang) -> str:
    """A publication date in ``lang`` (plain text, to be escaped where shown): a day as
    «13 December 2023» («13 ديسمبر 2023»), a month without its day as «July 2012», a year
    as itself; anything else as given."""
    period = period_of(value)
    if period is None or period.month is None:
        return value
    if period.day is not None:
        return date_words(value, lang)
    return f"{_month_names(lang)[period.month]} {period.year}"


def date_shown(value: str, lang: Lang) -> str:
    """A date as shown on a page (markup): :func:`date_text`, isolated in its own direction
    (:func:`builder.render.markup.isolated`), so that an ISO date after Arabic text does not
    read backwards."""
    return markup.isolated(date_text(value, lang))


def published_shown(published: InferredValue, lang: Lang) -> tuple[str, tuple[str, ...]]:
    """A brief's publication date as shown (plain text) and the notes that go with it: what
    a partial date leaves unknown, and whether it was inferred from the text."""
    value = published["value"]
    if value is None:
        return label("unknown", lang), ()
    notes = [
        precision_note(value, lang),
        label("inferred", lang) if published["inferred"] else None,
    ]
    return date_text(value, lang), tuple(note for note in notes if note)


def precision_note(value: str, lang: Lang) -> str | None:
    """What a partial publication date leaves unknown ("day unknown"), None for a day."""
    period = period_of(value)
    if period is None or period.precision == "day":
        return None
    return label(f"{period.precision}_only", lang)


_DAY = re.compile(r"(?P<year>[0-9]{4}|XXXX)(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?\Z")
_DECADE = re.compile(r"(?P<decade>[0-9]{3})X\Z")

# Arabic decades as the press writes them («ستينيات القرن العشرين», «العقد الأول من القرن
# الحادي والعشرين»): CLDR has no words for decades.
_AR_DECADES = {
    2: "عشرينيات",
    3: "ثلاثينيات",
    4: "أربعينيات",
    5: "خمسينيات",
    6: "ستينيات",
    7: "سبعينيات",
    8: "ثمانينيات",
    9: "تسعينيات",
}
_AR_ORDINAL_DECADES = {0: "العقد الأول من", 1: "العقد الثاني من"}
_AR_CENTURIES = {19: "القرن العشرين", 20: "القرن الحادي والعشرين", 18: "القرن التاسع عشر"}

_NO_YEAR: dict[Lang, str] = {"en": "year not stated", "ar": "السنة غير مذكورة"}


def _decade_words(decade: int, lang: Lang) -> str:
    """``196`` (the years 1960–1969) as «the 1960s» or «ستينيات القرن العشرين»."""
    if lang == "en":
        return f"the {decade}0s"
    century, tens = divmod(decade, 10)
    if century not in _AR_CENTURIES:
        return f"{decade}0–{decade}9"
    if tens in _AR_DECADES:
        return f"{_AR_DECADES[tens]} {_AR_CENTURIES[century]}"
    return f"{_AR_ORDINAL_DECADES[tens]} {_AR_CENTURIES[century]}"


def _single_words(value: str, lang: Lang, *, year_note: bool) -> str | None:
    """One date (not an interval) in words; None for a form not known here."""
    decade = _DECADE.match(value)
    if decade:
        return _decade_words(int(decade["decade"]), lang)
    found = _DAY.match(value)
    if found is None:
        return None
    year = None if found["year"] == "XXXX" else found["year"]
    if found["month"] is None:
        return year
    month = int(found["month"])
    if not 1 <= month <= 12:
        return None
    parts = [str(int(found["day"]))] if found["day"] else []
    parts.append(_month_names(lang)[month])
    if year is not None:
        parts.append(year)
    shown = " ".join(parts)
    if year is None and year_note:
        shown += f" ({_NO_YEAR[lang]})"
    return shown


def date_words(value: str, lang: Lang) -> str:
    """A date value of a brief's record (its ``iso`` or ``resolved``) in words, plain text:
    ``2023-12-13`` «13 December 2023», ``XXXX-10-31`` «31 October (year not stated)»,
    ``199X`` «the 1990s», ``2015/2025`` «2015–2025». A form not known here is returned as
    it is rather than guessed at."""
    if "/" in value:
        start, _, end = value.partition("/")
        yearless = start.startswith("XXXX") and end.startswith("XXXX")
        first = _single_words(start, lang, year_note=False)
        last = _single_words(end, lang, year_note=False)
        if first is None or last is None:
            return value
        if start[:4] == end[:4] and not yearless and len(start) == len(end) == 7:
            # Two months of one year: «April–June 2015».
            first = _month_names(lang)[int(start[5:7])]
        dash = "–" if " " not in first else " – "
        shown = f"{first}{dash}{last}"
        return f"{shown} ({_NO_YEAR[lang]})" if yearless else shown
    return _single_words(value, lang, year_note=True) or value
