"""What the lists of the index pages are made of: entries reused between builds while their
brief is unchanged, sections by year and month, and the line a brief has in a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache

from builder.index.pagination import ListItem, PageCache, Section, paginate
from builder.links import brief_link
from builder.model import BriefRecord, Page
from builder.render import markup
from builder.render.dates import date_text, date_words
from builder.render.labels import label
from builder.render.markup import Lang
from builder.runtime.incremental import KeptPage, Reuse, no_reuse

BRIEFS_PER_PAGE = 100
"""Links per page of the lists of briefs: by date, topic, outlet and term."""


@dataclass(frozen=True)
class Kept:
    """What a build may take from the last one (``builder.runtime.incremental.BuildMemo``)."""

    reuse: Reuse = no_reuse
    """Values (a brief's entries in the timeline and in who said what) made again only
    when their inputs changed."""
    pages: PageCache[Page | KeptPage] | None = None
    """Pages not assembled again when their entries are the same."""


NOTHING_KEPT = Kept()


def list_entry(
    key: tuple[Hashable, ...],
    record: BriefRecord,
    render: Callable[[str], list[str]],
    group: tuple[str, ...] = (),
    sections: tuple[Section, ...] = (),
) -> ListItem:
    """A list entry made from ``record`` alone: its page is kept from the last build when
    all its entries have the same keys and record objects (a record is a new object whenever
    its brief changed).

    Its lines are made each time a page is assembled, not kept: at 10,000 briefs the lines
    of every entry at every page depth were 1.2 GB of a build's memory, and a rebuild
    assembles only the pages whose entries changed."""
    return ListItem(render, group, (key, record), sections)


def date_of(record: BriefRecord) -> str:
    """The brief's publication date, empty when unknown."""
    return record["published"]["value"] or ""


@lru_cache(maxsize=4096)
def time_sections(value: str, otherwise: Section, lang: Lang | None = None) -> tuple[Section, ...]:
    """The year and month sections of a list by date for the first seven characters of
    an ISO date (``2024-03``); ``otherwise`` when it has no year. With ``lang``, titled in
    words («March 2024», «the 1960s»); without, by the value itself."""
    # A decade (194X) is a section of its own, between its first and next years.
    if not re.fullmatch(r"[0-9]{3}[0-9X]", value[:4]):
        return (otherwise,)

    def title(key: str) -> str:
        return key if lang is None else date_words(key, lang)

    year = Section(value[:4], title(value[:4]))
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return (year, Section(value[:7], title(value[:7])))
    return (year,)


# Thousands of entries share a few hundred months and speakers: each heading escaped once.
# (An escaped group heading, for ``ListItem.group``.)
group_heading = lru_cache(maxsize=4096)(markup.text)


def brief_item(
    record: BriefRecord,
    lang: Lang,
    group: tuple[str, ...] = (),
    *,
    outlet_note: bool = False,
    sections: tuple[Section, ...] = (),
) -> ListItem:
    """A brief in a list: link, date and outlet; with ``outlet_note``, an inferred outlet
    is marked (the lists by outlet)."""

    def render(root: str) -> list[str]:
        outlet = record["outlet"]["value"]
        shown = (date_text(date_of(record), lang), outlet)
        extra = " · ".join(markup.isolated(part) for part in shown if part)
        suffix = f" — <small>{extra}</small>" if extra else ""
        if outlet_note and record["outlet"]["inferred"]:
            suffix += f" {markup.note(label('inferred', lang))}"
        return [f"- {brief_link(record, lang, root)}{suffix}"]

    key = ("brief", lang, record["slug"], outlet_note)
    return list_entry(key, record, render, group, sections)


def plain_page(folder: str, name: str, lang: Lang, title: str, body: list[str]) -> Page:
    """A page that is not a list: the index page of a list of lists (topics, outlets, terms)."""
    return paginate(folder, name, lang, title, body, [], 1)[0]
