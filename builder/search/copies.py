"""Site stage, search: what Pagefind reads of each page, kept between builds.

Pagefind parses the whole HTML of every page of the site, although it indexes only the
element marked ``data-pagefind-body`` (``overrides/main.html``): at 2,000 briefs that is
444 MB of HTML, mostly the menus, header and footer every page repeats, and Pagefind spent
17 s on it. A build that publishes what changed (``builder.plugin.publishing``) renders a
few pages and keeps the rest; so each page's *search copy* (:func:`search_copy`: its
``<html lang>``, its ``<body>`` tag, whose ``dir`` the excluded selectors test, and the
body element less what Pagefind ignores in it, nothing else) is written when the page is
rendered, into a folder of the project's cache laid out as the site, and Pagefind reads
that folder instead (7.4 s at 2,000 briefs; its word index and fragments are the same
bytes, see the tests).

The folder is trusted only for the site it was made with: a stamp names the digest of that
site's manifest, and is removed before any copy is written, so a build that failed or was
not published leaves a folder that the next build remakes from the site's own pages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from builder.runtime.publish import MANIFEST, digest

FOLDER = "search-pages"
"""The copies' folder, beside the extraction cache's (``.cache/briefing/search-pages``)."""

STAMP = "search-pages.json"
"""The stamp beside it: the manifest of the site the copies are of, and its pages."""

_BODY_ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
_IGNORED_ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-ignore=\"all\"[^>]*>")
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def search_copy(html: str) -> str | None:
    """What Pagefind needs of a page: the ``<html>`` and ``<body>`` tags with their
    attributes and the element marked ``data-pagefind-body``, less the elements in it marked
    ``data-pagefind-ignore="all"`` (which Pagefind leaves out with their filters and
    metadata: two thirds of a brief's body, its tables and lists of names); None when the
    page has no such element (Pagefind skips it). Pages are written by the theme, where an
    element's end is found by counting its tag name (the text inside is escaped, never
    markup); a page where the body's end is not found is copied whole, as Pagefind would
    have read it."""
    start = _BODY_ELEMENT.search(html)
    if start is None:
        return None
    html_tag, body_tag = _HTML_TAG.search(html), _BODY_TAG.search(html)
    end = _element_end(html, start.group(1), start.end())
    if html_tag is None or body_tag is None or end is None:
        return html
    return (
        f'<!doctype html>{html_tag.group(0)}<head><meta charset="utf-8"></head>'
        f"{body_tag.group(0)}{_without_ignored(html[start.start() : end])}</body></html>\n"
    )


def _without_ignored(html: str) -> str:
    """``html`` less its elements marked ``data-pagefind-ignore="all"`` (kept whole from
    one whose end is not found)."""
    kept, position = [], 0
    while (ignored := _IGNORED_ELEMENT.search(html, position)) is not None:
        end = _element_end(html, ignored.group(1), ignored.end())
        if end is None:
            break
        kept.append(html[position : ignored.start()])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def _element_end(html: str, name: str, position: int) -> int | None:
    """Where the element ``name`` opened just before ``position`` ends (after its closing
    tag), counting the elements of that name nested in it."""
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)
    depth = 1
    for tag in tags.finditer(html, position):
        if tag.group(1):
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag.group(0).endswith("/>"):
            depth += 1
    return None


def write_copy(folder: Path, output: str, html: str) -> None:
    """Write (or remove, when it has no indexed body) the search copy of the page written
    to ``output`` (its path in the site)."""
    target = folder / output
    copy = search_copy(html)
    if copy is None:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(copy, encoding="utf-8")


class SearchCopies:
    """The search copies of one staged build's pages (``folder``), and whether those of the
    pages kept from the last site (``site_dir``) can be trusted."""

    def __init__(self, folder: Path, site_dir: Path) -> None:
        self.folder = folder
        """Where the copies are, laid out as the site."""
        self._stamp = folder.with_name(STAMP)
        self.last_pages: frozenset[str] = frozenset()
        """The pages of the last site, whose copies are in the folder (when trusted)."""
        self.trusted = False
        """Whether the folder holds the copies of the last site's pages."""
        try:
            stamp = json.loads(self._stamp.read_text(encoding="utf-8"))
            manifest = (site_dir / MANIFEST).read_bytes()
            if stamp.get("manifest") == digest(manifest) and folder.is_dir():
                self.trusted = True
                self.last_pages = frozenset(stamp["pages"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        # From here on the folder changes: until this build seals it, nothing trusts it.
        self._stamp.unlink(missing_ok=True)
        if not self.trusted:
            shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)

    def complete(self, staging: Path, kept: Iterable[str], pages: Iterable[str]) -> None:
        """Once every page of the new site is in ``staging``: copy the ``kept`` pages
        (paths in the site) when the folder was not trusted, and remove the copies of the
        last site's pages that are no longer among ``pages``."""
        if not self.trusted:
            for output in kept:
                write_copy(self.folder, output, (staging / output).read_text(encoding="utf-8"))
        for output in self.last_pages.difference(pages):
            (self.folder / output).unlink(missing_ok=True)
            _remove_empty_parents(self.folder, output)

    def seal(self, staging: Path, pages: Iterable[str]) -> None:
        """Mark the folder as the copies of the site in ``staging`` (its manifest written)."""
        manifest = (staging / MANIFEST).read_bytes()
        stamp = {"manifest": digest(manifest), "pages": sorted(pages)}
        temporary = self._stamp.with_name(f".{self._stamp.name}.{os.getpid()}")
        temporary.write_text(json.dumps(stamp, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self._stamp)


def _remove_empty_parents(folder: Path, output: str) -> None:
    """Remove the folders of a removed copy that are left empty (a removed page's own)."""
    parent = (folder / output).parent
    while parent != folder and folder in parent.parents:
        try:
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent
