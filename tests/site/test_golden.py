"""Golden pages: a small hand-written brief rendered in both languages, compared byte for byte.

After an intended change to rendering or extraction, regenerate with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from builder.knowledge import Knowledge
from builder.pipeline import generate
from builder.runtime.analyse import analyse

GOLDEN = Path(__file__).parent / "golden"
SOURCE = GOLDEN / "source" / "geneva-arms-talks.txt"
PAGES = (
    "briefs/geneva-arms-talks.md",
    "briefs/geneva-arms-talks.en.md",
    "people/sergei-ryabkov.md",
    "people/sergei-ryabkov.en.md",
    "timeline/index.en.md",
    "quotes/index.md",
    "quotes/speakers.en.md",
)


@pytest.fixture(scope="module")
def pages(knowledge: Knowledge) -> dict[str, str]:
    analysed, problems = analyse([SOURCE], knowledge, lambda path: f"briefs/{path.name}")
    assert problems == []
    result, _ = generate(analysed, knowledge)
    return {page.path: page.content for page in result.pages}


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_golden_file(pages: dict[str, str], path: str) -> None:
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(pages[path], "utf-8")
    assert pages[path] == golden.read_text("utf-8")


def test_hostile_text_stays_text(pages: dict[str, str]) -> None:
    page = pages["briefs/geneva-arms-talks.md"]
    body = page.split("\n---\n", 1)[1]
    assert "<script>" not in body and "](javascript:" not in body and "{{" not in body
    assert "&#60;script&#62;" in body


@pytest.mark.parametrize("path", PAGES[:2])
def test_footnotes_link_both_ways_and_only_http_leaves_the_page(
    pages: dict[str, str], path: str
) -> None:
    body = pages[path].split("\n---\n", 1)[1]
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert {"fn-1", "fn-2", "fnref-1", "fnref-1-2", "fnref-2"} <= set(ids)
    assert len(ids) == len(set(ids))
    for href in re.findall(r'href="([^"]*)"', body):
        assert href[1:] in ids if href.startswith("#") else href.startswith("https://"), href
    # «[3]» has no reference: it stays text. Markup in a reference stays text.
    assert "&#91;3&#93;" in body and "<b>" not in body and "&#60;b&#62;" in body
