"""Brief pages made by forked processes while the build makes the index pages.

A cold builder step at 10,000 synthetic briefs spent about 50 s making the 20,000 brief
pages and 45 s making the index pages, one after the other on one core. A brief's pages
depend on nothing but the resolved corpus, which a forked process has as its parent had it:
so when many briefs are to be rendered, processes forked from the build render them (a
chunk of briefs per task, the pages sent back as text) while the build makes the index
pages; the build writes each brief's pages once they are back, between index pages, in
the order of the briefs. The pages are the same either way; only the time they take differs.

Forked only: a spawned process would have to be sent the corpus. Under ``mkdocs serve``
(threads, see :func:`~builder.runtime.processes.forking_is_safe`) and on one core the build
renders every page itself.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from builder.errors import BriefingError
from builder.model import Page
from builder.runtime.processes import die_with_parent, flush_output, forking_is_safe

PARALLEL_FROM = 200
"""Briefs to render from which forked processes render them: below it (an edit, a small
corpus) forking costs more than it saves."""

CHUNK = 32
"""Briefs per task: enough to make a task's pickling cheap, few enough to spread the work."""

IN_FLIGHT = 4
"""Chunks per process under way or waiting to be taken."""

_render: Callable[[int], list[Page]] | None = None
"""The brief renderer of the build that forked this process (set before the fork)."""


def _render_chunk(numbers: tuple[int, ...]) -> list[list[Page]]:
    """In a forked process: each numbered brief's pages."""
    assert _render is not None
    try:
        return [_render(number) for number in numbers]
    except BriefingError as error:
        # Sent back pickled: a subclass whose arguments are not its message would not
        # unpickle, and the build would see a broken pool instead of the message.
        raise BriefingError(str(error)) from None


def can_fork_pages(briefs: int, workers: int) -> bool:
    """Whether ``briefs`` briefs to render are worth forked processes: enough of them, a
    core to spare (``workers``, the build's processes) and a process safe to fork."""
    return (
        briefs >= PARALLEL_FROM
        and workers >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and forking_is_safe()
    )


class ForkedPages:
    """The pages of numbered briefs, rendered by ``workers`` forked processes and taken
    back one brief at a time, in the order of ``numbers`` (:meth:`take`). Only a few chunks
    are under way or waiting at a time: at 10,000 briefs the brief pages are 1.2 GB of
    text, which the build must not hold at once."""

    def __init__(
        self, render: Callable[[int], list[Page]], numbers: Sequence[int], workers: int
    ) -> None:
        global _render
        _render = render
        flush_output()
        # A process of no use once the build is gone: killed with it, or it would wait
        # forever holding its copy of the corpus.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )
        self._order = list(numbers)
        self._numbers = set(numbers)
        self._taken = 0
        self._submitted: deque[Future[list[list[Page]]]] = deque()
        self._next_chunk = 0
        self._limit = IN_FLIGHT * workers
        try:
            self._submit()
        except BaseException:
            self.close()
            raise

    def _submit(self) -> None:
        """Keep up to ``IN_FLIGHT`` chunks per process under way or waiting to be taken."""
        while self._next_chunk < len(self._order) and len(self._submitted) < self._limit:
            chunk = tuple(self._order[self._next_chunk : self._next_chunk + CHUNK])
            self._submitted.append(self._pool.submit(_render_chunk, chunk))
            self._next_chunk += len(chunk)

    def __contains__(self, number: int) -> bool:
        return number in self._numbers

    def ready(self, number: int) -> bool:
        """Whether brief ``number``, the next to take, is back (:meth:`take` would not
        wait)."""
        return self._is_next(number) and self._submitted[0].done()

    def take(self, number: int) -> list[Page]:
        """Brief ``number``'s pages, waiting for them; it must be the next in order. An
        error in rendering them is raised here."""
        if not self._is_next(number):
            raise ValueError(f"brief {number} taken out of order")
        place = self._taken % CHUNK
        try:
            pages = self._submitted[0].result()[place]
        except BrokenProcessPool as error:
            message = "brief pages: a process rendering them ended (killed, for want of memory?)"
            raise BriefingError(message) from error
        self._taken += 1
        if place == CHUNK - 1 or self._taken == len(self._order):
            self._submitted.popleft()
            self._submit()
        return pages

    def steal(self) -> list[int]:
        """The numbers of the last chunk no process has been given, taken back for the build
        to render itself (no longer :meth:`take`-able); none when every chunk was given. The
        build steals once its own work is done, from the end, so that both cores work until
        the last brief instead of one waiting for the other."""
        left = len(self._order) - self._next_chunk
        if left <= 0:
            return []
        # Chunks stay aligned on CHUNK from the first number (take counts on it).
        start = self._next_chunk + (left - 1) // CHUNK * CHUNK
        stolen = self._order[start:]
        del self._order[start:]
        self._numbers.difference_update(stolen)
        return stolen

    def _is_next(self, number: int) -> bool:
        return self._taken < len(self._order) and self._order[self._taken] == number

    def close(self) -> None:
        """Stop the processes (the pages not taken are dropped)."""
        global _render
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._submitted.clear()
        _render = None
