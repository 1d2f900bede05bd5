"""A real browser for the tests: Debian's Chromium (installed by the project's set-up),
driven by Playwright, against a built site served over HTTP on localhost. The helpers live
in :mod:`briefing_tools.probe`, which the benchmark shares."""

from __future__ import annotations

from briefing_tools.probe import CHROMIUM_FLAGS, chromium_path, serve

__all__ = ["CHROMIUM_FLAGS", "chromium_path", "serve"]
