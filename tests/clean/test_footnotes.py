"""Footnote markers in the body and links in references."""

from __future__ import annotations

import html as html_module
import re

import markdown
import pytest

from builder.clean.footnotes import first_url, link_markers, url_spans
from builder.render import markup

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]


def _numbers(paragraphs: list[str], notes: set[int]) -> list[list[int]]:
    return [[marker.number for marker in found] for found in link_markers(paragraphs, notes)]


def test_bracket_markers_link_only_to_existing_notes() -> None:
    paragraphs = ["قالت الوزارة ذلك.[1] وأضافت [2] ثم [7].", "[3] في أول الفقرة ليس إحالة."]
    assert _numbers(paragraphs, {1, 2, 3}) == [[1, 2], []]


def test_brackets_win_over_parentheses() -> None:
    paragraphs = ["نص الإحالة الأولى.[1]", "وتضمن الاتفاق (2) بندين."]
    assert _numbers(paragraphs, {1, 2}) == [[1], []]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("وصلت القوات إلى الحدود (1) صباح الأحد.", [1]),
        ("وصلت القوات إلى الحدود.(2)", [2]),
        ("بحسب المادة (2) من الميثاق", []),
        ("وفق البند (1) والفقرة (2)", []),
        ("تتضمن الخطة ما يلي: (1) التهدئة", []),
        ("(1) في أول الفقرة", []),
        ("See article (2) of the treaty", []),
        ("وأكد الخبراء ذلك (١).", [1]),
        ("مئة وخمسون (150) جنديا", []),
    ],
)
def test_parenthesis_markers(paragraph: str, expected: list[int]) -> None:
    assert _numbers([paragraph], {1, 2}) == [expected]


def test_marker_keeps_the_digits_as_written() -> None:
    [[marker]] = link_markers(["كما ورد في التقرير[٣]."], {3})
    assert (marker.number, marker.written, marker.style) == (3, "٣", "bracket")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Report, 2023, https://example.org/a.", "https://example.org/a"),
        ("(see https://example.org/a)", "https://example.org/a"),
        (
            "https://en.wikipedia.org/wiki/Treaty_(1990)",
            "https://en.wikipedia.org/wiki/Treaty_(1990)",
        ),
        ("متاح على: https://example.org/ar،", "https://example.org/ar"),
        ('"https://example.org/q?a=1&b=2"', "https://example.org/q?a=1&b=2"),
        ("javascript:alert(1) ftp://example.org/x", None),
    ],
)
def test_first_url(text: str, url: str | None) -> None:
    assert first_url(text) == url


def test_text_with_links_the_url_and_escapes_the_rest() -> None:
    value = '<b>Report</b> *x*  [y](javascript:alert(1)) https://example.org/a?b=1&c="2"'
    spans = [(s, e, markup.url_link(value[s:e])) for s, e in url_spans(value)]
    html = markdown.markdown(markup.text_with(value, spans), extensions=EXTENSIONS)
    assert html.count("<a ") == 1
    assert '<a href="https://example.org/a?b=1&amp;c=" rel="nofollow noopener" dir="ltr">' in html
    assert "<b>" not in html and "<em>" not in html
    assert [tag.split()[0] for tag in re.findall(r"<[^>]+>", html)] == ["<p>", "<a", "</a>", "</p>"]
    visible = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert visible == " ".join(value.split())


def test_text_with_no_spans_is_text() -> None:
    value = "  نص   فيه [1] و(2)\tومسافات  "
    assert markup.text_with(value, []) == markup.text(value)


def test_url_link_refuses_other_schemes() -> None:
    with pytest.raises(ValueError):
        markup.url_link("javascript:alert(1)")
