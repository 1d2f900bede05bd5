"""The plugin's options (``plugins: - briefing:`` in ``mkdocs.yml``) and the one conversion of
an MkDocs configuration into the builder's :class:`~builder.config.BuildConfig`.

The plugin and every ``briefing`` command that reads a project get their configuration from
:func:`build_config_for`, so they build, check and print the same briefs with the same data.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from builder.config import BRIEFS_DIR, CACHE_DIR, DATA_DIR, BuildConfig, config_for_project
from builder.pdf.writer import PAPER_SIZES
from builder.render.markup import Lang


class BriefingPluginConfig(base.Config):
    """``plugins: - briefing:`` options in ``mkdocs.yml``."""

    briefs_dir = c.Type(str, default=BRIEFS_DIR)
    """Folder of article sources, relative to ``mkdocs.yml``."""
    data_dir = c.Type(str, default=DATA_DIR)
    """Folder of user data files (gazetteer, topics ...), relative to ``mkdocs.yml``;
    entries there extend the package's own. Optional: ignored when missing."""
    cache_dir = c.Optional(c.Type(str))
    """Where extraction results are kept between builds, relative to ``mkdocs.yml``
    (default ``.cache/briefing/extract``); an empty string turns the cache off."""
    workers = c.Type(int, default=0)
    """Processes extracting sources at once; 0 means one per CPU core."""
    jobs = c.Type(int, default=0)
    """Processes rendering pages at once in ``build``; 0 means one per CPU core
    (``builder.plugin.workers``). ``serve`` renders in one."""
    shard = c.Optional(c.Type(str))
    """``K/N``: build only the K-th of N shards of the pages (and everything else but the
    search index), to be merged with the others by ``briefing merge``; unset: the whole site."""
    pdf = c.Type(bool, default=True)
    """Write a PDF of every brief in both languages into the site's ``pdf/`` folder, and
    link each brief page to its PDF (``builder.pdf.writer``); rebuilt only when a brief changed."""
    pdf_paper = c.Choice(tuple(PAPER_SIZES), default="a4")
    """Paper size of the PDFs: ``a4`` or ``letter``."""


def build_config_for(config: MkDocsConfig, options: BriefingPluginConfig) -> BuildConfig:
    """The builder configuration for an MkDocs configuration and the plugin's options in it;
    folders are relative to ``mkdocs.yml`` (to the working folder without one)."""
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return config_for_project(
        root,
        briefs_dir=options.briefs_dir,
        docs_dir=config.docs_dir,
        data_dir=options.data_dir,
        cache_dir=CACHE_DIR if options.cache_dir is None else options.cache_dir,
        site_url=config.site_url or "",
        workers=options.workers,
    )


def page_language(config: MkDocsConfig) -> Lang:
    """The language of the build under way (mkdocs-static-i18n sets the theme language)."""
    return "ar" if str(config.theme["language"]).startswith("ar") else "en"
