"""An unnamed government source of a national outlet is presumably its home government.

Arabic news gives an unnamed source's nationality when it is foreign («مصدر حكومي عراقي»)
and leaves it out when the source is of the outlet's own country: a Yemeni paper's «مصدر
رفيع في الحكومة» is in the Yemeni government. An English reader is told which government
is meant, as a presumption ("senior government source, presumably Yemeni (unnamed)"),
only when the outlet is a national one (``country`` in ``outlets.yaml``) and the speaker
names no country of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from builder.knowledge import Knowledge
from builder.model import Quote

_GOVERNMENT = re.compile(r"\bgovernment\b", re.IGNORECASE)
_UNNAMED = "(unnamed)"
_THE_GOVERNMENT = "the government"
"""«وقالت الحكومة» with no government of the brief to refer back to."""


def _country_words(knowledge: Knowledge) -> tuple[str, ...]:
    return tuple(
        word
        for country in knowledge.countries
        for word in (country.en, country.en_adjective)
        if word
    )


def presume_home_government(
    quotes: tuple[Quote, ...], country: str | None, knowledge: Knowledge
) -> tuple[Quote, ...]:
    """The quotes, an unnamed government source without a nationality marked as presumably
    of ``country`` (the outlet's home country; nothing changes when it is None)."""
    entry = next((c for c in knowledge.countries if c.code == country), None)
    if entry is None:
        return quotes
    adjective = entry.en_adjective or entry.en
    words = _country_words(knowledge)
    presumed = []
    for quote in quotes:
        speaker = quote.speaker
        label = speaker.en if speaker is not None else None
        if (
            speaker is not None
            and speaker.key is None
            and label is not None
            and (label.endswith(_UNNAMED) or label == _THE_GOVERNMENT)
            and _GOVERNMENT.search(label)
            and not any(re.search(rf"\b{re.escape(word)}\b", label) for word in words)
        ):
            unnamed = f" {_UNNAMED}" if label.endswith(_UNNAMED) else ""
            english = f"{label.removesuffix(_UNNAMED).rstrip()}, presumably {adjective}{unnamed}"
            quote = replace(quote, speaker=replace(speaker, en=english))
        presumed.append(quote)
    return tuple(presumed)
