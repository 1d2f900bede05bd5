"""The English fact sheet of a brief page: who, what, when, where, the figures and who said
what, as short English lines built only from the extracted record, each linked to the Arabic
sentence it comes from; and the English gloss under each Arabic key fact.

Nothing is translated: names are the record's English names, dates are in CLDR words,
figures are values and units, and a statement is described by who made it and what it
names. The page says so above the sheet. The links point at anchors that
:func:`sentence_anchors` places in the Arabic text (:func:`builder.render.text.text_section`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from builder.model import BriefRecord, QuoteRecord
from builder.render import markup
from builder.render.gloss import (
    date_gloss,
    number_words,
    person_label,
    sentence_gloss,
    short_body,
)
from builder.render.text import Spans

_ENDS = ".!?؟\n"
MOST_LINKS = 4
"""Links to Arabic sentences after one line of the sheet, at most."""
MOST_ITEMS = 12
"""Items on one line of the sheet, at most (the sections below list them all)."""
MOST_SPEAKERS = 8
"""Speakers listed under «Who is quoted», at most (the most quoted first)."""


def record_sentences(record: BriefRecord) -> list[str]:
    """Every sentence of the text the record points at, once each."""
    sentences = [
        *record["key_facts"],
        *(actor["sentence"] for actor in record["people"]),
        *(actor["sentence"] for actor in record["organizations"]),
        *(actor["sentence"] for actor in record["countries"]),
        *(date["sentence"] for date in record["dates"]),
        *(number["sentence"] for number in record["numbers"]),
        *(quote["sentence"] for quote in record["quotes"]),
    ]
    return list(dict.fromkeys(sentence for sentence in sentences if sentence))


def _locate(paragraphs: Sequence[str], sentence: str) -> tuple[int, int] | None:
    """Paragraph and offset where ``sentence`` starts (a sentence cut with «…» by the
    extractor is found by its longest piece, then walked back to its start)."""
    core = max(sentence.split("…"), key=len).strip()
    if not core:
        return None
    for probe in (core, core[:40]):
        for index, paragraph in enumerate(paragraphs):
            found = paragraph.find(probe)
            if found >= 0:
                start = max(paragraph.rfind(end, 0, found) for end in _ENDS) + 1
                while start < found and paragraph[start].isspace():
                    start += 1
                return index, start
    return None


def sentence_anchors(
    paragraphs: Sequence[str], record: BriefRecord
) -> tuple[dict[str, str], list[Spans]]:
    """Anchor ids for the record's sentences (``s-1``, ``s-2`` ... in text order) and, per
    paragraph, the empty anchors to insert."""
    places: dict[tuple[int, int], list[str]] = {}
    for sentence in record_sentences(record):
        found = _locate(paragraphs, sentence)
        if found is None:
            continue
        places.setdefault(found, []).append(sentence)
    ids: dict[str, str] = {}
    spans: list[Spans] = [[] for _ in paragraphs]
    for number, (index, start) in enumerate(sorted(places), start=1):
        anchor = f"s-{number}"
        spans[index].append((start, start, f'<span id="{anchor}" class="brief-anchor"></span>'))
        for sentence in places[(index, start)]:
            ids[sentence] = anchor
    return ids, spans


def _links(anchors: dict[str, str], sentences: Iterable[str]) -> str:
    """Links to the Arabic sentences, once each, at most :data:`MOST_LINKS`."""
    targets = list(dict.fromkeys(anchors[s] for s in sentences if s in anchors))
    return "".join(
        f' <a href="#{target}" class="brief-source-link" '
        f'title="The Arabic sentence" data-pagefind-ignore>↗</a>'
        for target in targets[:MOST_LINKS]
    )


RELATIVE = "(relative to publication)"


def _unindexed(words: str) -> str:
    """The sheet's own words (escaped), kept out of the search index."""
    return f"<span data-pagefind-ignore>{markup.text(words)}</span>"


def _lead(words: str) -> str:
    """A line's lead in bold, the site's own label: out of the search index."""
    return f"<strong data-pagefind-ignore>{markup.text(words)}</strong>"


def _item(text: str, anchors: dict[str, str], sentences: Iterable[str]) -> str:
    shown = markup.text(text)
    if text.endswith(RELATIVE):
        shown = f"{markup.text(text[: -len(RELATIVE)])} {_unindexed(RELATIVE)}"
    return shown + _links(anchors, sentences)


def _line(lead: str, items: list[str]) -> list[str]:
    """A line of the sheet: its lead in bold, then the items (the first
    :data:`MOST_ITEMS`, then how many more the sections below list)."""
    if not items:
        return []
    more = len(items) - MOST_ITEMS
    shown = items[:MOST_ITEMS] if more > 0 else items
    tail = f"; and {more} more" if more > 0 else ""
    return [f"- {_lead(lead)} " + "; ".join(shown) + tail + "."]


