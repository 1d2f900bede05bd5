"""The MkDocs plugin ``briefing`` (entry point ``builder.plugin:BriefingPlugin``): a thin
adapter that runs :func:`builder.build` inside ``mkdocs build`` and ``mkdocs serve``."""

from builder.plugin.plugin import BriefingPlugin

__all__ = ["BriefingPlugin"]
