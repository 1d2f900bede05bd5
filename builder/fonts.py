"""The site's fonts, taken from their PyPI packages and served from the site itself.

No page ever asks Google Fonts or any other host: ``theme.font`` is off in ``mkdocs.yml``
and ``docs/assets/stylesheets/briefing.css`` declares these files with ``@font-face``.
Noto Sans Arabic covers Arabic; Noto Sans covers Latin (both variable-weight).
"""

from __future__ import annotations

from pathlib import Path

import fontpkg

FONT_DIR = "assets/fonts"

_FONTS = (
    ("noto-sans-arabic", "normal", "NotoSansArabic.ttf"),
    ("noto-sans", "normal", "NotoSans.ttf"),
    ("noto-sans", "italic", "NotoSans-Italic.ttf"),
)


def font_files() -> list[tuple[str, Path]]:
    """(site path, installed file) for every font the stylesheet declares."""
    files = []
    for family, style, name in _FONTS:
        source = fontpkg.path(family, weight=400, style=style, nearest=True)
        files.append((f"{FONT_DIR}/{name}", Path(source)))
    return files
