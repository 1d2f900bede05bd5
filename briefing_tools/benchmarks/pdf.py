"""Median seconds to make one brief's PDF with WeasyPrint (issue 6: at most 2 s).

Usage: .venv/bin/python -m briefing_tools.benchmarks.pdf [SOURCE_DIR] [--runs N] [--paper a4|letter]

Reads and extracts every source in SOURCE_DIR (default: briefs/), renders one warm-up PDF,
then renders each brief's Arabic and English PDF N times (no cache) and prints the median
and the slowest per PDF, with the median page count.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pypdf

from builder.config import BuildConfig
from builder.pdf.jobs import brief_jobs
from builder.pdf.writer import render_pdf
from builder.pipeline import read_corpus


def main() -> None:
    """Print the median and slowest seconds per PDF over the runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", default="briefs", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paper", default="a4", choices=("a4", "letter"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "briefs"
        shutil.copytree(args.sources, copy)
        briefs, records, _ = read_corpus(BuildConfig(briefs_dir=copy, docs_dir=Path(work) / "docs"))
    jobs = brief_jobs(briefs, records, ("ar", "en"))
    render_pdf(jobs[0].html, args.paper)  # imports and font loading, once per process
    seconds, pages = [], []
    for _ in range(args.runs):
        for job in jobs:
            started = time.perf_counter()
            pdf = render_pdf(job.html, args.paper)
            seconds.append(time.perf_counter() - started)
            pages.append(len(pypdf.PdfReader(io.BytesIO(pdf)).pages))
    print(
        f"{len(jobs)} PDFs x {args.runs} runs: median {statistics.median(seconds):.2f} s, "
        f"slowest {max(seconds):.2f} s per PDF; median {statistics.median(pages):.0f} pages"
    )


if __name__ == "__main__":
    main()
