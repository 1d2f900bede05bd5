"""``briefing merge``: put the sites of a build cut into shards (``briefing build --shard
K/N``, each on its own machine) together into one site and index its search once
(``builder.runtime.shards``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.cli.command import Command
from builder.cli.project import load_mkdocs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shards", nargs="+", type=Path, help="the shards' site folders")
    parser.add_argument(
        "-d", "--site-dir", help="where the merged site goes (default: from mkdocs.yml)"
    )


def run(args: argparse.Namespace) -> int:
    """Merge the shards' sites, check they are the parts of one build, index search once."""
    from builder.post_build import index_search
    from builder.runtime.shards import merge_shards
    from builder.write.staging import discard_staging, publish_staging, start_staging

    site_dir = Path(args.site_dir or load_mkdocs(args.config).site_dir)
    staging = start_staging(site_dir)
    try:
        merged = merge_shards(args.shards, staging)
        index = index_search(staging)
    except BaseException:
        discard_staging(staging)
        raise
    publish_staging(staging, site_dir)
    print(
        f"briefing merge: {merged.shards} shards, {merged.files} files "
        f"({merged.shared} shared by several shards, the same in each), "
        f"{index.pages} pages indexed for search: {site_dir}"
    )
    return 0


COMMAND = Command("merge", "merge the sites of a build cut into shards", add_arguments, run)
