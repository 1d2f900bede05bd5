"""``briefing`` / ``python -m builder``: build, serve, check and extract.

A thin adapter: ``build`` and ``serve`` run MkDocs with the briefing plugin (which calls
the same ``build()``), ``check`` and ``extract`` run the read/clean/extract stages directly.
Paths and options come from ``mkdocs.yml`` (``plugins: - briefing:``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TypeVar

import yaml

from builder.errors import BriefError, BriefingError
from builder.knowledge import load_knowledge
from builder.model import Problem

DEFAULT_CONFIG = "mkdocs.yml"

T = TypeVar("T")


def _progress(items: Iterable[T], desc: str = "briefs", unit: str = "brief") -> Iterable[T]:
    from tqdm import tqdm

    # disable=None: a bar on a terminal, silence in logs and CI.
    return tqdm(list(items), desc=desc, unit=unit, disable=None, file=sys.stderr)


_pdf_progress = partial(_progress, desc="PDFs", unit="PDF")


def _load_mkdocs(config_file: str, **overrides: object):
    from mkdocs.config import load_config

    return load_config(config_file=config_file, **overrides)


def _briefing_plugin(config, config_file: str):
    from builder.plugin.plugin import BriefingPlugin

    plugin = config.plugins.get("briefing")
    if not isinstance(plugin, BriefingPlugin):
        raise BriefingError(f"{config_file}: the 'briefing' plugin is not enabled under plugins")
    return plugin


def _build_config(config_file: str):
    from builder.plugin.config import build_config_for

    config = _load_mkdocs(config_file)
    return build_config_for(config, _briefing_plugin(config, config_file).config)


def command_build(args: argparse.Namespace) -> int:
    """Build the pages and the site (mkdocs build with the briefing plugin)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    overrides: dict[str, object] = {"strict": args.strict}
    if args.site_dir:
        overrides["site_dir"] = args.site_dir
    config = _load_mkdocs(args.config, **overrides)
    plugin = config.plugins.get("briefing")
    if plugin is not None:
        plugin.progress = _progress
        plugin.pdf_progress = _pdf_progress
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"briefing build: {error}", file=sys.stderr)
        return 1
    return 0


def command_serve(args: argparse.Namespace) -> int:
    """Build and serve the site with live reload when briefs change. After the first build,
    MkDocs renders again only the pages the builder changed (its --dirty), and search is
    indexed in the background."""
    from mkdocs.commands.serve import serve

    if not args.full_rebuilds and "--dirty" not in sys.argv:
        # mkdocs-static-i18n builds the English site dirty only when it sees --dirty among
        # the command's arguments (it reads sys.argv); without it every reload rebuilt all
        # English pages.
        sys.argv.append("--dirty")
    serve(
        config_file=args.config,
        dev_addr=args.dev_addr,
        open_in_browser=False,
        build_type=None if args.full_rebuilds else "dirty",
    )
    return 0


def _problems_for(paths: list[Path], config_file: str) -> tuple[list[Problem], list[str], int]:
    from builder.pipeline import analyse_sources

    build_config = _build_config(config_file)
    knowledge = load_knowledge(build_config.data_dirs)
    if not paths:
        from builder.read.sources import discover

        paths = discover(build_config.briefs_dir)
    analysed, problems = analyse_sources(build_config, paths, knowledge, progress=_progress)
    candidates = sorted({name for _, extraction in analysed for name in extraction.candidates})
    return problems, candidates, len(paths)


def command_check(args: argparse.Namespace) -> int:
    """Validate every source; list problems and names missing from the gazetteer."""
    problems, candidates, count = _problems_for([Path(p) for p in args.files], args.config)
    for problem in problems:
        print(f"{problem.severity}: {problem}")
    if candidates:
        print(f"\nNames found by patterns but not in the gazetteer ({len(candidates)}):")
        for name in candidates:
            print(f"  {name}")
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = sum(1 for problem in problems if problem.severity == "warning")
    print(f"\n{count} sources checked: {errors} errors, {warnings} warnings")
    return 1 if errors or (args.strict and warnings) else 0


