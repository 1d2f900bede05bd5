"""The generated sections of the home page (``builder.index.home``)."""

from __future__ import annotations

from typing import Any

from builder.index.home import home_sections
from builder.model import precision_of

TOPICS = {"arms-control": {"ar": "الحد من التسلح", "en": "Arms control"}}


def _record(slug: str, published: str | None, outlet: str | None, summary: str | None) -> Any:
    return {
        "slug": slug,
        "title": {"ar": f"عنوان {slug}", "en": f"Title {slug}", "en_generated": False},
        "published": {"value": published, "inferred": False, "precision": precision_of(published)},
        "outlet": {"value": outlet, "inferred": False},
        "summary_en": summary,
        "topics": [{"id": "arms-control", "ar": "الحد من التسلح", "en": "Arms control"}],
    }


RECORDS = [
    _record("talks", "2024-06-21", "Reuters", "Talks resumed\nin Shanghai."),
    _record("analysis", "2025", "RSDI", None),
    _record("undated", None, None, "Never dated."),
]


def _line(date: str, outlet: str) -> str:
    """The end of a brief's line: its date and outlet, each isolated in its direction."""
    return (
        f'— <small><bdi lang="en" dir="ltr">{date}</bdi> · '
        f'<bdi lang="en" dir="ltr">{outlet}</bdi></small>'
    )


def test_the_latest_briefs_show_date_outlet_and_on_english_pages_the_editors_summary() -> None:
    english = home_sections(RECORDS, (), "en", TOPICS)
    latest = english.split("## Most mentioned")[0]
    # Newest first: a brief known only to its year is placed at the start of that year.
    assert latest.index("analysis") < latest.index("talks") < latest.index("undated")
    assert _line("2025", "RSDI") in latest
    assert _line("21 June 2024", "Reuters") + "\n\n    Talks resumed in Shanghai&#46;" in latest
    assert "Never dated&#46;" in latest
    arabic = home_sections(RECORDS, (), "ar", TOPICS)
    # On the Arabic page too, the date and a Latin outlet name keep their own direction.
    assert "Talks resumed" not in arabic and _line("2025", "RSDI") in arabic


def test_this_month_is_the_newest_month_known_by_its_name() -> None:
    # The newest brief is known only to its year: the month is the next brief's.
    heading = "## Most mentioned in June 2024 &#40;the latest month with briefs&#41;"
    assert heading in home_sections(RECORDS, (), "en", TOPICS)
    assert "الأكثر ذكرًا في يونيو 2024" in home_sections(RECORDS, (), "ar", TOPICS)
