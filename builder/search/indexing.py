"""Site stage, search: the Pagefind index of the built site, one language at a time.

Pagefind (the binary shipped in its PyPI wheel) indexes every language of the site: Arabic
at the root, English under ``en/``. Run once over the whole site it holds the parsed pages
and word index of every language until it has written all of them: 4.9 GB at 10,000
synthetic briefs. Run once per language folder (``--glob``), each run holds one language:
3.9 GB for the Arabic run and 1.4 GB for the English one, in about the same time (10,000
briefs: 75 s against 87 s; 2,000 real briefs: a median of 9.3 s against 8.6 s). The runs
write into the same bundle folder (Pagefind adds its files and leaves the others), each
with its own ``pagefind-entry.json``; the entry of the whole bundle is written last, with
every run's languages. The word index and fragments are the same bytes as one run's (see
the tests); the filter files never are from one run to the next.

The root language's run goes first: it is the largest, and it runs while the build writes
its exports and PDFs; the next run starts when the build asks for the index
(:meth:`Indexing.finish`).

A run finds each page's language in its ``<html lang>``. A page at the root in a language
that another run also finds (a user's English page there) would give two runs the same
language, the second overwriting the first's index of it: the site is then indexed again in
one run. Pagefind's rule that pages without a ``data-pagefind-body`` are skipped once any
page has one applies to each run's pages: on this site every page a language has, the
other has too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import BriefingError
from builder.index.lists import LANGS
from builder.search.pagefind import SEARCH_BUNDLE

INDEX_CHUNK_SIZE = 10_000
"""Word positions per index chunk (Pagefind's ``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE``; an
environment variable of that name wins). A first search downloads the chunks its words sort
into, and Pagefind closes a chunk only once it holds this many positions, so the words
sorting just before a very common one share its chunk. On the 10,000-brief bench site this
setting took an Arabic first search from a median of 307 KB (largest 1,086 KB) with
Pagefind's default to 284 KB (largest 521 KB); 5,000 and 2,000 gave 293 and 295 KB, as the
index metadata grows with the number of chunks."""

UNINDEXED = (
    # The headings' permalink marks (¶) are not text: they would show in titles and excerpts.
    ".headerlink",
    # Nor is a long list's pager («الصفحة 1 من 2 · التالية»).
    ".briefing-pager",
    # Section headings and table headers below the title are the site's own labels, the same
    # on every page: indexed, each would hold a posting for every brief, and a query that
    # shares their index chunk would download it.
    "h2",
    "h3",
    "h4",
    "thead",
    # The English index is searched in English: the Arabic runs of English pages (original
    # title, key facts, quotes, names as written) are indexed once, on the Arabic pages.
    # Material writes the page direction on <body>; Pagefind's selectors cannot start at <html>.
    'body[dir="ltr"] [lang="ar"]',
    # Likewise the English runs of Arabic pages (glosses of names, dates set left to right):
    # Arabic excerpts quote Arabic. An entity's English names are in its metadata.
    'body[dir="rtl"] [lang="en"]',
)
"""CSS selectors of what Pagefind leaves out of the pages it indexes."""

ENTRY = "pagefind-entry.json"
"""The bundle's entry file: Pagefind's version and each language's index."""

LANGUAGE_FOLDERS: tuple[str, ...] = LANGS[1:]
"""The folders of the languages other than the first, which is at the site root (static-i18n's
layout: ``en/``)."""

WHOLE_SITE = "**/*.{html}"
"""Pagefind's own glob: every page."""

