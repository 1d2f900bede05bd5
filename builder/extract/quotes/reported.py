"""Reported speech: the clause a speech verb opens, and attribution without a verb.

- verb-first attribution: «وقال الباحث ديفيد سانتورو إن ...», «وأكدت الوزارة أن ...»; the
  content after إن/أن (or after عن for «أعرب عن») is an indirect quote;
- «نقلت X عن Y قوله إن ...»: the speaker is Y, not the outlet X;
- attribution at the end or start of the sentence: «... بحسب صحيفة وول ستريت جورنال»,
  «وفقا لـ ...», «على لسان ...»;
- a follow-on verb with no subject («وأضاف:») continues the last speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from builder.arabic import fold_keep_length
from builder.extract.matcher import phrase_key
from builder.extract.quotes.marks import SHORT_WORDS, inner, is_speech, opens_content
from builder.extract.quotes.referents import leading_role
from builder.extract.quotes.speakers import speaker_for, subject_before
from builder.extract.quotes.verbs import (
    ABOUT_VERBS,
    COMPLEMENTS,
    VERBAL_NOUN_SPLIT,
    SpeechVerbs,
    Verb,
)
from builder.knowledge import Knowledge
from builder.model import ActorMention, Quote, Speaker

_MARKS = "\u0640*"
"""Vowel marks (a shadda in «إنّ») are tatweel in the folded text: allowed after any letter."""
_CLAUSE_OPENERS = re.compile(
    r"(?<![\w\u0600-\u06ff])(?:"
    + "|".join(
        _MARKS.join(opener) + _MARKS
        for opener in ["بان", "ان", "بانه", "انه", "بانها", "انها", "بانهم", "انهم"]
    )
    + r")(?![\w\u0600-\u06ff])"
)
_ACCORDING_TO = r"(?:بحسب|حسب|وفقا لـ?|وفقاً لـ?|وفقًا لـ?|طبقا لـ?|على لسان|نقلا عن|نقلاً عن)"
"""«according to»: attribution without a speech verb, at either end of a sentence."""
_ATTRIBUTION = re.compile(
    rf"(?:،\s*|\s){_ACCORDING_TO}"
    r"\s*(?:ما\s+(?:ذكرته|ذكره|أعلنته|أعلنه|أفادت به|نقلته)\s+)?(?P<who>[^.،؛]{3,80})"
    r"\.?(?:\[\d{1,3}\])*\.?\s*$"  # a footnote marker may follow the full stop
)
_LEADING_ATTRIBUTION = re.compile(
    rf"^\s*[وف]?{_ACCORDING_TO}\s*"
    r"(?P<who>[^،.]{3,120})،\s*(?P<content>.+)$"
)
_ABOUT = re.compile(r"(?<![\w\u0600-\u06ff])عن\s")


_NEAR = 8
"""At most this many words (the speaker phrase) between a verb and its own preposition: one
further on belongs to the content («أقدموا على ...»)."""


@lru_cache(maxsize=16)
def _preposition(folded: str) -> re.Pattern[str]:
    """A preposition as a word of its own (folded text)."""
    return re.compile(rf"(?<![\w\u0600-\u06ff]){folded}\s")


class Attributed(NamedTuple):
    """The quotes of a clause or sentence, and the speaker in effect after it."""

    quotes: list[Quote]
    speaker: Speaker | None


class Clause(NamedTuple):
    """Where one speech clause lies in its sentence."""

    verb: Verb
    begin: int
    """Where the words before the verb start (a subject-first clause names its speaker
    there)."""
    end: int
    """Where the clause ends (the next clause's verb, or the sentence's end)."""


def clause_quotes(
    sentence: str,
    clause: Clause,
    marks: list[re.Match[str]],
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
    vocabulary: SpeechVerbs,
    embedded: tuple[int, ...] = (),
) -> Attributed:
    """The quotes of one clause, its verb to its end: its speaker, direct and reported
    speech; ``embedded`` are where relative-clause verbs end."""
    verb, begin, end = clause
    quotes: list[Quote] = []
    folded = fold_keep_length(sentence[:end])
    marks = [mark for mark in marks if verb.start <= mark.start() < end]
    tail_start = verb.end
    if verb.folded in ("نقل", "نقلت"):
        source = _ABOUT.search(folded[verb.end :])
        if source:
            tail_start = verb.end + source.end()
    stop = end
    opener = _CLAUSE_OPENERS.search(folded, tail_start)
    # «الذي يقدر أن ...» inside the speaker phrase: that أن is the relative clause's own.
    while opener and embedded and any(0 <= opener.start() - e <= 2 for e in embedded):
        opener = _CLAUSE_OPENERS.search(folded, opener.end())
    about = None
    if vocabulary.base(verb.folded) in ABOUT_VERBS:
        about = _ABOUT.search(folded[tail_start:])
        if about and (opener is None or opener.start() > tail_start + about.start()):
            opener = None
            stop = tail_start + about.start()
        else:
            about = None
    elif vocabulary.base(verb.folded) in COMPLEMENTS:
        own = _preposition(COMPLEMENTS[vocabulary.base(verb.folded)]).search(folded, tail_start)
        # Only when no أن comes later («أشار إلى أن» keeps its أن): a preposition before
        # أن may belong to the speaker phrase («خلال زيارته إلى الرياض أن»).
        near = own is not None and len(folded[tail_start : own.start()].split()) <= _NEAR
        if own and near and opener is None:
            opener, about, stop = None, own, own.start()
    if opener:
        stop = opener.start()
    for mark in marks:
        # A quoted name («صحيفة «...»») is part of the speaker phrase, speech ends it.
        if mark.start() >= tail_start and is_speech(mark, sentence, actors, knowledge=knowledge):
            stop = min(stop, mark.start())
            break
    colon = folded.find(":", tail_start)
    if colon != -1:
        stop = min(stop, colon)
    phrase = sentence[tail_start:stop]
    # «قوله»/«قولهم» after the speaker: the speaker phrase ends before it.
    phrase = VERBAL_NOUN_SPLIT.split(phrase)[0]
    bare_phrase = re.sub(r"^(?:على|إلى|الى|من|في)(?:\s|$)", "", phrase.strip(" ،,:")).strip()
    if vocabulary.continues_speaker(verb) and not bare_phrase:
        speaker = last
    else:
        # Verb first (قال الوزير) is the rule; subject first (البنتاغون يقول) the exception.
        speaker = None
        if bare_phrase:
            speaker = speaker_for(phrase, actors, knowledge, last, strict=True)
        if speaker is None and not verb.attached:
            speaker = subject_before(sentence[begin : verb.start], actors, knowledge, last)
        if speaker is None and (not bare_phrase or vocabulary.continues_speaker(verb)):
            speaker = last  # «وأضاف في تصريح ...»: a follow-on verb keeps its speaker
        elif speaker is None:
            speaker = speaker_for(phrase, actors, knowledge, last) if bare_phrase else last
    # Inside a reported statement even a one-word quotation is the speaker's own words.
    direct = [
        mark
        for mark in marks
        if is_speech(mark, sentence, actors, 1, knowledge)
        and not _subject_name(mark, sentence, tail_start, opener)
    ]
    for mark in direct:
        quotes.append(Quote(inner(mark), "direct", speaker, sentence))
    start = opener.end() if opener else (stop if about else None)
    inside_quote = start is not None and any(m.start() < start < m.end() for m in marks)
    if (
        start is not None
        and not inside_quote
        and not any(opens_content(mark, sentence, start) for mark in direct)
    ):
        content = sentence[start:end].strip(" ،,:")
        content = _ATTRIBUTION.sub("", content).rstrip(" .،")
        # Content opening with a quoted name («أن «جبهة ...» تسيطر») is still a statement.
        if len(content.split()) >= 3:
            quotes.append(Quote(content, "indirect", speaker, sentence))
    return Attributed(quotes, speaker)


def _subject_name(
    mark: re.Match[str], sentence: str, tail_start: int, opener: re.Match[str] | None
) -> bool:
    """«ورأت «النصرة» أن», «وقال تلفزيون «فوكس» إن»: a short quotation right after the
    verb, before the أن of its clause, is the subject's name, not something said."""
    if opener is None or mark.start() >= opener.start() or mark.start() < tail_start:
        return False
    return len(inner(mark).split()) <= SHORT_WORDS and (
        len(sentence[tail_start : mark.start()].split()) <= 1
    )


