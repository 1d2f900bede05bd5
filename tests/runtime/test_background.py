"""Work done in the background under `mkdocs serve` (`builder.runtime.background`): one run at a
time, the work asked for last is the one done, and a failing run does not stop later ones."""

from __future__ import annotations

import threading

from builder.errors import BriefingError
from builder.runtime.background import Background


def test_a_request_during_a_run_makes_one_more_run_with_the_latest_work() -> None:
    started, release = threading.Event(), threading.Event()
    done: list[str] = []

    def slow() -> str:
        started.set()
        release.wait(10)
        return "first"

    worker: Background[str] = Background("test", done.append)
    worker.request(slow)
    assert started.wait(10)
    # Three rebuilds while the first run is under way: only the last one's work is done.
    for name in ("stale", "stale too", "latest"):
        worker.request(lambda name=name: name)
    release.set()
    worker.wait()
    assert done == ["first", "latest"]


def test_errors_are_reported_and_the_worker_goes_on() -> None:
    outcomes: list[object] = []
    worker: Background[str] = Background("test", outcomes.append)

    def refused() -> str:
        raise BriefingError("site/pagefind: [search] Pagefind failed")

    def vanished() -> str:
        raise FileNotFoundError(2, "No such file or directory", "site/pdf")

    worker.request(refused)
    worker.wait()
    worker.request(vanished)
    worker.wait()
    assert [type(outcome) for outcome in outcomes] == [BriefingError, BriefingError]
    assert "Pagefind failed" in str(outcomes[0])
    assert str(outcomes[1]).startswith("test: ") and "site/pdf" in str(outcomes[1])


def test_a_bug_in_the_work_does_not_jam_later_requests() -> None:
    outcomes: list[str] = []
    worker: Background[str] = Background("test", outcomes.append)
    previous_hook = threading.excepthook
    threading.excepthook = lambda args: None  # the traceback a bug prints, kept out of the log
    try:
        worker.request(lambda: str(1 / 0))
        worker.wait()
    finally:
        threading.excepthook = previous_hook
    worker.request(lambda: "after the bug")
    worker.wait()
    assert outcomes == ["after the bug"]
