"""The memory of the last build, kept on disk so that the next process starts from it.

``mkdocs serve`` keeps its :class:`~builder.runtime.incremental.BuildMemo` in memory, and a
rebuild redoes only what changed. ``briefing build`` is a new process every time: without
this module it would render every generated page again and compare it with its file. A
build given ``save_memo`` writes the memo to :data:`MEMO_FILE`, beside the extraction cache
(``.cache/briefing/``); a build whose memo has not been used yet reads it back when it was
written for the same builder code, data files, Python and project folders (the key in its
first line). A missing, stale, truncated or corrupt file is ignored and the build is a full
one: the memo only ever saves time, and every page it keeps is still checked against its
file's size and modification time (``builder.runtime.incremental``).

One pickle holds it all, so an analysed source shared by the memo's pages, records and list
entries is one object again after loading; the extraction cache hands back the memo's own
analysed sources, so the identity checks of the memo hold in the new process.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import pickle
import platform
import sys
import time
from collections.abc import Hashable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from builder.config import BuildConfig
from builder.knowledge import Knowledge
from builder.runtime.analyse import data_fingerprint
from builder.runtime.incremental import BuildMemo, SavedMemo
from builder.runtime.processes import child_ended
from builder.runtime.publish import builder_digest, digest

log = logging.getLogger(__name__)

MEMO_FILE = "memo.pickle"
"""The saved memo's file name, in the folder of the extraction cache's folder."""

FORMAT = 1
"""The file's format; another one is ignored."""

_MAGIC = b"briefing-memo"


def memo_file(config: BuildConfig) -> Path | None:
    """Where the memo of ``config``'s project is saved; None without an extraction cache (a
    build told to keep no cache keeps no memo either)."""
    if config.cache_dir is None:
        return None
    return config.cache_dir.parent / MEMO_FILE


def memo_key(config: BuildConfig) -> str:
    """What a saved memo must have been made with: the builder's files, the data files the
    knowledge is loaded from, the Python that pickled it and the project's folders and
    options that reach the generated pages."""
    parts = {
        "format": FORMAT,
        "python": f"{platform.python_implementation()} {sys.version}",
        "builder": builder_digest(),
        "data": data_fingerprint(config.data_dirs),
        "data_dirs": [str(folder.resolve()) for folder in config.data_dirs],
        "briefs_dir": str(config.briefs_dir.resolve()),
        "docs_dir": str(config.docs_dir.resolve()),
        "cache_dir": str(config.cache_dir.resolve()) if config.cache_dir else "",
        "site_url": config.site_url,
        "languages": list(config.languages),
    }
    return digest(json.dumps(parts, sort_keys=True))


def restore_memo(config: BuildConfig, memo: BuildMemo, knowledge: Knowledge) -> bool:
    """Fill ``memo`` (not used by any build yet) with the saved one when it is valid for
    ``config`` (see :func:`memo_key`); whether it was. Never raises: a memo that cannot be
    read only means a full build."""
    path = memo_file(config)
    if path is None or not memo.fresh:
        return False
    started = time.perf_counter()
    try:
        with path.open("rb") as handle:
            header = handle.readline().rstrip(b"\n").split(b" ")
            if header != [_MAGIC, memo_key(config).encode()]:
                log.info("briefing: the saved build memo is for another builder or data; ignored")
                return False
            saved = pickle.loads(handle.read())
    except FileNotFoundError:
        return False
    except Exception as error:  # unpickling can fail in any way; a full build is the answer
        log.info("briefing: the saved build memo is unreadable (%s); ignored", error)
        return False
    if not isinstance(saved, SavedMemo):
        log.info("briefing: the saved build memo is not a memo; ignored")
        return False
    memo.restore(saved, knowledge)
    log.info("briefing: build memo of the last build read in %.1f s", time.perf_counter() - started)
    return True


