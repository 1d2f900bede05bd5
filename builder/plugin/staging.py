"""A ``mkdocs build`` (or ``gh-deploy``) writes its site beside the last good one and swaps it
in only when done (``builder.write.staging``); ``serve`` builds into its own temporary folder
anyway. ``--strict`` fails a build with warnings *after* the plugin's last event, so such a
build must not replace the last good site either: the warnings are counted here too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

from builder.write.staging import discard_staging, publish_staging, start_staging


class StagedSite:
    """One build's site, written into a staging folder (MkDocs' ``site_dir`` points there
    until :meth:`finish`)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.site_dir = Path(config.site_dir)
        """Where the site goes once built."""
        self.staging = start_staging(self.site_dir)
        config.site_dir = str(self.staging)
        self._warnings = CountHandler()
        """Counts the warnings of the build, as ``--strict`` will."""
        self._warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def finish(self, config: MkDocsConfig) -> None:
        """Swap the built site in, unless ``--strict`` will fail the build for its warnings;
        MkDocs' ``site_dir`` is the real one again (``gh-deploy`` publishes it next)."""
        self.end(publish=not (config.strict and self._warnings.counts))
        config.site_dir = str(self.site_dir)

    def end(self, publish: bool) -> None:
        """Swap the staged site in (``publish``) or throw it away."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if publish:
            publish_staging(self.staging, self.site_dir)
        else:
            discard_staging(self.staging)
