"""The per-source stages, read -> clean -> extract, run across cores and cached.

Each source is analysed on its own, so the work spreads over a process pool when there is
enough of it, and the result is cached on disk under a key made of the source's bytes (and
its sidecar's), the data files and the builder's own code: an unchanged brief is never
extracted twice, and a new gazetteer entry or a new builder version re-extracts everything.
A source that fails to read becomes a :class:`~builder.model.Problem`, never an exception,
so the other briefs still build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from builder.clean.furniture import clean
from builder.config import PACKAGE_DIR, BuildConfig
from builder.errors import BriefError
from builder.extract import extract
from builder.knowledge import Knowledge, load_knowledge
from builder.model import CleanDocument, Extraction, Problem
from builder.read.characters import describe_changes
from builder.read.sources import MAX_SOURCE_BYTES, read_source, sidecar_for
from builder.runtime.processes import forking_is_safe, pool_context
from builder.version import __version__

Analysed = tuple[CleanDocument, Extraction]
Progress = Callable[[Iterable[Path]], Iterable[Path]]

PARALLEL_FROM = 32
"""Sources to extract below which a process pool costs more (start-up, ~1 s) than it saves."""

EXTRACTION_CODE = (
    "arabic.py",
    "datafiles.py",
    "errors.py",
    "knowledge.py",
    "outlets.py",
    "body_words.py",
    "speech_words.py",
    "model",
    "read",
    "clean",
    "extract",
    "runtime/analyse.py",
)
"""The builder's code that decides an extraction result, relative to the package: the cache
key covers these and nothing else, so editing a page template, the search or a tool does
not re-extract every brief (``tests/runtime/test_analyse.py`` checks the list against what
these modules import)."""


@cache
def builder_fingerprint() -> str:
    """A hash of the extraction code (:data:`EXTRACTION_CODE`): any change to it invalidates
    the cache."""
    digest = hashlib.sha256(__version__.encode())
    for part in EXTRACTION_CODE:
        root = PACKAGE_DIR / part
        paths = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in paths:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def data_fingerprint(data_dirs: Iterable[Path]) -> str:
    """A hash of every data file the extraction reads (gazetteer, topics, terminology ...)."""
    digest = hashlib.sha256()
    for folder in data_dirs:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    digest.update(str(path.relative_to(folder)).encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    """Analysed sources on disk, one pickle per key, written atomically.

    The folder is the builder's own (``.cache/briefing/extract`` in a project); deleting it
    only costs one slow build."""

    def __init__(
        self, folder: Path, data_dirs: Iterable[Path], memory: dict[str, Analysed] | None = None
    ) -> None:
        self.folder = folder
        self.memory = memory
        """Entries kept in memory between builds of one process (``mkdocs serve``), if any."""
        self._salt = f"{builder_fingerprint()}\0{data_fingerprint(data_dirs)}".encode()
        self.used: set[str] = set()
        """Keys looked up in this build (see :meth:`prune`)."""

    def key(self, path: Path, display: str) -> str | None:
        """The key of a source as it is now; None when it cannot be read (no caching)."""
        digest = hashlib.sha256(self._salt)
        digest.update(display.encode())
        try:
            if path.stat().st_size > MAX_SOURCE_BYTES:
                return None  # refused unread by the reader: nothing to cache
            digest.update(b"\0" + path.read_bytes())
            sidecar = sidecar_for(path)
            if sidecar is not None:
                digest.update(b"\0" + sidecar.name.encode() + b"\0" + sidecar.read_bytes())
        except OSError:
            return None
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Analysed | None:
        """The cached result, or None (missing or unreadable entries are misses)."""
        if self.memory is not None and key in self.memory:
            return self.memory[key]
        try:
            with self._path(key).open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
            return None
        if not (isinstance(value, tuple) and len(value) == 2):
            return None
        if self.memory is not None:
            self.memory[key] = value
        return value

    def put(self, key: str, value: Analysed) -> None:
        """Store a result; a cache that cannot be written only makes the next build slower."""
        if self.memory is not None:
            self.memory[key] = value
        target = self._path(key)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, target)
        except OSError:
            temporary.unlink(missing_ok=True)

    def prune(self) -> int:
        """Remove entries no source used in this build (edited or deleted briefs, an older
        builder); returns how many were removed."""
        removed = 0
        if self.memory is not None:
            for key in set(self.memory) - self.used:
                del self.memory[key]
        if self.folder.is_dir():
            for entry in self.folder.glob("*/*.pickle"):
                if entry.stem not in self.used:
                    entry.unlink(missing_ok=True)
                    removed += 1
        return removed


def extraction_cache(
    config: BuildConfig, memory: dict[str, Analysed] | None = None
) -> ExtractionCache | None:
    """The cache a build configuration asks for (None when ``cache_dir`` is unset)."""
    if config.cache_dir is None:
        return None
    return ExtractionCache(config.cache_dir, config.data_dirs, memory)


def analyse_source(path: Path, display: str, knowledge: Knowledge) -> Analysed | Problem:
    """Read, clean and extract one source; a failure to read is a problem, and so is a
    failure of the builder itself on this source (one odd article must not stop the
    others)."""
    try:
        source = read_source(path, display=display)
    except BriefError as error:
        return Problem(error.file, error.field, error.message, line=error.line)
    try:
        doc = clean(source)
        return doc, extract(doc, knowledge)
    except Exception as error:  # reported with the file, never swallowed
        return Problem(
            display,
            None,
            f"the builder failed on this source ({type(error).__name__}: {error}); "
            "skipped, please report it with the file",
        )


def _problems_of(doc: CleanDocument, extraction: Extraction) -> list[Problem]:
    """What an analysed source tells its author (metadata left out, empty text, cut text,
    characters normalized, no publication date)."""
    source = doc.source
    problems = list(source.problems)
    if not doc.paragraphs:
        return [
            *problems,
            Problem(source.file, None, "no article text left after cleaning", "warning"),
        ]
    if source.truncated_from is not None:
        problems.append(
            Problem(
                source.file,
                "text",
                f"article is {source.truncated_from:,} characters; only the first "
                f"{len(source.text):,} are used (the page says so)",
                "warning",
            )
        )
    if source.normalized:
        problems.append(
            Problem(
                source.file,
                "text",
                f"text normalized: {describe_changes(source.normalized)} (the source file "
                "is unchanged)",
                "info",
            )
        )
    if extraction.published.value is None:
        problems.append(
            Problem(
                source.file,
                "published",
                "no publication date in metadata or text; relative dates stay unresolved",
                severity="info",
            )
        )
    return problems


_worker_knowledge: Knowledge | None = None


def _start_worker(data_dirs: tuple[Path, ...], knowledge: Knowledge | None) -> None:
    global _worker_knowledge
    # A forked worker inherits the build's paused garbage collector (pipeline.build), meant
    # for the main process only: without collections a worker's heap grew with every brief
    # and extraction slowed (at 10,000 briefs the builder step took twice as long).
    gc.enable()
    _worker_knowledge = knowledge if knowledge is not None else load_knowledge(data_dirs)


def _analyse_in_worker(job: tuple[Path, str]) -> Analysed | Problem:
    assert _worker_knowledge is not None
    return analyse_source(job[0], job[1], _worker_knowledge)


def _analysed(
    jobs: list[tuple[Path, str]], knowledge: Knowledge, data_dirs: tuple[Path, ...], workers: int
) -> Iterator[Analysed | Problem]:
    """Results in the order of ``jobs``, from a process pool when it is worth it."""
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        for path, display in jobs:
            yield analyse_source(path, display, knowledge)
        return
    # Spawned workers (under `mkdocs serve`, see builder.runtime.processes) load the data files
    # themselves; forked ones inherit the knowledge already loaded (no pickling, no
    # re-import of the main script).
    forking = forking_is_safe()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=pool_context(),
        initializer=_start_worker,
        initargs=(data_dirs, knowledge if forking else None),
    ) as pool:
        chunk = max(1, min(16, len(jobs) // (workers * 8)))
        yield from pool.map(_analyse_in_worker, jobs, chunksize=chunk)


def analyse_each(
    paths: Sequence[Path],
    names: Sequence[str],
    knowledge: Knowledge,
    *,
    cache: ExtractionCache | None = None,
    data_dirs: tuple[Path, ...] = (),
    workers: int = 1,
    progress: Progress | None = None,
) -> list[Analysed | Problem]:
    """Read, clean and extract each source, named in results and messages by its entry in
    ``names``: its analysis, or the problem that stopped it, in the order of ``paths``.

    With ``cache``, unchanged sources come from it; with ``workers`` > 1 (and ``data_dirs``,
    which the worker processes load the knowledge from) the others are extracted in parallel.
    """
    keys = [
        cache.key(path, name) if cache else None for path, name in zip(paths, names, strict=True)
    ]
    results: list[Analysed | Problem | None] = [
        cache.get(key) if cache and key else None for key in keys
    ]
    misses = [index for index, result in enumerate(results) if result is None]
    jobs = [(paths[index], names[index]) for index in misses]
    fresh = _analysed(jobs, knowledge, data_dirs, workers if data_dirs else 1)
    # The progress bar advances as results arrive (cached ones count at once).
    ticks = iter(progress(paths) if progress else paths)
    for _ in range(len(paths) - len(misses)):
        next(ticks, None)
    for index, result in zip(misses, fresh, strict=True):
        next(ticks, None)
        results[index] = result
        key = keys[index]
        if cache and key and not isinstance(result, Problem):
            cache.put(key, result)
    for _ in ticks:  # let the bar finish
        pass
    return [result for result in results if result is not None]


def analyse(
    paths: Iterable[Path],
    knowledge: Knowledge,
    display: Callable[[Path], str] = str,
    *,
    cache: ExtractionCache | None = None,
    data_dirs: tuple[Path, ...] = (),
    workers: int = 1,
    progress: Progress | None = None,
) -> tuple[list[Analysed], list[Problem]]:
    """:func:`analyse_each`, each source named by ``display``, sorted out (:func:`sort_out`)."""
    paths = list(paths)
    names = [display(path) for path in paths]
    return sort_out(
        analyse_each(
            paths,
            names,
            knowledge,
            cache=cache,
            data_dirs=data_dirs,
            workers=workers,
            progress=progress,
        )
    )


def sort_out(results: Iterable[Analysed | Problem]) -> tuple[list[Analysed], list[Problem]]:
    """The results of :func:`analyse_each` as a build takes them: the sources that have
    text, in order, and every problem (what stopped a source, what an analysed source
    tells its author)."""
    analysed, problems = [], []
    for result in results:
        if isinstance(result, Problem):
            problems.append(result)
            continue
        doc, extraction = result
        problems += _problems_of(doc, extraction)
        if doc.paragraphs:
            analysed.append(result)
    return analysed, problems
