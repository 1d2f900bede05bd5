"""Stable, URL-safe page ids of entities, outlets and terms.

A gazetteer id, a lower-case ISO country code, or for a name or body found by pattern
(``name:`` and ``generic:`` keys) a slug of its English plus a short hash of the Arabic, so
two names that romanize alike stay apart.
"""

from __future__ import annotations

import hashlib
import re

from builder.model import ActorMention, Speaker


def hashed_slug(name: str, key: str, fallback: str) -> str:
    """A page name: the ASCII words of ``name`` (or ``fallback``), plus a short hash of
    ``key`` so two names that fold alike stay apart."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50].strip("-") or fallback
    return f"{base}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


def entity_id(mention: ActorMention) -> str:
    """The page id of the entity a mention belongs to."""
    if mention.kind == "country" and mention.code:
        return mention.code.lower()
    if not mention.key.startswith(("name:", "generic:")):
        return mention.key
    return hashed_slug(mention.en, mention.key, mention.kind)


def speaker_entity_id(speaker: Speaker | None) -> str | None:
    """The page id of the entity a quote's speaker is, when the speaker is a named actor."""
    if speaker is None or speaker.key is None:
        return None
    if speaker.key.startswith("name:"):
        return entity_id(
            ActorMention("person", speaker.key, speaker.ar, speaker.en or "", True, (), "")
        )
    return speaker.key.lower() if len(speaker.key) == 2 else speaker.key
