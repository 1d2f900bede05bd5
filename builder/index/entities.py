"""Entity pages: one per person, organization and country, and their lists, in both languages.

An entity page gives every spelling seen (Arabic and English, with the number of briefs
using each), the roles the briefs state, the first and last publication dates it was seen,
the actors most often named with it, what it is quoted saying, and every brief that names
it with the sentence. Long lists (briefs, quotes) are paginated, so a page for an actor in
thousands of briefs stays as light as one for an actor in five.
"""

from __future__ import annotations

from collections.abc import Mapping

from builder.index.pagination import ListItem, paginate
from builder.knowledge import Knowledge
from builder.links import ENTITY_FOLDERS, EntityRef, brief_link, entity_link
from builder.model import BriefRecord, Entity, EntityKind, EntityQuote, Page, english_source
from builder.render import markup
from builder.render.dates import date_shown
from builder.render.labels import english_note, label
from builder.render.markup import Lang
from builder.render.plurals import count_text
from builder.search.pagefind import entity_search

MENTIONS_PER_PAGE = 25
"""Briefs (each with its sentence) on one page of an entity's list."""
QUOTES_ON_PAGE = 5
"""Latest quotes shown on the entity page itself; all of them are on its quotes pages."""
QUOTES_PER_PAGE = 25
"""Briefs (each with its quotes of the entity) on one page of an entity's quotes."""
ENTITIES_PER_PAGE = 200
"""Rows of the people / organizations / countries tables per page."""

Titles = Mapping[str, BriefRecord]
"""The records of the briefs an entity page lists (for their links), by slug."""
Names = Mapping[tuple[EntityKind, str], EntityRef]
"""What the links to other entities need, by kind and id."""


def entity_ref(entity: Entity) -> EntityRef:
    """What :func:`~builder.links.entity_link` needs to link to an entity."""
    return {
        "id": entity.id,
        "ar": entity.ar,
        "en": entity.en,
        "en_provisional": entity.en_provisional,
        "en_source": english_source(entity.en_source, entity.en_provisional),
    }


def _date(published: str | None, lang: Lang) -> str:
    """A publication date as shown (escaped; empty when unknown)."""
    return date_shown(published, lang) if published else ""


def _gloss(value: str, lang: Lang) -> str:
    """Arabic in an English page (or English in an Arabic one), isolated and tagged."""
    return markup.span(value, "en" if lang == "ar" else "ar")


def _unsearched(shown: str) -> str:
    """Inline markup kept out of the search index: the spellings with their counts, dates
    and labels read as lists in excerpts. Search matches the names through the page's
    metadata (``builder.search.pagefind.entity_search``)."""
    return f"<span data-pagefind-ignore>{shown}</span>"


def _counted(values: tuple[tuple[str, int], ...], lang: Lang, value_lang: Lang) -> str:
    shown = (
        markup.text(value) if value_lang == lang else markup.span(value, value_lang)
        for value, _ in values
    )
    return _unsearched(
        markup.separator(lang).join(
            f"{name} ({count})" for name, (_, count) in zip(shown, values, strict=True)
        )
    )


def _facts(entity: Entity, names: Names, lang: Lang) -> list[str]:
    other_name = _gloss(entity.en if lang == "ar" else entity.ar, lang)
    words = english_note(entity.en_source, entity.en_provisional, lang)
    if words:
        other_name += f" {markup.note(words)}"
    lines = [
        f"- {markup.field(label('arabic_name' if lang == 'en' else 'english_name', lang))} "
        + other_name
    ]
    if entity.code:
        # A code, not a word: set as code, left to right, on both pages.
        code = f'<code dir="ltr">{markup.text(entity.code)}</code>'
        lines.append(f"- {markup.field(label('code', lang))} {code}")
    lines.append(
        f"- {markup.field(label('spellings_ar', lang))} {_counted(entity.variants, lang, 'ar')}"
    )
    if len(entity.english_variants) > 1 or lang == "en":
        lines.append(
            f"- {markup.field(label('spellings_en', lang))} "
            + _counted(entity.english_variants, lang, "en")
        )
    if entity.roles:
        roles = markup.separator(lang).join(
            markup.text(role) if lang == "ar" else markup.span(role, "ar") for role in entity.roles
        )
        # On English pages the roles are Arabic (out of the English index): their commas
        # alone would be left in excerpts («John Kerry. , , ,»).
        shown = roles if lang == "ar" else _unsearched(roles)
        lines.append(f"- {markup.field(label('roles', lang))} {shown}")
    if entity.first_seen:
        seen = (
            f"{markup.field(label('first_seen', lang))} {_date(entity.first_seen, lang)} · "
            f"{markup.field(label('last_seen', lang))} {_date(entity.last_seen, lang)} "
            f"{markup.note(label('by_publication_date', lang))}"
        )
        lines.append(f"- {_unsearched(seen)}")
    lines.append("")
    if entity.co_mentions:
        # Other actors' names: a search for them finds their own pages, not this one.
        others = [
            f"- {entity_link(names[(kind, ident)], kind, lang)} — "
            + markup.text(count_text("brief_in_common", count, lang))
            for kind, ident, count in entity.co_mentions
        ]
        lines += [f"## {label('co_mentions', lang)}", "", *markup.unindexed(others)]
    return lines


