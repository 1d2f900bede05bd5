"""What Pagefind reads of each page, kept between builds (``builder.search.copies``)."""

from __future__ import annotations

import json
from pathlib import Path

from builder.runtime.publish import MANIFEST
from builder.search.copies import STAMP, SearchCopies, search_copy, write_copy

PAGE = """<!doctype html>
<html lang="ar" class="no-js">
<head><title>عنوان</title><meta name="x" content="y"></head>
<body dir="rtl" data-md-color-scheme="default">
<nav class="md-nav"><div class="menu"><a href="../">الرئيسية</a></div></nav>
<div class="md-content">
<div data-pagefind-body>
<h1>عنوان الموجز</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="type">موجز</span></div>
<div class="facts"><div><p>نص &lt;div&gt; مهرب</p></div></div>
<div data-pagefind-ignore="all"><div><span data-pagefind-filter="actor">جدول</span></div></div>
</div>
<div class="after">ليس في الفهرس</div>
</div>
<footer><div>تذييل</div></footer>
</body>
</html>
"""


def test_a_copy_keeps_the_html_and_body_tags_and_the_indexed_element_only() -> None:
    copy = search_copy(PAGE)
    assert copy is not None
    assert copy.startswith('<!doctype html><html lang="ar" class="no-js"><head>')
    assert '<body dir="rtl" data-md-color-scheme="default">' in copy
    assert "<h1>عنوان الموجز</h1>" in copy and "نص &lt;div&gt; مهرب" in copy
    # The nested elements of the same name close inside it; what follows is left out.
    facts = '<div class="facts"><div><p>نص &lt;div&gt; مهرب</p></div></div>'
    assert copy.endswith(f"{facts}\n\n</div></body></html>\n")
    for furniture in ("الرئيسية", "ليس في الفهرس", "تذييل", "<title>", "جدول"):
        assert furniture not in copy


def test_a_page_without_an_indexed_element_has_no_copy_and_an_unclosed_one_is_copied_whole() -> (
    None
):
    assert search_copy(PAGE.replace(" data-pagefind-body", "")) is None
    unclosed = PAGE[: PAGE.index('<div class="facts">')]
    assert search_copy(unclosed) == unclosed
    # An ignored element whose end is missing is kept, with what follows it.
    copy = search_copy(PAGE.replace("</span></div></div>\n</div>", "</span>\n</div>"))
    assert copy is not None and "جدول" in copy


def test_a_rendered_page_without_an_indexed_element_loses_its_old_copy(tmp_path: Path) -> None:
    write_copy(tmp_path, "briefs/a/index.html", PAGE)
    assert (tmp_path / "briefs/a/index.html").read_text("utf-8") == search_copy(PAGE)
    write_copy(tmp_path, "briefs/a/index.html", PAGE.replace(" data-pagefind-body", ""))
    assert not (tmp_path / "briefs/a/index.html").exists()


def _site(folder: Path, manifest: str, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(manifest, encoding="utf-8")
    for output, html in pages.items():
        (folder / output).parent.mkdir(parents=True, exist_ok=True)
        (folder / output).write_text(html, encoding="utf-8")
    return folder


def test_copies_sealed_with_the_site_are_trusted_by_the_next_build(tmp_path: Path) -> None:
    copies_dir = tmp_path / "cache" / "search-pages"
    first = _site(tmp_path / "staging1", "one", {"a/index.html": PAGE, "b/index.html": PAGE})
    copies = SearchCopies(copies_dir, tmp_path / "site")  # no site yet
    assert not copies.trusted
    for output in ("a/index.html", "b/index.html"):
        write_copy(copies_dir, output, PAGE)
    copies.complete(first, kept=[], pages=["a/index.html", "b/index.html"])
    copies.seal(first, ["a/index.html", "b/index.html"])
    first.rename(tmp_path / "site")
    # The next build removes page b; its copy goes, and so does its empty folder.
    again = SearchCopies(copies_dir, tmp_path / "site")
    assert again.trusted and again.last_pages == {"a/index.html", "b/index.html"}
    assert not (tmp_path / "cache" / STAMP).exists()  # not trusted again until sealed
    second = _site(tmp_path / "staging2", "two", {"a/index.html": PAGE})
    again.complete(second, kept=["a/index.html"], pages=["a/index.html"])
    assert sorted(p.relative_to(copies_dir).as_posix() for p in copies_dir.rglob("*")) == [
        "a",
        "a/index.html",
    ]
    again.seal(second, ["a/index.html"])
    stamp = json.loads((tmp_path / "cache" / STAMP).read_text("utf-8"))
    assert stamp["pages"] == ["a/index.html"]


def test_copies_of_another_site_are_remade_from_the_kept_pages(tmp_path: Path) -> None:
    copies_dir = tmp_path / "cache" / "search-pages"
    site = _site(tmp_path / "site", "one", {"a/index.html": PAGE})
    copies = SearchCopies(copies_dir, site)
    write_copy(copies_dir, "stale/index.html", PAGE)
    copies.seal(site, ["a/index.html"])
    # A build that was not published changed the site's manifest under the copies' feet.
    (site / MANIFEST).write_text("other", encoding="utf-8")
    again = SearchCopies(copies_dir, site)
    assert not again.trusted and not any(copies_dir.iterdir())
    staging = _site(tmp_path / "staging", "two", {"a/index.html": PAGE})
    again.complete(staging, kept=["a/index.html"], pages=["a/index.html"])
    assert (copies_dir / "a/index.html").read_text("utf-8") == search_copy(PAGE)
    assert not (copies_dir / "stale").exists()
