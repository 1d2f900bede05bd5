"""The MkDocs plugin: runs ``build()`` inside ``mkdocs build`` and ``mkdocs serve``.

A thin adapter. Before MkDocs collects files it builds the briefs into ``docs/``; problems
with a brief are logged as warnings naming the file and field (``--strict`` turns them into
a failure), and the other briefs still build, so ``mkdocs serve`` stays up. ``serve`` also
watches the briefs and data folders. The site's fonts are added from their PyPI packages.
After the last language is built, Pagefind indexes the site (``builder.search.pagefind``) and
WeasyPrint writes the PDFs (``builder.pdf.writer``). Under ``mkdocs serve`` the PDFs, and the index
of every rebuild after the first, are made in the background (``builder.runtime.background``), so
the page reloads first.

mkdocs-static-i18n runs a second full build for English inside the first one; the builder
result is reused when no source or data file changed since the last run.
"""

from __future__ import annotations

import logging
import os
import posixpath
import time
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from builder.config import BuildConfig
from builder.errors import BriefingError
from builder.index.home import HOME_MARKER
from builder.index.lists import LANGS
from builder.model import BuildResult
from builder.pdf.writer import (
    PDF_DIR,
    PdfReport,
    brief_jobs,
    pdf_cache_dir,
    write_pdfs,
)
from builder.pipeline import Progress, build
from builder.plugin.config import BriefingPluginConfig, build_config_for, page_language
from builder.render.brief import without_record
from builder.render.labels import label
from builder.runtime.background import Background
from builder.runtime.incremental import BuildMemo
from builder.search.pagefind import SEARCH_BUNDLE, IndexReport, index_site, ui_context
from builder.theme.fixes import fix_theme_html
from builder.theme.fonts import font_files
from builder.write.pages import write_site_files
from builder.write.staging import discard_staging, publish_staging, start_staging

log = get_plugin_logger(__name__)


def _fingerprint(build_config: BuildConfig) -> tuple[Any, ...]:
    """Names, sizes and mtimes of every input, to skip a rebuild when nothing changed."""
    entries = []
    for folder in (build_config.briefs_dir, *build_config.data_dirs):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    stat = path.stat()
                    entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


_MEMOS: dict[tuple[Path, Path], BuildMemo] = {}
_SERVED: dict[tuple[Path, Path], Background[IndexReport]] = {}
"""The search indexer of each project ``mkdocs serve`` serves in this process (from the
first rebuild on: the first build is indexed before the site is served)."""
_PDF_WRITERS: dict[tuple[Path, Path], Background[PdfReport]] = {}
"""The PDF writer of each project ``mkdocs serve`` builds in this process, from its first
build on: a new corpus's PDFs take minutes, and the site is served meanwhile."""


def _project_key(build_config: BuildConfig) -> tuple[Path, Path]:
    return (build_config.briefs_dir.resolve(), build_config.docs_dir.resolve())


def _memo_for(build_config: BuildConfig) -> BuildMemo:
    """The memo of a project's builds in this process. `mkdocs serve` loads the configuration
    (and so a new plugin) for every rebuild; the memo must outlive them to be of use."""
    return _MEMOS.setdefault(_project_key(build_config), BuildMemo())


def _log_index(outcome: IndexReport | BriefingError) -> None:
    """The outcome of an index run: pages indexed, or why it failed."""
    if isinstance(outcome, BriefingError):
        log.warning(str(outcome))
    else:
        log.info(
            f"search: {outcome.pages} pages indexed in {len(outcome.languages)} languages "
            f"({', '.join(outcome.languages)})"
        )


