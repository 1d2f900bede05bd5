"""Rendering a language's pages in several processes (``jobs``), and one shard of the site's
pages per machine (``shard``).

MkDocs converts and renders pages one after another on one core, and that is most of a
large build. Once every page MkDocs must read first is read (the pages of the navigation:
their titles are in every page's menu), nothing a page's HTML depends on changes any more:
the other pages are shared out, the largest first, each to the least loaded part, and each
part is rendered by its own process, forked from the build with everything it knows. A
worker reads and renders its pages one at a time, dropping each page's HTML once written,
and reports to the build what it rendered and how many warnings MkDocs gave (``--strict``
counts them). The pages and every other file are the ones a single process writes.

A shard is the same split done across builds: ``shard: 2/3`` renders only the second third
of the pages (by the same sharing-out, which depends only on the pages' Markdown, so that
every machine agrees), plus the navigation and everything else a site has. The shards'
sites are merged into one (``builder.runtime.shards``), whose search index is built once.
"""

from __future__ import annotations

import heapq
import json
import logging
import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mkdocs.utils import CountHandler

from builder.errors import BriefingError
from builder.runtime.processes import die_with_parent, flush_output

PAGE_COST = 4096
"""What rendering a page costs besides its Markdown, in bytes of Markdown (its template and
links): sharing out by size alone would give one part all the small pages."""


@dataclass(frozen=True)
class Shard:
    """One part of a site's pages built on its own (``briefing build --shard 2/3``)."""

    number: int
    """This part, from 1."""
    count: int
    """How many parts the pages are cut into."""

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"


WHOLE = Shard(1, 1)
"""The whole site in one build."""


def parse_shard(text: str, where: str = "shard") -> Shard:
    """``"2/3"`` as a :class:`Shard`; ``where`` names the option in the error."""
    number, _, count = text.strip().partition("/")
    try:
        shard = Shard(int(number), int(count))
    except ValueError:
        raise BriefingError(f"{where}: expected K/N, such as 1/2, not {text!r}") from None
    if not 1 <= shard.number <= shard.count:
        raise BriefingError(f"{where}: {text!r}: K must be between 1 and N")
    return shard


def share_out(sizes: Sequence[int], parts: int) -> list[int]:
    """The part (from 0) each item goes to: the largest first, each to the least loaded part
    (the lowest on a tie), so that the parts' costs are close. The same sizes give the same
    parts on any machine."""
    owners = [0] * len(sizes)
    if parts <= 1:
        return owners
    loads = [(0, part) for part in range(parts)]
    for index in sorted(range(len(sizes)), key=lambda item: (-sizes[item], item)):
        load, part = heapq.heappop(loads)
        owners[index] = part
        heapq.heappush(loads, (load + sizes[index] + PAGE_COST, part))
    return owners


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WorkerReport:
    """What one rendering process did."""

    rendered: int
    """Pages it rendered."""
    warnings: int
    """Warnings MkDocs gave while it rendered them (shown as they came)."""


@dataclass(frozen=True)
class Worker:
    """A forked rendering process under way."""

    pid: int
    report_fd: int
    """The read end of the pipe it reports through."""
    label: str
    """What it renders, for messages."""


def can_fork() -> bool:
    """Whether this platform forks (rendering processes start from the build's state)."""
    return hasattr(os, "fork")


def start_worker(render: Callable[[], int], label: str) -> Worker:
    """Fork a process that calls ``render`` (which returns how many pages it rendered),
    reports to this one and exits."""
    read_fd, write_fd = os.pipe()
    flush_output()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Worker(pid, read_fd, label)
    die_with_parent(parent)
    os.close(read_fd)
    status = 0
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        rendered = render()
        report: dict[str, object] = {
            "rendered": rendered,
            "warnings": sum(count for _, count in counter.get_counts()),
        }
    except BaseException:  # reported to the build, which fails with it
        report = {"error": traceback.format_exc()[-8000:]}
        status = 1
    try:
        os.write(write_fd, json.dumps(report).encode("utf-8"))
    finally:
        flush_output()
        os._exit(status)


def finish_worker(worker: Worker) -> WorkerReport:
    """Wait for ``worker``; its report, or a BriefingError with what went wrong in it."""
    chunks = []
    while chunk := os.read(worker.report_fd, 65536):
        chunks.append(chunk)
    os.close(worker.report_fd)
    _, status = os.waitpid(worker.pid, 0)
    try:
        report = json.loads(b"".join(chunks).decode("utf-8"))
    except ValueError:
        report = {}
    if "error" in report:
        raise BriefingError(f"rendering {worker.label} failed:\n{report['error']}")
    if status != 0 or "rendered" not in report:
        raise BriefingError(f"rendering {worker.label}: the process ended with status {status}")
    return WorkerReport(rendered=int(report["rendered"]), warnings=int(report["warnings"]))
