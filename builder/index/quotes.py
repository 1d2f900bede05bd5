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
from builder.model import BriefRecord, Page, SpeakerRecord
from builder.render import markup
from builder.render.dates import date_shown
from builder.render.labels import label
from builder.render.markup import Lang
from builder.render.names import speaker_label
from builder.render.quotes import kind_tags, speaker_heading
from builder.resolve.record import newest_briefs
from builder.resolve.statements import Statement, group_by_speaker
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
    said: tuple[SpeakerRecord | None, Statement],
    record: BriefRecord,
    lang: Lang,
    group: tuple[str, ...],
    with_speaker: bool,
    sections: tuple[Section, ...] = (),
) -> ListItem:
    speaker, statement = said

    def render(root: str) -> list[str]:
        words = markup.text(statement.text)
        if statement.kinds[0] == "direct":
            words = f"«{words}»"
        who = f"{speaker_label(speaker, lang)} — " if with_speaker else ""
        when = f"{date_shown(date_of(record), lang)} · " if date_of(record) else ""
        return [
            f"- {who}{when}{brief_link(record, lang, root)} {kind_tags(statement.kinds, lang)}",
            "",
            "    " + markup.mention(words),
            "",
        ]

    key = ("quote", lang, record["slug"], statement.index, with_speaker)
    return list_entry(key, record, render, group, sections)


def _record_quotes(
    record: BriefRecord, lang: Lang, otherwise: tuple[Section, Section]
) -> tuple[tuple[ListItem, SpeakerOrder, ListItem], ...]:
    """A brief's statements as entries of who said what: (entry by date, place in the list
    by speaker, entry by speaker); a statement quoted twice (directly and reported) is one
    entry, and a word or two quoted is left to its brief (:mod:`builder.resolve.statements`).
    ``otherwise`` is the section of undated briefs and that of unattributed quotes. Reused
    while the brief is unchanged."""
    undated, unattributed = otherwise
    month = date_of(record)[:7]
    by_date = (time_sections(month, undated), (group_heading(month or undated.title),))
    entries: list[tuple[int, tuple[ListItem, SpeakerOrder, ListItem]]] = []
    for group in group_by_speaker(record["quotes"]):
        name = speaker_heading(group.speaker, lang)
        unknown = group.speaker is None
        filed = unattributed if unknown else _initial_section(name)
        for statement in group.statements:
            said = (group.speaker, statement)
            entries.append(
                (
                    statement.index,
                    (
                        _quote_item(said, record, lang, by_date[1], True, by_date[0]),
                        (unknown, filed.key, name.casefold()),
                        _quote_item(said, record, lang, (group_heading(name),), False, (filed,)),
                    ),
                )
            )
    # By date, a brief's statements keep the order of its text.
    return tuple(entry for _, entry in sorted(entries, key=lambda e: e[0]))


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
            partial(_record_quotes, record, lang, (undated, unattributed)),
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
