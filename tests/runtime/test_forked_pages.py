"""Brief pages rendered by forked processes (builder.runtime.forked_pages): the same pages
as the build makes itself, errors raised by the build, briefs taken back in order with few
chunks under way."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, docs_hashes

from builder.config import config_for_project
from builder.errors import BriefError, BriefingError
from builder.model import Page
from builder.pipeline import build
from builder.runtime import forked_pages
from builder.runtime.forked_pages import ForkedPages, can_fork_pages
from builder.runtime.incremental import BuildMemo


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 synthetic briefs: enough for several chunks and lists of several pages."""
    from briefing_tools.synthetic import seed_briefs, synthetic_corpus
    from builder.config import PACKAGE_DATA
    from builder.knowledge import load_knowledge

    knowledge = load_knowledge((PACKAGE_DATA,))
    folder = tmp_path_factory.mktemp("forked") / "briefs"
    synthetic_corpus(seed_briefs(ROOT / "briefs", knowledge), knowledge, 40, folder)
    return folder


def _project(sources: Path, folder: Path) -> Path:
    shutil.copytree(sources, folder / "briefs")
    return folder


@pytest.fixture()
def forking(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Fork from the first brief, three briefs a chunk, one chunk under way: the number of
    briefs given to each ForkedPages made is recorded."""
    monkeypatch.setattr(forked_pages, "PARALLEL_FROM", 1)
    monkeypatch.setattr(forked_pages, "CHUNK", 3)
    monkeypatch.setattr(forked_pages, "IN_FLIGHT", 1)
    made: list[int] = []
    original = ForkedPages.__init__

    def counted(self, render, numbers, workers):
        made.append(len(numbers))
        original(self, render, numbers, workers)

    monkeypatch.setattr(ForkedPages, "__init__", counted)
    return made


@pytest.mark.parametrize("workers", [2, 3])  # one forked process, then two
def test_forked_pages_are_the_pages_made_here(
    sources: Path, tmp_path: Path, forking: list[int], workers: int
) -> None:
    here = _project(sources, tmp_path / "here")
    there = _project(sources, tmp_path / "there")
    build(config_for_project(here, workers=1))
    assert forking == []
    result = build(config_for_project(there, workers=workers))
    assert forking == [40]
    assert docs_hashes(there) == docs_hashes(here)
    assert result.page_count == len(docs_hashes(here)) > 80
    assert multiprocessing.active_children() == []


def test_an_edit_renders_only_its_briefs_elsewhere(
    sources: Path, tmp_path: Path, forking: list[int]
) -> None:
    project = _project(sources, tmp_path / "project")
    config = config_for_project(project, workers=2)
    memo = BuildMemo()
    build(config, memo=memo)
    edited = sorted((project / "briefs").glob("*.txt"))[4]
    edited.write_text(edited.read_text("utf-8") + "\n\nوقال المتحدث إن المحادثات ستستأنف.\n")
    build(config, memo=memo)
    # The first build forked every brief; the edit, only the briefs whose pages show it.
    assert forking[0] == 40 and 1 <= forking[1] < 40
    fresh = _project(project / "briefs", tmp_path / "fresh")
    build(config_for_project(fresh, workers=1))
    assert docs_hashes(project) == docs_hashes(fresh)


def test_an_error_in_a_forked_render_is_raised_by_the_build(
    sources: Path, tmp_path: Path, forking: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.runtime.generated as generated

    project = _project(sources, tmp_path / "project")
    victim = sorted(path.stem for path in (project / "briefs").glob("*.txt"))[7]
    render = generated.render_brief

    def failing(brief, *args, **kwargs):
        if brief.doc.source.slug == victim:
            raise BriefingError(f"briefs/{victim}.txt: [title] cannot be rendered")
        return render(brief, *args, **kwargs)

    monkeypatch.setattr(generated, "render_brief", failing)
    with pytest.raises(BriefingError, match=rf"{victim}\.txt: \[title\] cannot be rendered"):
        build(config_for_project(project, workers=2))
    assert forking == [40]
    assert multiprocessing.active_children() == []


def _pid_page(number: int) -> list[Page]:
    return [Page(f"{number}.md", str(os.getpid()))]


def test_briefs_come_back_in_order_with_few_chunks_under_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked_pages, "CHUNK", 2)
    monkeypatch.setattr(forked_pages, "IN_FLIGHT", 2)
    numbers = [3, 5, 8, 9, 10, 12, 20]
    forked = ForkedPages(_pid_page, numbers, 1)
    try:
        assert 5 in forked and 4 not in forked
        assert not forked.ready(5)  # not the next one
        with pytest.raises(ValueError, match="out of order"):
            forked.take(5)
        pages = []
        for number in numbers:
            assert len(forked._submitted) <= 2
            pages += forked.take(number)
        assert [page.path for page in pages] == [f"{n}.md" for n in numbers]
        assert {page.content for page in pages} != {str(os.getpid())}
    finally:
        forked.close()
    assert multiprocessing.active_children() == []


def test_the_build_steals_the_last_chunks_no_process_has_begun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked_pages, "CHUNK", 2)
    monkeypatch.setattr(forked_pages, "IN_FLIGHT", 1)
    forked = ForkedPages(_pid_page, list(range(9)), 1)
    try:
        # One chunk given ([0, 1]); the rest stolen from the end, chunks kept aligned.
        assert forked.steal() == [8]
        assert forked.steal() == [6, 7]
        assert 6 not in forked and 5 in forked
        pages = forked.take(0) + forked.take(1) + forked.take(2)
        assert forked.steal() == [4, 5]  # [2, 3] was given when [0, 1] was taken
        assert forked.steal() == []
        pages += forked.take(3)
        assert [page.path for page in pages] == [f"{n}.md" for n in range(4)]
        assert not forked.ready(4)
    finally:
        forked.close()


def test_pages_stolen_by_the_build_are_the_pages_made_here(
    sources: Path, tmp_path: Path, forking: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.runtime.generated as generated

    here = _project(sources, tmp_path / "here")
    there = _project(sources, tmp_path / "there")
    build(config_for_project(here, workers=1))
    # A slow forked process: the build, done with its index pages, renders most briefs.
    parent, render = os.getpid(), generated.render_brief

    def slow_elsewhere(*args, **kwargs):
        if os.getpid() != parent:
            time.sleep(0.2)
        return render(*args, **kwargs)

    monkeypatch.setattr(generated, "render_brief", slow_elsewhere)
    stolen: list[int] = []
    steal = ForkedPages.steal

    def counted(self):
        chunk = steal(self)
        stolen.extend(chunk)
        return chunk

    monkeypatch.setattr(ForkedPages, "steal", counted)
    build(config_for_project(there, workers=2))
    assert forking == [40] and 3 <= len(stolen) < 40
    assert docs_hashes(there) == docs_hashes(here)


def _failing_page(number: int) -> list[Page]:
    if number == 4:
        raise BriefError("briefs/x.txt", "no title to show", field="title")
    if number == 7:
        os._exit(3)  # a process killed mid-task, as the OOM killer would
    return [Page(f"{number}.md", "")]


def test_a_forked_error_or_death_reaches_the_build_as_a_briefing_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked_pages, "CHUNK", 1)
    forked = ForkedPages(_failing_page, [1, 4], 1)
    try:
        forked.take(1)
        # BriefError's arguments are not its message: sent as it is, it would not unpickle.
        with pytest.raises(BriefingError, match=r"briefs/x\.txt \[title\]: no title to show"):
            forked.take(4)
    finally:
        forked.close()
    forked = ForkedPages(_failing_page, [7], 1)
    try:
        with pytest.raises(BriefingError, match="a process rendering them ended"):
            forked.take(7)
    finally:
        forked.close()


def test_forked_processes_die_with_the_build(tmp_path: Path) -> None:
    # A build killed while its brief pages render: its forked processes must not wait on,
    # each holding a copy of the corpus.
    script = tmp_path / "killed.py"
    script.write_text(
        "import os, signal, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from builder.model import Page\n"
        "from builder.runtime.forked_pages import ForkedPages\n"
        "def render(number):\n"
        "    time.sleep(0.05)\n"
        "    return [Page(f'{number}.md', 'x' * 200_000)]\n"
        "forked = ForkedPages(render, list(range(400)), 2)\n"
        "forked.take(0)\n"
        "print(' '.join(str(p) for p in forked._pool._processes), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    children = [int(pid) for pid in run.stdout.split()]
    assert len(children) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_forking_needs_many_briefs_and_a_spare_core() -> None:
    assert can_fork_pages(forked_pages.PARALLEL_FROM, 2)
    assert not can_fork_pages(forked_pages.PARALLEL_FROM - 1, 2)
    assert not can_fork_pages(forked_pages.PARALLEL_FROM, 1)
