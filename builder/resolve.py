"""Stage 4, resolve: merge per-brief mentions into corpus-wide entities and relate briefs.

Mentions with the same key are one entity: a gazetteer id, an ISO country code, or the
folded name of a person found by pattern. Each entity gets a stable, URL-safe id (the
gazetteer id, the lower-case ISO code, or a slug of the romanized name plus a short hash
of the Arabic so two names that romanize alike stay apart). Pure and deterministic: briefs
are processed in slug order and every tie is broken by name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TypeVar

from .model import (
    ActorMention,
    Brief,
    CleanDocument,
    Entity,
    EntityMention,
    EntityQuote,
    Extraction,
    RelatedBrief,
    Speaker,
)

T = TypeVar("T")

RELATED_LIMIT = 5
"""Related briefs shown on a brief page."""
CO_MENTION_LIMIT = 12
"""Co-mentioned actors kept for an entity page."""
CLOSE_DAYS = 31
"""Briefs published at most this many days apart count as close in date."""
WINDOW = 400
"""Briefs considered per shared actor or topic when very many share it (nearest in date)."""


def hashed_slug(name: str, key: str, fallback: str) -> str:
    """A page name: the ASCII words of ``name`` (or ``fallback``), plus a short hash of
    ``key`` so two names that fold alike stay apart."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50].strip("-") or fallback
    return f"{base}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


def entity_id(mention: ActorMention) -> str:
    """The page id of the entity a mention belongs to."""
    if mention.kind == "country" and mention.code:
        return mention.code.lower()
    if not mention.key.startswith("name:"):
        return mention.key
    return hashed_slug(mention.en, mention.key, "person")


def speaker_entity_id(speaker: Speaker | None) -> str | None:
    """The page id of the entity a quote's speaker is, when the speaker is a named actor."""
    if speaker is None or speaker.key is None:
        return None
    if speaker.key.startswith("name:"):
        return entity_id(
            ActorMention("person", speaker.key, speaker.ar, speaker.en or "", True, (), "")
        )
    return speaker.key.lower() if len(speaker.key) == 2 else speaker.key


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
) -> tuple[tuple[Brief, ...], tuple[Entity, ...]]:
    """Build the corpus: briefs with related briefs, and every entity with its mentions,
    spellings, quotes, co-mentioned actors and first and last dates seen."""
    ordered = sorted(items, key=lambda item: item[0].source.slug)
    grouped: dict[tuple[str, str], list[tuple[str, str | None, ActorMention]]] = defaultdict(list)
    quotes: dict[str, list[EntityQuote]] = defaultdict(list)
    together: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for doc, extraction in ordered:
        slug, published = doc.source.slug, extraction.published.value
        named = []
        for mention in _actors(extraction):
            key = (mention.kind, entity_id(mention))
            grouped[key].append((slug, published, mention))
            named.append(key)
        for key in named:
            together[key].update(other for other in named if other != key)
        for quote in extraction.quotes:
            speaker = speaker_entity_id(quote.speaker)
            if speaker is not None:
                quotes[speaker].append(EntityQuote(slug, quote.text, quote.kind, published))
    entities = [
        _entity(kind, ident, mentions, quotes.get(ident, []), together[(kind, ident)])
        for (kind, ident), mentions in sorted(grouped.items())
    ]
    briefs = tuple(
        Brief(doc=doc, extraction=extraction, related=related)
        for (doc, extraction), related in zip(ordered, related_briefs(ordered), strict=True)
    )
    return briefs, tuple(entities)


