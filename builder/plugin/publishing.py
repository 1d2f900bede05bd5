"""``briefing build`` and ``mkdocs build`` publish what changed (``builder.runtime.publish``)
and render in several processes (``builder.plugin.workers``): the MkDocs side.

For each language build, once the files and the navigation are known (the plugin's
``on_nav``), each page's entry for the manifest is recorded, and the pages are split in
two: the pages of the navigation and the home page, which MkDocs reads first as usual (their
titles are in every page's menu; the home page's generated sections are not in its
Markdown), and the others, of which a shard build takes its share. Among those, a page whose
entry in the last site's manifest is unchanged is a candidate to keep. When the navigation's
pages are read (``on_env``) its hash is compared with the last one: if it is the same, the
candidates' HTML is taken from the last site; the pages left are then shared out to the
rendering processes. Every page not read first is read only when it is rendered, so that one
page's HTML at a time is in memory.

MkDocs 1.6 reads every page, then renders every page, of a build that is not ``--dirty``:
while such a build runs, its page steps (``mkdocs.commands.build._populate_page`` and
``_build_page``) are wrapped to do as above, the way its dirty mode skips unmodified pages;
the rest of the build (static files, sitemap, 404 page) is a full build's.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils.meta import get_data

from builder.config import BuildConfig
from builder.plugin.workers import (
    WHOLE,
    Shard,
    Worker,
    can_fork,
    finish_worker,
    share_out,
    start_worker,
)
from builder.runtime.publish import (
    Manifest,
    PageEntry,
    SourceStamp,
    digest,
    keep_files,
    load_manifest,
    load_stamps,
    site_key,
    stamp_source,
    write_manifest,
    write_stamps,
)
from builder.runtime.shards import write_shard_mark

log = get_plugin_logger(__name__)

HOME_PAGES = ("index.md", "index.en.md")
"""The home page's Markdown in each language."""


STAMPS_FILE = "publish-stamps.json"
"""Where a build keeps its Markdown files' stamps, beside the extraction cache's folder."""


def stamps_path(build_config: BuildConfig | None) -> Path | None:
    """The stamps file of a project (None with the extraction cache turned off)."""
    if build_config is None or build_config.cache_dir is None:
        return None
    return build_config.cache_dir.parent / STAMPS_FILE


