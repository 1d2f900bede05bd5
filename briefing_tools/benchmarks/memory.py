"""What a build's process tree holds in memory while it runs, sampled from ``/proc``.

``wait4`` gives the largest *single* process of a tree (its peak resident size), which is
what the benchmarks have always quoted. It says nothing of the processes together: forked
rendering processes share the build's pages until they write them (each one's resident size
counts them again), and Pagefind, a separate binary, may run beside a Python process that
still holds the builder's results. :class:`TreeSampler` reads, every ``interval`` seconds
(one by default), the proportional set size (``Pss`` of ``/proc/PID/smaps_rollup``: a
shared page counts once, split between its sharers) of the build and every process under
it, and keeps the largest sum, and the largest resident size of the Python processes and of
Pagefind apart. A peak shorter than the interval can be missed: these are sampled figures,
quoted as such.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


@dataclass
class TreePeaks:
    """The largest figures seen, in MB."""

    tree_pss_mb: int = 0
    """The largest sum of the tree's proportional set sizes."""
    python_rss_mb: int = 0
    """The largest resident size of one Python process of the tree (the build, its
    rendering and memo-saving processes, the extraction workers)."""
    pagefind_rss_mb: int = 0
    """The largest resident size of Pagefind."""
    samples: int = 0
    """How many times the tree was read."""


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            fields = (PROC / entry.name / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    children = _children()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _sizes(pid: int) -> tuple[int, int, str]:
    """(RSS, PSS) in kB and the command's first word of ``pid``; zeros once it is gone."""
    rss = pss = 0
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        command = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        return 0, 0, ""
    return rss, pss, " ".join(part.decode("utf-8", "replace") for part in command[:3])


@dataclass
class TreeSampler:
    """Samples the tree under ``root`` in a thread until :meth:`stop`."""

    root: int
    interval: float = 1.0
    peaks: TreePeaks = field(default_factory=TreePeaks)
    _done: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> TreeSampler:
        """Begin sampling."""
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> TreePeaks:
        """End sampling; the peaks seen."""
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        return self.peaks

    def _run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self.interval)

    def sample(self) -> None:
        """Read the tree once."""
        total = 0
        for pid in _tree(self.root):
            rss, pss, command = _sizes(pid)
            total += pss
            if "pagefind" in command.split(" ", 1)[0]:
                self.peaks.pagefind_rss_mb = max(self.peaks.pagefind_rss_mb, rss // 1024)
            elif "python" in command.split(" ", 1)[0]:
                self.peaks.python_rss_mb = max(self.peaks.python_rss_mb, rss // 1024)
        self.peaks.tree_pss_mb = max(self.peaks.tree_pss_mb, total // 1024)
        self.peaks.samples += 1
