"""A real site (MkDocs) with a brief an editor dated only to its month and an undated one:
the month is shown as such everywhere, and both briefs have their place in the feeds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from builder.cli import main

pytestmark = pytest.mark.slow

MONTH_ONLY = "geneva-month-only"
UNDATED = "pentagon-undated"


def _build(project: Path) -> None:
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0


@pytest.fixture(scope="module")
def month_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("month-site")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("  - briefing:\n", "  - briefing:\n      pdf: false\n", 1), "utf-8"
    )
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefs"))
    briefs = project / "briefs"
    briefs.mkdir()
    shutil.copy(
        ROOT / "briefs" / "us-russia-strategic-stability-talks.txt", briefs / f"{MONTH_ONLY}.txt"
    )
    (briefs / f"{MONTH_ONLY}.yaml").write_text(
        '# Only the month is known.\npublished: "2012-07"\n', "utf-8"
    )
    shutil.copy(ROOT / "briefs" / "pentagon-china-military-contacts.txt", briefs / f"{UNDATED}.txt")
    _build(project)
    return project


def test_a_month_known_alone_builds_and_shows_as_that_month(month_site: Path) -> None:
    site = month_site / "site"
    for prefix, month, note in (
        ("", "يوليو 2012", "اليوم غير معروف"),
        ("en/", "July 2012", "day unknown"),
    ):
        # The date is isolated in its own direction, on the brief's page and in the lists.
        date_lang = "ar" if prefix == "" else "en"
        date = (
            f'<bdi lang="{date_lang}" dir="{"rtl" if date_lang == "ar" else "ltr"}">{month}</bdi>'
        )
        page = (site / prefix / "briefs" / MONTH_ONLY / "index.html").read_text("utf-8")
        assert re.search(rf"</strong> {date} <small[^>]*>\({note}\)</small>", page), prefix
        index = (site / prefix / "briefs" / "index.html").read_text("utf-8")
        headings = re.findall(r'<h2 id="([^"]+)"', index)
        # The month by its name, then the undated brief.
        assert len(headings) == 2 and headings[0] == ("july-2012" if prefix else "يوليو-2012")
        assert f'<small>{date} · <bdi lang="ar" dir="rtl">الشرق</bdi></small>' in index
    record = json.loads((site / "data" / "briefs" / f"{MONTH_ONLY}.json").read_text("utf-8"))
    assert record["published"] == {"value": "2012-07", "inferred": False, "precision": "month"}
    resolved = {d["text"]: d["resolved"] for d in record["dates"]}
    # «الشهر الماضي» is the month before; «الأربعاء» has no day to be counted from.
    assert resolved["الشهر الماضي"] == "2012-06" and resolved["الأربعاء"] is None
    search = (site / "briefs" / MONTH_ONLY / "index.html").read_text("utf-8")
    assert '<span data-pagefind-filter="year">2012</span>' in search


def test_both_briefs_have_their_place_in_the_feeds_and_keep_it(month_site: Path) -> None:
    import feedparser

    site = month_site / "site"
    record = month_site / ".cache" / "briefing" / "first-seen.json"
    seen = json.loads(record.read_text("utf-8"))["sources"]
    assert list(seen) == [f"briefs/{UNDATED}.txt"]  # the dated brief needs no entry time
    feeds = {
        lang: (site / folder / "feed.xml").read_bytes()
        for lang, folder in (("ar", ""), ("en", "en"))
    }
    for lang, data in feeds.items():
        feed = feedparser.parse(data)
        assert not feed.bozo, feed.get("bozo_exception")
        entries = {entry.link.split("/")[-2]: entry for entry in feed.entries}
        assert set(entries) == {MONTH_ONLY, UNDATED}
        assert entries[MONTH_ONLY].updated == "2012-07-01T00:00:00Z"
        assert entries[UNDATED].updated == seen[f"briefs/{UNDATED}.txt"]
        assert "published" not in entries[MONTH_ONLY] and "published" not in entries[UNDATED]
        assert ("July 2012" if lang == "en" else "يوليو 2012") in entries[MONTH_ONLY].summary
    # The same sources give the same feeds: the first-seen time is read back, not made again.
    _build(month_site)
    assert feeds == {
        lang: (site / folder / "feed.xml").read_bytes()
        for lang, folder in (("ar", ""), ("en", "en"))
    }
