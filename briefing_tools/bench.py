"""``briefing bench N...``: build a synthetic corpus of N briefs and measure the whole site build;
``briefing bench --corpus DIR [N...]``: the same for a real corpus (DIR's sources and
sidecars, all of them or the first N).

For each N the benchmark makes a project in a work folder (this project's ``mkdocs.yml``,
hand-written ``docs/`` pages and ``overrides/``, plus N synthetic sources from
:mod:`briefing_tools.synthetic`, or N sources of DIR with their sidecars), then, each in a
fresh process so memory is measured per build:

1. the full build (``briefing build``): builder time, MkDocs time, search-index time, total,
   peak memory (largest process in the build's tree, Pagefind included);
2. the same MkDocs build of the same generated Markdown without the briefing plugin (no
   builder, no search index), for the ratio the issue asks for;
3. sizes: the median brief page, the whole site, the search bundle;
4. optionally (``--search``), the bytes a first search transfers, typed into the built
   site's search box in Chromium (needs the test extra: Playwright and Debian's Chromium).

Results are printed as a Markdown table and written as JSON next to the work folder.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from briefing_tools.synthetic import seed_briefs, synthetic_corpus
from builder.config import GENERATED_DIRS, PACKAGE_DATA
from builder.errors import BriefingError
from builder.knowledge import load_knowledge
from builder.read.sources import discover, sidecar_for


@dataclass(frozen=True)
class BuildTiming:
    """One build, measured in its own process."""

    total: float
    """Wall-clock seconds of the whole ``mkdocs build``."""
    builder: float
    """Seconds in the briefing builder (read, extract, resolve, render, write)."""
    search: float
    """Seconds in the Pagefind indexer."""
    peak_mb: float
    """Peak resident memory of the largest process of the build, in MB."""

    @property
    def mkdocs(self) -> float:
        """Seconds MkDocs (and its plugins other than ours) spent: the rest."""
        return self.total - self.builder - self.search


@dataclass(frozen=True)
class BenchResult:
    """The figures for one corpus size."""

    briefs: int
    full: BuildTiming
    plain: BuildTiming
    brief_page_kb: float
    """Median size of a brief's HTML page (both languages), in KB."""
    site_mb: float
    """Size of the whole built site, search bundle included, in MB."""
    search_mb: float
    """Size of the search bundle (``site/pagefind``), in MB."""
    pages: int
    """HTML pages in the site."""
    first_search_kb: dict[str, list[float]] | None = None
    """``--search`` only: per page language, the KB each query of
    :data:`briefing_tools.probe.FIRST_QUERIES` transferred as a reader's first search."""
    rebuild: dict[str, list[float]] | None = None
    """``--rebuild`` only: for each of a few one-brief edits, the builder step's seconds
    (``seconds``), pages written (``written``) and pages rendered (``rendered``) when the
    build runs again in the same process, as under ``mkdocs serve``."""


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def prepare_project(project_root: Path, target: Path, count: int) -> Path:
    """A project folder with ``count`` synthetic briefs and this project's site set-up."""
    site_setup(project_root, target)
    knowledge = load_knowledge((PACKAGE_DATA,))
    seeds = seed_briefs(project_root / "briefs", knowledge)
    synthetic_corpus(seeds, knowledge, count, target / "briefs")
    return target


def corpus_sources(corpus: Path, count: int | None = None) -> list[Path]:
    """The sources of a real corpus folder in name order, the first ``count`` of them."""
    sources = discover(corpus)
    if not sources:
        raise BriefingError(f"{corpus}: no sources (.txt, .md) in this folder")
    return sources if count is None else sources[:count]


def copy_corpus(corpus: Path, briefs: Path, count: int | None = None) -> list[Path]:
    """The first ``count`` sources of ``corpus`` (all by default), each with its sidecar,
    copied unchanged into a new ``briefs`` folder; the sources copied."""
    briefs.mkdir(parents=True)
    sources = corpus_sources(corpus, count)
    for source in sources:
        for path in (source, sidecar_for(source)):
            if path is not None:
                shutil.copy2(path, briefs / path.name)
    return sources


def prepare_corpus_project(project_root: Path, target: Path, corpus: Path, count: int) -> Path:
    """A project folder with this project's site set-up and the first ``count`` sources of
    ``corpus`` (a real archive's folder) with their sidecars."""
    site_setup(project_root, target)
    copy_corpus(corpus, target / "briefs", count)
    return target


