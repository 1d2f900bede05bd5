"""Direct quotes: speech in quotation marks «», “”, "" (or reversed ”“).

Quotation marks also enclose names and titles (صحيفة «...», معاهدة "..."), designators
(«دي إف-5 سي») and the source of «نقلت "..." عن»; only quoted *speech* is a direct quote.
"""

from __future__ import annotations

import re
from functools import lru_cache

from builder.arabic import fold
from builder.extract.matcher import phrase_key
from builder.extract.quotes.referents import form_keys
from builder.extract.quotes.verbs import ABOUT_VERBS, COMPLEMENTS, speech_verbs
from builder.knowledge import Knowledge
from builder.model import ActorMention
from builder.speech_words import package_speech

QUOTE_MARKS = re.compile(
    r"«([^«»]{2,1500})»|“([^“”]{2,1500})”|”([^“”]{2,1500})“|\"([^\"]{2,1500})\""
)

SHORT_WORDS = 3
"""A quotation of at most this many words may be a name or a term rather than speech."""

_TOLD = {fold(word) for word in ["ل", "لـ", "عبر"]}
"""A short quotation after لـ or عبر is who was told or the medium: «قال لـ«الشرق
الأوسط»», «عبر «تويتر»»."""
_FROM_WITH = {fold(word) for word in ["لدى", "مع", "عن", "من"]}
"""After these a short quotation names who or where («خبير لدى «...»», «صادر عن «...»»,
«قادمين من «...»») unless a speech verb governs the preposition («حذر من «...»»)."""
_ON_IN = {fold(word) for word in ["على", "في"]}
"""After a naming word these place the quotation: «عبر حسابه على «تويتر»», «صفحتها في
«فيس بوك»» (after a speech verb they open what was said, «أكد على "..."»)."""
_POSSESSIVES = ("هما", "هم", "ها", "ه")
_BODY_HEADS = {
    fold(word)
    for word in [
        "صحيفة", "جريدة", "مجلة", "وكالة", "قناة", "موقع", "شبكة", "حركة", "حزب", "تنظيم",
        "جماعة", "جبهة", "كتائب", "لواء", "منظمة", "تحالف", "ائتلاف", "تيار", "عملية",
        "جيش", "مجلس", "هيئة", "لجنة", "مركز", "شركة", "اتحاد", "رابطة", "فيلق", "قوات",
        "سرايا", "ألوية", "أنصار", "مجموعة",
    ]
}  # fmt: skip
"""Words that open the name of a body or an operation: a short quotation opening with one
(«جبهة النصرة», «عملية عاصفة الحزم») is that name, not speech."""
_ATTACHED = ("ب", "ل")
"""Prepositions written onto the next word or the quotation mark («بـ"داعش"», «لـ«عكاظ»»)."""


