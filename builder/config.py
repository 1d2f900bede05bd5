"""Builder configuration: where sources, data and generated pages live.

The same :class:`BuildConfig` is made by the CLI (from ``mkdocs.yml`` and flags) and by the
MkDocs plugin (from its ``plugins: - briefing:`` options), so both run the same ``build()``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import ConfigError

PACKAGE_DIR = Path(__file__).parent
"""The installed ``builder`` package."""
PACKAGE_DATA = PACKAGE_DIR / "data"
"""The data files shipped with the package (gazetteer, topics ...; ``data/README.md``)."""
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


CACHE_DIR = ".cache/briefing/extract"
"""The extraction cache, relative to the project (``.cache/`` is ignored by git)."""


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

    def __post_init__(self) -> None:
        if self.briefs_dir.resolve() == self.docs_dir.resolve():
            raise ConfigError("briefs_dir and docs_dir must be different folders")
        for owned in GENERATED_DIRS:
            target = (self.docs_dir / owned).resolve()
            if self.briefs_dir.resolve() == target or target in self.briefs_dir.resolve().parents:
                raise ConfigError(
                    f"briefs_dir {self.briefs_dir} is inside the generated folder {target}"
                )


def config_for_project(root: Path, *, extra_data: Path | None = None) -> BuildConfig:
    """The conventional layout: ``briefs/``, ``docs/``, and ``data/`` for user data if present."""
    data_dirs: list[Path] = [PACKAGE_DATA]
    user_data = extra_data if extra_data is not None else root / "data"
    if user_data.is_dir():
        data_dirs.append(user_data)
    return BuildConfig(
        briefs_dir=root / "briefs",
        docs_dir=root / "docs",
        data_dirs=tuple(data_dirs),
        cache_dir=root / CACHE_DIR,
        workers=os.cpu_count() or 1,
    )
