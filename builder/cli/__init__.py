"""The ``briefing`` command (entry point ``builder.cli:main``), one module per command."""

from builder.cli.commands import main

__all__ = ["main"]
