"""First-search bytes of a built site re-indexed with each Pagefind index chunk size.

Usage: .venv/bin/python -m briefing_tools.benchmarks.chunk_sizes SITE [SIZE ...]

SITE is a built site (``make build``'s ``site/``, or ``briefing bench N --work W``'s
``W/nN/site``). For each SIZE (word positions per chunk; ``default`` for Pagefind's own)
the site's ``pagefind/`` is rebuilt as the build does it and the first search of every
``FIRST_QUERIES`` query is measured in Chromium. The site is left indexed with the last
size given. Unset ``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`` first: it overrides every size.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path

from briefing_tools.probe import FIRST_QUERIES, first_search_bytes
from builder.search.indexing import INDEX_CHUNK_SIZE, index_site
from builder.search.pagefind import SEARCH_BUNDLE


def reindex(site: Path, size: str) -> int:
    """Index ``site`` as the build does, with ``size`` positions per chunk (``default``:
    Pagefind's own); the number of chunks written."""
    bundle = site / SEARCH_BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # Pagefind leaves old chunks in place
    index_site(site, None if size == "default" else int(size))
    return len(list((bundle / "index").iterdir()))


def main() -> None:
    """Print one row per chunk size: chunks, then median and largest KB per language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("sizes", nargs="*", default=["default", str(INDEX_CHUNK_SIZE)])
    args = parser.parse_args()
    languages = " | ".join(f"{lang} median (largest) KB" for lang in FIRST_QUERIES)
    print(f"| chunk size | chunks | {languages} |")
    for size in args.sizes:
        chunks = reindex(args.site, size)
        measured = first_search_bytes(args.site)
        cells = []
        for lang in FIRST_QUERIES:
            kilobytes = [value / 1024 for value in measured[lang]]
            cells.append(f"{statistics.median(kilobytes):.0f} ({max(kilobytes):.0f})")
        print(f"| {size} | {chunks} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
