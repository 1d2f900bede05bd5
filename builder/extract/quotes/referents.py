"""Who a title, a surname or a bare noun refers to, for the speaker of a quote.

A title with a name is that named person («وزير الخارجية عادل الجبير»), a title alone the
one person of the brief who holds it («الوزير الأمريكي»), a surname the one person it ends
(«هادي»), a bare body noun the body named before («الوزارة»), «البيان الروسي» the one
Russian body. Titles come from ``roles.yaml``; the name words after a title are a name only
when nothing else (a nationality, a body, a preposition) can be read there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from builder.arabic import fold, strip_diacritics
from builder.extract.actors import country_adjectives
from builder.extract.matcher import phrase_key
from builder.extract.quotes.labels import describes
from builder.extract.quotes.names import place_after_preposition
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, Institution, Knowledge, Role
from builder.model import ActorMention, Speaker


class RolePrefix(NamedTuple):
    """A title a speaker phrase starts with."""

    key: str
    """The folded title as it stands in the phrase (with or without the article)."""
    en: str
    """Its English."""


@lru_cache(maxsize=4096)
def form_keys(actor: ActorMention) -> tuple[str, ...]:
    """Folded keys of every Arabic form of an actor (computed once per actor)."""
    return tuple(phrase_key(form) for form in (actor.ar, *actor.forms))


def actor_speaker(actor: ActorMention) -> Speaker:
    """The speaker that is this actor of the brief, its English name's source included."""
    return Speaker(
        ar=actor.ar,
        en=actor.en,
        key=actor.key,
        en_provisional=actor.en_provisional,
        en_source=actor.en_source,
    )


def body_again(
    folded: str, actors: tuple[ActorMention, ...], last: Speaker | None
) -> Speaker | None:
    """«الوزارة», «الائتلاف», «المجلس» alone: the body of that kind already named, the last
    speaker first, else the only organization of the brief whose name opens with that noun
    («وزارة الداخلية»)."""
    if " " in folded or not folded.startswith("ال") or len(folded) < 5:
        return None
    head = folded.removeprefix("ال")
    if last is not None and phrase_key(last.ar).split()[:1] in ([head], [folded]):
        return last
    bodies = {
        actor.key: actor
        for actor in actors
        if actor.kind == "organization"
        and any(key.split()[0] in (head, folded) for key in form_keys(actor) if " " in key)
    }
    return actor_speaker(next(iter(bodies.values()))) if len(bodies) == 1 else None


def body_before_object(
    folded: str, actors: tuple[ActorMention, ...], last: Speaker | None
) -> Speaker | None:
    """Verb, subject, object: «ونصحت المؤسسة النظام السوري بأن ...», «وحذرت الوزارة
    المواطنين من ...». A noun that refers back to a body (:func:`body_again`) followed by
    a definite noun that is no nisba adjective («المؤسسة العسكرية» is one phrase) is the
    subject; the words after it are the object."""
    words = folded.split()
    if len(words) < 2 or not words[1].startswith("ال") or len(words[1]) < 5:
        return None
    if words[1].endswith(("ي", "يه", "يون", "يين")):
        return None  # a nisba adjective: العسكرية, الرسميين
    return body_again(words[0], actors, last)


def by_surname(folded: str, actors: tuple[ActorMention, ...]) -> ActorMention | None:
    """«وقال هادي» for «عبد ربه منصور هادي»: a one-word phrase (or a title and one word)
    that ends the full name of exactly one person of the brief."""
    words = folded.split()
    if not words or len(words) > 2 or len(words[-1]) < 3:
        return None
    people = {
        actor.key: actor
        for actor in actors
        if actor.kind == "person"
        and any(len(key.split()) > 1 and key.split()[-1] == words[-1] for key in form_keys(actor))
    }
    return next(iter(people.values())) if len(people) == 1 else None


