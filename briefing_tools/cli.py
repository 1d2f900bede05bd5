"""The tools' ``briefing`` commands: ``briefing eval`` (extraction scored against gold files,
``briefing_tools.evaluate``), ``briefing bench`` (builds of synthetic corpora or of a real
corpus folder measured, ``briefing_tools.bench``) and ``briefing audit`` (a corpus folder's
entities, suspected fragments and duplicates, and quotes, ``briefing_tools.audit``).

They are registered in the ``briefing.commands`` entry-point group (``pyproject.toml``),
where the product's CLI finds them (``builder.cli``): the product never imports this
package, and a product installed without the tools simply has no such commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from builder.cli.command import Command
from builder.cli.project import build_config_or_default
from builder.errors import BriefingError
from builder.knowledge import load_knowledge


def _eval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold YAML files")
    parser.add_argument(
        "source_dir", metavar="SOURCE_DIR", help="folder of the articles they annotate"
    )
    parser.add_argument(
        "--details", action="store_true", help="list every miss, false alarm and wrong value"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold annotations: precision, recall and F1 per field."""
    from briefing_tools.evaluate import evaluate, format_report, report_data

    gold_dir, source_dir = Path(args.gold_dir), Path(args.source_dir)
    for folder in (gold_dir, source_dir):
        if not folder.is_dir():
            raise BriefingError(f"{folder}: not a folder")
    knowledge = load_knowledge(build_config_or_default(args.config).data_dirs)
    results, problems = evaluate(gold_dir, source_dir, knowledge)
    for problem in problems:
        print(f"briefing eval: {problem}", file=sys.stderr)
    if args.json:
        json.dump(report_data(results), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_report(results, details=args.details))
    return 1 if problems or not results else 0


def _bench_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "counts",
        nargs="*",
        type=int,
        metavar="N",
        help="corpus sizes (default: 100 1000 10000; with --corpus, all its sources)",
    )
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="build a real corpus instead of synthetic ones: DIR's sources with their "
        "sidecars (the first N of them, in name order, for each N given)",
    )
    parser.add_argument(
        "--work",
        default="bench-work",
        help="folder for the generated projects (default: bench-work)",
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="also measure a first search's transfer in Chromium (needs the test extra)",
    )
    parser.add_argument(
        "--rebuild",
        type=int,
        default=0,
        metavar="EDITS",
        help="also time the builder step of EDITS one-brief rebuilds in one process "
        "(as under mkdocs serve); reported as the median",
    )


def run_bench(args: argparse.Namespace) -> int:
    """Build synthetic corpora of N briefs, or a real corpus folder, and report times, memory
    and sizes."""
    from briefing_tools.bench import bench, corpus_sources, machine, table, write_results

    project_root = Path(args.config).resolve().parent
    work = Path(args.work).resolve()
    corpus = Path(args.corpus).resolve() if args.corpus else None
    counts = args.counts or [100, 1000, 10000]
    if corpus is not None:
        available = len(corpus_sources(corpus))
        counts = [min(count, available) for count in args.counts] or [available]
    work.mkdir(parents=True, exist_ok=True)
    kind = f"sources of {corpus}" if corpus is not None else "synthetic briefs"
    results = []
    for count in counts:
        print(f"briefing bench: building {count:,} {kind} in {work}", file=sys.stderr)
        results += bench(
            project_root,
            [count],
            work,
            search_probe=args.search,
            rebuilds=args.rebuild,
            corpus=corpus,
        )
        # Written after every size, so a long run leaves what it has measured.
        write_results(results, work / "results.json")
    print(f"Machine: {machine()}\n")
    print(table(results))
    return 0


eval_command = Command("eval", "score extraction against gold files", _eval_arguments, run_eval)
"""``briefing eval GOLD_DIR SOURCE_DIR [--details] [--json]``."""

bench_command = Command(
    "bench", "measure builds of synthetic corpora or a real one", _bench_arguments, run_bench
)
"""``briefing bench [N...] [--corpus DIR] [--work DIR] [--search] [--rebuild EDITS]``."""


def _audit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", metavar="DIR", help="folder of sources and their sidecars")
    parser.add_argument(
        "--top", type=int, default=50, metavar="N", help="entities listed per kind (default: 50)"
    )
    parser.add_argument(
        "--workers", type=int, default=0, help="extraction processes (default: the project's)"
    )
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")


def run_audit(args: argparse.Namespace) -> int:
    """Read, extract and resolve a corpus folder (nothing built) and report on its entities,
    suspected fragments and duplicates, and quotes."""
    from briefing_tools.audit import read_corpus
    from briefing_tools.audit_report import audit_data, format_audit

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise BriefingError(f"{corpus}: not a folder")
    config = build_config_or_default(args.config)
    extractions, entities, vocabulary, sources, problems = read_corpus(corpus, config, args.workers)
    data = audit_data(
        extractions, entities, vocabulary, sources=sources, problems=problems, top=args.top
    )
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_audit(data))
    return 0 if sources else 1


audit_command = Command(
    "audit",
    "report on a corpus's entities, fragments, duplicates and quotes",
    _audit_arguments,
    run_audit,
)
"""``briefing audit DIR [--top N] [--workers N] [--json]``."""
