"""``briefing build`` and ``mkdocs build`` publish what changed (``builder.runtime.publish``):
the MkDocs side.

For each language build, once the files and the navigation are known (the plugin's
``on_nav``), every page whose entry in the last site's manifest is unchanged is a candidate
to keep, except the pages of the navigation (their titles are in every page's menu) and the
home page (its generated sections are not in its Markdown): MkDocs neither reads nor renders
it. When every page has been read (``on_env``) the navigation's hash is compared with the last
one; if it changed the candidates are read after all and rendered, else their HTML is taken
from the last site. MkDocs 1.6 renders every page of a build that is not ``--dirty``: while
such a build runs, its page steps (``mkdocs.commands.build._populate_page`` and
``_build_page``) are wrapped to skip the kept pages, as its dirty mode skips unmodified ones;
the rest of the build (static files, sitemap, 404 page) is a full build's.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from builder.runtime.publish import (
    Manifest,
    PageEntry,
    digest,
    keep_files,
    link_targets,
    load_manifest,
    site_key,
    write_manifest,
)

log = get_plugin_logger(__name__)


def key_for(config: MkDocsConfig) -> str:
    """The site key of an MkDocs configuration (``runtime.publish.site_key``)."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    custom_dir = config.theme.custom_dir
    settings = {
        "site_url": config.site_url or "",
        "use_directory_urls": str(config.use_directory_urls),
    }
    return site_key(config_file, Path(custom_dir) if custom_dir else None, settings)


def _nav_digest(nav: Navigation) -> str:
    def item(entry: Any) -> Any:
        return {
            "kind": type(entry).__name__,
            "title": entry.title,
            "url": getattr(entry, "url", None),
            "meta": getattr(entry, "meta", None),
            "children": [item(child) for child in entry.children or ()],
        }

    homepage = nav.homepage.url if nav.homepage is not None else None
    tree = {"home": homepage, "items": [item(entry) for entry in nav.items]}
    return digest(json.dumps(tree, ensure_ascii=False, sort_keys=True, default=str))


class Publisher:
    """What one staged build keeps of the last site in ``site_dir`` while it writes the new
    one into ``staging``."""

    def __init__(self, site_dir: Path, staging: Path, key: str) -> None:
        self.site_dir = site_dir
        self.staging = staging
        self.key = key
        previous = load_manifest(site_dir)
        self.previous = previous if previous is not None and previous.key == key else None
        """The last site's manifest, when its pages can be kept."""
        self.pages: dict[str, PageEntry] = {}
        self.navigations: dict[str, str] = {}
        self._candidates: dict[str, str] = {}
        """Pages of the language build under way not read: destination -> output path."""
        self._nav: Navigation | None = None
        self._kept: set[str] = set()
        """Destinations (absolute) whose HTML comes from the last site."""
        self.kept = 0
        """Pages kept from the last site, all languages."""
        self.rendered = 0
        """Pages rendered, all languages."""

    def _output(self, destination: str) -> str:
        return Path(os.path.relpath(destination, self.staging)).as_posix()

    def choose(self, files: Files, nav: Navigation, config: MkDocsConfig) -> None:
        """Record each page's entry for the new manifest and pick the candidates to keep."""
        self._candidates, self._nav = {}, nav
        in_nav = {id(page.file) for page in nav.pages}
        resolved: dict[str, str | None] = {}

        def address(target: str) -> str | None:
            # Thousands of pages link to the same few entity pages, and looking a path up
            # in mkdocs-static-i18n's files tries each language's name for it.
            if target not in resolved:
                found = files.get_file_from_path(target)
                resolved[target] = found.url if found is not None else None
            return resolved[target]

        for file in files.documentation_pages():
            if file.abs_src_path is None:
                continue
            output = self._output(file.abs_dest_path)
            raw = Path(file.abs_src_path).read_bytes()
            links = tuple(
                (target, address(target))
                for target in link_targets(raw.decode("utf-8", "replace"), file.src_uri)
            )
            alternates = getattr(file, "alternates", None) or {}
            entry = PageEntry(
                source=file.src_uri,
                markdown=digest(raw),
                links=links,
                alternates=tuple(sorted((lang, alt.url) for lang, alt in alternates.items())),
            )
            self.pages[output] = entry
            old = self.previous.pages.get(output) if self.previous is not None else None
            if (
                old == entry
                and id(file) not in in_nav
                and file.src_uri not in ("index.md", "index.en.md")
                and (self.site_dir / output).is_file()
            ):
                self._candidates[file.abs_dest_path] = output

    def settle(self, config: MkDocsConfig, files: Files, language: str) -> None:
        """Once every other page is read: keep the candidates if the navigation is the last
        build's, else read them too (they are rendered)."""
        if self._nav is None:
            return
        navigation = _nav_digest(self._nav)
        self.navigations[language] = navigation
        old = self.previous.navigations.get(language) if self.previous is not None else None
        candidates, self._candidates = self._candidates, {}
        if candidates and navigation != old:
            for file in files.documentation_pages():
                if file.abs_dest_path in candidates and file.page is not None:
                    _ORIGINAL["populate"](file.page, config, files)
            candidates = {}
        keep_files(self.site_dir, self.staging, candidates.values())
        self._kept.update(candidates)
        self.kept += len(candidates)
        self._nav = None

    def reading(self, page: Any) -> bool:
        """Whether MkDocs should read the page (not a candidate to keep)."""
        return page.file.abs_dest_path not in self._candidates

    def rendering(self, page: Any) -> bool:
        """Whether MkDocs should render the page (its HTML not kept); counts the rendered."""
        if page.file.abs_dest_path in self._kept:
            return False
        self.rendered += 1
        return True

    def finish(self) -> None:
        """Write the new site's manifest (the site is complete) and say what was kept."""
        write_manifest(self.staging, Manifest(self.key, self.navigations, self.pages))
        log.info(f"publish: {self.rendered} pages rendered, {self.kept} kept from the last site")


_ORIGINAL: dict[str, Callable[..., Any]] = {
    "populate": mkdocs_build._populate_page,
    "build": mkdocs_build._build_page,
}


def install(publisher: Publisher) -> None:
    """Have MkDocs' page steps skip the pages ``publisher`` keeps (until :func:`uninstall`)."""

    def populate(page: Any, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        if publisher.reading(page):
            _ORIGINAL["populate"](page, config, *args, **kwargs)

    def build_page(page: Any, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        if publisher.rendering(page):
            _ORIGINAL["build"](page, config, *args, **kwargs)

    mkdocs_build._populate_page = populate
    mkdocs_build._build_page = build_page


def uninstall() -> None:
    """MkDocs' own page steps again."""
    mkdocs_build._populate_page = _ORIGINAL["populate"]
    mkdocs_build._build_page = _ORIGINAL["build"]
