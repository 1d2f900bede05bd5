"""An Arabic reader sees no English: on the Arabic pages of the default site (theme, header
and footer included), Latin letters only in names given in both scripts.

Read from the built HTML. A Latin word is allowed only
- inside an element declared English (``lang="en"``), and such an element must hold an
  English name the brief's record gives for something the page also names in Arabic (an
  actor, a named speaker, a topic or term, the outlet) or the source's
  own words (a reference written in English): never a description, a unit or a label;
- inside an element declared Arabic (``lang="ar"``): the article's own words quoted;
- inside ``code`` (a file name) or the language switch (``hreflang``);
- as a word of the brief's own source or its editor's metadata file (an outlet or author the
  editor wrote in Latin letters), never a word the site wrote.
A run of X's is a date's unknown digits as stated («XXXX-02»), not a word.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from builder.cli import main
from builder.config import GENERATED_DIRS
from builder.knowledge import Knowledge
from builder.read.encoding import encoding_name

pytestmark = pytest.mark.slow

LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_UNSEEN = {"script", "style", "template", "svg", "noscript"}


class _Visible(HTMLParser):
    """The visible text of a page, each run with the language its element declares."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (tag, declared language or None, unseen, free: code or a language switch)
        self.stack: list[tuple[str, str | None, bool, bool]] = []
        self.runs: list[tuple[str | None, bool, str]] = []
        self.english: list[list[str]] = []
        self.english_texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        found = dict(attrs)
        parent = self.stack[-1] if self.stack else ("", None, False, False)
        lang = (found.get("lang") or "")[:2] or None
        declared = lang if tag != "html" and lang else parent[1]
        unseen = parent[2] or tag in _UNSEEN or "hidden" in found
        free = parent[3] or tag == "code" or "hreflang" in found
        self.stack.append((tag, declared, unseen, free))
        if declared == "en" and parent[1] != "en":
            self.english.append([])  # the outermost English element: its text is collected

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            closed = self.stack.pop()
            parent = self.stack[-1][1] if self.stack else None
            if closed[1] == "en" and parent != "en" and self.english:
                self.english_texts.append(" ".join("".join(self.english.pop()).split()))
            if closed[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        _, declared, unseen, free = self.stack[-1]
        if unseen:
            return
        for buffer in self.english:
            buffer.append(data)
        self.runs.append((declared, free, data))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    return project


def _record(project: Path, slug: str) -> dict:
    page = (project / "docs" / "briefs" / f"{slug}.md").read_text("utf-8")
    return yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))["brief"]


def _names(record: dict) -> set[str]:
    """The English names the record gives beside Arabic ones."""
    names = {record["outlet"].get("en") or ""}
    for key in ("people", "organizations", "countries", "topics", "terms"):
        names |= {item["en"] for item in record[key] if item.get("en")}
    names |= {q["speaker"]["en"] for q in record["quotes"] if q["speaker"] and q["speaker"]["id"]}
    return {" ".join(name.split()) for name in names if name}


def _offenders(html: str, allowed_words: set[str], names: set[str]) -> list[str]:
    visible = _Visible()
    visible.feed(html)
    found = []
    for declared, free, data in visible.runs:
        if declared in ("en", "ar") or free:
            continue
        for word in LATIN_WORD.findall(data):
            if set(word) == {"X"} or word.casefold() in allowed_words:
                continue
            found.append(f"{word!r} in {' '.join(data.split())[:80]!r}")
    for text in visible.english_texts:
        # An English element is a name, or the source's own words (its English references).
        latin = {word.casefold() for word in LATIN_WORD.findall(text)}
        if latin and text not in names and not latin <= allowed_words:
            found.append(f"English element {text!r} is no name")
    return found


def _source_words(paths: list[Path]) -> set[str]:
    """The Latin words of sources and their metadata files, casefolded."""
    return {
        word.casefold()
        for path in paths
        if path.exists()
        for word in LATIN_WORD.findall(path.read_text("utf-8"))
    }


STANDARDS = {"Atom", "JSON", "CLDR"}
"""Names of standards the hand-written Arabic pages cite (marked English there)."""


FORMAT_NAMES = {"pdf"}
"""A file format's name, which Arabic writes in Latin letters («نسخة PDF للطباعة»)."""


def test_arabic_brief_pages_have_no_english_but_names(site: Path) -> None:
    slugs = sorted(path.stem for path in (site / "briefs").glob("*.txt"))
    assert len(slugs) == 5
    problems = []
    for slug in slugs:
        record = _record(site, slug)
        words = _source_words([site / "briefs" / f"{slug}.{ext}" for ext in ("txt", "yaml")])
        words |= {w.casefold() for w in LATIN_WORD.findall(encoding_name(record["encoding"], "ar"))}
        words |= FORMAT_NAMES
        html = (site / "site" / "briefs" / slug / "index.html").read_text("utf-8")
        problems += [f"{slug}: {problem}" for problem in _offenders(html, words, _names(record))]
    assert problems == []


def test_every_other_arabic_page_has_no_english_but_names(site: Path, knowledge: Knowledge) -> None:
    """Lists, entity pages, topics, terms, the home and about pages: the names any brief
    gives, the topics' and terms' English names (a bilingual glossary), cited standards."""
    slugs = sorted(path.stem for path in (site / "briefs").glob("*.txt"))
    words = _source_words(sorted((site / "briefs").iterdir())) | FORMAT_NAMES
    names = set(STANDARDS)
    names |= {topic.en for topic in knowledge.topics} | {term.en for term in knowledge.terms}
    for slug in slugs:
        names |= _names(_record(site, slug))
    pages = [
        page
        for page in sorted((site / "site").rglob("*.html"))
        if not page.relative_to(site / "site").as_posix().startswith(("en/", "assets/"))
        # The 404 page is issue 24's item 7 (an Arabic-first 404 with search).
        and page.name != "404.html"
        and page.parent.parent != site / "site" / "briefs"
    ]
    assert len(pages) > 100
    problems = []
    for page in pages:
        where = page.relative_to(site / "site").as_posix()
        problems += [f"{where}: {p}" for p in _offenders(page.read_text("utf-8"), words, names)]
    assert problems == []


def test_the_check_finds_english_the_site_writes() -> None:
    page = (
        '<html lang="ar"><body><table><tr><td>about 3</td><td>months</td></tr></table>'
        '<p>مسؤول — <bdi lang="en" dir="ltr">American official (unnamed)</bdi></p>'
        '<p lang="ar">منشورات "INSIGHTS"</p><p>ديفيد — <bdi lang="en">David Santoro</bdi></p>'
        "<footer>Made with Material</footer><code>briefs/a.txt</code>"
        '<a href="/en/" hreflang="en">English</a><td>XXXX-02</td></body></html>'
    )
    found = _offenders(page, {"insights"}, {"David Santoro"})
    assert found == [
        "'about' in 'about 3'",
        "'months' in 'months'",
        "'Made' in 'Made with Material'",
        "'with' in 'Made with Material'",
        "'Material' in 'Made with Material'",
        "English element 'American official (unnamed)' is no name",
    ]
