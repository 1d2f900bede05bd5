"""The hostile corpus (``tests/site/hostile/``) built together with the default briefs.

Every hostile source gets its clear message (file and field) or its page, the good briefs
all build, nothing from a source becomes markup or runs in a browser, nothing is written
outside the project's output folders, and the last good site survives a failed build and
a killed one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from mkdocs.utils.meta import get_data

from builder.cli import main
from builder.config import GENERATED_DIRS, PACKAGE_DATA, BuildConfig
from builder.model import Problem
from builder.pipeline import build
from builder.read.sources import slug_for

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED: dict[str, dict] = yaml.safe_load((HOSTILE / "expected.yaml").read_text("utf-8"))
BUILT = {name: case["built"] for name, case in EXPECTED.items() if "built" in case}
SKIPPED = {name: case["skipped"] for name, case in EXPECTED.items() if "skipped" in case}
HAND_WRITTEN_INSIDE = "briefs/editor-notes.md"
"""A hand-written page an editor put inside a folder the builder generates."""

pytestmark = pytest.mark.slow


def _hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def _write_big_sources(briefs: Path) -> None:
    """The two sources too big to commit: 20 MB of articles, and a 100,000-character line."""
    article = (HOSTILE / "briefs" / "enc-utf8-bom.txt").read_bytes()[3:].decode("utf-8")
    block = (article + "\n").encode("utf-8")
    with (briefs / "size-20mb.txt").open("wb") as stream:
        for _ in range(20 * 2**20 // len(block) + 1):
            stream.write(block)
    line = " ".join(article.split())
    (briefs / "size-long-line.txt").write_text((line + " ") * (100_000 // len(line) + 1), "utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("hostile")
    project, outside = base / "project", base / "outside"
    outside.mkdir()
    project.mkdir()
    # PDFs are left to their own test below: 80 printed pages of the 20 MB brief are slow.
    config_text = (ROOT / "mkdocs.yml").read_text("utf-8")
    config_text = config_text.replace("  - briefing:\n", "  - briefing:\n      pdf: false\n", 1)
    (project / "mkdocs.yml").write_text(config_text, "utf-8")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    (project / "docs" / "briefs").mkdir()
    (project / "docs" / HAND_WRITTEN_INSIDE).write_text("# ملاحظات المحرر\n", "utf-8")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    good = sorted(path.name for path in (ROOT / "briefs").iterdir() if path.suffix == ".txt")
    for source in (HOSTILE / "briefs").iterdir():
        shutil.copy(source, project / "briefs" / source.name)
    _write_big_sources(project / "briefs")
    secret = base / "secret.txt"
    secret.write_text("نص سري خارج مجلد الموجزات\n", "utf-8")
    (project / "briefs" / "link-outside.txt").symlink_to(secret)

    before = {"briefs": _hashes(project / "briefs"), "docs": _hashes(project / "docs")}
    config = BuildConfig(
        briefs_dir=project / "briefs",
        docs_dir=project / "docs",
        data_dirs=(PACKAGE_DATA,),
        cache_dir=project / ".cache" / "briefing" / "extract",
        workers=2,
    )
    result = build(config)
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    return {
        "base": base,
        "project": project,
        "outside": outside,
        "good": good,
        "result": result,
        "before": before,
    }


def _problems(hostile: dict, file: str) -> list[Problem]:
    return [problem for problem in hostile["result"].problems if problem.file == f"briefs/{file}"]


class _Text(HTMLParser):
    """The text a reader sees, and every element with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        self._raw = {"script": self.scripts, "style": self.styles}.get(tag)

    def handle_endtag(self, tag: str) -> None:
        self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw.append(data)
        else:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def _page(hostile: dict, slug: str, lang: str) -> _Text:
    prefix = "en/" if lang == "en" else ""
    html = (hostile["project"] / "site" / f"{prefix}briefs/{slug}/index.html").read_text("utf-8")
    parsed = _Text()
    parsed.feed(html)
    return parsed


