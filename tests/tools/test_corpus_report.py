"""The corpus report's figures (briefing_tools/corpus_report.py), from hand-made records;
tests/site/test_archive.py runs it on a slice of the real archive."""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

from briefing_tools.corpus_report import format_report, outlet_origin, report
from builder.model import BriefRecord


def _record(outlet: dict[str, Any]) -> BriefRecord:
    return cast(BriefRecord, {"outlet": outlet})


def test_the_report_counts_briefs_by_where_their_outlet_came_from() -> None:
    records = [
        _record({"value": "عكاظ", "inferred": True, "en": "Okaz", "from_url": True}),
        _record({"value": "عكاظ", "inferred": True, "en": "Okaz", "from_url": True}),
        _record({"value": "الوطن", "inferred": True, "basis": "الدوحة - الوطن"}),
        _record({"value": "Gulf Wire", "inferred": False}),
        _record({"value": None, "inferred": False}),
    ]
    assert [outlet_origin(r) for r in records] == ["url", "url", "text", "editor", None]
    in_text = ["عكاظ", "وكالة الأنباء السعودية", "الوطن", None, None]
    figures = report(records, 6, Counter({"info": 3, "error": 1}), top=2, in_text=in_text)
    assert (figures.sources, figures.briefs, figures.unknown_outlet) == (6, 5, 1)
    assert figures.problems == {"error": 1, "info": 3}
    assert figures.outlet_from == {"editor": 1, "url": 2, "text": 1}
    assert figures.outlets == [("عكاظ / Okaz", 2), ("الوطن", 1)]
    # The text named an outlet in three briefs; in one it is the outlet the url names.
    assert (figures.text_names, figures.text_agrees) == (3, 1)
    text = format_report(figures)
    assert "briefs built: 5" in text and "outlet unknown: 1 (20.0%)" in text
    assert "problems: 1 error, 3 info" in text
    assert "text names an outlet: 3 briefs, the url's outlet in 1" in text