def unverbed_quotes(
    sentence: str,
    marks: list[re.Match[str]],
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
) -> Attributed:
    """Sentences without a speech verb: «..., بحسب X», «وبحسب X، ...», or «: "..."»."""
    attribution = _ATTRIBUTION.search(sentence)
    if attribution:
        speaker = speaker_for(attribution.group("who"), actors, knowledge, last)
        content = sentence[: attribution.start()].strip(" ،,")
        if len(content.split()) >= 4:
            return Attributed([Quote(content, "indirect", speaker, sentence)], speaker)
        return Attributed([], speaker)
    leading = _LEADING_ATTRIBUTION.match(sentence)
    if leading:
        speaker = speaker_for(leading.group("who"), actors, knowledge, last)
        content = leading.group("content").rstrip(" .")
        if len(content.split()) >= 4:
            return Attributed([Quote(content, "indirect", speaker, sentence)], speaker)
        return Attributed([], speaker)
    quotes = [
        Quote(inner(mark), "direct", last, sentence)
        for mark in marks
        if sentence[: mark.start()].rstrip().endswith(":")
        and is_speech(mark, sentence, actors, knowledge=knowledge)
    ]
    if not quotes:
        headline = _headline_quote(sentence, marks, actors, knowledge, last)
        if headline is not None:
            return Attributed([headline], headline.speaker)
    return Attributed(quotes, last)


def _headline_quote(
    sentence: str,
    marks: list[re.Match[str]],
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
) -> Quote | None:
    """«عسيري: المقاومة تقوم بعمليات نوعية», «مصدر حكومي: ...»: a headline that gives a
    person or an unnamed source, a colon, then what they said. A place (a dateline «الرياض:»)
    or a body (an agency credit) before the colon is no speaker."""
    head, colon, content = sentence.partition(":")
    if not colon or not 1 <= len(head.split()) <= 4 or len(content.split()) < 3:
        return None
    # A byline («خالد خليل- سبق- جازان:») is no speaker, nor a quotation in the head.
    if any(mark.start() < len(head) for mark in marks) or re.search(r"[-–—/]", head):
        return None
    speaker = speaker_for(head, actors, knowledge, last, strict=True, names=False)
    if speaker is None or (not speaker.en and speaker is not last):
        return None
    kinds = {actor.key: actor.kind for actor in actors}
    if speaker.key is not None and kinds.get(speaker.key) != "person":
        return None
    if speaker.key is None and leading_role(phrase_key(head), knowledge) is not None:
        return None  # «المدرب: ...» lists a title's holder, it reports nobody's words
    return Quote(content.strip(' .«»"“”'), "indirect", speaker, sentence)