def _record(hostile: dict, slug: str) -> dict:
    page = (hostile["project"] / "docs" / "briefs" / f"{slug}.md").read_text("utf-8")
    return get_data(page)[1]["brief"]


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_each_refused_source_gets_a_message_naming_file_and_field(hostile: dict, name: str) -> None:
    expected = SKIPPED[name]
    named = expected.get("file", name)
    found = [p for p in _problems(hostile, named) if p.severity == "error"]
    assert len(found) == 1, hostile["result"].problems
    problem = found[0]
    assert problem.field == expected["field"]
    assert expected["message"] in problem.message
    assert str(problem).startswith(f"briefs/{named}")
    slug = slug_for(Path(name))
    assert not (hostile["project"] / "site" / "briefs" / slug).exists()


@pytest.mark.parametrize("name", sorted(BUILT))
def test_each_readable_hostile_source_builds_as_expected(hostile: dict, name: str) -> None:
    expected = BUILT[name]
    slug = expected["slug"]
    assert not [p for p in _problems(hostile, name) if p.severity == "error"]
    record = _record(hostile, slug)
    if "encoding" in expected:
        assert record["encoding"] == expected["encoding"]
    assert sorted(record["normalized"]) == sorted(expected.get("normalized", []))
    assert (record["truncated"] is not None) == expected.get("truncated", False)
    codes = {country["code"] for country in record["countries"]}
    assert set(expected.get("countries", [])) <= codes
    wanted_dates = {str(date) for date in expected.get("dates", [])}
    assert wanted_dates <= {date["iso"] for date in record["dates"]}
    for wanted in expected.get("warnings", []):
        named = wanted.get("file", name)
        warnings = [p for p in _problems(hostile, named) if p.severity == "warning"]
        assert any(
            p.field == wanted["field"] and wanted["message"] in p.message for p in warnings
        ), warnings
    english, arabic = _page(hostile, slug, "en"), _page(hostile, slug, "ar")
    assert arabic.text and english.text
    for shown in expected.get("shows", []):
        assert " ".join(shown.split()) in english.text


def test_every_good_brief_builds_next_to_the_hostile_ones(hostile: dict) -> None:
    for name in hostile["good"]:
        slug = slug_for(Path(name))
        for prefix in ("", "en/"):
            assert (hostile["project"] / "site" / f"{prefix}briefs/{slug}/index.html").is_file()
        assert not _problems(hostile, name) or all(
            p.severity == "info" for p in _problems(hostile, name)
        )


def test_every_message_is_one_the_corpus_expects(hostile: dict) -> None:
    # No source fails or warns for a reason nobody asked for.
    expected_files = {f"briefs/{case.get('file', name)}" for name, case in SKIPPED.items()}
    expected_files |= {
        f"briefs/{warning.get('file', name)}"
        for name, case in BUILT.items()
        for warning in case.get("warnings", [])
    }
    expected_files.add(f"docs/{HAND_WRITTEN_INSIDE}")
    unexpected = [
        str(p)
        for p in hostile["result"].problems
        if p.severity != "info" and p.file not in expected_files
    ]
    assert not unexpected


def test_no_source_markup_reaches_the_html(hostile: dict) -> None:
    for case in BUILT.values():
        for lang in ("ar", "en"):
            page = _page(hostile, case["slug"], lang)
            assert not [script for script in page.scripts if "__pwned" in script]
            for tag, attrs in page.elements:
                for attribute, value in attrs:
                    # No event handler anywhere on the page, no script address.
                    assert not attribute.startswith("on"), (tag, attrs)
                    if attribute in ("href", "src", "action", "formaction"):
                        assert not (value or "").strip().lower().startswith("javascript:")
                assert tag not in ("iframe", "svg", "img") or not any(
                    "__pwned" in (value or "") for _, value in attrs
                )
            assert not [style for style in page.styles if "display: none" in style]


def test_hand_written_pages_are_untouched_and_reported(hostile: dict) -> None:
    project = hostile["project"]
    docs_now = _hashes(project / "docs")
    for path, digest in hostile["before"]["docs"].items():
        assert docs_now[path] == digest, path
    assert (project / "docs" / HAND_WRITTEN_INSIDE).read_text("utf-8") == "# ملاحظات المحرر\n"
    assert any(
        p.file == f"docs/{HAND_WRITTEN_INSIDE}" and p.severity == "warning"
        for p in hostile["result"].problems
    )


