"""A real browser against a built site: Debian's Chromium driven by Playwright.

Used by ``briefing bench --search`` to measure what a reader's first search transfers, and by
the browser tests. Chromium is the system binary (``$CHROMIUM`` or ``chromium`` on the PATH,
installed by ``make browser``); nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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

FIRST_QUERIES = {"ar": "الصواريخ النووية", "en": "nuclear talks"}
"""What the first-search measurement types on the home page of each language."""


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


def first_search_bytes(site: Path, queries: dict[str, str] = FIRST_QUERIES) -> dict[str, int]:
    """Bytes of search files (``pagefind/``) a fresh browser fetches for one query typed on
    each language's home page, until the results are shown. Served uncompressed, so this is
    an upper bound of what a host that compresses would send."""
    from playwright.sync_api import sync_playwright

    measured = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            for lang, query in queries.items():
                context = browser.new_context()  # a fresh cache for each language
                page = context.new_page()
                fetched: list[int] = []

                def count(response: object, fetched: list[int] = fetched) -> None:
                    if "/pagefind/" in response.url:
                        fetched.append(len(response.body()))

                page.on("response", count)
                page.goto(base_url + ("" if lang == "ar" else f"{lang}/"))
                page.click("[data-briefing-search-query]")
                page.type("[data-briefing-search-query]", query)
                page.wait_for_function(
                    """() => document.querySelector('[data-briefing-search-meta]').dataset.query
                        === document.querySelector('[data-briefing-search-query]').value""",
                    timeout=120_000,
                )
                page.wait_for_load_state("networkidle")
                measured[lang] = sum(fetched)
                context.close()
        finally:
            browser.close()
    return measured
