"""Stage 6, index: the cross-reference pages, in both languages.

Briefs by date, one page per person, organization and country (:mod:`builder.entities`)
and per topic, a timeline across briefs, who said what (by date and by speaker), sources by
outlet, and the bilingual terminology. Every list that grows with the corpus is paginated
(:mod:`builder.pagination`), so no page's HTML grows beyond one page of its list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from . import markup
from .entities import entity_list, entity_pages, entity_ref
from .incremental import Reuse, no_reuse
from .knowledge import Knowledge
from .labels import label
from .markup import Lang
from .model import Entity, Page
from .pagination import ListItem, PageCache, paginate
from .render import ENTITY_FOLDERS, brief_link, name_with_gloss, newest_briefs, speaker_label
from .resolve import hashed_slug
from .search import topic_search

LANGS: tuple[Lang, ...] = ("ar", "en")

BRIEFS_PER_PAGE = 100
"""Links per page of the briefs, topic and source lists."""
EVENTS_PER_PAGE = 100
"""Dated events (each with its sentence) per timeline page."""
QUOTES_PER_PAGE = 50
"""Quotes per page of who said what."""


@dataclass(frozen=True)
class Kept:
    """What a build may take from the last one (``builder.incremental.BuildMemo``)."""

    reuse: Reuse = no_reuse
    """Values (a list entry's lines) made again only when their inputs changed."""
    pages: PageCache | None = None
    """Pages not assembled again when their entries are the same."""


NOTHING_KEPT = Kept()


def _entry(
    kept: Kept,
    key: tuple[Hashable, ...],
    record: dict[str, Any],
    render: Callable[[str], list[str]],
    group: tuple[str, ...] = (),
) -> ListItem:
    """A list entry made from ``record`` alone: its lines, for each page depth, are reused
    while the record is the same object (a record is a new object whenever its brief
    changed), and so is its page when all its entries are."""
    reuse = kept.reuse
    return ListItem(
        lambda root: reuse((*key, root), (record,), partial(render, root)),
        group,
        (key, record),
    )


def _date_of(record: dict[str, Any]) -> str:
    return record["published"]["value"] or ""


def _brief_item(
    record: dict[str, Any],
    lang: Lang,
    group: tuple[str, ...] = (),
    kept: Kept = NOTHING_KEPT,
    *,
    outlet_note: bool = False,
) -> ListItem:
    """A brief in a list: link, date and outlet; with ``outlet_note``, an inferred outlet
    is marked (the lists by outlet)."""

    def render(root: str) -> list[str]:
        outlet = record["outlet"]["value"]
        extra = " · ".join(markup.text(part) for part in (_date_of(record), outlet) if part)
        suffix = f" — <small>{extra}</small>" if extra else ""
        if outlet_note and record["outlet"]["inferred"]:
            suffix += f" {markup.note(label('inferred', lang))}"
        return [f"- {brief_link(record, lang, root)}{suffix}"]

    return _entry(kept, ("brief", lang, record["slug"], outlet_note), record, render, group)


def _jump_list(name: str, groups: list[tuple[str, int, int]]) -> list[str]:
    """Links from a list's first page to the page where each group starts, given
    (heading text, items, page number). Headings that are dates (2024, 2024-03) get the
    heading's own anchor too: the toc extension gives them their text as id."""
    links = []
    for heading, count, number in groups:
        target = f"{name}/page-{number}.md" if number > 1 else f"{name.rsplit('/', 1)[-1]}.md"
        if re.fullmatch(r"[0-9]{4}(-[0-9]{2})?", heading):
            target += f"#{heading}"
        links.append(markup.link(f"{heading} ({count})", target))
    return [" · ".join(links), ""] if links else []


def briefs_by_date(
    records: list[dict[str, Any]], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """All briefs, newest first, grouped by month of publication; undated ones last."""
    ordered = newest_briefs(records)
    groups = [(_date_of(record)[:7] or label("undated", lang),) for record in ordered]
    items = [_brief_item(r, lang, g, kept) for r, g in zip(ordered, groups, strict=True)]
    head = _jump_list("index", _group_pages(groups, BRIEFS_PER_PAGE))
    return paginate(
        "briefs",
        "index",
        lang,
        label("briefs_index", lang),
        head,
        items,
        BRIEFS_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )


def _group_pages(groups: list[tuple[str, ...]], per_page: int) -> list[tuple[str, int, int]]:
    """(heading, items, first page) of each top-level group of a paginated list."""
    found: dict[str, list[int]] = {}
    for position, group in enumerate(groups):
        key = group[0] if group else ""
        entry = found.setdefault(key, [0, position // per_page + 1])
        entry[0] += 1
    return [(key, count, number) for key, (count, number) in found.items() if key]


def topic_pages(
    records: list[dict[str, Any]], knowledge: Knowledge, lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """The topic list and one page per topic with its briefs (topics with no brief included)."""
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        for topic in record["topics"]:
            by_topic[topic["id"]].append(record)
    pages = []
    listing = [
        f"| {label('topics', lang)} | {label('briefs_count', lang)} | {label('last_seen', lang)} |",
        "| --- | --- | --- |",
    ]
    for topic in knowledge.topics:
        name = topic.ar if lang == "ar" else topic.en
        briefs = newest_briefs(by_topic.get(topic.id, []))
        latest = _date_of(briefs[0]) if briefs and _date_of(briefs[0]) else "—"
        listing.append(
            f"| {markup.link(name, f'{topic.id}.md')} | {len(briefs)} | {markup.text(latest)} |"
        )
        head = [
            name_with_gloss(topic.ar, topic.en, False, lang),
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
            [_brief_item(r, lang, kept=kept) for r in briefs],
            BRIEFS_PER_PAGE,
            # A topic no brief has is not a search result.
            front={"search": topic_search(lang)} if briefs else None,
            empty=label("none", lang),
            cached=kept.pages,
        )
    pages.append(_plain_page("topics", "index", lang, label("topics_index", lang), listing))
    return pages


def _plain_page(folder: str, name: str, lang: Lang, title: str, body: list[str]) -> Page:
    return paginate(folder, name, lang, title, body, [], 1)[0]


def _timeline_key(date: dict[str, Any]) -> str:
    return date["resolved"] or date["iso"] or ""


def timeline(records: list[dict[str, Any]], lang: Lang, kept: Kept = NOTHING_KEPT) -> list[Page]:
    """Every dated mention across briefs in chronological order, by year and month.

    A date without a stated year is placed by its resolved value when the publication date
    allows; otherwise it goes to its own section at the end rather than being given a year.
    """
    dated: list[tuple[str, str, dict, dict, int]] = []
    yearless: list[tuple[dict, dict, int]] = []
    for record in records:
        for number, date in enumerate(record["dates"]):
            key = _timeline_key(date)
            if not key or key.startswith("XXXX"):
                if date["iso"]:
                    yearless.append((date, record, number))
                continue
            # An interval at its start.
            dated.append((key.split("/")[0], key, date, record, number))
    dated.sort(key=lambda item: (item[0], item[1], item[3]["slug"], item[2]["text"]))
    yearless.sort(key=lambda item: (item[0]["iso"], item[1]["slug"], item[0]["text"]))
    items, groups = [], []
    for start, key, date, record, number in dated:
        group = (markup.text(start[:4]),)
        if len(start) >= 7 and start[5:7].isdigit():
            group += (markup.text(start[:7]),)
        groups.append((start[:4],))
        items.append(_event_item(key, date, record, number, lang, group, kept))
    no_year = label("no_year", lang)
    for date, record, number in yearless:
        groups.append((no_year,))
        group = (markup.text(no_year),)
        items.append(_event_item(date["iso"], date, record, number, lang, group, kept))
    head = _jump_list("index", _group_pages(groups, EVENTS_PER_PAGE))
    return paginate(
        "timeline",
        "index",
        lang,
        label("timeline_index", lang),
        head,
        items,
        EVENTS_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )


def _event_item(
    key: str,
    date: dict[str, Any],
    record: dict[str, Any],
    number: int,
    lang: Lang,
    group: tuple[str, ...],
    kept: Kept,
) -> ListItem:
    """Dated mention ``number`` of a brief in the timeline, shown under ``key``."""

    def render(root: str) -> list[str]:
        actors = _sentence_actors(record, date["sentence"], lang)
        lines = [
            f"- **{markup.text(key)}** {_date_note(date, lang)} — {brief_link(record, lang, root)}",
            "",
            "    " + markup.mention(markup.text(date["sentence"])),
            "",
        ]
        if actors:
            lines += [f"    <small>{label('actors', lang)}: {actors(root)}</small>", ""]
        return lines

    return _entry(kept, ("event", lang, record["slug"], number), record, render, group)


def _sentence_actors(record: dict[str, Any], sentence: str, lang: Lang):
    """The brief's actors named in a sentence, as links (None when it names none)."""
    found = [
        (kind, actor)
        for field, kind in (
            ("people", "person"),
            ("organizations", "organization"),
            ("countries", "country"),
        )
        for actor in record[field]
        if any(form in sentence for form in (actor["ar"], *actor["forms"]))
    ]
    if not found:
        return None

    def links(root: str) -> str:
        return markup.separator(lang).join(
            markup.link(
                actor["ar"] if lang == "ar" else actor["en"],
                f"{root}/{ENTITY_FOLDERS[kind]}/{actor['id']}.md",
            )
            for kind, actor in found
        )

    return links


def _date_note(date: dict[str, Any], lang: Lang) -> str:
    note = (
        f"({markup.span(date['text'], 'ar')})" if lang == "en" else f"({markup.text(date['text'])})"
    )
    if date["relative"]:
        note += f" <small>{markup.text(label('relative', lang))}</small>"
    return note


def _quote_item(
    numbered: tuple[int, dict[str, Any]],
    record: dict[str, Any],
    lang: Lang,
    group: tuple[str, ...],
    with_speaker: bool,
    kept: Kept,
) -> ListItem:
    number, quote = numbered

    def render(root: str) -> list[str]:
        words = markup.text(quote["text"])
        if quote["kind"] == "direct":
            words = f"«{words}»"
        who = f"{speaker_label(quote['speaker'], lang, root)} — " if with_speaker else ""
        when = f"{markup.text(_date_of(record))} · " if _date_of(record) else ""
        kind = markup.text(label(quote["kind"], lang))
        return [
            f"- {who}{when}{brief_link(record, lang, root)} *({kind})*",
            "",
            "    " + markup.mention(words),
            "",
        ]

    key = ("quote", lang, record["slug"], number, with_speaker)
    return _entry(kept, key, record, render, group)


def _speaker_heading(quote: dict[str, Any], lang: Lang) -> str:
    """A speaker as a plain heading: the name in the page language when there is one."""
    speaker = quote["speaker"]
    if speaker is None:
        return label("unknown_speaker", lang)
    if lang == "en" and speaker["en"]:
        return speaker["en"]
    return speaker["ar"]


def quotes_index(
    records: list[dict[str, Any]], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """Who said what: every quote by date (newest first) and, on its own pages, by speaker."""
    pairs = [
        ((number, quote), record)
        for record in newest_briefs(records)
        for number, quote in enumerate(record["quotes"])
    ]
    by_date_groups = [(_date_of(r)[:7] or label("undated", lang),) for _, r in pairs]
    # Thousands of quotes share a few hundred months and speakers: each heading escaped once.
    heading = lru_cache(maxsize=None)(markup.text)
    items = [
        _quote_item(q, r, lang, (heading(group[0]),), True, kept)
        for (q, r), group in zip(pairs, by_date_groups, strict=True)
    ]
    head = [markup.link(label("quotes_by_speaker", lang), "speakers.md"), ""]
    pages = paginate(
        "quotes",
        "index",
        lang,
        label("quotes_index", lang),
        head,
        items,
        QUOTES_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )
    # Speakers in the page language's alphabetical order; unattributed quotes last.
    by_speaker = sorted(
        pairs,
        key=lambda pair: (
            pair[0][1]["speaker"] is None,
            _speaker_heading(pair[0][1], lang).casefold(),
        ),
    )
    speaker_items = [
        _quote_item(q, r, lang, (heading(_speaker_heading(q[1], lang)),), False, kept)
        for q, r in by_speaker
    ]
    head = [markup.link(label("quotes_index", lang), "index.md"), ""]
    pages += paginate(
        "quotes",
        "speakers",
        lang,
        label("quotes_by_speaker", lang),
        head,
        speaker_items,
        QUOTES_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )
    return pages


def sources_index(
    records: list[dict[str, Any]], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """Outlets with their number of briefs; one page per outlet (inferred outlets marked)."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_outlet[record["outlet"]["value"] or ""].append(record)
    listing = [
        f"| {label('outlet', lang)} | {label('briefs_count', lang)} | {label('last_seen', lang)} |",
        "| --- | --- | --- |",
    ]
    pages = []
    for outlet in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o == "", o)):
        briefs = newest_briefs(by_outlet[outlet])
        name = hashed_slug(outlet, outlet, "outlet") if outlet else "no-outlet"
        heading = outlet or label("no_outlet", lang)
        latest = _date_of(briefs[0]) or "—"
        listing.append(
            f"| {markup.link(heading, f'{name}.md')} | {len(briefs)} | {markup.text(latest)} |"
        )
        pages += paginate(
            "sources",
            name,
            lang,
            heading,
            [],
            [_brief_item(r, lang, kept=kept, outlet_note=True) for r in briefs],
            BRIEFS_PER_PAGE,
            cached=kept.pages,
        )
    pages.append(_plain_page("sources", "index", lang, label("sources_index", lang), listing))
    return pages


def terminology(
    records: list[dict[str, Any]], knowledge: Knowledge, lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """The bilingual terminology: each term of the data file, its translation, and the
    briefs that use it (most uses first)."""
    users: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for record in records:
        for term in record["terms"]:
            users[term["ar"]].append((term["count"], record))
    pages = []
    rows = [
        f"| {label('term_ar', lang)} | {label('term_en', lang)} | {label('briefs_count', lang)} |",
        "| --- | --- | --- |",
    ]
    terms = sorted(knowledge.terms, key=lambda t: (-len(users.get(t.ar, [])), t.en.lower()))
    for term in terms:
        used = users.get(term.ar, [])
        name = hashed_slug(term.en, term.ar, "term")
        shown_ar = markup.text(term.ar) if lang == "ar" else markup.span(term.ar, "ar")
        shown_en = markup.span(term.en, "en") if lang == "ar" else markup.text(term.en)
        count = markup.link(str(len(used)), f"{name}.md") if used else "0"
        rows.append(f"| {shown_ar} | {shown_en} | {count} |")
        if not used:
            continue
        ordered = [r for _, r in sorted(used, key=lambda u: (-u[0], u[1]["slug"]))]
        title = term.ar if lang == "ar" else term.en
        head = [f"{shown_ar} — {shown_en}" if lang == "ar" else f"{shown_en} — {shown_ar}", ""]
        pages += paginate(
            "terms",
            name,
            lang,
            title,
            head,
            [_brief_item(r, lang, kept=kept) for r in ordered],
            BRIEFS_PER_PAGE,
            cached=kept.pages,
        )
    intro = [markup.text(label("terminology_intro", lang)), ""]
    pages.append(_plain_page("terms", "index", lang, label("terms_index", lang), intro + rows))
    return pages


def _entity_inputs(
    entity: Entity, titles: dict[str, dict[str, Any]], names: dict[tuple[str, str], Any]
) -> tuple[Any, ...]:
    """Everything an entity's pages are made from besides the entity itself."""
    slugs = dict.fromkeys([*(m.slug for m in entity.mentions), *(q.slug for q in entity.quotes)])
    listed = tuple(
        (slug, titles[slug]["title"]["ar"], titles[slug]["title"]["en"]) for slug in slugs
    )
    linked = tuple(tuple(names[(kind, ident)].items()) for kind, ident, _ in entity.co_mentions)
    return entity, listed, linked


def index_pages(
    records: list[dict[str, Any]],
    entities: tuple[Entity, ...],
    knowledge: Knowledge,
    cached: PageCache | None = None,
    reuse: Reuse = no_reuse,
) -> Iterator[Any]:
    """Every index page in both languages, one list at a time; with ``cached``, an entity's
    pages are reused when nothing they show changed, and with ``reuse``, the entries of the
    corpus-wide lists when their brief did not change."""
    kept = Kept(reuse, cached)
    titles = {record["slug"]: record for record in records}
    names = {(entity.kind, entity.id): entity_ref(entity) for entity in entities}
    for lang in LANGS:
        yield from briefs_by_date(records, lang, kept)
        for kind in ENTITY_FOLDERS:
            of_kind = [entity for entity in entities if entity.kind == kind]
            yield from entity_list(of_kind, kind, lang)
            for entity in of_kind:
                render = partial(entity_pages, entity, titles, names, knowledge, lang)
                if cached is None:
                    yield from render()
                else:
                    key = ("entity", kind, entity.id, lang)
                    yield from cached(key, _entity_inputs(entity, titles, names), render)
        yield from topic_pages(records, knowledge, lang, kept)
        yield from timeline(records, lang, kept)
        yield from quotes_index(records, lang, kept)
        yield from sources_index(records, lang, kept)
        yield from terminology(records, knowledge, lang, kept)