# The names a Pagefind glob takes as they are (letters, digits and a few signs): a site
# with another folder name ({ } [ ] ( ) * ? , ! and so on have a meaning) is not split.
_PLAIN_NAME = re.compile(r"[\w .@+&%=;'#$~-]+")


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed."""

    pages: int
    """Pages indexed, all languages together."""
    languages: tuple[str, ...]
    """Languages with an index of their own."""
    bundle: Path
    """The search bundle folder."""


def language_globs(pages_dir: Path) -> list[str]:
    """The ``--glob`` of each Pagefind run over ``pages_dir``: the root language's first
    (the root's pages and its other folders: the largest run, started while the build
    writes its exports and PDFs), then one per language folder with pages; a single run
    of Pagefind's default glob when only one of these has pages (Pagefind fails on a glob
    that finds none) or a name is one a glob cannot hold."""
    try:
        names = sorted(entry.name for entry in os.scandir(pages_dir))
    except OSError:
        return [WHOLE_SITE]
    folders = [name for name in names if name not in LANGUAGE_FOLDERS]
    rest = [
        name for name in folders if (pages_dir / name).is_dir() and _has_pages(pages_dir / name)
    ]
    if not all(_PLAIN_NAME.fullmatch(name) for name in rest):
        return [WHOLE_SITE]
    globs = []
    if rest or any(pages_dir.glob("*.html")):
        globs.append("{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in rest)]) + "}")
    globs += [
        f"{folder}/**/*.html"
        for folder in LANGUAGE_FOLDERS
        if folder in names and _has_pages(pages_dir / folder)
    ]
    return globs if len(globs) > 1 else [WHOLE_SITE]


def _has_pages(folder: Path) -> bool:
    return next(folder.rglob("*.html"), None) is not None


def index_site(
    site_dir: Path,
    chunk_size: int | None = INDEX_CHUNK_SIZE,
    *,
    pages_dir: Path | None = None,
) -> IndexReport:
    """Run Pagefind over the built site, a language at a time, with index chunks of
    ``chunk_size`` word positions (None: Pagefind's own default). A
    ``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`` in the environment wins over either. With
    ``pages_dir``, Pagefind reads the pages' search copies there (``builder.search.copies``)
    instead of the site's pages."""
    return start_indexing(site_dir, chunk_size, pages_dir=pages_dir).finish()


@dataclass
class Indexing:
    """Pagefind runs under way (:func:`start_indexing`): one at a time, the next started
    when :meth:`finish` has the last one's outcome."""

    site_dir: Path
    """The site whose bundle is written."""
    command: list[str]
    """Pagefind's command line without its ``--glob``."""
    environment: dict[str, str]
    """Pagefind's environment."""
    globs: list[str]
    """The globs of the runs not started yet."""
    process: subprocess.Popen[str] | None = None
    """The run under way."""
    languages: dict[str, dict[str, object]] = field(default_factory=dict)
    """Each language's entry, from the runs ended so far."""

    def start_next(self) -> None:
        """Start the next run."""
        glob = self.globs.pop(0)
        try:
            self.process = subprocess.Popen(
                [*self.command, "--glob", glob],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=self.environment,
            )
        except OSError as error:
            raise BriefingError(
                f"{self.site_dir}: [search] Pagefind did not run: {error}"
            ) from error

    def finish(self) -> IndexReport:
        """Wait for every run; what they indexed, or a :class:`BriefingError` saying why not."""
        bundle = self.site_dir / SEARCH_BUNDLE
        entry: dict[str, object] = {}
        while self.process is not None:
            entry = self._wait(bundle)
            found = entry.get("languages")
            if not isinstance(found, dict):
                raise BriefingError(f"{self.site_dir}: [search] Pagefind wrote no languages")
            if set(found) & set(self.languages):
                self._start_over(bundle)
                continue
            self.languages.update(found)
            self.process = None
            if self.globs:
                self.start_next()
        entry["languages"] = dict(sorted(self.languages.items(), key=_language_order))
        # Pagefind's own layout: no spaces, the text as it is.
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        (bundle / ENTRY).write_text(text, encoding="utf-8")
        counts = [info.get("page_count", 0) for info in self.languages.values()]
        pages = sum(count for count in counts if isinstance(count, int))
        return IndexReport(pages=pages, languages=tuple(sorted(self.languages)), bundle=bundle)

    def _wait(self, bundle: Path) -> dict[str, object]:
        """The entry the run under way wrote, once it ended."""
        assert self.process is not None
        try:
            stdout, stderr = self.process.communicate(timeout=3600)
        except subprocess.TimeoutExpired as error:
            self.stop()
            message = f"{self.site_dir}: [search] Pagefind did not run: {error}"
            raise BriefingError(message) from error
        entry_file = bundle / ENTRY
        if self.process.returncode != 0 or not entry_file.is_file():
            detail = (stderr or stdout).strip().splitlines()[-5:]
            raise BriefingError(f"{self.site_dir}: [search] Pagefind failed: {' | '.join(detail)}")
        entry: dict[str, object] = json.loads(entry_file.read_text("utf-8"))
        entry_file.unlink()
        return entry

    def _start_over(self, bundle: Path) -> None:
        """Index the whole site in one run, as two runs found the same language."""
        shutil.rmtree(bundle, ignore_errors=True)
        self.languages.clear()
        self.globs = [WHOLE_SITE]
        self.start_next()

    def stop(self) -> None:
        """End the run under way, and start no other (a build that failed meanwhile)."""
        self.globs = []
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.communicate()
            self.process = None


def _language_order(item: tuple[str, object]) -> tuple[int, str]:
    """The site's languages in their order, then any other Pagefind found."""
    lang = item[0]
    return (LANGS.index(lang), lang) if lang in LANGS else (len(LANGS), lang)


def start_indexing(
    site_dir: Path,
    chunk_size: int | None = INDEX_CHUNK_SIZE,
    *,
    pages_dir: Path | None = None,
) -> Indexing:
    """Start Pagefind as :func:`index_site` does, and return at once: the build writes its
    other files while Pagefind runs on the other cores."""
    source = pages_dir or site_dir
    command = [sys.executable, "-m", "pagefind", "--site", str(source)]
    command += ["--output-path", str(site_dir / SEARCH_BUNDLE)]
    command += ["--exclude-selectors", ", ".join(UNINDEXED)]
    ours = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk_size)} if chunk_size else {}
    indexing = Indexing(site_dir, command, {**ours, **os.environ}, language_globs(source))
    indexing.start_next()
    return indexing
