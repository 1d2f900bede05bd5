"""What the plugin logs: each build's result and problems, and the outcome of the search
index and the PDFs (``builder.post_build``), told in MkDocs' log.

Problems with a brief are warnings (``mkdocs build --strict`` fails on them), a normal gap
such as a missing publication date is information; a failed index or PDF run is a warning,
also when it ran in the background under ``mkdocs serve``.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from builder.errors import BriefingError
from builder.links import PDF_DIR
from builder.model import BuildResult
from builder.pdf.writer import PdfReport
from builder.search.indexing import IndexReport

log = get_plugin_logger(__name__)


def log_result(result: BuildResult, briefs: int, entities: int, seconds: float) -> None:
    """What a build made: ``briefs`` briefs, ``entities`` entities and the pages, and the
    ``seconds`` the builder step took (what MkDocs, Pagefind and the PDFs take is the rest
    of the build)."""
    log.info(
        f"{briefs} briefs, {entities} entities, "
        f"{result.page_count} pages: {len(result.written)} written, "
        f"{len(result.removed)} removed; builder step {seconds:.1f} s"
    )


def log_problems(result: BuildResult) -> None:
    """Each problem of a build, a warning unless it is only information."""
    for problem in result.problems:
        if problem.severity == "info":
            log.info(str(problem))
        else:
            log.warning(str(problem))


def log_index(outcome: IndexReport | BriefingError) -> None:
    """The outcome of an index run: pages indexed, or why it failed."""
    if isinstance(outcome, BriefingError):
        log.warning(str(outcome))
    else:
        log.info(
            f"search: {outcome.pages} pages indexed in {len(outcome.languages)} languages "
            f"({', '.join(outcome.languages)})"
        )


def log_pdfs(outcome: PdfReport | BriefingError) -> None:
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
