"""English glosses of Arabic sentences, built only from a brief's extracted record: which of
its actors, dates and figures a sentence names, and short English labels for each.

Nothing here translates: a gloss lists what the extractor found in the sentence, in the
English the record already holds (gazetteer names, CLDR month names, units). The generated
title (:mod:`builder.render.titles`) and the English fact sheet (:mod:`builder.render.factsheet`)
are made of these pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from babel import Locale

from builder.model import (
    ActorRecord,
    BriefRecord,
    DateRecord,
    EntityKind,
    NumberRecord,
    PersonRecord,
    record_actors,
)
from builder.render.dates import date_words

_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_SHORT_TITLES = frozenset(
    [
        "General",
        "Admiral",
        "Colonel",
        "Brigadier",
        "Major",
        "Lieutenant",
        "Sheikh",
        "Prince",
        "King",
        "Emir",
        "Imam",
    ]
)
"""English roles short enough to stand before a name («General Liu Zan»)."""


@dataclass(frozen=True)
class Found:
    """An actor the record lists, found in a sentence at ``position``."""

    kind: EntityKind
    actor: ActorRecord
    position: int


_PREFIXES = "وبلف"
"""Letters a word may carry attached in front (و، ب، ل، ف) and still be the word."""


def find_word(text: str, form: str) -> int:
    """Where ``form`` first occurs in ``text`` as whole words (an attached و/ب/ل/ف allowed
    in front), -1 if it does not: «الصين» is not in «الصينية»."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not after.isalnum() and (
            not before.isalnum()
            or (before in _PREFIXES and (start < 2 or not text[start - 2].isalnum()))
        ):
            return start
        start = text.find(form, start + 1)
    return -1


def actor_position(actor: ActorRecord, text: str) -> int:
    """Where the actor is first named in ``text`` (by any of its Arabic forms, as whole
    words), -1 if not."""
    positions = [find_word(text, form) for form in (actor["ar"], *actor["forms"]) if form]
    found = [position for position in positions if position >= 0]
    return min(found) if found else -1


def actors_in(record: BriefRecord, text: str) -> list[Found]:
    """The record's actors named in ``text``, in the order the text names them (people,
    then bodies, then countries at the same place)."""
    found = []
    for order, (kind, actor) in enumerate(record_actors(record)):
        position = actor_position(actor, text)
        if position >= 0:
            found.append((position, order, Found(kind, actor, position)))
    return [item for _, _, item in sorted(found, key=lambda entry: entry[:2])]


def dates_in(record: BriefRecord, text: str) -> list[DateRecord]:
    """The record's dates whose span is in ``text``, once each value."""
    seen: set[str] = set()
    out = []
    for date in record["dates"]:
        value = date["resolved"] or date["iso"]
        if value and value not in seen and date["text"] in text:
            seen.add(value)
            out.append(date)
    return out


def numbers_in(record: BriefRecord, text: str) -> list[NumberRecord]:
    """The record's figures whose span is in ``text``."""
    return [number for number in record["numbers"] if number["text"] in text]


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """English country names (CLDR): a bracket holding one qualifies a body, it is not the
    body's short name («Popular Resistance (Yemen)»)."""
    return frozenset(Locale.parse("en").territories.values())


def short_body(actor: ActorRecord) -> str:
    """A body's short English name: the form in brackets when it is one («US Department of
    Defense (Pentagon)» is the Pentagon, «People's Liberation Army (PLA)» the PLA), else
    the name without a bracketed note («National Guard (country not stated)»); a bracketed
    country stays with the name («Popular Resistance (Yemen)»)."""
    inner = _PARENTHESES.search(actor["en"])
    word = inner.group(1) if inner else ""
    if word in _country_names():
        return actor["en"]
    if word and word[0].isupper() and " " not in word:
        return word
    if word[:1].islower():
        return _PARENTHESES.sub("", actor["en"]).strip() or actor["en"]
    return actor["en"]


