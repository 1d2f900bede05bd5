"""Median time to read, clean and extract one brief (issue 3: well under 50 ms).

Usage: .venv/bin/python -m briefing_tools.benchmarks.extract [SOURCE_DIR] [--runs N] [--workers W]

Runs the builder's `analyse` stage over a few sources of SOURCE_DIR (default: briefs/) to
warm the matchers, then N times over all of them, in W processes as a build does (default
1), and prints the median and spread per brief (wall time divided by the briefs).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from builder.config import PACKAGE_DATA
from builder.knowledge import load_knowledge
from builder.runtime.analyse import analyse

DATA = PACKAGE_DATA


def main() -> None:
    """Print the median milliseconds per brief over the runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", default="briefs", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(p for p in args.sources.iterdir() if p.suffix in (".txt", ".md"))
    knowledge = load_knowledge((DATA,))
    analyse(paths[:5], knowledge)  # warm the cached matchers
    per_brief = []
    for _ in range(args.runs):
        started = time.perf_counter()
        analyse(paths, knowledge, data_dirs=(DATA,), workers=args.workers)
        per_brief.append((time.perf_counter() - started) * 1000 / len(paths))
    print(
        f"{len(paths)} briefs, {args.runs} runs: median {statistics.median(per_brief):.1f} ms "
        f"per brief (min {min(per_brief):.1f}, max {max(per_brief):.1f})"
    )


if __name__ == "__main__":
    main()
