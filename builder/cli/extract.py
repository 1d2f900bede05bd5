"""``briefing extract``: the brief record of each file given, as JSON or YAML, in input order.

The files are read as ``briefing build`` reads briefs (``builder.pipeline``, with the
project's data, cache and workers), and may be anywhere: outside a project (no
``mkdocs.yml``), with the package's data only. Each record names its file as it was given;
a file that cannot be read is an ``error`` entry in its place, and the exit status is 1.
Metadata the reader left out (a bad field, a sidecar that is not YAML) is a warning on
standard error; the record is printed without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from builder.cli.command import Command
from builder.cli.project import build_config_or_default
from builder.knowledge import load_knowledge
from builder.model import BriefRecord, Problem
from builder.pipeline import analyse_each_source
from builder.resolve.record import brief_record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files")
    parser.add_argument(
        "--json", action="store_true", help="a JSON array, one object per file in input order"
    )


def run(args: argparse.Namespace) -> int:
    """Print the extracted data of each file (JSON array, or YAML without --json)."""
    config = build_config_or_default(args.config)
    knowledge = load_knowledge(config.data_dirs)
    paths = [Path(name) for name in args.files]
    results = analyse_each_source(config, paths, knowledge, names=args.files)
    output: list[BriefRecord | dict[str, Any]] = []
    status = 0
    for name, result in zip(args.files, results, strict=True):
        if isinstance(result, Problem):
            output.append(
                {"file": name, "error": {"field": result.field, "message": result.message}}
            )
            print(f"briefing extract: {result}", file=sys.stderr)
            status = 1
            continue
        doc, extraction = result
        for problem in doc.source.problems:
            print(f"briefing extract: {problem.severity}: {problem}", file=sys.stderr)
        output.append(brief_record(doc, extraction, knowledge))
    if args.json:
        json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        yaml.safe_dump(output, sys.stdout, allow_unicode=True, sort_keys=False, width=100)
    return status


COMMAND = Command("extract", "print the extracted data of files", add_arguments, run)
