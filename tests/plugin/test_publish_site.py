"""``briefing build`` publishes what changed (``builder.runtime.publish``): over a series of
edits, each build that reuses the last site gives the site a build from scratch gives, byte
for byte, while rendering only the pages that changed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED, UNSTABLE_SEARCH_FILES, files_under

from builder.runtime.publish import MANIFEST, link_targets
from builder.search.copies import FOLDER as SEARCH_COPIES
from builder.search.copies import search_copy

NEW_BRIEF = SHARED / "dev" / "articles" / "d01_aawsat-2015-08-02.txt"

_UNSTABLE = re.compile(rf"^pagefind/{UNSTABLE_SEARCH_FILES}")


def test_link_targets_are_relative_to_the_page() -> None:
    markdown = '[a](../people/x.md#s) [b](https://e.org/x.md) <a href="y.md">y</a> [c](#top)'
    assert link_targets(markdown, "briefs/a.md") == ["briefs/y.md", "people/x.md"]


def _build(project: Path, *options: str) -> tuple[int, int]:
    run = subprocess.run(
        [sys.executable, "-m", "builder", "-v", "build", *options],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = re.search(r"publish: (\d+) pages rendered, (\d+) kept", run.stderr)
    assert found, run.stderr[-3000:]
    # What the builder step took, for a reader of the log and for the benchmarks.
    assert re.search(r"pages: \d+ written, \d+ removed; builder step \d+\.\d s", run.stderr)
    return int(found.group(1)), int(found.group(2))


def _inputs(source: Path, target: Path) -> Path:
    """A fresh project with ``source``'s inputs and none of its outputs."""
    from builder.config import GENERATED_DIRS

    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("briefs", "overrides"):
        shutil.copytree(source / folder, target / folder)
    # When each undated brief entered the corpus (the feeds date it so) is an input too.
    seen = source / ".cache" / "briefing" / "first-seen.json"
    if seen.is_file():
        (target / ".cache" / "briefing").mkdir(parents=True)
        shutil.copy(seen, target / ".cache" / "briefing" / seen.name)
    shutil.copytree(
        source / "docs",
        target / "docs",
        ignore=lambda folder, names: GENERATED_DIRS if Path(folder) == source / "docs" else (),
    )
    return target


def _assert_same_site(kept: Path, scratch: Path) -> None:
    ours, theirs = files_under(kept), files_under(scratch)
    stable = lambda files: {p: b for p, b in files.items() if not _UNSTABLE.match(p)}  # noqa: E731
    assert sorted(stable(ours)) == sorted(stable(theirs))
    different = [path for path, data in stable(ours).items() if theirs[path] != data]
    assert different == []
    unstable = lambda files: sorted(p for p in files if _UNSTABLE.match(p))  # noqa: E731
    assert len(unstable(ours)) == len(unstable(theirs))
    entry = lambda files: json.loads(files["pagefind/pagefind-entry.json"])["languages"]  # noqa: E731
    pages = lambda langs: {lang: info["page_count"] for lang, info in langs.items()}  # noqa: E731
    assert pages(entry(ours)) == pages(entry(theirs))


def _assert_search_copies_of(site: Path, cache: Path) -> None:
    """The search copies Pagefind read are those of the site's pages, none stale."""
    copies = cache / SEARCH_COPIES
    expected = {}
    for page in site.rglob("*.html"):
        copy = search_copy(page.read_text("utf-8"))
        if copy is not None:
            expected[page.relative_to(site).as_posix()] = copy
    found = {path.relative_to(copies).as_posix(): path for path in copies.rglob("*.html")}
    assert sorted(found) == sorted(expected)
    assert [path for path, copy in found.items() if copy.read_text("utf-8") != expected[path]] == []
    assert (cache / "search-pages.json").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not NEW_BRIEF.is_file(), reason="../shared/dev/articles is not here")
