"""An unnamed government source of a national outlet: presumably its home government."""

from __future__ import annotations

import pytest

from builder.extract.quotes.home import presume_home_government
from builder.knowledge import Knowledge
from builder.model import Quote, Speaker


def _quote(en: str | None, key: str | None = None) -> Quote:
    return Quote("الحكومة لن تقبل بأي وجود أجنبي", "indirect", Speaker("مصدر", en, key=key), "")


@pytest.mark.parametrize(
    ("label", "country", "expected"),
    [
        (
            "senior government source (unnamed)",
            "YE",
            "senior government source, presumably Yemeni (unnamed)",
        ),
        ("government official (unnamed)", "IQ", "government official, presumably Iraqi (unnamed)"),
        ("the government", "IQ", "the government, presumably Iraqi"),
        # A nationality the text gives is the text's.
        ("Iraqi government source (unnamed)", "YE", "Iraqi government source (unnamed)"),
        # Not a government source: a security source may be anybody's.
        ("security source (unnamed)", "YE", "security source (unnamed)"),
        # No national outlet, no presumption.
        ("senior government source (unnamed)", None, "senior government source (unnamed)"),
    ],
)
def test_a_government_source_is_presumably_the_outlets(
    label: str, country: str | None, expected: str, knowledge: Knowledge
) -> None:
    (quote,) = presume_home_government((_quote(label),), country, knowledge)
    assert quote.speaker is not None and quote.speaker.en == expected


def test_a_named_body_is_left_alone(knowledge: Knowledge) -> None:
    quote = _quote("Yemeni Government", key="ye-government")
    assert presume_home_government((quote,), "SA", knowledge) == (quote,)
