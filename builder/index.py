"""Stage 6, index: the cross-reference pages, in both languages.

Briefs by date, one page per person, organization, country and topic (each listing every
brief that mentions it, with the sentence), the lists of people, organizations, countries
and topics, a timeline across briefs, who said what, and sources. These index pages are
what the navigation holds; brief pages are reached from them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from . import markup
from .knowledge import Knowledge
from .labels import label
from .markup import Lang
from .model import Entity, Page
from .render import ENTITY_FOLDERS, entity_link, name_with_gloss, page_path, speaker_label
from .search import entity_search, topic_search

LANGS: tuple[Lang, ...] = ("ar", "en")


def _page(
    folder: str,
    name: str,
    lang: Lang,
    title: str,
    body: list[str],
    search: dict[str, Any] | None = None,
) -> Page:
    front = markup.front_matter({"title": title, "search": search} if search else {"title": title})
    content = front + "\n" + f"# {markup.text(title)}\n\n" + "\n".join(body).rstrip() + "\n"
    return Page(page_path(folder, name, lang), content)


def _brief_link(record: dict[str, Any], lang: Lang) -> str:
    title = record["title"]["ar"] if lang == "ar" else record["title"]["en"]
    # A list of briefs on an entity or topic page is not that page's text: search finds the
    # briefs themselves (attr_list puts the attribute on the link).
    shown = markup.link(title, f"../briefs/{record['slug']}.md") + '{ data-pagefind-ignore="all" }'
    if lang == "en":
        shown += f" ({markup.span(record['title']['ar'], 'ar')})"
    return shown


def _date_of(record: dict[str, Any]) -> str:
    return record["published"]["value"] or ""


def briefs_by_date(records: list[dict[str, Any]], lang: Lang) -> Page:
    """All briefs, newest first, grouped by month of publication; undated ones last."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[_date_of(record)[:7]].append(record)
    body: list[str] = []
    for month in sorted(groups, reverse=True):
        heading = month or label("undated", lang)
        body += [f"## {markup.text(heading)}", ""]
        for record in sorted(groups[month], key=lambda r: (_date_of(r), r["slug"]), reverse=True):
            outlet = record["outlet"]["value"]
            extra = " · ".join(markup.text(part) for part in (_date_of(record), outlet) if part)
            body.append(
                f"- {_brief_link(record, lang)}" + (f" — <small>{extra}</small>" if extra else "")
            )
        body.append("")
    return _page("briefs", "index", lang, label("briefs_index", lang), body)


def entity_pages(
    entity: Entity, titles: dict[str, dict[str, Any]], knowledge: Knowledge, lang: Lang
) -> Page:
    """One entity's page: names, forms, roles and every brief that mentions it."""
    title = entity.ar if lang == "ar" else entity.en
    body = [
        f"- **{label('arabic_name' if lang == 'en' else 'english_name', lang)}:** "
        + (markup.span(entity.en, "en") if lang == "ar" else markup.span(entity.ar, "ar"))
        + (
            f" <small>({markup.text(label('romanized', lang))})</small>"
            if entity.en_provisional
            else ""
        ),
    ]
    if entity.code:
        body.append(f"- **{label('code', lang)}:** {markup.text(entity.code)}")
    if entity.forms:
        forms = "، ".join(markup.text(form) for form in entity.forms)
        body.append(
            f"- **{label('forms', lang)}:** "
            + (forms if lang == "ar" else f'<bdi lang="ar" dir="rtl">{forms}</bdi>')
        )
    if entity.roles:
        roles = "، ".join(markup.text(role) for role in entity.roles)
        body.append(
            f"- **{label('roles', lang)}:** "
            + (roles if lang == "ar" else f'<bdi lang="ar" dir="rtl">{roles}</bdi>')
        )
    body += ["", f"## {label('mentions', lang)} ({len(entity.mentions)})", ""]
    for mention in entity.mentions:
        record = titles[mention.slug]
        body.append(f"- {_brief_link(record, lang)}")
        body.append("")
        body.append(
            "    "
            # The sentences are the briefs' text, not this page's: search finds the briefs.
            + markup.block(markup.text(mention.sentence), "ar", "mention", search=False).replace(
                "\n", "\n    "
            )
        )
        body.append("")
    latest = max((_date_of(titles[mention.slug]) for mention in entity.mentions), default="")
    search = entity_search(entity, knowledge, lang, latest or None)
    return _page(ENTITY_FOLDERS[entity.kind], entity.id, lang, title, body, search)


def entity_list(entities: list[Entity], kind: str, lang: Lang) -> Page:
    """People, organizations or countries, most mentioned first."""
    ordered = sorted(entities, key=lambda e: (-len(e.mentions), e.en.lower(), e.id))
    body = [
        f"| {label('entity_kind_' + kind, lang)} | {label('briefs_count', lang)} |",
        "| --- | --- |",
    ]
    for entity in ordered:
        item = {
            "id": entity.id,
            "ar": entity.ar,
            "en": entity.en,
            "en_provisional": entity.en_provisional,
        }
        body.append(f"| {entity_link(item, kind, lang)} | {len(entity.mentions)} |")
    folder = ENTITY_FOLDERS[kind]
    return _page(folder, "index", lang, label(f"{folder}_index", lang), body)


