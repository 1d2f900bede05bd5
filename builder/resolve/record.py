"""The brief record: the one data shape of page front matter and ``briefing extract --json``.

``brief_record`` turns a cleaned brief and its extraction into plain JSON-able data, and
``validate_record`` checks it against ``builder/schema/brief.schema.json``, the file other
tools read to consume the data without Python. ``newest_briefs`` is the order every list of
records is shown in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

import jsonschema

from builder.config import SCHEMA_DIR
from builder.knowledge import Knowledge
from builder.model import (
    ActorMention,
    ActorRecord,
    BriefRecord,
    CleanDocument,
    CountryRecord,
    Encoding,
    Extraction,
    Inferred,
    InferredValue,
    Normalized,
    OutletValue,
    PersonRecord,
    PublishedValue,
    Quote,
    QuoteRecord,
    RelatedBrief,
    SpeakerRecord,
    TopicRecord,
    english_source,
    precision_of,
)
from builder.render.titles import generated_title
from builder.resolve.corpus import entity_id, newest_first, speaker_entity_id

SCHEMA_PATH = SCHEMA_DIR / "brief.schema.json"


def _inferred(value: Inferred) -> InferredValue:
    data: InferredValue = {"value": value.value, "inferred": value.inferred}
    if value.basis:
        data["basis"] = value.basis
    return data


def _outlet(value: Inferred) -> OutletValue:
    data: OutletValue = {**_inferred(value)}
    if value.en:
        data["en"] = value.en
    if value.from_url:
        data["from_url"] = True
    return data


def _published(value: Inferred) -> PublishedValue:
    return {**_inferred(value), "precision": precision_of(value.value)}


def _actor(mention: ActorMention) -> ActorRecord:
    return {
        "id": entity_id(mention),
        "ar": mention.ar,
        "en": mention.en,
        "en_provisional": mention.en_provisional,
        "en_source": english_source(mention.en_source, mention.en_provisional),
        "forms": list(mention.forms),
        "count": mention.count,
        "sentence": mention.sentence,
    }


def _person(mention: ActorMention) -> PersonRecord:
    return {**_actor(mention), "role": mention.role, "role_en": mention.role_en}


def _country(mention: ActorMention) -> CountryRecord:
    # The extractor gives every country its code (builder.extract.actors).
    return {**_actor(mention), "code": cast(str, mention.code)}


def _quote(quote: Quote) -> QuoteRecord:
    speaker: SpeakerRecord | None = None
    if quote.speaker is not None:
        speaker = {
            "ar": quote.speaker.ar,
            "en": quote.speaker.en,
            "en_provisional": quote.speaker.en_provisional,
            "en_source": quote.speaker.en_source,
            "id": speaker_entity_id(quote.speaker),
        }
    return {
        "text": quote.text,
        "kind": quote.kind,
        "speaker": speaker,
        "sentence": quote.sentence,
        "fragment": quote.fragment,
    }


def editor_title(doc: CleanDocument) -> str | None:
    """The editor's English title, None when the metadata gives none (the record then gets
    one generated from its data: :func:`builder.render.titles.generated_title`)."""
    return doc.source.metadata.title_en or None


def brief_record(
    doc: CleanDocument,
    extraction: Extraction,
    knowledge: Knowledge,
    related: tuple[RelatedBrief, ...] = (),
) -> BriefRecord:
    """The brief as plain data (see ``brief.schema.json`` for every field)."""
    meta = doc.source.metadata
    title_en = editor_title(doc)
    topics: list[TopicRecord] = []
    for topic_id in extraction.topics:
        topic = knowledge.topic(topic_id)
        if topic is not None:
            topics.append({"id": topic.id, "ar": topic.ar, "en": topic.en})
    record: BriefRecord = {
        "file": doc.source.file,
        "slug": doc.source.slug,
        "checksum": doc.source.checksum,
        # The reader's encoding ids and kinds of change are the schema's (a test checks it).
        "encoding": cast(Encoding, doc.source.encoding),
        "normalized": cast(Normalized, dict(doc.source.normalized)),
        "truncated": None
        if doc.source.truncated_from is None
        else {"total": doc.source.truncated_from, "used": len(doc.source.text)},
        "title": {"ar": doc.title, "en": title_en or "", "en_generated": title_en is None},
        "published": _published(extraction.published),
        "outlet": _outlet(extraction.outlet),
        "url": meta.url,
        "author": meta.author,
        "summary_en": meta.summary_en,
        "tags": list(meta.tags),
        "key_facts": list(extraction.key_facts),
        "dates": [
            {
                "text": date.text,
                "iso": date.iso,
                "resolved": date.resolved,
                "relative": date.relative,
                "calendar": date.calendar,
                "sentence": date.sentence,
            }
            for date in extraction.dates
        ],
        "people": [_person(mention) for mention in extraction.people],
        "organizations": [_actor(mention) for mention in extraction.organizations],
        "countries": [_country(mention) for mention in extraction.countries],
        "numbers": [
            {
                "text": number.text,
                "value": number.value,
                "value_max": number.value_max,
                "unit": number.unit,
                "unit_ar": knowledge.unit_names.get(number.unit) if number.unit else None,
                "qualifier": number.qualifier,
                "sentence": number.sentence,
            }
            for number in extraction.numbers
        ],
        "quotes": [_quote(quote) for quote in extraction.quotes],
        "topics": topics,
        "terms": [{"ar": t.ar, "en": t.en, "count": t.count} for t in extraction.terms],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in doc.removals],
        "footnotes": [{"number": f.number, "text": f.text, "url": f.url} for f in doc.footnotes],
        "related": [
            {
                "slug": item.slug,
                "actors": list(item.actors),
                "topics": list(item.topics),
                "countries": list(item.countries),
                "days_apart": item.days_apart,
            }
            for item in related
        ],
    }
    if title_en is None:
        record["title"]["en"] = generated_title(record)
    return record


def newest_briefs(records: Iterable[BriefRecord]) -> list[BriefRecord]:
    """Brief records, dated newest first, then undated, ties by slug."""
    return list(newest_first(records, lambda r: r["published"]["value"], lambda r: r["slug"]))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_record(record: object) -> list[str]:
    """Schema violations of a record, as ``path: message`` strings (empty when valid)."""
    errors = sorted(_validator().iter_errors(record), key=lambda error: list(error.path))
    return [
        f"{'/'.join(str(part) for part in error.path) or '(root)'}: {error.message}"
        for error in errors
    ]
