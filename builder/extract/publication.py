"""Publication date, outlet and key facts: what a reader of the article could state.

Metadata wins. Without it the date comes from a header line (نشر في / تاريخ النشر /
آخر تحديث + a full date) and the outlet from the domain of the article's url, else from a
dateline (جدة - واس, عين اليوم – جدة, واشنطن (رويترز) -) or a credit
(:mod:`builder.extract.datelines`); both are then marked as inferred with what they rest
on. Nothing is guessed from the article's content.
"""

from __future__ import annotations

import re

from builder.arabic import fold, split_sentences
from builder.clean.furniture import HEADER_DATE_LABEL
from builder.extract.datelines import outlet_in_text, outlet_of_url
from builder.knowledge import Knowledge
from builder.model import CleanDocument, DateMention, Inferred

_HEADER_DATE = re.compile(HEADER_DATE_LABEL, re.I)


def infer_published(doc: CleanDocument, dates: tuple[DateMention, ...]) -> Inferred:
    """Publication date from metadata, else from a header line carrying a full date."""
    if doc.source.metadata.published:
        return Inferred(doc.source.metadata.published, False)
    header_lines: list[tuple[str, str | None]] = [
        (removal.text, removal.reason) for removal in doc.removals[:6]
    ]
    header_lines += [(paragraph, None) for paragraph in doc.paragraphs[:1]]
    for line, reason in header_lines:
        if reason != "header date" and not _HEADER_DATE.search(fold(line)):
            continue
        for mention in dates:
            if (
                mention.text in line
                and mention.iso
                and re.fullmatch(r"\d{4}-\d\d-\d\d", mention.iso)
            ):
                return Inferred(mention.iso, True, basis=line.strip())
    return Inferred(None, False)


def infer_outlet(doc: CleanDocument, knowledge: Knowledge) -> Inferred:
    """Outlet from metadata, else from the domain of the article's url, else from a dateline
    or a credit (:mod:`builder.extract.datelines`), marked as inferred with what names it."""
    meta = doc.source.metadata
    if meta.outlet:
        return Inferred(meta.outlet, False)
    if meta.url:
        named = outlet_of_url(meta.url, knowledge)
        if named is not None:
            return Inferred(named.ar, True, basis=named.basis, en=named.en, from_url=True)
    named = outlet_in_text(doc, knowledge)
    if named is not None:
        return Inferred(named.ar, True, basis=named.basis, en=named.en)
    return Inferred(None, False)


def key_facts(doc: CleanDocument, limit: int = 3) -> tuple[str, ...]:
    """The lead sentences of the article, verbatim: news puts the main facts first."""
    facts: list[str] = []
    for paragraph in doc.paragraphs:
        if len(paragraph.split()) < 6:
            continue  # subheads
        for sentence in split_sentences(paragraph):
            if len(sentence.split()) >= 6:
                facts.append(sentence)
            if len(facts) == limit:
                return tuple(facts)
    return tuple(facts)
