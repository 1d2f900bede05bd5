"""Bilingual briefing-site generator: Arabic press articles -> Arabic/English MkDocs pages.

The pipeline is read -> clean -> extract -> resolve -> render -> index -> write, one package
per stage (the README's Layout section maps them); :func:`build` runs it, and the MkDocs
plugin and the ``briefing`` CLI call it.
"""

from __future__ import annotations

from builder.config import BuildConfig, config_for_project
from builder.pipeline import build
from builder.version import __version__

__all__ = ["BuildConfig", "__version__", "build", "config_for_project"]
