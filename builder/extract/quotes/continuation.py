"""A title said first, the name said when the speaker goes on.

Arabic news often opens with the speaker's title and names him only in the next paragraph,
with a verb that says he is going on: «أكد المتحدث باسم التحالف أن ...» then «وأضاف عسيري
أن ...». «أضاف» (added), «تابع» (went on), «استطرد», «أردف», «استدرك» continue what the same
person was saying, so the title-only speaker of the quotes right before is that named
person. Only a definite title counts («المتحدث باسم ...», «الوزير»): an unnamed source
(«مصدر أمني») is unnamed on purpose, and an indefinite «متحدث» is somebody else.
"""

from __future__ import annotations

import re

from builder.arabic import fold, strip_diacritics
from builder.model import Quote, Speaker

_GOING_ON = ("اضاف", "تابع", "استطرد", "اردف", "استدرك")
"""Verbs that continue the last speaker's words (folded, without و/ف and the feminine ت)."""

_SOURCE_NOUNS = frozenset(
    fold(word) for word in ["المصدر", "المصادر", "مصدر", "مصادر", "الشاهد", "الشهود"]
)
"""Heads of an unnamed source: anonymous by choice, never named by what follows."""


_NAME_SOURCES = ("name-table", "romanized")
"""A speaker the brief does not list, spelt from the name lists: a person's name."""


def _titled_only(speaker: Speaker | None) -> bool:
    """A definite title with no name and no actor behind it («المتحدث باسم التحالف»)."""
    if speaker is None or speaker.key is not None or not (speaker.en or "").endswith("(unnamed)"):
        return False
    words = strip_diacritics(speaker.ar).split()
    return bool(words) and words[0].startswith("ال") and fold(words[0]) not in _SOURCE_NOUNS


def _goes_on(quote: Quote) -> bool:
    """True when the quote's sentence gives its named speaker with a verb of going on,
    right before the name: «وأضاف عسيري», «وتابعت الوزيرة فلانة»."""
    speaker = quote.speaker
    if speaker is None or (speaker.key is None and speaker.en_source not in _NAME_SOURCES):
        return False
    name = re.escape(strip_diacritics(speaker.ar).split()[0])
    sentence = fold(strip_diacritics(quote.sentence))
    verbs = "|".join(_GOING_ON)
    pattern = rf"(?:^|\s)[وف]?(?:{verbs})(?:ت)?\s+{fold(name)}"
    return re.search(pattern, sentence) is not None


def name_titled_speakers(quotes: list[Quote]) -> list[Quote]:
    """Give a run of quotes by a title-only speaker the person who «goes on» right after
    it (module doc); other quotes are kept as they are."""
    named = list(quotes)
    index = 0
    while index < len(named):
        speaker = named[index].speaker
        if not _titled_only(speaker):
            index += 1
            continue
        end = index
        while end < len(named) and named[end].speaker == speaker:
            end += 1
        if end < len(named) and _goes_on(named[end]):
            person = named[end].speaker
            for k in range(index, end):
                quote = named[k]
                named[k] = Quote(quote.text, quote.kind, person, quote.sentence)
        index = end
    return named
