"""Bilingual briefing-site generator: Arabic press articles -> Arabic/English MkDocs pages.

The pipeline is read -> clean -> extract -> resolve -> render -> index -> write, one module
per stage; :func:`build` runs it, and the MkDocs plugin and the ``briefing`` CLI call it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from builder.config import BuildConfig, config_for_project
from builder.pipeline import build

__all__ = ["BuildConfig", "__version__", "build", "config_for_project"]
