"""``briefing serve``: MkDocs' development server with the briefing plugin, dirty rebuilds
(only the pages the builder changed are rendered again) and the address it serves on shown.
"""

from __future__ import annotations

import argparse
import logging
import sys

from builder.cli.command import Command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    parser.add_argument(
        "--full-rebuilds",
        action="store_true",
        help="render every page again on each change (after editing templates or styles; "
        "about 150 s at 1,000 briefs) instead of only the pages that changed",
    )


class _ServingAddress(logging.Filter):
    """Lets MkDocs' ``Serving on http://...`` through, and its warnings; the server's other
    information (browsers connecting, reloads) stays behind ``-v``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or "Serving on " in record.getMessage()


def show_address() -> None:
    """Log where the site is served even when the CLI shows warnings only (MkDocs says it
    at the information level, once the first build is done)."""
    server_log = logging.getLogger("mkdocs.livereload")
    if not server_log.isEnabledFor(logging.INFO):
        server_log.setLevel(logging.INFO)
        server_log.addFilter(_ServingAddress())


def run(args: argparse.Namespace) -> int:
    """Build and serve the site with live reload when briefs change. After the first build,
    MkDocs renders again only the pages the builder changed (its --dirty), and search is
    indexed in the background."""
    from mkdocs.commands.serve import serve

    if not args.full_rebuilds and "--dirty" not in sys.argv:
        # mkdocs-static-i18n builds the English site dirty only when it sees --dirty among
        # the command's arguments (it reads sys.argv); without it every reload rebuilt all
        # English pages.
        sys.argv.append("--dirty")
    show_address()
    serve(
        config_file=args.config,
        dev_addr=args.dev_addr,
        open_in_browser=False,
        build_type=None if args.full_rebuilds else "dirty",
    )
    return 0


COMMAND = Command("serve", "serve the site, rebuilding on changes", add_arguments, run)
