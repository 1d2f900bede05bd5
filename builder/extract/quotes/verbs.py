"""Speech verbs: the words that open a clause of speech («قال», «وأكدت», «مشددا»).

The vocabulary is :attr:`builder.knowledge.Knowledge.speech` (``speech.yaml``): the verbs
as written, each past masculine singular also in its plural and dual (قالوا, قالا), and
the circumstantial participles that continue the last speaker. It is compiled once per
vocabulary (:func:`speech_verbs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from builder.arabic import fold
from builder.extract.spans import DisjointSpans
from builder.extract.vocabulary_cache import by_identity
from builder.speech_words import SpeechWords

_OBJECT_PRONOUNS = ("ها", "هم", "ه")
"""A verb may carry its object: «يصفها بأنها», «أبلغه أن»."""
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+")
_KNOWN_WORDS = 1 << 16
"""Words whose reading a vocabulary remembers (then it starts over)."""

ABOUT_VERBS = {
    fold(verb) for verb in ["أعرب", "أعربت", "أبدى", "أبدت", "عبر", "عبرت", "كشف", "كشفت"]
}
"""Verbs whose reported content follows عن: «أعرب عن قلقه إزاء ...»."""
COMPLEMENTS = {
    fold(verb): fold(preposition)
    for verbs, preposition in [
        (["أشار", "أشارت", "مشيرا", "مشيرة", "مشيرين"], "إلى"),
        (["لفت", "لفتت", "لافتا", "لافتة"], "إلى"),
        (["نوه", "نوهت", "منوها", "منوهة"], "إلى"),
        (["دعا", "دعت", "داعيا", "داعية", "داعين"], "إلى"),
        (["شدد", "شددت", "مشددا", "مشددة"], "على"),
        (["أكد", "أكدت", "مؤكدا", "مؤكدة", "مؤكدين"], "على"),
        (["حث", "حثت"], "على"),
        (["حذر", "حذرت", "محذرا", "محذرة", "محذرين"], "من"),
        (["تحدث", "تحدثت", "أعلن", "أعلنت", "معربا", "معربة", "معبرا", "معبرة"], "عن"),
    ]
    for verb in verbs
}
"""Verbs whose statement may follow their own preposition instead of أن: «أشار إلى وجود
...», «شدد على ضرورة ...», «دعا إلى ...»; the statement keeps the preposition. Past tense and
participles only: the present describes more often than it reports («يشير الردع إلى»)."""
_FOLLOW_ON = {
    fold(verb) for verb in ["أضاف", "أضافت", "تابع", "تابعت", "وأضاف", "وأضافت", "وتابع", "وتابعت"]
}
_VERBAL_NOUNS = {fold(word) for word in ["قوله", "قولها", "قولهم", "قولهما"]}
"""«نقلت عن X قوله إن»: the quoting noun continues the clause of نقل, with its speaker."""
VERBAL_NOUN_SPLIT = re.compile(
    r"\s(?:" + "|".join(sorted(_VERBAL_NOUNS, key=len, reverse=True)) + r")\b"
)
"""Where a speaker phrase ends before «قوله»/«قولهم»."""

_WORD_WINDOW = 60
"""Characters before a speech verb looked at for the word before it."""
_RELATIVES = {fold(word) for word in ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"]}


@dataclass(frozen=True)
class Verb:
    """A speech verb found in a sentence."""

    start: int
    end: int
    folded: str
    """The verb's folded form, without an attached و/ف or object pronoun."""
    attached: bool = False
    """The verb carries و/ف («وقال»): it opens a clause of its own."""


class ClauseStarts(NamedTuple):
    """The speech verbs of a sentence that open a clause."""

    verbs: list[Verb]
    relative_ends: tuple[int, ...]
    """Where the verbs inside a relative clause («الذي يقدر») end: their أن is their own."""


