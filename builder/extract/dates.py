"""Date expressions in Arabic news text: explicit dates, years, decades, relative words.

Matching runs on :func:`builder.arabic.fold_keep_length` output (one alef, ه for ة, ASCII
digits, diacritics as tatweel) so offsets are offsets in the original text; every pattern
tolerates tatweel between letters.

Span conventions (after the gold annotations):

- A month expression is the month name, its paired form and what binds to it: a day or day
  range before it (``3 سبتمبر``, ``10 و12 مارس``), ``شهر``, a period qualifier (``نهاية
  أكتوبر``, ``أوائل عام 2022``), a year after it and a deictic word (``فبراير الماضي``).
  Paired forms (``مارس/آذار``, ``مارس (آذار)``, ``آذار/مارس``) are one mention.
- A year written with ``عام``/``سنة`` includes the one preposition or qualifier word in
  front of it (``في عام 2019``, ``حتى عام 2026``, ``لعام 2001``, ``أواخر عام 2024``);
  ``بين عامي 2021 و2023`` gives two bare-year mentions; ``2021-2025`` is one interval.
- A bare year needs date context: a preposition (``في 2014``, ``منذ 2019``, included in the
  span), an event noun (``حرب 1967``, year only), or a month; a counted noun after it
  (``2000 جندي``) makes it a quantity, not a year.
- Attached conjunctions and prepositions (و، ف، ب، ل) are outside the span, except ``ل``/``ب``
  glued to ``عام`` (``لعام 2001``).

Values: ``iso`` comes from the text alone (``XXXX-MM`` when no year is written, ``194X`` for a
decade, ``A/B`` intervals for ranges, ``None`` for purely relative words). ``resolved`` anchors
on the publication date: a month without a year takes the most recent past-or-same month
(the next one with المقبل/القادم or when the sentence announces a future event); a bare
weekday takes the nearest past-or-same day under the same rule; ``قبل N أيام/أسابيع`` resolves
to a day, months to ``YYYY-MM``, years to ``YYYY``. Hijri dates (``15 رمضان 1445 هـ``) need the
هـ/هجري marker and are converted with ``hijridate`` when it is installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import lru_cache

from babel import Locale, localedata

from builder.arabic import fold_keep_length, sentence_at
from builder.extract.spans import DisjointSpans
from builder.model import DateMention

try:  # optional: Hijri dates are reported without a Gregorian value when it is missing
    from hijridate import Hijri
except ImportError:  # pragma: no cover
    Hijri = None

_T = "\u0640*"

# Spellings the press uses that CLDR lacks (hamza/alef variants are handled by folding).
_EXTRA_MONTHS = {
    "يوليه": 7, "سپتمبر": 9, "أوكتوبر": 10, "كانون ثاني": 1, "كانون أول": 12,
    "تشرين أول": 10, "تشرين ثاني": 11, "جويليه": 7, "فبرير": 2, "ديسيمبر": 12,
}  # fmt: skip

# Month names that are also ordinary words (مارس a verb, آب father, نيسان a car maker, ماي
# and أوت in loanwords): they need a date context before they count.
_AMBIGUOUS_MONTHS = {"مارس", "ماي", "اب", "اوت", "نيسان"}

_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6,
    "جمادى الآخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11,
    "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}  # fmt: skip

_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
             "الجمعة": 4, "السبت": 5, "الأحد": 6}  # fmt: skip

_DECADES = {"عشرين": 2, "ثلاثين": 3, "أربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7,
            "ثمانين": 8, "تسعين": 9}  # fmt: skip

_ORDINALS = {"الأول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3, "الخامس": 4, "السادس": 5,
             "السابع": 6, "الثامن": 7, "التاسع": 8, "العاشر": 9}  # fmt: skip

_SMALL_NUMBERS = {"ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
                  "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8,
                  "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10}  # fmt: skip

# unit word -> (days per unit or None, months per unit or None, count implied by the form)
_AGO_UNITS = {
    "يوم": ("d", 1), "يومين": ("d", 2), "أيام": ("d", None), "أسبوع": ("w", 1),
    "أسبوعين": ("w", 2), "أسابيع": ("w", None), "شهر": ("m", 1), "شهرين": ("m", 2),
    "أشهر": ("m", None), "شهور": ("m", None), "عام": ("y", 1), "عامين": ("y", 2),
    "أعوام": ("y", None), "سنة": ("y", 1), "سنتين": ("y", 2), "سنوات": ("y", None),
    "عقد": ("y10", 1), "عقدين": ("y10", 2), "عقود": ("y10", None),
}  # fmt: skip


def _norm(word: str) -> str:
    """Folded, tatweel-free, single-spaced form used as a dictionary key."""
    folded = fold_keep_length(word.replace("\xa0", " ")).replace("\u0640", "")
    return re.sub(r"\s+", " ", folded).strip()


def _pat(word: str) -> str:
    """Regex for a word or phrase in folded text, tolerating tatweel and diacritics."""
    parts = [_T.join(re.escape(ch) for ch in piece) for piece in _norm(word).split(" ")]
    return r"\s+".join(parts)


def _words(spaced: str) -> list[str]:
    """A word list written as one space-separated string."""
    return spaced.split()


def _alt(words: object) -> str:
    """Alternation of phrases, longest first so that two-word names win."""
    unique = sorted({_norm(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(_pat(w) for w in unique) + ")"


@lru_cache(maxsize=1)
def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for ident in localedata.locale_identifiers():
        if not ident.startswith("ar"):
            continue
        locale = Locale.parse(ident)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = _norm(name)
                    if re.search("[\u0621-\u064a]", key):
                        table.setdefault(key, number)
    for name, number in _EXTRA_MONTHS.items():
        table.setdefault(_norm(name), number)
    return table


def month_names() -> dict[str, int]:
    """Folded Arabic month name -> month number, from CLDR for every Arabic locale plus variants."""
    return dict(_month_table())


_MONTH = _alt(_month_table())
_HMONTH = _alt(_HIJRI_MONTHS)
_WD = _alt(_WEEKDAYS)
_NUM_WORD = _alt(_SMALL_NUMBERS)
_AGO_UNIT = _alt(_AGO_UNITS)
_YEAR = r"(?<!\d)(?:1[0-9]\d\d|20\d\d)(?![\d%٪])"
_QUAL = _alt(["منتصف", "أواخر", "أوائل", "نهاية", "بداية", "مطلع", "أواسط", "أول", "آخر",
              "ختام", "مستهل", "أوسط"])  # fmt: skip
_PREP = _alt(["في", "منذ", "حتى", "بحلول", "من", "خلال", "قبل", "بعد", "إلى", "طوال"])
_BARE_PREP = _alt(["في", "منذ", "حتى", "بحلول", "خلال", "قبل", "بعد", "طوال"])
_DEIC = _alt(
    _words(
        "الماضي الماضية المقبل المقبلة القادم القادمة الجاري الجارية الحالي الحالية"
        " المنصرم المنصرمة الفائت الفائتة"
    )
)
_TOD = _alt(["صباح", "مساء", "ليلة", "فجر", "ظهر", "عصر", "ليل", "ظهيرة"])
# Nouns that take a month or a year as genitive: «اجتماع مارس», «حرب 1967».
_EVENT = _alt(
    _words(
        "اجتماع اجتماعات قمة مؤتمر انتخابات هجمات هجوم أحداث ثورة اتفاق اتفاقية معاهدة مناقشات"
        " محادثات زيارة حرب انتفاضة جولة مفاوضات لقاء تقرير بيان إعلان استفتاء انقلاب غزو مناورات"
        " تدريبات دستور أزمة نكسة عدوان موازنة ميزانية رؤية استراتيجية خطة عقيدة تفجيرات قرار"
    )
)
_HIJRI_MARK = r"(?:ه" + _T + r"(?![\u0621-\u064a])\.?|هجريه|هجري|للهجره)"
_PRO = r"(?<!\w)(?:وب|ول|فب|فل|و|ف|ب|ل)?"

_YEAR_PART = (
    rf"(?:\s*(?:[/,،-]\s*)?(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<year>{_YEAR})"
    rf"(?:\s*م(?!\w)\.?)?(?!\s*{_HIJRI_MARK}))"
)
_REL_YEAR = rf"(?:\s+(?:من\s+)?(?P<ryear>(?:ال)?(?:عام|سنه))\s+(?P<rdeic>{_DEIC}))"

MONTH_RE = re.compile(
    _PRO + r"(?P<body>"
    rf"(?:(?:يوم\s+)?(?P<wd>{_WD})\s*[,،]?\s+)?"
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    r"(?:(?:ال" + _T + r")?(?P<day>(?<!\d)[0-3]?\d)(?![\d%٪])"
    r"(?:\s*(?:و|-|–|الي|حتي)\s*(?P<day2>[0-3]?\d)(?!\d))?\s*"
    rf"|(?P<first>{_alt(['الأول', 'أول'])})\s+)?"
    r"(?:من\s+)?(?:(?P<shahr>شهر)\s+)?"
    rf"(?P<m1>{_MONTH})(?!\w)"
    rf"(?:\s*(?:/|\\|-|–)?\s*\(?\s*(?P<m2>{_MONTH})(?!\w)(?:\s*\))?)?"
    rf"(?:{_YEAR_PART}|{_REL_YEAR}|\s+(?P<deic>{_DEIC})(?!\w))?"
    r")"
)
NUMERIC_RE = re.compile(
    r"(?<![\d/.\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\d/.\-])"
)
HIJRI_RE = re.compile(
    _PRO + r"(?P<body>"
    r"(?:(?P<day>(?<!\d)[0-3]?\d)\s+(?:من\s+)?)?"
    rf"(?:(?:شهر\s+)?(?P<hm>{_HMONTH})\s+(?:من\s+)?)?"
    r"(?:[لب]?(?:ال)?(?:عام|سنه)\s+)?"
    rf"(?P<y>(?<!\d)1[2-5]\d\d)\s*{_HIJRI_MARK})"
)
YEAR_RE = re.compile(
    r"(?<!\w)(?:و|ف)?(?P<body>"
    rf"(?:(?P<pre>{_PREP}|{_QUAL})\s+)?(?P<aam>[لب]?(?:ال)?(?:عام|سنه))\s+(?P<y>{_YEAR})"
    rf"(?:\s*م(?!\w)\.?)?"
    rf"|(?P<pre2>{_BARE_PREP}|{_QUAL})\s+(?P<y2>{_YEAR})(?:\s*م(?!\w)\.?)?"
    r")"
)
YEARS_PAIR_RE = re.compile(
    rf"(?<!\w)(?:[لب]?(?:ال)?(?:عامي|سنتي)|بين|من)\s+(?P<a>{_YEAR})\s*"
    rf"(?:و|الي|حتي|-)\s*(?:(?:ال)?عام\s+)?(?P<b>{_YEAR})"
)
YEAR_RANGE_RE = re.compile(rf"(?<![\w\-])(?P<a>{_YEAR})\s*[-–/]\s*(?P<b>{_YEAR})(?![\w\-])")
EVENT_YEAR_RE = re.compile(rf"(?<!\w)[وبل]?(?:ال)?{_EVENT}\s+(?P<y>{_YEAR})(?:\s*م(?!\w))?")
DECADE_RE = re.compile(
    _PRO + r"(?P<body>"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?:عقد|حقبه|فتره)\s+)?(?:ال)?"
    rf"(?P<dec>{_alt(_DECADES)})" + _T + r"(?:ي" + _T + r")?ا" + _T + r"ت"
    r"(?:\s+(?:من\s+)?(?P<cent>القرن\s+(?:الماضي|العشرين|الحالي|الجاري|الحادي\s+والعشرين)))?"
    rf"|(?:(?P<qual2>{_QUAL})\s+)?العقد\s+(?P<ord>{_alt(_ORDINALS)})\s+(?:من\s+)?"
    r"(?P<cent2>القرن\s+(?:الماضي|العشرين|الحالي|الجاري|الحادي\s+والعشرين))"
    r")(?!\w)"
)
WEEKDAY_RE = re.compile(
    _PRO + r"(?P<body>"
    rf"(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?(?P<wd>{_WD})(?!\w)"
    rf"(?:\s+(?P<deic>{_DEIC}))?(?!\w)"
    r")"
)
DAY_WORD_RE = re.compile(
    _PRO + r"(?P<body>"
    rf"(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?"
    r"(?P<w>امس\s+الاول|اول\s+امس|امس|البارحه|الامس|اليوم|غدا|غد|بعد\s+غد)" + _T + r")(?!\w)"
)
PERIOD_RE = re.compile(
    _PRO + r"(?P<body>"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
    r"(?P<unit>الشهر|الاسبوع|العام|السنه|العقد)"
    rf"(?:\s+(?P<deic>{_DEIC}))?"
    r")(?!\w)"
)
AGO_RE = re.compile(
    r"(?<!\w)(?P<body>(?P<pre>قبل|منذ)\s+"
    r"(?:(?P<approx>نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يقارب)\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|{_NUM_WORD})\s+)?(?P<u>{_AGO_UNIT}))(?!\w)"
    rf"(?!\s+(?:(?:من|علي)(?!\w)|ال|{_MONTH}|{_HMONTH}))"
)
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
_PREV_WORD_RE = re.compile(r"(\w+)\W*$")

_Found = tuple[int, int, str | None, str | None, bool, str]
"""start, end, iso, resolved, relative, calendar."""


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _is_future(text: str, position: int, lead_verb: bool = False) -> bool:
    """True when the sentence announces a coming event (used to pick the next occurrence).

    Explicit markers (سوف، من المقرر، المرتقب...) count everywhere; with ``lead_verb`` a
    sentence opening on an imperfective verb (تعقد الدولتان، الأربعاء...) counts too, which
    is how Arabic news previews a meeting on a named weekday.
    """
    # Only what precedes the date counts: a future verb after it is usually reported speech.
    window = text[max(0, position - 300) : position]
    cut = max(window.rfind("\n"), *(window.rfind(mark + " ") for mark in ".!؟?"))
    before = fold_keep_length(window[cut + 1 :])
    if _FUTURE_RE.search(before):
        return True
    return lead_verb and _INITIAL_VERB_RE.match(before) is not None


def _deictic_direction(deic: str | None) -> int | None:
    """-1 past, +1 next, 0 current, None when there is no deictic word."""
    if not deic:
        return None
    word = deic.replace("\u0640", "")
    if word.startswith(("الماضي", "المنصرم", "الفائت")):
        return -1
    if word.startswith(("المقبل", "القادم")):
        return 1
    return 0


def _month_year(pub: date, month: int, direction: int | None, future: bool) -> int:
    """The year a month without a year refers to, seen from the publication date."""
    if direction == -1:
        return pub.year if month < pub.month else pub.year - 1
    if direction == 1:
        return pub.year if month > pub.month else pub.year + 1
    if direction == 0 or month == pub.month:
        return pub.year
    if future:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year if month < pub.month else pub.year - 1


def _prev_word(folded: str, start: int) -> str:
    match = _PREV_WORD_RE.search(folded[max(0, start - 25) : start])
    word = match.group(1).replace("\u0640", "") if match else ""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


_CONTEXT_WORDS = {_norm(w) for w in ["في", "منذ", "خلال", "حتى", "قبل", "بعد", "من", "إلى",
                                     "بين", "بحلول", "طوال", "شهر", "شهري", "مطلع", "منتصف",
                                     "أواخر", "أوائل", "نهاية", "بداية", "أواسط"]}  # fmt: skip
_EVENT_WORDS_RE = re.compile(rf"^[وبل]?(?:ال)?{_EVENT}$")


def _month_number(name: str) -> int:
    return _month_table()[_norm(name)]


def _months(text: str, folded: str, pub: date | None) -> Iterator[_Found]:
    for m in MONTH_RE.finditer(folded):
        month = _month_number(m["m1"])
        end = m.end("body")
        if m["m2"] and _month_number(m["m2"]) != month:
            end = m.end("m1")  # not a pair: two different months side by side
        day = int(m["day"]) if m["day"] else None
        if m["first"]:
            day = 1
        has_year = bool(m["year"]) and end == m.end("body")
        paired = bool(m["m2"]) and end == m.end("body")
        deic = m["deic"] or m["rdeic"]
        if not (day or has_year or paired or deic or m["shahr"] or m["qual"]):
            prev = _prev_word(folded, m.start())
            if _norm(m["m1"]) in _AMBIGUOUS_MONTHS and not (
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
            if day and not _valid(year, month, day):
                continue
            iso = f"{year}-{mm}" + (f"-{day:02d}" if day else "")
            if day2:
                iso = f"{iso}/{year}-{mm}-{day2:02d}"
            yield start, end, iso, iso, False, "gregorian"
            continue
        iso = f"XXXX-{mm}" + (f"-{day:02d}" if day else "")
        if day2:
            iso = f"{iso}/XXXX-{mm}-{day2:02d}"
        direction = _deictic_direction(deic)
        if m["ryear"]:
            direction_year = direction
            direction = None
        else:
            direction_year = None
        resolved = None
        if pub:
            if m["ryear"]:
                year = pub.year + (direction_year or 0)
            else:
                since = _prev_word(folded, m.start()) == "منذ"  # منذ مارس: always past
                future = not since and _is_future(text, m.start(), lead_verb=True)
                year = _month_year(
                    pub, month, -1 if since and direction is None else direction, future
                )
            resolved = iso.replace("XXXX", str(year))
        yield start, end, iso, resolved, bool(deic), "gregorian"


def _numeric(folded: str) -> Iterator[_Found]:
    for m in NUMERIC_RE.finditer(folded):
        if m["y"]:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        else:
            year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
        if 1000 <= year <= 2199 and _valid(year, month, day):
            iso = f"{year}-{month:02d}-{day:02d}"
            yield m.start(), m.end(), iso, iso, False, "gregorian"


def _hijri_to_iso(year: int, month: int | None, day: int | None) -> str | None:
    if Hijri is None:
        return None
    try:
        if day and month:
            return Hijri(year, month, day).to_gregorian().isoformat()
        first = Hijri(year, month or 1, 1).to_gregorian()
        last_month = month or 12
        last = Hijri(year, last_month, Hijri(year, last_month, 1).month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if month:
        a, b = f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}"
    else:
        a, b = str(first.year), str(last.year)
    return a if a == b else f"{a}/{b}"


def _hijri(folded: str) -> Iterator[_Found]:
    for m in HIJRI_RE.finditer(folded):
        month = _HIJRI_MONTHS_FOLDED.get(_norm(m["hm"])) if m["hm"] else None
        day = int(m["day"]) if m["day"] and month else None
        start = m.start("body")
        if m["day"] and not month:
            start = m.start("y")
        iso = _hijri_to_iso(int(m["y"]), month, day)
        yield start, m.end("body"), iso, iso, False, "hijri"


_HIJRI_MONTHS_FOLDED = {_norm(k): v for k, v in _HIJRI_MONTHS.items()}


def _is_quantity(folded: str, end: int) -> bool:
    """True when a number is followed by a counted noun, a multiplier or a percent sign."""
    from builder.extract.numbers import counted_after

    return counted_after(folded, end)


def _years(folded: str) -> Iterator[_Found]:
    for m in YEAR_RE.finditer(folded):
        year_group = "y" if m["y"] else "y2"
        if m["pre2"] and _is_quantity(folded, m.end(year_group)):
            continue
        iso = m[year_group]
        yield m.start("body"), m.end("body"), iso, iso, False, "gregorian"
    for m in YEARS_PAIR_RE.finditer(folded):
        if _is_quantity(folded, m.end("b")) or int(m["a"]) >= int(m["b"]):
            continue
        for group in ("a", "b"):
            yield m.start(group), m.end(group), m[group], m[group], False, "gregorian"
    for m in YEAR_RANGE_RE.finditer(folded):
        if int(m["a"]) < int(m["b"]) and not _is_quantity(folded, m.end()):
            iso = f"{m['a']}/{m['b']}"
            yield m.start(), m.end(), iso, iso, False, "gregorian"
    for m in EVENT_YEAR_RE.finditer(folded):
        if not _is_quantity(folded, m.end("y")):
            yield m.start("y"), m.end(), m["y"], m["y"], False, "gregorian"


def _century(name: str | None) -> int:
    return 2000 if name and re.search("الحالي|الجاري|الحادي", name) else 1900


def _decades(folded: str) -> Iterator[_Found]:
    for m in DECADE_RE.finditer(folded):
        if m["dec"]:
            decade = _century(m["cent"]) + 10 * _DECADES_FOLDED[_norm(m["dec"])]
        else:
            decade = _century(m["cent2"]) + 10 * _ORDINALS_FOLDED[_norm(m["ord"])]
        iso = f"{decade // 10}X"
        yield m.start("body"), m.end("body"), iso, iso, False, "gregorian"


_DECADES_FOLDED = {_norm(k): v for k, v in _DECADES.items()}
_ORDINALS_FOLDED = {_norm(k): v for k, v in _ORDINALS.items()}
_WEEKDAYS_FOLDED = {_norm(k): v for k, v in _WEEKDAYS.items()}
_NOT_WEEKDAY_BEFORE = {"بين", "كلا", "هذين", "صلاه", "خطبه", "صلوات", "كل", "ايام", "يوما"}
# «روسيا اليوم» (a channel), «مثل هذا اليوم», «نفس اليوم»: not today.
_NOT_TODAY_BEFORE = set(_words("روسيا مثل اخبار العالم مصر السودان تونس نفس ذات ذلك"))
_NOT_TODAY_AFTER = re.compile(
    r"\s*(?:\d|نفس|ذات|ذاك|من\s+ايام|(?:التالي|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع"
    r"|الثامن|التاسع|العاشر|الاخير|الوطني|العالمي|الدولي|السابق|الموالي|المقبل|الموعود|الذي|المحدد"
    r"|المشهود|الواحد|الكامل|المفتوح|الختامي|الافتتاحي|الدراسي|الحاسم|الاسود|الاخر)(?!\w))"
)
_WEEKDAY_AFTER = re.compile(r"\s*[,،]?\s*" + _WD)


def _weekdays(text: str, folded: str, pub: date | None) -> Iterator[_Found]:
    for m in WEEKDAY_RE.finditer(folded):
        wd = _WEEKDAYS_FOLDED[_norm(m["wd"])]
        after = folded[m.end("wd") : m.end("wd") + 12]
        if _prev_word(folded, m.start()) in _NOT_WEEKDAY_BEFORE:
            continue
        if (wd == 6 and re.match(r"\s+عشر", after)) or (wd == 0 and re.match(r"\s+معا", after)):
            continue  # الأحد عشر (eleven), الاثنين معا (both)
        resolved = None
        if pub:
            direction = _deictic_direction(m["deic"])
            if direction is None:
                direction = 2 if _is_future(text, m.start(), lead_verb=True) else 0
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
        yield m.start("body"), m.end("body"), None, resolved, True, "gregorian"


def _day_words(text: str, folded: str, pub: date | None) -> Iterator[_Found]:
    for m in DAY_WORD_RE.finditer(folded):
        word = re.sub(r"\s+", " ", m["w"].replace("\u0640", ""))
        after = folded[m.end() : m.end() + 16]
        prev = _prev_word(folded, m.start())
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
        yield m.start("body"), m.end("body"), None, resolved, True, "gregorian"


def _periods(folded: str, pub: date | None) -> Iterator[_Found]:
    for m in PERIOD_RE.finditer(folded):
        if m["unit"] == "العام" and _prev_word(folded, m.start()) in _GENERAL_BEFORE:
            continue  # الأمين العام الحالي: العام is the adjective "general"
        if m["unit"] == "العقد" and (m["this"] or _deictic_direction(m["deic"]) == 0):
            continue  # «العقد الحالي» is as often the current contract as the decade
        direction = _deictic_direction(m["deic"])
        if direction is None:
            if not m["this"]:
                continue
            direction = 0
        elif m["this"]:
            continue
        unit = m["unit"]
        resolved = None
        if pub:
            if unit == "الشهر":
                y, mo = _shift_month(pub.year, pub.month, direction)
                resolved = f"{y}-{mo:02d}"
            elif unit == "الاسبوع":
                resolved = (pub + timedelta(days=7 * direction)).isoformat()
            elif unit == "العقد":
                if direction == -1:
                    resolved = f"{pub.year - 10}/{pub.year}"
                elif direction == 1:
                    resolved = f"{pub.year}/{pub.year + 10}"
                else:
                    resolved = f"{pub.year // 10}X"
            else:
                resolved = str(pub.year + direction)
        yield m.start("body"), m.end("body"), None, resolved, True, "gregorian"


# Nouns that take العام as the adjective "general/public", not "year".
_GENERAL_BEFORE = {_norm(w) for w in [
    "الأمين", "الأمانة", "المدعي", "النائب", "الرأي", "المدير", "القائد", "المراقب", "المفتش",
    "الإضراب", "القطاع", "الشأن", "النظام", "الصالح", "المال", "الدين", "الاتجاه", "الوضع",
    "المؤتمر", "المشهد", "الإطار", "الحق", "الأمن", "الموظف", "التعليم", "العفو", "الإنفاق",
    "المجال", "العمل", "النقل", "المنسق", "المقرر", "المرشد", "المستشار", "الحزب", "المجلس",
    "الذوق", "التوجه", "الطابع", "المزاج", "الإجماع", "العام", "المناخ", "المفوض", "القنصل",
]}  # fmt: skip
_SMALL_FOLDED = {_norm(k): v for k, v in _SMALL_NUMBERS.items()}
_AGO_FOLDED = {_norm(k): v for k, v in _AGO_UNITS.items()}


def _ago(folded: str, pub: date | None) -> Iterator[_Found]:
    for m in AGO_RE.finditer(folded):
        kind, implied = _AGO_FOLDED[_norm(m["u"])]
        if m["n"]:
            count = int(m["n"]) if m["n"].isdigit() else _SMALL_FOLDED[_norm(m["n"])]
            if implied == 2:
                continue  # «قبل ثلاثة يومين» is not Arabic; a number before a dual is noise
        elif implied is None:
            continue  # «قبل أيام»: too vague to place
        else:
            count = implied
        if m["pre"] == "منذ" and kind not in {"d", "w"}:
            continue  # منذ عامين is usually a duration ("for two years"), not a point in time
        resolved = None
        if pub:
            if kind in {"d", "w"}:
                point = pub - timedelta(days=count * (7 if kind == "w" else 1))
                resolved = point.isoformat()[:7] if m["approx"] else point.isoformat()
            elif kind == "m":
                y, mo = _shift_month(pub.year, pub.month, -count)
                resolved = f"{y}-{mo:02d}"
            else:
                resolved = str(pub.year - count * (10 if kind == "y10" else 1))
        yield m.start("body"), m.end("body"), None, resolved, True, "gregorian"


def _select(found: list[_Found]) -> list[_Found]:
    """Keep the longest non-overlapping candidates, in text order."""
    chosen: list[_Found] = []
    taken = DisjointSpans()
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        start, end = item[0], item[1]
        if start >= end or taken.overlaps(start, end):
            continue
        chosen.append(item)
        taken.add(start, end)
    return sorted(chosen, key=lambda f: f[0])


def extract_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    """Date mentions of ``text`` in text order, resolved against ``published`` (``YYYY-MM-DD``)."""
    folded = fold_keep_length(text)
    pub = _parse_published(published)
    sources: list[Callable[[], Iterator[_Found]]] = [
        lambda: _months(text, folded, pub),
        lambda: _numeric(folded),
        lambda: _hijri(folded),
        lambda: _years(folded),
        lambda: _decades(folded),
        lambda: _weekdays(text, folded, pub),
        lambda: _day_words(text, folded, pub),
        lambda: _periods(folded, pub),
        lambda: _ago(folded, pub),
    ]
    found = [item for source in sources for item in source()]
    mentions = []
    for start, end, iso, resolved, relative, calendar in _select(found):
        span = text[start:end]
        stripped = span.rstrip(" .،,")
        end = start + len(stripped)
        mentions.append(
            DateMention(
                text=text[start:end],
                iso=iso,
                resolved=resolved,
                relative=relative,
                sentence=sentence_at(text, start),
                calendar=calendar,  # type: ignore[arg-type]
            )
        )
    return tuple(mentions)
