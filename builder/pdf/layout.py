"""The printed brief: one HTML document per brief and language, laid out for WeasyPrint.

A briefing layout, not the web page: both titles, source and date, key facts, actors,
dates, figures, quotes and topics, then the cleaned text with its references. Built from
the same record as the brief page's front matter (``builder.resolve.record``), so both say the
same thing. Every value is escaped: source text is data, never markup. Each block declares
its own ``lang`` and ``dir``, and names inside a line of the other script are isolated
(``<bdi>``), so mixed runs keep their order. The page furniture (the title above; the
outlet, date and page number below) comes from ``templates/pdf.css`` through
``string-set``. The source file and how it was read close the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.clean import footnotes
from builder.model import (
    ActorRecord,
    Brief,
    BriefRecord,
    InferredValue,
    PersonRecord,
    SpeakerRecord,
)
from builder.render import markup
from builder.render.dates import date_text, date_words, published_shown
from builder.render.figures import figure_unit, figure_value
from builder.render.labels import (
    english_note,
    inferred_note,
    label,
    source_notes,
    truncation_note,
)
from builder.render.markup import Lang, direction, span
from builder.render.names import outlet_name, speaker_arabic
from builder.render.plurals import count_text
from builder.resolve.statements import group_by_speaker


def _note(words: str) -> str:
    return f'<span class="note">({markup.text(words)})</span>'


def _name(item: ActorRecord | SpeakerRecord, lang: Lang) -> str:
    """An actor's name in the page language, the other form beside it; a provisional
    English name says where it comes from, and an actor with no English name is shown in
    Arabic with a note."""
    english = item.get("en")
    words = english_note(item.get("en_source"), bool(item.get("en_provisional")), lang)
    provisional = f" {_note(words)}" if words else ""
    if lang == "ar":
        other = f" {bracketed(english, 'en')}{provisional}" if english else ""
        return markup.text(item["ar"]) + other
    if not english:
        return f"{span(item['ar'], 'ar')} {_note(label('no_english', 'en'))}"
    return f"{markup.text(english)}{provisional} {bracketed(item['ar'], 'ar')}"


def bracketed(value: str, lang: Lang) -> str:
    """``value``, a name in ``lang``, in brackets beside a name of the other language.

    The brackets are always set left to right, never mirrored: a mirrored bracket is drawn
    as «(» but copies as «)», and a PDF reader's text layer (pdftotext, copy and paste)
    then puts it on the wrong side of a name that ends in a bracket of its own («...
    (People's Liberation Army (PLA)) (»). So an English name keeps its brackets inside its
    isolated run; an Arabic one on an English page has them outside, in the page's run."""
    if lang == "en":
        return span(f"({value})", "en")
    # Kept on one line: an Arabic name broken inside an English line reads in two pieces
    # on either side of the break.
    return f'(<bdi lang="ar" dir="rtl" class="name">{markup.text(value)}</bdi>)'


def _value(field: InferredValue, lang: Lang, shown: str | None = None) -> str:
    if not field["value"]:
        return markup.text(label("unknown", lang))
    if shown is None:
        # A value in Latin letters (an outlet named so by the article) keeps its own
        # direction, brackets included, on either page.
        shown = markup.isolated(field["value"])
    return shown + (f" {_note(inferred_note(field, lang))}" if field["inferred"] else "")


def _published(field: InferredValue, lang: Lang) -> str:
    """The publication date: a month or a year known alone is shown as such and says so."""
    shown, notes = published_shown(field, lang)
    return " ".join([markup.text(shown), *(_note(note) for note in notes)])


def _section(key: str, lang: Lang, body: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<section{attribute}>\n<h2>{markup.text(label(key, lang))}</h2>\n{body}\n</section>"


def _none(lang: Lang) -> str:
    return f'<p class="none">{markup.text(label("none", lang))}</p>'


def _table(head: list[str], rows: list[list[str]], lang: Lang) -> str:
    if not rows:
        return _none(lang)
    header = "".join(f"<th>{markup.text(cell)}</th>" for cell in head)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _arabic_list(items: list[str], lang: Lang) -> str:
    if not items:
        return _none(lang)
    entries = "\n".join(f"<li>{markup.text(item)}</li>" for item in items)
    return f'<ul lang="ar" dir="rtl">\n{entries}\n</ul>'


def _running_source(record: BriefRecord, lang: Lang) -> str:
    """Outlet and publication date (markup, each part isolated in its own direction): under
    the title and in every page's footer (``string-set`` in ``templates/pdf.css``)."""
    outlet = record["outlet"]
    name = (outlet.get("en") if lang == "en" else None) or outlet["value"]
    published = record["published"]["value"]
    parts = [
        name or label("no_outlet", lang),
        date_text(published, lang) if published else label("unknown", lang),
    ]
    return " · ".join(markup.isolated(part) for part in parts)


def _head(record: BriefRecord, lang: Lang) -> str:
    """Both titles and the source. The title goes to every page's header, the outlet and
    date to every page's footer (``string-set`` in ``templates/pdf.css``)."""
    english = record["title"]["en"]
    generated = record["title"]["en_generated"]
    lines = [
        '<header class="brief-head">',
        f'<p class="kicker">{markup.text(label("brief", lang))} · '
        f'<span class="running-source">{_running_source(record, lang)}</span></p>',
    ]
    if lang == "ar":
        note = f" {_note(label('generated_title', 'en'))}" if generated else ""
        lines.append(f"<h1>{markup.text(record['title']['ar'])}</h1>")
        lines.append(f'<p class="other-title" lang="en" dir="ltr">{markup.text(english)}{note}</p>')
    else:
        lines.append(f"<h1>{markup.text(english)}</h1>")
        lines.append(
            f'<p class="other-title" lang="ar" dir="rtl">{markup.text(record["title"]["ar"])}</p>'
        )
        if generated:
            lines.append(f'<p class="note">{markup.text(label("generated_title", "en"))}</p>')
    facts = [
        (
            label("outlet", lang),
            _value(record["outlet"], lang, outlet_name(record["outlet"], lang)),
        ),
        (label("published", lang), _published(record["published"], lang)),
    ]
    if record["author"]:
        facts.append((label("author", lang), markup.text(record["author"])))
    if record["url"]:
        url = markup.attribute(record["url"])
        link = f'<a href="{url}" dir="ltr">{markup.text(record["url"])}</a>'
        facts.append((label("original", lang), link))
    lines += ["</header>", _facts_table(facts)]
    return "\n".join(lines)


def _facts_table(facts: list[tuple[str, str]]) -> str:
    # A table, not a grid: WeasyPrint lays grid columns left to right on Arabic pages too.
    rows = [f"<tr><th>{markup.text(name)}</th><td>{value}</td></tr>" for name, value in facts]
    return "\n".join(['<table class="source">', *rows, "</table>"])


_PROCESSING = {"ar": "المصدر والمعالجة", "en": "Source and processing"}
"""The heading of the last section: the source file and how it was read, for whoever checks
the brief against its file, out of the reader's way."""


def _processing(record: BriefRecord, lang: Lang) -> str:
    file = f'<span dir="ltr">{markup.text(record["file"])}</span>'
    facts = [(label("file", lang), file)]
    facts += [(name, markup.text(value)) for name, value in source_notes(record, lang)]
    heading = markup.text(_PROCESSING[lang])
    return f'<section class="processing">\n<h2>{heading}</h2>\n{_facts_table(facts)}\n</section>'


def _role(person: PersonRecord, lang: Lang) -> str:
    """A person's role as the text states it (with its English on English pages, when
    known); empty when none is stated."""
    if not person["role"]:
        return ""
    role = markup.text(person["role"]) if lang == "ar" else span(person["role"], "ar")
    if lang == "en" and person["role_en"]:
        role += f" ({markup.text(person['role_en'])})"
    return role


def _counted(items: Sequence[ActorRecord], lang: Lang) -> list[list[str]]:
    return [[_name(item, lang), str(item["count"])] for item in items]


def _actors(record: BriefRecord, lang: Lang) -> str:
    name, count = label("name", lang), label("mention_count", lang)
    people = [[_name(p, lang), _role(p, lang), str(p["count"])] for p in record["people"]]
    tables = (
        ("people", [name, label("role", lang), count], people),
        ("organizations", [name, count], _counted(record["organizations"], lang)),
        ("countries", [name, count], _counted(record["countries"], lang)),
    )
    parts = [
        f"<h3>{markup.text(label(key, lang))}</h3>\n{_table(head, rows, lang)}"
        for key, head, rows in tables
    ]
    return _section("actors", lang, "\n".join(parts), "actors")


def _dates(record: BriefRecord, lang: Lang) -> str:
    rows = []
    for date in record["dates"]:
        value = date["resolved"] or date["iso"]
        # In words, as on the page: «October (year not stated)», «the 1960s».
        shown = markup.text(date_words(value, lang)) if value else "—"
        if date["relative"] and date["resolved"]:
            shown += f" {_note(label('relative', lang))}"
        rows.append([shown, span(date["text"], "ar")])
    head = [label("date_col", lang), label("text_span", lang)]
    return _section("dates", lang, _table(head, rows, lang))


def _numbers(record: BriefRecord, lang: Lang) -> str:
    rows = []
    for number in record["numbers"]:
        value = figure_value(number, lang)
        unit = figure_unit(number, lang) or ""
        rows.append([span(number["text"], "ar"), markup.text(value), markup.text(unit)])
    head = [label("text_span", lang), label("value", lang), label("unit", lang)]
    return _section("numbers", lang, _table(head, rows, lang))


def _speaker(speaker: SpeakerRecord | None, lang: Lang) -> str:
    if speaker is None:
        return markup.text(label("unknown_speaker", lang))
    if lang == "ar" and not speaker["id"]:
        # A description («مسؤول دفاعي أميركي») has no English name on an Arabic page.
        return markup.text(speaker_arabic(speaker))
    return _name(speaker, lang)


def _quotes(record: BriefRecord, lang: Lang) -> str:
    """The quotes by speaker, each statement once and tagged direct or reported
    (:mod:`builder.resolve.statements`)."""
    groups = group_by_speaker(record["quotes"])
    if not groups:
        return _section("quotes", lang, _none(lang))
    items = []
    for group in groups:
        count = count_text("statement", len(group.statements), lang)
        items.append(
            f'<h3 class="quote-speaker">{_speaker(group.speaker, lang)} '
            f'<span class="note">({markup.text(count)})</span></h3>'
        )
        for statement in group.statements:
            words = markup.text(statement.text)
            if statement.kinds[0] == "direct":
                words = f"«{words}»"
            kinds = markup.separator(lang).join(label(kind, lang) for kind in statement.kinds)
            items.append(
                f'<figure class="quote">\n<blockquote lang="ar" dir="rtl">{words}'
                f'</blockquote>\n<figcaption><span class="note">({markup.text(kinds)})</span>'
                "</figcaption>\n</figure>"
            )
    return _section("quotes", lang, "\n".join(items))


def _topics(record: BriefRecord, lang: Lang) -> str:
    other: Lang = "en" if lang == "ar" else "ar"
    names = [
        f"<li>{markup.text(t[lang])} {bracketed(t[other], other)}</li>" for t in record["topics"]
    ]
    body = f'<ul class="inline">\n{"".join(names)}\n</ul>' if names else _none(lang)
    if record["terms"]:
        terms = "".join(
            f"<li>{span(t['ar'], 'ar')} — {span(t['en'], 'en')}</li>" for t in record["terms"]
        )
        heading = markup.text(label("terms", lang))
        body += f'\n<h3>{heading}</h3>\n<ul class="inline">{terms}</ul>'
    return _section("topics", lang, body)


def _text_body(brief: Brief, record: BriefRecord, lang: Lang) -> str:
    paragraphs = "\n".join(f"<p>{markup.text(p)}</p>" for p in brief.doc.paragraphs)
    body = f'<div class="text" lang="ar" dir="rtl">\n{paragraphs}\n</div>'
    cut = truncation_note(record, lang)
    if cut is not None:
        body = f'<p class="note">{markup.text(cut)}</p>\n{body}'
    if record["footnotes"]:
        # Numbered as in the source (a «٣» or «iii» marker keeps its number).
        notes = "\n".join(
            f'<li value="{footnotes.number_key(note["number"])}" dir="auto">'
            f"{markup.text(note['text'])}</li>"
            for note in record["footnotes"]
        )
        heading = markup.text(label("footnotes", lang))
        body += f'\n<h3>{heading}</h3>\n<ol class="references">\n{notes}\n</ol>'
    return _section("text", lang, body, "cleaned-text")


def brief_body(brief: Brief, record: BriefRecord, lang: Lang) -> str:
    """The printed brief's content in ``lang``: an ``<article>``, for one brief's PDF or
    one chapter of a collection."""
    parts = [_head(record, lang)]
    if lang == "en" and record["summary_en"]:
        parts.append(_section("summary", lang, f"<p>{markup.text(record['summary_en'])}</p>"))
    parts.append(_section("key_facts", lang, _arabic_list(record["key_facts"], lang)))
    parts += [_actors(record, lang), _dates(record, lang), _numbers(record, lang)]
    parts += [_quotes(record, lang), _topics(record, lang), _text_body(brief, record, lang)]
    parts.append(_processing(record, lang))
    inner = "\n".join(parts)
    return f'<article class="brief" id="brief-{markup.attribute(brief.slug)}">\n{inner}\n</article>'


def document(title: str, body: str, lang: Lang) -> str:
    """A whole HTML document for WeasyPrint."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction(lang)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{markup.text(title)}</title>\n'
        f'<meta name="generator" content="briefing-builder">\n</head>\n<body>\n'
        f"{body}\n</body>\n</html>\n"
    )


def brief_document(brief: Brief, record: BriefRecord, lang: Lang) -> str:
    """The HTML document of one brief's PDF in ``lang``."""
    return document(record["title"][lang], brief_body(brief, record, lang), lang)


def collection_document(title: str, items: list[tuple[Brief, BriefRecord]], lang: Lang) -> str:
    """One PDF for several briefs: a title page with a table of contents (page numbers
    filled in by WeasyPrint's ``target-counter``), then each brief from a new page."""
    entries = []
    for brief, record in items:
        shown = record["title"][lang]
        published = record["published"]["value"]
        date = date_text(published, lang) if published else label("unknown", lang)
        entries.append(
            f'<li><span class="toc-date" dir="ltr">{markup.text(date)}</span> '
            f'<a href="#brief-{markup.attribute(brief.slug)}">{markup.text(shown)}</a></li>'
        )
    count = count_text("brief", len(items), lang)
    contents = (
        f'<section class="title-page">\n<p class="kicker">{markup.text(label("collection", lang))}'
        f"</p>\n<h1>{markup.text(title)}</h1>\n<p>{markup.text(count)}</p>\n"
        f'<h2>{markup.text(label("contents", lang))}</h2>\n<ol class="toc">\n'
        + "\n".join(entries)
        + "\n</ol>\n</section>"
    )
    bodies = "\n".join(brief_body(brief, record, lang) for brief, record in items)
    return document(title, f"{contents}\n{bodies}", lang)
