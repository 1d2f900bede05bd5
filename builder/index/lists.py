"""Stage 6, index: the cross-reference pages, in both languages.

Briefs by date, topic and outlet (:mod:`builder.index.briefs`), one page per person,
organization and country (:mod:`builder.index.entities`), a timeline across briefs
(:mod:`builder.index.timeline`), who said what, by date and by speaker
(:mod:`builder.index.quotes`), and the bilingual terminology (:mod:`builder.index.terms`).
Every list that grows with the corpus is paginated (:mod:`builder.index.pagination`), so no
page's HTML grows beyond one page of its list; its entries are reused between builds while
their brief is unchanged (:mod:`builder.index.entries`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from builder.index.briefs import briefs_by_date, sources_index, topic_pages
from builder.index.entities import Names, Titles, entity_list, entity_pages, entity_ref
from builder.index.entries import Kept
from builder.index.pagination import PageCache
from builder.index.quotes import quotes_index
from builder.index.terms import terminology
from builder.index.timeline import timeline
from builder.knowledge import Knowledge
from builder.links import ENTITY_FOLDERS
from builder.model import BriefRecord, Entity, Page
from builder.render.markup import Lang
from builder.runtime.incremental import KeptPage, Reuse, no_reuse

LANGS: tuple[Lang, ...] = ("ar", "en")
"""The site's languages, Arabic first."""


def _entity_inputs(entity: Entity, titles: Titles, names: Names) -> tuple[object, ...]:
    """Everything an entity's pages are made from besides the entity itself."""
    slugs = dict.fromkeys([*(m.slug for m in entity.mentions), *(q.slug for q in entity.quotes)])
    listed = tuple(
        (slug, titles[slug]["title"]["ar"], titles[slug]["title"]["en"]) for slug in slugs
    )
    linked = tuple(tuple(names[(kind, ident)].items()) for kind, ident, _ in entity.co_mentions)
    return entity, listed, linked


def index_pages(
    records: list[BriefRecord],
    entities: tuple[Entity, ...],
    knowledge: Knowledge,
    cached: PageCache[Page | KeptPage] | None = None,
    reuse: Reuse = no_reuse,
) -> Iterator[Page | KeptPage]:
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
