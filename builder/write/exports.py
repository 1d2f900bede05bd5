"""Files the site publishes besides its pages: Atom feeds and the JSON export of the corpus.

- ``feed.xml`` (Arabic) and ``en/feed.xml`` (English): Atom 1.0 feeds of the latest briefs,
  newest first. Each entry's ``updated`` is the brief's place in time: its publication day;
  for a date known only to the month or the year, the first day of that month or year, and
  the entry says so; for an undated brief, when it entered the corpus
  (``builder.read.history``), and the entry says so too. ``published`` is given only when
  the day is known.
- ``data/index.json``: every brief (slug, titles, date, outlet, topics, page paths) and
  every entity (kind, id, names, number of briefs); ``data/briefs/<slug>.json``: the full
  record of a brief (``schema/brief.schema.json``); ``data/entities/<kind>/<id>.json``: an
  entity with its spellings, mentions, quotes and co-mentions
  (``schema/entity.schema.json``). The schemas are published next to the data.

Links are absolute when ``site_url`` is set, relative to the site root otherwise.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import partial
from typing import NamedTuple

from builder.config import SCHEMA_DIR
from builder.index.entities import entity_ref
from builder.links import ENTITY_FOLDERS, page_url
from builder.model import BriefRecord, Entity, Page, period_of
from builder.render.dates import date_text
from builder.render.labels import label
from builder.render.markup import Lang
from builder.runtime.incremental import Reuse, no_reuse
from builder.version import __version__

FEED_ENTRIES = 50
"""Briefs in each feed (the newest)."""
SITE_TITLES = {"ar": "موجزات الأمن الدولي", "en": "International Security Briefs"}
_ATOM = "http://www.w3.org/2005/Atom"
_ID_NAMESPACE = uuid.UUID("6f1d3d1e-2f4e-5a53-9a55-6272696566ff")


def _dumps(data: object) -> str:
    # Compact: with an indent, json falls back to its pure-Python encoder, which was most of
    # a rebuild's time at 1,000 briefs.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _entry_summary(record: BriefRecord, lang: Lang) -> str:
    if lang == "ar":
        return record["key_facts"][0] if record["key_facts"] else record["title"]["ar"]
    if record["summary_en"]:
        return record["summary_en"]
    names = [actor["en"] for actor in (*record["people"], *record["organizations"])]
    topics = [topic["en"] for topic in record["topics"]]
    parts = []
    if names:
        parts.append(f"Actors: {', '.join(names[:8])}.")
    if topics:
        parts.append(f"Topics: {', '.join(topics)}.")
    return " ".join(parts) or record["title"]["en"]


class _Placed(NamedTuple):
    """A brief's place in a feed."""

    updated: str
    """Its ``updated`` time (RFC 3339, UTC)."""
    day_known: bool
    """The publication day is known (the entry then has a ``published`` time too)."""
    note: str | None
    """What the entry says about a date it could not give exactly."""
    record: BriefRecord


def _placed(record: BriefRecord, lang: Lang, entered: Mapping[str, str] | None) -> _Placed | None:
    """Where a brief goes in the feed; None for an undated brief whose entry time is not
    known (only when the caller gives none, as in-memory builds for tests do)."""
    period = period_of(record["published"]["value"])
    if period is not None:
        start = f"{period.first.isoformat()}T00:00:00Z"
        if period.precision == "day":
            return _Placed(start, True, None, record)
        shown = date_text(period.value, lang)
        return _Placed(
            start, False, label(f"feed_{period.precision}", lang).format(date=shown), record
        )
    added = entered.get(record["file"]) if entered else None
    if added is None:
        return None
    return _Placed(added, False, label("feed_undated", lang).format(date=added[:10]), record)