@lru_cache(maxsize=8)
def _name_phrases(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """``name_words`` as folded word tuples."""
    return frozenset(tuple(fold(part) for part in word.split()) for word in words)


@lru_cache(maxsize=8)
def _known_keys(forms: frozenset[str]) -> frozenset[str]:
    """The match keys of every listed name."""
    return frozenset(phrase_key(form) for form in forms)


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph; a full stop inside a quotation does not end one."""
    sentences, depth, start, straight = [], 0, 0, False
    for index, char in enumerate(paragraph):
        if char in "«“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif char == '"':
            straight = not straight
        elif (
            char in ".!؟?"
            and depth == 0
            and not straight
            and (index + 1 == len(paragraph) or paragraph[index + 1].isspace())
        ):
            sentences.append(paragraph[start : index + 1].strip())
            start = index + 1
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def inner(mark: re.Match[str]) -> str:
    """The text between the quotation marks."""
    return next(group for group in mark.groups() if group is not None).strip()


def is_speech(
    mark: re.Match[str],
    sentence: str = "",
    actors: tuple[ActorMention, ...] = (),
    min_words: int = 3,
    knowledge: Knowledge | None = None,
) -> bool:
    """Quoted speech rather than a quoted name, title or term.

    Not speech: fewer than ``min_words`` words; a designator («دي إف-5 سي»); the source of
    «نقلت "..." عن»; a quotation right after a naming word (صحيفة "...", تنظيم «...», ما يسمى
    "...", المعروف بـ"...": ``name_words`` of ``speech.yaml``). A short quotation (one to
    three words) is a name too when it is a listed actor, country or outlet, when it opens
    with a naming word («جبهة النصرة»), or when it is the noun after a preposition that no
    speech verb governs («لـ«الشرق الأوسط»», «على «تويتر»»). A quotation right after a colon
    is speech, however short.
    """
    quoted = inner(mark)
    words = quoted.split()
    if len(words) < min_words:
        return False
    if re.match(r"\s*عن\s", sentence[mark.end() :]):
        return False
    before = sentence[: mark.start()].rstrip()
    if before.endswith(":"):
        return True
    if len(words) <= 4 and re.search(r"\w-?[0-9٠-٩]", quoted):
        return False  # a designator such as «دي إف-5 سي», not words
    key = phrase_key(quoted)
    if any(key in form_keys(actor) for actor in actors):
        return False
    coordinated = _coordinated_with(mark, sentence)
    if coordinated is not None and len(words) <= SHORT_WORDS:
        # «تنظيمي «القاعدة» و«داعش»»: the second of two joined names is a name too.
        return is_speech(coordinated, sentence, actors, min_words, knowledge)
    speech = knowledge.speech if knowledge is not None else package_speech()
    names = _name_phrases(speech.name_words)
    context = _words_before(before)
    if _after_name_word(context, names):
        return False
    if len(words) > SHORT_WORDS:
        return True
    if knowledge is not None:
        known = _known_keys(knowledge.name_forms)
        # «"للاقتصادية"»: the ل of «قال لـ» written inside the marks.
        if key in known or (key.startswith("لل") and "ال" + key[2:] in known):
            return False
    head = fold(words[0]).removeprefix("و")
    if len(words) > 1 and (head in _BODY_HEADS or head.removeprefix("ال") in _BODY_HEADS):
        return False  # «جبهة النصرة», «حركة حماس»: the name with its naming word
    if _after_place_preposition(context, names):
        return False
    preposition = context[-1].removeprefix("و") if context else ""
    if knowledge is None or len(context) < 2 or preposition not in _FROM_WITH:
        return True
    vocabulary = speech_verbs(knowledge.speech)
    # «حذر الوزير من «كارثة»», «أعرب عن «قلقه»»: the verb's own preposition, what was said.
    return any(
        _governs(vocabulary.base(word.removeprefix("و")), preposition) for word in context[:-1]
    )


_COORDINATION_WINDOW = 1600
"""Characters before a quotation looked at for the one it is joined to (a mark holds at most
1,500): a window, so a long sentence is not searched again for every mark."""


def _governs(verb: str, preposition: str) -> bool:
    """The speech verb takes this preposition for what was said (حذر من, أعرب عن)."""
    return COMPLEMENTS.get(verb) == preposition or (preposition == "عن" and verb in ABOUT_VERBS)


def _coordinated_with(mark: re.Match[str], sentence: str) -> re.Match[str] | None:
    """The quotation this one is joined to by و or a comma («"..." و"..."»), if any."""
    start = max(0, mark.start() - _COORDINATION_WINDOW)
    window = sentence[start : mark.start()]
    if not re.search(r"[»”“\"]\s*(?:،\s*)?و?\s*$", window):
        return None
    previous = None
    for found in QUOTE_MARKS.finditer(sentence, start, mark.start()):
        previous = found
    if previous is None or sentence[previous.end() : mark.start()].strip(" ،و"):
        return None
    return previous


def _words_before(before: str) -> list[str]:
    """The last words before a quotation mark, folded; a preposition written onto the mark
    («بـ"», «لـ«») is a word of its own."""
    words = [fold(word).strip("،,؛()") for word in before.split()[-4:]]
    return [word for word in words if word]


def _after_name_word(context: list[str], names: frozenset[tuple[str, ...]]) -> bool:
    """The words end with a naming word or phrase, perhaps with و/ف, ب/ل attached, or a
    separate ب/ل between it and the quotation."""
    if context and context[-1] in _ATTACHED:
        context = context[:-1]
    for size in (1, 2, 3, 4):
        if len(context) < size:
            break
        phrase = list(context[-size:])
        for _ in range(3):
            if tuple(phrase) in names:
                return True
            first = phrase[0]
            if len(first) > 2 and first[0] in "وفبل":
                phrase[0] = first[1:]
            else:
                break
    return False


def _after_place_preposition(context: list[str], names: frozenset[tuple[str, ...]]) -> bool:
    """The quotation is the noun after لـ/عبر, or after على/في following a naming word with
    a possessive («حسابه على»)."""
    if not context:
        return False
    last = context[-1].removeprefix("و")
    if last in _TOLD:
        return True
    if last not in _ON_IN or len(context) < 2:
        return False
    owner = context[-2].removeprefix("و")
    for ending in _POSSESSIVES:
        if owner.endswith(ending) and len(owner) - len(ending) >= 3:
            stem = owner[: -len(ending)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"  # صفحتها -> صفحه (folded ة)
            return (stem,) in names
    return (owner,) in names


def opens_content(mark: re.Match[str], sentence: str, start: int) -> bool:
    """A direct quote within the first three words of reported content («إن الصين “ستفكر
    ...”», «أنها تمثل "خطوة أولية" نحو ...») is the statement itself: one quote, not two."""
    return mark.start() >= start and len(sentence[start : mark.start()].split()) <= 3
