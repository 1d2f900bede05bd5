"""Index pages a reader lands on from a brief: topics only when a brief has them, terms that
link their briefs, and entity pages that link each brief once and speak of people as people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.knowledge import Knowledge
from builder.pipeline import generate
from builder.runtime.analyse import analyse

SOURCE = Path(__file__).parents[1] / "site" / "golden" / "source" / "geneva-arms-talks.txt"


@pytest.fixture(scope="module")
def pages(knowledge: Knowledge) -> dict[str, str]:
    analysed, problems = analyse([SOURCE], knowledge, lambda path: f"briefs/{path.name}")
    assert problems == []
    result, _ = generate(analysed, knowledge)
    return {page.path: page.content for page in result.pages}


def test_only_topics_with_briefs_are_listed_or_paged(pages: dict[str, str], knowledge) -> None:
    english = {p.removesuffix(".en.md") for p in pages if re.match(r"topics/[^/]+\.en\.md$", p)}
    english.discard("topics/index")
    assert english and len(english) < len(knowledge.topics)
    for suffix in ("", ".en"):
        listing = pages[f"topics/index{suffix}.md"]
        assert {f"topics/{name}" for name in re.findall(r"\]\(([^)/]+)\.md\)", listing)} == english
        assert all(f"{name}{suffix}.md" in pages for name in english)
        assert "none found" not in "".join(pages[f"{name}{suffix}.md"] for name in english)


def test_terms_link_their_briefs_from_the_table(pages: dict[str, str]) -> None:
    for suffix in ("", ".en"):
        rows = [
            line for line in pages[f"terms/index{suffix}.md"].splitlines() if "../briefs/" in line
        ]
        assert rows
        for row in rows:
            # The term links its page, and the row links the brief by its title.
            assert re.search(r"\| \[[^\]]+\]\([^)/]+\.md\) \|", row)
            assert "](../briefs/geneva-arms-talks.md)" in row


def test_person_pages_link_each_brief_once_per_section(pages: dict[str, str]) -> None:
    english = pages["people/sergei-ryabkov.en.md"]
    assert "Briefs that mention them" in english and "mention it" not in english
    quotes = english.split("## Quoted as saying")[1].split("\n## ")[0]
    assert quotes.count("](../briefs/geneva-arms-talks.md)") == 1
    assert quotes.count("*(direct)*") == 2
    assert "Briefs that mention it" in pages["countries/ru.en.md"]
