"""The builder step of a publishing build, run in a process of its own.

A ``briefing build`` or ``mkdocs build`` process runs the builder, then MkDocs renders the
pages, then Pagefind indexes them. What the builder holds (every brief's analysis, record,
list entries and export, and the memo saved for the next build: 2.4 GB at 10,000 briefs)
was held to the end: Python does not give freed memory back to the system, the rendering
processes were forked at that size, and Pagefind ran beside it. So the builder step runs in
a forked process (:func:`build_detached`). It writes the generated pages and hands this
process a result without the corpus (:class:`Detached`); then, while this process goes on
with MkDocs, it writes the site's data exports into a spool folder, pickles what the PDFs
are made from when they are wanted, says so, saves its memo for the next build and ends,
giving all of it back. This process reads the spool when it needs it (and stops waiting if
the builder's process died), removes it once the site is written, and waits for the
builder's process before it exits (``builder.runtime.saved.wait_at_exit``), so the next
build finds the memo whole.

``mkdocs serve`` keeps its memo in memory between rebuilds and builds in its own process, as
does a process that runs threads (forking one can leave a lock held in the child) or cannot
fork.
"""

from __future__ import annotations

import atexit
import os
import pickle
import select
import shutil
import tempfile
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from builder.config import BuildConfig
from builder.errors import BriefingError
from builder.model import Brief, BriefRecord, BuildResult
from builder.runtime import saved
from builder.runtime.incremental import BuildMemo
from builder.runtime.processes import child_ended, flush_output, forking_is_safe
from builder.write.pages import write_site_files

PDF_INPUT = "pdf-input.pickle"
"""The briefs and records the PDFs are made from, in the spool folder."""

SPOOL_PREFIX = "briefing-build-"
"""The spool folders' names begin so, beside the extraction cache."""

EXPORTS = "exports"
"""The site's data exports, laid out as in the site, in the spool folder."""


@dataclass(frozen=True)
class Detached:
    """What a builder step run in its own process hands back. Its spool folder is written
    after the result is handed back, while MkDocs starts: :meth:`link_exports` and
    :meth:`pdf_input` wait until it is whole."""

    result: BuildResult
    """The build's result without its briefs, entities, records and site files (the home
    page's sections, the problems, the pages written and removed are all there)."""
    briefs: int
    """How many briefs the build made."""
    entities: int
    """How many entities it found."""
    spool: Path
    """A folder with the site's data exports (:data:`EXPORTS`) and, when asked for, the
    briefs and records for the PDFs (:data:`PDF_INPUT`); removed by :meth:`discard` (the
    plugin does once the site is written, and at exit)."""
    spooled: _Spooling | None = None
    """The builder's process still writing the spool folder (None: written)."""

    def _wait_for_spool(self) -> None:
        if self.spooled is not None:
            self.spooled.wait()

    def link_exports(self, site_root: Path) -> None:
        """Put the data exports into the site, where ``write_site_files`` writes them,
        replacing what is there: hard links (copies across file systems), so that a later
        build of this process that reuses the result (the English build inside the Arabic
        one, or an unchanged project) finds them again. Neither copy is ever written in
        place (files are replaced whole)."""
        self._wait_for_spool()
        exports = self.spool / EXPORTS
        if not exports.is_dir():
            raise BriefingError(f"{exports}: the data exports are gone")
        try:
            for folder, _, names in os.walk(exports):
                target = site_root / Path(folder).relative_to(exports)
                target.mkdir(parents=True, exist_ok=True)
                for name in sorted(names):
                    source, destination = os.path.join(folder, name), target / name
                    destination.unlink(missing_ok=True)
                    try:
                        os.link(source, destination)
                    except OSError:
                        shutil.copyfile(source, destination)
        except OSError as error:
            raise BriefingError(f"{site_root}: the data exports: {error}") from error

    def pdf_input(self) -> tuple[tuple[Brief, ...], tuple[BriefRecord, ...]]:
        """The briefs and records pickled for the PDFs (BriefingError when they were not)."""
        self._wait_for_spool()
        try:
            with (self.spool / PDF_INPUT).open("rb") as handle:
                briefs, records = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError) as error:
            raise BriefingError(f"{self.spool}: the briefs for the PDFs: {error}") from error
        return briefs, records

    def discard(self) -> None:
        """Remove the spool folder, once the builder's process has stopped writing it."""
        if self.spooled is not None:
            with suppress(BriefingError):
                self.spooled.wait()
        shutil.rmtree(self.spool, ignore_errors=True)


class _Spooling:
    """The end of the pipe through which the builder's process says its spool folder is
    written (or why not); read once, by whoever needs the folder first."""

    def __init__(self, read_fd: int, pid: int) -> None:
        self._read_fd: int | None = read_fd
        self._pid = pid
        self._error: str | None = None

    def wait(self) -> None:
        if self._read_fd is not None:
            answer = _receive(self._read_fd, self._pid)
            os.close(self._read_fd)
            self._read_fd = None
            if answer is None:
                self._error = "the builder's process ended before its exports were written"
            elif "error" in answer:
                self._error = f"the builder's exports: {answer['error']}"
        if self._error is not None:
            raise BriefingError(self._error)


