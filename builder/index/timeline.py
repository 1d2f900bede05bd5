"""The timeline: every dated mention across briefs in chronological order."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from builder.index.entries import NOTHING_KEPT, Kept, list_entry, time_sections
from builder.index.pagination import ListItem, Section, paginate
from builder.links import brief_link, entity_page
from builder.model import BriefRecord, DateRecord, Page, record_actors
from builder.render import markup
from builder.render.dates import date_words
from builder.render.labels import label
from builder.render.markup import Lang
from builder.runtime.incremental import KeptPage

EVENTS_PER_PAGE = 100
"""Dated events (each with its sentence) per timeline page."""

EventOrder = tuple[bool | str, ...]
"""Where an event goes in the timeline: yearless last, then by date, brief and text."""


def _timeline_key(date: DateRecord) -> str:
    return date["resolved"] or date["iso"] or ""


def timeline(
    records: list[BriefRecord], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """Every dated mention across briefs in chronological order, by year and month.

    A date without a stated year is placed by its resolved value when the publication date
    allows; otherwise it goes to its own section at the end rather than being given a year.
    """
    no_year = Section("no-year", label("no_year", lang))
    events = [
        event
        for record in records
        for event in kept.reuse(
            ("events", lang, record["slug"]),
            (record,),
            partial(_record_events, record, lang, no_year),
        )
    ]
    # Dated mentions first, then the yearless ones.
    events.sort(key=lambda event: event[0])
    items = [item for _, item in events]
    return paginate(
        "timeline",
        "index",
        lang,
        label("timeline_index", lang),
        [],
        items,
        EVENTS_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
        jump=True,
    )


def _record_events(
    record: BriefRecord, lang: Lang, no_year: Section
) -> tuple[tuple[EventOrder, ListItem], ...]:
    """A brief's entries in the timeline, each with its place in it (reused while the brief
    is unchanged: a rebuild sorts them again but makes only the edited brief's)."""
    events: list[tuple[EventOrder, ListItem]] = []
    for number, date in enumerate(record["dates"]):
        key = _timeline_key(date)
        order: EventOrder
        if not key or key.startswith("XXXX"):
            if date["iso"]:
                order = (True, date["iso"], record["slug"], date["text"])
                item = _event_item(date["iso"], date, record, number, lang, (no_year,))
                events.append((order, item))
            continue
        start = key.split("/")[0]  # an interval at its start
        sections = time_sections(start[:7], no_year, lang)
        order = (False, start, key, record["slug"], date["text"])
        events.append((order, _event_item(key, date, record, number, lang, sections)))
    return tuple(events)


def _event_item(
    key: str,
    date: DateRecord,
    record: BriefRecord,
    number: int,
    lang: Lang,
    sections: tuple[Section, ...],
) -> ListItem:
    """Dated mention ``number`` of a brief in the timeline, shown under ``key``, under a
    heading for each of its ``sections`` (its year and month)."""

    def render(root: str) -> list[str]:
        actors = _sentence_actors(record, date["sentence"], lang)
        lines = [
            f"- **{markup.text(date_words(key, lang))}** {_date_note(date, lang)} — "
            f"{brief_link(record, lang, root)}",
            "",
            "    " + markup.mention(markup.text(date["sentence"])),
            "",
        ]
        if actors:
            lines += [f"    <small>{label('actors', lang)}: {actors(root)}</small>", ""]
        return lines

    group = tuple(markup.text(section.title) for section in sections)
    return list_entry(("event", lang, record["slug"], number), record, render, group, sections)


def _sentence_actors(record: BriefRecord, sentence: str, lang: Lang) -> Callable[[str], str] | None:
    """The brief's actors named in a sentence, as links from a page ``root`` below
    ``docs/`` (None when it names none)."""
    found = [
        (kind, actor)
        for kind, actor in record_actors(record)
        if any(form in sentence for form in (actor["ar"], *actor["forms"]))
    ]
    if not found:
        return None

    def links(root: str) -> str:
        return markup.separator(lang).join(
            markup.link(
                actor["ar"] if lang == "ar" else actor["en"],
                entity_page(kind, actor["id"], root),
            )
            for kind, actor in found
        )

    return links


def _date_note(date: DateRecord, lang: Lang) -> str:
    note = (
        f"({markup.span(date['text'], 'ar')})" if lang == "en" else f"({markup.text(date['text'])})"
    )
    if date["relative"]:
        note += f" <small>{markup.text(label('relative', lang))}</small>"
    return note
