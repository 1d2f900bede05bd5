"""Stage 5, render: one Markdown page per brief and language, data in the front matter.

The Arabic page (``briefs/<slug>.md``) is served at ``/briefs/<slug>/``, the English page
(``briefs/<slug>.en.md``) at ``/en/briefs/<slug>/`` by mkdocs-static-i18n. All source text
goes through :mod:`builder.render.markup` so it is shown, never interpreted. The English page has
no machine translation: names come from the gazetteer and CLDR, and Arabic text is shown
as Arabic, tagged ``lang="ar" dir="rtl"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from builder.arabic import has_arabic
from builder.clean import footnotes
from builder.model import Brief, Page
from builder.pdf.jobs import pdf_name
from builder.render import markup
from builder.render.labels import label, source_notes, truncation_note
from builder.render.markup import Lang
from builder.resolve.corpus import newest_first

ENTITY_FOLDERS = {"person": "people", "organization": "organizations", "country": "countries"}


def page_path(folder: str, name: str, lang: Lang) -> str:
    """Path under ``docs/`` of a generated page in a language (suffix layout)."""
    return f"{folder}/{name}.md" if lang == "ar" else f"{folder}/{name}.en.md"


def name_with_gloss(ar: str, en: str | None, provisional: bool, lang: Lang) -> str:
    """Escaped name in the page language, with the other language's form as a tagged gloss."""
    if lang == "ar":
        gloss = f" — {markup.span(en, 'en')}" if en else ""
        if en and provisional:
            gloss += f" {markup.note(label('romanized', 'ar'))}"
        return markup.text(ar) + gloss
    shown = en or ar
    note = f" {markup.note(label('romanized', 'en'))}" if provisional else ""
    return f"{markup.text(shown)}{note} ({markup.span(ar, 'ar')})"


def entity_link(item: dict[str, Any], kind: str, lang: Lang, depth: str = "..") -> str:
    """Link from a page one folder deep to an entity page, with a gloss in the other language."""
    target = f"{depth}/{ENTITY_FOLDERS[kind]}/{item['id']}.md"
    if lang == "ar":
        shown = markup.link(item["ar"], target)
        gloss = f" — {markup.span(item['en'], 'en')}"
        if item["en_provisional"]:
            gloss += f" {markup.note(label('romanized', 'ar'))}"
        return shown + gloss
    note = f" {markup.note(label('romanized', 'en'))}" if item["en_provisional"] else ""
    return f"{markup.link(item['en'], target)}{note} ({markup.span(item['ar'], 'ar')})"


