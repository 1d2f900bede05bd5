"""MkDocs keeps plugin instances for the life of a process: a build another caller began and
never ended must not disturb the next one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from builder.cli import main
from builder.config import GENERATED_DIRS


def _project(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("briefs", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    return folder


def _begin_build(project: Path, *, dirty: bool) -> Any:
    """A ``build`` of ``project`` begun through its plugin's events and never ended; its
    MkDocs configuration."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    plugin.on_startup(command="build", dirty=dirty)
    plugin.on_config(config)
    return config


@pytest.mark.slow
def test_a_build_left_unfinished_does_not_take_the_next_builds_post_build(tmp_path: Path) -> None:
    left = _project(tmp_path / "left")
    config = _begin_build(left, dirty=True)
    config.plugins["briefing"].on_pre_build(config)  # and no post-build or error event
    built = _project(tmp_path / "built")
    assert main(["-f", str(built / "mkdocs.yml"), "build"]) == 0
    # The post-build steps ran, for this build's site.
    assert (built / "site" / "feed.xml").is_file()
    assert (built / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert not (left / "site").exists()


@pytest.mark.slow
def test_a_staged_build_left_unfinished_lends_the_next_build_nothing(tmp_path: Path) -> None:
    left = _project(tmp_path / "left")
    _begin_build(left, dirty=False)  # a staged site, a publisher and search copies for `left`
    assert (left / ".site.building").is_dir()
    built = _project(tmp_path / "built")
    assert main(["-f", str(built / "mkdocs.yml"), "build"]) == 0
    # The next build staged, published and indexed its own site from its own copies.
    assert (built / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert any((built / ".cache" / "briefing" / "search-pages").rglob("*.html"))
    assert not (left / ".site.building").exists() and not (left / "site").exists()
    assert not (left / ".cache" / "briefing" / "search-pages.json").exists()
