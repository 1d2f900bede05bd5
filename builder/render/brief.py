"""Stage 5, render: one Markdown page per brief and language, data in the front matter.

The Arabic page (``briefs/<slug>.md``) is served at ``/briefs/<slug>/``, the English page
(``briefs/<slug>.en.md``) at ``/en/briefs/<slug>/`` by mkdocs-static-i18n. All source text
goes through :mod:`builder.render.markup` so it is shown, never interpreted. The English page has
no machine translation: names come from the gazetteer and CLDR, and Arabic text is shown
as Arabic, tagged ``lang="ar" dir="rtl"``.
"""

from __future__ import annotations

from collections.abc import Mapping

from builder.links import entity_link, page_path, pdf_name
from builder.model import (
    Brief,
    BriefRecord,
    InferredValue,
    Page,
    PersonRecord,
    RelatedRecord,
    record_actors,
)
from builder.render import markup
from builder.render.dates import date_words, published_shown
from builder.render.factsheet import fact_gloss, fact_sheet, sentence_anchors
from builder.render.figures import figure_unit, figure_value
from builder.render.labels import inferred_note, label
from builder.render.markup import Lang
from builder.render.names import outlet_name
from builder.render.plurals import count_text
from builder.render.provenance import provenance_section
from builder.render.quotes import quotes_section
from builder.render.text import collapsed, text_section

BriefTitles = Mapping[str, Mapping[Lang, str]]
"""Each brief's title in both languages, by slug (for the links to related briefs)."""


def _arabic(value: str, lang: Lang) -> str:
    """Arabic text escaped, tagged when it sits on an English page."""
    return markup.text(value) if lang == "ar" else markup.span(value, "ar")


def _inferred(value: InferredValue, lang: Lang, shown: str | None = None) -> str:
    """The value (escaped, unless ``shown`` is given), noting how it was inferred."""
    if value["value"] is None:
        return markup.text(label("unknown", lang))
    shown = shown or markup.text(value["value"])
    if value["inferred"]:
        shown += f" {markup.note(inferred_note(value, lang))}"
    return shown


def _published(value: InferredValue, lang: Lang) -> str:
    """The publication date: a month or a year known alone is shown as such and says so."""
    shown, notes = published_shown(value, lang)
    date = markup.isolated(shown) if value["value"] is not None else markup.text(shown)
    return " ".join([date, *(markup.note(note) for note in notes)])


def _source_section(record: BriefRecord, lang: Lang) -> list[str]:
    outlet = _inferred(record["outlet"], lang, outlet_name(record["outlet"], lang))
    lines = [
        f"- {markup.field(label('outlet', lang))} {outlet}",
        f"- {markup.field(label('published', lang))} {_published(record['published'], lang)}",
    ]
    if record["author"]:
        lines.append(f"- {markup.field(label('author', lang))} {markup.text(record['author'])}")
    if record["url"]:
        lines.append(
            f"- {markup.field(label('original', lang))} "
            f'<a href="{markup.attribute(record["url"])}" '
            f'rel="nofollow noopener">{markup.text(record["url"])}</a>'
        )
    return lines


def _role(person: PersonRecord, lang: Lang) -> str:
    """What follows a person's link: the role the text states; on English pages its English
    when known (the Arabic wording stays in the text and on the person's page)."""
    if not person["role"]:
        return ""
    if lang == "en" and person["role_en"]:
        return f" — {markup.text(person['role_en'])}"
    return f" — {_arabic(person['role'], lang)}"


def _actor_sections(record: BriefRecord, lang: Lang) -> list[str]:
    out = [f"## {label('actors', lang)}", ""]
    people = [entity_link(p, "person", lang) + _role(p, lang) for p in record["people"]]
    organizations = [entity_link(o, "organization", lang) for o in record["organizations"]]
    countries = [entity_link(c, "country", lang) for c in record["countries"]]
    for key, lines in (
        ("people", people),
        ("organizations", organizations),
        ("countries", countries),
    ):
        out += [f"### {label(key, lang)}", ""]
        if not lines:
            out += [f"*{label('none', lang)}*", ""]
            continue
        out += [f"- {line}" for line in lines]
        out.append("")
    return out


