"""The commands' progress bars: shown on a terminal, silent in logs and CI."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import partial
from typing import TypeVar

T = TypeVar("T")


def progress_bar(items: Iterable[T], desc: str = "briefs", unit: str = "brief") -> Iterable[T]:
    """``items``, with a bar on standard error that advances as they are taken."""
    from tqdm import tqdm

    # tqdm starts its monitor thread with every bar, a silent one too, and a build forks
    # processes (its extraction and page processes), which is safe only from a process
    # without threads (builder.runtime.processes): with it a build forked nothing after
    # its first bar. The monitor only redraws a bar that has not moved for a while.
    tqdm.monitor_interval = 0
    # disable=None: a bar on a terminal, silence in logs and CI.
    return tqdm(list(items), desc=desc, unit=unit, disable=None, file=sys.stderr)


pdf_progress_bar = partial(progress_bar, desc="PDFs", unit="PDF")
"""The bar of the PDFs being made."""
