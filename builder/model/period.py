"""A publication date as precise as it is known: a day, a month or a year.

An editor who knows only the month (``2012-07``) or the year (``2025``) of an article gives
that much; the date is then an ISO 8601 value of reduced precision, and everything that
places the brief in time reads it through :func:`period_of`: lists sort it at the start of
its period (ISO strings of reduced precision sort before the days they contain), relative
dates in the text are resolved only as far as it allows, and pages show it as the month or
year it is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from builder.model.record import Precision

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


@dataclass(frozen=True)
class Period:
    """The days a publication date may be: one day, a month or a year."""

    value: str
    """The date as given, ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    precision: Precision
    """How much of it is known."""
    first: date
    """Its first day."""
    last: date
    """Its last day (``first`` for a day)."""

    @property
    def year(self) -> int:
        """Its year (always known)."""
        return self.first.year

    @property
    def month(self) -> int | None:
        """Its month, None when only the year is known."""
        return None if self.precision == "year" else self.first.month

    @property
    def day(self) -> date | None:
        """The day, None when only the month or the year is known."""
        return self.first if self.precision == "day" else None


def period_of(value: str | None) -> Period | None:
    """The period of an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); None when it is
    missing or not a real date (``2024-02-30``, ``2024-13``)."""
    match = _FORM.match(value or "")
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if day_text is not None:
            day = date(year, int(month_text), int(day_text))
            return Period(day.isoformat(), "day", day, day)
        if month_text is not None:
            first = date(year, int(month_text), 1)
            last = first.replace(day=calendar.monthrange(year, first.month)[1])
            return Period(first.isoformat()[:7], "month", first, last)
        first = date(year, 1, 1)
        return Period(year_text, "year", first, date(year, 12, 31))
    except ValueError:
        return None


def precision_of(value: str | None) -> Precision | None:
    """How precise an ISO publication date is; None when there is none (or it is not one)."""
    period = period_of(value)
    return None if period is None else period.precision
