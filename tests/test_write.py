"""Writing: only into owned folders, only when changed, stale pages removed, docs/ untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import BriefingError
from builder.model import Page
from builder.write import write_pages, write_site_files


def test_writes_only_changed_pages_and_removes_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / "index.md").write_text("hand-written", "utf-8")
    written, removed, count = write_pages(
        iter([Page("briefs/a.md", "A"), Page("people/x.md", "X")]), docs
    )
    assert count == 2
    assert written == ["briefs/a.md", "people/x.md"] and removed == []
    stamp = (docs / "briefs" / "a.md").stat().st_mtime_ns
    written, removed, _ = write_pages([Page("briefs/a.md", "A"), Page("people/y.md", "Y")], docs)
    assert written == ["people/y.md"]
    assert removed == ["people/x.md"]
    assert (docs / "briefs" / "a.md").stat().st_mtime_ns == stamp
    assert (docs / "index.md").read_text("utf-8") == "hand-written"
    assert not list(docs.rglob(".tmp-*"))


@pytest.mark.parametrize(
    "path", ["../evil.md", "/etc/passwd", "index.md", "briefs/../../x.md", "about/x.md", ""]
)
def test_refuses_paths_outside_generated_folders(tmp_path: Path, path: str) -> None:
    with pytest.raises(BriefingError, match="refusing"):
        write_pages([Page(path, "x")], tmp_path / "docs")
    assert not (tmp_path / "evil.md").exists()


def test_refuses_a_symlinked_generated_folder_pointing_outside(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (docs / "briefs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(BriefingError):
        write_pages([Page("briefs/a.md", "A")], docs)
    assert not (outside / "a.md").exists()


def test_duplicate_page_paths_are_an_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="share the path"):
        write_pages([Page("briefs/a.md", "1"), Page("briefs/a.md", "2")], tmp_path)


@pytest.mark.parametrize("path", ["../evil.xml", "/tmp/evil.xml", "data/../../evil.xml", ""])
def test_published_files_stay_inside_the_site(tmp_path: Path, path: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(BriefingError, match="refusing"):
        write_site_files([Page(path, "x")], site)
    assert not (tmp_path / "evil.xml").exists()
    write_site_files([Page("data/briefs/a.json", "{}"), Page("en/feed.xml", "<feed/>")], site)
    assert (site / "data" / "briefs" / "a.json").read_text("utf-8") == "{}"
    assert (site / "en" / "feed.xml").is_file()
