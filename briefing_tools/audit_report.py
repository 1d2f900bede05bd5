"""The figures of ``briefing audit`` (:mod:`briefing_tools.audit`) as data and as text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from briefing_tools.audit import (
    KINDS,
    Vocabulary,
    duplicates,
    english_source,
    fragment_reasons,
    quote_key,
)
from builder.extract.matcher import WORD, phrase_key
from builder.model import Entity, Extraction

SAMPLE = 20
"""Singletons, fragments and duplicate groups listed in the text report (all in JSON)."""


REASONS = (
    "attached",
    "function word",
    "verb-like",
    "one common word",
    "opens with a title",
    "ends with a title",
    "ends with",
)


def _category(reason: str) -> str:
    return next((kind for kind in REASONS if reason.startswith(kind)), reason)


def _entity(entity: Entity, vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "kind": entity.kind,
        "id": entity.id,
        "ar": entity.ar,
        "en": entity.en,
        "en_from": english_source(entity, vocabulary),
        "briefs": len(entity.mentions),
    }


def _quotes(
    extractions: Sequence[Extraction], entities: Sequence[Entity], vocabulary: Vocabulary
) -> dict[str, Any]:
    quotes = [quote for extraction in extractions for quote in extraction.quotes]
    texts = [quote_key(quote.text) for quote in quotes]
    listed = [quote_key(quote.text) for quote in quotes if not quote.fragment]
    # What an English reader of the quote index sees of a listed quote's speaker.
    speakers = [quote.speaker for quote in quotes if not quote.fragment]
    unattributed = sum(1 for speaker in speakers if speaker is None)
    without_english = sum(1 for speaker in speakers if speaker is not None and not speaker.en)
    names = set(vocabulary.names)
    names.update(phrase_key(form) for entity in entities for form, _ in entity.variants)
    total = len(texts) or 1
    short = sum(1 for text in texts if 1 <= len(WORD.findall(text)) <= 3)
    verbless = sum(
        1 for text in texts if not any(vocabulary.verb_like(w) for w in WORD.findall(text))
    )
    named = sum(1 for text in texts if phrase_key(text) in names)
    # What the quote index and the speakers' pages list: a word or two quoted stays with
    # its brief, so a listed quote of two words or fewer without a verb is a fault.
    listed_short = sum(
        1
        for text in listed
        if len(WORD.findall(text)) <= 2
        and not any(vocabulary.verb_like(w) for w in WORD.findall(text))
    )
    return {
        "count": len(texts),
        "listed": len(listed),
        "fragments": len(texts) - len(listed),
        "listed_two_words_without_verb": listed_short,
        "listed_without_speaker": unattributed,
        "listed_speaker_without_english": without_english,
        "short_1_3_words": short,
        "short_share": round(short / total, 4),
        "without_verb": verbless,
        "without_verb_share": round(verbless / total, 4),
        "entity_name": named,
        "entity_name_share": round(named / total, 4),
        "most_repeated": [[text, n] for text, n in Counter(texts).most_common(15) if n > 1],
    }


def audit_data(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    vocabulary: Vocabulary,
    *,
    sources: int = 0,
    problems: int = 0,
    top: int = 50,
) -> dict[str, Any]:
    """The audit of a resolved corpus, as JSON-ready data."""
    ranked = sorted(entities, key=lambda e: (-len(e.mentions), e.kind, e.ar))
    singletons = [e for e in ranked if len(e.mentions) == 1]
    fragments = []
    for entity in ranked:
        reasons = fragment_reasons(entity, vocabulary)
        if reasons:
            fragments.append(
                {
                    **_entity(entity, vocabulary),
                    "reasons": reasons,
                    "example": entity.mentions[0].sentence,
                }
            )
    pairs: list[dict[str, Any]] = []
    surnames: list[dict[str, Any]] = []
    for kind in ("person", "organization"):
        found_pairs, groups = duplicates([e for e in entities if e.kind == kind], vocabulary)
        pairs += [
            {"kind": kind, "shorter": _entity(a, vocabulary), "longer": _entity(b, vocabulary)}
            for a, b in found_pairs
        ]
        # Bodies share their last word by nature (a nationality): only people's count.
        surnames += [
            {"kind": kind, "word": word, "entities": [_entity(e, vocabulary) for e in members]}
            for word, members in groups
            if kind == "person"
        ]
    return {
        "sources": sources,
        "briefs": len(extractions),
        "problems": problems,
        "entities": dict(Counter(e.kind for e in entities)),
        "top": {
            kind: [_entity(e, vocabulary) for e in ranked if e.kind == kind][:top] for kind in KINDS
        },
        "singletons": {
            "count": len(singletons),
            "by_kind": dict(Counter(e.kind for e in singletons)),
            "sample": [
                _entity(e, vocabulary)
                for e in singletons[:: max(1, len(singletons) // SAMPLE)][:SAMPLE]
            ],
        },
        "fragments": {
            "count": len(fragments),
            "by_reason": dict(
                Counter(_category(reason) for item in fragments for reason in item["reasons"])
            ),
            "entities": fragments,
        },
        "duplicates": {
            "contained": pairs,
            "same_surname": surnames,
        },
        "quotes": _quotes(extractions, entities, vocabulary),
    }


def _row(item: dict[str, Any]) -> str:
    return f"{item['briefs']:6,}  {item['ar']}  |  {item['en']}  [{item['en_from']}]"


def format_audit(data: dict[str, Any]) -> str:
    """The audit as text."""
    lines = [
        f"sources: {data['sources']:,}   briefs: {data['briefs']:,}   "
        f"problems reported: {data['problems']:,}",
        "entities: " + ", ".join(f"{n:,} {kind}" for kind, n in sorted(data["entities"].items())),
    ]
    for kind in KINDS:
        rows = data["top"][kind]
        lines += ["", f"== {kind} pages by briefs (top {len(rows)}) ==", *map(_row, rows)]
    single = data["singletons"]
    lines += [
        "",
        f"== singletons (one brief): {single['count']:,} "
        + "("
        + ", ".join(f"{n:,} {k}" for k, n in sorted(single["by_kind"].items()))
        + ") ==",
        *(f"  {item['kind']:12}  {item['ar']}  |  {item['en']}" for item in single["sample"]),
    ]
    fragments = data["fragments"]
    lines += [
        "",
        f"== suspected fragments: {fragments['count']:,} ==",
        "by reason: "
        + ", ".join(
            f"{r} {n:,}" for r, n in sorted(fragments["by_reason"].items(), key=lambda i: -i[1])
        ),
    ]
    for item in fragments["entities"][: SAMPLE * 3]:
        lines += [
            f"{item['briefs']:6,}  {item['kind']:12}  {item['ar']}  ({'; '.join(item['reasons'])})",
            f"        e.g. {item['example'][:200]}",
        ]
    pairs = data["duplicates"]["contained"]
    groups = data["duplicates"]["same_surname"]
    lines += ["", f"== suspected duplicates: {len(pairs):,} names inside longer names =="]
    for pair in pairs[: SAMPLE * 2]:
        short, long = pair["shorter"], pair["longer"]
        lines.append(
            f"  {short['ar']} ({short['briefs']:,})  in  {long['ar']} ({long['briefs']:,})"
            f"  [{pair['kind']}]"
        )
    lines += ["", f"== suspected duplicates: {len(groups):,} groups sharing a last word =="]
    for group in groups[: SAMPLE * 2]:
        members = ", ".join(f"{e['ar']} ({e['briefs']:,})" for e in group["entities"])
        lines.append(f"  {group['word']}: {members}")
    quotes = data["quotes"]
    lines += [
        "",
        f"== quotes: {quotes['count']:,} ==",
        f"listed in the quote index: {quotes['listed']:,}; fragments of one or two words left "
        f"to their briefs: {quotes['fragments']:,}",
        f"listed, two words or fewer, without a verb: {quotes['listed_two_words_without_verb']:,}",
        f"listed without a speaker: {quotes['listed_without_speaker']:,}; with a speaker that has "
        f"no English label: {quotes['listed_speaker_without_english']:,}",
        f"1-3 words: {quotes['short_1_3_words']:,} ({quotes['short_share']:.1%})",
        f"without a verb-like word: {quotes['without_verb']:,} "
        f"({quotes['without_verb_share']:.1%})",
        f"exactly an entity's name: {quotes['entity_name']:,} ({quotes['entity_name_share']:.1%})",
        "most repeated:",
        *(f"  {n:5,}  {text[:160]}" for text, n in quotes["most_repeated"]),
    ]
    return "\n".join(lines)
