"""Hijri dates: «15 رمضان 1445 هـ», «عام 1445 هجري».

A Hijri year needs the هـ/هجري marker (a bare 1445 is a number); the Gregorian value is
computed with ``hijridate`` when it is installed, as a day, a month or a year (or an
interval where the Hijri month or year straddles two Gregorian ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.extract.dates.base import HIJRI_MARK, HIJRI_MONTHS, HMONTH, PRO, DateFound
from builder.extract.patterns import keyed, norm

try:  # optional: Hijri dates are reported without a Gregorian value when it is missing
    from hijridate import Hijri as _Hijri

    Hijri: type[_Hijri] | None = _Hijri
except ImportError:  # pragma: no cover
    Hijri = None

_HIJRI_MONTHS_FOLDED = keyed(HIJRI_MONTHS)

HIJRI_RE = re.compile(
    PRO + r"(?P<body>"
    r"(?:(?P<day>(?<!\d)[0-3]?\d)\s+(?:من\s+)?)?"
    rf"(?:(?:شهر\s+)?(?P<hm>{HMONTH})\s+(?:من\s+)?)?"
    r"(?:[لب]?(?:ال)?(?:عام|سنه)\s+)?"
    rf"(?P<y>(?<!\d)1[2-5]\d\d)\s*{HIJRI_MARK})"
)


def _hijri_to_iso(year: int, month: int | None, day: int | None) -> str | None:
    """The Gregorian value of a Hijri day, month or year (an interval where it straddles two)."""
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


def find_hijri(folded: str) -> Iterator[DateFound]:
    """Hijri dates with their Gregorian value (None without ``hijridate``)."""
    for m in HIJRI_RE.finditer(folded):
        month = _HIJRI_MONTHS_FOLDED.get(norm(m["hm"])) if m["hm"] else None
        day = int(m["day"]) if m["day"] and month else None
        start = m.start("body")
        if m["day"] and not month:
            start = m.start("y")
        iso = _hijri_to_iso(int(m["y"]), month, day)
        yield DateFound(start, m.end("body"), iso, iso, False, "hijri")