def site_setup(project_root: Path, target: Path) -> None:
    """``target`` emptied, with this project's ``mkdocs.yml``, theme overrides and
    hand-written pages."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(project_root / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(project_root / "overrides", target / "overrides")
    # The hand-written pages only: the generated folders are what the build makes.
    shutil.copytree(
        project_root / "docs",
        target / "docs",
        ignore=lambda folder, names: (
            GENERATED_DIRS if Path(folder) == project_root / "docs" else ()
        ),
    )


def plain_project(built: Path, target: Path) -> Path:
    """A copy of a built project's Markdown whose ``mkdocs.yml`` lacks the briefing plugin."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(built / "docs", target / "docs")
    shutil.copytree(built / "overrides", target / "overrides")
    lines = (built / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    kept, skipping = [], False
    for line in lines:
        if line.strip() == "- briefing:":
            skipping = True
            continue
        if skipping and (len(line) - len(line.lstrip())) > 4:
            continue
        skipping = False
        kept.append(line)
    (target / "mkdocs.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return target


def measure_build(project: Path) -> BuildTiming:
    """Build ``project`` in a fresh process and return its timings and peak memory."""
    command = [sys.executable, "-m", "briefing_tools.bench", "--measure", str(project)]
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    if process.returncode:
        raise RuntimeError(f"build of {project} failed:\n{process.stderr[-4000:]}")
    figures = json.loads(process.stdout.strip().splitlines()[-1])
    return BuildTiming(
        total=figures["total"],
        builder=figures["builder"],
        search=figures["search"],
        peak_mb=round(figures["peak_kb"] / 1024, 1),
    )


def _measure_in_process(project: Path) -> dict[str, float]:
    """Run ``mkdocs build`` for ``project`` here; the JSON line the parent reads."""
    import logging
    import resource

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR)
    os.chdir(project)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    briefing = config.plugins.get("briefing")
    if briefing is not None:
        # The site build is measured here; PDFs have their own benchmark
        # (briefing_tools/benchmarks/pdf.py).
        briefing.config.pdf = False
    started = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - started
    plugin = config.plugins.get("briefing")
    timings = getattr(plugin, "timings", {}) if plugin is not None else {}
    # RUSAGE_CHILDREN covers the Pagefind process, which has been waited for.
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {
        "total": total,
        "builder": timings.get("builder", 0.0),
        "search": timings.get("search", 0.0),
        "peak_kb": peak_kb,
    }


REBUILD_SENTENCE = "\n\nوقال مسؤول في وزارة الخارجية إن المحادثات ستستأنف الشهر المقبل.\n"
"""Appended to a brief to edit it (a sentence with an actor, a quote and a date)."""


def measure_rebuilds(project: Path, edits: int = 5) -> dict[str, list[float]]:
    """Edit ``edits`` briefs one after the other, rebuilding after each in one fresh process
    that built the corpus once before; the sources are restored afterwards."""
    command = [sys.executable, "-m", "briefing_tools.bench", "--rebuild", str(project), str(edits)]
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    if process.returncode:
        raise RuntimeError(f"rebuilds of {project} failed:\n{process.stderr[-4000:]}")
    return json.loads(process.stdout.strip().splitlines()[-1])


def _rebuilds_in_process(project: Path, edits: int) -> dict[str, list[float]]:
    from builder.config import config_for_project
    from builder.pipeline import build
    from builder.read.sources import discover
    from builder.runtime.incremental import BuildMemo

    config = config_for_project(project)
    memo = BuildMemo()
    build(config, memo=memo)
    sources = discover(config.briefs_dir)
    chosen = sources[:: max(1, len(sources) // edits)][:edits]
    originals = {path: path.read_bytes() for path in chosen}
    figures: dict[str, list[float]] = {"seconds": [], "written": [], "rendered": []}
    try:
        for path in chosen:
            path.write_bytes(originals[path] + REBUILD_SENTENCE.encode("utf-8"))
            started = time.perf_counter()
            result = build(config, memo=memo)
            figures["seconds"].append(round(time.perf_counter() - started, 3))
            figures["written"].append(len(result.written))
            figures["rendered"].append(memo.rendered)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
        build(config, memo=memo)
    return figures


def site_sizes(site: Path) -> tuple[float, float, float, int]:
    """(median brief page KB, site MB, search bundle MB, HTML page count) of a built site."""
    brief_pages = [
        path.stat().st_size
        for folder in (site / "briefs", site / "en" / "briefs")
        if folder.is_dir()
        for path in folder.glob("*/index.html")
    ]
    pages = sum(1 for _ in site.rglob("*.html"))
    search = site / "pagefind"
    return (
        round(statistics.median(brief_pages) / 1024, 1) if brief_pages else 0.0,
        round(_folder_bytes(site) / 2**20, 1),
        round(_folder_bytes(search) / 2**20, 2) if search.is_dir() else 0.0,
        pages,
    )


def bench(
    project_root: Path,
    counts: list[int],
    work: Path,
    *,
    search_probe: bool = False,
    rebuilds: int = 0,
    corpus: Path | None = None,
) -> list[BenchResult]:
    """Build and measure a site for each count, of synthetic briefs or of the first sources
    of ``corpus``; the projects stay in ``work`` (``n<N>``, ``corpus-n<N>``)."""
    results = []
    for count in counts:
        if corpus is None:
            project = prepare_project(project_root, work / f"n{count}", count)
        else:
            project = prepare_corpus_project(project_root, work / f"corpus-n{count}", corpus, count)
        full = measure_build(project)
        # Printed as soon as known: the plain build of a large corpus can take as long again.
        print(f"{count:,} briefs, full build: {asdict(full)}", file=sys.stderr, flush=True)
        plain = measure_build(plain_project(project, project.with_name(f"{project.name}-plain")))
        print(f"{count:,} briefs, plain build: {asdict(plain)}", file=sys.stderr, flush=True)
        brief_kb, site_mb, search_mb, pages = site_sizes(project / "site")
        first_search = None
        if search_probe:
            from briefing_tools.probe import first_search_bytes

            first_search = {
                lang: [round(size / 1024, 1) for size in sizes]
                for lang, sizes in first_search_bytes(project / "site").items()
            }
        rebuild = measure_rebuilds(project, rebuilds) if rebuilds else None
        results.append(
            BenchResult(
                briefs=count,
                full=full,
                plain=plain,
                brief_page_kb=brief_kb,
                site_mb=site_mb,
                search_mb=search_mb,
                pages=pages,
                first_search_kb=first_search,
                rebuild=rebuild,
            )
        )
        shutil.rmtree(project.with_name(f"{project.name}-plain"), ignore_errors=True)
    return results


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(results: list[BenchResult]) -> str:
    """The results as a Markdown table (the README's benchmark table)."""
    head = (
        "| briefs | pages | builder s | MkDocs s | search s | total s | plain MkDocs s "
        "| total / plain | builder share | peak MB | brief page KB | site MB "
        "| first search KB, median (max) | rebuild s |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for result in results:
        full, plain = result.full, result.plain
        first = (
            " / ".join(
                f"{lang} {statistics.median(kbs):.0f} (max {max(kbs):.0f})"
                for lang, kbs in result.first_search_kb.items()
            )
            if result.first_search_kb
            else "–"
        )
        rebuild = f"{statistics.median(result.rebuild['seconds']):.2f}" if result.rebuild else "–"
        rows.append(
            f"| {result.briefs:,} | {result.pages:,} | {full.builder:.1f} | {full.mkdocs:.1f} "
            f"| {full.search:.1f} | {full.total:.1f} | {plain.total:.1f} "
            f"| {full.total / plain.total:.2f} | {full.builder / full.total:.0%} "
            f"| {full.peak_mb:.0f} | {result.brief_page_kb:.1f} | {result.site_mb:.1f} | {first} "
            f"| {rebuild} |"
        )
    return head + "\n".join(rows) + "\n"


def write_results(results: list[BenchResult], path: Path) -> None:
    """The results as JSON, with the machine they were measured on."""
    payload = {"machine": machine(), "results": [asdict(result) for result in results]}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    # The measuring child: ``python -m briefing_tools.bench --measure PROJECT`` prints one
    # JSON line.
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print(json.dumps(_measure_in_process(Path(sys.argv[2]).resolve())))
    elif len(sys.argv) == 4 and sys.argv[1] == "--rebuild":
        print(json.dumps(_rebuilds_in_process(Path(sys.argv[2]).resolve(), int(sys.argv[3]))))
    else:
        sys.exit(
            "usage: python -m briefing_tools.bench --measure PROJECT | --rebuild PROJECT EDITS"
        )
