"""Statements: what each speaker of a brief said, each thing once.

A text often quotes a sentence and then reports it again, or reports a sentence with a few of
the speaker's words in quotation marks inside it: both are one statement. A quote whose
words lie inside another quote of the same speaker is given once, as the longer of the two,
with both kinds (direct, reported). One or two quoted words (``fragment``) are left to the
text. Speakers come in the order they are first quoted; unattributed quotes last. The brief
pages (:mod:`builder.render.quotes`), who said what and the entities' pages use this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.arabic import fold
from builder.model import QuoteKind, QuoteRecord, SpeakerRecord


@dataclass(frozen=True)
class Statement:
    """One thing a speaker said: the text shown, and how the text gives it."""

    text: str
    """The quoted or reported words, verbatim (the longest of the quotes merged)."""
    kinds: tuple[QuoteKind, ...]
    """``direct``, ``indirect`` or both (a direct quote inside a reported one), the shown
    text's own kind first."""
    index: int
    """Position of its first quote in the brief's quotes: statements keep the text's order."""


@dataclass(frozen=True)
class SpeakerGroup:
    """A speaker and what they said in one brief."""

    speaker: SpeakerRecord | None
    """As the first of their quotes names them; None for unattributed quotes."""
    statements: tuple[Statement, ...]


# Quotation marks, punctuation and spacing do not make two statements different.
_NOT_WORDS = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    """A quote's words for comparison: folded, without quotation marks or punctuation."""
    return " ".join(_NOT_WORDS.sub(" ", fold(text)).split())


def speaker_key(speaker: SpeakerRecord | None) -> str | None:
    """What makes two quotes the same speaker's: the entity id of a named speaker, else
    the English description (one brief's «مسؤول دفاعي أميركي» and «مسؤول الدفاع الأميركي»
    are the same 'American defence official'), else the folded Arabic words."""
    if speaker is None:
        return None
    if speaker["id"]:
        return "id:" + speaker["id"]
    if speaker["en"]:
        return "en:" + speaker["en"].casefold()
    return "ar:" + _words(speaker["ar"])


def merge_statements(quotes: Sequence[tuple[str, QuoteKind]]) -> list[Statement]:
    """One speaker's ``(text, kind)`` quotes (in text order, fragments already left out) as
    statements: a quote whose words lie inside another's merged into the longer one."""
    said = [(_words(text), index, text, kind) for index, (text, kind) in enumerate(quotes)]
    # Longest first: a quote is merged into the first kept one containing it, so a reported
    # sentence holding two direct quotes takes both.
    said.sort(key=lambda item: (-len(item[0]), item[1]))
    kept: list[tuple[str, Statement]] = []
    for words, index, text, kind in said:
        if not words:
            continue
        for position, (longer, statement) in enumerate(kept):
            if f" {words} " in f" {longer} ":
                kinds = tuple(dict.fromkeys((*statement.kinds, kind)))
                merged = Statement(statement.text, kinds, min(statement.index, index))
                kept[position] = (longer, merged)
                break
        else:
            kept.append((words, Statement(text, (kind,), index)))
    return sorted((statement for _, statement in kept), key=lambda s: s.index)


def statements(quotes: list[QuoteRecord]) -> list[Statement]:
    """The statements of one speaker's quotes (given in text order): fragments left out,
    and a quote whose words lie inside another's merged into the longer one; each
    statement's ``index`` is its first quote's position in ``quotes``."""
    kept = [(index, quote) for index, quote in enumerate(quotes) if not quote.get("fragment")]
    merged = merge_statements([(quote["text"], quote["kind"]) for _, quote in kept])
    return [Statement(s.text, s.kinds, kept[s.index][0]) for s in merged]


def group_by_speaker(quotes: list[QuoteRecord]) -> list[SpeakerGroup]:
    """A brief's quotes as one group per speaker, in the order speakers are first quoted
    (unattributed quotes last), each with its statements; speakers whose every quote is a
    fragment are left out."""
    by_key: dict[str | None, list[tuple[int, QuoteRecord]]] = {}
    for index, quote in enumerate(quotes):
        by_key.setdefault(speaker_key(quote["speaker"]), []).append((index, quote))
    groups = []
    for key, numbered in by_key.items():
        said = statements([quote for _, quote in numbered])
        if not said:
            continue
        # Back to positions in the brief, so groups and statements keep the text's order.
        said = [Statement(s.text, s.kinds, numbered[s.index][0]) for s in said]
        groups.append(
            (key is None, numbered[0][0], SpeakerGroup(numbered[0][1]["speaker"], tuple(said)))
        )
    return [group for _, _, group in sorted(groups, key=lambda g: (g[0], g[1]))]
