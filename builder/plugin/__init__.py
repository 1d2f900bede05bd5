"""The MkDocs plugin ``briefing`` (entry point ``builder.plugin:BriefingPlugin``): a thin
adapter that runs :func:`builder.build` inside ``mkdocs build`` and ``mkdocs serve``.

:mod:`.plugin` is the event handlers; :mod:`.config` the options and their conversion into
a ``BuildConfig``; :mod:`.reports` what it logs; :mod:`.staging` the site written beside the
last good one; :mod:`.serving` what only ``serve`` needs; :mod:`.timings` the bench's times.
"""

from builder.plugin.plugin import BriefingPlugin

__all__ = ["BriefingPlugin"]