def _dates_section(record: BriefRecord, lang: Lang) -> list[str]:
    """The dates the text mentions: each in words in the page's language («October (year
    not stated)», «the 1960s»), beside the Arabic words it was read from."""
    out = [f"## {label('dates', lang)}", ""]
    if not record["dates"]:
        return [*out, f"*{label('none', lang)}*", ""]
    out += [
        f"| {label('date_col', lang)} | {label('text_span', lang)} |",
        "| --- | --- |",
    ]
    for date in record["dates"]:
        value = date["resolved"] or date["iso"]
        shown = markup.text(date_words(value, lang)) if value else "—"
        if date["relative"] and date["resolved"]:
            shown += f" {markup.note(label('relative', lang))}"
        out.append(f"| {shown} | {_arabic(date['text'], lang)} |")
    return [*out, ""]


def _numbers_section(record: BriefRecord, lang: Lang) -> list[str]:
    out = [f"## {label('numbers', lang)}", ""]
    if not record["numbers"]:
        return [*out, f"*{label('none', lang)}*", ""]
    out += [
        f"| {label('text_span', lang)} | {label('value', lang)} | {label('unit', lang)} |",
        "| --- | --- | --- |",
    ]
    for number in record["numbers"]:
        value = markup.text(figure_value(number, lang))
        out.append(
            f"| {_arabic(number['text'], lang)} | {value} | "
            f"{markup.text(figure_unit(number, lang) or '—')} |"
        )
    return [*out, ""]


def _topics_section(record: BriefRecord, lang: Lang) -> list[str]:
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


def _related_reason(record: BriefRecord, item: RelatedRecord, lang: Lang) -> str:
    """Why a brief is related, in words: the shared actors, topics and countries by name."""
    names = {
        actor["id"]: actor["ar"] if lang == "ar" else actor["en"]
        for _, actor in record_actors(record)
    }
    names.update({topic["id"]: topic[lang] for topic in record["topics"]})
    parts = []
    for shared, noun in (
        (item["actors"], "shared_actor"),
        (item["topics"], "shared_topic"),
        (item["countries"], "shared_country"),
    ):
        if shared:
            heading = count_text(noun, len(shared), lang)
            listed = markup.separator(lang).join(names.get(i, i) for i in shared)
            parts.append(f"{markup.text(heading)}: {markup.text(listed)}")
    days = item["days_apart"]
    if days is not None:
        apart = label("days_apart", lang).format(days=count_text("day", days, lang))
        parts.append(markup.text(apart if days else label("same_day", lang)))
    return " · ".join(parts)


def _related_section(brief_titles: BriefTitles, record: BriefRecord, lang: Lang) -> list[str]:
    if not record["related"]:
        return []
    items = []
    for item in record["related"]:
        title = brief_titles[item["slug"]][lang]
        target = item["slug"] + ".md"
        reason = _related_reason(record, item, lang)
        items.append(f"- {markup.link(title, target)}<br><small>{reason}</small>")
    return [f"## {label('related', lang)}", "", *markup.unindexed(items)]


def _repeated_text(lang: Lang, lines: list[str]) -> list[str]:
    """The key facts, which quote the article's own sentences, stay out of the Arabic search
    index: the cleaned text below already carries every word once, and indexing it twice
    only makes the index chunks grow with the corpus (and rank a page by how many facts were
    extracted from it). On English pages the Arabic in them is out of the index anyway
    (``builder.search.indexing.UNINDEXED``); their English stays in."""
    if lang != "ar":
        return lines
    return markup.unindexed(lines)


def _fact_sheet_section(record: BriefRecord, anchors: dict[str, str]) -> list[str]:
    """The English fact sheet under its heading and the note that it is generated."""
    sheet = fact_sheet(record, anchors)
    if not sheet:
        return []
    note = f"*{markup.text(label('fact_sheet_note', 'en'))}*{{ data-pagefind-ignore=all }}"
    return [f"## {label('fact_sheet', 'en')}", "", note, "", *sheet, ""]