def _send(write_fd: int, message: dict[str, Any]) -> None:
    payload = pickle.dumps(message, protocol=5)
    view = memoryview(len(payload).to_bytes(8, "big") + payload)
    while view:
        view = view[os.write(write_fd, view) :]


def _receive(read_fd: int, pid: int) -> dict[str, Any] | None:
    """The next message of the pipe from process ``pid``; None when it ended without
    sending it whole (killed, say, by the system for want of memory: processes it forked,
    such as extraction workers, may still hold the pipe open)."""
    header = _read_exactly(read_fd, 8, pid)
    if header is None:
        return None
    payload = _read_exactly(read_fd, int.from_bytes(header, "big"), pid)
    if payload is None:
        return None
    try:
        message: dict[str, Any] = pickle.loads(payload)
    except Exception:
        return None
    return message


def _read_exactly(read_fd: int, size: int, pid: int) -> bytes | None:
    chunks, left = [], size
    while left:
        readable, _, _ = select.select([read_fd], [], [], 1.0)
        if not readable:
            if child_ended(pid):
                return None
            continue
        chunk = os.read(read_fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def can_detach() -> bool:
    """Whether the builder step can run in a process of its own here."""
    return hasattr(os, "fork") and forking_is_safe()


def build_detached(
    config: BuildConfig,
    build: Callable[..., BuildResult],
    *,
    progress: Any = None,
    for_pdfs: bool = False,
) -> Detached:
    """Run ``build`` (``builder.pipeline.build``) for ``config`` in a forked process that then
    saves its memo for the next build (see the module's text); with ``for_pdfs``, the
    briefs and records are kept for the PDFs. A failed build raises its
    :class:`BriefingError` here, any other failure a BriefingError with its traceback."""
    parent = _spool_parent(config)
    if parent is not None:
        # Left by a build that was killed before its exit handlers ran: one build of a
        # project runs at a time (its site is staged in one folder).
        for leftover in parent.glob(f"{SPOOL_PREFIX}*"):
            shutil.rmtree(leftover, ignore_errors=True)
    try:
        spool = Path(tempfile.mkdtemp(prefix=SPOOL_PREFIX, dir=parent))
        read_fd, write_fd = os.pipe()
        flush_output()
        pid = os.fork()
    except OSError as error:
        raise BriefingError(f"the builder's process could not be started: {error}") from error
    if pid == 0:  # pragma: no cover - the forked process, measured by the tests' results
        os.close(read_fd)
        _run_child(config, build, progress, for_pdfs, spool, write_fd)
    os.close(write_fd)
    saved.wait_at_exit(pid)
    answer = _receive(read_fd, pid)
    if answer is None:
        answer = {"error": "the builder's process ended without a result", "briefing": True}
    if "error" in answer:
        os.close(read_fd)
        shutil.rmtree(spool, ignore_errors=True)
        if answer.get("briefing"):
            raise BriefingError(answer["error"])
        raise BriefingError(f"the builder failed:\n{answer['error']}")
    detached: Detached = replace(answer["detached"], spooled=_Spooling(read_fd, pid))
    atexit.register(detached.discard)
    return detached


def _spool_parent(config: BuildConfig) -> Path | None:
    # Beside the extraction cache, on the project's file system: the exports are linked
    # into the site, not copied.
    if config.cache_dir is None:
        return None
    config.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    return config.cache_dir.parent


def _run_child(
    config: BuildConfig,
    build: Callable[..., BuildResult],
    progress: Any,
    for_pdfs: bool,
    spool: Path,
    write_fd: int,
) -> None:
    status, phase = 1, "result"
    memo = BuildMemo()
    try:
        result = build(config, progress=progress, memo=memo, save_memo=False)
        slim = replace(result, briefs=(), entities=(), site_files=(), records=())
        counts = (len(result.briefs), len(result.entities))
        _send(write_fd, {"detached": Detached(slim, *counts, spool)})
        # The build goes on with MkDocs, which needs the pages only: the exports and the
        # PDFs' input are written meanwhile, then the memo is saved, and this process ends.
        phase = "spool"
        write_site_files(result.site_files, spool / EXPORTS)
        if for_pdfs:
            with (spool / PDF_INPUT).open("wb") as handle:
                pickle.dump((result.briefs, result.records), handle, protocol=5)
        _send(write_fd, {"spooled": True})
        phase = "done"
        os.close(write_fd)
        if memo.rendered or not memo.kept:
            saved.save_memo(config, memo)
        status = 0
    except BriefingError as error:
        if phase != "done":
            with suppress(OSError):
                _send(write_fd, {"error": str(error), "briefing": True})
    except BaseException as error:
        if phase == "result":
            message = traceback.format_exc()[-8000:]
        else:
            message = f"{type(error).__name__}: {error}"
        if phase != "done":
            with suppress(OSError):
                _send(write_fd, {"error": message})
    finally:
        saved.flush_logs()
        os._exit(status)
