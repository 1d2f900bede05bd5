"""What a brief quotes: statements and who made them (a stage model, see :mod:`.stages`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.model.record import EnglishSource, QuoteKind


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to."""

    ar: str
    """Arabic name or description as in the text."""
    en: str | None
    """English name (gazetteer or CLDR), role translation, or None when there is no honest one."""
    en_provisional: bool = False
    """True when ``en`` is not an established English name."""
    key: str | None = None
    """The actor key when the speaker is a known actor of the brief."""
    en_source: EnglishSource | None = None
    """Where ``en`` comes from, when the speaker is a named actor (its ``en_source``)."""


@dataclass(frozen=True)
class Quote:
    """A direct or reported statement."""

    text: str
    """The quoted or reported content, verbatim."""
    kind: QuoteKind
    """``direct`` inside quotation marks, ``indirect`` reported with أن/إن."""
    speaker: Speaker | None
    """Attributed speaker, if one could be found."""
    sentence: str
    """The whole sentence, for context."""

    @property
    def fragment(self) -> bool:
        """One or two quoted words («مفيدة», «خطوة أولية»): the speaker's wording, kept with
        the brief, but no statement to list among the archive's quotes."""
        return len(_WORDS.findall(self.text)) <= FRAGMENT_WORDS


FRAGMENT_WORDS = 2
"""A quotation of this many words or fewer is a fragment (:attr:`Quote.fragment`)."""

_WORDS = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
"""Words as a reader counts them, vowel marks included («دورًا إيجابيًا» is two, «5 + 1» is
two): punctuation and signs are no words."""
