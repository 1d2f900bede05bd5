"""Long lists over several pages, so no page grows with the corpus beyond one page's worth.

A list page shows ``per_page`` items; the rest go to ``<name>/page-2.md``, ``page-3.md`` ...
beside it, each with links to the first, previous and next pages. Items are rendered for the
depth of the page they land on, and a group heading (a month, a speaker) is repeated at the
top of a page that continues its group.

A list whose items name their sections (a year, then a month; an initial letter) is cut at
section boundaries once it outgrows one page: its first page lists the sections, and each
section has its own pages (``<name>/2024.md``, ``<name>/2024/page-2.md``); a section with
more than a page of items is cut into its subsections when it has them (a year into its
months). Adding an item then changes only its own section's pages, never the pages after it,
which keeps a rebuild after an edit, and the pages MkDocs renders again, to a few.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar

from builder.links import page_path
from builder.model import Page
from builder.render import markup
from builder.render.labels import label
from builder.render.markup import Lang


@dataclass(frozen=True)
class Section:
    """A part of a list with its own pages once the list outgrows one page."""

    key: str
    """File-name-safe and stable name of its pages (``2024``, ``2024-03``, ``undated``)."""
    title: str
    """Plain text shown for it (escaped where shown); a group heading with the same
    (escaped) text is not repeated on the section's pages."""


@dataclass(frozen=True)
class ListItem:
    """One entry of a long list."""

    render: Callable[[str], list[str]]
    """Markdown lines of the entry, given the relative path to ``docs/`` (``..`` or
    ``../..``) of the page it lands on."""
    group: tuple[str, ...] = ()
    """Escaped headings of the groups the entry belongs to, outermost first (a year, then
    a month); each is shown where it changes and again at the top of a page."""
    source: tuple[Hashable, object] | None = None
    """(key, record) the entry is made from, when two entries with the same key and the
    same record object always render the same lines: a page whose entries all have the
    same sources as in the last build is not assembled again (``builder.runtime.incremental``)."""
    sections: tuple[Section, ...] = ()
    """The sections the entry belongs to, outermost first. A section's pages show its
    entries in list order; sections come in the order of their first entry."""


Kept = TypeVar("Kept")
"""What a page cache gives for each page: the page, or a marker of a page kept as it was."""

PageCache = Callable[[Hashable, tuple[Any, ...], Callable[[], Iterable[Page]]], Iterable[Kept]]
"""``(key, inputs, render) -> pages``: renders, or reuses what the same inputs gave before
(``builder.runtime.incremental.BuildMemo.pages``, whose markers are ``KeptPage``)."""


@dataclass(frozen=True)
class _Options:
    """How every page of one list is laid out (see :func:`paginate`)."""

    folder: str
    lang: Lang
    heading_level: int
    repeat: tuple[str, ...]
    front: Mapping[str, object] | None
    empty: str | None


def page_name(name: str, number: int) -> str:
    """The page name (for :func:`~builder.links.page_path`) of page ``number`` of a list."""
    return name if number == 1 else f"{name}/page-{number}"


def _relative(page: str, target: str) -> str:
    """Link from page ``page`` to page ``target`` of the same folder (page names)."""
    here = page.split("/")[:-1]
    there = target.split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    return "/".join([".."] * (len(here) - shared) + there[shared:]) + ".md"


PagerParts = tuple[tuple[str, str | None], ...]
"""A pager's parts: (text, target page name, or None for plain text)."""


def _pager(page: str, parts: PagerParts, lang: Lang) -> tuple[str, str]:
    """The pager at the head of a page (a navigation landmark) and its repeat at the foot."""
    shown = " · ".join(
        markup.link(text, _relative(page, target)) if target else markup.text(text)
        for text, target in parts
    )
    aria = markup.attribute(label("pages", lang))
    return (
        f'<nav class="briefing-pager" aria-label="{aria}" markdown>{shown}</nav>',
        # One navigation landmark is enough: the foot repeats it as a paragraph.
        f'<p class="briefing-pager" markdown>{shown}</p>',
    )


def _count_parts(base: str, number: int, count: int, lang: Lang) -> PagerParts:
    """'Page 2 of 5 · first · previous · next' for page ``number`` of the pages of ``base``."""
    parts: PagerParts = ((label("page_of", lang).format(number=number, count=count), None),)
    if number > 1:
        parts += ((label("first_page", lang), base),)
        parts += ((label("previous_page", lang), page_name(base, number - 1)),)
    if number < count:
        parts += ((label("next_page", lang), page_name(base, number + 1)),)
    return parts


