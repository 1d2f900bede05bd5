"""Quotes: direct and reported speech with the right speaker."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.extract.actors import extract_countries, extract_organizations
from builder.extract.people import extract_people
from builder.extract.quotes import extract_quotes
from builder.knowledge import Knowledge

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "quotes.yaml").read_text("utf-8"))


def _quotes(text: str, knowledge: Knowledge):
    people, _ = extract_people(text, knowledge)
    actors = people + extract_organizations(text, knowledge) + extract_countries(text, knowledge)
    return extract_quotes(text, actors, knowledge)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_quote_cases(case: dict, knowledge: Knowledge) -> None:
    found = _quotes(case["text"].strip(), knowledge)
    assert len(found) == len(case["quotes"]), [(q.kind, q.text) for q in found]
    for quote, (kind, start, speaker) in zip(found, case["quotes"], strict=True):
        assert quote.kind == kind
        assert quote.text.startswith(start), quote.text
        assert quote.text in case["text"]
        if speaker == "none":
            assert quote.speaker is None
        else:
            assert quote.speaker is not None
            assert quote.speaker.en == speaker or (
                speaker is not None
                and quote.speaker.en is not None
                and quote.speaker.en.endswith(speaker)
            ), quote.speaker
