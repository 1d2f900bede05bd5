"""English labels for speakers without a name: unnamed sources and the phrase's limits.

An unnamed speaker is described as the text describes it, from data (``speech.yaml``): the
noun (``sources``: مصادر -> sources), the words that qualify it (``descriptors``: عسكرية ->
military) and a country adjective (اليمنية -> Yemeni): «مصادر عسكرية يمنية» is "Yemeni
military sources (unnamed)". What cannot be put in English honestly gets no English.

The speaker phrase itself ends where the noun phrase ends (``phrase_ends``: «في تصريح»,
«لوكالة», «أمس», «قائلا», «إلى»): :func:`trim_phrase`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.arabic import strip_diacritics
from builder.extract.actors import nisba_forms
from builder.extract.matcher import phrase_key
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, Knowledge
from builder.speech_words import Gloss, SpeechWords

_LEADING = {
    phrase_key(words)
    for words in [
        "في الوقت نفسه", "في وقت سابق", "في وقت لاحق", "في هذا الصدد", "في هذا السياق",
        "أمس", "اليوم", "غدا", "مساء", "صباح", "ظهر", "يوم", "ليلة", "الليلة", "كذلك",
        "أيضا", "أيضاً", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
        "الخميس", "الجمعة", "من جهته", "من جهتها", "من جانبه", "من جانبها", "بدوره",
        "بدورها", "من ناحيته", "من ناحيتها", "بدورهم", "من جهتهم", "من جانبهم",
        # adverbs: «وأكد مجددا الوزير», «أعلن أخيرا»
        "مجددا", "أخيرا", "مؤخرا", "بوضوح", "صراحة", "مرة أخرى", "قد", "وقد",
        # a preposition with a pronoun, the addressee or the occasion: «وقال له الضابط»,
        # «وحث فيها الملا ...», «قالت عنه الشعوب» (not «لي»: the Chinese name Li)
        "له", "لها", "لهم", "لهما", "لنا", "لك", "لكم", "فيه", "فيها", "عنه", "عنها",
        "عنهم", "معه", "معها", "معهم", "منه", "منها", "عليه", "عليها",
        # honorifics before a title: «وأشار معالي وزير الخارجية»
        "معالي", "فخامة", "سعادة", "سمو",
        # a demonstrative or a count before the noun: «هؤلاء الصحافيون», «العديد من الخبراء»
        "هؤلاء", "العديد من", "عدد من", "الكثير من", "كثير من",
        "بهذا الخصوص", "بهذا الشأن", "في هذا الشأن", "وقتها", "حينها",
        # «وقد بدا أنه», «حسب تعبيره»: the subject is the one quoted before
        "بدا", "يبدو", "تعبيره", "تعبيرها", "تعبيرهم", "وصفه", "وصفها", "وصفهم",
    ]
}  # fmt: skip
"""Time and linking words, adverbs and a preposition with a pronoun that may stand between
the verb and its subject («وقال أمس الأحد وزير ...», «وقال له الضابط»): skipped, not an
end (with nothing after them, the subject is the verb's own: the last speaker)."""
_REPORTED_WORDS = re.compile(r"^(?:حسب |بحسب |وفق )?ما \S+ه$")
"""«ما أعلنه», «حسب ما قاله»: what the speaker after them said; skipped."""
_OUTLET_MARKS = ("لـ", "ل«", 'ل"', "ل“", "ل”")
"""A word opening with these is who was told («لـ«الشرق الأوسط»»): the phrase ends."""
_ALI = "علي"
_ON = phrase_key("على")
_IN = phrase_key("في")
_RANKS = {
    phrase_key(word)
    for word in ["اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "الشيخ",
                 "الدكتور", "المهندس", "السيد", "الأستاذ"]
}  # fmt: skip
"""Ranks and honorifics: after them «على» is the name «علي» misspelt, not a preposition."""
_MAX_ENDS = 3
"""The longest phrase end, in words."""


class Vocabulary(NamedTuple):
    """``speech.yaml``'s speaker words, folded for matching."""

    ends: frozenset[str]
    sources: dict[str, str]
    descriptors: dict[str, Gloss]


@by_identity
def _vocabulary(speech: SpeechWords) -> Vocabulary:
    descriptors: dict[str, Gloss] = {}
    for gloss in speech.descriptors:
        key = phrase_key(gloss.ar)
        if " " in gloss.ar:
            forms = [gloss.ar]
        elif key.endswith("ي"):
            forms = nisba_forms(gloss.ar)
        else:  # مطلع: مطلعة, مطلعون, المطلعين
            # The construct plural too: «عسكريين أميركيين رفيعي المستوى».
            forms = [gloss.ar + ending for ending in ("", "ة", "ون", "ين", "ان", "تان", "و", "ي")]
        for form in [*forms, *("ال" + form for form in forms)]:
            descriptors.setdefault(phrase_key(form), gloss)
    return Vocabulary(
        # «وقال المصدر معلقا», «وقال مؤكدا»: a participle of speech follows the subject.
        frozenset(phrase_key(end) for end in (*speech.phrase_ends, *speech.participles)),
        {phrase_key(source.ar): source.en for source in speech.sources},
        descriptors,
    )


def _ends_here(folded: list[str], index: int, ends: frozenset[str]) -> int:
    """How many words of a phrase end start at ``index`` (0 when none does)."""
    for size in range(_MAX_ENDS, 0, -1):
        words = folded[index : index + size]
        if len(words) < size:
            continue
        for candidate in (" ".join(words), " ".join([words[0].removeprefix("و"), *words[1:]])):
            if candidate in ends:
                return size
    return 0


def trim_phrase(phrase: str, knowledge: Knowledge) -> str:
    """The speaker's noun phrase: leading time words skipped («أمس الأحد الوزير»), cut
    where the occasion, medium, time or addressee begins («البحرة في تصريح لوكالة ... أمس»).
    Empty when the phrase opens with an occasion («في بيان اليوم»): no subject here."""
    vocabulary = _vocabulary(knowledge.speech)
    words = phrase.split()
    folded = [phrase_key(word) for word in words]
    start = 0
    while start < len(words):
        size = next(
            (n for n in range(_MAX_ENDS, 0, -1) if " ".join(folded[start : start + n]) in _LEADING),
            0,
        )
        if not size:
            size = next(
                (n for n in (3, 2) if _REPORTED_WORDS.match(" ".join(folded[start : start + n]))),
                0,
            )
        if not size:
            break
        start += size
    for index in range(start, len(words)):
        if strip_diacritics(words[index]) == _ALI or (
            index > start and folded[index - 1] in _RANKS and folded[index] == _ON
        ):
            continue  # the name «علي» (also written «على» after a rank: «المقدم على ...»)
        if (
            _ends_here(folded, index, vocabulary.ends)
            or words[index].startswith(_OUTLET_MARKS)
            or (index > start and _object_with_pronoun(words, folded, index))
        ):
            return " ".join(words[start:index]).strip(" ،,:")
    return " ".join(words[start:]).strip(" ،,:")


_QUANTIFIERS = {phrase_key(word) for word in ["أحد", "إحدى", "بعض", "كل", "جميع", "معظم"]}


def _object_with_pronoun(words: list[str], folded: list[str], index: int) -> bool:
    """The verb's object or the occasion, marked by a pronoun ending, begins here: «أكد
    الجانبان حرصهما», «وقالت الإدارة في توقعاتها» (a name or a title ends in no pronoun;
    «أحد أصدقائهم» is a subject)."""
    word = strip_diacritics(words[index]).strip("،,:")
    if folded[index - 1] in _QUANTIFIERS:
        return False
    if folded[index] == _IN and index + 1 < len(words):
        following = strip_diacritics(words[index + 1]).strip("،,:")
        return len(following) > 4 and following.endswith(("ه", "ها", "هم", "هما"))
    # «أشخاص وصفتهم الصحيفة بالمطلعين»: a clause that describes the subject goes on.
    return len(word) > 4 and word.endswith(("هما", "هم")) and not word.startswith("و")


def describes(folded: str, knowledge: Knowledge) -> bool:
    """The folded word is a descriptor of ``speech.yaml`` (العسكري, الرسمي)."""
    return folded in _vocabulary(knowledge.speech).descriptors


_STOPS = {phrase_key(word) for word in ["في", "من", "على", "عن", "مع", "إلى", "ب", "ل"]}
"""A preposition ends an unnamed source's description («مصدر مقرب من الرئيس»)."""


class Unnamed(NamedTuple):
    """An unnamed source: its description in Arabic and English."""

    ar: str
    en: str | None
    """None for a bare definite noun («المصادر»): it refers back, it describes nothing."""
    noun: str
    """The English noun (sources, official), to tell a back-reference («المصادر»)."""


def unnamed_source(
    phrase: str, knowledge: Knowledge, adjectives: dict[str, CountryEntry]
) -> Unnamed | None:
    """«مصادر عسكرية يمنية» -> "Yemeni military sources (unnamed)": a source noun at the
    start, then the descriptors and country adjectives that follow it; None when the phrase
    does not open with a source noun."""
    vocabulary = _vocabulary(knowledge.speech)
    words = phrase.split()
    folded = [phrase_key(word) for word in words]
    noun, size = None, 0
    for length in (3, 2, 1):
        key = " ".join(folded[:length])
        bare = " ".join([folded[0].removeprefix("ال"), *folded[1:length]]) if folded else ""
        for candidate in (key, bare):
            if len(folded) >= length and candidate in vocabulary.sources:
                noun, size = vocabulary.sources[candidate], length
                break
        if noun:
            break
    if noun is None:
        return None
    first: list[str] = []
    middle: list[str] = []
    country = None
    index, end, skipped = size, size, 0
    while index < len(folded) and index < size + 6:
        word = folded[index].removeprefix("و") if index > size else folded[index]
        word = word[1:] if word.startswith("بال") else word  # «وصفتهم بالمطلعين»
        pair = " ".join(folded[index : index + 2])
        if pair in vocabulary.descriptors:
            gloss, index = vocabulary.descriptors[pair], index + 2
        elif word in vocabulary.descriptors:
            gloss, index = vocabulary.descriptors[word], index + 1
        elif word in adjectives and country is None:
            entry = adjectives[word]
            country, index = entry.en_adjective or entry.en, index + 1
            end = index
            continue
        elif skipped < 2 and word not in _STOPS:
            # A word the data does not gloss («وصفتهم») is passed over, not translated.
            index, skipped = index + 1, skipped + 1
            continue
        else:
            break
        end = index
        target = first if gloss.first else middle
        if gloss.en not in target:
            target.append(gloss.en)
    if noun in ("people", "person") and "informed" in first:
        first.remove("informed")  # the usual English: "people familiar with the matter"
        noun += " familiar with the matter"
    if end == size and folded[0].startswith("ال"):
        # «التقرير», «المصادر» alone: the one described before, not a description.
        return Unnamed(" ".join(words[:size]), None, noun)
    english = " ".join([*first, *([country] if country else []), *middle, noun])
    return Unnamed(" ".join(words[: max(end, size)]), f"{english} (unnamed)", noun)
