"""Rebuilds in one process (``mkdocs serve``): only what an edit changed is rendered and
written, and the result is byte for byte what a build from scratch gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, docs_hashes, edit_brief

from builder.config import config_for_project
from builder.pipeline import build
from builder.runtime.incremental import BuildMemo


def _project(folder: Path) -> Path:
    folder.mkdir()
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    return folder


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = _project(tmp_path_factory.mktemp("incremental") / "project")
    config = config_for_project(project)
    memo = BuildMemo()
    first = build(config, memo=memo)
    unchanged = build(config, memo=memo)
    kept_when_unchanged, rendered_when_unchanged = memo.kept, memo.rendered
    edit_brief(project)
    edited = build(config, memo=memo)
    return {
        "project": project,
        "config": config,
        "memo": memo,
        "first": first,
        "unchanged": unchanged,
        "kept_when_unchanged": kept_when_unchanged,
        "rendered_when_unchanged": rendered_when_unchanged,
        "edited": edited,
    }


def test_an_unchanged_corpus_renders_and_writes_nothing_kept(rebuilt: dict) -> None:
    assert rebuilt["unchanged"].written == ()
    assert rebuilt["rendered_when_unchanged"] == 0
    # Every brief page and entity page was kept: 5 briefs x 2 languages at least.
    assert rebuilt["kept_when_unchanged"] >= 10


def test_an_edit_renders_that_brief_and_what_shows_it(rebuilt: dict) -> None:
    memo: BuildMemo = rebuilt["memo"]
    written = rebuilt["edited"].written
    assert "briefs/pentagon-china-military-contacts.md" in written
    assert "briefs/pentagon-china-military-contacts.en.md" in written
    # The other four briefs' pages were neither rendered nor written.
    others = [p for p in written if p.startswith("briefs/") and "pentagon" not in p]
    assert others == []
    assert 2 <= memo.rendered < rebuilt["first"].page_count / 2
    assert memo.kept >= 8


def test_incremental_output_equals_a_build_from_scratch(rebuilt: dict, tmp_path: Path) -> None:
    fresh = _project(tmp_path / "fresh")
    edit_brief(fresh)
    build(config_for_project(fresh))
    assert docs_hashes(rebuilt["project"]) == docs_hashes(fresh)


def test_a_generated_file_changed_by_hand_is_written_again(rebuilt: dict) -> None:
    project, memo = rebuilt["project"], rebuilt["memo"]
    page = project / "docs" / "briefs" / "us-russia-strategic-stability-talks.md"
    original = page.read_bytes()
    page.write_bytes(original + b"\nhand edit\n")
    result = build(rebuilt["config"], memo=memo)
    assert "briefs/us-russia-strategic-stability-talks.md" in result.written
    assert page.read_bytes() == original


def test_the_plugin_keeps_one_memo_per_project_across_configurations(tmp_path: Path) -> None:
    # `mkdocs serve` makes a new plugin for every rebuild.
    from mkdocs.config import load_config

    project = _project(tmp_path / "p")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "docs").mkdir()
    states = []
    for _ in range(2):
        config = load_config(config_file=str(project / "mkdocs.yml"))
        plugin = config.plugins["briefing"]
        plugin.on_config(config)
        states.append(plugin.project)
    assert states[0] is not None and states[0] is states[1]
    assert states[0].memo is states[1].memo


@pytest.mark.slow
def test_a_series_of_edits_on_a_larger_corpus_gives_what_builds_from_scratch_give(
    tmp_path: Path,
) -> None:
    # Enough briefs for the corpus-wide lists to run over several pages, so that kept list
    # entries, kept list pages and updated related briefs are all exercised.
    from briefing_tools.synthetic import seed_briefs, synthetic_corpus
    from builder.config import PACKAGE_DATA
    from builder.knowledge import load_knowledge

    knowledge = load_knowledge((PACKAGE_DATA,))
    project = tmp_path / "memo"
    synthetic_corpus(seed_briefs(ROOT / "briefs", knowledge), knowledge, 60, project / "briefs")
    config = config_for_project(project)
    memo = BuildMemo()
    build(config, memo=memo)
    sources = sorted((project / "briefs").glob("*.txt"))
    extra = "\n\nوقال وزير الدفاع الأمريكي في 3 مارس 2019 إن «الردع النووي باق».\n"

    def append(path: Path) -> None:
        path.write_text(path.read_text("utf-8") + extra, "utf-8")

    edits = [
        lambda: append(sources[3]),
        lambda: append(sources[40]),
        lambda: sources[7].unlink(),
        lambda: shutil.copy(sources[12], project / "briefs" / "zz-added-copy.txt"),
        lambda: sources[3].write_text(sources[5].read_text("utf-8"), "utf-8"),
    ]
    for number, edit in enumerate(edits):
        edit()
        result = build(config, memo=memo)
        fresh = tmp_path / f"fresh-{number}"
        shutil.copytree(project / "briefs", fresh / "briefs")
        # The same project: the same sources and the same record of when they were first
        # seen (an undated brief's place in the feeds), as a clone has the same git history.
        seen = config_for_project(project).first_seen
        if seen is not None and seen.exists():
            target = config_for_project(fresh).first_seen
            assert target is not None
            target.parent.mkdir(parents=True)
            shutil.copy(seen, target)
        expected = build(config_for_project(fresh))
        assert docs_hashes(project) == docs_hashes(fresh), f"after edit {number}"
        assert result.site_files == expected.site_files, f"after edit {number}"
    assert memo.kept > 0
