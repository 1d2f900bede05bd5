"""Who said what lists each statement once: a direct quote repeated inside a reported one
is one entry, tagged with both kinds; a word or two quoted is not listed."""

from __future__ import annotations

from typing import Any

from builder.index.quotes import quotes_index
from builder.model import Page, precision_of

RYABKOV = {
    "ar": "سيرغي ريابكوف",
    "en": "Sergei Ryabkov",
    "en_provisional": False,
    "en_source": "gazetteer",
    "id": "sergei-ryabkov",
}
OFFICIAL = {
    "ar": "مسؤول أمريكي كبير",
    "en": "senior American official (unnamed)",
    "en_provisional": False,
    "en_source": None,
    "id": None,
}


def _quote(text: str, kind: str, speaker: dict | None, fragment: bool = False) -> dict:
    return {"text": text, "kind": kind, "speaker": speaker, "sentence": text, "fragment": fragment}


RECORD: Any = {
    "slug": "geneva",
    "title": {"ar": "محادثات جنيف", "en": "Geneva talks", "en_generated": False},
    "published": {
        "value": "2025-03-11",
        "inferred": False,
        "precision": precision_of("2025-03-11"),
    },
    "outlet": {"value": None, "inferred": False},
    "quotes": [
        _quote("لن نقبل شروطا مسبقة", "direct", RYABKOV),
        _quote("موسكو «لن نقبل شروطا مسبقة» من أي طرف", "indirect", RYABKOV),
        _quote("مفيدة", "direct", RYABKOV, fragment=True),
        _quote("الصين لم تستجب للمقترحات", "indirect", OFFICIAL),
    ],
}


def _pages(lang: str) -> dict[str, str]:
    return {
        page.path: page.content
        for page in quotes_index([RECORD], lang)  # type: ignore[arg-type]
        if isinstance(page, Page)
    }


def test_each_statement_once_with_both_kinds_and_no_fragment() -> None:
    pages = _pages("ar")
    by_date, by_speaker = pages["quotes/index.md"], pages["quotes/speakers.md"]
    for page in (by_date, by_speaker):
        assert page.count("لن نقبل شروطا مسبقة") == 1
        assert "موسكو «لن نقبل شروطا مسبقة» من أي طرف" in page
        assert "مفيدة" not in page
        assert "brief-quote-kind--indirect" in page and "brief-quote-kind--direct" in page
    # The by-speaker list files the unnamed official by the words of the text, in Arabic.
    assert "## مسؤول أمريكي كبير" in by_speaker
    assert "unnamed" not in by_date and "unnamed" not in by_speaker


def test_english_tags_and_headings() -> None:
    pages = _pages("en")
    speakers = pages["quotes/speakers.en.md"]
    assert "## Sergei Ryabkov" in speakers
    assert ">reported</span>" in speakers and ">direct</span>" in speakers
