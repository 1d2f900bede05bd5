"""The per-source stages: the extraction cache and the process pool give what a plain serial
extraction gives, and the cache notices every input that changes the result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from builder.config import PACKAGE_DATA
from builder.knowledge import Knowledge
from builder.model import Problem
from builder.runtime import analyse as analyse_module
from builder.runtime.analyse import ExtractionCache, analyse

SEEDS = ROOT / "briefs"


@pytest.fixture()
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    shutil.copytree(SEEDS, folder)
    return folder


def _sources(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix == ".txt")


def _display(path: Path) -> str:
    return f"briefs/{path.name}"


def test_cached_results_equal_fresh_ones(briefs: Path, tmp_path: Path, knowledge: Knowledge):
    cache = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,))
    fresh, problems = analyse(_sources(briefs), knowledge, _display, cache=cache)
    assert len(list((tmp_path / "cache").glob("*/*.pickle"))) == len(_sources(briefs))
    # A second run reads every result from the cache: extraction is never called.
    again = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,))
    calls = []
    original = analyse_module.analyse_source
    analyse_module.analyse_source = lambda *args: calls.append(args) or original(*args)
    try:
        cached, cached_problems = analyse(_sources(briefs), knowledge, _display, cache=again)
    finally:
        analyse_module.analyse_source = original
    assert calls == []
    assert cached == fresh and cached_problems == problems


def test_an_edited_source_or_sidecar_is_extracted_again(
    briefs: Path, tmp_path: Path, knowledge: Knowledge
):
    cache = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,))
    sources = _sources(briefs)
    keys = [cache.key(path, _display(path)) for path in sources]
    edited = sources[0]
    edited.write_text(edited.read_text("utf-8") + "\nفقرة جديدة.\n", "utf-8")
    sidecar = briefs / "russia-china-security-partnership.yaml"
    sidecar.write_text(sidecar.read_text("utf-8") + "\nauthor: محرر\n", "utf-8")
    after = [cache.key(path, _display(path)) for path in sources]
    changed = {path.name for path, old, new in zip(sources, keys, after, strict=True) if old != new}
    assert changed == {edited.name, "russia-china-security-partnership.txt"}
    # The same bytes under another name is another brief (its messages name the file).
    assert cache.key(sources[1], "briefs/other.txt") != after[1]


def test_new_data_files_invalidate_every_entry(briefs: Path, tmp_path: Path):
    source = _sources(briefs)[0]
    before = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,)).key(source, "b")
    user_data = tmp_path / "data"
    user_data.mkdir()
    (user_data / "gazetteer.yaml").write_text("people: []\n", "utf-8")
    after = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA, user_data)).key(source, "b")
    assert before != after


def test_a_corrupt_entry_is_a_miss_and_prune_removes_stale_ones(
    briefs: Path, tmp_path: Path, knowledge: Knowledge
):
    cache = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,))
    sources = _sources(briefs)
    expected, _ = analyse(sources, knowledge, _display, cache=cache)
    entries = sorted((tmp_path / "cache").glob("*/*.pickle"))
    entries[0].write_bytes(b"not a pickle")
    stale = entries[1].parent / ("0" * 64 + ".pickle")
    stale.write_bytes(b"old")
    again = ExtractionCache(tmp_path / "cache", (PACKAGE_DATA,))
    results, _ = analyse(sources, knowledge, _display, cache=again)
    assert sorted(results, key=str) == sorted(expected, key=str)
    assert again.prune() == 1
    assert not stale.exists()
    assert len(list((tmp_path / "cache").glob("*/*.pickle"))) == len(sources)


def test_a_process_pool_gives_the_serial_results_in_order(
    briefs: Path, knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
):
    broken = briefs / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    sources = sorted([*_sources(briefs), broken])
    serial, serial_problems = analyse(sources, knowledge, _display)
    monkeypatch.setattr(analyse_module, "PARALLEL_FROM", 2)
    pools = []

    class CountedPool(analyse_module.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(analyse_module, "ProcessPoolExecutor", CountedPool)
    ticks: list[Path] = []

    def progress(paths):
        for path in paths:
            ticks.append(path)
            yield path

    pooled, pooled_problems = analyse(
        sources, knowledge, _display, data_dirs=(PACKAGE_DATA,), workers=2, progress=progress
    )
    assert pools == [2], "the sources were extracted by a pool of two processes"
    assert pooled == serial
    assert pooled_problems == serial_problems
    assert any(isinstance(p, Problem) and p.file == "briefs/broken.txt" for p in pooled_problems)
    assert ticks == sources
