"""The cleaned text of a brief page: its paragraphs with the source's note markers linked to
the reference list under them, the list itself, and the page furniture cleaning removed.
"""

from __future__ import annotations

from builder.arabic import has_arabic
from builder.clean import footnotes
from builder.model import Brief, BriefRecord, FootnoteRecord
from builder.render import markup
from builder.render.labels import label, truncation_note
from builder.render.markup import Lang

Spans = list[tuple[int, int, str]]
"""Markup to insert in a paragraph: ``(start, end, html)``, as :func:`markup.text_with`."""


def _note_language(value: str) -> Lang:
    """The language a reference is written in: Arabic when most of its letters are."""
    for start, end in reversed(footnotes.url_spans(value)):
        value = value[:start] + value[end:]
    arabic = sum(1 for char in value if has_arabic(char))
    latin = sum(1 for char in value if char.isascii() and char.isalpha())
    return "ar" if arabic > latin else "en"


def _note_ids(notes: list[FootnoteRecord]) -> list[str]:
    """``fn-<n>`` for each footnote; a number listed twice gets ``fn-<n>-2`` the second time."""
    seen: dict[int, int] = {}
    ids = []
    for note in notes:
        number = footnotes.number_key(note["number"])
        seen[number] = seen.get(number, 0) + 1
        ids.append(f"fn-{number}" if seen[number] == 1 else f"fn-{number}-{seen[number]}")
    return ids


def text_section(
    brief: Brief, record: BriefRecord, lang: Lang, anchors: list[Spans] | None = None
) -> list[str]:
    """The brief page's text section: the truncation warning if any, the cleaned text
    (searched on Arabic pages only) with the sentence ``anchors`` of each paragraph
    (:func:`builder.render.factsheet.sentence_anchors`), and the references. On English
    pages the Arabic text and its references are collapsed (a ``details`` block that opens
    when a link to one of its sentences is followed)."""
    notes = record["footnotes"]
    ids = _note_ids(notes)
    targets: dict[int, str] = {}
    for note, note_id in zip(notes, ids, strict=True):
        targets.setdefault(footnotes.number_key(note["number"]), note_id)
    markers = footnotes.link_markers(brief.doc.paragraphs, set(targets))
    # Every marker gets its own id (fnref-3, fnref-3-2 ...) so each can be linked back to.
    back: dict[int, list[str]] = {}
    paragraphs = []
    for index, (paragraph, found) in enumerate(zip(brief.doc.paragraphs, markers, strict=True)):
        spans: Spans = []
        for marker in found:
            refs = back.setdefault(marker.number, [])
            ref_id = f"fnref-{marker.number}" + (f"-{len(refs) + 1}" if refs else "")
            refs.append(ref_id)
            spans.append(
                (
                    marker.start,
                    marker.end,
                    f'<sup id="{ref_id}" class="brief-fnref">'
                    f'<a href="#{targets[marker.number]}">{markup.text(marker.written)}</a></sup>',
                )
            )
        # A sentence anchor never lands inside a note marker.
        extra = anchors[index] if anchors else []
        spans += [a for a in extra if not any(s <= a[0] < e for s, e, _ in spans)]
        paragraphs.append(markup.text_with(paragraph, spans))
    text = "\n\n".join(paragraphs)
    # The English index is searched in English: the Arabic text is indexed in Arabic.
    text_block = markup.block(text, "ar", "brief-text", search=lang == "ar")
    out = [f"## {label('text', lang)}", ""]
    cut = truncation_note(record, lang)
    if cut is not None:
        out += markup.unindexed(["!!! warning", "", f"    {markup.text(cut)}", ""])
    body = [text_block, ""]
    if notes:
        body += [f"### {label('footnotes', lang)}", "", _notes_list(notes, ids, back, lang), ""]
    if lang == "en":
        body = collapsed(body, label("show_text", lang), "brief-source-text")
    return out + body


def collapsed(lines: list[str], summary: str, css_class: str) -> list[str]:
    """Markdown lines in a closed ``details`` block (styled as Material's collapsible
    admonitions) whose summary is ``summary`` (plain text)."""
    return [
        f'<details class="note {css_class}" markdown>',
        f'<summary data-pagefind-ignore="all">{markup.text(summary)}</summary>',
        "",
        *lines,
        "",
        "</details>",
        "",
    ]


def _notes_list(
    notes: list[FootnoteRecord], ids: list[str], back: dict[int, list[str]], lang: Lang
) -> str:
    """The reference list as an HTML ``ol``: each entry numbered as in the source, its links
    clickable, with a link back to each marker in the text that points at it. The list
    declares the language most references are in; an entry in the other one declares its own."""
    languages = [_note_language(note["text"]) for note in notes]
    list_lang: Lang = "ar" if languages.count("ar") > len(languages) / 2 else "en"
    items = []
    for note, note_id, note_lang in zip(notes, ids, languages, strict=True):
        number = footnotes.number_key(note["number"])
        spans = [
            (start, end, markup.url_link(note["text"][start:end]))
            for start, end in footnotes.url_spans(note["text"])
        ]
        body = markup.text_with(note["text"], spans)
        refs = back.get(number, []) if note_id == f"fn-{number}" else []
        aria = markup.attribute(label("back_to_text", lang))
        for position, ref_id in enumerate(refs, start=1):
            arrow = "↑" if position == 1 else f"↑<sup>{position}</sup>"
            body += f' <a href="#{ref_id}" class="brief-backref" aria-label="{aria}">{arrow}</a>'
        own = (
            f' lang="{note_lang}" dir="{markup.direction(note_lang)}"'
            if note_lang != list_lang
            else ""
        )
        items.append(f'<li id="{note_id}" value="{number}"{own}>{body}</li>')
    return (
        f'<ol lang="{list_lang}" dir="{markup.direction(list_lang)}" class="brief-references">\n'
        + "\n".join(items)
        + "\n</ol>"
    )
