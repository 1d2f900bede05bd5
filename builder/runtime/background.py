"""Work that ``mkdocs serve`` does after a page has reloaded: the search index and the PDFs.

Under ``serve`` a reader waits for the page they edited, not for Pagefind (about 12 s at
1,000 briefs) or for WeasyPrint (every PDF of a new corpus: tens of minutes at 1,000
briefs). Each of these runs in a thread of its own, one run at a time; a request made during
a run makes one more run after it, with the work asked for last (the site as it is then).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from builder.errors import BriefingError

T = TypeVar("T")


class Background(Generic[T]):
    """One kind of work (``name``) done in the background, its outcome told to ``report``."""

    def __init__(self, name: str, report: Callable[[T | BriefingError], None]) -> None:
        self.name = name
        """Names the thread, for a reader of a stack dump."""
        self._report = report
        """Told the outcome of every run: the work's result, or the error it raised."""
        self._lock = threading.Lock()
        self._work: Callable[[], T] | None = None
        self._thread: threading.Thread | None = None
        self._pending = False

    def request(self, work: Callable[[], T]) -> None:
        """Run ``work`` soon: now, or after the run under way (replacing any work asked for
        in the meantime, which is out of date)."""
        with self._lock:
            self._work = work
            if self._thread is not None:
                self._pending = True
                return
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Until no run is under way or asked for."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()

    def _run(self) -> None:
        finished = False
        try:
            while True:
                with self._lock:
                    work, self._pending = self._work, False
                assert work is not None
                try:
                    outcome: T | BriefingError = work()
                except BriefingError as error:
                    outcome = error
                except OSError as error:  # e.g. the served folder removed by a full rebuild
                    outcome = BriefingError(f"{self.name}: {error}")
                self._report(outcome)
                with self._lock:
                    if not self._pending:
                        self._thread = None
                        finished = True
                        return
        finally:
            if not finished:
                # A bug in the work: its traceback is printed by the thread, and the next
                # request starts a new thread instead of waiting for this one for ever.
                with self._lock:
                    self._thread = None
