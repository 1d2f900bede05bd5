"""The titles a brief gives each person, at every mention, for a title said without a name.

A person's ``role`` is the title stated at one mention («الوزير خالد العطية»); the brief
often gives the full title at another («وزير الخارجية القطري خالد بن محمد العطية») or puts a
rank between the title and the name («قائد قوات الأمن المركزي اليمني، اللواء فضل ...»).
A later «وقال وزير الخارجية القطري» means that person when the brief gave no one else that
title (:func:`.referents.title_holder`). The titles are read from the text once per brief
and carried on the quote stage's copy of each person (:func:`with_stated_titles`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from builder.extract.matcher import phrase_key
from builder.extract.quotes.referents import RANKS, form_keys, leading_role
from builder.extract.quotes.verbs import speech_verbs
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import Knowledge, Role
from builder.model import ActorMention

TITLE_SEPARATOR = "\n"
"""Separates the titles of other mentions from the stated ``role`` on the quote stage's copy
of a person (a role never holds a line break: it is read within one sentence)."""
_WINDOW = 10
"""How many words before a name a title may start."""
_SENTENCE_END = re.compile(r"[.!?؟\n]+")


def with_stated_titles(
    text: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> tuple[ActorMention, ...]:
    """The actors, each person's ``role`` followed by the titles the text puts right before
    its other mentions (:data:`TITLE_SEPARATOR`); for the quote stage only."""
    people = [actor for actor in actors if actor.kind == "person"]
    if not people:
        return actors
    titles: dict[str, list[str]] = {actor.key: [] for actor in people}
    for sentence in _SENTENCE_END.split(text):
        raw = sentence.split()
        folded = [phrase_key(word) for word in raw]
        for actor in people:
            for start in _mentions(folded, form_keys(actor)):
                for title in _titles_before(raw, folded, start, knowledge):
                    if title not in titles[actor.key]:
                        titles[actor.key].append(title)
    return tuple(
        replace(actor, role=TITLE_SEPARATOR.join([actor.role or "", *titles[actor.key]]))
        if actor.kind == "person" and titles[actor.key]
        else actor
        for actor in actors
    )


def _mentions(folded: list[str], forms: tuple[str, ...]) -> list[int]:
    """Where a mention of the person starts: a shorter form inside a longer one («القوسي»
    in «فضل بن يحيى القوسي») is the same mention, its title is before the longer one."""
    spans = {
        (start, start + len(key.split()))
        for key in forms
        for start in _occurrences(folded, key.split())
    }
    return sorted(
        start
        for start, end in spans
        if not any(
            other != (start, end) and other[0] <= start and end <= other[1] for other in spans
        )
    )


def _occurrences(folded: list[str], name: list[str]) -> list[int]:
    """Where the words of ``name`` stand in the sentence's folded words."""
    if not name or not all(name):
        return []
    size = len(name)
    return [
        index for index in range(len(folded) - size + 1) if folded[index : index + size] == name
    ]


def _titles_before(
    raw: list[str], folded: list[str], start: int, knowledge: Knowledge
) -> list[str]:
    """The folded title right before the name at ``start``: from the last title word on
    («التقى الرئيس المصري وزير الخارجية القطري» is the minister's title only from «وزير»),
    and, when that is a rank set off by a comma («قائد قوات الأمن المركزي اليمني، اللواء»)
    or the subject of a speech verb («قال المتحدث باسم الجيش العميد»), the title before
    the rank too."""
    first = max(0, start - _WINDOW)
    starts = [
        index
        for index in range(first, start)
        if folded[index] in RANKS or _opens_title(" ".join(folded[index:start]), knowledge)
    ]
    if not starts:
        return []
    last = starts[-1]
    if not _apposed(raw[last:start]):
        return []
    titles = [" ".join(folded[last:start])]
    if len(starts) < 2 or start - last != 1 or folded[last] not in RANKS:
        return titles
    before = starts[-2]
    if raw[last - 1].endswith(("،", ",")):
        apposed = _apposed([*raw[before : last - 1], raw[last - 1].rstrip("،,")])
    else:
        # «قال المتحدث باسم الجيش العميد ...»: the speaker's title, then his rank; but
        # «استقبل وزير الداخلية اللواء ...» is the minister receiving the general.
        speaks = before == 0 or bool(speech_verbs(knowledge.speech).find(raw[before - 1]))
        apposed = speaks and _apposed(raw[before:last])
    if apposed:
        titles.append(" ".join(folded[before:last]))
    return titles


def _apposed(words: list[str]) -> bool:
    """The words are one title standing before a name: no punctuation or clause word
    inside («قال الرئيس، إن خالد ...» gives Khalid no title)."""
    return 0 < len(words) <= 8 and not any(
        any(char in _BREAKS for char in word) or phrase_key(word) in _CLAUSE_WORDS for word in words
    )


_BREAKS = set('،,:؛;«»"“”()')
_CLAUSE_WORDS = {
    phrase_key(word) for word in ["إن", "أن", "ان", "بأن", "وأن", "لكن", "الذي", "التي"]
}


def _opens_title(words: str, knowledge: Knowledge) -> bool:
    """The words open with a whole title of ``roles.yaml``."""
    first = words.split(" ", 1)[0]
    heads = _title_heads(knowledge.roles)
    if first not in heads and first.removeprefix("ال") not in heads:
        return False  # most words open no title: skip the scan of every title
    found = leading_role(words, knowledge)
    return found is not None and f"{words} ".startswith(f"{found.key} ")


@by_identity
def _title_heads(roles: tuple[Role, ...]) -> frozenset[str]:
    """The first word of every title (without the article), with the plural and construct
    endings a title may take (مسؤولون, ممثلو)."""
    heads = {phrase_key(role.ar).split()[0].removeprefix("ال") for role in roles if role.ar}
    return frozenset(head + ending for head in heads for ending in ("", "ون", "ين", "و", "ان"))