def command_extract(args: argparse.Namespace) -> int:
    """Print the extracted data of each file (JSON array, or YAML without --json)."""
    from builder.clean.furniture import clean
    from builder.extract import extract
    from builder.read.sources import read_source
    from builder.resolve.record import brief_record

    knowledge = (
        load_knowledge(_build_config(args.config).data_dirs)
        if Path(args.config).is_file()
        else load_knowledge(_default_data_dirs())
    )
    output = []
    status = 0
    for name in args.files:
        try:
            doc = clean(read_source(Path(name), display=name))
        except BriefError as error:
            output.append({"file": name, "error": {"field": error.field, "message": error.message}})
            print(f"briefing extract: {error}", file=sys.stderr)
            status = 1
            continue
        output.append(brief_record(doc, extract(doc, knowledge), knowledge))
    if args.json:
        json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        yaml.safe_dump(output, sys.stdout, allow_unicode=True, sort_keys=False, width=100)
    return status


def command_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    from briefing_tools.evaluate import evaluate, format_report, report_data

    gold_dir, source_dir = Path(args.gold_dir), Path(args.source_dir)
    for folder in (gold_dir, source_dir):
        if not folder.is_dir():
            raise BriefingError(f"{folder}: not a folder")
    knowledge = (
        load_knowledge(_build_config(args.config).data_dirs)
        if Path(args.config).is_file()
        else load_knowledge(_default_data_dirs())
    )
    results, problems = evaluate(gold_dir, source_dir, knowledge)
    for problem in problems:
        print(f"briefing eval: {problem}", file=sys.stderr)
    if args.json:
        json.dump(report_data(results), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_report(results, details=args.details))
    return 1 if problems or not results else 0


def command_bench(args: argparse.Namespace) -> int:
    """Build synthetic corpora of N briefs and report times, memory and sizes."""
    from briefing_tools.bench import bench, machine, table, write_results

    project_root = Path(args.config).resolve().parent
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for count in args.counts:
        print(f"briefing bench: building {count:,} synthetic briefs in {work}", file=sys.stderr)
        results += bench(
            project_root, [count], work, search_probe=args.search, rebuilds=args.rebuild
        )
        # Written after every size, so a long run leaves what it has measured.
        write_results(results, work / "results.json")
    print(f"Machine: {machine()}\n")
    print(table(results))
    return 0


def command_pdf(args: argparse.Namespace) -> int:
    """Write PDF briefs (one per brief and language), or one collection PDF per language
    with a table of contents (--collection, --topic, --actor, --from, --to)."""
    from datetime import date

    from builder.pdf.jobs import Selection, requested_jobs
    from builder.pdf.writer import PDF_DIR
    from builder.pipeline import read_corpus
    from builder.plugin.config import build_config_for
    from builder.post_build import write_project_pdfs

    config = _load_mkdocs(args.config)
    plugin = _briefing_plugin(config, args.config)
    build_config = build_config_for(config, plugin.config)
    paper = args.paper or plugin.config.pdf_paper
    out_dir = Path(args.out) if args.out else Path(config.site_dir) / PDF_DIR
    try:
        since = date.fromisoformat(args.since) if args.since else None
        until = date.fromisoformat(args.until) if args.until else None
    except ValueError as error:
        raise BriefingError(f"--from/--to: {error} (expected YYYY-MM-DD)") from error
    briefs, records, problems = read_corpus(build_config, progress=_progress)
    for problem in problems:
        if problem.severity != "info":
            print(f"{problem.severity}: {problem}", file=sys.stderr)
    langs = ("ar", "en") if args.lang == "both" else (args.lang,)
    selection = Selection(args.topic, args.actor, since, until)
    jobs = requested_jobs(
        briefs,
        records,
        wanted=args.briefs,
        langs=langs,
        selection=selection if args.collection or selection != Selection() else None,
        name=args.name,
        briefs_dir=build_config.briefs_dir,
    )
    if jobs is None:
        print("briefing pdf: no brief matches the selection", file=sys.stderr)
        return 1
    report = write_project_pdfs(build_config, jobs, out_dir, paper=paper, progress=_pdf_progress)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(report.written)} PDFs written, {len(report.unchanged)} unchanged, in {out_dir}")
    return 1 if report.problems or (args.strict and problems) else 0


