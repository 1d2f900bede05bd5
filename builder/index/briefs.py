"""The lists of briefs: by date of publication, by topic and by outlet."""

from __future__ import annotations

from collections import defaultdict

from builder.index.entries import (
    BRIEFS_PER_PAGE,
    NOTHING_KEPT,
    Kept,
    brief_item,
    date_of,
    group_heading,
    plain_page,
    time_sections,
)
from builder.index.pagination import Section, paginate
from builder.knowledge import Knowledge
from builder.model import BriefRecord, Page
from builder.render import markup
from builder.render.dates import date_text, date_words
from builder.render.labels import label
from builder.render.markup import Lang
from builder.render.names import name_with_gloss
from builder.resolve.corpus import hashed_slug
from builder.resolve.record import newest_briefs
from builder.runtime.incremental import KeptPage
from builder.search.pagefind import topic_search


def _month_title(record: BriefRecord, lang: Lang) -> str:
    """The heading of a brief's month (or year) of publication, in words; empty if undated."""
    value = date_of(record)[:7]
    return date_words(value, lang) if value else ""


def briefs_by_date(
    records: list[BriefRecord], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """All briefs, newest first, grouped by month of publication; undated ones last."""
    undated = Section("undated", label("undated", lang))
    items = [
        brief_item(
            record,
            lang,
            (group_heading(_month_title(record, lang) or undated.title),),
            sections=time_sections(date_of(record)[:7], undated, lang),
        )
        for record in newest_briefs(records)
    ]
    return paginate(
        "briefs",
        "index",
        lang,
        label("briefs_index", lang),
        [],
        items,
        BRIEFS_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
        jump=True,
    )


def topic_pages(
    records: list[BriefRecord], knowledge: Knowledge, lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """The topic list and one page per topic with its briefs. A topic of the data file that
    no brief has gets neither a row nor a page: a reader would only find "none found"."""
    by_topic: dict[str, list[BriefRecord]] = defaultdict(list)
    for record in records:
        for tagged in record["topics"]:
            by_topic[tagged["id"]].append(record)
    pages: list[Page | KeptPage] = []
    listing = [
        f"| {label('topics', lang)} | {label('briefs_count', lang)} | {label('last_seen', lang)} |",
        "| --- | --- | --- |",
    ]
    for topic in knowledge.topics:
        name = topic.ar if lang == "ar" else topic.en
        briefs = newest_briefs(by_topic.get(topic.id, []))
        if not briefs:
            continue
        latest = date_text(date_of(briefs[0]), lang) if briefs and date_of(briefs[0]) else "—"
        listing.append(
            f"| {markup.link(name, f'{topic.id}.md')} | {len(briefs)} | {markup.text(latest)} |"
        )
        head = [
            # The name again with its gloss: in search excerpts «Taiwan. Taiwan ().»
            f"<span data-pagefind-ignore>{name_with_gloss(topic.ar, topic.en, False, lang)}</span>",
            "",
            f"## {label('topic_briefs', lang)} ({len(briefs)})",
            "",
        ]
        pages += paginate(
            "topics",
            topic.id,
            lang,
            name,
            head,
            [brief_item(r, lang) for r in briefs],
            BRIEFS_PER_PAGE,
            front={"search": topic_search(lang)},
            empty=label("none", lang),
            cached=kept.pages,
        )
    pages.append(plain_page("topics", "index", lang, label("topics_index", lang), listing))
    return pages


def sources_index(
    records: list[BriefRecord], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """Outlets with their number of briefs; one page per outlet (inferred outlets marked)."""
    by_outlet: dict[str, list[BriefRecord]] = defaultdict(list)
    for record in records:
        by_outlet[record["outlet"]["value"] or ""].append(record)
    listing = [
        f"| {label('outlet', lang)} | {label('briefs_count', lang)} | {label('last_seen', lang)} |",
        "| --- | --- | --- |",
    ]
    pages: list[Page | KeptPage] = []
    for outlet in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o == "", o)):
        briefs = newest_briefs(by_outlet[outlet])
        name = hashed_slug(outlet, outlet, "outlet") if outlet else "no-outlet"
        heading = outlet or label("no_outlet", lang)
        latest = date_text(date_of(briefs[0]), lang) or "—"
        listing.append(
            f"| {markup.link(heading, f'{name}.md')} | {len(briefs)} | {markup.text(latest)} |"
        )
        pages += paginate(
            "sources",
            name,
            lang,
            heading,
            [],
            [brief_item(r, lang, outlet_note=True) for r in briefs],
            BRIEFS_PER_PAGE,
            cached=kept.pages,
        )
    pages.append(plain_page("sources", "index", lang, label("sources_index", lang), listing))
    return pages
