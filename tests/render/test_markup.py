"""Source text is data: rendered through the site's own Markdown set-up it stays literal."""

from __future__ import annotations

import html as html_module

import markdown
import pytest

from builder.render import markup
from builder.render.dates import date_shown

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "{{ config.site_name }} {% include 'x' %}",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "| a | b |",
    "**bold** _em_ `code` ~~del~~ ==mark==",
    "title ---\n--- more",
    "{: .injected onclick=alert(1) }",
    "&amp; &lt; &#60;",
    "    indented code?",
    "!!! warning\n    admonition?",
]


def _render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_renders_as_itself(value: str) -> None:
    html = _render(markup.text(value))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<li" not in html and "<blockquote" not in html
    assert "<strong" not in html and "<code" not in html and "<del" not in html
    visible = html_module.unescape(html.removeprefix("<p>").removesuffix("</p>"))
    assert visible == " ".join(value.split())


def test_block_declares_language_and_direction() -> None:
    html = _render(markup.block(markup.text("نص عربي"), "ar", "brief-text"))
    assert '<div class="brief-text" dir="rtl" lang="ar">' in html or (
        'lang="ar"' in html and 'dir="rtl"' in html
    )
    assert "<p>نص عربي</p>" in html


def test_span_isolates_the_other_language() -> None:
    assert markup.span("David <b>", "en") == '<bdi lang="en" dir="ltr">David &#60;b&#62;</bdi>'


def test_front_matter_keeps_document_markers_inside_values() -> None:
    import yaml

    data = {"title": "a\n---\nb: c", "brief": {"x": "--- ..."}}
    text = markup.front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    inner = text[4:-4]
    assert "\n---\n" not in inner
    assert yaml.safe_load(inner) == data


def test_a_date_is_isolated_in_its_own_direction() -> None:
    """A date in words is a run of its page's language; an ISO pattern the words do not
    cover is isolated left to right, since after Arabic text it reads backwards."""
    assert date_shown("2025-03-11", "ar") == '<bdi lang="ar" dir="rtl">11 مارس 2025</bdi>'
    assert date_shown("2025-03-11", "en") == '<bdi lang="en" dir="ltr">11 March 2025</bdi>'
    assert date_shown("2012-07", "ar") == '<bdi lang="ar" dir="rtl">يوليو 2012</bdi>'
    assert markup.isolated("Reuters (Arabic)") == (
        '<bdi lang="en" dir="ltr">Reuters &#40;Arabic&#41;</bdi>'
    )