def _entity(
    kind: str,
    ident: str,
    mentions: list[tuple[str, str | None, ActorMention]],
    quotes: list[EntityQuote],
    together: Counter[tuple[str, str]],
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
        kind=kind,  # type: ignore[arg-type]
        id=ident,
        ar=ar,
        en=first.en,
        en_provisional=first.en_provisional,
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


def _features(extraction: Extraction) -> tuple[set[str], set[str], set[str]]:
    actors = {entity_id(m) for m in (*extraction.people, *extraction.organizations)}
    countries = {entity_id(m) for m in extraction.countries}
    return actors, countries, set(extraction.topics)


def _day(published: str | None) -> int | None:
    if not published or len(published) != 10:
        return None
    try:
        return dt.date.fromisoformat(published).toordinal()
    except ValueError:
        return None


def related_briefs(
    corpus: list[tuple[CleanDocument, Extraction]],
) -> list[tuple[RelatedBrief, ...]]:
    """For each brief, the briefs sharing the most actors (weight 2 each), topics (2) and
    countries (1), published within a month of it (1) — at least one shared actor or topic.

    Candidates come from an inverted index (actor or topic -> briefs), and for an actor or
    topic shared by very many briefs only the ones nearest in date are considered, so the
    cost grows with the corpus, not with its square.
    """
    features = [_features(extraction) for _, extraction in corpus]
    days = [_day(extraction.published.value) for _, extraction in corpus]
    slugs = [doc.source.slug for doc, _ in corpus]
    postings: dict[str, list[int]] = defaultdict(list)
    for number, (actors, _, topics) in enumerate(features):
        for key in (*(f"a:{a}" for a in actors), *(f"t:{t}" for t in topics)):
            postings[key].append(number)
    # Each posting list in date order (undated last), for the nearest-in-date window.
    where: dict[str, dict[int, int]] = {}
    for key, numbers in postings.items():
        numbers.sort(key=lambda n: (days[n] is None, days[n] or 0, n))
        if len(numbers) > WINDOW:
            where[key] = {n: position for position, n in enumerate(numbers)}
    # Each brief's actors and topics (weight 2) and its countries (weight 1) as bit sets:
    # scoring a candidate is then two AND-and-count operations, not three set intersections.
    bits: dict[str, int] = {}
    shared_bits = [
        _bit_set(bits, (*(f"a:{a}" for a in actors), *(f"t:{t}" for t in topics)))
        for actors, _, topics in features
    ]
    country_bits = [_bit_set(bits, (f"c:{c}" for c in countries)) for _, countries, _ in features]
    related = []
    for number, (actors, countries, topics) in enumerate(features):
        candidates: set[int] = set()
        for key in (*(f"a:{a}" for a in actors), *(f"t:{t}" for t in topics)):
            candidates.update(_nearest(postings[key], where.get(key), number))
        candidates.discard(number)
        mine, my_countries, my_day = shared_bits[number], country_bits[number], days[number]
        # Score every candidate cheaply; build the reasons only for the ones kept.
        scored = []
        for other in candidates:
            other_day = days[other]
            apart = (
                abs(my_day - other_day) if my_day is not None and other_day is not None else None
            )
            close = apart is not None and apart <= CLOSE_DAYS
            score = (
                2 * (mine & shared_bits[other]).bit_count()
                + (my_countries & country_bits[other]).bit_count()
                + close
            )
            scored.append((-score, slugs[other], other, apart if close else None))
        kept = []
        for _, slug, other, apart in heapq.nsmallest(RELATED_LIMIT, scored):
            other_actors, other_countries, other_topics = features[other]
            kept.append(
                RelatedBrief(
                    slug,
                    tuple(sorted(actors & other_actors)),
                    tuple(sorted(topics & other_topics)),
                    tuple(sorted(countries & other_countries)),
                    apart,
                )
            )
        related.append(tuple(kept))
    return related


def _bit_set(bits: dict[str, int], keys: Iterable[str]) -> int:
    """The keys as one integer, a bit per key (``bits`` numbers the keys as they come)."""
    value = 0
    for key in keys:
        value |= 1 << bits.setdefault(key, len(bits))
    return value


def _nearest(numbers: list[int], where: dict[int, int] | None, number: int) -> list[int]:
    """All of a posting list when short; else the ``WINDOW`` briefs nearest in date."""
    if where is None:
        return numbers
    position = where[number]
    start = max(0, min(position - WINDOW // 2, len(numbers) - WINDOW))
    return numbers[start : start + WINDOW]
