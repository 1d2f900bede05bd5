"""The ``briefing`` command (entry point ``builder.cli:main``; ``python -m builder``).

Each command is a module of this package (:mod:`.build`, :mod:`.serve`, :mod:`.check`,
:mod:`.extract`, :mod:`.pdf`) with its :class:`~builder.cli.command.Command`; this module
assembles the parser, sets up logging and reports errors. Commands of other installed
packages come from the ``briefing.commands`` entry-point group: the tools' ``eval`` and
``bench`` (``briefing_tools.cli``), which the product never imports.
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from typing import NoReturn

from builder.cli import build, check, extract, merge, pdf, serve
from builder.cli.command import Command
from builder.errors import BriefingError

DEFAULT_CONFIG = "mkdocs.yml"

COMMAND_GROUP = "briefing.commands"
"""The entry-point group other packages register ``briefing`` commands in, each entry point
naming a :class:`Command` (``eval = "briefing_tools.cli:eval_command"``)."""

COMMANDS = (
    build.COMMAND,
    serve.COMMAND,
    check.COMMAND,
    extract.COMMAND,
    pdf.COMMAND,
    merge.COMMAND,
)
"""The product's own commands."""


def _warn(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def registered_commands() -> list[Command]:
    """The commands other installed packages register, by name; one that cannot be loaded
    is left out with a warning, and none at all is fine (an installation whose metadata
    predates the group)."""
    commands = []
    for entry in sorted(entry_points(group=COMMAND_GROUP), key=lambda entry: entry.name):
        try:
            command = entry.load()
        except Exception as error:  # a broken tool must not take the product's commands down
            _warn(f"command {entry.name!r} ({entry.value}) not loaded: {error!r}")
            continue
        if not isinstance(command, Command):
            _warn(f"command {entry.name!r} ({entry.value}) is not a briefing Command")
            continue
        commands.append(command)
    return commands


def parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    """The command-line interface: ``commands`` (default: the product's and the registered
    ones; a registered command cannot replace one of the product's)."""
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
    subcommands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named: dict[str, Command] = {}
    for command in (*COMMANDS, *registered_commands()) if commands is None else commands:
        if command.name in named:
            _warn(f"command {command.name!r} is defined twice; the first one is used")
            continue
        named[command.name] = command
        subparser = subcommands.add_parser(
            command.name, help=command.help, description=command.description
        )
        command.add_arguments(subparser)
        subparser.set_defaults(run=command.run)
    return main


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``briefing``."""
    return _run(parser().parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s"
    )
    from mkdocs.exceptions import MkDocsException

    try:
        return int(args.run(args))
    except (BriefingError, MkDocsException) as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 2


LEAVING_AT_ONCE = ("build", "merge")
"""Commands after which the process exits without taking its heap apart (see :func:`run`);
``serve`` ends as Python does, waiting for its background workers."""


def run() -> NoReturn:
    """The ``briefing`` console command and ``python -m builder``: :func:`main`; after a
    build, exit without taking the heap apart object by object (5 s after a build of 2,000
    briefs), once the exit handlers have run and the output is flushed."""
    args = parser().parse_args()
    status = _run(args)
    if args.command in LEAVING_AT_ONCE:
        atexit._run_exitfuncs()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)
