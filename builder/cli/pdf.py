"""``briefing pdf``: the PDFs of some or all briefs, or one collection of the briefs a topic,
an actor or a date range picks, without building the site.

The briefs are read as ``briefing build`` reads them (``builder.pipeline.read_corpus``), the
jobs come from ``builder.pdf.jobs`` and are made by the post-build step the plugin runs
(``builder.post_build``), with the same cache: a PDF the site has is not rendered again.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from builder.cli.command import Command
from builder.cli.progress import pdf_progress_bar, progress_bar
from builder.cli.project import load_project
from builder.errors import BriefingError
from builder.links import PDF_DIR
from builder.pdf.jobs import Selection, requested_jobs
from builder.pdf.writer import PAPER_SIZES
from builder.pipeline import read_corpus
from builder.post_build import write_project_pdfs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "briefs", nargs="*", metavar="BRIEF", help="source files or slugs (default: all)"
    )
    parser.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    parser.add_argument(
        "--paper", choices=tuple(PAPER_SIZES), help="default: pdf_paper in mkdocs.yml, else a4"
    )
    parser.add_argument("-o", "--out", help="output folder (default: pdf/ in the site folder)")
    parser.add_argument(
        "--collection", action="store_true", help="one PDF of all the selected briefs"
    )
    parser.add_argument("--topic", help="collection of one topic (id, Arabic or English name)")
    parser.add_argument("--actor", help="collection of one person, organization or country")
    parser.add_argument("--from", dest="since", metavar="DATE", help="collection from this date")
    parser.add_argument("--to", dest="until", metavar="DATE", help="collection up to this date")
    parser.add_argument(
        "--name", default="collection", help="collection file name, before .<lang>.pdf"
    )
    parser.add_argument(
        "--strict", action="store_true", help="a source that fails to read fails too"
    )


def _selection(args: argparse.Namespace) -> Selection:
    try:
        since = date.fromisoformat(args.since) if args.since else None
        until = date.fromisoformat(args.until) if args.until else None
    except ValueError as error:
        raise BriefingError(f"--from/--to: {error} (expected YYYY-MM-DD)") from error
    return Selection(args.topic, args.actor, since, until)


def run(args: argparse.Namespace) -> int:
    """Write PDF briefs (one per brief and language), or one collection PDF per language
    with a table of contents (--collection, --topic, --actor, --from, --to)."""
    project = load_project(args.config)
    build_config = project.build_config
    paper = args.paper or project.plugin.config.pdf_paper
    out_dir = Path(args.out) if args.out else Path(project.mkdocs.site_dir) / PDF_DIR
    selection = _selection(args)
    briefs, records, problems = read_corpus(build_config, progress=progress_bar)
    for problem in problems:
        if problem.severity != "info":
            print(f"{problem.severity}: {problem}", file=sys.stderr)
    jobs = requested_jobs(
        briefs,
        records,
        wanted=args.briefs,
        langs=("ar", "en") if args.lang == "both" else (args.lang,),
        selection=selection if args.collection or selection != Selection() else None,
        name=args.name,
        briefs_dir=build_config.briefs_dir,
    )
    if jobs is None:
        print("briefing pdf: no brief matches the selection", file=sys.stderr)
        return 1
    report = write_project_pdfs(build_config, jobs, out_dir, paper=paper, progress=pdf_progress_bar)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(report.written)} PDFs written, {len(report.unchanged)} unchanged, in {out_dir}")
    return 1 if report.problems or (args.strict and problems) else 0


COMMAND = Command("pdf", "write PDF briefs", add_arguments, run)
