"""The MkDocs plugin: runs ``build()`` inside ``mkdocs build`` and ``mkdocs serve``.

A thin adapter: each event handler hands its work to the builder. Before MkDocs collects
files it builds the briefs into ``docs/``; problems with a brief are logged as warnings
naming the file and field (``--strict`` turns them into a failure,
``builder.plugin.reports``), and the other briefs still build, so ``mkdocs serve`` stays up.
``serve`` also watches the briefs and data folders (``builder.plugin.serving``). The site's
fonts are added from their PyPI packages. After the last language is built, the post-build
steps run (``builder.post_build``): the data exports, the search index and the PDFs. Under
``mkdocs serve`` the PDFs, and the index of every rebuild after the first, are made in the
background, so the page reloads first.

mkdocs-static-i18n runs a second full build for English inside the first one; the builder
result is reused when no source or data file changed since the last run. ``serve`` makes a
new plugin for every rebuild: what must outlive it is the project's state in
``builder.runtime.projects``.
"""

from __future__ import annotations

import gc
import os
import posixpath
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents

from builder.config import BuildConfig
from builder.errors import BriefingError
from builder.index.home import HOME_MARKER
from builder.links import PDF_DIR
from builder.model import BuildResult
from builder.pipeline import Progress
from builder.plugin.building import inputs_fingerprint, place_exports, run_builder, with_briefs
from builder.plugin.config import BriefingPluginConfig, build_config_for, page_language
from builder.plugin.publishing import Publisher, install, key_for, stamps_path, uninstall
from builder.plugin.reports import log_index, log_pdfs, log_problems
from builder.plugin.serving import date_back_home_page, watch_inputs
from builder.plugin.staging import StagedSite
from builder.plugin.timings import StepTimes
from builder.plugin.workers import WHOLE, default_jobs, parse_shard
from builder.post_build import index_search, site_pdfs, start_search_index
from builder.render.brief import without_record
from builder.render.labels import label
from builder.runtime.background import Background
from builder.runtime.detached import Detached
from builder.runtime.projects import PROJECTS, ProjectState
from builder.runtime.publish import forget_manifest
from builder.search.copies import FOLDER as SEARCH_COPIES
from builder.search.copies import SearchCopies, write_copy
from builder.search.indexing import Indexing
from builder.search.pagefind import SEARCH_BUNDLE, ui_context
from builder.theme.fixes import fix_theme_html
from builder.theme.fonts import font_files

