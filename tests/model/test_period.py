"""Publication dates as precise as they are known (``builder.model.period``)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.model import period_of, precision_of


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("2024-06-21", "day", date(2024, 6, 21), date(2024, 6, 21)),
        ("2012-07", "month", date(2012, 7, 1), date(2012, 7, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025", "year", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_a_date_covers_its_day_month_or_year(
    value: str, precision: str, first: date, last: date
) -> None:
    period = period_of(value)
    assert period is not None
    assert (period.value, period.precision, period.first, period.last) == (
        value,
        precision,
        first,
        last,
    )
    assert precision_of(value) == precision


def test_what_is_known_of_each_precision() -> None:
    day, month, year = period_of("2024-06-21"), period_of("2012-07"), period_of("2025")
    assert day and month and year
    assert (day.year, day.month, day.day) == (2024, 6, date(2024, 6, 21))
    assert (month.year, month.month, month.day) == (2012, 7, None)
    assert (year.year, year.month, year.day) == (2025, None, None)


@pytest.mark.parametrize(
    "value", [None, "", "2024-02-30", "2024-13", "2024-00", "2024-7", "202", "20245", "0000", "x"]
)
def test_what_is_not_a_date_has_no_period(value: str | None) -> None:
    assert period_of(value) is None
    assert precision_of(value) is None


def test_iso_order_puts_a_partial_date_at_the_start_of_its_period() -> None:
    # Every list sorts publication dates as text: a month sorts before its days, a year
    # before its months, so a partial date is placed at the start of its period.
    values = ["2012-07-31", "2012-07", "2013", "2012-06-30", "2012-07-01", "2012"]
    assert sorted(values) == ["2012", "2012-06-30", "2012-07", "2012-07-01", "2012-07-31", "2013"]
