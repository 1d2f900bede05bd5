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


_PDF_FONTS = (
    # Amiri, not Noto Sans Arabic, in PDFs: Noto Sans Arabic draws letters from shared
    # dotless shapes plus dot marks, so a PDF's text layer cannot map its glyphs back to
    # letters (copying «مواجهة» gave «موابهة»); Amiri has a glyph per letter form.
    ("Brief Arabic", "amiri", 400, "normal"),
    ("Brief Arabic", "amiri", 700, "normal"),
    ("Brief Latin", "noto-sans", 400, "normal"),
    ("Brief Latin", "noto-sans", 400, "italic"),
)


def pdf_font_faces() -> str:
    """``@font-face`` rules for the PDF stylesheet, pointing at the installed font files
    (``file:`` URLs: WeasyPrint embeds them; nothing is fetched from a network)."""
    rules = []
    for family, package, weight, style in _PDF_FONTS:
        source = Path(fontpkg.path(package, weight=weight, style=style, nearest=True))
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{source.as_uri()}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)