def atom_feed(
    records: list[BriefRecord], lang: Lang, site_url: str, entered: Mapping[str, str] | None = None
) -> str:
    """The Atom feed of the newest briefs in one language: newest first by each one's
    ``updated`` time (see the module's description); ``entered`` gives when each undated
    brief entered the corpus, by source file."""
    placed = [p for p in map(partial(_placed, lang=lang, entered=entered), records) if p]
    # By time, then a day before the month or year it opens, then by slug.
    placed.sort(key=lambda p: p.record["slug"])
    placed.sort(key=lambda p: (p.updated, p.day_known), reverse=True)
    entries = placed[:FEED_ENTRIES]
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    home = page_url(site_url, lang, "")
    add(feed, "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'feed:{lang}')}")
    add(feed, "title", SITE_TITLES[lang])
    add(feed, "subtitle", label("feed_subtitle", lang))
    add(feed, "updated", entries[0].updated if entries else "1970-01-01T00:00:00Z")
    add(feed, "link", rel="alternate", type="text/html", href=home)
    add(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=page_url(site_url, lang, "feed.xml"),
    )
    add(feed, "generator", "briefing", version=__version__)
    for updated, day_known, note, record in entries:
        entry = add(feed, "entry")
        add(
            entry,
            "id",
            f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'brief:' + record['slug'] + ':' + lang)}",
        )
        add(entry, "title", record["title"][lang])
        add(entry, "updated", updated)
        if day_known:
            add(entry, "published", updated)
        link = page_url(site_url, lang, f"briefs/{record['slug']}/")
        add(entry, "link", rel="alternate", type="text/html", href=link)
        author = add(entry, "author")
        add(author, "name", record["outlet"]["value"] or label("no_outlet", lang))
        for topic in record["topics"]:
            add(entry, "category", term=topic["id"], label=topic[lang])
        summary = _entry_summary(record, lang)
        add(entry, "summary", f"{note} {summary}" if note else summary)
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def entity_data(entity: Entity) -> dict[str, object]:
    """An entity as plain data (see ``schema/entity.schema.json``)."""
    return {
        "kind": entity.kind,
        **entity_ref(entity),
        "code": entity.code,
        "roles": list(entity.roles),
        "variants": [{"form": form, "briefs": count} for form, count in entity.variants],
        "english_variants": [
            {"form": form, "briefs": count} for form, count in entity.english_variants
        ],
        "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
        "mentions": [
            {"slug": m.slug, "sentence": m.sentence, "count": m.count, "published": m.published}
            for m in entity.mentions
        ],
        "quotes": [
            {"slug": q.slug, "text": q.text, "kind": q.kind, "published": q.published}
            for q in entity.quotes
        ],
        "co_mentions": [
            {"kind": kind, "id": ident, "briefs": count}
            for kind, ident, count in entity.co_mentions
        ],
    }


def _entity_json(entity: Entity) -> str:
    return _dumps(entity_data(entity))


def corpus_index(records: list[BriefRecord], entities: tuple[Entity, ...]) -> dict[str, object]:
    """The corpus at a glance: one line per brief and per entity, with their data files."""
    return {
        "generator": f"briefing {__version__}",
        "briefs": [
            {
                "slug": r["slug"],
                "title": {"ar": r["title"]["ar"], "en": r["title"]["en"]},
                "published": r["published"]["value"],
                "outlet": r["outlet"]["value"],
                "topics": [t["id"] for t in r["topics"]],
                "data": f"briefs/{r['slug']}.json",
                "pages": {"ar": f"briefs/{r['slug']}/", "en": f"en/briefs/{r['slug']}/"},
            }
            for r in records
        ],
        "entities": [
            {
                "kind": e.kind,
                "id": e.id,
                "ar": e.ar,
                "en": e.en,
                "briefs": len(e.mentions),
                "data": f"entities/{e.kind}/{e.id}.json",
                "pages": {
                    "ar": f"{ENTITY_FOLDERS[e.kind]}/{e.id}/",
                    "en": f"en/{ENTITY_FOLDERS[e.kind]}/{e.id}/",
                },
            }
            for e in entities
        ],
    }


def site_files(
    records: list[BriefRecord],
    entities: tuple[Entity, ...],
    site_url: str,
    reuse: Reuse = no_reuse,
    entered: Mapping[str, str] | None = None,
) -> list[Page]:
    """Every published non-page file, path relative to the site root; with ``reuse``, a
    brief's or entity's JSON is encoded again only when it changed; ``entered`` gives when
    each undated brief entered the corpus, by source file (for the feeds)."""
    files = [
        Page("feed.xml", atom_feed(records, "ar", site_url, entered)),
        Page("en/feed.xml", atom_feed(records, "en", site_url, entered)),
        Page("data/index.json", _dumps(corpus_index(records, entities))),
    ]
    files += [
        Page(f"data/briefs/{r['slug']}.json", reuse(("json", r["slug"]), (r,), partial(_dumps, r)))
        for r in records
    ]
    files += [
        Page(
            f"data/entities/{e.kind}/{e.id}.json",
            reuse(("json", e.kind, e.id), (e,), partial(_entity_json, e)),
        )
        for e in entities
    ]
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(Page(f"data/schema/{schema.name}", schema.read_text(encoding="utf-8")))
    return files
