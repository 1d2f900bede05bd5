"""Speaker phrases: who the words between a speech verb and its clause name.

The phrase is matched against the brief's actors (a person first, then a title, an
organization, a country at its start), then against roles («المتحدث باسم ...»), then read as
an unnamed source («مصادر مطلعة»), described as the text describes it, never given a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from builder.arabic import fold, strip_diacritics
from builder.extract.matcher import phrase_key
from builder.extract.quotes.labels import (
    country_adjectives,
    describes,
    trim_phrase,
    unnamed_source,
)
from builder.knowledge import CountryEntry, Institution, Knowledge, Role
from builder.model import ActorMention, Speaker

_ANAPHORA = {
    fold(word)
    for word in ["الصحيفة", "الوكالة", "المتحدث", "المتحدثة", "الوزير", "الوزيرة", "البيان",
                 "المسؤول"]
}  # fmt: skip
"""A bare noun that refers back to the last speaker («وقالت الصحيفة»)."""
_ADDRESSEES = {fold(word) for word in ["للصحيفة", "للوكالة", "للقناة", "للموقع", "للصحفيين"]}

_DESCRIPTION_ENDS = {
    fold(word)
    for word in [
        "ردا", "رداً", "تعليقا", "تعليقاً", "خلال", "أثناء",
        "نظيره", "نظيرته", "نظراءه", "نظراءهم", "نظيرهم", "نظراءها",
    ]
}  # fmt: skip
"""Words that end an unnamed speaker's description: what follows is the occasion («ردا على
أسئلة», «في بيان», «خلال مؤتمر») or the addressee («أبلغ ممثلو بكين نظراءهم»)."""


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


def _without_addressee(phrase: str, actors: tuple[ActorMention, ...]) -> str:
    """Drop «لرويترز», «للصحيفة»: who was told, not who spoke."""
    told = {"ل" + key for actor in actors for key in form_keys(actor)}
    words = [
        word
        for word in phrase.split()
        if fold(word) not in _ADDRESSEES and phrase_key(word) not in told
    ]
    return " ".join(words)


def _adjective_of(country: ActorMention, knowledge: Knowledge) -> str:
    """The English adjective of a country («American»), or its name when there is none."""
    entry = next((c for c in knowledge.countries if c.code == country.code), None)
    return entry.en_adjective if entry and entry.en_adjective else country.en


def _describe(
    folded: str,
    role: RolePrefix,
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
) -> str:
    """English for an unnamed speaker: «مسؤولون أمريكيون» -> "US officials (unnamed)"."""
    rest = folded[len(role.key) :]
    # ممثلون/ممثلين, or the construct ممثلو (ممثلو بكين).
    plural = (rest[:2] in ("ون", "ين") or rest[:2] in ("و", "و ")) and not role.en.endswith("s")
    english = role.en + ("s" if plural else "")
    on_behalf = re.search(r"(?:^| )باسم (.+)", folded)
    for actor in actors:
        forms = form_keys(actor)
        if (
            on_behalf
            and actor.kind == "organization"
            and any(on_behalf.group(1).startswith(form) for form in forms)
        ):
            return f"{actor.en} spokesperson (unnamed)"
    rest_words = f"{rest.strip()} "
    for actor in actors:
        # «الأمين العام للأمم المتحدة», «مدير الوكالة الدولية»: the title of that body.
        if actor.kind == "organization" and any(
            rest_words.startswith(f"{told} ")
            for form in form_keys(actor)
            for told in (form, "لل" + form[2:] if form.startswith("ال") else "ل" + form)
        ):
            return f"{actor.en} {english} (unnamed)"
    for actor in actors:
        if actor.kind != "country":
            continue
        forms = form_keys(actor)
        if any(f" {form} " in f" {rest} " for form in forms):
            return f"{_adjective_of(actor, knowledge)} {english} (unnamed)"
    return f"{english} (unnamed)"


def speaker_for(
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
    phrase = trim_phrase(phrase, knowledge)
    if not phrase:
        # Only the occasion or the time («أفادت قبل أسبوعين، بأن»): the subject is elsewhere.
        return None if strict else last
    folded = phrase_key(phrase)
    if folded in _ANAPHORA and last is not None:
        return last
    # «وقال عسيري» after «العميد أحمد عسيري»: the surname of the last speaker.
    if (
        last is not None
        and len(folded.split()) <= 2
        and not folded.startswith("ال")
        and f" {phrase_key(last.ar)}".endswith(f" {folded}")
    ):
        return last
    body = _body_again(folded, actors, last) or _statement_of(folded, actors, knowledge)
    if body is not None:
        return body
    words = _description_words(phrase.split())
    description = " ".join(words[:8])
    described = phrase_key(description)
    found: dict[str, tuple[int, ActorMention]] = {}
    for actor in actors:
        for key in form_keys(actor):
            position = f" {folded} ".find(f" {key} ")
            if position != -1 and (actor.kind not in found or position < found[actor.kind][0]):
                found[actor.kind] = (position, actor)
    if "person" in found:
        return _actor_speaker(found["person"][1])
    surnamed = _by_surname(folded, actors)
    if surnamed is not None:
        return _actor_speaker(surnamed)
    adjectives = country_adjectives(knowledge.countries)
    unnamed = unnamed_source(description, knowledge, adjectives)
    if unnamed is not None and unnamed.en is None and last is not None and _unnamed(last):
        return last  # «الشاهد», «المصدر» after «أحد السكان», «مصدر أمني»
    if unnamed is not None and unnamed.en is not None:
        return Speaker(ar=unnamed.ar, en=unnamed.en)
    # An unnamed official speaks for a body: the role comes first («متحدث باسم الوزارة»).
    role = _leading_role(described, knowledge)
    if role is not None:
        if _same_role_again(described, role.key, last):
            return last
        holder = _title_holder(described, role, actors)
        if holder is not None:
            return _actor_speaker(holder)
        named = _named_after_title(description, actors, adjectives, knowledge)
        if named is not None:
            return Speaker(ar=named, en=None)
        english = _describe(described, role, actors, knowledge)
        return Speaker(ar=description, en=english)
    if "organization" in found:
        return _actor_speaker(found["organization"][1])
    if "country" in found and found["country"][0] == 0:
        country = found["country"][1]
        return Speaker(ar=country.ar, en=country.en, key=country.key)
    if strict:
        return None
    if strip_diacritics(words[0]) in _PREPOSITIONS and last is not None:
        return last  # «وأضاف في كل مراحل ...»: no subject, the content ran on
    return Speaker(ar=description, en=None)


def _actor_speaker(actor: ActorMention) -> Speaker:
    return Speaker(ar=actor.ar, en=actor.en, key=actor.key, en_provisional=actor.en_provisional)


def _body_again(
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
    return _actor_speaker(next(iter(bodies.values()))) if len(bodies) == 1 else None


def _by_surname(folded: str, actors: tuple[ActorMention, ...]) -> ActorMention | None:
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


def _statement_of(
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
    return _actor_speaker(next(iter(bodies.values()))) if len(bodies) == 1 else None


_STATEMENT_NOUNS = {fold(word) for word in ["بيان", "تقرير", "إعلان"]}


def _title_holder(
    folded: str, role: RolePrefix, actors: tuple[ActorMention, ...]
) -> ActorMention | None:
    """A title without a name («وزير الخارجية الأمريكي», «الوزير الأمريكي») refers to the
    one person of the brief whose stated title holds all its words."""
    if len(role.key.split()) < 2 and not role.key.startswith("ال"):
        return None  # «مسؤول», «متحدث»: an unnamed one, not the titled person
    wanted = {word.removeprefix("ال") for word in folded.split()}
    holders = [
        actor
        for actor in actors
        if actor.kind == "person"
        and actor.role
        and wanted <= {word.removeprefix("ال") for word in phrase_key(actor.role).split()}
    ]
    return holders[0] if len(holders) == 1 else None


def _named_after_title(
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
        if strip_diacritics(word) in _PREPOSITIONS:
            # A prepositional phrase («على منصة إكس») runs on to a country or a comma.
            start, blocked = None, True
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
    if start is None and len(words) == 2 and phrase_key(words[0]) in _RANKS:
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


@lru_cache(maxsize=8)
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


_RANKS = {
    fold(word)
    for word in ["اللواء", "العميد", "العقيد", "الفريق", "المشير", "الشيخ", "الدكتور", "المقدم"]
}
"""Titles the press puts before a family name alone («العميد عسيري»)."""
_RANK_QUALIFIERS = {fold(word) for word in ["الركن", "المتقاعد", "الطيار", "البحري", "الجوي"]}
"""Words that qualify a rank («اللواء الركن»), not a family name."""
_PREPOSITIONS = {"عن", "من", "في", "على", "مع", "إلى", "الى", "عبر", "لدى"}
"""A name does not open a prepositional phrase («على منصة إكس»)."""
_NOT_NAMES = {fold(word) for word in ["باسم", "ب", "و", "عضو", "رئيس", "وزير", "قائد"]}


def _unnamed(speaker: Speaker) -> bool:
    """An unnamed speaker described in English («مصدر أمني»)."""
    return speaker.key is None and (speaker.en or "").endswith("(unnamed)")


def subject_before(
    words_before: str,
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None = None,
) -> Speaker | None:
    """The subject of a subject-first clause («أن البنتاغون يقول», «وكالة ... الروسية،
    أفادت»): the nearest named actor or title before the verb, a country only when nothing
    else is named (a nationality adjective qualifies the subject, it is not the subject)."""
    before = words_before.split()[-8:]
    countries = {actor.key for actor in actors if actor.kind == "country"}
    country = None
    for index in reversed(range(len(before))):
        speaker = speaker_for(" ".join(before[index:]), actors, knowledge, last, strict=True)
        if speaker is None:
            continue
        if speaker.key not in countries:
            return speaker
        country = country or speaker
    return country


def _description_words(words: list[str]) -> list[str]:
    """The words of a speaker phrase up to what ends the description (:data:`_DESCRIPTION_ENDS`)."""
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


def _leading_role(folded: str, knowledge: Knowledge) -> RolePrefix | None:
    """The title the phrase starts with (article optional)."""
    for prefix in _role_prefixes(knowledge.roles):
        if folded.startswith(prefix.key):
            return prefix
    return None


@lru_cache(maxsize=8)
def _role_prefixes(roles: tuple[Role, ...]) -> tuple[RolePrefix, ...]:
    """Folded titles, with and without the article, longest title first."""
    prefixes = []
    for role in sorted(roles, key=lambda role: -len(role.ar)):
        key = phrase_key(role.ar)
        prefixes += [RolePrefix(key, role.en), RolePrefix(key.removeprefix("ال"), role.en)]
    return tuple(prefixes)
