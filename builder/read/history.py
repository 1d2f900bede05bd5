"""When each source entered the corpus: its place in time when it has no publication date.

In a git repository a source entered the corpus with the first commit that added it
(following renames inside its folder, as ``git log --diff-filter=A --follow`` does for one
file); the whole folder's history is read with one ``git log`` call. A source git does not
know (no repository, not committed yet, or a shallow clone, whose oldest commit would
seem to add every file and move with each push) takes its time from a first-seen record kept
next to the extraction cache (``.cache/briefing/first-seen.json``): the time of the first
build that saw it, written then and read back ever after, so the same sources give the same
times; a recorded value that is not a timezone-aware ISO 8601 time counts as missing.
Without a record (none configured, or it cannot be written) the file's modification
time stands in. Every time is UTC, ``YYYY-MM-DDTHH:MM:SSZ``.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

FIRST_SEEN_VERSION = 1
"""Version of the first-seen record's format."""

_DATE_MARK = "\x01"
"""Starts each commit's date in the ``git log`` output read by :func:`git_entry_times`."""


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def git_entry_times(folder: Path) -> dict[str, str]:
    """The time each file of ``folder`` (by path relative to it) was first added in git:
    the author date of the commit that added it, carried across renames inside the folder.
    Empty when ``folder`` is not in a git repository, git is not installed, or the
    repository is a shallow clone (its history is cut, so its oldest commit seems to add
    every file, and that commit changes with each push)."""
    if _shallow(folder) is not False:
        return {}
    command = [
        "git",
        "-c",
        "log.showSignature=false",
        "log",
        "--reverse",
        "-M",
        "--diff-filter=AR",
        "--name-status",
        f"--format={_DATE_MARK}%aI",
        "-z",
        "--relative",
        "--",
        ".",
    ]
    try:
        run = subprocess.run(command, cwd=folder, capture_output=True, check=False)
    except OSError:
        return {}
    if run.returncode != 0:
        return {}
    return _added(run.stdout.decode("utf-8", "surrogateescape"))


def _shallow(folder: Path) -> bool | None:
    """Whether ``folder``'s repository is a shallow clone; None when git cannot say (no
    repository, or git is not installed)."""
    try:
        run = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"],
            cwd=folder,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    answer = run.stdout.decode("ascii", "replace").strip()
    if run.returncode != 0 or answer not in {"true", "false"}:
        return None
    return answer == "true"


def _added(log: str) -> dict[str, str]:
    """Each path's first-added time from ``git log -z --name-status`` output, oldest commit
    first; a renamed file keeps the time of the file it was renamed from."""
    times: dict[str, str] = {}
    tokens = iter(log.split("\0"))
    when = ""
    for raw in tokens:
        token = raw.lstrip("\n")
        if token.startswith(_DATE_MARK):
            when = _utc(datetime.fromisoformat(token[1:]))
        elif token == "A":
            path = next(tokens, "")
            times.setdefault(path, when)
        elif token.startswith("R"):
            old, new = next(tokens, ""), next(tokens, "")
            times.setdefault(new, times.get(old, when))
    return times


def _read_record(record: Path) -> dict[str, str]:
    try:
        data = json.loads(record.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict):
        return {}
    times: dict[str, str] = {}
    for name, time in sources.items():
        valid = _valid_time(time)
        if valid is not None:
            times[str(name)] = valid
    return times


def _valid_time(value: object) -> str | None:
    """A recorded time in the record's form (UTC, ``YYYY-MM-DDTHH:MM:SSZ``); None unless it
    is a string ISO 8601 reads as a timezone-aware time."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    try:
        return _utc(moment)
    except (ValueError, OverflowError):  # e.g. 0001-01-01T00:00:00+01:00 is before year 1 in UTC
        return None


def _write_record(record: Path, sources: Mapping[str, str]) -> bool:
    """Write the record atomically; False when it cannot be written."""
    data = {"version": FIRST_SEEN_VERSION, "sources": dict(sorted(sources.items()))}
    temporary = record.with_name(f".{record.name}.{os.getpid()}.tmp")
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        os.replace(temporary, record)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


def _modified(path: Path) -> str:
    return _utc(datetime.fromtimestamp(path.stat().st_mtime, UTC))


def entry_times(
    sources: Mapping[str, Path],
    record: Path | None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, str]:
    """When each source (by name: the name it has in messages and records, relative to the
    project) entered the corpus (see the module's description). ``record`` is the first-seen
    record; a source it lacks is added with ``now()``."""
    times: dict[str, str] = {}
    in_git: dict[Path, dict[str, str]] = {}
    for name, path in sources.items():
        folder = path.parent
        if folder not in in_git:
            in_git[folder] = git_entry_times(folder)
        added = in_git[folder].get(path.name)
        if added:
            times[name] = added
    unknown = {name: path for name, path in sources.items() if name not in times}
    if not unknown:
        return times
    seen = _read_record(record) if record is not None else {}
    moment = _utc(now())
    new = {name: moment for name in unknown if name not in seen}
    if new and (record is None or not _write_record(record, {**seen, **new})):
        new = {name: _modified(unknown[name]) for name in new}
    for name in unknown:
        times[name] = seen.get(name) or new[name]
    return times