def _quote_group(quotes: list[EntityQuote], titles: Titles, lang: Lang, root: str) -> list[str]:
    """The quotes one brief reports, under one link to it (each marked direct or reported)."""
    first = quotes[0]
    when = f"{_date(first.published, lang)} · " if first.published else ""
    lines = [f"- {when}{brief_link(titles[first.slug], lang, root)}", ""]
    for quote in quotes:
        words = markup.text(quote.text)
        if quote.kind == "direct":
            words = f"«{words}»"
        kind = markup.text(label(quote.kind, lang))
        lines += [f"    *({kind})* " + markup.mention(words), ""]
    return lines


def _by_brief(quotes: tuple[EntityQuote, ...]) -> list[list[EntityQuote]]:
    """The quotes grouped by brief, in their order (newest brief first): a brief is linked
    once however many of its sentences quote the entity."""
    groups: dict[str, list[EntityQuote]] = {}
    for quote in quotes:
        groups.setdefault(quote.slug, []).append(quote)
    return list(groups.values())


def _quotes_section(entity: Entity, titles: Titles, lang: Lang) -> list[str]:
    if not entity.quotes:
        return []
    lines = [f"## {label('quotes_by', lang)} ({len(entity.quotes)})", ""]
    for group in _by_brief(entity.quotes[:QUOTES_ON_PAGE]):
        lines += _quote_group(group, titles, lang, "..")
    if len(entity.quotes) > QUOTES_ON_PAGE:
        lines += [markup.link(label("all_quotes", lang), f"{entity.id}/quotes.md"), ""]
    # The quotes are the briefs' text (found as the briefs), their dates and kinds labels.
    return markup.unindexed(lines)


def entity_pages(
    entity: Entity,
    titles: Titles,
    names: Names,
    knowledge: Knowledge,
    lang: Lang,
) -> list[Page]:
    """An entity's page (and the further pages of its lists) in one language."""
    folder = ENTITY_FOLDERS[entity.kind]
    title = entity.ar if lang == "ar" else entity.en
    head = [*_facts(entity, names, lang), *_quotes_section(entity, titles, lang)]
    mentions = label("mentions_person" if entity.kind == "person" else "mentions", lang)
    head += [f"## {mentions} ({len(entity.mentions)})", ""]

    def mention(slug: str, sentence: str, published: str | None) -> ListItem:
        def render(root: str) -> list[str]:
            when = _unsearched(f"{_date(published, lang)} · ") if published else ""
            # The sentences are the briefs' text, not this page's: search finds the briefs.
            return [
                f"- {when}{brief_link(titles[slug], lang, root)}",
                "",
                "    " + markup.mention(markup.text(sentence)),
                "",
            ]

        return ListItem(render)

    items = [mention(m.slug, m.sentence, m.published) for m in entity.mentions]
    search = entity_search(entity, knowledge, lang, entity.last_seen)
    pages = paginate(
        folder,
        entity.id,
        lang,
        title,
        head,
        items,
        MENTIONS_PER_PAGE,
        front={"search": search},
    )
    if len(entity.quotes) > QUOTES_ON_PAGE:
        # The quotes pages sit one folder deeper (people/<id>/quotes.md) than the paginator
        # assumes, so their links get one more level.
        def deeper(group: list[EntityQuote]) -> ListItem:
            return ListItem(lambda root: _quote_group(group, titles, lang, f"../{root}"))

        quote_items = [deeper(group) for group in _by_brief(entity.quotes)]
        pages += paginate(
            f"{folder}/{entity.id}",
            "quotes",
            lang,
            f"{label('quotes_by', lang)}: {title}",
            [markup.link(title, f"../{entity.id}.md"), ""],
            quote_items,
            QUOTES_PER_PAGE,
        )
    return pages


def entity_list(entities: list[Entity], kind: EntityKind, lang: Lang) -> list[Page]:
    """People, organizations or countries, most mentioned first, with first and last seen."""
    ordered = sorted(entities, key=lambda e: (-len(e.mentions), e.en.lower(), e.id))
    header = [
        f"| {label('entity_kind_' + kind, lang)} | {label('briefs_count', lang)} "
        f"| {label('last_seen', lang)} |",
        "| --- | --- | --- |",
    ]

    def row(entity: Entity) -> ListItem:
        item = entity_ref(entity)
        return ListItem(
            lambda root: [
                f"| {entity_link(item, kind, lang, root)} | {len(entity.mentions)} "
                f"| {_date(entity.last_seen, lang) or '—'} |"
            ]
        )

    folder = ENTITY_FOLDERS[kind]
    pages = paginate(
        folder,
        "index",
        lang,
        label(f"{folder}_index", lang),
        [],
        [row(entity) for entity in ordered],
        ENTITIES_PER_PAGE,
        repeat=header,
    )
    return pages
