"""Counts in words: a number with its noun, in the plural form CLDR's rules choose.

Arabic has six plural categories (zero, one, two, few, many, other: لا موجزات، موجز واحد،
موجزان، 3 موجزات، 11 موجزًا، 100 موجز), English two (1 brief, 2 briefs). Babel gives the
category of a number in each language; the wording of every category is here, so a count
on a page never reads «5 نتيجة» or "1 briefs".
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from builder.render.markup import Lang

# Each noun's wording by CLDR category; ``{n}`` is the number. Arabic: one and two are said
# by the noun alone (موجز واحد، موجزان), as Arabic writes them; 3 to 10 take the plural,
# 11 to 99 the accusative singular, 100 and above the singular.
NOUNS: dict[str, dict[Lang, dict[str, str]]] = {
    "brief": {
        "ar": {
            "zero": "لا موجزات",
            "one": "موجز واحد",
            "two": "موجزان",
            "few": "{n} موجزات",
            "many": "{n} موجزًا",
            "other": "{n} موجز",
        },
        "en": {"one": "{n} brief", "other": "{n} briefs"},
    },
    "statement": {
        "ar": {
            "zero": "لا تصريحات",
            "one": "تصريح واحد",
            "two": "تصريحان",
            "few": "{n} تصريحات",
            "many": "{n} تصريحًا",
            "other": "{n} تصريح",
        },
        "en": {"one": "{n} statement", "other": "{n} statements"},
    },
    "day": {
        "ar": {
            "zero": "لا أيام",
            "one": "يوم واحد",
            "two": "يومان",
            "few": "{n} أيام",
            "many": "{n} يومًا",
            "other": "{n} يوم",
        },
        "en": {"one": "{n} day", "other": "{n} days"},
    },
    "character": {
        "ar": {
            "zero": "لا أحرف",
            "one": "حرف واحد",
            "two": "حرفان",
            "few": "{n} أحرف",
            "many": "{n} حرفًا",
            "other": "{n} حرف",
        },
        "en": {"one": "{n} character", "other": "{n} characters"},
    },
    "line": {
        "ar": {
            "zero": "لا أسطر",
            "one": "سطر واحد",
            "two": "سطران",
            "few": "{n} أسطر",
            "many": "{n} سطرًا",
            "other": "{n} سطر",
        },
        "en": {"one": "{n} line", "other": "{n} lines"},
    },
    "shared_actor": {
        "ar": {
            "zero": "لا فاعلين مشتركين",
            "one": "فاعل مشترك",
            "two": "فاعلان مشتركان",
            "few": "{n} فاعلين مشتركين",
            "many": "{n} فاعلًا مشتركًا",
            "other": "{n} فاعل مشترك",
        },
        "en": {"one": "{n} shared actor", "other": "{n} shared actors"},
    },
    "shared_topic": {
        "ar": {
            "zero": "لا موضوعات مشتركة",
            "one": "موضوع مشترك",
            "two": "موضوعان مشتركان",
            "few": "{n} موضوعات مشتركة",
            "many": "{n} موضوعًا مشتركًا",
            "other": "{n} موضوع مشترك",
        },
        "en": {"one": "{n} shared topic", "other": "{n} shared topics"},
    },
    "shared_country": {
        "ar": {
            "zero": "لا دول مشتركة",
            "one": "دولة مشتركة",
            "two": "دولتان مشتركتان",
            "few": "{n} دول مشتركة",
            "many": "{n} دولةً مشتركةً",
            "other": "{n} دولة مشتركة",
        },
        "en": {"one": "{n} shared country", "other": "{n} shared countries"},
    },
    "brief_in_common": {
        "ar": {
            "zero": "لا موجزات مشتركة",
            "one": "موجز مشترك واحد",
            "two": "موجزان مشتركان",
            "few": "{n} موجزات مشتركة",
            "many": "{n} موجزًا مشتركًا",
            "other": "{n} موجز مشترك",
        },
        "en": {"one": "{n} brief in common", "other": "{n} briefs in common"},
    },
}
"""The nouns counted on generated pages, by CLDR plural category in each language."""


@lru_cache(maxsize=2)
def _locale(lang: Lang) -> Locale:
    return Locale(lang)


def plural_category(count: int, lang: Lang) -> str:
    """CLDR's plural category of ``count`` in ``lang`` (``zero``, ``one``, ``two``, ``few``,
    ``many`` or ``other``)."""
    return str(_locale(lang).plural_form(abs(count)))


def count_text(noun: str, count: int, lang: Lang) -> str:
    """``count`` with ``noun`` (a key of :data:`NOUNS`) in the plural form ``lang`` needs:
    plain text, not escaped; numbers from 1,000 up are grouped with commas."""
    forms = NOUNS[noun][lang]
    form = forms.get(plural_category(count, lang), forms["other"])
    return form.format(n=f"{count:,}")