def _people(record: BriefRecord, anchors: dict[str, str]) -> list[str]:
    items = [
        _item(person_label(record, person, full=True), anchors, [person["sentence"]])
        for person in record["people"]
    ]
    return _line(f"People ({len(items)}):", items)


def _speaker_name(quote: QuoteRecord) -> str:
    speaker = quote["speaker"]
    if speaker is None:
        return "An unattributed source"
    if speaker["en"]:
        return speaker["en"]
    return "A speaker named only in Arabic"


def _said(record: BriefRecord, anchors: dict[str, str]) -> list[str]:
    """«Who is quoted»: each speaker's statements counted by kind, with what they name."""
    # By who the speaker is (two speakers without an English name are not one).
    by_speaker: dict[str, list[QuoteRecord]] = {}
    for quote in record["quotes"]:
        if not quote["fragment"]:
            speaker = quote["speaker"]
            key = speaker["id"] or speaker["en"] or speaker["ar"] if speaker else ""
            by_speaker.setdefault(key or "", []).append(quote)
    ranked = sorted(by_speaker.values(), key=lambda quotes: -len(quotes))[:MOST_SPEAKERS]
    lines = []
    for quotes in ranked:
        name = _speaker_name(quotes[0])
        direct = sum(1 for quote in quotes if quote["kind"] == "direct")
        counts = [
            f"{count} {kind}" + ("" if count == 1 else "s")
            for count, kind in (
                (direct, "direct quote"),
                (len(quotes) - direct, "reported statement"),
            )
            if count
        ]
        own = frozenset(q["speaker"]["id"] for q in quotes if q["speaker"] and q["speaker"]["id"])
        named = list(
            dict.fromkeys(part for q in quotes for part in sentence_gloss(record, q["text"], own))
        )
        # The connecting words are the site's, on every page: out of the search index.
        words = " and ".join(counts) + (", naming" if named else "")
        sentence = (
            f"{markup.text(name[:1].upper() + name[1:])}: {_unindexed(words)}"
            f" {markup.text(', '.join(named[:6]))}".rstrip()
            + "."
            + _links(anchors, [q["sentence"] for q in quotes])
        )
        lines.append(f"    - {sentence}")
    if not lines:
        return []
    return [f"- {_lead('Who is quoted:')}", "", *lines]


def fact_sheet(record: BriefRecord, anchors: dict[str, str]) -> list[str]:
    """The English fact sheet (Markdown lines), empty when the record holds nothing."""
    body = _people(record, anchors)
    body += _line(
        "Bodies:",
        [_item(short_body(o), anchors, [o["sentence"]]) for o in record["organizations"]],
    )
    body += _line("Topics:", [markup.text(topic["en"]) for topic in record["topics"]])
    body += _line("Key terms:", [markup.text(term["en"]) for term in record["terms"]])
    # In time order (a date without its year last), each once.
    dates: dict[str, list[str]] = {}
    ordered = sorted(
        record["dates"],
        key=lambda d: (d["resolved"] or d["iso"] or "").replace("XXXX", "~"),
    )
    for date in ordered:
        words = date_gloss(date)
        if words:
            if date["relative"] and date["resolved"]:
                words += " " + RELATIVE
            dates.setdefault(words, []).append(date["sentence"])
    body += _line("When:", [_item(words, anchors, s) for words, s in dates.items()])
    body += _line("Where:", [_item(c["en"], anchors, [c["sentence"]]) for c in record["countries"]])
    figures: dict[str, list[str]] = {}
    for number in record["numbers"]:
        figures.setdefault(number_words(number), []).append(number["sentence"])
    body += _line("Figures:", [_item(words, anchors, s) for words, s in figures.items()])
    body += _said(record, anchors)
    return body


def fact_gloss(record: BriefRecord, fact: str) -> str | None:
    """The English gloss under an Arabic key fact (markup): who it quotes, then what it
    names, «Michael Chase (Pentagon) · General Liu Zan · 13 December 2023 · about 3 years»;
    None if nothing."""
    speakers = []
    for quote in record["quotes"]:
        if quote["sentence"] == fact or quote["text"] in fact:
            kind = "quoted" if quote["kind"] == "direct" else "reported"
            name = _speaker_name(quote)
            speakers.append(f"{name[:1].upper()}{name[1:]} ({kind})")
    own = frozenset(
        quote["speaker"]["id"]
        for quote in record["quotes"]
        if quote["speaker"] and quote["speaker"]["id"] and quote["text"] in fact
    )
    parts = list(dict.fromkeys([*speakers, *sentence_gloss(record, fact, own)]))
    if not parts:
        return None
    return " · ".join(markup.text(part) for part in parts)