def _log_pdfs(outcome: PdfReport | BriefingError) -> None:
    """The outcome of a PDF run: the PDFs written and rendered, and each brief that failed."""
    if isinstance(outcome, BriefingError):
        log.warning(str(outcome))
        return
    for problem in outcome.problems:
        log.warning(str(problem))
    log.info(
        f"pdf: {len(outcome.written) + len(outcome.unchanged)} PDFs in the site's {PDF_DIR}/, "
        f"{outcome.rendered} rendered, the others unchanged since the last build"
    )


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Builds the briefing pages before MkDocs reads ``docs/``."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        """Set by the CLI to show a progress bar; None inside plain ``mkdocs``."""
        self.pdf_progress: Any = None
        """The same for the PDFs."""
        self.result: BuildResult | None = None
        self.memo: BuildMemo | None = None
        """Shared by the builds of one project in this process (see :func:`_memo_for`)."""
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
        self._staging: tuple[Path, Path] | None = None
        """(staging folder, real site folder) while a staged build is under way."""
        self._warnings: CountHandler | None = None
        """Counts the warnings of a staged build (see :meth:`on_config`)."""
        self.timings: dict[str, float] = {}
        """Seconds spent in the builder and in the search indexer during the last build
        (read by ``briefing bench``; MkDocs' own time is the rest)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = None if dirty else command
        self._serving = command == "serve"

    @event_priority(100)  # before any other plugin reads site_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self._build_config = build_config_for(config, self.config)
        except BriefingError as error:
            raise PluginError(str(error)) from error
        self.memo = _memo_for(self._build_config)
        if self._serving:
            _PDF_WRITERS.setdefault(_project_key(self._build_config), Background("pdf", _log_pdfs))
        if self._command in ("build", "gh-deploy") and self._staging is None:
            # A build writes beside the last good site and replaces it only when done
            # (builder.write.staging); `serve` builds into its own temporary folder anyway.
            site_dir = Path(config.site_dir)
            self._staging = (start_staging(site_dir), site_dir)
            config.site_dir = str(self._staging[0])
            # --strict fails a build with warnings *after* on_post_build: such a build must
            # not replace the last good site either, so the warnings are counted here too.
            self._warnings = CountHandler()
            self._warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._warnings)
        return config

    def _end_staging(self, publish: bool) -> None:
        """Swap the staged site in (``publish``) or throw it away."""
        if self._staging is None:
            return
        staging, site_dir = self._staging
        self._staging = None
        if self._warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self._warnings)
        if publish:
            publish_staging(staging, site_dir)
        else:
            discard_staging(staging)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self._build_config is not None
        if self._depth == 0:
            self._site_root = Path(config.site_dir)
            self.timings = {"builder": 0.0, "search": 0.0, "pdf": 0.0}
        self._depth += 1
        started = time.perf_counter()
        try:
            self._build_if_changed(self._build_config)
        finally:
            self.timings["builder"] += time.perf_counter() - started
        if self._depth == 1 and self.result is not None:
            # Every build reports its problems, also one that reuses the last result
            # (MkDocs keeps plugin instances between builds of one process): --strict
            # counts them.
            for problem in self.result.problems:
                if problem.severity == "info":
                    log.info(str(problem))
                else:
                    log.warning(str(problem))

    def _build_if_changed(self, build_config: BuildConfig) -> None:
        """Run the builder unless no source or data file changed since the last run (the
        English build inside the Arabic one reuses the result)."""
        fingerprint = _fingerprint(build_config)
        if fingerprint == self._fingerprint and self.result is not None:
            return
        try:
            result = build(build_config, progress=self.progress, memo=self.memo)
        except BriefingError as error:
            raise PluginError(str(error)) from error
        self.result = result
        self._fingerprint = fingerprint
        log.info(
            f"{len(result.briefs)} briefs, {len(result.entities)} entities, "
            f"{result.page_count} pages: {len(result.written)} written, "
            f"{len(result.removed)} removed"
        )

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
        return fix_theme_html(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is a theme template, not a page.
        return fix_theme_html(output) if template_name.endswith(".html") else output

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for destination, source in font_files():
            files.append(File.generated(config, destination, abs_src_path=str(source)))
        if self._build_config is not None and _project_key(self._build_config) in _SERVED:
            # `serve --dirty` renders again only pages whose Markdown is newer than their
            # HTML, and the home page's generated sections are not in its Markdown: its
            # HTML is dated back so that it is rendered again. (Each language build holds
            # both home files, the other one pointing at the outer site folder.)
            home = files.get_file_from_path(
                "index.md" if page_language(config) == "ar" else "index.en.md"
            )
            if home is not None and os.path.isfile(home.abs_dest_path):
                os.utime(home.abs_dest_path, (0, 0))
        return files

    def on_page_context(
        self, context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
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
        if self.result is not None:
            write_site_files(self.result.site_files, site_root)
        assert self._build_config is not None
        served = _SERVED.get(_project_key(self._build_config))
        if served is not None:
            # A rebuild under `mkdocs serve`: the page reloads now, search follows.
            served.request(partial(index_site, site_root))
            log.info("search: indexing in the background")
        else:
            started = time.perf_counter()
            try:
                report = index_site(site_root)
            except BriefingError as error:
                raise PluginError(str(error)) from error
            finally:
                self.timings["search"] = time.perf_counter() - started
            _log_index(report)
        if self.config.pdf and self.result is not None:
            writer = _PDF_WRITERS.get(_project_key(self._build_config))
            if writer is not None:
                writer.request(partial(self._write_pdfs, self.result, site_root / PDF_DIR))
                log.info("pdf: writing the PDFs of changed briefs in the background")
            else:
                started = time.perf_counter()
                try:
                    _log_pdfs(self._write_pdfs(self.result, site_root / PDF_DIR, self.pdf_progress))
                finally:
                    self.timings["pdf"] = time.perf_counter() - started
        if self._staging is not None:
            site_dir = self._staging[1]
            failing = config.strict and self._warnings is not None and self._warnings.counts
            self._end_staging(publish=not failing)
            config.site_dir = str(site_dir)  # gh-deploy publishes config.site_dir next

    def _write_pdfs(self, result: BuildResult, out_dir: Path, progress: Any = None) -> PdfReport:
        """Every brief's PDFs, from the cache unless the brief changed."""
        assert self._build_config is not None
        return write_pdfs(
            brief_jobs(result.briefs, result.records, LANGS),
            out_dir,
            paper=self.config.pdf_paper,
            cache_dir=pdf_cache_dir(self._build_config),
            workers=self._build_config.workers,
            progress=progress,
            prune=True,
        )

    def on_build_error(self, error: Exception) -> None:
        self._depth, self._site_root = 0, None
        self._end_staging(publish=False)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self._build_config is not None
        # The first build indexed search before serving; rebuilds index in the background.
        _SERVED[_project_key(self._build_config)] = Background("pagefind", _log_index)
        for folder in (self._build_config.briefs_dir, *self._build_config.data_dirs[1:]):
            if folder.is_dir():
                server.watch(str(folder))
        return server
