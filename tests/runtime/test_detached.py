"""The builder step in a process of its own (``builder.runtime.detached``): it writes the
same pages and exports as a build in this process, hands back a result without the corpus,
saves its memo for the next build, keeps the PDFs' briefs when asked, and its failures
arrive here with their messages."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from conftest import ROOT, docs_hashes, files_under, loaded_plugin

from builder.config import config_for_project
from builder.errors import BriefingError
from builder.model import BuildResult, Page
from builder.pipeline import build
from builder.runtime.detached import Detached, build_detached, can_detach
from builder.runtime.saved import memo_file, wait_for_saved_memos
from builder.write.pages import write_site_files

pytestmark = pytest.mark.skipif(not can_detach(), reason="needs fork and no other thread")


def _project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    return folder


def test_the_same_pages_and_exports_as_a_build_here_and_a_slim_result(tmp_path: Path) -> None:
    here = _project(tmp_path / "here")
    result = build(config_for_project(here, workers=1))
    write_site_files(result.site_files, tmp_path / "site-here")

    there = _project(tmp_path / "there")
    config = config_for_project(there, workers=1)
    detached = build_detached(config, build)
    try:
        assert docs_hashes(there) == docs_hashes(here)
        assert (detached.briefs, detached.entities) == (len(result.briefs), len(result.entities))
        slim = detached.result
        assert slim.briefs == slim.entities == slim.records == slim.site_files == ()
        assert slim.home == result.home and slim.page_count == result.page_count
        assert slim.problems == result.problems
        # Linked twice (a second build of this process reusing the result): whole both times.
        for name in ("site-1", "site-2"):
            detached.link_exports(tmp_path / name)
            assert files_under(tmp_path / name) == files_under(tmp_path / "site-here")
        with pytest.raises(BriefingError, match="PDFs"):
            detached.pdf_input()  # not asked for
        # The memo is saved by the builder's process, which this one waits for at exit.
        wait_for_saved_memos()
        path = memo_file(config)
        assert path is not None and path.is_file()
    finally:
        detached.discard()
    assert not detached.spool.exists()


def test_the_briefs_for_the_pdfs_come_back_when_asked_for(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    detached = build_detached(config_for_project(project, workers=1), build, for_pdfs=True)
    try:
        briefs, records = detached.pdf_input()
        assert len(briefs) == len(records) == detached.briefs > 0
        assert [record["slug"] for record in records] == [b.slug for b in briefs]
    finally:
        detached.discard()
    wait_for_saved_memos()


def _fails_with_a_brief(*args: object, **kwargs: object) -> Detached:
    raise BriefingError("briefs/x.txt: [title] empty")


def _fails_with_a_bug(*args: object, **kwargs: object) -> Detached:
    raise ValueError("a bug")


def test_a_failure_in_the_builders_process_arrives_here(tmp_path: Path) -> None:
    config = config_for_project(_project(tmp_path / "p"), workers=1)
    with pytest.raises(BriefingError, match=r"^briefs/x.txt: \[title\] empty$"):
        build_detached(config, _fails_with_a_brief)
    with pytest.raises(BriefingError, match=r"the builder failed:(.|\n)*ValueError: a bug"):
        build_detached(config, _fails_with_a_bug)
    wait_for_saved_memos()
    # No spool folder is left behind by a failed build.
    folder = memo_file(config)
    assert folder is not None
    assert not [name for name in os.listdir(folder.parent) if name.startswith("briefing-build")]


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_plugin_builds_in_a_process_of_its_own_except_under_serve(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Earlier tests of a whole run may leave idle threads behind, which a build declines to
    # fork beside; this one has none that matter.
    monkeypatch.setattr("builder.plugin.building.can_detach", lambda: True)
    project = _project(tmp_path / "p")
    config, plugin = loaded_plugin(project)
    plugin.on_startup(command=command, dirty=True)
    plugin.on_config(config)
    plugin.on_pre_build(config)
    assert plugin.result is not None and plugin.result.page_count > 0
    detached = plugin._detached
    assert (detached is not None) == (command == "build")
    assert (plugin.result.briefs == ()) == (command == "build")
    if detached is not None:
        detached.link_exports(tmp_path / "site")  # once the builder's process wrote them
        assert (tmp_path / "site" / "data" / "index.json").is_file()
        plugin.on_pre_build(config)  # the nested language build: the same result
        assert plugin._detached is detached and detached.spool.is_dir()
        detached.discard()
    plugin.on_shutdown()
    wait_for_saved_memos()


def _exports_outside_the_site(*args: object, **kwargs: object) -> BuildResult:
    return BuildResult(briefs=(), site_files=(Page("../outside.json", "{}"),))


def test_exports_that_cannot_be_written_fail_where_they_are_needed(tmp_path: Path) -> None:
    # The result is handed back before the exports are written: MkDocs starts at once, and
    # a failure to write them is the post-build step's, with its message.
    config = config_for_project(_project(tmp_path / "p"), workers=1)
    detached = build_detached(config, _exports_outside_the_site)
    try:
        for _ in range(2):  # and again, for a second build that reuses the result
            with pytest.raises(BriefingError, match="exports: refusing to write outside"):
                detached.link_exports(tmp_path / "site")
    finally:
        detached.discard()
    wait_for_saved_memos()
    assert not (tmp_path / "outside.json").exists()


def test_a_spool_left_by_a_killed_build_is_removed_by_the_next(tmp_path: Path) -> None:
    config = config_for_project(_project(tmp_path / "p"), workers=1)
    folder = memo_file(config)
    assert folder is not None
    leftover = folder.parent / "briefing-build-killed" / "exports"
    leftover.mkdir(parents=True)
    detached = build_detached(config, build)
    try:
        assert not leftover.parent.exists() and detached.spool.is_dir()
    finally:
        detached.discard()
    wait_for_saved_memos()


def test_the_spool_is_removed_only_once_the_builders_process_stopped_writing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The build can end (or build again) while the exports are still being written.
    def slow_writer(files: object, folder: Path) -> None:
        time.sleep(0.5)
        write_site_files(files, folder)  # type: ignore[arg-type]

    monkeypatch.setattr("builder.runtime.detached.write_site_files", slow_writer)
    detached = build_detached(config_for_project(_project(tmp_path / "p"), workers=1), build)
    detached.discard()
    time.sleep(0.7)  # had the folder gone first, the writer would have made it again
    assert not detached.spool.exists()
    wait_for_saved_memos()


def _killed_beside_a_worker(*args: object, **kwargs: object) -> BuildResult:
    # A worker the builder forked (extraction) holds the pipe open; the builder is killed.
    if os.fork() == 0:  # pragma: no cover - the worker
        time.sleep(5)
        os._exit(0)
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("not reached")


def test_a_killed_builders_process_is_an_error_not_a_hang(tmp_path: Path) -> None:
    config = config_for_project(_project(tmp_path / "p"), workers=1)
    started = time.monotonic()
    with pytest.raises(BriefingError, match="ended without a result"):
        build_detached(config, _killed_beside_a_worker)
    assert time.monotonic() - started < 10
    wait_for_saved_memos()
