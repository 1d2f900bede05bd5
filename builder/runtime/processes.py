"""Process pools that are safe to start from ``mkdocs serve``.

Forking a process that runs threads (the dev server, the background search index and PDF
writer) can hang a child on a lock another thread held; there pool workers are spawned,
and elsewhere forked, so that they inherit what the parent already loaded. Whoever forks
flushes the output first (:func:`flush_output`).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from multiprocessing import get_context
from multiprocessing.context import BaseContext


def forking_is_safe() -> bool:
    """Whether this process runs no thread but the main one."""
    return threading.active_count() == 1


def pool_context() -> BaseContext:
    """``fork`` where :func:`forking_is_safe`, else ``spawn``."""
    return get_context("fork" if forking_is_safe() else "spawn")


def flush_output() -> None:
    """Flush the logs and standard streams before a fork: what is buffered would otherwise
    be written twice, once by each process."""
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()


def child_ended(pid: int) -> bool:
    """Whether process ``pid`` (a child of this one) has ended; it is reaped if so."""
    try:
        return os.waitpid(pid, os.WNOHANG)[0] != 0
    except ChildProcessError:  # reaped already
        return True


def die_with_parent(parent: int) -> None:
    """In a forked process that is of no use once ``parent`` is gone (a rendering process
    writing into a staged site): have the system kill it when its parent dies (Linux), so a
    killed build leaves nothing writing into the folder the next build clears."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