def statement_of(
    folded: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> Speaker | None:
    """«البيان الروسي», «بيان مصري»: the statement of the one body of that nationality the
    brief names («وزارة الخارجية الروسية»); None when there is none or several."""
    words = folded.split()
    if len(words) != 2 or words[0].removeprefix("ال") not in _STATEMENT_NOUNS:
        return None
    adjectives = country_adjectives(knowledge.countries)
    country = adjectives.get(words[1])
    if country is None:
        return None
    bodies = {
        actor.key: actor
        for actor in actors
        if actor.kind == "organization"
        and any(adjectives.get(word) == country for key in form_keys(actor) for word in key.split())
    }
    return actor_speaker(next(iter(bodies.values()))) if len(bodies) == 1 else None


_STATEMENT_NOUNS = {fold(word) for word in ["بيان", "تقرير", "إعلان"]}


def _own_title(role: str, knowledge: Knowledge) -> list[str]:
    """The words of the title next to the name in a stated role: «ولي العهد تحيات خادم
    الحرمين الشريفين الملك» is the King's role only from «الملك» on (the role a neighbouring
    clause left before it is someone else's)."""
    words = phrase_key(role).split()
    for index in reversed(range(len(words))):
        rest = " ".join(words[index:])
        found = leading_role(rest, knowledge)
        # Whole words only: «الأميركي» opens with «الأمير» but is no title.
        if found is not None and f"{rest} ".startswith(f"{found.key} "):
            return words[index:]
    return words


def title_holder(
    folded: str, role: RolePrefix, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> ActorMention | None:
    """A title without a name («وزير الخارجية الأمريكي», «الوزير الأمريكي») refers to the
    one person of the brief whose stated title holds all its words."""
    if len(role.key.split()) < 2 and not role.key.startswith("ال") and not _construct(folded, role):
        return None  # «مسؤول», «متحدث»: an unnamed one, not the titled person
    wanted = {word.removeprefix("ال") for word in folded.split()}
    holders = [
        actor
        for actor in actors
        if actor.kind == "person"
        and actor.role
        and any(wanted <= title for title in _titles(actor.role, knowledge))
    ]
    return holders[0] if len(holders) == 1 else None


def spokesperson(actors: tuple[ActorMention, ...], knowledge: Knowledge) -> ActorMention | None:
    """«وقال المتحدث», «الناطق» alone: the one person of the brief given a spokesperson's
    title («المتحدث باسم التحالف العميد ...»); None when there is none or several."""
    holders = [
        actor
        for actor in actors
        if actor.kind == "person"
        and actor.role
        and any(title & SPOKESPERSON for title in _titles(actor.role, knowledge))
    ]
    return holders[0] if len(holders) == 1 else None


SPOKESPERSON = {
    phrase_key(word).removeprefix("ال") for word in ["المتحدث", "المتحدثة", "الناطق", "الناطقة"]
}
"""A spokesperson's title word (without the article): «المتحدث», «الناطق» are the same."""


def _construct(folded: str, role: RolePrefix) -> bool:
    """A title made definite by the body it heads («قائد قوات الأمن»: the commander, one
    man), not an indefinite one («متحدث باسم الوزارة», «مسؤول أمريكي», «مسؤول في الوزارة»)."""
    for index, word in enumerate(folded[len(role.key) :].split()):
        if word.startswith("ال"):
            return True
        if index > 1 or strip_diacritics(word) in PREPOSITIONS or word in _INDEFINITE:
            return False
    return False


_INDEFINITE = {fold(word) for word in ["باسم", "كبير", "رفيع", "بارز", "سابق"]}
"""Words after a title that leave it indefinite: «متحدث باسم», «مسؤول كبير»."""


def _titles(role: str, knowledge: Knowledge) -> list[set[str]]:
    """The words (without the article) of each title a person was given: the stated role,
    then the titles of other mentions (:func:`.titles.with_stated_titles`, one a line)."""
    stated, *more = role.split("\n")
    return [
        {word.removeprefix("ال") for word in words}
        for words in [_own_title(stated, knowledge), *(title.split() for title in more)]
        if words
    ]


def named_after_title(
    description: str,
    actors: tuple[ActorMention, ...],
    adjectives: dict[str, CountryEntry],
    knowledge: Knowledge,
) -> str | None:
    """«الشيخ علي الردفاني», «المتحدث باسم التحالف العميد أحمد عسيري» with no such person
    in the brief: the words that end the phrase after its titles and bodies are a name (the
    first without the article, none a nationality, a country or a preposition), so the
    speaker is that named person, given no English rather than the title's."""
    words = [word.strip("،,()") for word in description.split()]
    countries = {key for actor in actors if actor.kind == "country" for key in form_keys(actor)}
    start, blocked = None, False
    for index, word in enumerate(words[1:], 1):
        key = phrase_key(word)
        if strip_diacritics(word) in PREPOSITIONS:
            # A prepositional phrase («على منصة إكس») runs on to a country or a comma.
            start, blocked = None, True
        elif key in _BEFORE_NAME or place_after_preposition(key, knowledge):
            # «... للدراسات الأمنية بتونس سامي الهمامي»: the name starts after the place.
            start, blocked = None, False
        elif not key or key in _NOT_NAMES or key in adjectives or key in countries:
            start, blocked = None, blocked and key not in countries
        elif (
            start is None
            and not blocked
            and not key.startswith(("ال", "لل", "بال", "وال"))
            and key.isalpha()
        ):
            start = index
        if description.split()[index].endswith(("،", ",")):
            blocked = False
    if start is None and len(words) == 2 and phrase_key(words[0]) in RANKS:
        # «اللواء القوسي»: a rank or honorific before a family name with the article.
        key = phrase_key(words[1])
        qualifier = key in _RANK_QUALIFIERS or key in adjectives or describes(key, knowledge)
        if key.startswith("ال") and not qualifier:
            return description
    if start is None or len(words) - start > 4:
        return None
    name = words[start:]
    # «وزارة الخارجية» is a body, not a name: a name does not open with a body's head noun.
    if phrase_key(name[0]) in _body_heads(knowledge.speech.name_words, knowledge.institutions):
        return None
    return " ".join(name)


@by_identity
def _body_heads(
    name_words: tuple[str, ...], institutions: tuple[Institution, ...]
) -> frozenset[str]:
    """Nouns that open the name of a body (وزارة, مجلس, صحيفة), from the data and a few
    more that head administrative bodies."""
    heads = {phrase_key(word) for word in name_words if " " not in word}
    heads |= {phrase_key(item.ar).split()[0].removeprefix("ال") for item in institutions}
    return frozenset(heads | _MORE_BODY_HEADS)


_MORE_BODY_HEADS = {
    fold(word)
    for word in [
        "مجلس", "هيئة", "لجنة", "مكتب", "دائرة", "قيادة", "قوات", "أجهزة", "سلطات", "شركة",
        "مؤسسة", "مركز", "جامعة", "معهد", "محكمة", "بعثة", "رئاسة", "أمانة", "مديرية",
    ]
}  # fmt: skip


RANKS = {
    fold(word)
    for word in ["اللواء", "العميد", "العقيد", "الفريق", "المشير", "الشيخ", "الدكتور", "المقدم",
                 "الملا", "السيد", "السيدة", "الشيخة", "الدكتورة"]
}  # fmt: skip
"""Titles the press puts before a family name alone («العميد عسيري»)."""
_BEFORE_NAME = RANKS | {
    fold(word) for word in ["الوزير", "الوزيرة", "السفير", "النائب", "القاضي", "المهندس", "السيد"]
}
"""A rank or a title that a name follows: it ends a prepositional phrase before it («ممثل
الحزب في الحكومة الوزير فلان»)."""
_RANK_QUALIFIERS = {fold(word) for word in ["الركن", "المتقاعد", "الطيار", "البحري", "الجوي"]}
"""Words that qualify a rank («اللواء الركن»), not a family name."""
PREPOSITIONS = {"عن", "من", "في", "على", "مع", "إلى", "الى", "عبر", "لدى"}
"""A name does not open a prepositional phrase («على منصة إكس»)."""
_NOT_NAMES = {fold(word) for word in ["باسم", "ب", "و", "عضو", "رئيس", "وزير", "قائد"]}


def leading_role(folded: str, knowledge: Knowledge) -> RolePrefix | None:
    """The title the phrase starts with (article optional)."""
    for prefix in _role_prefixes(knowledge.roles).get(folded[:1], ()):
        if folded.startswith(prefix.key) and _TITLE_END.match(folded, len(prefix.key)):
            return prefix
    return None


_TITLE_END = re.compile(r"(?:ون|ين|و|ان)?(?: |$)")
"""What may follow a title's letters: a plural, dual or construct ending (مسؤولون, ممثلو),
then the word's end; «مؤسسة» (an institution) is no «مؤسس»."""


@by_identity
def _role_prefixes(roles: tuple[Role, ...]) -> dict[str, tuple[RolePrefix, ...]]:
    """Folded titles, with and without the article, longest title first, by their first
    letter (a phrase is compared with the titles it can start with, not with them all)."""
    by_letter: dict[str, list[RolePrefix]] = {}
    for role in sorted(roles, key=lambda role: -len(role.ar)):
        key = phrase_key(role.ar)
        for prefix in (RolePrefix(key, role.en), RolePrefix(key.removeprefix("ال"), role.en)):
            if prefix.key:
                by_letter.setdefault(prefix.key[0], []).append(prefix)
    return {letter: tuple(prefixes) for letter, prefixes in by_letter.items()}
