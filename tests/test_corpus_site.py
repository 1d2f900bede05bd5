"""A corpus-sized site (issue 5): 40 synthetic briefs built with small page sizes, so every
paginated list really spans pages, then every internal link of the built site is followed.

A reader must be able to go brief -> actor -> another brief -> topic -> timeline and back in
both languages without a dead link.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import ROOT

import builder.entities
import builder.index
from builder.bench import prepare_project
from builder.cli import main


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
    patch.setattr(builder.index, "BRIEFS_PER_PAGE", 7)
    patch.setattr(builder.index, "EVENTS_PER_PAGE", 40)
    patch.setattr(builder.index, "QUOTES_PER_PAGE", 15)
    patch.setattr(builder.entities, "MENTIONS_PER_PAGE", 6)
    patch.setattr(builder.entities, "QUOTES_ON_PAGE", 2)
    patch.setattr(builder.entities, "QUOTES_PER_PAGE", 3)
    patch.setattr(builder.entities, "ENTITIES_PER_PAGE", 10)
    try:
        assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 0
    finally:
        patch.undo()
    return project / "site"


def _page_file(site: Path, path: str) -> Path | None:
    target = site / path.lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


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
        url = "http://site/" + page.relative_to(corpus_site).as_posix()
        for href in parse(page).links:
            target = urlparse(urljoin(url, href))
            if target.netloc != "site":
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


def test_lists_are_paginated_and_pages_link_to_each_other(corpus_site: Path) -> None:
    for lang in ("", "en/"):
        first = (corpus_site / lang / "briefs" / "index.html").read_text("utf-8")
        assert "briefing-pager" in first
        second = corpus_site / lang / "briefs" / "index" / "page-2" / "index.html"
        assert second.is_file()
        # 40 briefs, 7 a page: six pages, and the first lists exactly seven briefs.
        assert (corpus_site / lang / "briefs" / "index" / "page-6" / "index.html").is_file()
        assert not (corpus_site / lang / "briefs" / "index" / "page-7").exists()
        assert len(re.findall(r'href="[^"]*\d{5}-[^"]*"', first)) == 7


def test_an_entity_in_many_briefs_spreads_its_mentions_and_quotes_over_pages(
    corpus_site: Path,
) -> None:
    us = (corpus_site / "countries" / "us" / "index.html").read_text("utf-8")
    assert "briefing-pager" in us
    assert (corpus_site / "countries" / "us" / "page-2" / "index.html").is_file()
    quoted = [path.parent for path in (corpus_site / "en" / "people").glob("*/quotes/index.html")]
    assert quoted, "a person quoted more than twice has a quotes page"


def test_brief_page_size_does_not_depend_on_the_corpus(corpus_site: Path) -> None:
    # The navigation holds index pages only: a brief page carries no list of other briefs
    # beyond its five related ones.
    brief = next((corpus_site / "briefs").glob("00000-*/index.html")).read_text("utf-8")
    links_to_briefs = set(re.findall(r'href="\.\./(\d{5}-[^/"]+)/"', brief))
    assert 0 < len(links_to_briefs) <= 5
