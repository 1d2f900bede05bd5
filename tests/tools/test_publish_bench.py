"""The publishing benchmark's steps (briefing_tools.benchmarks.publish): what a fresh build
keeps, the template change, and the builder step read from the build's log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from briefing_tools.benchmarks import publish
from builder.model import BuildResult
from builder.plugin.reports import log_result


def test_a_fresh_build_keeps_the_extraction_cache_alone(tmp_path: Path) -> None:
    cache = tmp_path / ".cache" / "briefing"
    (cache / "extract" / "ab").mkdir(parents=True)
    (cache / "extract" / "ab" / "entry").write_text("analysis")
    (cache / "search-pages").mkdir()
    (cache / "memo.pickle").write_text("memo")
    (tmp_path / "site").mkdir()
    (tmp_path / "docs" / "briefs").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("hand-written")
    publish.make_fresh(tmp_path)
    assert sorted(p.name for p in cache.iterdir()) == ["extract"]
    assert (cache / "extract" / "ab" / "entry").read_text() == "analysis"
    assert not (tmp_path / "site").exists() and not (tmp_path / "docs" / "briefs").exists()
    assert (tmp_path / "docs" / "index.md").read_text() == "hand-written"


def test_a_template_change_is_a_jinja_comment(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text('{% extends "base.html" %}\n')
    publish.touch_template(tmp_path, 2)
    text = (tmp_path / "overrides" / "main.html").read_text()
    # A Jinja comment: a new template, the same HTML.
    assert text == '{% extends "base.html" %}\n\n{# benchmark 2 #}\n'


def test_the_builder_step_is_read_from_the_log(caplog: pytest.LogCaptureFixture) -> None:
    result = BuildResult(briefs=(), entities=(), page_count=3, written=("a.md",), removed=())
    with caplog.at_level(logging.INFO):
        log_result(result, 1, 2, 12.345)
    found = publish.BUILDER_STEP.search(caplog.text)
    assert found is not None and float(found.group(1)) == 12.3


def test_the_table_gives_the_builder_share() -> None:
    run = {"seconds": 100.0, "builder_s": 20.0, "peak_mb": 900, "python_mb": 500,
           "pagefind_mb": 300, "tree_pss_mb": 1000}  # fmt: skip
    figures = {"old": {"fresh": [dict(run, seconds=200.0)]}, "new": {"fresh": [run]}}
    row = publish.table(figures).splitlines()[-1]
    assert row.startswith("| fresh | 200.0 (200.0) | 100.0 (100.0) | 0.50 |")
    assert row.endswith("| 20.0 (20%) |")
