"""One exception family for everything the builder reports.

Every message names the file and, where it applies, the field or line, so an editor can go
straight to the problem. The pipeline turns a :class:`BriefError` into a
:class:`~builder.model.Problem` and carries on with the other briefs.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class of all errors the builder raises on purpose."""


class BriefError(BriefingError):
    """A problem with one brief source: bad encoding, bad metadata, unreadable file."""

    def __init__(
        self, file: str, message: str, *, field: str | None = None, line: int | None = None
    ) -> None:
        self.file = file
        self.field = field
        self.line = line
        self.message = message
        where = file if line is None else f"{file}:{line}"
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {message}")


class DataFileError(BriefingError):
    """A malformed user-extensible data file (gazetteer, topics, terminology, countries)."""

    def __init__(self, file: str, message: str, *, field: str | None = None) -> None:
        self.file = file
        self.field = field
        where = f"{file} [{field}]" if field else file
        super().__init__(f"{where}: {message}")


class ConfigError(BriefingError):
    """Bad builder configuration (paths, options in mkdocs.yml)."""
