"""Publication date and outlet inference: fixture articles with expected values."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.clean.furniture import clean
from builder.extract import extract
from builder.knowledge import Knowledge
from builder.model import SourceDocument
from builder.read.sources import validate_metadata

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "publication.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_publication_cases(case: dict, knowledge: Knowledge) -> None:
    metadata = validate_metadata({"url": case["url"]} if "url" in case else {}, "case.txt")
    source = SourceDocument("case.txt", "case", case["text"], "utf-8", "sha256:0", metadata)
    doc = clean(source)
    extraction = extract(doc, knowledge)
    if "published" in case:
        assert extraction.published.value == case["published"]
        assert extraction.published.inferred == (case["published"] is not None)
    if "outlet" in case:
        assert extraction.outlet.value == case["outlet"]
        if case["outlet"] is not None:
            assert extraction.outlet.inferred and extraction.outlet.basis
    if "outlet_en" in case:
        assert extraction.outlet.en == case["outlet_en"]
    if "basis" in case:
        assert extraction.outlet.basis == case["basis"]
    if "from_url" in case:
        assert extraction.outlet.from_url == case["from_url"]
    if "removed" in case:
        assert [removal.text for removal in doc.removals if removal.reason == "header date"] == (
            case["removed"]
        )


def test_metadata_wins_over_inference(knowledge: Knowledge) -> None:
    text = "الأحد 3 نوفمبر 2024\nعنوان الخبر\nنص الخبر الكامل في جملة طويلة بما يكفي للاختبار.\n"
    metadata = validate_metadata({"published": "2024-11-04", "outlet": "Al Jazeera"}, "x.txt")
    doc = clean(SourceDocument("x.txt", "x", text, "utf-8", "sha256:0", metadata))
    extraction = extract(doc, knowledge)
    assert extraction.published.value == "2024-11-04" and not extraction.published.inferred
    assert extraction.outlet.value == "Al Jazeera" and not extraction.outlet.inferred
