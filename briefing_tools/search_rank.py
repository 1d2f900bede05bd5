"""Where a name's own page ranks in the site's search: the real Pagefind index, searched in
Chromium from the search box as a reader types the name.

A reader who types a person's or an organization's name expects that entity's page first,
before the briefs that mention it. This probe types each name on its language's home page,
pages through the results ("more") and reports the position of the expected page::

    python -m briefing_tools.search_rank SITE_DIR            # the archive's names below
    python -m briefing_tools.search_rank SITE_DIR "كيري=/people/john-kerry/"

Positions count from 1; ``None`` is "not in the first ``limit`` results".
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tools.probe import CHROMIUM_FLAGS, chromium_path, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@dataclass(frozen=True)
class Probe:
    """A name as a reader types it, and the page it should find first."""

    query: str
    expected: str
    """The expected page's path from the site root (``/people/john-kerry/``); a path under
    ``/en/`` is searched from the English home page, else from the Arabic one."""


ARCHIVE_PROBES = (
    Probe("الحوثي", "/organizations/houthis/"),
    Probe("الحوثيين", "/organizations/houthis/"),
    Probe("داعش", "/organizations/islamic-state/"),
    Probe("كيري", "/people/john-kerry/"),
    Probe("جون كيري", "/people/john-kerry/"),
    Probe("علي عبدالله صالح", "/people/ali-abdullah-saleh/"),
    Probe("هادي", "/people/abd-rabbuh-mansour-hadi/"),
    Probe("Houthis", "/en/organizations/houthis/"),
    Probe("ISIS", "/en/organizations/islamic-state/"),
    Probe("Kerry", "/en/people/john-kerry/"),
    Probe("Saleh", "/en/people/ali-abdullah-saleh/"),
    Probe("Hadi", "/en/people/abd-rabbuh-mansour-hadi/"),
)
"""Names of the SaudiNewsNet 2015 archive (``/work/shared/archive``) and their pages."""


@dataclass(frozen=True)
class Ranked:
    """What one probe found."""

    probe: Probe
    rank: int | None
    """Position of the expected page (1 is first); None: not among the results looked at."""
    top: tuple[str, ...]
    """The first three results' paths."""
    total: str
    """The result count as the panel words it."""


def shown_results(page: Page) -> list[str]:
    """The paths of the results the panel shows, once it has caught up with the input."""
    page.wait_for_function(
        """() => document.querySelector('[data-briefing-search-meta]').dataset.query
            === document.querySelector('[data-briefing-search-query]').value""",
        timeout=60_000,
    )
    return page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => new URL(a.href).pathname)"
    )


def _rank(page: Page, probe: Probe, limit: int) -> Ranked:
    page.click("[data-briefing-search-query]")
    page.fill("[data-briefing-search-query]", "")
    page.type("[data-briefing-search-query]", probe.query)
    shown = shown_results(page)
    while (
        probe.expected not in shown
        and len(shown) < limit
        and page.is_visible("[data-briefing-search-more]")
    ):
        page.click("[data-briefing-search-more]")
        page.wait_for_function(
            "n => document.querySelectorAll('.md-search-result__item').length > n",
            arg=len(shown),
            timeout=60_000,
        )
        shown = shown_results(page)
    rank = shown.index(probe.expected) + 1 if probe.expected in shown[:limit] else None
    total = page.text_content("[data-briefing-search-meta]") or ""
    return Ranked(probe, rank, tuple(shown[:3]), total.strip())


def entity_ranks(
    site: Path, probes: tuple[Probe, ...], browser: Browser, limit: int = 50
) -> list[Ranked]:
    """Each probe typed into the search box of its language's home page on ``site`` (a built
    site, served here on localhost), with the position of its expected page."""
    found = []
    with serve(site) as base_url:
        pages: dict[bool, Page] = {}
        for probe in probes:
            english = probe.expected.startswith("/en/")
            if english not in pages:
                pages[english] = browser.new_page()
                pages[english].goto(base_url + ("en/" if english else ""))
            found.append(_rank(pages[english], probe, limit))
        for page in pages.values():
            page.close()
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the rank of each probe's page (the archive's names unless others are given)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (with its pagefind/)")
    parser.add_argument("probes", nargs="*", help="QUERY=/expected/path/ (default: archive)")
    parser.add_argument("--limit", type=int, default=50, help="results to look through")
    args = parser.parse_args(argv)
    probes = tuple(Probe(*item.split("=", 1)) for item in args.probes) or ARCHIVE_PROBES
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            ranked = entity_ranks(args.site, probes, browser, args.limit)
        finally:
            browser.close()
    for item in ranked:
        shown = item.rank if item.rank is not None else f">{args.limit}"
        print(f"{item.probe.query}\t{shown}\t{item.total}\t{item.probe.expected}\t{item.top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
