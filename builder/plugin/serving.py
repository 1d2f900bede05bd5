"""What the plugin does under ``mkdocs serve`` only: watch the inputs that are not in
``docs/``, and have a dirty rebuild render the home page again.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from builder.config import BuildConfig
from builder.plugin.config import page_language


def watch_inputs(server: Any, build_config: BuildConfig) -> None:
    """Rebuild when a brief or a data file of the project changes (the package's own data
    files are not watched)."""
    for folder in (build_config.briefs_dir, *build_config.data_dirs[1:]):
        if folder.is_dir():
            server.watch(str(folder))


def date_back_home_page(files: Files, config: MkDocsConfig) -> None:
    """``serve --dirty`` renders again only pages whose Markdown is newer than their HTML, and
    the home page's generated sections are not in its Markdown: its HTML is dated back so
    that it is rendered again. (Each language build holds both home files, the other one
    pointing at the outer site folder.)"""
    home = files.get_file_from_path("index.md" if page_language(config) == "ar" else "index.en.md")
    if home is not None and os.path.isfile(home.abs_dest_path):
        os.utime(home.abs_dest_path, (0, 0))
