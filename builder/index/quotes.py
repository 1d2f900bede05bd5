"""Who said what: every quote of the briefs, by date and by speaker."""

from __future__ import annotations

from functools import lru_cache, partial

from builder.index.entries import (
    NOTHING_KEPT,
    Kept,
    date_of,
    group_heading,
    list_entry,
    time_sections,
)
from builder.index.pagination import ListItem, Section, paginate
from builder.links import brief_link
from builder.model import BriefRecord, Page, QuoteRecord
from builder.render import markup
from builder.render.dates import date_shown
from builder.render.labels import label
from builder.render.markup import Lang
from builder.render.names import speaker_label
from builder.resolve.record import newest_briefs
from builder.runtime.incremental import KeptPage

QUOTES_PER_PAGE = 50
"""Quotes per page of who said what."""

SpeakerOrder = tuple[bool, str, str]
"""Where a quote goes in the list by speaker: unattributed last, then by initial letter
and name."""


# Alef with hamza or madda sorts and files under the bare alef, as in Arabic indexes.
_ALEF_FORMS = str.maketrans("أإآٱ", "اااا")


@lru_cache(maxsize=4096)
def _initial_section(heading: str) -> Section:
    """The section of the list of quotes by speaker a speaker heading files under: its
    initial letter."""
    letter = heading.strip()[:1].casefold().translate(_ALEF_FORMS)
    if not letter.isalpha():
        return Section("other", "#")
    return Section(letter if letter.isascii() else f"u{ord(letter):04x}", letter)


def _quote_item(
    numbered: tuple[int, QuoteRecord],
    record: BriefRecord,
    lang: Lang,
    group: tuple[str, ...],
    with_speaker: bool,
    kept: Kept,
    sections: tuple[Section, ...] = (),
) -> ListItem:
    number, quote = numbered

    def render(root: str) -> list[str]:
        words = markup.text(quote["text"])
        if quote["kind"] == "direct":
            words = f"«{words}»"
        who = f"{speaker_label(quote['speaker'], lang)} — " if with_speaker else ""
        when = f"{date_shown(date_of(record), lang)} · " if date_of(record) else ""
        kind = markup.text(label(quote["kind"], lang))
        return [
            f"- {who}{when}{brief_link(record, lang, root)} *({kind})*",
            "",
            "    " + markup.mention(words),
            "",
        ]

    key = ("quote", lang, record["slug"], number, with_speaker)
    return list_entry(kept, key, record, render, group, sections)


def _record_quotes(
    record: BriefRecord, lang: Lang, otherwise: tuple[Section, Section], kept: Kept
) -> tuple[tuple[ListItem, SpeakerOrder, ListItem], ...]:
    """A brief's quotes as entries of who said what: (entry by date, place in the list by
    speaker, entry by speaker). ``otherwise`` is the section of undated briefs and that of
    unattributed quotes. Reused while the brief is unchanged."""
    undated, unattributed = otherwise
    month = date_of(record)[:7]
    by_date = (time_sections(month, undated), (group_heading(month or undated.title),))
    entries: list[tuple[ListItem, SpeakerOrder, ListItem]] = []
    for numbered in enumerate(record["quotes"]):
        if numbered[1].get("fragment"):
            continue  # a word or two quoted is left to its brief
        name = _speaker_heading(numbered[1], lang)
        unknown = numbered[1]["speaker"] is None
        filed = unattributed if unknown else _initial_section(name)
        entries.append(
            (
                _quote_item(numbered, record, lang, by_date[1], True, kept, by_date[0]),
                (unknown, filed.key, name.casefold()),
                _quote_item(numbered, record, lang, (group_heading(name),), False, kept, (filed,)),
            )
        )
    return tuple(entries)


def _speaker_heading(quote: QuoteRecord, lang: Lang) -> str:
    """A speaker as a plain heading: the name in the page language when there is one."""
    speaker = quote["speaker"]
    if speaker is None:
        return label("unknown_speaker", lang)
    if lang == "en" and speaker["en"]:
        return speaker["en"]
    return speaker["ar"]


def quotes_index(
    records: list[BriefRecord], lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """Who said what: every quote by date (newest first) and, on its own pages, by speaker."""
    undated = Section("undated", label("undated", lang))
    unattributed = Section("unattributed", label("unknown_speaker", lang))
    entries = [
        entry
        for record in newest_briefs(records)
        for entry in kept.reuse(
            ("quotes", lang, record["slug"]),
            (record,),
            partial(_record_quotes, record, lang, (undated, unattributed), kept),
        )
    ]
    items = [by_date for by_date, _, _ in entries]
    head = [markup.link(label("quotes_by_speaker", lang), "speakers.md"), ""]
    pages = paginate(
        "quotes",
        "index",
        lang,
        label("quotes_index", lang),
        head,
        items,
        QUOTES_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )
    # Speakers in the page language's alphabetical order, filed by initial letter;
    # unattributed quotes last.
    speaker_items = [by_speaker for _, _, by_speaker in sorted(entries, key=lambda e: e[1])]
    head = [markup.link(label("quotes_index", lang), "index.md"), ""]
    pages += paginate(
        "quotes",
        "speakers",
        lang,
        label("quotes_by_speaker", lang),
        head,
        speaker_items,
        QUOTES_PER_PAGE,
        empty=label("none", lang),
        cached=kept.pages,
    )
    return pages
