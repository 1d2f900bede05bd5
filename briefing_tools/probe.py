"""A real browser against a built site: Debian's Chromium driven by Playwright.

Used by ``briefing bench --search`` to measure what a reader's first search transfers, and by
the browser tests. Chromium is the system binary (``$CHROMIUM`` or ``chromium`` on the PATH,
installed by ``make browser``); nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Response

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no network: without these Chromium keeps trying to reach Google.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

FIRST_QUERIES = {
    "ar": [
        "الصواريخ النووية",
        "الولايات المتحدة",
        "الاتفاق",
        "العقوبات",
        "الردع النووي",
        "تايوان",
        "ترمب",
        "بيلوسوف",
    ],
    "en": [
        "nuclear talks",
        "missile defence",
        "sanctions",
        "deterrence",
        "Taiwan",
        "Iran",
        "Santoro",
        "Belousov",
    ],
}
"""What the first-search measurement types on the home page of each language: topics, places,
common two-word phrases and names, as readers type them."""


def chromium_path() -> str:
    """The system Chromium: $CHROMIUM, else chromium on the PATH (never a download)."""
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        raise RuntimeError("Chromium not found: run `make browser` (it installs Debian's chromium)")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve ``folder`` at http://127.0.0.1:<port>/<prefix>; yields the site's base URL."""
    root = folder
    if prefix:
        # Serve from a parent so the site lives under a sub-path, as on a static host.
        root = folder.parent / "_served"
        (root / prefix).parent.mkdir(parents=True, exist_ok=True)
        if not (root / prefix).exists():
            (root / prefix).symlink_to(folder, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        path = f"{prefix.strip('/')}/" if prefix else ""
        yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    finally:
        server.shutdown()
        server.server_close()


def transferred(body: bytes) -> int:
    """Bytes a static host sends for a file: Pagefind's index, fragments, metadata and wasm
    are gzip files already and go as they are; text (its JavaScript, JSON) is gzipped, as
    GitHub Pages, Netlify and nginx's gzip do."""
    if body[:2] == b"\x1f\x8b":
        return len(body)
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def first_search_bytes(
    site: Path, queries: dict[str, list[str]] = FIRST_QUERIES, browser: Browser | None = None
) -> dict[str, list[int]]:
    """For each query, the bytes of search files (``pagefind/``) a fresh browser transfers
    when it is typed on its language's home page, until the results are shown (see
    :func:`transferred`). Each query starts with an empty cache: it is a reader's first.
    ``browser``: a Playwright browser already launched (else Chromium is started here)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            try:
                return first_search_bytes(site, queries, launched)
            finally:
                launched.close()
    measured: dict[str, list[int]] = {}
    with serve(site) as base_url:
        for lang, typed in queries.items():
            home = base_url + ("" if lang == "ar" else f"{lang}/")
            measured[lang] = [_first_search(browser, home, query) for query in typed]
    return measured


def _first_search(browser: Browser, home: str, query: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[int] = []

    def count(response: Response) -> None:
        if "/pagefind/" in response.url:
            fetched.append(transferred(response.body()))

    page.on("response", count)
    page.goto(home)
    page.click("[data-briefing-search-query]")
    page.type("[data-briefing-search-query]", query)
    page.wait_for_function(
        """() => document.querySelector('[data-briefing-search-meta]').dataset.query
            === document.querySelector('[data-briefing-search-query]').value""",
        timeout=120_000,
    )
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(fetched)
