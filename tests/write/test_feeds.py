"""The Atom feeds: every brief has a place in time, read back with feedparser."""

from __future__ import annotations

from typing import Any

import feedparser

from builder.model import precision_of
from builder.write.exports import atom_feed

SITE = "https://example.org/briefs/"


def _record(slug: str, published: str | None, summary: str | None = None) -> Any:
    return {
        "slug": slug,
        "file": f"briefs/{slug}.txt",
        "title": {"ar": f"عنوان {slug}", "en": f"Title {slug}", "en_generated": False},
        "published": {"value": published, "inferred": False, "precision": precision_of(published)},
        "outlet": {"value": "Reuters", "inferred": False},
        "summary_en": summary,
        "key_facts": [f"حقيقة {slug}"],
        "people": [],
        "organizations": [],
        "topics": [{"id": "arms-control", "ar": "الحد من التسلح", "en": "Arms control"}],
    }


RECORDS = [
    _record("day", "2024-06-21", "An editor's summary."),
    _record("month", "2012-07"),
    _record("year", "2025"),
    _record("first-of-year", "2025-01-01"),
    _record("undated", None),
]
ENTERED = {"briefs/undated.txt": "2025-12-06T10:00:00Z"}


def _feed(lang: str, entered: dict[str, str] | None = ENTERED) -> Any:
    feed = feedparser.parse(atom_feed(RECORDS, lang, SITE, entered))  # type: ignore[arg-type]
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_every_brief_is_in_the_feed_at_its_place_in_time() -> None:
    feed = _feed("en")
    slugs = [entry.link.removeprefix(SITE + "en/briefs/").strip("/") for entry in feed.entries]
    # Newest first; a day sorts before the year it opens (the year is placed at its start).
    assert slugs == ["undated", "first-of-year", "year", "day", "month"]
    updated = [entry.updated for entry in feed.entries]
    assert updated == [
        "2025-12-06T10:00:00Z",
        "2025-01-01T00:00:00Z",
        "2025-01-01T00:00:00Z",
        "2024-06-21T00:00:00Z",
        "2012-07-01T00:00:00Z",
    ]
    assert feed.feed.updated == "2025-12-06T10:00:00Z"


def test_only_a_known_day_is_a_publication_time_and_the_others_say_what_they_are() -> None:
    entries = {entry.link.split("/")[-2]: entry for entry in _feed("en").entries}
    assert entries["day"].published == "2024-06-21T00:00:00Z"
    assert entries["day"].summary == "An editor's summary."
    for slug in ("month", "year", "undated"):
        assert "published" not in entries[slug], slug
    assert entries["month"].summary.startswith(
        "Published in July 2012; the day is not known, so this feed dates it to the first"
    )
    assert entries["year"].summary.startswith("Published in 2025; the month and day are not")
    assert entries["undated"].summary.startswith(
        "Publication date unknown; this feed dates it by when it was added to the collection "
        "(2025-12-06)."
    )


def test_the_arabic_feed_names_the_month_in_arabic() -> None:
    entries = {entry.link.split("/")[-2]: entry for entry in _feed("ar").entries}
    assert entries["month"].summary.startswith("نُشر في يوليو 2012،")
    assert entries["month"].summary.endswith("حقيقة month")
    assert entries["undated"].updated == "2025-12-06T10:00:00Z"


def test_an_undated_brief_with_no_known_entry_time_is_left_out() -> None:
    # Only an in-memory build for tests gives no entry times; a build always has them.
    feed = _feed("en", None)
    assert len(feed.entries) == 4
    assert all("undated" not in entry.link for entry in feed.entries)
