"""Stage 4, resolve: merge per-brief mentions into corpus-wide entities and relate briefs.

Mentions with the same key are one entity: a gazetteer id, an ISO country code, or the
folded name of a person found by pattern (a partial name joins the one fuller name of the
corpus that contains it, :mod:`builder.resolve.people`). Each entity gets a stable, URL-safe id (the
gazetteer id, the lower-case ISO code, or a slug of the romanized name plus a short hash
of the Arabic so two names that romanize alike stay apart). Pure and deterministic: briefs
are processed in slug order and every tie is broken by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

from builder.model import (
    ActorMention,
    Brief,
    CleanDocument,
    Entity,
    EntityKind,
    EntityMention,
    EntityQuote,
    Extraction,
    QuoteKind,
    english_source,
)
from builder.resolve.ids import entity_id, hashed_slug, speaker_entity_id
from builder.resolve.people import merged_extraction, person_merges
from builder.resolve.related import RelatedMemory, related_briefs
from builder.resolve.statements import merge_statements

__all__ = ["entity_id", "hashed_slug", "newest_first", "resolve", "speaker_entity_id"]

T = TypeVar("T")

EntityKey = tuple[EntityKind, str]
"""An entity's kind and id: what names it across the corpus."""

CO_MENTION_LIMIT = 12
"""Co-mentioned actors kept for an entity page."""


def _actors(extraction: Extraction) -> Iterable[ActorMention]:
    yield from extraction.people
    yield from extraction.organizations
    yield from extraction.countries


def newest_first(
    items: Iterable[T],
    published: Callable[[T], str | None] = attrgetter("published"),
    slug: Callable[[T], str] = attrgetter("slug"),
) -> tuple[T, ...]:
    """Dated items newest first, then undated ones; ties by slug (the order of every list of
    briefs, mentions and quotes)."""
    by_slug = sorted(items, key=slug)
    dated = [item for item in by_slug if published(item)]
    # A reversed sort is stable: equal dates keep slug order.
    dated.sort(key=lambda item: published(item) or "", reverse=True)
    return (*dated, *(item for item in by_slug if not published(item)))


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def resolve(
    items: Iterable[tuple[CleanDocument, Extraction]],
    related_memory: RelatedMemory | None = None,
) -> tuple[tuple[Brief, ...], tuple[Entity, ...]]:
    """Build the corpus: briefs with related briefs (:mod:`builder.resolve.related`; with
    ``related_memory``, worked out again only where the changes since its last use reach),
    and every entity with its mentions, spellings, quotes, co-mentioned actors and first
    and last dates seen."""
    ordered = sorted(items, key=lambda item: item[0].source.slug)
    merges = person_merges(person for _, extraction in ordered for person in extraction.people)
    ordered = [(doc, merged_extraction(extraction, merges)) for doc, extraction in ordered]
    grouped: dict[EntityKey, list[tuple[str, str | None, ActorMention]]] = defaultdict(list)
    quotes: dict[str, list[EntityQuote]] = defaultdict(list)
    together: dict[EntityKey, Counter[EntityKey]] = defaultdict(Counter)
    for doc, extraction in ordered:
        slug, published = doc.source.slug, extraction.published.value
        named = []
        for mention in _actors(extraction):
            key = (mention.kind, entity_id(mention))
            grouped[key].append((slug, published, mention))
            named.append(key)
        for key in named:
            together[key].update(other for other in named if other != key)
        said: dict[str, list[tuple[str, QuoteKind]]] = defaultdict(list)
        for quote in extraction.quotes:
            speaker = speaker_entity_id(quote.speaker)
            if speaker is not None and not quote.fragment:
                said[speaker].append((quote.text, quote.kind))
        # A sentence quoted and reported again is one statement (builder.resolve.statements).
        for speaker, pairs in said.items():
            quotes[speaker] += [
                EntityQuote(slug, statement.text, statement.kinds[0], published)
                for statement in merge_statements(pairs)
            ]
    entities = [
        _entity(kind, ident, mentions, quotes.get(ident, []), together[(kind, ident)])
        for (kind, ident), mentions in sorted(grouped.items())
    ]
    briefs = tuple(
        Brief(doc=doc, extraction=extraction, related=related)
        for (doc, extraction), related in zip(
            ordered, related_briefs(ordered, related_memory), strict=True
        )
    )
    return briefs, tuple(entities)


def _entity(
    kind: EntityKind,
    ident: str,
    mentions: list[tuple[str, str | None, ActorMention]],
    quotes: list[EntityQuote],
    together: Counter[EntityKey],
) -> Entity:
    spellings: Counter[str] = Counter()
    english: Counter[str] = Counter()
    for _, _, mention in mentions:
        spellings.update({mention.ar, *mention.forms})
        english[mention.en] += 1
    names = Counter(mention.ar for _, _, mention in mentions)
    ar = max(names, key=lambda name: (names[name], len(name), name))
    variants = _ranked(spellings)
    dates = sorted(published for _, published, _ in mentions if published)
    first = mentions[0][2]
    return Entity(
        kind=kind,
        id=ident,
        ar=ar,
        en=first.en,
        en_provisional=first.en_provisional,
        en_source=english_source(first.en_source, first.en_provisional),
        mentions=newest_first(
            EntityMention(slug, mention.sentence, mention.count, published)
            for slug, published, mention in mentions
        ),
        roles=tuple(dict.fromkeys(m.role for _, _, m in mentions if m.role)),
        code=first.code,
        variants=variants,
        english_variants=_ranked(english),
        quotes=newest_first(quotes),
        co_mentions=tuple(
            (other_kind, other_id, count)
            for (other_kind, other_id), count in sorted(
                together.items(), key=lambda item: (-item[1], item[0])
            )[:CO_MENTION_LIMIT]
        ),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
    )
