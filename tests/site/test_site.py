"""End to end: the default content built into a real bilingual Material site, twice."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from builder.cli import main
from builder.config import GENERATED_DIRS
from builder.plugin.publishing import STAMPS_FILE
from builder.read.sources import discover
from builder.resolve.record import validate_record
from builder.runtime.saved import MEMO_FILE

pytestmark = pytest.mark.slow


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(
        ROOT / "docs",
        project / "docs",
        ignore=shutil.ignore_patterns(*GENERATED_DIRS),
    )
    briefs_before = _tree_hashes(project / "briefs")
    hand_written = _tree_hashes(project / "docs")
    umask = os.umask(0o022)  # a usual umask: what the site's files must be readable under
    try:
        assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 0
        first_docs = _tree_hashes(project / "docs")
        first_site = {
            k: v for k, v in _tree_hashes(project / "site").items() if k.endswith(".html")
        }
        assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 0
    finally:
        os.umask(umask)
    return {
        "project": project,
        "briefs_before": briefs_before,
        "hand_written": hand_written,
        "first_docs": first_docs,
        "first_site": first_site,
        "slugs": sorted(path.stem for path in (project / "briefs").glob("*.txt")),
    }


def _html(site: dict, path: str) -> str:
    return (site["project"] / "site" / path).read_text("utf-8")


def test_every_brief_has_an_arabic_and_an_english_page(site: dict) -> None:
    assert len(site["slugs"]) == 5
    for slug in site["slugs"]:
        arabic = _html(site, f"briefs/{slug}/index.html")
        english = _html(site, f"en/briefs/{slug}/index.html")
        assert '<html lang="ar" class="no-js"' in arabic and 'dir="rtl"' in arabic
        assert '<html lang="en" class="no-js"' in english and 'dir="ltr"' in english
        # Blocks of the other language declare their own language and direction.
        assert 'lang="ar" dir="rtl"' in english
        assert 'lang="en" dir="ltr"' in arabic
        # The language switch stays on the same brief.
        assert f'<a href="../../en/briefs/{slug}/" hreflang="en"' in arabic
        assert f'<a href="../../../briefs/{slug}/" hreflang="ar"' in english


def test_home_pages_render_in_both_languages(site: dict) -> None:
    assert "موجزات الأمن الدولي" in _html(site, "index.html")
    assert "International Security Briefs" in _html(site, "en/index.html")


def test_arabic_headings_have_readable_unicode_anchors(site: dict) -> None:
    page = _html(site, f"briefs/{site['slugs'][0]}/index.html")
    assert 'id="الحقائق-الرئيسية"' in page
    assert 'id="key-facts"' in _html(site, f"en/briefs/{site['slugs'][0]}/index.html")


def test_fonts_are_served_by_the_site_and_no_outside_host_is_asked(site: dict) -> None:
    for name in ("NotoSansArabic.ttf", "NotoSans.ttf"):
        assert (site["project"] / "site" / "assets" / "fonts" / name).stat().st_size > 100_000
    for path in (site["project"] / "site").rglob("*.html"):
        text = path.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
    css = (site["project"] / "site" / "assets" / "stylesheets" / "briefing.css").read_text()
    assert 'url("../fonts/NotoSansArabic.ttf")' in css


def test_front_matter_validates_against_the_schema(site: dict) -> None:
    docs = site["project"] / "docs"
    for slug in site["slugs"]:
        for name in (f"{slug}.md", f"{slug}.en.md"):
            text = (docs / "briefs" / name).read_text("utf-8")
            front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
            assert validate_record(front["brief"]) == [], name
            assert front["brief"]["slug"] == slug


def test_navigation_holds_index_pages_not_briefs(site: dict) -> None:
    page = _html(site, f"briefs/{site['slugs'][0]}/index.html")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    for slug in site["slugs"]:
        assert f"briefs/{slug}/" not in nav
    for index in ("people/", "countries/", "timeline/", "sources/", "topics/"):
        assert index in nav


def test_entity_pages_list_each_mentioning_brief_with_its_sentence(site: dict) -> None:
    page = _html(site, "countries/cn/index.html")
    for slug in site["slugs"]:
        assert f"briefs/{slug}/" in page  # every seed mentions China
    assert page.count('class="mention"') >= 5
    english = _html(site, "en/countries/cn/index.html")
    assert "<h1" in english and "China" in english


def test_two_builds_are_byte_identical_and_sources_untouched(site: dict) -> None:
    project = site["project"]
    assert _tree_hashes(project / "docs") == site["first_docs"]
    second_site = {k: v for k, v in _tree_hashes(project / "site").items() if k.endswith(".html")}
    assert second_site == site["first_site"]
    assert _tree_hashes(project / "briefs") == site["briefs_before"]
    # Hand-written pages are untouched; everything new is under the generated folders.
    after = _tree_hashes(project / "docs")
    for path, digest in site["hand_written"].items():
        assert after[path] == digest
    for path in set(after) - set(site["hand_written"]):
        assert path.split("/")[0] in GENERATED_DIRS, path
    # The replaced site is deleted by a process of its own (builder.write.staging).
    deadline = time.monotonic() + 30
    while any(project.glob(".site.replaced-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    outside = {p.name for p in project.iterdir()}
    assert outside == {"mkdocs.yml", "briefs", "docs", "overrides", "site", ".cache"}
    # The caches hold one extraction per source and one PDF per brief and language.
    cached = [p for p in (project / ".cache").rglob("*") if p.is_file()]
    extracted = [p for p in cached if p.suffix == ".pickle" and "briefing/extract" in p.as_posix()]
    pdfs = [p for p in cached if p.suffix == ".pdf" and "briefing/pdf" in p.as_posix()]
    assert len(extracted) == len(discover(project / "briefs")) and len(pdfs) == 2 * len(extracted)
    # ... and the memo of the last build, for the next process (builder.runtime.saved).
    memos = [p for p in cached if p.as_posix().endswith(f"briefing/{MEMO_FILE}")]
    assert len(memos) == 1
    # ... and the stamps of the generated Markdown (builder.plugin.publishing).
    stamps = [p for p in cached if p.as_posix().endswith(f"briefing/{STAMPS_FILE}")]
    assert len(stamps) == 1
    # ... and what Pagefind read of each indexed page, with their stamp (builder.search.copies).
    copies = [p for p in cached if "briefing/search-pages/" in p.as_posix()]
    pages = (project / "site").rglob("*.html")
    indexed = [p for p in pages if "data-pagefind-body" in p.read_text("utf-8")]
    assert len(copies) == len(indexed) > 0
    assert (project / ".cache" / "briefing" / "search-pages.json").is_file()
    kinds = [extracted, pdfs, memos, stamps, copies]
    assert len(cached) == sum(len(files) for files in kinds) + 1


def test_every_file_the_build_writes_is_readable_by_others(site: dict) -> None:
    # A web server runs as another user: each published file (pages, feeds, JSON exports,
    # PDFs, search index) and each generated page must be readable by group and others, as
    # a file written with open() under umask 022 is.
    project = site["project"]
    written = [project / "site", *(project / "docs" / folder for folder in GENERATED_DIRS)]
    files = [path for root in written for path in root.rglob("*") if path.is_file()]
    assert {"feed.xml", "en/feed.xml", "data/index.json"} <= {
        path.relative_to(project / "site").as_posix()
        for path in files
        if path.is_relative_to(project / "site")
    }
    assert any(path.suffix == ".pdf" for path in files)
    private = [
        f"{path.relative_to(project)} {path.stat().st_mode & 0o777:o}"
        for path in files
        if path.stat().st_mode & 0o044 != 0o044
    ]
    assert not private


def test_source_text_is_shown_not_interpreted(site: dict) -> None:
    page = _html(site, "briefs/us-russia-strategic-stability-talks/index.html")
    assert "&quot;الاستقرار الاستراتيجي&quot;" in page or '"الاستقرار الاستراتيجي"' in page
    found = re.search(
        r"<details[^>]*>\s*<summary>المصدر والمعالجة</summary>(.*?)</details>", page, re.S
    )
    # Listed in the collapsed «Source and processing» block, under what cleaning removed.
    assert found and "ما أزاله التنظيف" in found.group(1) and "time reading icon" in found.group(1)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_footnote_markers_and_references_link_both_ways(site: dict, prefix: str) -> None:
    page = _html(site, f"{prefix}briefs/russia-china-security-partnership/index.html")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids are unique"
    markers = re.findall(
        r'<sup id="(fnref-[^"]+)" class="brief-fnref"><a href="#(fn-[^"]+)">', page
    )
    entries = re.findall(r'<li id="(fn-[^"]+)" value="(\d+)"[^>]*>(.*?)</li>', page, re.S)
    # The article marks [1] to [14] once each; its reference list has the fourteen entries.
    assert [target for _, target in markers] == [f"fn-{n}" for n in range(1, 15)]
    assert [(entry_id, value) for entry_id, value, _ in entries] == [
        (f"fn-{n}", str(n)) for n in range(1, 15)
    ]
    for href in re.findall(r'href="#(fn(?:ref)?-[^"]+)"', page):
        assert href in ids, href
    for marker_id, target in markers:
        entry = next(body for entry_id, _, body in entries if entry_id == target)
        assert f'href="#{marker_id}"' in entry, "each reference links back to its marker"
    for _, _, body in entries:
        links = re.findall(r'<a href="(https?://[^"]+)" rel="nofollow noopener" dir="ltr">', body)
        assert len(links) == 1, body
    # The reference list is in English: it declares so, on the Arabic page too.
    # (On English pages the list sits in the collapsed text: its attributes come reordered.)
    found = re.search(r'<ol ([^>]*class="brief-references"[^>]*)>', page)
    assert found and {'lang="en"', 'dir="ltr"'} <= set(found.group(1).split())


def test_every_brief_page_links_to_its_pdf_in_the_site(site: dict) -> None:
    for slug in site["slugs"]:
        for lang, path in (
            ("ar", f"briefs/{slug}/index.html"),
            ("en", f"en/briefs/{slug}/index.html"),
        ):
            html = _html(site, path)
            found = re.search(r'<a href="([^"]+\.pdf)" class="md-content__button brief-pdf"', html)
            assert found, path
            target = (site["project"] / "site" / path).parent / found.group(1)
            assert target.resolve().name == f"{slug}.{lang}.pdf"
            assert target.resolve().read_bytes().startswith(b"%PDF-")


@pytest.mark.browser
def test_the_browsers_print_of_a_brief_is_clean(site: dict, tmp_path: Path) -> None:
    # Chromium prints the page (print media) to PDF; read back, it has the brief and none
    # of the site's navigation, header or search.
    import subprocess

    from browser import CHROMIUM_FLAGS, chromium_path, serve
    from playwright.sync_api import sync_playwright

    slug = site["slugs"][0]
    with serve(site["project"] / "site") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base_url}en/briefs/{slug}/")
        page.pdf(path=str(tmp_path / "print.pdf"))
        browser.close()
    run = subprocess.run(
        ["pdftotext", str(tmp_path / "print.pdf"), "-"], capture_output=True, check=True
    )
    text = " ".join(run.stdout.decode("utf-8").split())
    assert "Key facts" in text and "Actors" in text
    for furniture in ("Skip to content", "Search", "Timeline", "Who said what"):
        assert furniture not in text, furniture


def test_the_feeds_list_all_five_briefs(site: dict) -> None:
    import feedparser

    for folder, prefix in (("", ""), ("en", "en/")):
        feed = feedparser.parse((site["project"] / "site" / folder / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        links = [entry.link for entry in feed.entries]
        assert sorted(links) == [
            f"http://127.0.0.1:8000/{prefix}briefs/{s}/" for s in site["slugs"]
        ]
        # The brief known only to its year is dated to the start of 2025, and says so.
        year_only = next(e for e in feed.entries if "russia-china-security-partnership" in e.link)
        assert year_only.updated == "2025-01-01T00:00:00Z" and "published" not in year_only
        assert "2025" in year_only.summary.split(".")[0]


def test_the_briefs_index_is_by_month_and_the_year_only_brief_shows_its_year(site: dict) -> None:
    for prefix in ("", "en/"):
        index = _html(site, f"{prefix}briefs/index.html")
        headings = re.findall(r'<h2 id="([^"]+)"', index)
        # Newest first, by month; the brief known only to 2025 heads its own year, placed
        # at the start of that year (after its months).
        # Months are headed by their names («November 2025»), not ISO patterns.
        months = (
            ["november-2025", "2025", "june-2024", "december-2023", "july-2021"]
            if prefix
            else ["نوفمبر-2025", "2025", "يونيو-2024", "ديسمبر-2023", "يوليو-2021"]
        )
        assert headings == months
        line = re.search(r"russia-china-security-partnership/\"[^\n]*", index)
        # The date and the Latin outlet name are each isolated (an Arabic page would
        # otherwise run them together with the brackets of the name).
        assert (
            line
            and '<small><bdi lang="en" dir="ltr">2025</bdi> · <bdi lang="en" dir="ltr">Rabdan'
            in line.group(0)
        )
        page = _html(site, f"{prefix}briefs/russia-china-security-partnership/index.html")
        note = "month and day unknown" if prefix else "الشهر واليوم غير معروفين"
        # The brief's own date is isolated too, as on every page that shows one.
        shown = '<bdi lang="en" dir="ltr">2025</bdi>'
        assert re.search(rf"</strong> {shown} <small[^>]*>\({note}\)</small>", page)


@pytest.mark.browser
def test_english_brief_pages_read_in_english_outside_the_collapsed_arabic(site: dict) -> None:
    # What a reader sees on an English brief page (closed sections are not rendered, so
    # innerText leaves them out) is mostly Latin; a fact sheet link opens the Arabic text
    # at its sentence; the browser tab shows the English title.
    from browser import CHROMIUM_FLAGS, chromium_path, serve
    from playwright.sync_api import sync_playwright

    with serve(site["project"] / "site") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for slug in site["slugs"]:
            page.goto(f"{base_url}en/briefs/{slug}/")
            text = page.evaluate("document.querySelector('article').innerText")
            arabic = len(re.findall(r"[\u0600-\u06ff]", text))
            latin = len(re.findall(r"[A-Za-z]", text))
            assert arabic / (arabic + latin) < 0.2, (slug, arabic, latin)
            assert "Fact sheet" in text and "Who is quoted" in text
            assert not page.locator("details.brief-source-text").first.evaluate("d => d.open")
            record = yaml.safe_load(
                (site["project"] / "docs" / "briefs" / f"{slug}.en.md")
                .read_text("utf-8")
                .split("---\n")[1]
            )["brief"]
            assert page.title().startswith(record["title"]["en"])
        link = page.locator("a.brief-source-link").first
        target = link.get_attribute("href")
        link.click()
        opened = page.evaluate(f"document.getElementById('{target[1:]}').closest('details').open")
        browser.close()
    assert opened


def test_provenance_is_collapsed_at_the_end_of_brief_pages(site: dict) -> None:
    for prefix, heading in (("", "المصدر والمعالجة"), ("en/", "Source and processing")):
        page = _html(site, f"{prefix}briefs/{site['slugs'][0]}/index.html")
        details = page.index(f"<summary>{heading}</summary>")
        assert details > page.index('class="brief-text"')
        # The file path and encoding are inside it, not at the top with outlet and date.
        assert page.index("UTF&#45;8") > details and page.index("&#46;txt</code>") > details