class SpeechVerbs:
    """A speech vocabulary compiled for matching."""

    def __init__(self, words: SpeechWords) -> None:
        past_masculine = [v for v in words.verbs if v[0] not in "يت" and not v.endswith("ت")]
        self.participles = {fold(word) for word in words.participles}
        """Circumstantial participles that add a statement by the same speaker: «..., مشددا
        على أن»."""
        # Plural and dual agreement (قالوا, أكدا) of every past-tense verb.
        self.forms = (
            {fold(verb) for verb in words.verbs}
            | {
                fold(verb.removesuffix("ى")) + ending
                for verb in past_masculine
                for ending in ("وا", "ا")
            }
            | self.participles
        )
        """Every folded form that reads as a speech verb."""
        self._known: dict[str, tuple[str, bool] | None] = {}
        """Each word met, as written, and how it reads (:meth:`_reading`): a text's words
        recur, in the brief and across the corpus."""

    def find(self, sentence: str) -> list[Verb]:
        """The speech verbs of ``sentence``, in order."""
        verbs = []
        known = self._known
        for found in _ARABIC_WORD.finditer(sentence):
            written = found.group(0)
            if written in known:
                reading = known[written]
            else:
                reading = self._reading(written)
                if len(known) >= _KNOWN_WORDS:
                    known.clear()
                known[written] = reading
            if reading is not None:
                verbs.append(Verb(found.start(), found.end(), *reading))
        return verbs

    def _reading(self, written: str) -> tuple[str, bool] | None:
        """(folded verb, whether و/ف is attached) when the word reads as a speech verb."""
        word = fold(written)
        readings = [(word, False), (word[1:] if word[:1] in "وف" else "", True)]
        readings += [
            (reading[: -len(pronoun)], attached)
            for reading, attached in readings[:2]
            for pronoun in _OBJECT_PRONOUNS
            if reading.endswith(pronoun)
            and len(reading) - len(pronoun) >= 3
            # «إشارة» is a noun: ة folds to ه but is no object pronoun.
            and not (pronoun == "ه" and written.endswith("ة"))
        ]
        for candidate, attached in readings:
            if candidate and candidate in self.forms:
                return candidate, attached
        return None

    def base(self, folded: str) -> str:
        """The singular form of a plural or dual verb reading (أعربوا -> أعرب)."""
        for ending in ("وا", "ا"):
            if folded.endswith(ending) and folded[: -len(ending)] in self.forms:
                return folded[: -len(ending)]
        return folded

    def continues_speaker(self, verb: Verb) -> bool:
        """A verb with no subject of its own: «وأضاف», «مشددا على», «قوله»."""
        return (
            verb.folded in _FOLLOW_ON
            or verb.folded in self.participles
            or verb.folded in _VERBAL_NOUNS
        )

    def clause_starts(
        self, sentence: str, verbs: list[Verb], marks: list[re.Match[str]]
    ) -> ClauseStarts:
        """Speech verbs that open a clause: the first one, then any carrying و/ف or after a
        comma.

        A verb inside a relative clause («البنتاغون، الذي يقدر أن») or inside quotation marks
        belongs to the clause around it, and so does a bare verb in reported content
        («قال إن المندوبين أخبروا ...»).
        """
        starts: list[Verb] = []
        relative: list[int] = []
        quoted = DisjointSpans((mark.start() + 1, mark.end()) for mark in marks)
        for verb in verbs:
            if quoted.overlaps(verb.start, verb.start + 1):
                continue
            # Only the word before the verb matters: a window, not the whole (maybe huge)
            # sentence.
            before = sentence[max(0, verb.start - _WORD_WINDOW) : verb.start]
            words = before.split()
            if words and fold(words[-1]) in _RELATIVES:
                relative.append(verb.end)
                continue
            after_comma = before.rstrip().endswith(("،", "؛", ","))
            if not starts or verb.attached or after_comma or verb.folded in self.participles:
                starts.append(verb)
        return ClauseStarts(starts, tuple(relative))


@by_identity
def speech_verbs(words: SpeechWords) -> SpeechVerbs:
    """The compiled vocabulary for ``words`` (once per vocabulary and process)."""
    return SpeechVerbs(words)
