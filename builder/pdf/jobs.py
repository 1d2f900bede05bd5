"""Which PDFs to make: one per brief and language (:func:`brief_jobs`), or a collection of
the briefs a :class:`Selection` picks, per language (:func:`collection_job`); and the jobs of
a ``briefing pdf`` request (:func:`requested_jobs`). The documents themselves come from
``builder.pdf.layout``; ``builder.pdf.writer`` renders and caches them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.errors import BriefingError
from builder.links import pdf_name
from builder.model import ActorRecord, Brief, BriefRecord, TopicRecord, period_of, record_actors
from builder.pdf.layout import brief_document, collection_document
from builder.render.labels import label
from builder.render.markup import Lang


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make."""

    name: str
    """File name under the output folder."""
    html: str
    """The document (see ``builder.pdf.layout``)."""
    source: str
    """What messages name when it fails: the brief's source file, or the collection."""


def brief_jobs(
    briefs: Sequence[Brief], records: Sequence[BriefRecord], langs: Sequence[Lang]
) -> list[PdfJob]:
    """One job per brief and language."""
    return [
        PdfJob(
            pdf_name(brief.slug, lang), brief_document(brief, record, lang), brief.doc.source.file
        )
        for brief, record in zip(briefs, records, strict=True)
        for lang in langs
    ]


@dataclass(frozen=True)
class Selection:
    """Which briefs a collection holds; every criterion given must match."""

    topic: str | None = None
    """A topic id or its Arabic or English name (case-insensitive)."""
    actor: str | None = None
    """A person, organization or country: id, Arabic or English name (case-insensitive)."""
    since: date | None = None
    """First publication date included; undated briefs are left out of a date range, and a
    brief known only to its month or year is in it when all of that month or year is."""
    until: date | None = None
    """Last publication date included."""

    def matches(self, record: BriefRecord) -> bool:
        """Whether the brief of ``record`` belongs in the collection."""
        if self.topic and not _names_match(record["topics"], self.topic):
            return False
        actors = record["people"] + record["organizations"] + record["countries"]
        if self.actor and not _names_match(actors, self.actor):
            return False
        if self.since or self.until:
            period = period_of(record["published"]["value"])
            if period is None:
                return False
            if (self.since and period.first < self.since) or (
                self.until and period.last > self.until
            ):
                return False
        return True

    def describe(self, records: Sequence[BriefRecord], lang: Lang) -> str:
        """The collection's title: the topic and actor by their names in ``lang`` (as
        ``records`` give them), and the date range."""
        parts = []
        if self.topic:
            topics = [topic for record in records for topic in record["topics"]]
            parts.append(_shown_name(topics, self.topic, lang))
        if self.actor:
            actors = [actor for record in records for _, actor in record_actors(record)]
            parts.append(_shown_name(actors, self.actor, lang))
        if self.since or self.until:
            parts.append(f"{self.since or '…'} – {self.until or '…'}")
        return " · ".join(parts) or label("all_briefs_title", lang)


Named = ActorRecord | TopicRecord
"""A topic or actor of a record: what a selection names by id, Arabic or English name."""


def _matches(item: Named, wanted: str) -> bool:
    folded = wanted.strip().casefold()
    return folded in {item["id"].casefold(), item["ar"].casefold(), item["en"].casefold()}


def _names_match(items: Sequence[Named], wanted: str) -> bool:
    return any(_matches(item, wanted) for item in items)


def _shown_name(items: Sequence[Named], wanted: str, lang: Lang) -> str:
    """The name in ``lang`` of the first item matching ``wanted`` (else ``wanted``)."""
    for item in items:
        if _matches(item, wanted):
            return item[lang] or item["ar"]
    return wanted


def collection_job(
    briefs: Sequence[Brief],
    records: Sequence[BriefRecord],
    selection: Selection,
    lang: Lang,
    name: str,
) -> PdfJob | None:
    """The collection of the selected briefs, newest first; None when none matches."""
    chosen = [
        (brief, record)
        for brief, record in zip(briefs, records, strict=True)
        if selection.matches(record)
    ]
    if not chosen:
        return None
    chosen.sort(key=lambda pair: (pair[1]["published"]["value"] or "", pair[0].slug), reverse=True)
    title = selection.describe([record for _, record in chosen], lang)
    html = collection_document(title, chosen, lang)
    return PdfJob(name, html, "collection")


def requested_jobs(
    briefs: Sequence[Brief],
    records: Sequence[BriefRecord],
    *,
    wanted: Sequence[str],
    langs: Sequence[Lang],
    selection: Selection | None,
    name: str,
    briefs_dir: Path,
) -> list[PdfJob] | None:
    """The jobs of a ``briefing pdf`` request: the briefs named in ``wanted`` (source files
    or slugs; every brief when empty) in each of ``langs``, or, with a ``selection``, one
    collection of them per language, ``<name>.<lang>.pdf``. None when no brief matches the
    selection; a :class:`BriefingError` names the wanted briefs not in ``briefs_dir``."""
    if wanted:
        slugs = {Path(item).stem for item in wanted}
        pairs = [(b, r) for b, r in zip(briefs, records, strict=True) if b.slug in slugs]
        missing = slugs - {brief.slug for brief, _ in pairs}
        if missing:
            raise BriefingError(f"no such brief in {briefs_dir}: {', '.join(sorted(missing))}")
        briefs, records = tuple(b for b, _ in pairs), [r for _, r in pairs]
    if selection is None:
        return brief_jobs(briefs, records, langs)
    jobs = []
    for lang in langs:
        job = collection_job(briefs, records, selection, lang, f"{name}.{lang}.pdf")
        if job is None:
            return None
        jobs.append(job)
    return jobs
