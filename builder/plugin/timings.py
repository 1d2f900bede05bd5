"""Seconds a build spends in each of the briefing steps, for ``briefing bench``
(``briefing_tools.bench`` reads them from the plugin; MkDocs' own time is the rest)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

STEPS = ("builder", "search", "pdf")
"""The builder (``build()``), the search index and the PDFs, when made in the foreground."""


class StepTimes(dict[str, float]):
    """Seconds per step of the last build, every step 0 until measured."""

    def __init__(self) -> None:
        super().__init__(dict.fromkeys(STEPS, 0.0))

    @contextmanager
    def measure(self, step: str) -> Iterator[None]:
        """Add the time the block takes to ``step``, also when it fails."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self[step] += time.perf_counter() - started