def paginate(
    folder: str,
    name: str,
    lang: Lang,
    title: str,
    head: Sequence[str],
    items: Sequence[ListItem],
    per_page: int,
    *,
    heading_level: int = 2,
    repeat: Sequence[str] = (),
    front: Mapping[str, object] | None = None,
    empty: str | None = None,
    cached: PageCache[Kept] | None = None,
    jump: bool = False,
) -> list[Page | Kept]:
    """The pages of a list: ``head`` lines (first page only), then ``per_page`` items a
    page, each page's items preceded by the ``repeat`` lines (a table's header row). A list
    longer than a page whose items have sections is cut by section. With ``jump``, the
    first page of a list cut by count links to where each top-level group starts. With
    ``cached``, a page whose entries all have a source is a ``KeptPage`` when it would be
    the same as last build's."""
    options = _Options(folder, lang, heading_level, tuple(repeat), front, empty)
    make = partial(_assembled, options, cached)
    if len(items) > per_page and items[0].sections:
        return _by_section(options, make, name, title, head, items, per_page)
    chunks = [items[start : start + per_page] for start in range(0, len(items), per_page)] or [[]]
    if jump:
        head = [*_jump_list(name, [item.group for item in items], per_page), *head]
    pages: list[Page | Kept] = []
    for number, chunk in enumerate(chunks, start=1):
        page = page_name(name, number)
        shown_title = title
        pager = _count_parts(name, number, len(chunks), lang) if len(chunks) > 1 else None
        if number > 1:
            progress = label("page_of", lang).format(number=number, count=len(chunks))
            shown_title = f"{title} ({progress})"
        pages += make(page, shown_title, number == 1, head if number == 1 else (), pager, chunk)
    return pages


def _by_section(
    options: _Options,
    make: Callable[..., list[Page | Kept]],
    name: str,
    title: str,
    head: Sequence[str],
    items: Sequence[ListItem],
    per_page: int,
) -> list[Page | Kept]:
    """The pages of a list cut by section: a first page listing the sections, then each
    section's pages (see the module's docstring)."""
    lang = options.lang
    leaves = _leaves(items, 0, per_page)
    listing = ["", f"## {markup.text(label('list_sections', lang))}", ""]
    listing += _section_list(name, leaves)
    # The first page lists sections, not entries: it is not an empty list.
    pages: list[Page | Kept] = _assembled(
        replace(options, empty=None), None, name, title, True, [*head, *listing], None, []
    )
    for index, (path, members) in enumerate(leaves):
        leaf = f"{name}/{path[-1].key}"
        neighbours: PagerParts = ((title, name),)
        if index > 0:
            before = leaves[index - 1][0][-1]
            neighbours += ((f"‹ {before.title}", f"{name}/{before.key}"),)
        if index + 1 < len(leaves):
            after = leaves[index + 1][0][-1]
            neighbours += ((f"{after.title} ›", f"{name}/{after.key}"),)
        hidden = frozenset(markup.text(section.title) for section in path)
        chunks = [members[start : start + per_page] for start in range(0, len(members), per_page)]
        for number, chunk in enumerate(chunks, start=1):
            page = page_name(leaf, number)
            pager = neighbours
            shown_title = f"{title}: {path[-1].title}"
            if len(chunks) > 1:
                pager += _count_parts(leaf, number, len(chunks), lang)
                progress = label("page_of", lang).format(number=number, count=len(chunks))
                shown_title += f" ({progress})"
            pages += make(page, shown_title, False, (), pager, chunk, hidden)
    return pages


def _leaves(
    items: Sequence[ListItem], level: int, per_page: int
) -> list[tuple[tuple[Section, ...], Sequence[ListItem]]]:
    """The sections that get their own pages, in list order, with their items: a section
    with more than ``per_page`` items is replaced by its subsections."""
    # All of ``items`` share their sections above ``level``; a section's key names its
    # pages, so it is unique.
    runs: dict[str | None, list[ListItem]] = {}
    for item in items:
        sections = item.sections
        runs.setdefault(sections[level].key if len(sections) > level else None, []).append(item)
    leaves: list[tuple[tuple[Section, ...], Sequence[ListItem]]] = []
    for members in runs.values():
        path = members[0].sections[: level + 1]
        deeper = len(path) > level and any(len(m.sections) > level + 1 for m in members)
        if len(members) > per_page and deeper:
            leaves += _leaves(members, level + 1, per_page)
        else:
            leaves.append((path, members))
    return leaves


