"""Source text as data inside generated Markdown: escaping and language-tagged blocks.

Article text and metadata must never become markup. Every character that Python-Markdown,
its extensions or HTML could read as syntax is written as a numeric character reference,
which the browser shows as the character itself and no Markdown rule matches. Blocks in
the other language of a page carry their own ``lang`` and ``dir`` (via ``md_in_html``).
"""

from __future__ import annotations

import re
from html import escape as escape_html
from typing import Literal

from builder.arabic import has_arabic
from builder.render import front_yaml

Lang = Literal["ar", "en"]

# Markdown, attr_list, tables, footnotes, pymdownx (critic, mark, caret, tilde, arithmatex),
# and HTML metacharacters.
_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!<>&|~^=:\"'$%@]")
_REFERENCES = {char: f"&#{ord(char)};" for char in "\\`*_{}[]()#+-.!<>&|~^=:\"'$%@"}
_WHITESPACE = re.compile(r"\s+")


def _escape(value: str) -> str:
    # A regular expression, not str.translate: translate is several times slower on
    # non-ASCII text, which is most of what is escaped here.
    return _SPECIAL.sub(lambda found: _REFERENCES[found.group()], value)


def text(value: str) -> str:
    """Escape plain text for inline Markdown; newlines become spaces."""
    return _escape(" ".join(value.split()))


def text_with(value: str, spans: list[tuple[int, int, str]]) -> str:
    """Like :func:`text`, except that each ``(start, end, html)`` span of ``value`` is replaced
    by ``html``: generated markup (a link, a note marker), never source text. Spans are
    offsets into ``value`` and must not overlap."""
    out: list[str] = []
    last = 0
    for start, end, html in sorted(spans):
        out += [_escape(_WHITESPACE.sub(" ", value[last:start])), html]
        last = end
    out.append(_escape(_WHITESPACE.sub(" ", value[last:])))
    return "".join(out).strip()


def attribute(value: str) -> str:
    """Escape a value for a double-quoted HTML attribute."""
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def separator(lang: Lang) -> str:
    """Between the items of an inline list: the Arabic comma on Arabic pages."""
    return "، " if lang == "ar" else ", "


def direction(lang: Lang) -> str:
    """The writing direction of a language."""
    return "rtl" if lang == "ar" else "ltr"


def span(value: str, lang: Lang) -> str:
    """An inline run of the other language, isolated and tagged."""
    return f'<bdi lang="{lang}" dir="{direction(lang)}">{text(value)}</bdi>'


def isolated(value: str) -> str:
    """A date or a name set among text of either language, isolated in its own direction
    (Arabic when it has Arabic letters): after Arabic text an ISO date otherwise reads
    backwards (2025-03-11 shows as 11-03-2025) and a Latin name with brackets takes the
    text beside it into its run."""
    return span(value, "ar" if has_arabic(value) else "en")


def mention(escaped: str, lang: Lang = "ar") -> str:
    """A sentence quoted from a brief inside a list item, kept out of the search index: an
    inline element styled as a block, because ``md_in_html`` only reads top-level blocks
    and a ``div markdown`` inside a list item would leave invalid HTML behind."""
    return (
        f'<span lang="{lang}" dir="{direction(lang)}" class="mention" data-pagefind-ignore>'
        f"{escaped}</span>"
    )


def field(name: str) -> str:
    """A field's label in a list of facts ("Outlet:"), bold and kept out of the search
    index: it is the site's own wording, repeated on every page, not the brief's."""
    return f"<strong data-pagefind-ignore>{text(name)}:</strong>"


def note(words: str) -> str:
    """A small parenthesised note of the site's own ("romanized", "inferred from the text"),
    kept out of the search index like :func:`field`."""
    return f"<small data-pagefind-ignore>({text(words)})</small>"


def unindexed(lines: list[str]) -> list[str]:
    """Markdown lines wrapped in a ``div`` that Pagefind leaves out of the search index."""
    return ['<div data-pagefind-ignore="all" markdown>', "", *lines, "", "</div>", ""]


def block(body: str, lang: Lang, css_class: str | None = None, *, search: bool = True) -> str:
    """A Markdown block wrapped in a ``div`` that declares its language and direction;
    ``search=False`` keeps it out of the search index (``data-pagefind-ignore``)."""
    klass = f' class="{css_class}"' if css_class else ""
    ignore = "" if search else ' data-pagefind-ignore="all"'
    return (
        f'<div lang="{lang}" dir="{direction(lang)}"{klass}{ignore} markdown>\n\n{body}\n\n</div>'
    )


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped text; target is a generated relative path."""
    return f"[{text(label)}]({target})"


def url_link(url: str) -> str:
    """An outside http(s) link showing its own address, isolated left to right."""
    if not re.match(r"https?://", url, re.I):
        raise ValueError(f"not an http(s) link: {url!r}")
    return f'<a href="{attribute(url)}" rel="nofollow noopener" dir="ltr">{text(url)}</a>'


def yaml_block(data: dict) -> str:
    """A mapping as block YAML, deterministic (insertion order, Unicode kept, no wrapping);
    see :mod:`builder.render.front_yaml`."""
    return front_yaml.dump(data)


GENERATED_MARK = "# Generated by the briefing builder: edits here are overwritten.\n"
"""The first line of every generated page's front matter: the writer only ever replaces or
removes a file that starts with it, so a hand-written page is never touched."""


def front_matter(data: dict, *, shared: str = "") -> str:
    """YAML front matter of ``data``, marked as generated; ``shared`` is more top-level keys
    already dumped with :func:`yaml_block` (a brief's record, dumped once for both
    languages).

    The theme prints ``title`` as HTML, unescaped, in ``<title>``, the header and the
    navigation (MkDocs' templates do not autoescape): it is written HTML-escaped, so a
    headline such as ``</title><script>`` stays text."""
    if "title" in data:
        data = {**data, "title": escape_html(data["title"], quote=True)}
    return f"---\n{GENERATED_MARK}{yaml_block(data)}{shared}---\n"
