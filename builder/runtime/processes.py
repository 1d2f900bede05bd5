"""Process pools that are safe to start from ``mkdocs serve``.

Forking a process that runs threads (the dev server, the background search index and PDF
writer) can hang a child on a lock another thread held; there pool workers are spawned,
and elsewhere forked, so that they inherit what the parent already loaded.
"""

from __future__ import annotations

import threading
from multiprocessing import get_context
from multiprocessing.context import BaseContext


def forking_is_safe() -> bool:
    """Whether this process runs no thread but the main one."""
    return threading.active_count() == 1


def pool_context() -> BaseContext:
    """``fork`` where :func:`forking_is_safe`, else ``spawn``."""
    return get_context("fork" if forking_is_safe() else "spawn")
