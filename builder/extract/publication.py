"""Publication date, outlet and key facts: what a reader of the article could state.

Metadata wins. Without it the date comes from a header line (نشر في / تاريخ النشر /
آخر تحديث + a full date) and the outlet from a dateline (دبي - الشرق, واشنطن (رويترز) -)
or an agency credit; both are then marked as inferred with the span they rest on.
Nothing is guessed from the article's content.
"""

from __future__ import annotations

import re

from builder.arabic import fold, split_sentences
from builder.clean.furniture import HEADER_DATE_LABEL
from builder.model import CleanDocument, DateMention, Inferred

_HEADER_DATE = re.compile(HEADER_DATE_LABEL, re.I)
_AGENCY_CREDIT = re.compile(
    r"^[\w\s]{2,30}\s*\((?P<agency>رويترز|أ ف ب|ا ف ب|أ ب|واس|قنا|وام|بنا|كونا|سبوتنيك|شينخوا|"
    r"الأناضول|د ب أ|فرانس برس|[\w\s]{2,20})\)\s*[-–—:]"
)


_CLOSING_CREDIT = re.compile(
    r"^(?:المصدر|مصدر الخبر|المصدر الأصلي|source)\s*[:：]\s*(?P<outlet>[^.،:]{2,40}?)\s*\.?$",
    re.I,
)
"""A credit line closing the article: «المصدر: وكالة الأناضول»."""
_GENERIC_SOURCES = {
    fold(word) for word in ["وكالات", "مواقع", "متابعات", "agencies", "وسائل إعلام"]
}
"""Credits that name no outlet: «المصدر: وكالات» says "agencies"."""


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


def infer_outlet(doc: CleanDocument) -> Inferred:
    """Outlet from metadata, else from a removed dateline or an agency credit in the lead."""
    if doc.source.metadata.outlet:
        return Inferred(doc.source.metadata.outlet, False)
    for removal in doc.removals:
        if removal.reason.startswith("dateline"):
            outlet = re.split(r"\s*[-–—]\s*", removal.text, maxsplit=1)[1].strip()
            return Inferred(outlet, True, basis=removal.text)
    if doc.paragraphs:
        credit = _AGENCY_CREDIT.match(doc.paragraphs[0])
        if credit:
            return Inferred(credit.group("agency").strip(), True, basis=credit.group(0).strip())
    for paragraph in reversed(doc.paragraphs[-2:]):
        closing = _CLOSING_CREDIT.match(paragraph.strip())
        if closing and fold(closing.group("outlet")).strip().lower() not in _GENERIC_SOURCES:
            return Inferred(closing.group("outlet").strip(), True, basis=paragraph.strip())
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
