"""Running the builder for the plugin: in a process of its own for a publishing build
(``builder.runtime.detached``), in this one under ``mkdocs serve``, which keeps its memo
between rebuilds."""

from __future__ import annotations

import gc
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from builder.config import BuildConfig
from builder.errors import BriefingError
from builder.model import BuildResult
from builder.pipeline import build
from builder.plugin.reports import log_result
from builder.post_build import write_exports
from builder.runtime.detached import Detached, build_detached, can_detach
from builder.runtime.incremental import BuildMemo
from builder.runtime.projects import ProjectState


def inputs_fingerprint(build_config: BuildConfig) -> tuple[Any, ...]:
    """Names, sizes and mtimes of every input, to skip a rebuild when nothing changed."""
    entries = []
    for folder in (build_config.briefs_dir, *build_config.data_dirs):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    stat = path.stat()
                    entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def run_builder(
    build_config: BuildConfig,
    project: ProjectState,
    *,
    progress: Any,
    serving: bool,
    pdf: bool,
) -> tuple[BuildResult, Detached | None]:
    """Build the briefs, and log what was made: the result, and what the builder's own
    process left for the rest of the build when it ran in one (BriefingError on failure)."""
    started = time.perf_counter()
    if not serving and can_detach():
        # A publishing build: the builder's memory goes with its own process.
        detached = build_detached(build_config, build, progress=progress, for_pdfs=pdf)
        seconds = time.perf_counter() - started
        log_result(detached.result, detached.briefs, detached.entities, seconds)
        return detached.result, detached
    # `serve` keeps its memo in memory; a `build` process saves it for the next one.
    result = build(
        build_config,
        progress=progress,
        memo=project.memo,
        save_memo=not serving,
        save_in_background=True,
    )
    if not serving:
        # The memo is being saved for the next process by a forked one: this build needs
        # it no more (a next build in this process starts from the saved file), and at
        # 10,000 briefs it is gigabytes that MkDocs would render the pages beside.
        project.memo = BuildMemo()
        # What the builder made stays until the process ends: out of the cyclic
        # collector's reach, MkDocs' collections do not walk it again and again, and the
        # rendering processes forked later do not copy the pages a walk would touch.
        gc.freeze()
    log_result(result, len(result.briefs), len(result.entities), time.perf_counter() - started)
    return result, None


def with_briefs(result: BuildResult, detached: Detached | None) -> BuildResult:
    """``result`` with its briefs and records (for the PDFs), read back when the builder
    ran in a process of its own."""
    if detached is None:
        return result
    try:
        briefs, records = detached.pdf_input()
    except BriefingError as error:
        raise PluginError(str(error)) from error
    return replace(result, briefs=briefs, records=records)


def place_exports(result: BuildResult, detached: Detached | None, site_root: Path) -> None:
    """The site's data exports into ``site_root``: written from ``result``, or linked from
    the spool of the builder's own process (PluginError when it could not write them)."""
    if detached is None:
        write_exports(result, site_root)
        return
    try:
        detached.link_exports(site_root)
    except BriefingError as error:
        raise PluginError(str(error)) from error
