"""Index pages a reader lands on from a brief: topics only when a brief has them, terms that
link their briefs, and entity pages that link each brief once and speak of people as people."""

from __future__ import annotations

import re


def test_only_topics_with_briefs_are_listed_or_paged(
    golden_pages: dict[str, str], knowledge
) -> None:
    english = {
        p.removesuffix(".en.md") for p in golden_pages if re.match(r"topics/[^/]+\.en\.md$", p)
    }
    english.discard("topics/index")
    assert english and len(english) < len(knowledge.topics)
    for suffix in ("", ".en"):
        listing = golden_pages[f"topics/index{suffix}.md"]
        assert {f"topics/{name}" for name in re.findall(r"\]\(([^)/]+)\.md\)", listing)} == english
        assert all(f"{name}{suffix}.md" in golden_pages for name in english)
        assert "none found" not in "".join(golden_pages[f"{name}{suffix}.md"] for name in english)


def test_terms_link_their_briefs_from_the_table(golden_pages: dict[str, str]) -> None:
    for suffix in ("", ".en"):
        rows = [
            line
            for line in golden_pages[f"terms/index{suffix}.md"].splitlines()
            if "../briefs/" in line
        ]
        assert rows
        for row in rows:
            # The term links its page, and the row links the brief by its title.
            assert re.search(r"\| \[[^\]]+\]\([^)/]+\.md\) \|", row)
            assert "](../briefs/geneva-arms-talks.md)" in row


def test_person_pages_link_each_brief_once_per_section(golden_pages: dict[str, str]) -> None:
    english = golden_pages["people/sergei-ryabkov.en.md"]
    assert "Briefs that mention them" in english and "mention it" not in english
    quotes = english.split("## Quoted as saying")[1].split("\n## ")[0]
    assert quotes.count("](../briefs/geneva-arms-talks.md)") == 1
    assert quotes.count("*(direct)*") == 2
    assert "Briefs that mention it" in golden_pages["countries/ru.en.md"]
