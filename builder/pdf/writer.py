"""Stage after the site build: PDF briefs with WeasyPrint, one per brief and language,
and collections of briefs with a table of contents, made from the jobs of ``builder.pdf.jobs``.

The documents come from ``builder.pdf.layout``; the fonts (Amiri for Arabic, Noto Sans for
Latin) from their PyPI packages, embedded in every PDF. WeasyPrint may open ``file:`` URLs
only (the fonts): nothing is fetched from a network. A PDF is made again only when its
document, the stylesheet, the fonts or WeasyPrint changed: each is kept under the SHA-256
of those inputs in the cache folder and copied from there. Their file names and their
folder in the site (:data:`~builder.links.PDF_DIR`) are :mod:`builder.links`'.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from builder.config import TEMPLATES_DIR, BuildConfig
from builder.model import Problem
from builder.pdf.jobs import PdfJob
from builder.runtime.processes import pool_context
from builder.theme.fonts import pdf_font_faces
from builder.write.pages import write_file_into, write_if_changed

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
"""Paper sizes by the name used in ``mkdocs.yml`` and on the command line."""

STYLESHEET = TEMPLATES_DIR / "pdf.css"

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]


def pdf_cache_dir(config: BuildConfig) -> Path | None:
    """Where made PDFs are kept between builds: beside the extraction cache
    (``.cache/briefing/pdf``); None when the cache is off."""
    return config.cache_dir.parent / "pdf" if config.cache_dir is not None else None


@dataclass(frozen=True)
class PdfReport:
    """What :func:`write_pdfs` did."""

    written: tuple[str, ...] = ()
    """PDFs written or rewritten in the output folder."""
    unchanged: tuple[str, ...] = ()
    """PDFs already there with the same bytes."""
    rendered: int = 0
    """How many were rendered by WeasyPrint (the others came from the cache)."""
    removed: tuple[str, ...] = ()
    """Stale PDFs deleted from the output folder (``prune``)."""
    problems: tuple[Problem, ...] = ()
    """PDFs that could not be made, each naming its brief; the others are still written."""


@lru_cache(maxsize=4)
def stylesheet(paper: str) -> str:
    """The whole stylesheet for ``paper`` (a key of :data:`PAPER_SIZES`)."""
    size = PAPER_SIZES[paper]
    return f"{pdf_font_faces()}\n@page {{ size: {size}; }}\n{STYLESHEET.read_text('utf-8')}"


def render_pdf(html: str, paper: str = "a4") -> bytes:
    """The PDF of ``html``, as WeasyPrint writes it with the briefing stylesheet."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fetcher = weasyprint.URLFetcher(allowed_protocols=("file",))
    fonts = FontConfiguration()
    css = weasyprint.CSS(string=stylesheet(paper), font_config=fonts, url_fetcher=fetcher)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=str(STYLESHEET.parent))
    # The font subsetter stamps each embedded font with the time it was made, unless
    # SOURCE_DATE_EPOCH says otherwise: a fixed stamp makes the same brief the same bytes.
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = saved or "0"
    try:
        return document.write_pdf(stylesheets=[css], font_config=fonts)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def _cache_key(html: str, paper: str) -> str:
    import weasyprint

    digest = hashlib.sha256()
    for part in (weasyprint.__version__, stylesheet(paper), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _render_job(job: tuple[str, str]) -> bytes | str:
    """For the process pool: the PDF, or the error's text."""
    html, paper = job
    try:
        return render_pdf(html, paper)
    except Exception as error:  # WeasyPrint raises many kinds; one brief must not stop all
        return f"{type(error).__name__}: {error}"


def write_pdfs(
    jobs: Sequence[PdfJob],
    out_dir: Path,
    *,
    paper: str = "a4",
    cache_dir: Path | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    prune: bool = False,
) -> PdfReport:
    """Make each job's PDF in ``out_dir``, from ``cache_dir`` when its inputs are unchanged.

    ``prune`` deletes the other PDFs of ``out_dir`` and of the cache (a whole-site run)."""
    keys = [_cache_key(job.html, paper) for job in jobs]
    made: dict[str, bytes | str] = {}
    """Each document's PDF, or why it failed, by cache key (equal documents render once)."""
    missing: dict[str, PdfJob] = {}
    for job, key in zip(jobs, keys, strict=True):
        cached = cache_dir / f"{key}.pdf" if cache_dir is not None else None
        if cached is not None and cached.is_file():
            made[key] = cached.read_bytes()
        else:
            missing.setdefault(key, job)
    work = [(job.html, paper) for job in missing.values()]
    if len(work) > 2 and workers > 1:
        # Under `mkdocs serve` this runs in a thread of its own (builder.runtime.processes).
        context = pool_context()
        with ProcessPoolExecutor(max_workers=min(workers, len(work)), mp_context=context) as pool:
            outputs: Iterable[bytes | str] = pool.map(_render_job, work)
            rendered = list(progress(outputs) if progress is not None else outputs)
    else:
        rendered = [_render_job(item) for item in (progress(work) if progress else work)]
    problems = []
    for (key, job), output in zip(missing.items(), rendered, strict=True):
        made[key] = output
        if isinstance(output, str):
            problems.append(Problem(job.source, "pdf", f"{job.name}: {output}"))
        elif cache_dir is not None:
            write_if_changed(cache_dir / f"{key}.pdf", output)
    written: list[str] = []
    unchanged: list[str] = []
    for job, key in zip(jobs, keys, strict=True):
        output = made[key]
        if isinstance(output, bytes):
            changed = write_file_into(out_dir, job.name, output)
            (written if changed else unchanged).append(job.name)
    removed = []
    if prune:
        names = {job.name for job in jobs}
        for path in sorted(out_dir.glob("*.pdf")) if out_dir.is_dir() else []:
            if path.name not in names:
                path.unlink()
                removed.append(path.name)
        if cache_dir is not None and cache_dir.is_dir():
            for path in cache_dir.glob("*.pdf"):
                if path.stem not in keys:
                    path.unlink()
    return PdfReport(
        written=tuple(written),
        unchanged=tuple(unchanged),
        rendered=len(missing),
        removed=tuple(removed),
        problems=tuple(problems),
    )
