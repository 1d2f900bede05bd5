"""What a ``briefing`` command is: a name, a line of help, its arguments and what it runs.

The product's commands are the modules of ``builder.cli`` (``build``, ``serve``, ``check``,
``extract``, ``pdf``), each with a :class:`Command` named ``COMMAND``. Other packages add
commands through the ``briefing.commands`` entry-point group, each entry point naming a
:class:`Command` (the tools' ``eval`` and ``bench``: ``briefing_tools.cli``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One ``briefing`` command."""

    name: str
    """The word after ``briefing``."""
    help: str
    """Its line in ``briefing --help``."""
    add_arguments: Callable[[argparse.ArgumentParser], None]
    """Adds the command's own arguments (``-f``/``--config`` and ``-v`` are everyone's)."""
    run: Callable[[argparse.Namespace], int]
    """Runs it and returns the exit status; its docstring is ``briefing NAME --help``'s
    description. A :class:`~builder.errors.BriefingError` it raises is printed as
    ``briefing: ...`` with status 2."""

    @property
    def description(self) -> str | None:
        """What ``briefing NAME --help`` says the command does."""
        return self.run.__doc__
