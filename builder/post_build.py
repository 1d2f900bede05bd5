"""What runs once the pages are built: the site's data exports, the search index and the PDFs.

The MkDocs plugin runs these steps when every language is built (its ``on_post_build``; under
``mkdocs serve`` the index and the PDFs in the background, ``builder.runtime.projects``), and
``briefing pdf`` runs the PDF step alone, for the briefs or the collection it is asked for
(``builder.pdf.jobs``). Either way a PDF is made with the project's cache and workers, so
the command and the site share their PDFs. Nothing here knows about MkDocs: failures are
:class:`~builder.errors.BriefingError`, and each caller reports outcomes its own way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from builder.config import BuildConfig
from builder.index.lists import LANGS
from builder.links import PDF_DIR
from builder.model import BuildResult
from builder.pdf.jobs import PdfJob, brief_jobs
from builder.pdf.writer import PdfReport, Progress, pdf_cache_dir, write_pdfs
from builder.search.indexing import Indexing, IndexReport, index_site, start_indexing
from builder.write.pages import write_site_files


def write_exports(result: BuildResult, site_root: Path) -> None:
    """The files published beside the pages (``builder.write.exports``: the briefs' data,
    the feeds), into the site folder of the outermost language build."""
    write_site_files(result.site_files, site_root)


def index_search(site_root: Path) -> IndexReport:
    """The search index of every language built under ``site_root``, once the last language
    is written (Pagefind, a language at a time: ``builder.search.indexing``)."""
    return index_site(site_root)


def start_search_index(site_root: Path, pages_dir: Path | None) -> Indexing:
    """Start indexing every language built under ``site_root`` and return at once; with
    ``pages_dir``, from the pages' search copies (``builder.search.copies``)."""
    return start_indexing(site_root, pages_dir=pages_dir)


def write_project_pdfs(
    config: BuildConfig,
    jobs: Sequence[PdfJob],
    out_dir: Path,
    *,
    paper: str,
    progress: Progress | None = None,
    prune: bool = False,
) -> PdfReport:
    """Make ``jobs`` in ``out_dir`` with the project's PDF cache and workers; ``prune``
    removes the PDFs of ``out_dir`` that are not among them (the site's own folder)."""
    return write_pdfs(
        jobs,
        out_dir,
        paper=paper,
        cache_dir=pdf_cache_dir(config),
        workers=config.workers,
        progress=progress,
        prune=prune,
    )


def site_pdfs(
    result: BuildResult,
    site_root: Path,
    config: BuildConfig,
    *,
    paper: str,
    progress: Progress | None = None,
    share: tuple[int, int] = (0, 1),
) -> PdfReport:
    """Every brief's PDF in each language, in the site's ``pdf/`` folder (where the brief
    pages link to), from the cache unless the brief changed; a removed brief's PDFs go.
    ``share`` ``(k, n)``: only the k-th (from 0) of every n briefs, for a build cut into
    shards (``briefing build --shard``)."""
    part, parts = share
    pairs = list(zip(result.briefs, result.records, strict=True))[part::parts]
    jobs = brief_jobs([brief for brief, _ in pairs], [record for _, record in pairs], LANGS)
    return write_project_pdfs(
        config, jobs, site_root / PDF_DIR, paper=paper, progress=progress, prune=True
    )
