"""``briefing check``: read every source as ``briefing build`` does (same configuration,
data, cache and workers: ``builder.pipeline.analyse_sources``) and list its problems and the
names found by patterns but missing from the gazetteer, without writing anything.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.cli.command import Command
from builder.cli.progress import progress_bar
from builder.cli.project import load_project
from builder.knowledge import load_knowledge
from builder.pipeline import analyse_sources
from builder.read.sources import discover


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="sources to check (default: all of briefs/)")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")


def run(args: argparse.Namespace) -> int:
    """Validate every source; list problems and names missing from the gazetteer."""
    config = load_project(args.config).build_config
    knowledge = load_knowledge(config.data_dirs)
    paths = [Path(name) for name in args.files] or discover(config.briefs_dir)
    analysed, problems = analyse_sources(config, paths, knowledge, progress=progress_bar)
    candidates = sorted({name for _, extraction in analysed for name in extraction.candidates})
    for problem in problems:
        print(f"{problem.severity}: {problem}")
    if candidates:
        print(f"\nNames found by patterns but not in the gazetteer ({len(candidates)}):")
        for name in candidates:
            print(f"  {name}")
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = sum(1 for problem in problems if problem.severity == "warning")
    print(f"\n{len(paths)} sources checked: {errors} errors, {warnings} warnings")
    return 1 if errors or (args.strict and warnings) else 0


COMMAND = Command("check", "validate sources and list problems", add_arguments, run)
