"""Publication dates as a reader reads them: a day as its ISO date (``2024-06-21``), a month
known without its day by its CLDR name and year (``July 2012``, ``يوليو 2012``), a year known
alone as the year (``2025``), with a note saying what is not known."""

from __future__ import annotations

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
    """A publication date in ``lang`` (plain text, to be escaped where shown): a month
    without its day as «July 2012», anything else as given."""
    period = period_of(value)
    if period is None or period.month is None or period.day is not None:
        return value
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
