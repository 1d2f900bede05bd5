"""Merging the sites of a build cut into shards (``builder.runtime.shards``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import BriefingError
from builder.runtime.publish import MANIFEST, Manifest, PageEntry, write_manifest
from builder.runtime.shards import SHARD_MARK, merge_shards, write_shard_mark


def _entry(source: str) -> PageEntry:
    return PageEntry(source=source, markdown="m", links=(), alternates=())


def _shard(root: Path, number: int, pages: dict[str, str], key: str = "k", count: int = 2) -> Path:
    folder = root / f"shard{number}"
    for relative, text in {"index.html": "home", "assets/site.css": "css", **pages}.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    everything = ["index.html", "briefs/a/index.html", "briefs/b/index.html"]
    write_manifest(folder, Manifest(key, {"ar": "n"}, {page: _entry(page) for page in everything}))
    write_shard_mark(folder, key, f"{number}/{count}")
    return folder


def test_shards_merge_into_one_site(tmp_path: Path) -> None:
    one = _shard(tmp_path, 1, {"briefs/a/index.html": "A"})
    two = _shard(tmp_path, 2, {"briefs/b/index.html": "B"})
    target = tmp_path / "site"
    target.mkdir()
    report = merge_shards([two, one], target)
    found = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert found == sorted(
        [MANIFEST, "assets/site.css", "briefs/a/index.html", "briefs/b/index.html", "index.html"]
    )
    assert (target / "briefs/b/index.html").read_text("utf-8") == "B"
    assert (report.shards, report.files, report.shared) == (2, 5, 3)
    assert (one / SHARD_MARK).is_file() and (one / "briefs/a/index.html").is_file()


def test_shards_of_different_inputs_are_refused(tmp_path: Path) -> None:
    one = _shard(tmp_path, 1, {"briefs/a/index.html": "A"})
    two = _shard(tmp_path, 2, {"briefs/b/index.html": "B", "index.html": "another home"})
    with pytest.raises(BriefingError, match=r"shard2/index.html: differs from .*shard1/index.html"):
        merge_shards([one, two], tmp_path / "site")


def test_a_missing_or_repeated_or_foreign_shard_is_named(tmp_path: Path) -> None:
    one = _shard(tmp_path, 1, {"briefs/a/index.html": "A"})
    with pytest.raises(BriefingError, match=r"shard 2/2 missing"):
        merge_shards([one], tmp_path / "site")
    with pytest.raises(BriefingError, match=r"shard 1 given twice"):
        merge_shards([one, one], tmp_path / "site")
    other = _shard(tmp_path / "x", 2, {"briefs/b/index.html": "B"}, key="another")
    with pytest.raises(BriefingError, match=r"not a shard of the same build"):
        merge_shards([one, other], tmp_path / "site")
    with pytest.raises(BriefingError, match=r"not a shard's site"):
        merge_shards([one, tmp_path], tmp_path / "site")


def test_a_page_no_shard_has_is_named(tmp_path: Path) -> None:
    one = _shard(tmp_path, 1, {"briefs/a/index.html": "A"})
    two = _shard(tmp_path, 2, {})
    with pytest.raises(BriefingError, match=r"pages missing from every shard: briefs/b/index.html"):
        merge_shards([one, two], tmp_path / "site")