log = get_plugin_logger(__name__)


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Builds the briefing pages before MkDocs reads ``docs/``."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        """Set by the CLI to show a progress bar; None inside plain ``mkdocs``."""
        self.pdf_progress: Any = None
        """The same for the PDFs."""
        self.result: BuildResult | None = None
        self._detached: Detached | None = None
        """The last result when the builder ran in a process of its own (``runtime.detached``):
        its counts, and where its exports and the PDFs' briefs are."""
        self.project: ProjectState | None = None
        """What this process keeps of the project between builds (``runtime.projects``)."""
        self._build_config: BuildConfig | None = None
        self._fingerprint: tuple[Any, ...] | None = None
        self._depth = 0
        """Builds under way: mkdocs-static-i18n runs the English build inside the Arabic one."""
        self._site_root: Path | None = None
        """The outermost build's site folder, where the search bundle goes."""
        self._command: str | None = None
        """The MkDocs command (``build``, ``serve``, ``gh-deploy``), when MkDocs says it."""
        self._serving = False
        """Whether this process is ``mkdocs serve`` (MkDocs keeps the plugin between its
        builds)."""
        self._staging: StagedSite | None = None
        """The site of a ``build`` while it is written beside the last good one."""
        self._not_found: str | None = None
        """The default language's 404 page, written over the other builds' (see
        :meth:`on_post_template`)."""
        self._publisher: Publisher | None = None
        """What a staged build keeps of the last site (``builder.plugin.publishing``)."""
        self._copies: SearchCopies | None = None
        """The pages' search copies, which Pagefind reads (``builder.search.copies``)."""
        self.published: tuple[int, int] | None = None
        """Pages rendered and pages kept from the last site by the last staged build."""
        self.timings = StepTimes()
        """Seconds spent in the builder, the search indexer and the PDFs during the last build
        (read by ``briefing bench``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = None if dirty else command
        self._serving = command == "serve"
        # MkDocs keeps plugin instances for the life of the process: a build that another
        # caller began and never ended (no post-build or error event) must not count here,
        # nor lend this one its staged site, its pages or its search copies.
        self._depth, self._site_root = 0, None
        self._abandon_build()

    def _abandon_build(self) -> None:
        """Throw away what a build left unfinished: its rendering processes, its staged
        site (the last good one stays) and its search copies (unsealed, so remade)."""
        self._copies = None
        if self._publisher is not None:
            self._publisher.stop()
            self._publisher = None
            uninstall()
        if self._staging is not None:
            staging, self._staging = self._staging, None
            staging.end(publish=False)

    @event_priority(100)  # before any other plugin reads site_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self._build_config = build_config_for(config, self.config)
        except BriefingError as error:
            raise PluginError(str(error)) from error
        self.project = PROJECTS.state(self._build_config)
        if self._serving and self.project.pdf_writer is None:
            self.project.pdf_writer = Background("pdf", log_pdfs)
        if self._command in ("build", "gh-deploy") and self._staging is None:
            self._staging = StagedSite(config)
            try:
                option = self.config.shard
                shard = parse_shard(option, "briefing: shard") if option else WHOLE
            except BriefingError as error:
                raise PluginError(str(error)) from error
            self._publisher = Publisher(
                self._staging.site_dir,
                self._staging.staging,
                key_for(config),
                shard=shard,
                jobs=self.config.jobs or default_jobs(),
                stamps_path=stamps_path(self._build_config),
            )
            install(self._publisher)
            if shard == WHOLE and self._build_config.cache_dir is not None:
                self._copies = SearchCopies(
                    self._build_config.cache_dir.parent / SEARCH_COPIES, self._staging.site_dir
                )
        elif self._staging is None:
            # A dirty build writes into the site itself: its pages no longer match a manifest.
            forget_manifest(Path(config.site_dir))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self._build_config is not None
        if self._depth == 0:
            self._site_root = Path(config.site_dir)
            self.timings = StepTimes()
        self._depth += 1
        with self.timings.measure("builder"):
            self._build_if_changed(self._build_config)
        if self._depth == 1 and self.result is not None:
            # Every build reports its problems, also one that reuses the last result
            # (MkDocs keeps plugin instances between builds of one process): --strict
            # counts them.
            log_problems(self.result)

    def _build_if_changed(self, build_config: BuildConfig) -> None:
        """Run the builder unless no source or data file changed since the last run (the
        English build inside the Arabic one reuses the result)."""
        fingerprint = inputs_fingerprint(build_config)
        if fingerprint == self._fingerprint and self.result is not None:
            return
        assert self.project is not None
        self._forget_result()
        try:
            self.result, self._detached = run_builder(
                build_config,
                self.project,
                progress=self.progress,
                serving=self._serving,
                pdf=self.config.pdf,
            )
        except BriefingError as error:
            raise PluginError(str(error)) from error
        self._fingerprint = fingerprint

    def _forget_result(self) -> None:
        """Let the last result go (a failed build must not leave it to be reused)."""
        if self._detached is not None:
            self._detached.discard()
        self.result = self._detached = self._fingerprint = None

    def on_page_read_source(self, page: Any, config: MkDocsConfig) -> str | None:
        # Brief pages are read without their record (see render.without_record).
        if not page.file.src_uri.startswith("briefs/") or page.file.abs_src_path is None:
            return None
        try:
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        except OSError:
            return None  # MkDocs reads it and reports the error itself
        return without_record(text)

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str:
        # The hand-written home page gets the generated sections where it asks for them.
        home = page.file.src_uri in ("index.md", "index.en.md")
        if home and HOME_MARKER in markdown and self.result is not None:
            sections = dict(self.result.home).get(page_language(config), "")
            markdown = markdown.replace(HOME_MARKER, sections, 1)
        return markdown

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        # MkDocs keeps every page until the build ends (and mkdocs-static-i18n builds English
        # inside the Arabic build): once written, a page's HTML and Markdown are not needed,
        # and at 10,000 briefs they were gigabytes.
        page.content = ""
        page.markdown = ""
        if self._publisher is not None and not self._publisher.in_navigation(page):
            # Nor are its front matter and table of contents, unless the menus show it.
            page.meta = {}
            page.toc = TableOfContents([])
        output = fix_theme_html(output)
        if self._copies is not None and self._publisher is not None:
            write_copy(self._copies.folder, self._publisher.output_of(page), output)
        return output

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "404.html":
            # Served at the depth of whatever path was missing: search from the site's root.
            root = urlsplit(config.site_url or "/").path or "/"
            context["briefing_search"] = ui_context(
                page_language(config), f"{root}{SEARCH_BUNDLE}/", root
            )
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is a theme template, not a page.
        if not template_name.endswith(".html"):
            return output
        output = fix_theme_html(output)
        if template_name == "404.html" and self._depth == 1:
            # Every language build writes the one /404.html, the last (English) one last; the
            # site is Arabic first, so the outermost (default language) build's is kept.
            self._not_found = output
        return output

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has made the language's files
    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        if self._publisher is not None:
            self._publisher.choose(files, nav, config)
        return nav

    @event_priority(-200)  # after every other plugin has set the environment up
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # The navigation's pages are read, their titles known: what is kept is settled, and
        # the other pages can be rendered in several processes.
        if self._publisher is not None:
            language = page_language(config)
            self._publisher.settle(config, language)
            self._publisher.start_workers(config, env, language)
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for destination, source in font_files():
            files.append(File.generated(config, destination, abs_src_path=str(source)))
        if self.project is not None and self.project.served:
            date_back_home_page(files, config)
        return files

    # MkDocs types the context as TemplateContext, a TypedDict closed to the keys added here.
    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        # mkdocs-static-i18n builds English into site/en: the search bundle is at the root.
        site_root = self._site_root or Path(config.site_dir)
        up = os.path.relpath(site_root, config.site_dir).replace(os.sep, "/")
        root = posixpath.normpath(posixpath.join(context.get("base_url") or ".", up))
        lang = page_language(config)
        context["briefing_search"] = ui_context(lang, f"{root}/{SEARCH_BUNDLE}/", f"{root}/")
        context["briefing_pdf_root"] = f"{root}/{PDF_DIR}/" if self.config.pdf else None
        context["briefing_pdf_label"] = label("pdf_link", lang)
        return context

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._depth -= 1
        if self._depth > 0 or self._site_root is None:
            return  # a nested language build: index once, when every language is written
        site_root, self._site_root = self._site_root, None
        if self._publisher is not None:
            try:
                self._publisher.wait()
            except BriefingError as error:
                raise PluginError(str(error)) from error
        if self._not_found is not None:
            (site_root / "404.html").write_text(self._not_found, encoding="utf-8")
            self._not_found = None
        shard = self._publisher.shard if self._publisher is not None else WHOLE
        # Pagefind's first run (the largest) runs on the other cores while the exports and
        # PDFs are written; the next one when the index is asked for.
        indexing = self._start_index(site_root) if shard == WHOLE else None
        try:
            if self.result is not None:
                place_exports(self.result, self._detached, site_root)
            if self.config.pdf and self.result is not None:
                self._write_pdfs(with_briefs(self.result, self._detached), site_root)
        except BaseException:
            if indexing is not None:
                indexing.stop()
            raise
        if indexing is not None:
            self._finish_index(indexing)
        pages = list(self._publisher.pages) if self._publisher is not None else []
        self._finish_publishing()
        if self._copies is not None and self._staging is not None:
            copies, self._copies = self._copies, None
            copies.seal(self._staging.staging, pages)
        if self._staging is not None:
            staging, self._staging = self._staging, None
            staging.finish(config)
        if self._detached is not None:
            # Its exports and PDFs' input are in the site now: the next build runs the
            # builder again (from its saved memo) rather than keep them.
            self._forget_result()

    def _finish_publishing(self) -> None:
        """Write the new site's manifest; MkDocs renders every page again."""
        if self._publisher is not None:
            publisher, self._publisher = self._publisher, None
            uninstall()
            publisher.finish()
            self.published = (publisher.rendered, publisher.kept)

    def _start_index(self, site_root: Path) -> Indexing | None:
        """Start indexing the built site, from the pages' search copies when there are
        some; under ``serve``, a rebuild's index is made in the background (None)."""
        assert self.project is not None
        if self.project.indexer is not None:
            # A rebuild under `mkdocs serve`: the page reloads now, search follows.
            self.project.indexer.request(partial(index_search, site_root))
            log.info("search: indexing in the background")
            return None
        pages_dir = None
        if self._copies is not None and self._publisher is not None:
            self._copies.complete(site_root, self._publisher.kept_outputs(), self._publisher.pages)
            pages_dir = self._copies.folder
        with self.timings.measure("search"):
            try:
                return start_search_index(site_root, pages_dir)
            except BriefingError as error:
                raise PluginError(str(error)) from error

    def _finish_index(self, indexing: Indexing) -> None:
        """Wait for Pagefind and say what it indexed."""
        with self.timings.measure("search"):
            try:
                report = indexing.finish()
            except BriefingError as error:
                raise PluginError(str(error)) from error
        log_index(report)

    def _write_pdfs(self, result: BuildResult, site_root: Path) -> None:
        """Every brief's PDFs: now, or in the background under ``serve``."""
        assert self.project is not None and self._build_config is not None
        shard = self._publisher.shard if self._publisher is not None else WHOLE
        write = partial(
            site_pdfs,
            result,
            site_root,
            self._build_config,
            paper=self.config.pdf_paper,
            share=(shard.number - 1, shard.count),
        )
        if self.project.pdf_writer is not None:
            self.project.pdf_writer.request(write)
            log.info("pdf: writing the PDFs of changed briefs in the background")
            return
        with self.timings.measure("pdf"):
            log_pdfs(write(progress=self.pdf_progress))

    def on_build_error(self, error: Exception) -> None:
        self._depth, self._site_root = 0, None
        self._abandon_build()

    def on_shutdown(self) -> None:
        self._copies = None
        gc.unfreeze()  # a process that goes on (a test, a script) collects them again
        if self._publisher is not None:  # a build that ended without MkDocs' error event
            self._publisher = None
            uninstall()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self._build_config is not None and self.project is not None
        # The first build indexed search before serving; rebuilds index in the background.
        self.project.indexer = Background("pagefind", log_index)
        watch_inputs(server, self._build_config)
        return server
