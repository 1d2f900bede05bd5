"""When a source entered the corpus (``builder.read.history``): the first commit that added
it in git, else a first-seen record kept beside the cache, else its modification time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builder.read.history import entry_times, git_entry_times

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str, when: str = "2020-01-02T03:04:05+02:00") -> None:
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ("-c", "user.name=Editor", "-c", "user.email=editor@example.org")
    subprocess.run(["git", *identity, *args], cwd=repo, env=environment, check=True,
                   capture_output=True)  # fmt: skip


def _at(moment: str):
    return lambda: datetime.fromisoformat(moment)


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    """A project whose briefs were added, one renamed, one left uncommitted."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    _git(tmp_path, "init", "-q")
    (briefs / "first name.txt").write_text("مقال أول", "utf-8")
    (briefs / "تقرير.txt").write_text("مقال ثان", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "two briefs")
    _git(tmp_path, "mv", "briefs/first name.txt", "briefs/renamed.txt")
    (briefs / "later.txt").write_text("مقال ثالث", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "a rename and a brief", when="2021-05-06T07:08:09Z")
    (briefs / "uncommitted.txt").write_text("مقال رابع", "utf-8")
    return tmp_path


@needs_git
def test_git_gives_the_first_commit_that_added_each_file_across_renames(
    repository: Path,
) -> None:
    times = git_entry_times(repository / "briefs")
    assert times["renamed.txt"] == "2020-01-02T01:04:05Z"  # the add, not the rename, in UTC
    assert times["تقرير.txt"] == "2020-01-02T01:04:05Z"
    assert times["later.txt"] == "2021-05-06T07:08:09Z"
    assert "uncommitted.txt" not in times


@needs_git
def test_a_file_git_does_not_know_gets_a_first_seen_time_kept_in_the_record(
    repository: Path,
) -> None:
    briefs = repository / "briefs"
    sources = {f"briefs/{p.name}": p for p in sorted(briefs.iterdir())}
    record = repository / ".cache" / "briefing" / "first-seen.json"
    first = entry_times(sources, record, _at("2025-12-06T10:00:00+00:00"))
    assert first == {
        "briefs/renamed.txt": "2020-01-02T01:04:05Z",
        "briefs/later.txt": "2021-05-06T07:08:09Z",
        "briefs/uncommitted.txt": "2025-12-06T10:00:00Z",
        "briefs/تقرير.txt": "2020-01-02T01:04:05Z",
    }
    # Only what git does not know is recorded, and a later build reads it back.
    assert json.loads(record.read_text("utf-8"))["sources"] == {
        "briefs/uncommitted.txt": "2025-12-06T10:00:00Z"
    }
    assert entry_times(sources, record, _at("2026-01-01T00:00:00+00:00")) == first
    # Once committed, the commit's time is the source's.
    _git(repository, "add", ".")
    _git(repository, "commit", "-q", "-m", "the fourth", when="2026-02-03T04:05:06Z")
    again = entry_times(sources, record, _at("2026-03-01T00:00:00+00:00"))
    assert again["briefs/uncommitted.txt"] == "2026-02-03T04:05:06Z"


def test_outside_git_the_first_seen_record_decides_and_grows(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "a.txt").write_text("مقال", "utf-8")
    record = tmp_path / "cache" / "first-seen.json"
    sources = {"briefs/a.txt": briefs / "a.txt"}
    assert entry_times(sources, record, _at("2025-01-01T12:00:00+03:00")) == {
        "briefs/a.txt": "2025-01-01T09:00:00Z"
    }
    (briefs / "b.txt").write_text("مقال", "utf-8")
    sources["briefs/b.txt"] = briefs / "b.txt"
    later = entry_times(sources, record, _at("2025-02-01T00:00:00+00:00"))
    assert later == {"briefs/a.txt": "2025-01-01T09:00:00Z", "briefs/b.txt": "2025-02-01T00:00:00Z"}
    assert entry_times(sources, record, _at("2030-01-01T00:00:00+00:00")) == later


def test_without_a_record_the_modification_time_stands_in(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("مقال", "utf-8")
    os.utime(source, (0, datetime(2024, 3, 5, 6, 7, 8, tzinfo=UTC).timestamp()))
    expected = {"briefs/a.txt": "2024-03-05T06:07:08Z"}
    assert entry_times({"briefs/a.txt": source}, None) == expected
    # A record that cannot be written (its folder would be inside a file) does the same.
    (tmp_path / "blocked").write_text("", "utf-8")
    assert entry_times({"briefs/a.txt": source}, tmp_path / "blocked" / "first-seen.json") == (
        expected
    )


@needs_git
def test_a_shallow_clone_does_not_date_sources_by_its_one_commit(
    repository: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A shallow clone (CI's default checkout) sees every file as added in its one commit;
    those times would move on every push, so the first-seen record decides instead."""
    _git(repository, "add", ".")
    _git(repository, "commit", "-q", "-m", "the fourth", when="2026-02-03T04:05:06Z")
    clone = tmp_path_factory.mktemp("clone") / "project"
    _git(repository, "clone", "-q", "--depth", "1", repository.as_uri(), str(clone))
    assert git_entry_times(clone / "briefs") == {}
    record = clone / ".cache" / "first-seen.json"
    sources = {"briefs/later.txt": clone / "briefs" / "later.txt"}
    first = entry_times(sources, record, _at("2026-03-01T00:00:00+00:00"))
    assert first == {"briefs/later.txt": "2026-03-01T00:00:00Z"}
    assert entry_times(sources, record, _at("2026-04-01T00:00:00+00:00")) == first


@pytest.mark.parametrize(
    "bad",
    ["", None, "garbage", 5, "2025-01-01T00:00:00", [], "2025-13-01", "0001-01-01T00:00:00+05:00"],
)
def test_a_bad_first_seen_value_counts_as_missing(tmp_path: Path, bad: object) -> None:
    source = tmp_path / "x.txt"
    source.write_text("مقال", "utf-8")
    record = tmp_path / "first-seen.json"
    good = "2024-05-06T10:00:00+03:00"
    record.write_text(json.dumps({"sources": {"briefs/x.txt": bad, "briefs/y.txt": good}}))
    sources = {"briefs/x.txt": source, "briefs/y.txt": source}
    times = entry_times(sources, record, _at("2025-06-07T08:09:10+00:00"))
    assert times == {"briefs/x.txt": "2025-06-07T08:09:10Z", "briefs/y.txt": "2024-05-06T07:00:00Z"}
    # The bad value is replaced in the record; the good one is kept, normalized.
    assert json.loads(record.read_text("utf-8"))["sources"] == times
