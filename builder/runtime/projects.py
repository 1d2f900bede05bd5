"""What a process keeps for each project it builds, from one build to the next.

``mkdocs serve`` loads the configuration again for every rebuild, and with it makes a new
instance of every plugin: whatever a plugin instance holds is gone at the next rebuild. What
must outlive it lives here, one :class:`ProjectState` per project for the life of the
process: the memory of the last build (a rebuild redoes only what changed,
``builder.runtime.incremental``) and, under ``serve``, the background workers of the search
index and the PDFs (one run at a time across rebuilds, ``builder.runtime.background``).
The plugin looks its project up in :data:`PROJECTS` when MkDocs hands it a configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from builder.config import BuildConfig
from builder.runtime.background import Background
from builder.runtime.incremental import BuildMemo

if TYPE_CHECKING:
    from builder.pdf.writer import PdfReport
    from builder.search.indexing import IndexReport


@dataclass
class ProjectState:
    """One project's builds in this process."""

    memo: BuildMemo = field(default_factory=BuildMemo)
    """Given to every build of the project (see ``builder.pipeline.build``)."""
    indexer: Background[IndexReport] | None = None
    """Indexes search after each rebuild once ``serve`` serves the site (the first build is
    indexed before it is served); None otherwise."""
    pdf_writer: Background[PdfReport] | None = None
    """Writes the PDFs under ``serve``, from its first build on: a new corpus's PDFs take
    minutes, and the site is served meanwhile; None outside ``serve``."""

    @property
    def served(self) -> bool:
        """Whether ``serve`` serves this project's site, so that a build is a rebuild."""
        return self.indexer is not None


class Projects:
    """The projects built in this process, each known by its briefs and docs folders."""

    def __init__(self) -> None:
        self._states: dict[tuple[Path, Path], ProjectState] = {}

    def state(self, config: BuildConfig) -> ProjectState:
        """The state of the project ``config`` builds, made at its first build."""
        key = (config.briefs_dir.resolve(), config.docs_dir.resolve())
        return self._states.setdefault(key, ProjectState())


PROJECTS = Projects()
"""This process's projects (see the module's docstring for why they outlive the plugin)."""
