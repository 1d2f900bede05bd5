"""Figures on generated pages: a number's value and unit in the page's language.

The record keeps the value as a number and the unit and hedge in English (``about``,
``months``), with the unit's Arabic name beside it (``unit_ar``); Arabic pages show the
Arabic words (نحو 3، أشهر), English pages the English ones.
"""

from __future__ import annotations

from builder.model import NumberRecord
from builder.render.markup import Lang

QUALIFIERS_AR: dict[str, str] = {
    "about": "نحو",
    "more than": "أكثر من",
    "less than": "أقل من",
    "at least": "ما لا يقل عن",
    "at most": "ما لا يزيد على",
    "up to": "ما يصل إلى",
}
"""The number extractor's English hedges (``builder.extract.numbers.qualifiers``) in Arabic."""


def figure_value(number: NumberRecord, lang: Lang) -> str:
    """The value as a page shows it, plain text: grouped digits, a range with an en dash,
    and the hedge before it in the page's language ("about 3", «نحو 3»)."""
    value = f"{number['value']:,.12g}"
    if number["value_max"] is not None:
        value += f"–{number['value_max']:,.12g}"
    qualifier = number["qualifier"]
    if qualifier:
        shown = QUALIFIERS_AR.get(qualifier, "") if lang == "ar" else qualifier
        value = f"{shown} {value}".strip()
    return value


def figure_unit(number: NumberRecord, lang: Lang) -> str | None:
    """The unit in the page's language, plain text; None when the text states none (or, on an
    Arabic page, when the unit has no Arabic name: the text column says it)."""
    if lang == "ar":
        return number.get("unit_ar")
    return number["unit"]
