"""What a long-lived process keeps between builds, so that a rebuild redoes only what changed.

``mkdocs serve`` rebuilds after every edit. With a :class:`BuildMemo` kept by the plugin:

- sources whose bytes did not change come from memory (over the on-disk extraction cache);
- a brief's two pages are not rendered again when its analysed source (the same object, from
  that memory), its related briefs and their titles are unchanged;
- an entity's pages are not rendered again when the entity, the titles of the briefs they
  list and the names they link to are unchanged;
- pages not rendered again are not read back from disk either, once their file's size and
  modification time are seen unchanged;
- a brief's record, its entries in the corpus-wide lists (by date, timeline, quotes, topics,
  sources, terms) and its JSON export are made again only when its analysed source or
  related briefs changed (:meth:`BuildMemo.reuse`), and a list page whose entries are all
  unchanged is kept like the pages above;
- related briefs are worked out again only where an edit reaches (``builder.resolve.related``).

Writing skips the pages whose text did not change, so MkDocs sees only real edits.

The memo also outlives the process: ``briefing build`` saves it after a build and the next
process starts from it (``builder.runtime.saved``), so a new process is as quick as a rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from builder.knowledge import Knowledge
from builder.model import Page
from builder.resolve.related import RelatedMemory
from builder.runtime.analyse import Analysed

T = TypeVar("T")


class Reuse(Protocol):
    """``(key, inputs, make) -> value``: ``make()``, or what it gave before for the same inputs
    (:meth:`BuildMemo.reuse`)."""

    def __call__(self, key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T], /) -> T:
        """The value ``make`` gives, or gave before for the same ``inputs``."""
        ...


def no_reuse(key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T:
    """The :data:`Reuse` of a build with nothing kept from before."""
    return make()


@dataclass(frozen=True)
class KeptPage:
    """A generated page known to be on disk with the right text: nothing to render or write."""

    path: str
    """Path under ``docs/``, as :attr:`Page.path`."""


@dataclass(frozen=True)
class _Entry:
    inputs: Any
    """What the pages were rendered from (compared by value; the first item by identity)."""
    paths: tuple[str, ...]
    stats: tuple[tuple[int, int], ...] = ()
    """(size, mtime_ns) of each path once written; empty until then."""


@dataclass(frozen=True)
class SavedMemo:
    """A :class:`BuildMemo` without its knowledge: what is pickled for the next process
    (the knowledge is loaded again from the data files, which must be the same)."""

    analysed: dict[str, Analysed]
    related: RelatedMemory
    entries: dict[Hashable, _Entry]
    values: dict[Hashable, tuple[tuple[Any, ...], Any]]


class BuildMemo:
    """Results of the last build, for the next one in the same process."""

    def __init__(self) -> None:
        self.analysed: dict[str, Analysed] = {}
        """Extraction cache key -> analysed source (see ``ExtractionCache``)."""
        self._knowledge: Knowledge | None = None
        self.related = RelatedMemory()
        """The last build's related briefs (``builder.resolve.related``)."""
        self._entries: dict[Hashable, _Entry] = {}
        self._next: dict[Hashable, _Entry] = {}
        self._values: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
        self._next_values: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
        self.rendered = 0
        """Pages rendered in the last build (the rest were kept)."""
        self.kept = 0
        """Pages kept from the build before."""

    @property
    def fresh(self) -> bool:
        """Whether no build has used this memo yet (a saved one may be restored into it)."""
        return self._knowledge is None

    def saved(self) -> SavedMemo:
        """What the next process needs of this memo (``builder.runtime.saved`` writes it)."""
        return SavedMemo(self.analysed, self.related, self._entries, self._values)

    def restore(self, saved: SavedMemo, knowledge: Knowledge) -> None:
        """Take over what a memo saved by another process remembers, as if its build had
        used ``knowledge``: the caller has checked that ``knowledge`` comes from the same data
        files and the saved memo from the same builder."""
        self.analysed, self.related = saved.analysed, saved.related
        self._entries, self._values = saved.entries, saved.values
        self._knowledge = knowledge

    def start(self, knowledge: Knowledge) -> None:
        """Begin a build; other data files than last time means nothing can be kept."""
        if knowledge is not self._knowledge:
            self._entries.clear()
            self.analysed.clear()
            self._values.clear()
            self.related = RelatedMemory()
        self._knowledge = knowledge
        self._next, self._next_values = {}, {}
        self.rendered = self.kept = 0

    def reuse(self, key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T:
        """What ``make()`` gives, or what it gave in the last build when ``inputs`` were the
        same (the first by identity or value, the rest by value). ``make`` must depend on
        nothing but ``inputs`` and the build's data files."""
        entry = self._values.get(key)
        value = entry[1] if entry is not None and _same(entry[0], inputs) else make()
        self._next_values[key] = (inputs, value)
        return value

    def keeps(self, key: Hashable, inputs: tuple[Any, ...], docs_dir: Path) -> bool:
        """Whether :meth:`pages` would keep the pages of ``key``: the same inputs made them
        last time, and their files are untouched."""
        entry = self._entries.get(key)
        return entry is not None and _same(entry.inputs, inputs) and _untouched(entry, docs_dir)

    def pages(
        self,
        key: Hashable,
        inputs: tuple[Any, ...],
        render: Callable[[], Iterable[Page]],
        docs_dir: Path,
    ) -> Iterator[Page | KeptPage]:
        """The pages ``render`` makes from ``inputs``, or markers for them when the same
        inputs made them last time and their files are untouched."""
        entry = self._entries.get(key)
        if entry is not None and self.keeps(key, inputs, docs_dir):
            self._next[key] = entry
            self.kept += len(entry.paths)
            yield from (KeptPage(path) for path in entry.paths)
            return
        pages = list(render())
        self.rendered += len(pages)
        self._next[key] = _Entry(inputs, tuple(page.path for page in pages))
        yield from pages

    def finish(self, docs_dir: Path) -> None:
        """End a build whose pages are written: remember each file's size and time."""
        finished = {}
        for key, entry in self._next.items():
            if not entry.stats:
                try:
                    stats = tuple(_stat(docs_dir / path) for path in entry.paths)
                except OSError:
                    continue
                entry = _Entry(entry.inputs, entry.paths, stats)
            finished[key] = entry
        self._entries, self._next = finished, {}
        # Values not asked for in this build belong to briefs and lists that are gone.
        self._values, self._next_values = self._next_values, {}


def _same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    # The first input is the analysed source or the entity: the same object when unchanged
    # (analysed sources come from memory), else compared by value.
    return (old[0] is new[0] or old[0] == new[0]) and old[1:] == new[1:]


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _untouched(entry: _Entry, docs_dir: Path) -> bool:
    if not entry.stats:
        return False
    try:
        return all(
            _stat(docs_dir / path) == stat
            for path, stat in zip(entry.paths, entry.stats, strict=True)
        )
    except OSError:
        return False
