"""Builder configuration: where sources, data and generated pages live.

A :class:`BuildConfig` is made by :func:`config_for_project` from a project's settings: the
MkDocs plugin's options in ``mkdocs.yml`` (``builder.plugin.config``, which the CLI uses too),
or the conventional layout (tests and tools).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from builder.datafiles import PACKAGE_DATA
from builder.errors import ConfigError

PACKAGE_DIR = Path(__file__).parent
"""The installed ``builder`` package."""
SCHEMA_DIR = PACKAGE_DIR / "schema"
"""The JSON Schemas of the published data (brief record, entity, index)."""
TEMPLATES_DIR = PACKAGE_DIR / "templates"
"""Stylesheets of generated documents (the PDFs' ``pdf.css``)."""

GENERATED_DIRS = (
    "briefs",
    "people",
    "organizations",
    "countries",
    "topics",
    "timeline",
    "sources",
    "quotes",
    "terms",
)
"""Folders under ``docs/`` that the builder owns entirely; nothing else in ``docs/`` is written."""


BRIEFS_DIR = "briefs"
"""The article sources, relative to the project."""
DATA_DIR = "data"
"""The project's own data files (extending the package's), relative to the project."""
CACHE_DIR = ".cache/briefing/extract"
"""The extraction cache, relative to the project (``.cache/`` is ignored by git)."""
FIRST_SEEN_FILE = "first-seen.json"
"""The first-seen record (``builder.read.history``), next to the extraction cache's folder."""


@dataclass(frozen=True)
class BuildConfig:
    """Paths and options for one build."""

    briefs_dir: Path
    """Folder of article sources (``*.txt``, ``*.md``) and optional sidecars (``*.yaml``)."""
    docs_dir: Path
    """MkDocs ``docs_dir``; generated pages go into :data:`GENERATED_DIRS` below it."""
    data_dirs: tuple[Path, ...] = field(default=(PACKAGE_DATA,))
    """Folders searched for data files; a later folder's entries extend earlier ones."""
    languages: tuple[str, ...] = ("ar", "en")
    """Page languages; the first is the default language served at ``/``."""
    site_url: str = ""
    """Where the site is published (MkDocs ``site_url``); feeds use absolute links when set."""
    cache_dir: Path | None = None
    """Where extraction results are kept between builds (see ``builder.runtime.analyse``); None: no
    cache."""
    workers: int = 1
    """Processes extracting sources at once; 1 extracts in this process."""
    first_seen: Path | None = None
    """The record of when each source not in git was first seen (``builder.read.history``:
    an undated brief's place in the feeds); None: the file's modification time stands in."""

    def __post_init__(self) -> None:
        if self.briefs_dir.resolve() == self.docs_dir.resolve():
            raise ConfigError("briefs_dir and docs_dir must be different folders")
        for owned in GENERATED_DIRS:
            target = (self.docs_dir / owned).resolve()
            if self.briefs_dir.resolve() == target or target in self.briefs_dir.resolve().parents:
                raise ConfigError(
                    f"briefs_dir {self.briefs_dir} is inside the generated folder {target}"
                )


def config_for_project(
    root: Path,
    *,
    briefs_dir: str | Path = BRIEFS_DIR,
    docs_dir: str | Path = "docs",
    data_dir: str | Path = DATA_DIR,
    cache_dir: str | Path | None = CACHE_DIR,
    site_url: str = "",
    workers: int = 0,
) -> BuildConfig:
    """The configuration of the project in ``root`` (the folder of ``mkdocs.yml``), each
    folder relative to it unless absolute: the package's data extended by ``data_dir`` when
    that folder exists, no extraction cache when ``cache_dir`` is None or empty, one worker
    per CPU core when ``workers`` is 0, and the first-seen record beside the extraction
    cache's folder (in ``.cache/briefing/`` when the cache is off). The defaults are the
    conventional layout (``briefs/``, ``docs/``, ``data/``), which are also the plugin's
    (``builder.plugin.config``, the one place a configuration is made from ``mkdocs.yml``)."""
    data_dirs: list[Path] = [PACKAGE_DATA]
    user_data = root / data_dir
    if user_data.is_dir():
        data_dirs.append(user_data)
    return BuildConfig(
        briefs_dir=root / briefs_dir,
        docs_dir=root / docs_dir,
        data_dirs=tuple(data_dirs),
        site_url=site_url,
        cache_dir=root / cache_dir if cache_dir else None,
        workers=workers or os.cpu_count() or 1,
        first_seen=(root / (cache_dir or CACHE_DIR)).parent / FIRST_SEEN_FILE,
    )