def _section_list(
    name: str, leaves: list[tuple[tuple[Section, ...], Sequence[ListItem]]]
) -> list[str]:
    """The first page's list of sections: a line per top-level section, linking to its
    pages or to each of its subsections' pages, with the number of items in each."""
    tops: dict[Section, list[tuple[Section, int]]] = {}
    for path, members in leaves:
        tops.setdefault(path[0], []).append((path[-1], len(members)))
    lines = []
    for top, parts in tops.items():
        links = [
            markup.link(f"{leaf.title} ({count})", _relative(name, f"{name}/{leaf.key}"))
            for leaf, count in parts
        ]
        if len(parts) == 1 and parts[0][0] == top:
            lines.append(f"- {links[0]}")
        else:
            total = sum(count for _, count in parts)
            lines.append(f"- {markup.text(f'{top.title} ({total})')}: " + " · ".join(links))
    return [*lines, ""]


def _jump_list(name: str, groups: list[tuple[str, ...]], per_page: int) -> list[str]:
    """Links from a list's first page to where each top-level group starts: the page, and
    for date headings (2024, 2024-03) the heading's own anchor, which the toc extension
    makes from its text."""
    found: dict[str, list[int]] = {}
    for position, group in enumerate(groups):
        if group:
            found.setdefault(group[0], [0, position // per_page + 1])[0] += 1
    links = []
    for heading, (count, number) in found.items():
        target = _relative(name, page_name(name, number))
        if re.fullmatch(r"[0-9]{4}(-[0-9]{2})?", html.unescape(heading)):
            target += f"#{html.unescape(heading)}"
        # The heading is escaped already.
        links.append(f"[{heading} {markup.text(f'({count})')}]({target})")
    return [" · ".join(links), ""] if links else []


def _assembled(
    options: _Options,
    cached: PageCache[Kept] | None,
    page: str,
    title: str,
    first: bool,
    head: Sequence[str],
    pager: PagerParts | None,
    chunk: Sequence[ListItem],
    hidden: frozenset[str] = frozenset(),
) -> list[Page | Kept]:
    """One page, or the page kept from the last build when it would be the same."""
    make = partial(_list_page, options, page, (title, first), tuple(head), pager, chunk, hidden)
    if cached is None or not chunk or any(item.source is None for item in chunk):
        return [make()]
    inputs = (
        tuple((item.source, item.group) for item in chunk),
        title,
        first,
        tuple(head),
        pager,
        hidden,
        options,
    )
    return list(cached(("list", options.folder, page, options.lang), inputs, lambda: [make()]))


def _list_page(
    options: _Options,
    page: str,
    heading: tuple[str, bool],
    head: tuple[str, ...],
    pager_parts: PagerParts | None,
    chunk: Sequence[ListItem],
    hidden: frozenset[str],
) -> Page:
    """One page of a list (see :func:`paginate`), given its title and whether it is the
    list's first page."""
    title, first = heading
    pager = _pager(page, pager_parts, options.lang) if pager_parts else None
    root = "/".join([".."] * (page.count("/") + 1))
    body: list[str] = [f"# {markup.text(title)}", ""]
    if first:
        body += [*head, ""]
    if pager:
        body += [pager[0], ""]
    if not chunk and options.empty:
        body += [f"*{markup.text(options.empty)}*", ""]
    # A searched page (an entity's, a topic's) is found by its own text: the list
    # under it names other briefs, which search finds themselves.
    listed: list[str] = list(options.repeat) if chunk else []
    shown: tuple[str, ...] = ()
    for item in chunk:
        group = tuple(g for g in item.group if g not in hidden) if hidden else item.group
        for level, group_heading in enumerate(group):
            if shown[: level + 1] != group[: level + 1]:
                listed += [f"{'#' * (options.heading_level + level)} {group_heading}", ""]
        shown = group
        listed += item.render(root)
    front = options.front if first else None
    searched = bool(front and front.get("search")) and bool(chunk)
    body += markup.unindexed(listed) if searched else listed
    if pager:
        body += ["", pager[1]]
    # Only the first page carries the page data (search entry ...): the rest continue it.
    data = {"title": title, **(front or {})}
    return Page(
        page_path(options.folder, page, options.lang),
        markup.front_matter(data) + "\n" + "\n".join(body).rstrip() + "\n",
    )
