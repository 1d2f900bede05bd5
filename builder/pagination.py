"""Long lists over several pages, so no page grows with the corpus beyond one page's worth.

A list page shows ``per_page`` items; the rest go to ``<name>/page-2.md``, ``page-3.md`` ...
beside it, each with links to the first, previous and next pages. Items are rendered for the
depth of the page they land on (page 1 is one folder deep, later pages two), and a group
heading (a month, a speaker) is repeated at the top of a page that continues its group.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from . import markup
from .labels import label
from .markup import Lang
from .model import Page
from .render import page_path


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
    same sources as in the last build is not assembled again (``builder.incremental``)."""


PageCache = Callable[[Hashable, tuple[Any, ...], Callable[[], Iterable[Page]]], Iterable[Any]]
"""``(key, inputs, render) -> pages``: renders, or reuses what the same inputs gave before
(see ``builder.incremental``)."""


def page_name(name: str, number: int) -> str:
    """The page name (for :func:`~builder.render.page_path`) of page ``number`` of a list."""
    return name if number == 1 else f"{name}/page-{number}"


def _pager(name: str, number: int, count: int, lang: Lang, *, landmark: bool = True) -> str:
    """'Page 2 of 5 · first · previous · next' with links relative to page ``number``."""

    def target(other: int) -> str:
        if number == 1:
            return f"{name.rsplit('/', 1)[-1]}/page-{other}.md"
        if other == 1:
            return f"../{name.rsplit('/', 1)[-1]}.md"
        return f"page-{other}.md"

    parts = [markup.text(label("page_of", lang).format(number=number, count=count))]
    if number > 1:
        parts.append(markup.link(label("first_page", lang), target(1)))
        parts.append(markup.link(label("previous_page", lang), target(number - 1)))
    if number < count:
        parts.append(markup.link(label("next_page", lang), target(number + 1)))
    if not landmark:  # the repeat at the foot of the page: one navigation landmark is enough
        return '<p class="briefing-pager" markdown>' + " · ".join(parts) + "</p>"
    aria = markup.attribute(label("pages", lang))
    return (
        f'<nav class="briefing-pager" aria-label="{aria}" markdown>' + " · ".join(parts) + "</nav>"
    )


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
    front: dict[str, Any] | None = None,
    empty: str | None = None,
    cached: PageCache | None = None,
) -> list[Any]:
    """The pages of a list: ``head`` lines (page 1 only), then ``per_page`` items a page,
    each page's items preceded by the ``repeat`` lines (a table's header row). With
    ``cached``, a page whose entries all have a source is a ``KeptPage`` when it would be
    the same as last build's."""
    chunks = [items[start : start + per_page] for start in range(0, len(items), per_page)] or [[]]
    pages: list[Any] = []
    for number, chunk in enumerate(chunks, start=1):
        make = partial(
            _list_page,
            (folder, name, lang, title, number, len(chunks)),
            head if number == 1 else (),
            chunk,
            (heading_level, tuple(repeat), front, empty),
        )
        if cached is None or not chunk or any(item.source is None for item in chunk):
            pages.append(make())
            continue
        inputs = (
            tuple((item.source, item.group) for item in chunk),
            title,
            tuple(head) if number == 1 else (),
            heading_level,
            tuple(repeat),
            front,
            empty,
        )
        key = ("list", folder, name, lang, number, len(chunks))
        pages += cached(key, inputs, lambda make=make: [make()])
    return pages


def _list_page(
    where: tuple[str, str, Lang, str, int, int],
    head: Sequence[str],
    chunk: Sequence[ListItem],
    options: tuple[int, tuple[str, ...], dict[str, Any] | None, str | None],
) -> Page:
    """Page ``number`` of ``count`` of a list (see :func:`paginate`)."""
    folder, name, lang, title, number, count = where
    heading_level, repeat, front, empty = options
    root = ".." if number == 1 else "../.."
    shown_title = title
    if number > 1:
        shown_title = f"{title} ({label('page_of', lang).format(number=number, count=count)})"
    body: list[str] = [f"# {markup.text(shown_title)}", ""]
    if number == 1:
        body += [*head, ""]
    pager = _pager(name, number, count, lang) if count > 1 else None
    if pager:
        body += [pager, ""]
    if not chunk and empty:
        body += [f"*{markup.text(empty)}*", ""]
    # A searched page (an entity's, a topic's) is found by its own text: the list
    # under it names other briefs, which search finds themselves.
    listed: list[str] = list(repeat) if chunk else []
    shown: tuple[str, ...] = ()
    for item in chunk:
        for level, heading in enumerate(item.group):
            if shown[: level + 1] != item.group[: level + 1]:
                listed += [f"{'#' * (heading_level + level)} {heading}", ""]
        shown = item.group
        listed += item.render(root)
    searched = number == 1 and bool(front and front.get("search")) and bool(chunk)
    body += markup.unindexed(listed) if searched else listed
    if pager:
        body += ["", _pager(name, number, count, lang, landmark=False)]
    # Only the first page carries the page data (search entry ...): the rest continue it.
    data = {"title": shown_title, **(front or {})} if number == 1 else {"title": shown_title}
    return Page(
        page_path(folder, page_name(name, number), lang),
        markup.front_matter(data) + "\n" + "\n".join(body).rstrip() + "\n",
    )
