"""Direct and reported speech, each with its speaker.

Arabic news reports speech in a few fixed shapes:

- verb-first attribution: «وقال الباحث ديفيد سانتورو إن ...», «وأكدت الوزارة أن ...»;
- a direct quote in «», “”, "" (or reversed ”“) after a speech verb or a colon;
- «نقلت X عن Y قوله إن ...»: the speaker is Y, not the outlet X;
- attribution at the end or start of the sentence: «... بحسب صحيفة وول ستريت جورنال»,
  «وفقا لـ ...», «على لسان ...»;
- a follow-on verb with no subject («وأضاف:») continues the last speaker.

The speaker phrase is the words between the verb and إن/أن/the colon/the quote; it is
matched against the brief's actors, then against roles (المتحدث باسم ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import fold, fold_keep_length
from ..knowledge import Knowledge
from ..model import ActorMention, Quote, Speaker
from .matcher import phrase_key

_QUOTE_MARKS = re.compile(
    r"«([^«»]{2,1500})»|“([^“”]{2,1500})”|”([^“”]{2,1500})“|\"([^\"]{2,1500})\""
)

_VERBS = [
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "أكد",
    "أكدت",
    "يؤكد",
    "تؤكد",
    "أضاف",
    "أضافت",
    "يضيف",
    "تضيف",
    "أوضح",
    "أوضحت",
    "يوضح",
    "أشار",
    "أشارت",
    "يشير",
    "تشير",
    "ذكر",
    "ذكرت",
    "يذكر",
    "أعلن",
    "أعلنت",
    "يعلن",
    "صرح",
    "صرحت",
    "أفاد",
    "أفادت",
    "يفيد",
    "اعتبر",
    "اعتبرت",
    "يعتبر",
    "رأى",
    "رأت",
    "يرى",
    "لفت",
    "لفتت",
    "شدد",
    "شددت",
    "يشدد",
    "تابع",
    "تابعت",
    "كتب",
    "كتبت",
    "حذر",
    "حذرت",
    "يحذر",
    "نقل",
    "نقلت",
    "كشف",
    "كشفت",
    "أبلغ",
    "أبلغت",
    "زعم",
    "زعمت",
    "نفى",
    "نفت",
    "أعرب",
    "أعربت",
    "أقر",
    "أقرت",
    "قوله",
    "قولها",
    "قولهم",
]
_VERB_FORMS = {fold(verb) for verb in _VERBS}
_FOLLOW_ON = {
    fold(verb) for verb in ["أضاف", "أضافت", "تابع", "تابعت", "وأضاف", "وأضافت", "وتابع", "وتابعت"]
}
_CLAUSE_OPENERS = re.compile(
    r"(?<![\w\u0600-\u06ff])(?:ب?[اإأ]ن|ب?انه|ب?انها|ب?انهم)(?![\w\u0600-\u06ff])"
)
_ATTRIBUTION = re.compile(
    r"(?:،\s*|\s)(?:بحسب|حسب|وفقا ل|وفقاً ل|وفقًا ل|وفقا لـ|وفقاً لـ|وفقًا لـ|طبقا ل"
    r"|على لسان|نقلا عن|نقلاً عن)"
    r"\s*(?:ما\s+(?:ذكرته|ذكره|أعلنته|أعلنه|أفادت به|نقلته)\s+)?(?P<who>[^.،؛]{3,80})\.?\s*$"
)
_ANAPHORA = {
    fold(word)
    for word in [
        "الصحيفة",
        "الوكالة",
        "المتحدث",
        "المتحدثة",
        "الوزير",
        "الوزيرة",
        "البيان",
        "المسؤول",
    ]
}


@dataclass(frozen=True)
class _Verb:
    start: int
    end: int
    folded: str


def _speech_verbs(sentence: str) -> list[_Verb]:
    verbs = []
    for found in re.finditer(r"[\u0621-\u064a\u0640\u064b-\u0652]+", sentence):
        word = fold(found.group(0))
        for candidate in (word, word[1:] if word[:1] in "وف" else None):
            if candidate and candidate in _VERB_FORMS:
                verbs.append(_Verb(found.start(), found.end(), candidate))
                break
    return verbs


def _speaker_for(
    phrase: str, actors: tuple[ActorMention, ...], knowledge: Knowledge, last: Speaker | None
) -> Speaker | None:
    """Resolve the words between a speech verb and its clause to a speaker."""
    phrase = phrase.strip(" ،,:")
    if not phrase:
        return last
    folded = phrase_key(phrase)
    if folded in _ANAPHORA and last is not None:
        return last
    # People speak before the bodies they speak for, bodies before countries.
    found: dict[str, tuple[int, ActorMention]] = {}
    for actor in actors:
        for form in (actor.ar, *actor.forms):
            position = f" {folded} ".find(f" {phrase_key(form)} ")
            if position != -1 and (actor.kind not in found or position < found[actor.kind][0]):
                found[actor.kind] = (position, actor)
    for kind in ("person", "organization"):
        if kind in found:
            best = found[kind][1]
            return Speaker(ar=best.ar, en=best.en, key=best.key, en_provisional=best.en_provisional)
    words = phrase.split()
    description = " ".join(words[:8])
    for role in sorted(knowledge.roles, key=lambda role: -len(role.ar)):
        if folded.startswith(phrase_key(role.ar)) or folded.startswith(
            phrase_key(role.ar).removeprefix("ال")
        ):
            return Speaker(ar=description, en=f"{role.en} (unnamed)")
    if "country" in found and found["country"][0] == 0:
        country = found["country"][1]
        return Speaker(ar=country.ar, en=country.en, key=country.key)
    return Speaker(ar=description, en=None)


def _split_sentences(paragraph: str) -> list[str]:
    # A full stop inside a quotation does not end the sentence.
    sentences, depth, start = [], 0, 0
    for index, char in enumerate(paragraph):
        if char in "«“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif (
            char in ".!؟?"
            and depth == 0
            and (index + 1 == len(paragraph) or paragraph[index + 1].isspace())
        ):
            sentences.append(paragraph[start : index + 1].strip())
            start = index + 1
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def extract_quotes(
    text: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> tuple[Quote, ...]:
    """Quotes in text order; ``actors`` are the brief's people, organizations and countries."""
    quotes: list[Quote] = []
    last: Speaker | None = None
    for paragraph in text.split("\n"):
        for sentence in _split_sentences(paragraph):
            found, last = _sentence_quotes(sentence, actors, knowledge, last)
            quotes.extend(found)
    return tuple(quotes)


