"""A name that is only ever part of a body's name is no person of the brief.

People are found before bodies; a body found by its pattern («مؤسسة براون لويد جيمس»,
«شركة جنرال موتورز») may hold words that read as a person's name («لويد جيمس»). Such a
name is kept when the text also names it outside the body («وقال لويد جيمس»), and dropped
when every mention of it lies inside a mention of a body.
"""

from __future__ import annotations

import unicodedata

from builder.extract.spans import DisjointSpans
from builder.model import ActorMention


def _joins(character: str) -> bool:
    """Whether a character next to a form makes it part of a longer word: a word character
    or anything of the Arabic block but its punctuation («لويد جيمس، ...»: the Arabic comma
    ends the name as a comma does)."""
    return (
        character.isalnum()
        or character == "_"
        or ("\u0600" <= character <= "\u06ff" and unicodedata.category(character) != "Po")
    )


def _mentions(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` occurs as whole words, left to right, none overlapping."""
    if not form:
        return []
    # str.find, not a pattern made for each form: compiling one cost more than the search.
    spots = []
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not _joins(text[start - 1])) and (
            end == len(text) or not _joins(text[end])
        ):
            spots.append((start, end))
            start = text.find(form, end)
        else:
            start = text.find(form, start + 1)
    return spots


def without_body_names(
    people: tuple[ActorMention, ...], organizations: tuple[ActorMention, ...], text: str
) -> tuple[ActorMention, ...]:
    """``people`` without the unlisted names that occur only inside bodies' names."""
    bodies = DisjointSpans()
    for body in organizations:
        for form in (body.ar, *body.forms):
            for start, end in _mentions(text, form):
                bodies.merge(start, end)
    kept = []
    for person in people:
        if person.key.startswith("name:"):
            spots = [spot for form in (person.ar, *person.forms) for spot in _mentions(text, form)]
            if spots and all(bodies.covers(start, end) for start, end in spots):
                continue
        kept.append(person)
    return tuple(kept)
