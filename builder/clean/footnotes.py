"""Footnote markers and reference links, shared by clean (which finds the reference list)
and render (which links the markers in the body to it).

A marker is ``[n]`` or ``(n)`` inside a paragraph, with ASCII, Arabic-Indic or Persian
digits. ``(n)`` is also how Arabic text numbers an article of a law, a paragraph or an
inline list, so a ``(n)`` only counts as a marker where it cannot be one of those: not at
the start of a paragraph, not after a colon, and not after a word such as «المادة» or
«البند». Superscript digits (¹ ²) are not treated as markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from builder.arabic import PROCLITICS, fold

MarkerStyle = Literal["bracket", "paren"]
MARKER_STYLES: tuple[MarkerStyle, ...] = ("bracket", "paren")

_MARKER = re.compile(r"\[(?P<bracket>\d{1,3})\]|\((?P<paren>\d{1,3})\)")
_URL = re.compile(r"https?://[^\s<>\"'“”«»]+", re.I)
_URL_TRAILING = ".,;:!?،؛…"

# Words after which «(3)» is a number that belongs to the text, not a note marker (folded).
_LABEL_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as one string)
        "الماده ماده البند بند الفقره فقره القرار قرار رقم الفصل فصل الجدول جدول الشكل شكل"
        " الملحق ملحق الصفحه صفحه ص البروتوكول المرحله مرحله النقطه الخطوه الخيار الحاله"
        " article art paragraph para section sec no number page p pp table figure fig chapter"
        " clause resolution rule annex appendix step phase option item point"
    ).split()
)


@dataclass(frozen=True)
class Marker:
    """A note marker found in a paragraph."""

    start: int
    """Offset of the opening bracket in the paragraph."""
    end: int
    """Offset just after the closing bracket."""
    number: int
    """The note number (digits of any script read as an integer)."""
    written: str
    """The digits as written."""
    style: MarkerStyle
    """``bracket`` for ``[n]``, ``paren`` for ``(n)``."""


def number_key(number: str) -> int:
    """The integer value of a note number written in any script's digits."""
    return int(number)


def _previous_word(paragraph: str, position: int) -> str:
    words = paragraph[:position].split()
    return fold(words[-1]).lower().strip(".،,:؛;-–—«»\"'()[]") if words else ""


def _is_label(word: str) -> bool:
    """«المادة», «والفقرة», «وبالبند», «Article» ... (a proclitic may come first)."""
    return word in _LABEL_WORDS or any(
        word.startswith(clitic) and word[len(clitic) :] in _LABEL_WORDS for clitic in PROCLITICS
    )


def find_markers(paragraph: str, style: MarkerStyle) -> Iterator[Marker]:
    """Markers of one style in a paragraph (see the module docstring for ``(n)``)."""
    for found in _MARKER.finditer(paragraph):
        digits = found.group(style)
        if digits is None or found.start() == 0:
            continue
        if style == "paren":
            before = paragraph[: found.start()].rstrip()
            if (
                not before
                or before[-1] in ":：؛"
                or _is_label(_previous_word(paragraph, found.start()))
            ):
                continue
        yield Marker(found.start(), found.end(), number_key(digits), digits, style)


def link_markers(paragraphs: Iterable[str], numbers: set[int]) -> list[list[Marker]]:
    """For each paragraph, the markers that point at one of the footnote ``numbers``.

    ``[n]`` markers are used when the body has any that match a footnote; otherwise ``(n)``.
    A body that uses brackets for its notes may still write «(2)» for something else.
    """
    paragraphs = list(paragraphs)
    for style in MARKER_STYLES:
        found = [
            [marker for marker in find_markers(paragraph, style) if marker.number in numbers]
            for paragraph in paragraphs
        ]
        if any(found):
            return found
    return [[] for _ in paragraphs]


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the http(s) links in a text, without trailing punctuation."""
    spans = []
    for found in _URL.finditer(text):
        url = found.group(0)
        while url and (
            url[-1] in _URL_TRAILING
            or (url[-1] == ")" and url.count(")") > url.count("("))
            or (url[-1] == "]" and url.count("]") > url.count("["))
        ):
            url = url[:-1]
        if len(url) > len("http://"):
            spans.append((found.start(), found.start() + len(url)))
    return spans


def first_url(text: str) -> str | None:
    """The first http(s) link in a text, if any."""
    spans = url_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else None