def _sentence_quotes(
    sentence: str, actors: tuple[ActorMention, ...], knowledge: Knowledge, last: Speaker | None
) -> tuple[list[Quote], Speaker | None]:
    quotes: list[Quote] = []
    verbs = _speech_verbs(sentence)
    folded = fold_keep_length(sentence)
    marks = list(_QUOTE_MARKS.finditer(sentence))
    speaker = last
    if verbs:
        verb = verbs[0]
        tail_start = verb.end
        if verb.folded in ("نقل", "نقلت"):
            about = re.search(r"(?<![\w\u0600-\u06ff])عن\s", folded[verb.end :])
            if about:
                tail_start = verb.end + about.end()
        stop = len(sentence)
        opener = _CLAUSE_OPENERS.search(folded, tail_start)
        if opener:
            stop = opener.start()
        for mark in marks:
            # A quoted name («صحيفة «...»») is part of the speaker phrase, speech ends it.
            if mark.start() >= tail_start and _is_speech(mark, sentence):
                stop = min(stop, mark.start())
                break
        colon = sentence.find(":", tail_start)
        if colon != -1:
            stop = min(stop, colon)
        phrase = sentence[tail_start:stop]
        # «قوله»/«قولهم» after the speaker: the speaker phrase ends before it.
        phrase = re.split(r"\s(?:قوله|قولها|قولهم)\b", phrase)[0]
        if verb.folded in _FOLLOW_ON and not phrase.strip(" ،,:"):
            speaker = last
        else:
            speaker = _speaker_for(phrase, actors, knowledge, last)
        direct = [
            mark for mark in marks if mark.start() >= verb.start and _is_speech(mark, sentence)
        ]
        for mark in direct:
            quotes.append(Quote(_inner(mark), "direct", speaker, sentence))
        if opener and not any(mark.start() <= opener.end() + 2 for mark in direct):
            content = sentence[opener.end() :].strip(" ،,:")
            content = _ATTRIBUTION.sub("", content).rstrip(" .")
            if len(content.split()) >= 3 and not content.startswith(("«", "“", '"')):
                quotes.append(Quote(content, "indirect", speaker, sentence))
        return quotes, speaker or last
    attribution = _ATTRIBUTION.search(sentence)
    if attribution:
        who = attribution.group("who")
        speaker = _speaker_for(who, actors, knowledge, last)
        content = sentence[: attribution.start()].strip(" ،,")
        if len(content.split()) >= 4:
            quotes.append(Quote(content, "indirect", speaker, sentence))
        return quotes, speaker
    for mark in marks:
        before = sentence[: mark.start()].rstrip()
        if before.endswith(":") and _is_speech(mark, sentence):
            quotes.append(Quote(_inner(mark), "direct", last, sentence))
    return quotes, last


def _inner(mark: re.Match[str]) -> str:
    return next(group for group in mark.groups() if group is not None).strip()


_NAMING_NOUNS = {
    fold(word)
    for word in [
        "صحيفة",
        "وكالة",
        "مجلة",
        "قناة",
        "موقع",
        "شبكة",
        "معاهدة",
        "اتفاقية",
        "اتفاق",
        "منظومة",
        "نظام",
        "صاروخ",
        "عملية",
        "مناورات",
        "مناورة",
        "تدريبات",
        "برنامج",
        "مشروع",
        "مبادرة",
        "خطة",
        "باسم",
        "بعنوان",
        "عنوان",
        "كتاب",
        "تقرير",
        "مجموعة",
        "حركة",
        "حزب",
        "منظمة",
        "تحالف",
        "مؤتمر",
        "منتدى",
        "قمة",
    ]
}


def _is_speech(mark: re.Match[str], sentence: str = "") -> bool:
    """Quoted speech rather than a quoted name or title: three words or more, and not
    right after a naming noun (صحيفة "...", معاهدة "...", تعرف باسم "...")."""
    if len(_inner(mark).split()) < 3:
        return False
    before = sentence[: mark.start()].split()
    if before:
        last = fold(before[-1]).removeprefix("و")
        if last in _NAMING_NOUNS or last.removeprefix("ب").removeprefix("ل") in _NAMING_NOUNS:
            return False
    return True
