"""Every page the builder generates, one at a time: each brief's pages and the index pages.

With a memo, a page whose inputs did not change since the last build is a
:class:`~builder.runtime.incremental.KeptPage` marker. With many briefs to render and a
core to spare, forked processes render the brief pages (:mod:`.forked_pages`) while this
process makes the index pages, then renders the briefs no forked process has begun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path

from builder.index.lists import LANGS, index_pages
from builder.knowledge import Knowledge
from builder.model import Brief, BriefRecord, Entity, Page
from builder.render.brief import record_front_matter, render_brief
from builder.render.markup import Lang
from builder.runtime.forked_pages import ForkedPages, can_fork_pages
from builder.runtime.incremental import BuildMemo, KeptPage, no_reuse
from builder.search.pagefind import brief_search


def generated_pages(
    briefs: tuple[Brief, ...],
    records: list[BriefRecord],
    entities: tuple[Entity, ...],
    knowledge: Knowledge,
    memo: BuildMemo | None = None,
    docs_dir: Path | None = None,
    workers: int = 1,
) -> Iterator[Page | KeptPage]:
    """Every generated page, one at a time; with ``memo``, pages whose inputs did not change
    since the last build are :class:`KeptPage` markers. With ``workers`` > 1 and many briefs
    to render, forked processes render the brief pages while this one makes the index
    pages (``builder.runtime.forked_pages``), and the pages of each brief come between
    index pages once they are back; the index pages made, this process renders the briefs
    no forked process has begun, the last first."""
    titles: dict[str, dict[Lang, str]] = {
        record["slug"]: {"ar": record["title"]["ar"], "en": record["title"]["en"]}
        for record in records
    }

    def brief_pages(number: int) -> list[Page]:
        brief, record = briefs[number], records[number]
        record_yaml = record_front_matter(record)
        return [
            render_brief(
                brief, record, lang, titles, brief_search(record, knowledge, lang), record_yaml
            )
            for lang in LANGS
        ]

    def index() -> Iterator[Page | KeptPage]:
        reuse = memo.reuse if memo is not None else no_reuse
        return index_pages(records, entities, knowledge, cached, reuse)

    cached = None
    if memo is not None and docs_dir is not None:
        cached = partial(memo.pages, docs_dir=docs_dir)
    # A brief's pages show its own record and the titles of its related briefs (asked only
    # of a memo).
    keys = [("brief", brief.doc.source.slug) for brief in briefs] if cached is not None else []
    inputs = [
        (
            b.doc,
            b.related,
            tuple((r.slug, titles[r.slug]["ar"], titles[r.slug]["en"]) for r in b.related),
        )
        for b in (briefs if cached is not None else ())
    ]
    numbers: Sequence[int] = range(len(briefs))
    forked = None
    if can_fork_pages(len(numbers), workers):
        if memo is not None and docs_dir is not None:  # as for cached
            numbers = [n for n in numbers if not memo.keeps(keys[n], inputs[n], docs_dir)]
        if can_fork_pages(len(numbers), workers):
            # A fork that fails (no memory) leaves forked None: the pages are made here.
            with suppress(OSError):
                forked = ForkedPages(brief_pages, numbers, workers - 1)
    next_brief = 0
    stolen: set[int] = set()
    """Briefs this process rendered out of order, taken back from the forked processes."""

    def pages_of(number: int, render: Callable[[], list[Page]]) -> Iterable[Page | KeptPage]:
        return render() if cached is None else cached(keys[number], inputs[number], render)

    def briefs_back(wait: bool) -> Iterator[Page | KeptPage]:
        """The next briefs' pages, in order: all of them, or (not ``wait``) those whose
        pages are back from the forked processes."""
        nonlocal next_brief
        while next_brief < len(briefs):
            number = next_brief
            if forked is not None and number in forked:
                if not (wait or forked.ready(number)):
                    return
                yield from pages_of(number, partial(list, forked.take(number)))
            elif number not in stolen:
                yield from pages_of(number, partial(brief_pages, number))
            next_brief += 1

    try:
        if forked is None:
            yield from briefs_back(wait=True)
            yield from index()
            return
        # The index pages are made here while the brief pages are rendered elsewhere; each
        # brief's pages are written as soon as they are back.
        for page in index():
            yield page
            yield from briefs_back(wait=False)
        # Then this process renders the last briefs no forked one has begun, from the end,
        # while the others finish theirs (the pages are the same in any order).
        while chunk := forked.steal():
            for number in chunk:
                stolen.add(number)
                yield from pages_of(number, partial(brief_pages, number))
            yield from briefs_back(wait=False)
        yield from briefs_back(wait=True)
    finally:
        if forked is not None:
            forked.close()
