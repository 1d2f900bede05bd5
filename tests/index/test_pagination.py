"""Long lists: pages by count, and pages by section once a list with sections outgrows one
page, so that adding an entry changes only its own section's pages (issue 8)."""

from __future__ import annotations

import re

from builder.index.entries import time_sections
from builder.index.pagination import ListItem, Section, paginate
from builder.index.quotes import _initial_section
from builder.render import markup

UNDATED = Section("undated", "Date unknown")


def _item(date: str, text: str) -> ListItem:
    """A list entry for a dated text, filed by year and month like the lists by date."""
    sections = time_sections(date[:7], UNDATED)
    return ListItem(
        lambda root: [f"- {text} [up]({root}/index.md)"],
        (markup.text(date[:7] or UNDATED.title),),
        None,
        sections,
    )


def _pages(dates: list[str], per_page: int = 4) -> dict[str, str]:
    items = [_item(date, f"entry of {date or 'no date'}") for date in dates]
    pages = paginate(
        "timeline", "index", "en", "Timeline", ["Intro."], items, per_page, empty="Empty", jump=True
    )
    return {page.path: page.content for page in pages}


def _links(content: str) -> list[str]:
    return re.findall(r"\]\(([^)]+)\)", content)


def test_a_list_that_fits_one_page_is_one_page_with_its_jump_list() -> None:
    pages = _pages(["2023-05-01", "2024-01-02", "2024-03-04"])
    assert list(pages) == ["timeline/index.en.md"]
    only = pages["timeline/index.en.md"]
    assert "[2023&#45;05 &#40;1&#41;](index.md#2023-05) · [2024&#45;01" in only
    assert "entry of 2024-03-04" in only
    assert "briefing-pager" not in only


def test_a_list_without_sections_is_cut_by_count() -> None:
    items = [ListItem(lambda root, n=n: [f"- item {n}"]) for n in range(9)]
    pages = paginate("terms", "word", "en", "Word", [], items, 4)
    assert [page.path for page in pages] == [
        "terms/word.en.md",
        "terms/word/page-2.en.md",
        "terms/word/page-3.en.md",
    ]
    assert "- item 8" in pages[2].content
    assert "[previous](page-2.md)" in pages[2].content
    assert "[first](../word.md)" in pages[2].content


def test_a_long_list_gets_a_page_per_section_and_a_first_page_listing_them() -> None:
    dates = ["2021-02-01", "2021-07-01", "2022-01-01", "2022-02-01", "2022-03-01", ""]
    pages = _pages(dates)
    assert sorted(pages) == [
        "timeline/index.en.md",
        "timeline/index/2021.en.md",
        "timeline/index/2022.en.md",
        "timeline/index/undated.en.md",
    ]
    first = pages["timeline/index.en.md"]
    assert "Intro." in first
    assert "entry" not in first and "Empty" not in first  # the sections, not the entries
    assert _links(first) == ["index/2021.md", "index/2022.md", "index/undated.md"]
    assert "[2022 &#40;3&#41;](index/2022.md)" in first
    year = pages["timeline/index/2022.en.md"]
    assert 'title: "Timeline: 2022"' in year
    assert [line for line in year.splitlines() if line.startswith("- entry")] == [
        "- entry of 2022-01-01 [up](../../index.md)",
        "- entry of 2022-02-01 [up](../../index.md)",
        "- entry of 2022-03-01 [up](../../index.md)",
    ]
    # The month headings stay; the year heading is the page's own title.
    assert "## 2022&#45;02" in year and "## 2022\n" not in year
    # The pager: the list's first page and the neighbouring sections.
    assert _links(year)[:3] == ["../index.md", "2021.md", "undated.md"]


def test_a_section_longer_than_a_page_is_cut_into_its_subsections_then_by_count() -> None:
    dates = ["2020-01-01"] + [f"2024-03-{day:02d}" for day in range(1, 7)] + ["2024-04-01"]
    pages = _pages(dates)
    assert sorted(pages) == [
        "timeline/index.en.md",
        "timeline/index/2020.en.md",
        "timeline/index/2024-03.en.md",
        "timeline/index/2024-03/page-2.en.md",
        "timeline/index/2024-04.en.md",
    ]
    first = pages["timeline/index.en.md"]
    assert (
        "- 2024 &#40;7&#41;: [2024&#45;03 &#40;6&#41;](index/2024-03.md)"
        " · [2024&#45;04 &#40;1&#41;](index/2024-04.md)"
    ) in first
    second = pages["timeline/index/2024-03/page-2.en.md"]
    assert "- entry of 2024-03-05 [up](../../../index.md)" in second
    assert "entry of 2024-03-06" in second
    assert "## 2024&#45;03" not in second  # the page's own section
    # Back to the list, the neighbours, then the section's own pages; at head and foot.
    pagers = "".join(line for line in second.splitlines() if "briefing-pager" in line)
    shown = ["../../index.md", "../2020.md", "../2024-04.md", "../2024-03.md", "../2024-03.md"]
    assert _links(pagers) == shown * 2


def test_adding_an_entry_changes_only_its_section_and_the_first_page() -> None:
    dates = sorted(f"{year}-{month:02d}-01" for year in range(2015, 2025) for month in (2, 9))
    before = _pages(dates, per_page=3)
    after = _pages(sorted([*dates, "2019-09-15"]), per_page=3)
    changed = {path for path in after if before.get(path) != after[path]}
    assert set(before) == set(after)
    assert changed == {"timeline/index.en.md", "timeline/index/2019.en.md"}


def test_sections_of_dates_and_of_names() -> None:
    assert time_sections("2024-03", UNDATED) == (
        Section("2024", "2024"),
        Section("2024-03", "2024-03"),
    )
    assert time_sections("2024", UNDATED) == (Section("2024", "2024"),)
    assert time_sections("194X", UNDATED) == (Section("194X", "194X"),)
    assert time_sections("", UNDATED) == (UNDATED,)
    assert time_sections("XXXX-05", UNDATED) == (UNDATED,)
    # Alef with hamza or madda files under the bare alef; a Latin name under its letter.
    assert _initial_section("أحمد") == _initial_section("إسماعيل") == _initial_section("ابن")
    assert _initial_section("أحمد") == Section("u0627", "ا")
    assert _initial_section("Lavrov") == Section("l", "l")
    assert _initial_section("«مصدر»") == Section("other", "#")
