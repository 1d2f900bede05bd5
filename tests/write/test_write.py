"""Writing: only into owned folders, only when changed, stale pages removed, docs/ untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.errors import BriefingError
from builder.model import Page
from builder.render.markup import front_matter
from builder.write.pages import write_if_changed, write_pages, write_site_files


def _page(path: str, body: str) -> Page:
    """A page as the builder makes them: generated front matter, then the body."""
    return Page(path, front_matter({"title": body}) + body)


def test_writes_only_changed_pages_and_removes_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / "index.md").write_text("hand-written", "utf-8")
    report = write_pages(iter([_page("briefs/a.md", "A"), _page("people/x.md", "X")]), docs)
    assert report.page_count == 2
    assert report.written == ["briefs/a.md", "people/x.md"] and report.removed == []
    stamp = (docs / "briefs" / "a.md").stat().st_mtime_ns
    report = write_pages([_page("briefs/a.md", "A"), _page("people/y.md", "Y")], docs)
    assert report.written == ["people/y.md"]
    assert report.removed == ["people/x.md"]
    assert (docs / "briefs" / "a.md").stat().st_mtime_ns == stamp
    assert (docs / "index.md").read_text("utf-8") == "hand-written"
    assert not list(docs.rglob(".tmp-*"))


def test_hand_written_files_in_generated_folders_are_never_touched(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefs").mkdir(parents=True)
    notes = docs / "briefs" / "notes.md"
    notes.write_text("# My notes\n", "utf-8")
    clash = docs / "briefs" / "a.md"
    clash.write_text("---\ntitle: mine\n---\nan editor's page\n", "utf-8")
    picture = docs / "briefs" / "map.png"
    picture.write_bytes(b"\x89PNG")
    report = write_pages([_page("briefs/a.md", "A"), _page("briefs/b.md", "B")], docs)
    assert report.written == ["briefs/b.md"]
    assert report.blocked == ["briefs/a.md"]
    assert report.hand_written == ["briefs/map.png", "briefs/notes.md"]
    assert report.removed == []
    assert clash.read_text("utf-8") == "---\ntitle: mine\n---\nan editor's page\n"
    assert notes.read_text("utf-8") == "# My notes\n" and picture.read_bytes() == b"\x89PNG"
    # A generated page that is no longer wanted still goes.
    report = write_pages([_page("briefs/a.md", "A")], docs)
    assert report.removed == ["briefs/b.md"]


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
        write_pages([_page("briefs/a.md", "A")], docs)
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


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_mode_open_gives(tmp_path: Path, umask: int, mode: int) -> None:
    # 0666 less the umask, as open(path, "w") makes it, never a temporary file's 0600: a web
    # server running as another user must be able to read a published file.
    (tmp_path / "site").mkdir()
    previous = os.umask(umask)
    try:
        write_pages([_page("briefs/a.md", "A")], tmp_path / "docs")
        write_site_files([Page("feed.xml", "<feed/>\n")], tmp_path / "site")
        write_if_changed(tmp_path / "pdf" / "a.pdf", b"%PDF-1.7\n")
    finally:
        os.umask(previous)
    for path in ("docs/briefs/a.md", "site/feed.xml", "pdf/a.pdf"):
        assert (tmp_path / path).stat().st_mode & 0o777 == mode, path
    assert not list(tmp_path.rglob(".tmp-*"))
