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
from functools import lru_cache

from builder.arabic import fold, fold_keep_length
from builder.extract.matcher import phrase_key
from builder.extract.spans import DisjointSpans
from builder.knowledge import Knowledge
from builder.model import ActorMention, Quote, Speaker

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
    "وصف",
    "وصفت",
    "يصف",
    "تصف",
    "قدر",
    "قدرت",
    "يقدر",
    "تقدر",
    "تكهن",
    "تكهنت",
    "توقع",
    "توقعت",
    "يتوقع",
    "تتوقع",
    "رجح",
    "رجحت",
    "أبدى",
    "أبدت",
    "عبر",
    "عبرت",
    "اعترف",
    "اعترفت",
    "أخبر",
    "أخبرت",
    "ادعى",
    "ادعت",
    "تعهد",
    "تعهدت",
]
_PAST_MASCULINE = [verb for verb in _VERBS if verb[0] not in "يت" and not verb.endswith("ت")]
# Plural and dual agreement (قالوا, أكدا) of every past-tense verb.
_VERB_FORMS = {fold(verb) for verb in _VERBS} | {
    fold(verb.removesuffix("ى")) + ending for verb in _PAST_MASCULINE for ending in ("وا", "ا")
}
_OBJECT_PRONOUNS = ("ها", "هم", "ه")
"""A verb may carry its object: «يصفها بأنها», «أبلغه أن»."""


_PARTICIPLES = {
    fold(word)
    for word in [
        "مشددا", "مؤكدا", "مضيفا", "معتبرا", "موضحا", "مشيرا", "لافتا", "محذرا", "معربا",
        "مبينا", "منوها", "مشددة", "مؤكدة", "مضيفة", "معتبرة", "موضحة", "مشيرة", "لافتة",
        "محذرة", "معتبرين", "مؤكدين", "مشيرين", "محذرين",
    ]
}  # fmt: skip
"""Circumstantial participles that add a statement by the same speaker: «..., مشددا على أن»."""
_VERB_FORMS |= _PARTICIPLES


def _base_verb(folded: str) -> str:
    """The singular form of a plural or dual verb reading (أعربوا -> أعرب)."""
    for ending in ("وا", "ا"):
        if folded.endswith(ending) and folded[: -len(ending)] in _VERB_FORMS:
            return folded[: -len(ending)]
    return folded


_ABOUT_VERBS = {
    fold(verb) for verb in ["أعرب", "أعربت", "أبدى", "أبدت", "عبر", "عبرت", "كشف", "كشفت"]
}
"""Verbs whose reported content follows عن: «أعرب عن قلقه إزاء ...»."""
_FOLLOW_ON = {
    fold(verb) for verb in ["أضاف", "أضافت", "تابع", "تابعت", "وأضاف", "وأضافت", "وتابع", "وتابعت"]
}
_VERBAL_NOUNS = {fold(word) for word in ["قوله", "قولها", "قولهم", "قولهما"]}
"""«نقلت عن X قوله إن»: the quoting noun continues the clause of نقل, with its speaker."""
_VERBAL_NOUN_SPLIT = re.compile(
    r"\s(?:" + "|".join(sorted(_VERBAL_NOUNS, key=len, reverse=True)) + r")\b"
)


def _continues_speaker(verb: _Verb) -> bool:
    """A verb with no subject of its own: «وأضاف», «مشددا على», «قوله»."""
    return verb.folded in _FOLLOW_ON or verb.folded in _PARTICIPLES or verb.folded in _VERBAL_NOUNS


