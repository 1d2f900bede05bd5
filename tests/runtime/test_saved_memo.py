"""The memo of the last build, saved for the next process (``builder.runtime.saved``): a new
process keeps what did not change, and its pages are byte for byte what a build from scratch
gives; a memo of other data files, or a damaged one, is ignored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, docs_hashes, edit_brief, loaded_plugin

from builder.config import config_for_project
from builder.knowledge import load_knowledge
from builder.pipeline import build
from builder.runtime.incremental import BuildMemo
from builder.runtime.saved import (
    _savable,
    memo_file,
    memo_key,
    restore_memo,
    save_memo,
    wait_for_saved_memos,
)

# One build in a new process, as `briefing build` is: a fresh memo, saved at the end.
_BUILD = """
import json, sys
from pathlib import Path
from builder.config import config_for_project
from builder.pipeline import build
from builder.runtime.incremental import BuildMemo
memo = BuildMemo()
result = build(config_for_project(Path(sys.argv[1]), workers=1), memo=memo, save_memo=True)
print(json.dumps({"rendered": memo.rendered, "kept": memo.kept, "pages": result.page_count}))
"""


def _build_in_new_process(project: Path) -> dict[str, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(project)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    counts: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return counts


def _project(folder: Path, data: str | None = None) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    if data is not None:
        (folder / "data").mkdir()
        (folder / "data" / "gazetteer.yaml").write_text(data, "utf-8")
    return folder


def _from_scratch(folder: Path, data: str | None = None, edited: bool = True) -> dict[str, str]:
    """The docs of the same inputs built with nothing kept (no memo, no cache)."""
    fresh = _project(folder, data)
    if edited:
        edit_brief(fresh)
    build(config_for_project(fresh, cache_dir=None, workers=1))
    return docs_hashes(fresh)


@pytest.mark.slow
def test_a_new_process_keeps_what_did_not_change_and_writes_the_same_pages(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "project")
    first = _build_in_new_process(project)
    assert first["kept"] == 0 and first["rendered"] > 0
    path = memo_file(config_for_project(project))
    assert path is not None and path.is_file()

    unchanged = _build_in_new_process(project)
    assert unchanged["rendered"] == 0
    assert unchanged["kept"] == first["rendered"]

    edit_brief(project)
    edited = _build_in_new_process(project)
    # The edited brief's two pages and what shows it; most pages are kept.
    assert 2 <= edited["rendered"] < first["rendered"] / 2
    assert edited["kept"] > first["rendered"] / 2
    assert docs_hashes(project) == _from_scratch(tmp_path / "scratch")


@pytest.mark.slow
def test_a_memo_of_other_data_files_is_ignored(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", "people: []\n")
    first = _build_in_new_process(project)
    # The same entries, other bytes: the knowledge may differ, so nothing is kept.
    (project / "data" / "gazetteer.yaml").write_text("# edited\npeople: []\n", "utf-8")
    edit_brief(project)
    again = _build_in_new_process(project)
    assert again["kept"] == 0 and again["rendered"] >= first["rendered"]
    assert docs_hashes(project) == _from_scratch(tmp_path / "scratch", "# edited\npeople: []\n")


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_memo_means_a_full_build_with_the_same_pages(tmp_path: Path, damage: str) -> None:
    project = _project(tmp_path / "project")
    first = _build_in_new_process(project)
    path = memo_file(config_for_project(project))
    assert path is not None
    raw = path.read_bytes()
    damaged = {
        "truncated": raw[: len(raw) // 2],
        "garbage": raw.split(b"\n", 1)[0] + b"\n" + b"\x80\x05not a pickle at all",
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    edit_brief(project)
    again = _build_in_new_process(project)
    assert again["kept"] == 0 and again["rendered"] >= first["rendered"]
    assert docs_hashes(project) == _from_scratch(tmp_path / "scratch")


def test_a_restored_memo_keeps_the_identity_of_the_analysed_sources(tmp_path: Path) -> None:
    # The memo compares a brief's analysed source by identity first: the extraction cache
    # must hand back the restored memo's own objects, else every comparison is a deep one.
    project = _project(tmp_path / "project")
    config = config_for_project(project, workers=1)
    build(config, memo=BuildMemo(), save_memo=True)
    memo = BuildMemo()
    assert restore_memo(config, memo, load_knowledge(config.data_dirs))
    docs = {id(doc) for doc, _ in memo.analysed.values()}
    build(config, memo=memo)
    assert memo.rendered == 0
    briefs = [entry for key, entry in memo._entries.items() if key[0] == "brief"]
    assert briefs and all(id(entry.inputs[0]) in docs for entry in briefs)


def test_a_memo_saved_in_a_forked_process_is_whole_once_waited_for(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    config = config_for_project(project, workers=1)
    build(config, memo=BuildMemo(), save_memo=True, save_in_background=True)
    wait_for_saved_memos()
    memo = BuildMemo()
    assert restore_memo(config, memo, load_knowledge(config.data_dirs))
    build(config, memo=memo)
    assert memo.rendered == 0 and memo.kept > 0


def test_the_key_covers_the_data_files_and_the_folders(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", "people: []\n")
    config = config_for_project(project)
    key = memo_key(config)
    assert memo_key(config_for_project(project)) == key
    (project / "data" / "gazetteer.yaml").write_text("people: []  # edited\n", "utf-8")
    assert memo_key(config) != key
    assert memo_key(config_for_project(project, docs_dir="elsewhere")) != memo_key(config)


def test_no_cache_means_no_memo_file(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    config = config_for_project(project, cache_dir=None, workers=1)
    assert memo_file(config) is None
    build(config, memo=BuildMemo(), save_memo=True)
    assert not (project / ".cache").exists()
    assert not restore_memo(config, BuildMemo(), load_knowledge(config.data_dirs))


def test_a_memo_that_cannot_be_written_does_not_stop_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    config = config_for_project(project, workers=1)
    path = memo_file(config)
    assert path is not None
    path.mkdir(parents=True)  # a folder where the file goes: the rename fails
    memo = BuildMemo()
    build(config, memo=memo, save_memo=True)
    save_memo(config, memo)
    assert path.is_dir() and not list(path.parent.glob(".*.tmp"))
    assert not restore_memo(config, BuildMemo(), load_knowledge(config.data_dirs))


def test_values_holding_code_made_inside_a_function_are_not_saved() -> None:
    def inner() -> int:
        return 1

    values = {
        ("lines", "a"): ((1,), ["a line"]),
        ("lines", "b"): ((2,), ["another"]),
        ("entries", "a"): ((1,), [inner]),
        "plain": ((), 3),
    }
    assert set(_savable(values)) == {("lines", "a"), ("lines", "b"), "plain"}


def test_a_kind_is_judged_by_a_value_with_contents() -> None:
    # A brief without quotes has an empty tuple of entries; the next brief's hold code.
    def inner() -> int:
        return 1

    values = {
        ("quotes", "a"): ((1,), ()),
        ("quotes", "b"): ((2,), (inner,)),
        ("quotes", "c"): ((3,), (inner,)),
        ("json", "a"): ((1,), "{}"),
    }
    assert set(_savable(values)) == {("quotes", "a"), ("json", "a")}
    assert set(_savable(values, each=True)) == {("quotes", "a"), ("json", "a")}


def test_a_memo_whose_kind_hides_code_is_still_saved(tmp_path: Path) -> None:
    # The first value of the kind pickles, a later one does not: the save judges each value
    # instead of losing the whole memo (at 10,000 briefs no memo was ever saved).
    def inner() -> int:
        return 1

    project = _project(tmp_path / "project")
    config = config_for_project(project, workers=1)
    memo = BuildMemo()
    build(config, memo=memo)
    memo._values[("odd", "a")] = ((1,), ["fine"])
    memo._values[("odd", "b")] = ((2,), [inner])
    save_memo(config, memo)
    restored = BuildMemo()
    assert restore_memo(config, restored, load_knowledge(config.data_dirs))
    assert ("odd", "a") in restored._values and ("odd", "b") not in restored._values
    assert set(restored._values) == set(_savable(memo._values, each=True))


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_plugin_saves_the_memo_of_a_build_not_of_serve(tmp_path: Path, command: str) -> None:
    # `serve` keeps the memo in memory: writing it after every rebuild would slow them.
    project = _project(tmp_path / "p")
    config, plugin = loaded_plugin(project)
    # A dirty build writes no staged site: the builder step alone.
    plugin.on_startup(command=command, dirty=command == "build")
    plugin.on_config(config)
    plugin.on_pre_build(config)
    assert plugin.project is not None and plugin.result is not None
    # A build saves its memo in a forked process and lets it go; `serve` keeps it.
    assert (plugin.project.memo.rendered > 0) == (command == "serve")
    wait_for_saved_memos()
    path = memo_file(config_for_project(project))
    assert path is not None and path.is_file() == (command == "build")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks, reads /proc")
def test_processes_waited_for_at_exit_are_reaped_once_they_end() -> None:
    # A process that builds again and again keeps no zombie of its builders' processes.
    from builder.runtime import saved

    ended = []
    for _ in range(2):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the forked process
            os._exit(0)
        ended.append(pid)
    deadline = time.monotonic() + 30
    for pid in ended:  # wait until both have ended, not yet reaped
        while Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
    for pid in ended:
        saved.wait_at_exit(pid)
    running = os.fork()
    if running == 0:  # pragma: no cover - the forked process
        time.sleep(0.5)
        os._exit(0)
    saved.wait_at_exit(running)
    assert [running] == saved._SAVING
    for pid in ended:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, 0)
    wait_for_saved_memos()
    assert saved._SAVING == []
