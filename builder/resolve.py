"""Stage 4, resolve: merge per-brief mentions into corpus-wide entities and relate briefs.

Mentions with the same key are one entity: a gazetteer id, an ISO country code, or the
folded name of a person found by pattern. Each entity gets a stable, URL-safe id (the
gazetteer id, the lower-case ISO code, or a slug of the romanized name plus a short hash
of the Arabic so two names that romanize alike stay apart). Pure and deterministic: briefs
are processed in slug order and every tie is broken by name.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .model import ActorMention, Brief, CleanDocument, Entity, EntityMention, Extraction

RELATED_LIMIT = 5


def entity_id(mention: ActorMention) -> str:
    """The page id of the entity a mention belongs to."""
    if mention.kind == "country" and mention.code:
        return mention.code.lower()
    if not mention.key.startswith("name:"):
        return mention.key
    base = re.sub(r"[^a-z0-9]+", "-", mention.en.lower()).strip("-") or "person"
    digest = hashlib.sha1(mention.key.encode("utf-8")).hexdigest()[:6]
    return f"{base}-{digest}"


def _actors(extraction: Extraction) -> Iterable[ActorMention]:
    yield from extraction.people
    yield from extraction.organizations
    yield from extraction.countries


def resolve(
    items: Iterable[tuple[CleanDocument, Extraction]],
) -> tuple[tuple[Brief, ...], tuple[Entity, ...]]:
    """Build the corpus: briefs with related briefs, and every entity with its mentions."""
    ordered = sorted(items, key=lambda item: item[0].source.slug)
    grouped: dict[tuple[str, str], list[tuple[str, ActorMention]]] = defaultdict(list)
    for doc, extraction in ordered:
        for mention in _actors(extraction):
            grouped[(mention.kind, entity_id(mention))].append((doc.source.slug, mention))
    entities = []
    for (kind, ident), mentions in sorted(grouped.items()):
        names = Counter(mention.ar for _, mention in mentions)
        ar = max(names, key=lambda name: (names[name], len(name), name))
        forms: dict[str, None] = {}
        for _, mention in mentions:
            for form in (mention.ar, *mention.forms):
                if form != ar:
                    forms.setdefault(form)
        first = mentions[0][1]
        entities.append(
            Entity(
                kind=kind,  # type: ignore[arg-type]
                id=ident,
                ar=ar,
                en=first.en,
                en_provisional=first.en_provisional,
                forms=tuple(forms),
                mentions=tuple(
                    EntityMention(slug, mention.sentence, mention.count)
                    for slug, mention in mentions
                ),
                roles=tuple(dict.fromkeys(m.role for _, m in mentions if m.role)),
                code=first.code,
            )
        )
    briefs = tuple(
        Brief(doc=doc, extraction=extraction, related=_related(doc, extraction, ordered))
        for doc, extraction in ordered
    )
    return briefs, tuple(entities)


def _signature(extraction: Extraction) -> tuple[set[str], set[str], set[str]]:
    actors = {entity_id(m) for m in (*extraction.people, *extraction.organizations)}
    countries = {entity_id(m) for m in extraction.countries}
    return actors, countries, set(extraction.topics)


def _related(
    doc: CleanDocument,
    extraction: Extraction,
    corpus: list[tuple[CleanDocument, Extraction]],
) -> tuple[tuple[str, str], ...]:
    """Briefs sharing actors (weight 2), topics (2) and countries (1), with the reason."""
    actors, countries, topics = _signature(extraction)
    scored = []
    for other_doc, other in corpus:
        if other_doc.source.slug == doc.source.slug:
            continue
        other_actors, other_countries, other_topics = _signature(other)
        shared_actors = sorted(actors & other_actors)
        shared_topics = sorted(topics & other_topics)
        shared_countries = sorted(countries & other_countries)
        score = 2 * len(shared_actors) + 2 * len(shared_topics) + len(shared_countries)
        if not shared_actors and not shared_topics:
            continue
        reason = []
        if shared_actors:
            reason.append(f"actors:{','.join(shared_actors)}")
        if shared_topics:
            reason.append(f"topics:{','.join(shared_topics)}")
        if shared_countries:
            reason.append(f"countries:{','.join(shared_countries)}")
        scored.append((-score, other_doc.source.slug, ";".join(reason)))
    scored.sort()
    return tuple((slug, reason) for _, slug, reason in scored[:RELATED_LIMIT])