def save_memo(config: BuildConfig, memo: BuildMemo) -> None:
    """Write ``memo`` (of a finished build) for the next process: to a temporary file, then
    renamed over the last one, so a reader never sees half a file. A memo that cannot be
    written only makes the next build slower."""
    path = memo_file(config)
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    started = time.perf_counter()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            handle.write(_MAGIC + b" " + memo_key(config).encode() + b"\n")
            state = memo.saved()
            try:
                pickle.dump(replace(state, values=_savable(state.values)), handle, protocol=5)
            except (pickle.PicklingError, TypeError, AttributeError):
                # A kind judged by its first value had one that cannot be pickled: judge
                # each value (slower, and only then).
                handle.seek(0)
                handle.truncate()
                handle.write(_MAGIC + b" " + memo_key(config).encode() + b"\n")
                values = _savable(state.values, each=True)
                pickle.dump(replace(state, values=values), handle, protocol=5)
        os.replace(temporary, path)
        size = path.stat().st_size / 1e6
        log.info(
            "briefing: build memo saved (%.0f MB) in %.1f s", size, time.perf_counter() - started
        )
    except Exception as error:  # a memo that cannot be pickled or written is not kept
        log.info("briefing: the build memo could not be saved (%s)", error)
    finally:  # gone after the rename; left by a failure or an interruption
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


_SAVING: list[int] = []
"""Processes saving a memo for this one (:func:`save_memo_in_background`)."""


def save_memo_in_background(config: BuildConfig, memo: BuildMemo) -> None:
    """:func:`save_memo` in a forked process, while this one goes on with the site (the
    pickle took 1.2 to 1.9 s of a 25 s rebuild at 2,000 briefs); this process waits for it
    before it ends (:func:`wait_for_saved_memos`, run at exit), so the next build finds the
    file whole. Where processes cannot be forked, it is saved now."""
    if not hasattr(os, "fork"):
        save_memo(config, memo)
        return
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked process, measured by the tests' results
        try:
            save_memo(config, memo)
        finally:
            flush_logs()
            os._exit(0)
    wait_at_exit(pid)


def wait_at_exit(pid: int) -> None:
    """Have this process wait for ``pid`` (a forked process that saves a memo) before it
    exits, as for :func:`save_memo_in_background`. Those already ended are reaped now: a
    process that builds again and again (a test run, a script) keeps no zombies."""
    _SAVING[:] = [saving for saving in _SAVING if not child_ended(saving)]
    _SAVING.append(pid)


def flush_logs() -> None:
    """Flush what a forked process logged, before it ends with ``os._exit``."""
    logging.shutdown()


def wait_for_saved_memos() -> None:
    """Wait for the processes saving a memo (a saved memo is written whole or not at all)."""
    while _SAVING:
        with suppress(ChildProcessError):
            os.waitpid(_SAVING.pop(), 0)


atexit.register(wait_for_saved_memos)  # nothing to wait for unless a memo is being saved


def _savable(values: dict[Hashable, Any], *, each: bool = False) -> dict[Hashable, Any]:
    """The reused values that can be pickled. Some hold code made inside a function (a list
    entry's renderer, ``builder.index.entries``), which pickle refuses; the next process
    makes those again. Values under one key kind (the key's first item) come from the same
    code, so a kind is judged by its first value with contents (a brief without quotes has
    an empty tuple of them, which tells nothing); with ``each``, every value is tried."""
    kinds: dict[Hashable, bool] = {}
    kept = {}
    for key, value in values.items():
        if each:
            if _pickles(value):
                kept[key] = value
            continue
        kind = key[0] if isinstance(key, tuple) and key else key
        verdict = kinds.get(kind)
        if verdict is None:
            verdict = _pickles(value)
            if not verdict or _has_contents(value[1]):
                kinds[kind] = verdict
        if verdict:
            kept[key] = value
    return kept


def _pickles(value: Any) -> bool:
    try:
        pickle.dumps(value, protocol=5)
    except Exception:
        return False
    return True


def _has_contents(value: Any) -> bool:
    try:
        return bool(value)
    except Exception:
        return True
