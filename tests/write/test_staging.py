"""The site is built beside the last good one and swapped in (``builder.write.staging``)."""

from __future__ import annotations

import time
from pathlib import Path

from builder.write.staging import discard_staging, publish_staging, start_staging


def _site(folder: Path, text: str) -> None:
    (folder / "briefs").mkdir(parents=True, exist_ok=True)
    (folder / "briefs" / "index.html").write_text(text, encoding="utf-8")


def test_the_new_site_replaces_the_old_and_the_old_is_deleted_aside(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site, "old")
    staging = start_staging(site)
    assert staging.is_dir() and not any(staging.iterdir())
    _site(staging, "new")
    publish_staging(staging, site)
    assert (site / "briefs" / "index.html").read_text("utf-8") == "new"
    assert not staging.exists()
    _wait_for_deletions(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def _wait_for_deletions(folder: Path) -> None:
    """Until the replaced sites' deleting processes are done (20 s at most)."""
    deadline = time.monotonic() + 20
    while any(folder.glob(".site.replaced-*")) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_deletion_cut_short_and_a_half_built_site_go_with_the_next_build(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    _site(site, "good")
    _site(tmp_path / ".site.replaced-0123", "replaced")
    _site(tmp_path / ".site.building", "half")
    staging = start_staging(site)  # the deletion cut short goes on in a process of its own
    _wait_for_deletions(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.building", "site"]
    assert not any(staging.iterdir())
    discard_staging(staging)
    assert (site / "briefs" / "index.html").read_text("utf-8") == "good"


def test_a_swap_cut_in_the_middle_puts_the_last_good_site_back(tmp_path: Path) -> None:
    _site(tmp_path / ".site.previous", "good")
    start_staging(tmp_path / "site")
    assert (tmp_path / "site" / "briefs" / "index.html").read_text("utf-8") == "good"
