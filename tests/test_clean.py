"""Cleaning: furniture goes, with a record of each removal; article sentences stay."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.clean import clean
from builder.model import Metadata, SourceDocument

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "clean.yaml").read_text("utf-8"))


def _doc(text: str) -> SourceDocument:
    return SourceDocument("case.txt", "case", text, "utf-8", "sha256:" + "0" * 64, Metadata())


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_furniture_cases(case: dict) -> None:
    result = clean(_doc(case["text"]))
    removed = [(removal.reason, removal.text) for removal in result.removals]
    for reason, line in case["removed"]:
        assert any(r.startswith(reason) and t == line for r, t in removed), (reason, line, removed)
    for paragraph in case["kept"]:
        assert paragraph in result.paragraphs
    for number, url in case.get("footnotes", []):
        assert (number, url) in [(note.number, note.url) for note in result.footnotes]
    # Nothing is lost: every source line is either kept, the title, a footnote or a removal.
    accounted = set(result.paragraphs) | {r.text for r in result.removals} | {result.title}
    accounted |= {f"[{note.number}] {note.text}" for note in result.footnotes}
    for line in case["text"].splitlines():
        if line.strip():
            assert line.strip() in accounted, line


def test_removal_line_numbers_point_into_the_source() -> None:
    text = "سطر أول من المقال هنا.\n\n.png)\nوسطر ثان من المقال هنا."
    result = clean(_doc(text))
    assert [(r.line, r.text) for r in result.removals] == [(3, ".png)")]


def test_metadata_title_wins_and_headline_line_is_taken_from_the_body() -> None:
    text = "عنوان قصير للخبر\nنص الخبر الأول هنا وهو جملة طويلة نسبيا.\nجملة ثانية."
    assert clean(_doc(text)).title == "عنوان قصير للخبر"
    doc = SourceDocument("c.txt", "c", text, "utf-8", "sha256:" + "0" * 64, Metadata(title="عنوان"))
    result = clean(doc)
    assert result.title == "عنوان"
    assert result.paragraphs[0] == "عنوان قصير للخبر"
