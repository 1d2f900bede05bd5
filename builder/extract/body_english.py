"""The English name of a body found by pattern, composed word by word from the data files.

Arabic puts the head first and its genitives and adjectives after it, each qualifying the
words before; English puts them before the head in the reverse order: «مجلس محافظة الأنبار»
(council, province, Anbar) is the Anbar Provincial Council, «لواء الأمن الخاص الأول» the
First Special Security Brigade. Words joined by و keep their order («العدالة والتنمية»:
Justice and Development), a nationality goes first (US, Syrian), a phrase with لـ follows
the head with "for" («المرصد السوري لحقوق الإنسان»: Syrian Observatory for Human Rights),
and a proper name nobody listed is romanized, never translated (the page marks it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from builder.body_words import BodyWord
from builder.extract.romanize import romanize

UNSTATED_COUNTRY = " (country not stated)"
"""Ends the English of a generic body whose text does not say whose it is."""

BodySource = Literal["translated", "romanized", "outlet"]
"""Where a body's English comes from: composed from the data words, with a romanized name
word, or a listed outlet's own name."""


@dataclass(frozen=True)
class Part:
    """One word (or listed phrase) of a body's name after its head."""

    kind: str
    """word, head, place, country, adjective (a nationality) or name (unlisted)."""
    ar: str
    """As written, without attached و/لـ."""
    folded: str
    en: str
    """English word from the data files; empty for a name word."""
    definite: bool
    joined: str = ""
    """"and" after و, "for" for the first word of a phrase with لـ, else empty."""
    qualifies: bool = False
    end: int = 0
    """Offset in the text where the word ends."""


def compose_english(
    head: BodyWord,
    parts: list[Part],
    generic: bool,
    spell: Callable[[str], str] | None = None,
) -> tuple[str, BodySource]:
    """(English name, source) of a body: source is ``translated`` when every word comes from
    the data files, ``romanized`` when a name word is transliterated: by ``spell`` (the name
    tables: «مؤسسة براون» the Brown Foundation), else by the romanizer. A generic body's
    name says that the text does not tell whose body it is."""
    split = next((i for i, part in enumerate(parts) if part.joined == "for"), len(parts))
    english = _phrase(parts[:split], head.en, spell)
    if split < len(parts):
        english += " for " + _phrase(parts[split:], "", spell)
    if generic:
        english += UNSTATED_COUNTRY
    source: BodySource = "romanized" if any(part.kind == "name" for part in parts) else "translated"
    return " ".join(english.split()), source


def _phrase(parts: list[Part], head: str, spell: Callable[[str], str] | None) -> str:
    """Nationalities first, then the other words' groups in reverse order, then the head."""
    front = [part.en for part in parts if part.kind in ("adjective", "country")]
    groups: list[list[str]] = []
    previous = ""
    for part in parts:
        if part.kind in ("adjective", "country"):
            previous = part.kind
            continue
        word = _romanized(part, spell) if part.kind == "name" else part.en
        if part.joined == "and" and groups:
            groups[-1].append("and " + word)
        elif part.kind == "name" and previous == "name" and groups:
            groups[-1].append(word)  # a proper name keeps its own word order
        else:
            groups.append([word])
        previous = part.kind
    return " ".join([*front, *(" ".join(group) for group in reversed(groups)), head])


def _romanized(part: Part, spell: Callable[[str], str] | None) -> str:
    word = part.ar
    if spell is not None:
        return spell(word)
    if part.definite and word.startswith("ال"):
        return "al-" + romanize(word[2:])
    return romanize(word)