def _front_matter_title(path: str) -> str | None:
    """The ``title`` of a Markdown file's front matter, if it has one."""
    try:
        _, front = get_data(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    title = front.get("title")
    return str(title) if title else None


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
    one into ``staging``, and which pages this process renders (``builder.plugin.workers``)."""

    def __init__(
        self,
        site_dir: Path,
        staging: Path,
        key: str,
        *,
        shard: Shard = WHOLE,
        jobs: int = 1,
        stamps_path: Path | None = None,
    ) -> None:
        self.site_dir = site_dir
        self.staging = staging
        self.key = key
        self.shard = shard
        """The part of the pages this build renders (all of them by default)."""
        self.jobs = jobs if can_fork() else 1
        """Processes rendering each language's pages."""
        previous = load_manifest(site_dir)
        self.previous = previous if previous is not None and previous.key == key else None
        """The last site's manifest, when its pages can be kept."""
        self.pages: dict[str, PageEntry] = {}
        self.navigations: dict[str, str] = {}
        self._files: Files | None = None
        self._nav: Navigation | None = None
        self._read_first: set[str] = set()
        """Pages MkDocs reads before any is rendered (the navigation and the home page)."""
        self._mine: set[str] = set()
        """Pages of this build's shard, the navigation's included."""
        self._candidates: dict[str, str] = {}
        """Pages whose last HTML may be kept: destination -> output path."""
        self._kept: set[str] = set()
        """Destinations (absolute) whose HTML comes from the last site."""
        self._elsewhere: set[str] = set()
        """Destinations another process renders."""
        self._read: set[str] = set()
        """Destinations read (converted) in this process."""
        self._workers: list[Worker] = []
        self._titles_to_read: list[Any] = []
        """Pages of the navigation that may be kept: only their front matter is read."""
        self._navigation: set[str] = set()
        """The pages of the navigation and the home page."""
        self._stamps_path = stamps_path
        self._last_stamps = load_stamps(stamps_path) if stamps_path is not None else {}
        self._stamps: dict[str, SourceStamp] = {}
        """Each Markdown file's stamp, for the next build (``runtime.publish.SourceStamp``)."""
        self.kept = 0
        """Pages kept from the last site, all languages."""
        self.rendered = 0
        """Pages rendered, all languages and processes."""

    def _output(self, destination: str) -> str:
        return Path(os.path.relpath(destination, self.staging)).as_posix()

    def output_of(self, page: Any) -> str:
        """Where ``page`` is written, as a path in the site."""
        return self._output(page.file.abs_dest_path)

    def kept_outputs(self) -> list[str]:
        """The pages kept from the last site, as paths in the site."""
        return sorted(self._output(destination) for destination in self._kept)

    def choose(self, files: Files, nav: Navigation, config: MkDocsConfig) -> None:
        """Record each page's entry for the new manifest, pick this shard's pages and the
        candidates to keep among them."""
        self._files, self._nav = files, nav
        self._candidates, self._read_first, self._mine = {}, set(), set()
        self._titles_to_read = []
        self._navigation = set()
        in_nav = {id(page.file) for page in nav.pages}
        resolved: dict[str, str | None] = {}

        def address(target: str) -> str | None:
            # Thousands of pages link to the same few entity pages, and looking a path up
            # in mkdocs-static-i18n's files tries each language's name for it.
            if target not in resolved:
                found = files.get_file_from_path(target)
                resolved[target] = found.url if found is not None else None
            return resolved[target]

        shared: list[tuple[str, str, PageEntry, int]] = []
        for file in files.documentation_pages():
            if file.abs_src_path is None:
                continue
            output = self._output(file.abs_dest_path)
            stamp = stamp_source(
                Path(file.abs_src_path), file.src_uri, self._last_stamps.get(file.abs_src_path)
            )
            self._stamps[file.abs_src_path] = stamp
            alternates = getattr(file, "alternates", None) or {}
            entry = PageEntry(
                source=file.src_uri,
                markdown=stamp.markdown,
                links=tuple((target, address(target)) for target in stamp.targets),
                alternates=tuple(sorted((lang, alt.url) for lang, alt in alternates.items())),
            )
            self.pages[output] = entry
            if id(file) not in in_nav and file.src_uri not in HOME_PAGES:
                shared.append((file.abs_dest_path, output, entry, stamp.size))
                continue
            self._navigation.add(file.abs_dest_path)
            # Every shard renders the navigation. A page of it can be kept when its menu
            # title is in its front matter (read without rendering the page); the home
            # page's generated sections are not in its Markdown.
            self._mine.add(file.abs_dest_path)
            if (
                file.src_uri not in HOME_PAGES
                and self._unchanged(output, entry)
                and _front_matter_title(file.abs_src_path) is not None
            ):
                self._candidates[file.abs_dest_path] = output
                self._titles_to_read.append(file.page)
            else:
                self._read_first.add(file.abs_dest_path)
        owners = share_out([size for *_, size in shared], self.shard.count)
        for (destination, output, entry, _), owner in zip(shared, owners, strict=True):
            if owner != self.shard.number - 1:
                continue
            self._mine.add(destination)
            if self._unchanged(output, entry):
                self._candidates[destination] = output

    def _unchanged(self, output: str, entry: PageEntry) -> bool:
        old = self.previous.pages.get(output) if self.previous is not None else None
        return old == entry and (self.site_dir / output).is_file()

    def settle(self, config: MkDocsConfig, language: str) -> None:
        """Once the navigation's pages are read: keep the candidates if the navigation is
        the last build's (else they are rendered)."""
        if self._nav is None:
            return
        for page in self._titles_to_read:
            if page is not None:
                page.read_source(config)  # its title in the menus of the pages rendered
        navigation = _nav_digest(self._nav)
        self.navigations[language] = navigation
        old = self.previous.navigations.get(language) if self.previous is not None else None
        candidates, self._candidates = self._candidates, {}
        if navigation != old:
            candidates = {}
        keep_files(self.site_dir, self.staging, candidates.values())
        self._kept.update(candidates)
        self.kept += len(candidates)

    def start_workers(self, config: MkDocsConfig, env: Any, language: str) -> None:
        """Share the pages left to render out to ``jobs`` processes (this one among them)."""
        if self.jobs <= 1 or self._files is None or self._nav is None:
            return
        files, nav = self._files, self._nav
        doc_files = files.documentation_pages()
        left = [
            file
            for file in doc_files
            if file.abs_dest_path in self._mine
            and file.abs_dest_path not in self._kept
            and file.abs_dest_path not in self._read_first
        ]
        # Stamped when the pages were chosen: no second stat per page.
        sizes = [self._stamps[file.abs_src_path or ""].size for file in left]
        owners = share_out(sizes, self.jobs)
        for part in range(1, self.jobs):
            share = [file for file, owner in zip(left, owners, strict=True) if owner == part]
            if not share:
                continue
            render = partial(_render_share, share, config, files, doc_files, nav, env)
            label = f"{len(share)} {language} pages (process {part + 1} of {self.jobs})"
            self._workers.append(start_worker(render, label))
            self._elsewhere.update(file.abs_dest_path for file in share)

    def wait(self) -> None:
        """Wait for the rendering processes; their warnings count as this build's."""
        workers, self._workers = self._workers, []
        for worker in workers:
            report = finish_worker(worker)
            self.rendered += report.rendered
            if report.warnings:
                log.warning(f"{report.warnings} warnings rendering {worker.label} (shown above)")

    def stop(self) -> None:
        """End the rendering processes of a failed build."""
        workers, self._workers = self._workers, []
        for worker in workers:
            try:
                os.kill(worker.pid, signal.SIGTERM)
                os.waitpid(worker.pid, 0)
            except OSError:
                pass
            os.close(worker.report_fd)

    def in_navigation(self, page: Any) -> bool:
        """Whether ``page`` is the home page or in the navigation (its title in the menus)."""
        return page.file.abs_dest_path in self._navigation

    def reading(self, page: Any) -> bool:
        """Whether MkDocs should read the page before rendering any (navigation, home)."""
        return page.file.abs_dest_path in self._read_first

    def rendering(self, page: Any) -> bool:
        """Whether this process renders the page (of its shard, not kept, not another
        process's); counts the rendered."""
        destination = page.file.abs_dest_path
        if (
            destination not in self._mine
            or destination in self._kept
            or destination in self._elsewhere
        ):
            return False
        self.rendered += 1
        return True

    def read_now(self, page: Any, config: MkDocsConfig) -> None:
        """Read a page about to be rendered that was not read with the navigation: pages
        are read one at a time, so only one page's HTML is in memory at once."""
        if page.file.abs_dest_path not in self._read and self._files is not None:
            self._read.add(page.file.abs_dest_path)
            _ORIGINAL["populate"](page, config, self._files)

    def mark_read(self, page: Any) -> None:
        """Note that MkDocs read ``page``."""
        self._read.add(page.file.abs_dest_path)

    def finish(self) -> None:
        """Write the new site's manifest (the site is complete) and say what was kept."""
        write_manifest(self.staging, Manifest(self.key, self.navigations, self.pages))
        if self._stamps_path is not None:
            write_stamps(self._stamps_path, self._stamps)
        if self.shard != WHOLE:
            write_shard_mark(self.staging, self.key, str(self.shard))
        log.info(f"publish: {self.rendered} pages rendered, {self.kept} kept from the last site")


def _render_share(
    share: list[Any],
    config: MkDocsConfig,
    files: Files,
    doc_files: Sequence[Any],
    nav: Navigation,
    env: Any,
) -> int:
    """Read and render ``share`` (a forked process's part of the pages), then check their
    anchors as MkDocs does after its loop."""
    for file in share:
        _ORIGINAL["populate"](file.page, config, files)
        _ORIGINAL["build"](
            file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded()
        )
    level = config.validation.links.anchors
    for file in share:
        file.page.validate_anchor_links(files=files, log_level=level)
    return len(share)


_ORIGINAL: dict[str, Callable[..., Any]] = {
    "populate": mkdocs_build._populate_page,
    "build": mkdocs_build._build_page,
}


def install(publisher: Publisher) -> None:
    """Have MkDocs' page steps read and render only what ``publisher`` says (until
    :func:`uninstall`)."""

    def populate(page: Any, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        if publisher.reading(page):
            publisher.mark_read(page)
            _ORIGINAL["populate"](page, config, *args, **kwargs)

    def build_page(page: Any, config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
        if publisher.rendering(page):
            publisher.read_now(page, config)
            _ORIGINAL["build"](page, config, *args, **kwargs)

    mkdocs_build._populate_page = populate
    mkdocs_build._build_page = build_page


def uninstall() -> None:
    """MkDocs' own page steps again."""
    mkdocs_build._populate_page = _ORIGINAL["populate"]
    mkdocs_build._build_page = _ORIGINAL["build"]
