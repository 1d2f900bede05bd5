"""Stage 6, index: the cross-reference pages, in both languages.

Briefs by date, one page per person, organization and country (:mod:`builder.index.entities`)
and per topic, a timeline across briefs, who said what (by date and by speaker), sources by
outlet, and the bilingual terminology. Every list that grows with the corpus is paginated
(:mod:`builder.index.pagination`), so no page's HTML grows beyond one page of its list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from builder.index.entities import entity_list, entity_pages, entity_ref
from builder.index.pagination import ListItem, PageCache, Section, paginate
from builder.knowledge import Knowledge
from builder.links import ENTITY_FOLDERS, brief_link
from builder.model import Entity, Page
from builder.render import markup
from builder.render.labels import label
from builder.render.markup import Lang
from builder.render.names import name_with_gloss, speaker_label
from builder.resolve.corpus import hashed_slug
from builder.resolve.record import newest_briefs
from builder.runtime.incremental import Reuse, no_reuse
from builder.search.pagefind import topic_search

LANGS: tuple[Lang, ...] = ("ar", "en")

BRIEFS_PER_PAGE = 100
"""Links per page of the briefs, topic and source lists."""
EVENTS_PER_PAGE = 100
"""Dated events (each with its sentence) per timeline page."""
QUOTES_PER_PAGE = 50
"""Quotes per page of who said what."""


@dataclass(frozen=True)
class Kept:
    """What a build may take from the last one (``builder.runtime.incremental.BuildMemo``)."""

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
    sections: tuple[Section, ...] = (),
) -> ListItem:
    """A list entry made from ``record`` alone: its lines, for each page depth, are reused
    while the record is the same object (a record is a new object whenever its brief
    changed), and so is its page when all its entries are."""
    reuse = kept.reuse
    return ListItem(
        lambda root: reuse((*key, root), (record,), partial(render, root)),
        group,
        (key, record),
        sections,
    )


def _date_of(record: dict[str, Any]) -> str:
    return record["published"]["value"] or ""


@lru_cache(maxsize=4096)
def _time_sections(value: str, otherwise: Section) -> tuple[Section, ...]:
    """The year and month sections of a list by date for the first seven characters of
    an ISO date (``2024-03``); ``otherwise`` when it has no year."""
    # A decade (194X) is a section of its own, between its first and next years.
    if not re.fullmatch(r"[0-9]{3}[0-9X]", value[:4]):
        return (otherwise,)
    year = Section(value[:4], value[:4])
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return (year, Section(value[:7], value[:7]))
    return (year,)


# Alef with hamza or madda sorts and files under the bare alef, as in Arabic indexes.
_ALEF_FORMS = str.maketrans("أإآٱ", "اااا")


@lru_cache(maxsize=4096)
def _initial_section(heading: str) -> Section:
    """The section of the list of quotes by speaker a speaker heading files under: its
    initial letter."""
    letter = heading.strip()[:1].casefold().translate(_ALEF_FORMS)
    if not letter.isalpha():
        return Section("other", "#")
    return Section(letter if letter.isascii() else f"u{ord(letter):04x}", letter)


def _brief_item(
    record: dict[str, Any],
    lang: Lang,
    group: tuple[str, ...] = (),
    kept: Kept = NOTHING_KEPT,
    *,
    outlet_note: bool = False,
    sections: tuple[Section, ...] = (),
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

    key = ("brief", lang, record["slug"], outlet_note)
    return _entry(kept, key, record, render, group, sections)


def briefs_by_date(
    records: list[dict[str, Any]], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page]:
    """All briefs, newest first, grouped by month of publication; undated ones last."""
    undated = Section("undated", label("undated", lang))
    items = [
        _brief_item(
            record,
            lang,
            (_heading(_date_of(record)[:7] or undated.title),),
            kept,
            sections=_time_sections(_date_of(record)[:7], undated),
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
    no_year = Section("no-year", label("no_year", lang))
    events = [
        event
        for record in records
        for event in kept.reuse(
            ("events", lang, record["slug"]),
            (record,),
            partial(_record_events, record, lang, no_year, kept),
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
    record: dict[str, Any], lang: Lang, no_year: Section, kept: Kept
) -> tuple[tuple[tuple[Any, ...], ListItem], ...]:
    """A brief's entries in the timeline, each with its place in it (reused while the brief
    is unchanged: a rebuild sorts them again but makes only the edited brief's)."""
    events = []
    for number, date in enumerate(record["dates"]):
        key = _timeline_key(date)
        if not key or key.startswith("XXXX"):
            if date["iso"]:
                order = (True, date["iso"], record["slug"], date["text"])
                item = _event_item(date["iso"], date, record, number, lang, (no_year,), kept)
                events.append((order, item))
            continue
        start = key.split("/")[0]  # an interval at its start
        sections = _time_sections(start[:7], no_year)
        order = (False, start, key, record["slug"], date["text"])
        events.append((order, _event_item(key, date, record, number, lang, sections, kept)))
    return tuple(events)


