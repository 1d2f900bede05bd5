"""How a command finds its project: the ``mkdocs.yml`` given by ``-f``, the briefing plugin
in it, and the :class:`~builder.config.BuildConfig` the plugin builds with
(``builder.plugin.config.build_config_for``, the one conversion), so that every command
reads the same briefs with the same data, cache and workers as ``briefing build``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.config import BRIEFS_DIR, BuildConfig
from builder.errors import BriefingError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from builder.plugin.plugin import BriefingPlugin


def load_mkdocs(config_file: str, **overrides: Any) -> MkDocsConfig:
    """MkDocs' configuration from ``config_file``, with ``overrides`` of its settings."""
    from mkdocs.config import load_config

    return load_config(config_file=config_file, **overrides)


@dataclass(frozen=True)
class Project:
    """A project as the briefing plugin sees it."""

    mkdocs: MkDocsConfig
    plugin: BriefingPlugin
    """The plugin, its options in ``plugin.config``."""
    build_config: BuildConfig


def load_project(config_file: str, **overrides: Any) -> Project:
    """The project of ``config_file``; a :class:`BriefingError` when the briefing plugin is
    not enabled in it."""
    from builder.plugin.config import build_config_for
    from builder.plugin.plugin import BriefingPlugin

    config = load_mkdocs(config_file, **overrides)
    plugin = config.plugins.get("briefing")
    if not isinstance(plugin, BriefingPlugin):
        raise BriefingError(f"{config_file}: the 'briefing' plugin is not enabled under plugins")
    return Project(config, plugin, build_config_for(config, plugin.config))


def build_config_or_default(config_file: str) -> BuildConfig:
    """The project's configuration; without a ``config_file`` (a command run on files
    outside any project), the package's data only, no cache and one process."""
    if not Path(config_file).is_file():
        return BuildConfig(briefs_dir=Path(BRIEFS_DIR), docs_dir=Path("docs"))
    return load_project(config_file).build_config
