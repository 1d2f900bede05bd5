"""Golden pages: a small hand-written brief rendered in both languages, compared byte for byte.

After an intended change to rendering or extraction, regenerate with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
PAGES = (
    "briefs/geneva-arms-talks.md",
    "briefs/geneva-arms-talks.en.md",
    "people/sergei-ryabkov.md",
    "people/sergei-ryabkov.en.md",
    "timeline/index.en.md",
    "quotes/index.md",
    "quotes/speakers.en.md",
)


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_golden_file(golden_pages: dict[str, str], path: str) -> None:
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(golden_pages[path], "utf-8")
    assert golden_pages[path] == golden.read_text("utf-8")


def test_hostile_text_stays_text(golden_pages: dict[str, str]) -> None:
    page = golden_pages["briefs/geneva-arms-talks.md"]
    body = page.split("\n---\n", 1)[1]
    assert "<script>" not in body and "](javascript:" not in body and "{{" not in body
    assert "&#60;script&#62;" in body


@pytest.mark.parametrize("path", PAGES[:2])
def test_footnotes_link_both_ways_and_only_http_leaves_the_page(
    golden_pages: dict[str, str], path: str
) -> None:
    body = golden_pages[path].split("\n---\n", 1)[1]
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert {"fn-1", "fn-2", "fnref-1", "fnref-1-2", "fnref-2"} <= set(ids)
    assert len(ids) == len(set(ids))
    for href in re.findall(r'href="([^"]*)"', body):
        assert href[1:] in ids if href.startswith("#") else href.startswith("https://"), href
    # «[3]» has no reference: it stays text. Markup in a reference stays text.
    assert "&#91;3&#93;" in body and "<b>" not in body and "&#60;b&#62;" in body
