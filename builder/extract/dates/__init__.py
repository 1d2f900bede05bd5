"""Date expressions in Arabic news text: explicit dates, years, decades, relative words.

Matching runs on :func:`builder.arabic.fold_keep_length` output (one alef, ه for ة, ASCII
digits, diacritics as tatweel) so offsets are offsets in the original text; every pattern
tolerates tatweel between letters.

Span conventions (after the gold annotations), detailed in each rule's module:

- a month expression is the month name and what binds to it (day, qualifier, year, deictic
  word; :mod:`.months`), a year includes the one preposition or qualifier in front of it and
  a bare year needs date context (:mod:`.years`);
- attached conjunctions and prepositions (و، ف، ب، ل) are outside the span, except ``ل``/``ب``
  glued to ``عام`` (``لعام 2001``).

Values: ``iso`` comes from the text alone (``XXXX-MM`` when no year is written, ``194X`` for a
decade, ``A/B`` intervals for ranges, ``None`` for purely relative words). ``resolved`` anchors
on the publication date (:mod:`.anchor`): a month without a year takes the most recent
past-or-same month (the next one with المقبل/القادم or when the sentence announces a future
event); a bare weekday takes the nearest past-or-same day under the same rule (:mod:`.relative`);
``قبل N أيام/أسابيع`` resolves to a day, months to ``YYYY-MM``, years to ``YYYY``
(:mod:`.periods`). Hijri dates (``15 رمضان 1445 هـ``) need the هـ/هجري marker and are converted
with ``hijridate`` when it is installed (:mod:`.hijri`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from builder.arabic import fold_keep_length, sentence_at
from builder.extract.counted import counted_nouns
from builder.extract.dates.anchor import parse_published
from builder.extract.dates.base import DateFound, month_table
from builder.extract.dates.hijri import find_hijri
from builder.extract.dates.months import find_months, find_numeric
from builder.extract.dates.parts import find_year_parts
from builder.extract.dates.periods import find_ago, find_periods
from builder.extract.dates.relative import find_day_words, find_weekdays
from builder.extract.dates.years import find_decades, find_years
from builder.extract.spans import DisjointSpans
from builder.knowledge import Knowledge, package_units
from builder.model import DateMention

__all__ = ["extract_dates", "month_names"]


def month_names() -> dict[str, int]:
    """Folded Arabic month name -> month number, from CLDR for every Arabic locale plus variants."""
    return dict(month_table())


def extract_dates(
    text: str, published: str | None, knowledge: Knowledge | None = None
) -> tuple[DateMention, ...]:
    """Date mentions of ``text`` in text order, resolved against ``published`` (``YYYY-MM-DD``,
    or ``YYYY-MM`` / ``YYYY``: then only as far as that date tells, see :mod:`.anchor`).

    ``knowledge`` gives the unit vocabulary that tells a quantity from a year (``2000 جندي``);
    the package's own without it.
    """
    folded = fold_keep_length(text)
    pub = parse_published(published)
    nouns = counted_nouns(knowledge.units if knowledge else package_units())
    # Every rule, in this order: of two candidates with the same span the first one wins.
    sources: list[Callable[[], Iterator[DateFound]]] = [
        lambda: find_months(text, folded, pub),
        lambda: find_numeric(folded),
        lambda: find_hijri(folded),
        lambda: find_years(folded, nouns),
        lambda: find_decades(folded),
        lambda: find_weekdays(text, folded, pub),
        lambda: find_day_words(text, folded, pub),
        lambda: find_periods(folded, pub),
        lambda: find_year_parts(folded, pub),
        lambda: find_ago(folded, pub),
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


def _select(found: list[DateFound]) -> list[DateFound]:
    """Keep the longest non-overlapping candidates, in text order."""
    chosen: list[DateFound] = []
    taken = DisjointSpans()
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if item.start >= item.end or taken.overlaps(item.start, item.end):
            continue
        chosen.append(item)
        taken.add(item.start, item.end)
    return sorted(chosen, key=lambda f: f.start)
