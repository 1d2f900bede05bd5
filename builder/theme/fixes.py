"""Small corrections to Material's HTML, so every page passes the Nu HTML Checker and
requests nothing that is not there.

Applied to each rendered page (the plugin's ``on_post_page``). Each fix is a literal,
anchored substitution on markup the theme generates, never on page content:

- Material's drawer and search toggles are checkboxes with ``autocomplete="off"``; HTML
  allows ``autocomplete`` only on text-like inputs, so the attribute goes. (Its only effect
  was to stop Firefox restoring a toggle's state on reload.)
- A page outside the navigation (a brief, an entity page) has no ``__toc`` toggle, yet the
  table of contents keeps ``<label for="__toc">``; a label must point at a real control, so
  that ``for`` goes when the page has no such control.
- Material's script reads every ``<link rel="alternate">`` of a page as a language's home
  and fetches ``sitemap.xml`` beside it, to map pages between languages; mkdocs-static-i18n
  links each page's own translation there, so every page requested
  ``<page>/sitemap.xml`` for each language, which does not exist. The hreflang pairs are in
  the sitemap (``overrides/sitemap.xml``) and the language menu links each page's
  translation already, so these head links go.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def fix_theme_html(html: str) -> str:
    """The page with the theme's invalid attributes and its head hreflang links removed
    (see the module docstring)."""
    html = _TOGGLE.sub(r"\1", html)
    html = _HREFLANG.sub("", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
