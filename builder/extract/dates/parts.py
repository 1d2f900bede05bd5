"""Parts of a year: quarters, halves, thirds and «the first N months» of a year.

Economic and security reporting counts in quarters and halves: «الربع الثاني من 2015»,
«النصف الأول من العام الجاري», «الأشهر الستة الأولى من العام». Each is an interval of months
(``2015-04/2015-06``). A quarter without a year is still a quarter (``XXXX-04/XXXX-06``, the
year resolved from the publication date when known); a half or a third without a year is too
often half of something else («النصف الثاني من المباراة») and needs its year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.extract.dates.anchor import Anchor
from builder.extract.dates.base import PRO, YEAR, DateFound
from builder.extract.patterns import alternation, keyed, norm

_PART_SIZE = {"الربع": 3, "النصف": 6, "الثلث": 4}
"""Months in each part of a year."""
_ORDINAL = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 0}
"""Which part; 0 is the last one."""
_FIRST_MONTHS = {"الثلاثة": 3, "الستة": 6, "التسعة": 9}
"""«الأشهر الستة الأولى»: the first (or last) N months."""
_RELATIVE_YEAR = {"الحالي": 0, "الجاري": 0, "الماضي": -1, "المنصرم": -1, "الفائت": -1,
                  "السابق": -1, "المقبل": 1, "القادم": 1}  # fmt: skip

_PART_FOLDED = keyed(_PART_SIZE)
_ORDINAL_FOLDED = keyed(_ORDINAL)
_FIRST_FOLDED = keyed(_FIRST_MONTHS)
_RELATIVE_FOLDED = keyed(_RELATIVE_YEAR)

_YEAR_TAIL = (
    r"(?:\s+(?:من|في|ل)?\s*(?:"
    rf"(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>{YEAR})"
    rf"|(?:ال)?(?:عام|سنه)(?:\s+(?P<rel>{alternation(_RELATIVE_YEAR)}))?"
    r"|هذا\s+العام|هذه\s+السنه"
    r"))"
)
PART_RE = re.compile(
    PRO + r"(?P<body>"
    rf"(?:(?P<part>{alternation(_PART_SIZE)})\s+(?P<ord>{alternation(_ORDINAL)})"
    rf"|(?:الاشهر|الشهور)\s+(?P<n>{alternation(_FIRST_MONTHS)})\s+(?P<which>الاولي|الاخيره))"
    rf"(?:{_YEAR_TAIL})?"
    r")(?!\w)"
)
_OF_SOMETHING = re.compile(r"\s+(?:من|في)\s")
"""A part followed by «من»/«في» that did not name a year is a part of something else."""


def find_year_parts(folded: str, pub: Anchor | None) -> Iterator[DateFound]:
    """«الربع الثاني من 2015», «النصف الأول من العام الجاري», «الأشهر الستة الأولى من العام»."""
    for m in PART_RE.finditer(folded):
        has_year = m["y"] or "عام" in m["body"] or "سنه" in m["body"]
        if m["part"]:
            size = _PART_FOLDED[norm(m["part"])]
            index = _ORDINAL_FOLDED[norm(m["ord"])] or 12 // size
            if index > 12 // size or (size != 3 and not has_year):
                continue  # «الربع الخامس» is no quarter; «النصف الثاني» alone is half of anything
            if not has_year and _OF_SOMETHING.match(folded, m.end("body")):
                continue  # «الربع الأخير من القرن»: a quarter of something else
            first, last = size * (index - 1) + 1, size * index
        else:
            if not has_year:
                continue
            count = _FIRST_FOLDED[norm(m["n"])]
            first, last = (1, count) if m["which"] == "الاولي" else (13 - count, 12)
        months = f"{first:02d}/{{year}}-{last:02d}"
        if m["y"]:
            iso = f"{m['y']}-{months.format(year=m['y'])}"
            yield DateFound(m.start("body"), m.end("body"), iso, iso, False, "gregorian")
            continue
        shift = _RELATIVE_FOLDED.get(norm(m["rel"])) if m["rel"] else 0
        year = pub.year + (shift or 0) if pub else None
        resolved = f"{year}-{months.format(year=year)}" if year else None
        if has_year:
            # «من العام», «هذا العام»: the year is relative to the publication date.
            yield DateFound(m.start("body"), m.end("body"), None, resolved, True, "gregorian")
        else:
            iso = f"XXXX-{months.format(year='XXXX')}"
            yield DateFound(m.start("body"), m.end("body"), iso, resolved, False, "gregorian")