def _key_facts(record: BriefRecord, lang: Lang, anchors: dict[str, str]) -> list[str]:
    """The lead sentences, verbatim; on English pages each with the English gloss of the
    names, dates and figures in it, and a link to it in the text."""
    out = [f"## {label('key_facts', lang)}", ""]
    if lang == "ar":
        facts = "\n".join(f"- {markup.text(fact)}" for fact in record["key_facts"])
        return [*out, facts or label("none", "ar"), ""]
    if not record["key_facts"]:
        return [*out, f"*{label('none', lang)}*", ""]
    # The English gloss is the summary: the Arabic sentence opens under it.
    for number, fact in enumerate(record["key_facts"], start=1):
        gloss = fact_gloss(record, fact)
        # A summary with no name in it is the site's own wording: out of the search index.
        summary = (
            f"<summary>{gloss}</summary>"
            if gloss
            else '<summary data-pagefind-ignore="all">'
            f"{markup.text(label('fact_n', lang).format(n=number))}</summary>"
        )
        out += [
            '<details class="quote brief-fact" markdown>',
            summary,
            "",
            markup.block(markup.text(fact), "ar"),
            "",
            "</details>",
            "",
        ]
    return out


RECORD_KEY = "brief"
"""The front-matter key of a brief page holding its record; always the last key."""


def record_front_matter(record: BriefRecord) -> str:
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
    record: BriefRecord,
    lang: Lang,
    brief_titles: BriefTitles,
    search: Mapping[str, object],
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
            body += [f"*{label('generated_title', 'en')}*{{ data-pagefind-ignore=all }}", ""]
    # The Arabic page has no English title under its own: an English sentence is no name.
    # Outlet and date are the search results' metadata, not text for their excerpts.
    body += [f"## {label('source', lang)}", "", *markup.unindexed(_source_section(record, lang))]
    anchors, anchor_spans = sentence_anchors(brief.doc.paragraphs, record)
    if lang == "en":
        if record["summary_en"]:
            body += [f"## {label('summary', lang)}", "", markup.text(record["summary_en"]), ""]
        body += _fact_sheet_section(record, anchors)
    body += _repeated_text(lang, _key_facts(record, lang, anchors))
    # Lists of names, tables and labels read as name lists in search excerpts: search finds
    # the brief by its actors' and topics' names through its metadata (builder.search).
    body += markup.unindexed(_actor_sections(record, lang))
    dates, numbers = _dates_section(record, lang), _numbers_section(record, lang)
    if lang == "en":
        # The fact sheet gives them in English; the tables show the Arabic words beside them.
        if record["dates"]:
            dates = dates[:2] + collapsed(dates[2:], label("show_dates", lang), "brief-dates")
        if record["numbers"]:
            numbers = numbers[:2] + collapsed(
                numbers[2:], label("show_numbers", lang), "brief-numbers"
            )
    body += markup.unindexed(dates + numbers)
    quotes = quotes_section(record["quotes"], lang)
    if lang == "en" and record["quotes"]:
        # The fact sheet says who said what in English; the Arabic statements wait below.
        summary = label("show_quotes", lang).format(count=len(record["quotes"]))
        quotes = quotes[:2] + collapsed(quotes[2:], summary, "brief-quotes-ar")
    body += markup.unindexed(quotes)
    body += markup.unindexed(_topics_section(record, lang))
    body += _related_section(brief_titles, record, lang)
    body += text_section(brief, record, lang, anchor_spans)
    body += provenance_section(record, lang)
    if record_yaml is None:
        record_yaml = record_front_matter(record)
    # The theme links the page to its PDF (made by builder.pdf.writer) when the site has PDFs.
    front = markup.front_matter(
        {"title": title, "search": search, "pdf": pdf_name(brief.slug, lang)}, shared=record_yaml
    )
    return Page(
        page_path("briefs", brief.slug, lang), front + "\n" + "\n".join(body).rstrip() + "\n"
    )