def newest_briefs(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Brief records, dated newest first, then undated, ties by slug."""
    return list(newest_first(records, lambda r: r["published"]["value"], lambda r: r["slug"]))


def brief_link(record: dict[str, Any], lang: Lang, root: str = "..") -> str:
    """Link to a brief from a page ``root`` below ``docs/``, with its Arabic title on English
    pages. A list of briefs is not the listing page's own text: search finds the briefs
    themselves (attr_list puts the ignore attribute on the link)."""
    title = record["title"]["ar"] if lang == "ar" else record["title"]["en"]
    target = f"{root}/briefs/{record['slug']}.md"
    shown = markup.link(title, target) + '{ data-pagefind-ignore="all" }'
    if lang == "en":
        shown += f" ({markup.span(record['title']['ar'], 'ar')})"
    return shown


def _arabic(value: str, lang: Lang) -> str:
    """Arabic text escaped, tagged when it sits on an English page."""
    return markup.text(value) if lang == "ar" else markup.span(value, "ar")


def _inferred(value: dict[str, Any], lang: Lang) -> str:
    if value["value"] is None:
        return markup.text(label("unknown", lang))
    shown = markup.text(value["value"])
    if value["inferred"]:
        shown += f" {markup.note(label('inferred', lang))}"
    return shown


def _source_section(record: dict[str, Any], lang: Lang) -> list[str]:
    lines = [
        f"- {markup.field(label('outlet', lang))} {_inferred(record['outlet'], lang)}",
        f"- {markup.field(label('published', lang))} {_inferred(record['published'], lang)}",
    ]
    if record["author"]:
        lines.append(f"- {markup.field(label('author', lang))} {markup.text(record['author'])}")
    if record["url"]:
        lines.append(
            f"- {markup.field(label('original', lang))} "
            f'<a href="{markup.attribute(record["url"])}" '
            f'rel="nofollow noopener">{markup.text(record["url"])}</a>'
        )
    # The file name is the source's address, not its words: it stays out of the index.
    lines.append(
        f"- {markup.field(label('file', lang))} "
        f"<code data-pagefind-ignore>{markup.text(record['file'])}</code>"
    )
    # How the file was read is about the file, not the article: kept out of the index.
    lines += [
        f"- {markup.field(name)} <span data-pagefind-ignore>{markup.text(value)}</span>"
        for name, value in source_notes(record, lang)
    ]
    return lines


def _actor_sections(record: dict[str, Any], lang: Lang) -> list[str]:
    out = [f"## {label('actors', lang)}", ""]
    for key, kind in (
        ("people", "person"),
        ("organizations", "organization"),
        ("countries", "country"),
    ):
        out += [f"### {label(key, lang)}", ""]
        items = record[key]
        if not items:
            out += [f"*{label('none', lang)}*", ""]
            continue
        for item in items:
            line = f"- {entity_link(item, kind, lang)}"
            if kind == "person" and item.get("role"):
                line += f" — {_arabic(item['role'], lang)}"
                if lang == "en" and item.get("role_en"):
                    line += f" ({markup.text(item['role_en'])})"
            out.append(line)
        out.append("")
    return out


def _dates_section(record: dict[str, Any], lang: Lang) -> list[str]:
    out = [f"## {label('dates', lang)}", ""]
    if not record["dates"]:
        return [*out, f"*{label('none', lang)}*", ""]
    columns = (label("text_span", lang), label("date_iso", lang), label("date_resolved", lang))
    out += [
        "| " + " | ".join(columns) + " |",
        "| --- | --- | --- |",
    ]
    for date in record["dates"]:
        resolved = markup.text(date["resolved"] or "—")
        if date["relative"] and date["resolved"]:
            resolved += f" {markup.note(label('relative', lang))}"
        out.append(
            f"| {_arabic(date['text'], lang)} | {markup.text(date['iso'] or '—')} | {resolved} |"
        )
    return [*out, ""]


def _numbers_section(record: dict[str, Any], lang: Lang) -> list[str]:
    out = [f"## {label('numbers', lang)}", ""]
    if not record["numbers"]:
        return [*out, f"*{label('none', lang)}*", ""]
    out += [
        f"| {label('text_span', lang)} | {label('value', lang)} | {label('unit', lang)} |",
        "| --- | --- | --- |",
    ]
    for number in record["numbers"]:
        value = f"{number['value']:,.12g}"
        if number["value_max"] is not None:
            value += f"–{number['value_max']:,.12g}"
        if number["qualifier"]:
            value = f"{number['qualifier']} {value}"
        out.append(
            f"| {_arabic(number['text'], lang)} | {markup.text(value)} | "
            f"{markup.text(number['unit'] or '—')} |"
        )
    return [*out, ""]


def speaker_label(speaker: dict[str, Any] | None, lang: Lang, depth: str = "..") -> str:
    """Who said it, linked to the speaker's page when the speaker is a known person."""
    if speaker is None:
        return markup.text(label("unknown_speaker", lang))
    if lang == "ar":
        shown = markup.text(speaker["ar"])
        if speaker["en"]:
            shown += f" — {markup.span(speaker['en'], 'en')}"
        return shown
    if speaker["en"]:
        note = f" {markup.note(label('romanized', 'en'))}" if speaker["en_provisional"] else ""
        return f"{markup.text(speaker['en'])}{note} ({markup.span(speaker['ar'], 'ar')})"
    return f"{markup.span(speaker['ar'], 'ar')} {markup.note(label('no_english', 'en'))}"


def _quotes_section(record: dict[str, Any], lang: Lang) -> list[str]:
    out = [f"## {label('quotes', lang)}", ""]
    if not record["quotes"]:
        return [*out, f"*{label('none', lang)}*", ""]
    for quote in record["quotes"]:
        kind = label(quote["kind"], lang)
        body = markup.text(quote["text"])
        if quote["kind"] == "direct":
            body = f"«{body}»"
        attribution = f"— {speaker_label(quote['speaker'], lang)} *({kind})*"
        if lang == "ar":
            out += [f"> {body}", ">", f"> {attribution}", ""]
        else:
            out += [markup.block(f"> {body}", "ar", "brief-quote"), "", attribution, ""]
    return out


def _topics_section(record: dict[str, Any], lang: Lang) -> list[str]:
    out = [f"## {label('topics', lang)}", ""]
    if not record["topics"]:
        return [*out, f"*{label('none', lang)}*", ""]
    for topic in record["topics"]:
        name = topic["ar"] if lang == "ar" else topic["en"]
        target = "../topics/" + topic["id"] + ".md"
        out.append(f"- {markup.link(name, target)}")
    out.append("")
    if record["terms"]:
        out += [f"### {label('terms', lang)}", ""]
        for term in record["terms"]:
            if lang == "ar":
                out.append(f"- {markup.text(term['ar'])} — {markup.span(term['en'], 'en')}")
            else:
                out.append(f"- {markup.text(term['en'])} ({markup.span(term['ar'], 'ar')})")
        out.append("")
    return out


def _related_reason(record: dict[str, Any], item: dict[str, Any], lang: Lang) -> str:
    """Why a brief is related, in words: the shared actors, topics and countries by name."""
    names = {
        actor["id"]: actor["ar"] if lang == "ar" else actor["en"]
        for kind in ("people", "organizations", "countries")
        for actor in record[kind]
    }
    names.update({topic["id"]: topic[lang] for topic in record["topics"]})
    parts = []
    for field, singular, plural in (
        ("actors", "shared_actor", "shared_actors"),
        ("topics", "shared_topic", "shared_topics"),
        ("countries", "shared_country", "shared_countries"),
    ):
        shared = item[field]
        if shared:
            heading = label(singular if len(shared) == 1 else plural, lang)
            listed = markup.separator(lang).join(names.get(i, i) for i in shared)
            parts.append(f"{markup.text(heading.format(count=len(shared)))}: {markup.text(listed)}")
    if item["days_apart"] is not None:
        parts.append(markup.text(label("days_apart", lang).format(days=item["days_apart"])))
    return " · ".join(parts)


def _related_section(
    brief_titles: dict[str, dict[str, str]], record: dict[str, Any], lang: Lang
) -> list[str]:
    if not record["related"]:
        return []
    items = []
    for item in record["related"]:
        title = brief_titles[item["slug"]][lang]
        target = item["slug"] + ".md"
        reason = _related_reason(record, item, lang)
        items.append(f"- {markup.link(title, target)}<br><small>{reason}</small>")
    return [f"## {label('related', lang)}", "", *markup.unindexed(items)]


def _note_language(value: str) -> Lang:
    """The language a reference is written in: Arabic when most of its letters are."""
    for start, end in reversed(footnotes.url_spans(value)):
        value = value[:start] + value[end:]
    arabic = sum(1 for char in value if has_arabic(char))
    latin = sum(1 for char in value if char.isascii() and char.isalpha())
    return "ar" if arabic > latin else "en"


def _note_ids(notes: list[dict[str, Any]]) -> list[str]:
    """``fn-<n>`` for each footnote; a number listed twice gets ``fn-<n>-2`` the second time."""
    seen: dict[int, int] = {}
    ids = []
    for note in notes:
        number = footnotes.number_key(note["number"])
        seen[number] = seen.get(number, 0) + 1
        ids.append(f"fn-{number}" if seen[number] == 1 else f"fn-{number}-{seen[number]}")
    return ids


def _text_section(brief: Brief, record: dict[str, Any], lang: Lang) -> list[str]:
    notes = record["footnotes"]
    ids = _note_ids(notes)
    targets: dict[int, str] = {}
    for note, note_id in zip(notes, ids, strict=True):
        targets.setdefault(footnotes.number_key(note["number"]), note_id)
    markers = footnotes.link_markers(brief.doc.paragraphs, set(targets))
    # Every marker gets its own id (fnref-3, fnref-3-2 ...) so each can be linked back to.
    back: dict[int, list[str]] = {}
    paragraphs = []
    for paragraph, found in zip(brief.doc.paragraphs, markers, strict=True):
        spans = []
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
        paragraphs.append(markup.text_with(paragraph, spans))
    text = "\n\n".join(paragraphs)
    # The English index is searched in English: the Arabic text is indexed in Arabic.
    text_block = markup.block(text, "ar", "brief-text", search=lang == "ar")
    out = [f"## {label('text', lang)}", ""]
    cut = truncation_note(record, lang)
    if cut is not None:
        out += markup.unindexed(["!!! warning", "", f"    {markup.text(cut)}", ""])
    out += [text_block, ""]
    if notes:
        out += [f"### {label('footnotes', lang)}", "", _notes_list(notes, ids, back, lang), ""]
    if record["removed"]:
        # Page furniture is shown as a record, never searched.
        summary = f"{label('removed', lang)} ({len(record['removed'])})"
        removed = [f'??? note "{summary}"', ""]
        for removal in record["removed"]:
            removed.append(
                f"    - {markup.span(removal['text'], 'ar')} — "
                f"<small>{markup.text(removal['reason'])}, line {removal['line']}</small>"
            )
        out += markup.unindexed(removed)
    return out


def _notes_list(
    notes: list[dict[str, Any]], ids: list[str], back: dict[int, list[str]], lang: Lang
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


def _repeated_text(lang: Lang, lines: list[str]) -> list[str]:
    """Sections that quote the article's own sentences (key facts, dates, figures, quotes)
    stay out of the Arabic search index: the cleaned text below already carries every word
    once, and indexing it two or three times only makes the index chunks grow with the corpus
    (and rank a page by how many facts were extracted from it). On English pages the Arabic
    in them is out of the index anyway (``search.UNINDEXED``); their English names stay in."""
    if lang != "ar":
        return lines
    return markup.unindexed(lines)


RECORD_KEY = "brief"
"""The front-matter key of a brief page holding its record; always the last key."""


def record_front_matter(record: dict[str, Any]) -> str:
    """The ``brief:`` key of a brief page's front matter, the same on both languages' pages."""
    return markup.yaml_block({RECORD_KEY: record})


def without_record(page_text: str) -> str:
    """A generated brief page as MkDocs needs it: the front matter without the record.

    No template reads the record, and at scale parsing it was a tenth of MkDocs' time and
    most of a page's memory; the file on disk keeps it. Other text is returned unchanged."""
    marker = f"\n{RECORD_KEY}:\n"
    start = page_text.find(marker) if page_text.startswith("---\n") else -1
    end = page_text.find("\n---\n", 3)
    if start < 0 or end < start:
        return page_text
    return page_text[: start + 1] + page_text[end + 1 :]


def render_brief(
    brief: Brief,
    record: dict[str, Any],
    lang: Lang,
    brief_titles: dict[str, dict[str, str]],
    search: dict[str, Any],
    record_yaml: str | None = None,
) -> Page:
    """The brief page in one language; ``record`` goes into the front matter unchanged,
    ``search`` (see ``builder.search.pagefind``) beside it. ``record_yaml`` is the record already
    dumped by :func:`record_front_matter`, to dump it once for both languages."""
    title = record["title"]["ar"] if lang == "ar" else record["title"]["en"]
    body: list[str] = [f"# {markup.text(title)}", ""]
    if lang == "en":
        body += [markup.block(markup.text(record["title"]["ar"]), "ar", "brief-title-ar"), ""]
        if record["title"]["en_generated"]:
            body += [f"*{label('generated_title', 'en')}*{{ data-pagefind-ignore }}", ""]
    elif record["title"]["en_generated"] is False:
        body += [markup.span(record["title"]["en"], "en"), ""]
    body += [f"## {label('source', lang)}", "", *_source_section(record, lang), ""]
    if lang == "en" and record["summary_en"]:
        body += [f"## {label('summary', lang)}", "", markup.text(record["summary_en"]), ""]
    facts = "\n".join(f"- {markup.text(fact)}" for fact in record["key_facts"])
    body += _repeated_text(
        lang,
        [
            f"## {label('key_facts', lang)}",
            "",
            markup.block(facts or label("none", "ar"), "ar") if lang == "en" else facts,
            "",
        ],
    )
    # Actors weigh more than body text in search (Pagefind's default weight is 1).
    body += ['<div data-pagefind-weight="5" markdown>', "", *_actor_sections(record, lang)]
    body += ["</div>", ""]
    body += _repeated_text(lang, _dates_section(record, lang) + _numbers_section(record, lang))
    body += _repeated_text(lang, _quotes_section(record, lang))
    body += _topics_section(record, lang)
    body += _related_section(brief_titles, record, lang)
    body += _text_section(brief, record, lang)
    if record_yaml is None:
        record_yaml = record_front_matter(record)
    # The theme links the page to its PDF (builder.pdf.writer) when the site has PDFs.
    front = markup.front_matter(
        {"title": title, "search": search, "pdf": pdf_name(brief.slug, lang)}, shared=record_yaml
    )
    return Page(
        page_path("briefs", brief.slug, lang), front + "\n" + "\n".join(body).rstrip() + "\n"
    )
