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

from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, Knowledge
from builder.model import Quote

_GOVERNMENT = re.compile(r"\bgovernment\b", re.IGNORECASE)
_UNNAMED = "(unnamed)"
_THE_GOVERNMENT = "the government"
"""«وقالت الحكومة» with no government of the brief to refer back to."""


@by_identity
def _nationality(countries: tuple[CountryEntry, ...]) -> re.Pattern[str]:
    """Any country's English name or adjective as a whole word (once per loaded data)."""
    words = sorted({w for c in countries for w in (c.en, c.en_adjective) if w}, key=len)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")\b")


def presume_home_government(
    quotes: tuple[Quote, ...], country: str | None, knowledge: Knowledge
) -> tuple[Quote, ...]:
    """The quotes, an unnamed government source without a nationality marked as presumably
    of ``country`` (the outlet's home country; nothing changes when it is None)."""
    entry = next((c for c in knowledge.countries if c.code == country), None)
    if entry is None:
        return quotes
    adjective = entry.en_adjective or entry.en
    nationality = _nationality(knowledge.countries)
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
            and not nationality.search(label)
        ):
            unnamed = f" {_UNNAMED}" if label.endswith(_UNNAMED) else ""
            english = f"{label.removesuffix(_UNNAMED).rstrip()}, presumably {adjective}{unnamed}"
            quote = replace(quote, speaker=replace(speaker, en=english))
        presumed.append(quote)
    return tuple(presumed)