def test_nothing_is_written_outside_the_output_folders(hostile: dict) -> None:
    project, base = hostile["project"], hostile["base"]
    assert not any(hostile["outside"].iterdir())
    assert not Path("/tmp/briefing-pwned").exists()
    assert sorted(path.name for path in base.iterdir()) == ["outside", "project", "secret.txt"]
    owned = {f"docs/{folder}" for folder in GENERATED_DIRS} | {"site", ".cache"}
    before_docs = {f"docs/{path}" for path in hostile["before"]["docs"]}
    for path in project.rglob("*"):
        relative = path.relative_to(project).as_posix()
        if path.is_dir() or relative.startswith(("briefs/", "overrides/", "mkdocs.yml")):
            continue
        if relative in before_docs:
            continue
        assert any(relative.startswith(folder + "/") for folder in owned), relative
    assert _hashes(project / "briefs") == hostile["before"]["briefs"]


@pytest.mark.browser
def test_no_script_from_a_source_runs_in_the_browser(hostile: dict) -> None:
    from browser import CHROMIUM_FLAGS, chromium_path, serve
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with serve(hostile["project"] / "site") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for case in BUILT.values():
            if not case["slug"].startswith(("inject", "path", "uni")):
                continue
            for prefix in ("", "en/"):
                page.goto(f"{base_url}{prefix}briefs/{case['slug']}/")
                page.wait_for_load_state("load")
                # Hover and click over the whole text too: no handler may be there to fire.
                page.hover("article")
                page.click("article h1")
                state = page.evaluate(
                    """() => ({
                        pwned: window.__pwned === undefined ? null : String(window.__pwned),
                        handlers: document.querySelectorAll(
                            '[onerror],[onclick],[onload],[onmouseover]').length,
                        hidden: getComputedStyle(document.body).display,
                    })"""
                )
                assert state["pwned"] is None and state["handlers"] == 0, case
                assert state["hidden"] != "none", case
        browser.close()
    assert not dialogs


def test_the_pdf_prints_injected_metadata_as_text(hostile: dict, tmp_path: Path) -> None:
    project = hostile["project"]
    code = main(
        [
            "-f",
            str(project / "mkdocs.yml"),
            "pdf",
            "inject-metadata",
            "--lang",
            "en",
            "-o",
            str(tmp_path),
        ]
    )
    assert code == 0
    run = subprocess.run(
        ["pdftotext", str(tmp_path / "inject-metadata.en.pdf"), "-"],
        capture_output=True,
        check=True,
    )
    text = " ".join(run.stdout.decode("utf-8").split())
    # The English title, printed left to right, comes back exactly; the outlet's first and
    # last characters may come back reordered by pdftotext's bidi guess, not its words.
    assert BUILT["inject-metadata.txt"]["shows"][1] in text
    assert "src=x onerror=window.__pwned=" in text


def _site_hashes(project: Path) -> dict[str, str]:
    return _hashes(project / "site")


def test_a_strict_build_that_fails_leaves_the_last_good_site(hostile: dict) -> None:
    project = hostile["project"]
    before = _site_hashes(project)
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 1
    assert _site_hashes(project) == before
    assert not (project / ".site.building").exists()


def test_a_killed_build_leaves_the_last_good_site(hostile: dict) -> None:
    project = hostile["project"]
    before = _site_hashes(project)
    # Something to rebuild, so the killed build has work under way.
    extra = project / "briefs" / "zz-new.txt"
    extra.write_bytes((project / "briefs" / "enc-utf8-bom.txt").read_bytes())
    staging = project / ".site.building"
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "-f", str(project / "mkdocs.yml"), "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if staging.is_dir() and len(list(staging.rglob("*.html"))) > 20:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it could be interrupted"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert _site_hashes(project) == before
        # The next build clears the leftover and replaces the site.
        assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
        assert not staging.exists()
        assert (project / "site" / "briefs" / "zz-new" / "index.html").is_file()
    finally:
        if process.poll() is None:
            process.kill()
        extra.unlink()
    assert re.search(r"zz-new", (project / "site" / "briefs" / "index.html").read_text("utf-8"))
