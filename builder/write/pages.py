"""Stage 7, write: the only stage that touches disk.

Pages are written only into the folders the builder owns (``config.GENERATED_DIRS`` under
``docs/``), each through a temporary file and an atomic rename, and only when the content
changed (so ``mkdocs serve`` sees no spurious edits). Generated files that no page claims
any more are removed. Hand-written pages are never touched, not even inside the owned
folders: a file there that does not begin with the generated mark
(:data:`~builder.render.markup.GENERATED_MARK`) is neither replaced nor removed, only reported.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from builder.config import GENERATED_DIRS
from builder.errors import BriefingError
from builder.model import Page
from builder.render.markup import GENERATED_MARK
from builder.runtime.incremental import KeptPage


def _inside(path: str) -> PurePosixPath | None:
    """The path when it stays below the folder it is relative to, else None."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    return relative


def _owned(page_path: str) -> PurePosixPath:
    """A page path, refused unless it lies in one of the generated folders."""
    relative = _inside(page_path)
    if relative is None or relative.parts[0] not in GENERATED_DIRS:
        raise BriefingError(f"refusing to write outside the generated folders: {page_path!r}")
    return relative


@lru_cache(maxsize=1 << 17)
def _owned_key(page_path: str) -> str:
    """:func:`_owned` as a normalized string, remembered: a rebuild claims thousands of
    kept pages by path, and parsing each path again was a tenth of it."""
    return _owned(page_path).as_posix()


def _target(docs_dir: Path, page_path: str, checked: dict[str, Path] | None = None) -> Path:
    """Where a page goes; ``checked`` remembers the owned folders already checked (resolving
    every page's path was a fifth of a rebuild's time)."""
    relative = _owned(page_path)
    first = relative.parts[0]
    owned = checked.get(first) if checked is not None else None
    if owned is None:
        owned = docs_dir.resolve() / first
        # A symlink inside the owned folders could lead anywhere: follow nothing.
        if owned.is_symlink() or (owned.exists() and owned.resolve() != owned):
            raise BriefingError(f"refusing to write outside {owned}: {page_path!r}")
        if checked is not None:
            checked[first] = owned
    target = owned.joinpath(*relative.parts[1:])
    # The page itself, or a sub-folder (entity list pages), could be a symlink too.
    deeper = len(relative.parts) > 2
    if target.is_symlink() or (deeper and owned not in target.resolve().parents):
        raise BriefingError(f"refusing to write outside {owned}: {page_path!r}")
    return target


def _temporary_beside(target: Path) -> tuple[int, Path]:
    """A new, empty file next to ``target`` (``.tmp-...``), open for writing, with the mode
    ``open(path, "w")`` gives: 0666 less the umask. ``tempfile.mkstemp`` makes files only
    their owner can read (0600), and a published file renamed from one is refused by a web
    server running as another user."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = target.with_name(f".tmp-{secrets.token_hex(8)}{target.suffix}")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename: a reader never
    sees half a file. Every file the builder writes (pages, feeds, JSON, PDFs) goes here."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _temporary_beside(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` atomically unless it already holds exactly that;
    whether it was written."""
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    _write_atomic(target, data)
    return True


def write_file_into(folder: Path, name: str, data: bytes) -> bool:
    """:func:`write_if_changed` for ``name`` under ``folder``, refusing any name that would
    land outside it (``..``, an absolute path)."""
    relative = _inside(name)
    if relative is None:
        raise BriefingError(f"refusing to write outside {folder}: {name!r}")
    return write_if_changed(folder.resolve().joinpath(*relative.parts), data)


@dataclass(frozen=True)
class WriteReport:
    """What :func:`write_pages` did, paths relative to ``docs/``, sorted."""

    written: list[str]
    """Pages created or changed."""
    removed: list[str]
    """Generated pages no page claims any more, deleted."""
    page_count: int
    """Pages of the build, written or already up to date."""
    hand_written: list[str]
    """Files in the owned folders without the generated mark that no page claims: left."""
    blocked: list[str]
    """Pages not written because a file without the generated mark is at their path."""


_MARK = f"---\n{GENERATED_MARK}".encode()


def _walk(root: Path, folder: str) -> Iterator[tuple[str, bool]]:
    """Every file (True) and real folder (False) below ``root / folder``, as paths relative
    to ``root``; symbolic links to folders are not followed (a link is listed as a file).
    Directory entries are read once, not stat'ed again per path, and paths stay strings
    (thousands of pages per rebuild)."""
    with os.scandir(os.path.join(root, folder)) as entries:
        for entry in entries:
            path = f"{folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                yield path, False
                yield from _walk(root, path)
            else:
                yield path, True


def _generated(path: Path) -> bool:
    """Whether the file at ``path`` is a page the builder wrote."""
    try:
        with path.open("rb") as stream:
            return stream.read(len(_MARK)) == _MARK
    except OSError:
        return False


def write_pages(pages: Iterable[Page | KeptPage], docs_dir: Path) -> WriteReport:
    """Write changed pages, delete stale generated ones, leave hand-written files alone.
    ``pages`` is consumed one at a time, so it can be a generator and the corpus's pages
    never have to be in memory together. A :class:`KeptPage` is a page already on disk as
    it should be: kept, not written."""
    root = docs_dir.resolve()
    wanted: set[str] = set()
    written, hand_written, blocked = [], [], []
    checked: dict[str, Path] = {}
    for page in pages:
        key = _owned_key(page.path)
        if key in wanted:
            raise BriefingError(f"two generated pages share the path {page.path!r}")
        wanted.add(key)
        # A kept page was written by an earlier build of this process through the symlink
        # checks of _target and is unchanged since (same size and time): only claimed.
        if isinstance(page, KeptPage):
            continue
        target = _target(docs_dir, page.path, checked)
        data = page.content.encode("utf-8")
        try:
            existing = target.read_bytes()
        except OSError:
            existing = None
        if existing == data:
            continue
        if existing is not None and not existing.startswith(_MARK):
            blocked.append(key)
            continue
        _write_atomic(target, data)
        written.append(key)
    removed = []
    for folder in GENERATED_DIRS:
        owned = root / folder
        if not owned.is_dir() or owned.is_symlink():
            continue
        for relative, is_file in sorted(_walk(root, folder), reverse=True):
            if is_file and relative in wanted:
                continue
            path = root / relative
            if is_file:
                if path.name.startswith(".tmp-") or _generated(path):
                    path.unlink()
                    removed.append(relative)
                else:
                    hand_written.append(relative)
            elif not any(path.iterdir()):
                path.rmdir()
    return WriteReport(
        sorted(written), sorted(removed), len(wanted), sorted(hand_written), sorted(blocked)
    )


def write_site_files(files: Iterable[Page], site_dir: Path) -> None:
    """Write published files (feeds, JSON export) into the built site, never outside it."""
    root = site_dir.resolve()
    for file in files:
        relative = _inside(file.path)
        if relative is None:
            raise BriefingError(f"refusing to write outside the site: {file.path!r}")
        target = root.joinpath(*relative.parts)
        _write_atomic(target, file.content.encode("utf-8"))