def topic_pages(records: list[dict[str, Any]], knowledge: Knowledge, lang: Lang) -> list[Page]:
    """The topic list and one page per topic with its briefs (topics with no brief included)."""
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        for topic in record["topics"]:
            by_topic[topic["id"]].append(record)
    pages = []
    listing = [f"| {label('topics', lang)} | {label('briefs_count', lang)} |", "| --- | --- |"]
    for topic in knowledge.topics:
        name = topic.ar if lang == "ar" else topic.en
        gloss = name_with_gloss(topic.ar, topic.en, False, lang)
        briefs = sorted(
            by_topic.get(topic.id, []), key=lambda r: (_date_of(r), r["slug"]), reverse=True
        )
        listing.append(f"| {markup.link(name, f'{topic.id}.md')} | {len(briefs)} |")
        body = [gloss, "", f"## {label('topic_briefs', lang)} ({len(briefs)})", ""]
        body += ["<div data-pagefind-ignore markdown>", ""]
        body += [f"- {_brief_link(record, lang)}" for record in briefs] or [
            f"*{label('none', lang)}*"
        ]
        body += ["", "</div>"]
        pages.append(_page("topics", topic.id, lang, name, body, topic_search(lang)))
    pages.append(_page("topics", "index", lang, label("topics_index", lang), listing))
    return pages


def _timeline_key(date: dict[str, Any]) -> str:
    return date["resolved"] or date["iso"] or ""


def timeline(records: list[dict[str, Any]], lang: Lang) -> Page:
    """Every dated mention across briefs in order, by year and month.

    A date without a stated year is placed by its resolved value when the publication date
    allows; otherwise it goes to its own section rather than being given a year.
    """
    dated: dict[str, dict[str, list[tuple[str, dict, dict]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    yearless: list[tuple[dict, dict]] = []
    for record in records:
        for date in record["dates"]:
            key = _timeline_key(date)
            if not key or key.startswith("XXXX"):
                if date["iso"]:
                    yearless.append((date, record))
                continue
            start = key.split("/")[0]  # an interval is placed at its start
            year = start[:4]
            month = start[5:7] if len(start) >= 7 else ""
            dated[year][month].append((key, date, record))
    body: list[str] = []
    for year in sorted(dated):
        body += [f"## {markup.text(year)}", ""]
        for month in sorted(dated[year]):
            if month:
                body += [f"### {markup.text(year + '-' + month)}", ""]
            for key, date, record in sorted(dated[year][month], key=lambda t: (t[0], t[2]["slug"])):
                body.append(
                    f"- **{markup.text(key)}** {_date_note(date, lang)} — "
                    f"{_brief_link(record, lang)}"
                )
                body.append("")
                body.append(
                    "    "
                    + markup.block(markup.text(date["sentence"]), "ar", "mention").replace(
                        "\n", "\n    "
                    )
                )
                body.append("")
    if yearless:
        body += [f"## {label('no_year', lang)}", ""]
        for date, record in sorted(yearless, key=lambda t: (t[0]["iso"], t[1]["slug"])):
            body.append(
                f"- **{markup.text(date['iso'])}** {_date_note(date, lang)} — "
                f"{_brief_link(record, lang)}"
            )
    return _page("timeline", "index", lang, label("timeline_index", lang), body)


def _date_note(date: dict[str, Any], lang: Lang) -> str:
    note = (
        f"({markup.span(date['text'], 'ar')})" if lang == "en" else f"({markup.text(date['text'])})"
    )
    if date["relative"]:
        note += f" <small>{markup.text(label('relative', lang))}</small>"
    return note


def quotes_index(records: list[dict[str, Any]], lang: Lang) -> Page:
    """Who said what: every quote grouped by speaker, with its brief."""
    by_speaker: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for record in records:
        for quote in record["quotes"]:
            speaker = quote["speaker"]
            key = (speaker["en"] or speaker["ar"]) if speaker else ""
            by_speaker[key].append((quote, record))
    body: list[str] = []
    for key in sorted(by_speaker, key=lambda k: (k == "", k.lower())):
        quotes = by_speaker[key]
        body += [f"## {speaker_label(quotes[0][0]['speaker'], lang)}", ""]
        for quote, record in quotes:
            body.append(f"- {_brief_link(record, lang)}")
            body.append("")
            body.append(
                "    "
                + markup.block(markup.text(quote["text"]), "ar", "mention").replace("\n", "\n    ")
            )
            body.append("")
    return _page("quotes", "index", lang, label("quotes_index", lang), body)


def sources_index(records: list[dict[str, Any]], lang: Lang) -> Page:
    """Briefs grouped by outlet (inferred outlets marked)."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_outlet[record["outlet"]["value"] or ""].append(record)
    body: list[str] = []
    for outlet in sorted(by_outlet, key=lambda o: (o == "", o)):
        heading = outlet or label("no_outlet", lang)
        body += [f"## {markup.text(heading)}", ""]
        for record in sorted(
            by_outlet[outlet], key=lambda r: (_date_of(r), r["slug"]), reverse=True
        ):
            note = ""
            if record["outlet"]["inferred"]:
                note = f" <small>({markup.text(label('inferred', lang))})</small>"
            body.append(f"- {_brief_link(record, lang)}{note}")
        body.append("")
    return _page("sources", "index", lang, label("sources_index", lang), body)


def index_pages(
    records: list[dict[str, Any]], entities: tuple[Entity, ...], knowledge: Knowledge
) -> list[Page]:
    """Every index page in both languages."""
    titles = {record["slug"]: record for record in records}
    pages: list[Page] = []
    for lang in LANGS:
        pages.append(briefs_by_date(records, lang))
        for kind in ENTITY_FOLDERS:
            of_kind = [entity for entity in entities if entity.kind == kind]
            pages.append(entity_list(of_kind, kind, lang))
            pages += [entity_pages(entity, titles, knowledge, lang) for entity in of_kind]
        pages += topic_pages(records, knowledge, lang)
        pages.append(timeline(records, lang))
        pages.append(quotes_index(records, lang))
        pages.append(sources_index(records, lang))
    return pages
