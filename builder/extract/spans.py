"""A set of disjoint text spans with a fast overlap test.

Extractors keep the longest non-overlapping candidates and leave out numbers inside dates.
Testing a candidate against every span taken so far made a text with thousands of dates
quadratic; with the spans sorted, only the two neighbours of a candidate can overlap it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class DisjointSpans:
    """Half-open ``(start, end)`` spans that do not overlap one another, kept sorted."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span of the set."""
        index = bisect_right(self._starts, start)
        if index > 0 and self._ends[index - 1] > start:
            return True
        return index < len(self._starts) and self._starts[index] < end

    def covers(self, start: int, end: int) -> bool:
        """Whether one span of the set holds all of ``[start, end)``."""
        index = bisect_right(self._starts, start)
        return index > 0 and self._ends[index - 1] >= end

    def add(self, start: int, end: int) -> None:
        """Add a span; it must not overlap the set (callers test :meth:`overlaps` first)."""
        index = bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def merge(self, start: int, end: int) -> None:
        """Add a span that may overlap the set: the spans it touches become one."""
        low = bisect_right(self._starts, start)
        if low > 0 and self._ends[low - 1] > start:
            low -= 1
        high = low
        while high < len(self._starts) and self._starts[high] < end:
            high += 1
        if high > low:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]