def test_each_build_keeps_unchanged_pages_and_equals_a_build_from_scratch(
    project: Path, tmp_path: Path
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("      data_dir: data\n", "      data_dir: data\n      pdf: false\n")
    )
    rendered, kept = _build(project)
    total = rendered
    assert kept == 0 and total > 300
    assert (project / "site" / MANIFEST).is_file()

    def step(lower: int, upper: int) -> int:
        rendered, kept = _build(project)
        scratch = _inputs(project, tmp_path / "scratch")
        assert _build(scratch) == (rendered + kept, 0)
        _assert_same_site(project / "site", scratch / "site")
        _assert_search_copies_of(project / "site", project / ".cache" / "briefing")
        assert lower <= rendered <= upper, (rendered, kept)
        return kept

    # Nothing changed: the navigation and home pages only.
    step(1, 30)
    # One sentence more in one brief: its pages, the pages that list it, the navigation.
    brief = project / "briefs" / "tokyo-defence-spending.txt"
    if not brief.is_file():
        brief = sorted((project / "briefs").glob("*.txt"))[0]
    with brief.open("a", encoding="utf-8") as out:
        out.write("\nوقال المتحدث إن الاجتماع المقبل سيعقد في الشهر القادم.\n")
    step(2, total // 3)
    # A new brief, then a brief removed: its pages come and go, most pages are kept.
    shutil.copy(NEW_BRIEF, project / "briefs" / "new-brief.txt")
    step(2, total // 2)
    removed = sorted((project / "briefs").glob("*.txt"))[0]
    removed.unlink()
    removed.with_suffix(".yaml").unlink(missing_ok=True)
    step(2, total // 2)
    # A page of the navigation under another title: it is in the menu of every page of its
    # language (the Arabic ones; English has its own about.en.md).
    about = project / "docs" / "about.md"
    text = about.read_text("utf-8")
    assert "title: عن الموقع والمنهج\n" in text
    about.write_text(text.replace("title: عن الموقع والمنهج\n", "title: عن الموقع\n"), "utf-8")
    assert step(total // 3, 10 * total) <= total * 2 // 3
    # Another mkdocs.yml: every page again.
    config.write_text(config.read_text("utf-8").replace("strict: false", "strict: false\n# x"))
    assert step(total // 2, 10 * total) == 0
    assert _build(project)[1] > total // 2


def _merge(folder: Path) -> subprocess.CompletedProcess[str]:
    command = ["merge", "machine1/site", "machine2/site", "-d", "merged"]
    return subprocess.run(
        [sys.executable, "-m", "builder", *command],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_two_shards_merged_equal_one_build_in_one_process(project: Path, tmp_path: Path) -> None:
    """Shards built apart (as on two machines, each rendering in two processes) and merged
    give the site one process builds, PDFs included."""
    single = _inputs(project, tmp_path / "single")
    rendered, _ = _build(single, "--jobs", "1")
    parts = []
    for number in (1, 2):
        machine = _inputs(project, tmp_path / f"machine{number}")
        parts.append(_build(machine, "--jobs", "2", "--shard", f"{number}/2")[0])
        assert not (machine / "site" / "pagefind").exists()
    # Each shard renders its half of the pages and both render the navigation.
    assert max(parts) < rendered < sum(parts)
    one, two = (files_under(tmp_path / f"machine{number}" / "site") for number in (1, 2))
    assert any(path.startswith("pdf/") and path not in two for path in one)
    assert any(path.startswith("briefs/") and path not in one for path in two)
    merge = _merge(tmp_path)
    assert merge.returncode == 0, merge.stderr[-3000:]
    assert "briefing merge: 2 shards" in merge.stdout
    _assert_same_site(tmp_path / "merged", single / "site")
    # Shards of another build are refused, naming the file that differs.
    (tmp_path / "machine2" / "site" / "feed.xml").write_text("<feed/>", encoding="utf-8")
    again = _merge(tmp_path)
    assert again.returncode != 0
    assert "machine2/site/feed.xml: differs from" in again.stderr
    _assert_same_site(tmp_path / "merged", single / "site")  # the last good site stays