def plain_role(role_en: str | None) -> str | None:
    """An English role without its dates and asides: «Defence Minister of China (2023)» is
    «Defence Minister of China»; the first of several roles."""
    if not role_en:
        return None
    role = _PARENTHESES.sub("", role_en).split(";")[0].strip(" ,")
    return role or None


def affiliation(record: BriefRecord, role: str | None) -> ActorRecord | None:
    """The body a person's Arabic role names («كبير مسؤولي وزارة الدفاع الأميركية»: the
    Pentagon), None when it names none of the brief's bodies."""
    if not role:
        return None
    for organization in record["organizations"]:
        if actor_position(organization, role) >= 0:
            return organization
    return None


def person_label(record: BriefRecord, person: PersonRecord, *, full: bool = False) -> str:
    """A person in English as a headline names them: «General Liu Zan», «Michael Chase
    (Pentagon)»; with ``full``, also a longer English role («Li Shangfu (Defence Minister
    of China)»)."""
    role_en = plain_role(person["role_en"])
    if role_en in _SHORT_TITLES:
        return f"{role_en} {person['en']}"
    body = affiliation(record, person["role"])
    if body is not None:
        return f"{person['en']} ({short_body(body)})"
    if full and role_en:
        return f"{person['en']} ({role_en})"
    return person["en"]


def actor_label(record: BriefRecord, found: Found, *, full: bool = False) -> str:
    """An actor's short English label (see :func:`person_label`, :func:`short_body`)."""
    if found.kind == "person":
        return person_label(record, cast(PersonRecord, found.actor), full=full)
    if found.kind == "organization":
        return short_body(found.actor)
    return found.actor["en"]


def _amount(value: float) -> str:
    """A value as a reader writes it: «175 billion», «43», «2.5»."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size and (value / size) == round(value / size, 2):
            return f"{value / size:,.12g} {word}"
    return f"{value:,.12g}"


def number_words(number: NumberRecord) -> str:
    """A figure in English from its value, range, qualifier and unit: «about 3 years»,
    «43–50 civilians», «175 billion USD»."""
    shown = _amount(number["value"])
    if number["value_max"] is not None:
        shown += f"–{_amount(number['value_max'])}"
    if number["qualifier"]:
        shown = f"{number['qualifier']} {shown}"
    if number["unit"]:
        shown += f" {number['unit']}"
    return shown


def date_gloss(date: DateRecord) -> str:
    """A date the text mentions, in English words (resolved when it can be)."""
    return date_words(date["resolved"] or date["iso"] or "", "en")


def _inside_another(found: Found, others: list[Found], text: str) -> bool:
    """Whether every mention of ``found`` in ``text`` lies inside the span of another
    actor's name («الأميركية» in «وزارة الدفاع الأميركية»): then it is part of that name."""
    spans = [
        (start, start + len(form))
        for other in others
        if other is not found
        for form in (other.actor["ar"], *other.actor["forms"])
        if form and (start := find_word(text, form)) >= 0
    ]
    mine = [
        (start, start + len(form))
        for form in (found.actor["ar"], *found.actor["forms"])
        if form and (start := find_word(text, form)) >= 0
    ]
    return bool(mine) and all(
        any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans) for a, b in mine
    )


def sentence_gloss(
    record: BriefRecord, text: str, leave_out: frozenset[str] = frozenset()
) -> list[str]:
    """The English gloss of an Arabic sentence: its actors, dates and figures, in the order
    actors, dates, figures; an actor named only as part of another's name is left out, and
    so are the actor ids in ``leave_out`` (a statement's own speaker)."""
    found = actors_in(record, text)
    labels = [
        actor_label(record, item)
        for item in found
        if item.actor["id"] not in leave_out and not _inside_another(item, found, text)
    ]
    kept = [
        label for label in labels if not any(label != other and label in other for other in labels)
    ]
    parts = _unique([*kept, *(date_gloss(d) for d in dates_in(record, text))])
    return _unique([*parts, *(number_words(n) for n in numbers_in(record, text))])


def _unique(items: Iterable[str]) -> list[str]:
    """The non-empty items, once each, in order."""
    return [item for item in dict.fromkeys(items) if item]