def _event_item(
    key: str,
    date: dict[str, Any],
    record: dict[str, Any],
    number: int,
    lang: Lang,
    sections: tuple[Section, ...],
    kept: Kept,
) -> ListItem:
    """Dated mention ``number`` of a brief in the timeline, shown under ``key``, under a
    heading for each of its ``sections`` (its year and month)."""

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

    group = tuple(markup.text(section.title) for section in sections)
    return _entry(kept, ("event", lang, record["slug"], number), record, render, group, sections)


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
    sections: tuple[Section, ...] = (),
) -> ListItem:
    number, quote = numbered

    def render(root: str) -> list[str]:
        words = markup.text(quote["text"])
        if quote["kind"] == "direct":
            words = f"«{words}»"
        who = f"{speaker_label(quote['speaker'], lang)} — " if with_speaker else ""
        when = f"{markup.text(_date_of(record))} · " if _date_of(record) else ""
        kind = markup.text(label(quote["kind"], lang))
        return [
            f"- {who}{when}{brief_link(record, lang, root)} *({kind})*",
            "",
            "    " + markup.mention(words),
            "",
        ]

    key = ("quote", lang, record["slug"], number, with_speaker)
    return _entry(kept, key, record, render, group, sections)


def _record_quotes(
    record: dict[str, Any], lang: Lang, otherwise: tuple[Section, Section], kept: Kept
) -> tuple[tuple[ListItem, tuple[Any, ...], ListItem], ...]:
    """A brief's quotes as entries of who said what: (entry by date, place in the list by
    speaker, entry by speaker). ``otherwise`` is the section of undated briefs and that of
    unattributed quotes. Reused while the brief is unchanged."""
    undated, unattributed = otherwise
    month = _date_of(record)[:7]
    by_date = (_time_sections(month, undated), (_heading(month or undated.title),))
    entries = []
    for numbered in enumerate(record["quotes"]):
        name = _speaker_heading(numbered[1], lang)
        unknown = numbered[1]["speaker"] is None
        filed = unattributed if unknown else _initial_section(name)
        entries.append(
            (
                _quote_item(numbered, record, lang, by_date[1], True, kept, by_date[0]),
                (unknown, filed.key, name.casefold()),
                _quote_item(numbered, record, lang, (_heading(name),), False, kept, (filed,)),
            )
        )
    return tuple(entries)


# Thousands of quotes share a few hundred months and speakers: each heading escaped once.
_heading = lru_cache(maxsize=4096)(markup.text)


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
    undated = Section("undated", label("undated", lang))
    unattributed = Section("unattributed", label("unknown_speaker", lang))
    entries = [
        entry
        for record in newest_briefs(records)
        for entry in kept.reuse(
            ("quotes", lang, record["slug"]),
            (record,),
            partial(_record_quotes, record, lang, (undated, unattributed), kept),
        )
    ]
    items = [by_date for by_date, _, _ in entries]
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
    # Speakers in the page language's alphabetical order, filed by initial letter;
    # unattributed quotes last.
    speaker_items = [by_speaker for _, _, by_speaker in sorted(entries, key=lambda e: e[1])]
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
