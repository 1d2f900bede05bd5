"""Cleaning: furniture goes, with a record of each removal; article sentences stay."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.clean.furniture import clean
from builder.model import CleanDocument, Metadata, SourceDocument

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
    if "footnotes" in case:
        assert [[note.number, note.url] for note in result.footnotes] == case["footnotes"]
    for number, text in case.get("footnote_texts", []):
        assert text in [note.text for note in result.footnotes if note.number == number]
    # Nothing is lost: every source line is either kept, the title, a footnote or a removal.
    accounted = set(result.paragraphs) | {r.text for r in result.removals} | {result.title}
    # A line cut in two (a link back glued to the last paragraph) is its two parts.
    accounted |= {f"{p} {r.text}" for p in result.paragraphs for r in result.removals}
    for line in case["text"].splitlines():
        if line.strip():
            assert line.strip() in accounted or _in_footnotes(line.strip(), result), line


def _in_footnotes(line: str, result: CleanDocument) -> bool:
    """The line is a reference («3. text»: its text after the number) or a link line that
    continues one."""
    return any(
        line in note.text or (note.number in line[:6] and note.text.startswith(line[skip:]))
        for note in result.footnotes
        for skip in range(1, 7)
    )


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