_CLAUSE_OPENERS = re.compile(
    r"(?<![\w\u0600-\u06ff])(?:ب?[اإأ]ن|ب?انه|ب?انها|ب?انهم)(?![\w\u0600-\u06ff])"
)
_ACCORDING_TO = r"(?:بحسب|حسب|وفقا لـ?|وفقاً لـ?|وفقًا لـ?|طبقا لـ?|على لسان|نقلا عن|نقلاً عن)"
"""«according to»: attribution without a speech verb, at either end of a sentence."""
_ATTRIBUTION = re.compile(
    rf"(?:،\s*|\s){_ACCORDING_TO}"
    r"\s*(?:ما\s+(?:ذكرته|ذكره|أعلنته|أعلنه|أفادت به|نقلته)\s+)?(?P<who>[^.،؛]{3,80})"
    r"\.?(?:\[\d{1,3}\])*\.?\s*$"  # a footnote marker may follow the full stop
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
    attached: bool = False
    """The verb carries و/ف («وقال»): it opens a clause of its own."""


def _speech_verbs(sentence: str) -> list[_Verb]:
    verbs = []
    for found in re.finditer(r"[\u0621-\u064a\u0640\u064b-\u0652]+", sentence):
        word = fold(found.group(0))
        readings = [(word, False), (word[1:] if word[:1] in "وف" else "", True)]
        readings += [
            (reading[: -len(pronoun)], attached)
            for reading, attached in readings[:2]
            for pronoun in _OBJECT_PRONOUNS
            if reading.endswith(pronoun) and len(reading) - len(pronoun) >= 3
        ]
        for candidate, attached in readings:
            if candidate and candidate in _VERB_FORMS:
                verbs.append(_Verb(found.start(), found.end(), candidate, attached))
                break
    return verbs


_ADDRESSEES = {fold(word) for word in ["للصحيفة", "للوكالة", "للقناة", "للموقع", "للصحفيين"]}


@lru_cache(maxsize=4096)
def _form_keys(actor: ActorMention) -> tuple[str, ...]:
    """Folded keys of every Arabic form of an actor (computed once per actor)."""
    return tuple(phrase_key(form) for form in (actor.ar, *actor.forms))


def _without_addressee(phrase: str, actors: tuple[ActorMention, ...]) -> str:
    """Drop «لرويترز», «للصحيفة»: who was told, not who spoke."""
    told = {"ل" + key for actor in actors for key in _form_keys(actor)}
    words = [
        word
        for word in phrase.split()
        if fold(word) not in _ADDRESSEES and phrase_key(word) not in told
    ]
    return " ".join(words)


def _adjective_of(country: ActorMention, knowledge: Knowledge) -> str:
    entry = next((c for c in knowledge.countries if c.code == country.code), None)
    return entry.en_adjective if entry and entry.en_adjective else country.en


def _describe(
    folded: str,
    role_key: str,
    role_en: str,
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
) -> str:
    """English for an unnamed speaker: «مسؤولون أمريكيون» -> "US officials (unnamed)"."""
    rest = folded[len(role_key) :]
    # ممثلون/ممثلين, or the construct ممثلو (ممثلو بكين).
    plural = (rest[:2] in ("ون", "ين") or rest[:2] in ("و", "و ")) and not role_en.endswith("s")
    english = role_en + ("s" if plural else "")
    on_behalf = re.search(r"(?:^| )باسم (.+)", folded)
    for actor in actors:
        forms = _form_keys(actor)
        if (
            on_behalf
            and actor.kind == "organization"
            and any(on_behalf.group(1).startswith(form) for form in forms)
        ):
            return f"{actor.en} spokesperson (unnamed)"
    for actor in actors:
        if actor.kind != "country":
            continue
        forms = _form_keys(actor)
        if any(f" {form} " in f" {rest} " for form in forms):
            return f"{_adjective_of(actor, knowledge)} {english} (unnamed)"
    return f"{english} (unnamed)"


def _speaker_for(
    phrase: str,
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
    *,
    strict: bool = False,
) -> Speaker | None:
    """Resolve the words between a speech verb and its clause to a speaker; ``strict``
    returns None unless an actor or a title is named."""
    phrase = _without_addressee(phrase.strip(" ،,:"), actors)
    if not phrase:
        return last
    folded = phrase_key(phrase)
    if folded in _ANAPHORA and last is not None:
        return last
    words = _description_words(phrase.split())
    description = " ".join(words[:8])
    described = phrase_key(description)
    # An unnamed official speaks for a body: the role comes first («متحدث باسم الوزارة»).
    role = _leading_role(described, knowledge)
    found: dict[str, tuple[int, ActorMention]] = {}
    for actor in actors:
        for key in _form_keys(actor):
            position = f" {folded} ".find(f" {key} ")
            if position != -1 and (actor.kind not in found or position < found[actor.kind][0]):
                found[actor.kind] = (position, actor)
    if "person" in found:
        best = found["person"][1]
        return Speaker(ar=best.ar, en=best.en, key=best.key, en_provisional=best.en_provisional)
    if role is not None:
        role_key, role_en = role
        if _same_role_again(described, role_key, last):
            return last
        english = _describe(described, role_key, role_en, actors, knowledge)
        return Speaker(ar=description, en=english)
    if "organization" in found:
        best = found["organization"][1]
        return Speaker(ar=best.ar, en=best.en, key=best.key, en_provisional=best.en_provisional)
    if "country" in found and found["country"][0] == 0:
        country = found["country"][1]
        return Speaker(ar=country.ar, en=country.en, key=country.key)
    unnamed = _unnamed_source(described)
    if unnamed is not None:
        return Speaker(ar=description, en=unnamed)
    if strict:
        return None
    return Speaker(ar=description, en=None)


_SOURCE_NOUNS = {
    fold(noun): english
    for noun, english in [
        ("مصدر", "source"), ("مصادر", "sources"), ("شخص", "person"), ("أشخاص", "people"),
        ("دبلوماسي", "diplomat"), ("دبلوماسيون", "diplomats"), ("دبلوماسيين", "diplomats"),
    ]
}  # fmt: skip
_INFORMED = re.compile(r"(?:^| )(?:ب|و)?(?:ال)?(?:مطلع|مقرب)(?:ه|ون|ين)?(?: |$)")


def _unnamed_source(folded: str) -> str | None:
    """«مصادر مطلعة», «أشخاص وصفتهم بالمطلعين», «مصدر مقرب من ...»: an unnamed source,
    described as the text describes it, never given a name."""
    words = folded.split()
    if not words or words[0] not in _SOURCE_NOUNS:
        return None
    noun = _SOURCE_NOUNS[words[0]]
    if _INFORMED.search(folded):
        if "مقرب" in folded:
            return f"{noun} close to those involved (unnamed)"
        if noun.startswith("source"):
            return f"informed {noun} (unnamed)"
        return f"{noun} familiar with the matter (unnamed)"
    return f"{noun} (unnamed)"


_DESCRIPTION_ENDS = {
    fold(word)
    for word in [
        "ردا", "رداً", "تعليقا", "تعليقاً", "خلال", "أثناء",
        "نظيره", "نظيرته", "نظراءه", "نظراءهم", "نظيرهم", "نظراءها",
    ]
}  # fmt: skip
"""Words that end an unnamed speaker's description: what follows is the occasion («ردا على
أسئلة», «في بيان», «خلال مؤتمر») or the addressee («أبلغ ممثلو بكين نظراءهم»)."""


def _description_words(words: list[str]) -> list[str]:
    for index, word in enumerate(words):
        if index and fold(word).removeprefix("و") in _DESCRIPTION_ENDS:
            return words[:index]
    return words


def _same_role_again(folded: str, role_key: str, last: Speaker | None) -> bool:
    """A bare title («وقال المتحدث إن») right after an unnamed speaker with that title
    («قال متحدث باسم الوزارة») is that speaker again."""
    if last is None or last.key is not None or folded != role_key:
        return False
    bare = role_key.removeprefix("ال")
    return phrase_key(last.ar).removeprefix("ال").startswith(bare)


def _leading_role(folded: str, knowledge: Knowledge) -> tuple[str, str] | None:
    """The title the phrase starts with (article optional), as (folded title, English)."""
    for candidate, english in _role_prefixes(knowledge.roles):
        if folded.startswith(candidate):
            return candidate, english
    return None


@lru_cache(maxsize=8)
def _role_prefixes(roles: tuple) -> tuple[tuple[str, str], ...]:
    """Folded titles, with and without the article, longest title first."""
    prefixes = []
    for role in sorted(roles, key=lambda role: -len(role.ar)):
        key = phrase_key(role.ar)
        prefixes += [(key, role.en), (key.removeprefix("ال"), role.en)]
    return tuple(prefixes)


def _split_sentences(paragraph: str) -> list[str]:
    # A full stop inside a quotation does not end the sentence.
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


_WORD_WINDOW = 60
"""Characters before a speech verb looked at for the word before it."""
_RELATIVES = {fold(word) for word in ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"]}


def _clause_starts(
    sentence: str, verbs: list[_Verb], marks: list[re.Match[str]]
) -> tuple[list[_Verb], tuple[int, ...]]:
    """Speech verbs that open a clause: the first one, then any carrying و/ف or after a comma.

    A verb inside a relative clause («البنتاغون، الذي يقدر أن») or inside quotation marks
    belongs to the clause around it, and so does a bare verb in reported content
    («قال إن المندوبين أخبروا ...»). Also returns where the relative-clause verbs end.
    """
    starts = []
    relative = []
    quoted = DisjointSpans((mark.start() + 1, mark.end()) for mark in marks)
    for verb in verbs:
        if quoted.overlaps(verb.start, verb.start + 1):
            continue
        # Only the word before the verb matters: a window, not the whole (maybe huge) sentence.
        before = sentence[max(0, verb.start - _WORD_WINDOW) : verb.start]
        words = before.split()
        if words and fold(words[-1]) in _RELATIVES:
            relative.append(verb.end)
            continue
        after_comma = before.rstrip().endswith(("،", "؛", ","))
        if not starts or verb.attached or after_comma or verb.folded in _PARTICIPLES:
            starts.append(verb)
    return starts, tuple(relative)


def _sentence_quotes(
    sentence: str, actors: tuple[ActorMention, ...], knowledge: Knowledge, last: Speaker | None
) -> tuple[list[Quote], Speaker | None]:
    verbs = _speech_verbs(sentence)
    marks = list(_QUOTE_MARKS.finditer(sentence))
    starts, embedded = _clause_starts(sentence, verbs, marks)
    if starts:
        quotes: list[Quote] = []
        speaker = last
        for index, verb in enumerate(starts):
            begin = starts[index - 1].end if index else 0
            end = starts[index + 1].start if index + 1 < len(starts) else len(sentence)
            found, speaker = _clause_quotes(
                sentence, verb, begin, end, marks, actors, knowledge, speaker, embedded
            )
            quotes += found
        return quotes, speaker or last
    return _unverbed_quotes(sentence, marks, actors, knowledge, last)


def _clause_quotes(
    sentence: str,
    verb: _Verb,
    begin: int,
    end: int,
    marks: list[re.Match[str]],
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
    embedded: tuple[int, ...] = (),
) -> tuple[list[Quote], Speaker | None]:
    """The quotes of one clause, ``verb`` to ``end``: its speaker, direct and reported speech.

    ``begin`` is where the words before the verb start (a subject-first clause names its
    speaker there)."""
    quotes: list[Quote] = []
    folded = fold_keep_length(sentence[:end])
    marks = [mark for mark in marks if verb.start <= mark.start() < end]
    tail_start = verb.end
    if verb.folded in ("نقل", "نقلت"):
        source = re.search(r"(?<![\w\u0600-\u06ff])عن\s", folded[verb.end :])
        if source:
            tail_start = verb.end + source.end()
    stop = end
    opener = _CLAUSE_OPENERS.search(folded, tail_start)
    # «الذي يقدر أن ...» inside the speaker phrase: that أن is the relative clause's own.
    while opener and embedded and any(0 <= opener.start() - e <= 2 for e in embedded):
        opener = _CLAUSE_OPENERS.search(folded, opener.end())
    about = None
    if _base_verb(verb.folded) in _ABOUT_VERBS:
        about = re.search(r"(?<![\w\u0600-\u06ff])عن\s", folded[tail_start:])
        if about and (opener is None or opener.start() > tail_start + about.start()):
            opener = None
            stop = tail_start + about.start()
        else:
            about = None
    if opener:
        stop = opener.start()
    for mark in marks:
        # A quoted name («صحيفة «...»») is part of the speaker phrase, speech ends it.
        if mark.start() >= tail_start and _is_speech(mark, sentence, actors):
            stop = min(stop, mark.start())
            break
    colon = folded.find(":", tail_start)
    if colon != -1:
        stop = min(stop, colon)
    phrase = sentence[tail_start:stop]
    # «قوله»/«قولهم» after the speaker: the speaker phrase ends before it.
    phrase = _VERBAL_NOUN_SPLIT.split(phrase)[0]
    bare_phrase = re.sub(r"^(?:على|إلى|الى|من|في)(?:\s|$)", "", phrase.strip(" ،,:")).strip()
    if _continues_speaker(verb) and not bare_phrase:
        speaker = last
    else:
        # Verb first (قال الوزير) is the rule; subject first (البنتاغون يقول) the exception.
        speaker = None
        if bare_phrase:
            speaker = _speaker_for(phrase, actors, knowledge, last, strict=True)
        if speaker is None and not verb.attached:
            speaker = _subject_before(sentence[begin : verb.start], actors, knowledge)
        if speaker is None and not bare_phrase:
            speaker = last
        elif speaker is None:
            speaker = _speaker_for(phrase, actors, knowledge, last) if bare_phrase else last
    # Inside a reported statement even a one-word quotation is the speaker's own words.
    direct = [mark for mark in marks if _is_speech(mark, sentence, actors, min_words=1)]
    for mark in direct:
        quotes.append(Quote(_inner(mark), "direct", speaker, sentence))
    start = opener.end() if opener else (stop if about else None)
    inside_quote = start is not None and any(m.start() < start < m.end() for m in marks)
    if (
        start is not None
        and not inside_quote
        and not any(_opens_content(mark, sentence, start) for mark in direct)
    ):
        content = sentence[start:end].strip(" ،,:")
        content = _ATTRIBUTION.sub("", content).rstrip(" .،")
        if len(content.split()) >= 3 and not content.startswith(("«", "“", '"')):
            quotes.append(Quote(content, "indirect", speaker, sentence))
    return quotes, speaker


def _subject_before(
    words_before: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> Speaker | None:
    """The subject of a subject-first clause («أن البنتاغون يقول», «وكالة ... الروسية،
    أفادت»): the nearest named actor or title before the verb, a country only when nothing
    else is named (a nationality adjective qualifies the subject, it is not the subject)."""
    before = words_before.split()[-8:]
    countries = {actor.key for actor in actors if actor.kind == "country"}
    country = None
    for index in reversed(range(len(before))):
        speaker = _speaker_for(" ".join(before[index:]), actors, knowledge, None, strict=True)
        if speaker is None:
            continue
        if speaker.key not in countries:
            return speaker
        country = country or speaker
    return country


def _opens_content(mark: re.Match[str], sentence: str, start: int) -> bool:
    """A direct quote within the first three words of reported content («إن الصين “ستفكر
    ...”», «أنها تمثل "خطوة أولية" نحو ...») is the statement itself: one quote, not two."""
    return mark.start() >= start and len(sentence[start : mark.start()].split()) <= 3


_LEADING_ATTRIBUTION = re.compile(
    rf"^\s*[وف]?{_ACCORDING_TO}\s*"
    r"(?P<who>[^،.]{3,120})،\s*(?P<content>.+)$"
)


def _unverbed_quotes(
    sentence: str,
    marks: list[re.Match[str]],
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
) -> tuple[list[Quote], Speaker | None]:
    """Sentences without a speech verb: «..., بحسب X», «وبحسب X، ...», or «: "..."»."""
    attribution = _ATTRIBUTION.search(sentence)
    if attribution:
        speaker = _speaker_for(attribution.group("who"), actors, knowledge, last)
        content = sentence[: attribution.start()].strip(" ،,")
        if len(content.split()) >= 4:
            return [Quote(content, "indirect", speaker, sentence)], speaker
        return [], speaker
    leading = _LEADING_ATTRIBUTION.match(sentence)
    if leading:
        speaker = _speaker_for(leading.group("who"), actors, knowledge, last)
        content = leading.group("content").rstrip(" .")
        if len(content.split()) >= 4:
            return [Quote(content, "indirect", speaker, sentence)], speaker
        return [], speaker
    quotes = [
        Quote(_inner(mark), "direct", last, sentence)
        for mark in marks
        if sentence[: mark.start()].rstrip().endswith(":") and _is_speech(mark, sentence, actors)
    ]
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


def _is_speech(
    mark: re.Match[str],
    sentence: str = "",
    actors: tuple[ActorMention, ...] = (),
    min_words: int = 3,
) -> bool:
    """Quoted speech rather than a quoted name or title: ``min_words`` words or more, not
    right after a naming noun (صحيفة "...", معاهدة "...", تعرف باسم "..."), not the name
    of an actor, and not the source of «نقلت "..." عن»."""
    inner = _inner(mark)
    if len(inner.split()) < min_words:
        return False
    if len(inner.split()) <= 4 and re.search(r"\w-?[0-9٠-٩]", inner):
        return False  # a designator such as «دي إف-5 سي», not words
    if re.match(r"\s*عن\s", sentence[mark.end() :]):
        return False
    key = phrase_key(inner)
    if any(key in _form_keys(actor) for actor in actors):
        return False
    before = sentence[: mark.start()].split()
    if before:
        last = fold(before[-1]).removeprefix("و")
        if last in _NAMING_NOUNS or last.removeprefix("ب").removeprefix("ل") in _NAMING_NOUNS:
            return False
    return True
