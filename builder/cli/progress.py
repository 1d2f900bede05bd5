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

    # disable=None: a bar on a terminal, silence in logs and CI.
    return tqdm(list(items), desc=desc, unit=unit, disable=None, file=sys.stderr)


pdf_progress_bar = partial(progress_bar, desc="PDFs", unit="PDF")
"""The bar of the PDFs being made."""