def _default_data_dirs() -> tuple[Path, ...]:
    from builder.config import PACKAGE_DATA

    return (PACKAGE_DATA,)


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main = argparse.ArgumentParser(
        prog="briefing",
        description="Turn Arabic press articles in briefs/ into a bilingual briefing site.",
    )
    main.add_argument(
        "-f",
        "--config",
        default=DEFAULT_CONFIG,
        help="MkDocs configuration file (default: mkdocs.yml)",
    )
    main.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' info messages")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", help="build the pages and the site", description=command_build.__doc__
    )
    build.add_argument(
        "--strict", action="store_true", help="fail on any warning (a bad brief, a broken link)"
    )
    build.add_argument("-d", "--site-dir", help="output folder (default: from mkdocs.yml)")
    build.set_defaults(handler=command_build)

    serve = commands.add_parser(
        "serve", help="serve the site, rebuilding on changes", description=command_serve.__doc__
    )
    serve.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--full-rebuilds",
        action="store_true",
        help="render every page again on each change (after editing templates or styles; "
        "about 150 s at 1,000 briefs) instead of only the pages that changed",
    )
    serve.set_defaults(handler=command_serve)

    check = commands.add_parser(
        "check", help="validate sources and list problems", description=command_check.__doc__
    )
    check.add_argument("files", nargs="*", help="sources to check (default: all of briefs/)")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(handler=command_check)

    extract = commands.add_parser(
        "extract", help="print the extracted data of files", description=command_extract.__doc__
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="article files")
    extract.add_argument(
        "--json", action="store_true", help="a JSON array, one object per file in input order"
    )
    extract.set_defaults(handler=command_extract)

    evaluation = commands.add_parser(
        "eval", help="score extraction against gold files", description=command_eval.__doc__
    )
    evaluation.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold YAML files")
    evaluation.add_argument(
        "source_dir", metavar="SOURCE_DIR", help="folder of the articles they annotate"
    )
    evaluation.add_argument(
        "--details", action="store_true", help="list every miss, false alarm and wrong value"
    )
    evaluation.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluation.set_defaults(handler=command_eval)

    benchmark = commands.add_parser(
        "bench", help="measure builds of synthetic corpora", description=command_bench.__doc__
    )
    benchmark.add_argument(
        "counts",
        nargs="*",
        type=int,
        default=[100, 1000, 10000],
        metavar="N",
        help="corpus sizes (default: 100 1000 10000)",
    )
    benchmark.add_argument(
        "--work",
        default="bench-work",
        help="folder for the generated projects (default: bench-work)",
    )
    benchmark.add_argument(
        "--search",
        action="store_true",
        help="also measure a first search's transfer in Chromium (needs the test extra)",
    )
    benchmark.add_argument(
        "--rebuild",
        type=int,
        default=0,
        metavar="EDITS",
        help="also time the builder step of EDITS one-brief rebuilds in one process "
        "(as under mkdocs serve); reported as the median",
    )
    benchmark.set_defaults(handler=command_bench)

    pdf = commands.add_parser("pdf", help="write PDF briefs", description=command_pdf.__doc__)
    pdf.add_argument(
        "briefs", nargs="*", metavar="BRIEF", help="source files or slugs (default: all)"
    )
    pdf.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    pdf.add_argument(
        "--paper", choices=("a4", "letter"), help="default: pdf_paper in mkdocs.yml, else a4"
    )
    pdf.add_argument("-o", "--out", help="output folder (default: pdf/ in the site folder)")
    pdf.add_argument("--collection", action="store_true", help="one PDF of all the selected briefs")
    pdf.add_argument("--topic", help="collection of one topic (id, Arabic or English name)")
    pdf.add_argument("--actor", help="collection of one person, organization or country")
    pdf.add_argument("--from", dest="since", metavar="DATE", help="collection from this date")
    pdf.add_argument("--to", dest="until", metavar="DATE", help="collection up to this date")
    pdf.add_argument(
        "--name", default="collection", help="collection file name, before .<lang>.pdf"
    )
    pdf.add_argument("--strict", action="store_true", help="a source that fails to read fails too")
    pdf.set_defaults(handler=command_pdf)
    return main


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``briefing``."""
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s"
    )
    from mkdocs.exceptions import MkDocsException

    try:
        return args.handler(args)
    except (BriefingError, MkDocsException) as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
