"""``briefing build``: MkDocs' build with the briefing plugin, which builds the pages first
and indexes search and writes the PDFs after (``builder.plugin``), with progress bars."""

from __future__ import annotations

import argparse
import sys

from builder.cli.command import Command
from builder.cli.progress import pdf_progress_bar, progress_bar
from builder.cli.project import load_mkdocs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict", action="store_true", help="fail on any warning (a bad brief, a broken link)"
    )
    parser.add_argument("-d", "--site-dir", help="output folder (default: from mkdocs.yml)")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        help="processes rendering pages at once (default: the plugin's jobs, one per core)",
    )
    parser.add_argument(
        "--shard",
        metavar="K/N",
        help="build only the K-th of N parts of the pages, without the search index; "
        "put the N sites together with `briefing merge`",
    )


def run(args: argparse.Namespace) -> int:
    """Build the pages and the site (mkdocs build with the briefing plugin)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    from builder.plugin.plugin import BriefingPlugin

    overrides: dict[str, object] = {"strict": args.strict}
    if args.site_dir:
        overrides["site_dir"] = args.site_dir
    config = load_mkdocs(args.config, **overrides)
    plugin = config.plugins.get("briefing")
    if isinstance(plugin, BriefingPlugin):
        plugin.progress = progress_bar
        plugin.pdf_progress = pdf_progress_bar
        if args.jobs is not None:
            plugin.config.jobs = max(1, args.jobs)
        if args.shard is not None:
            plugin.config.shard = args.shard
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


COMMAND = Command("build", "build the pages and the site", add_arguments, run)
