"""Speaker phrases: who the words between a speech verb and its clause name.

The phrase is matched against the brief's actors (a person first, then a title, an
organization, a country at its start), then against roles («المتحدث باسم ...»), then read as
an unnamed source («مصادر مطلعة»), described as the text describes it, never given a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from builder.arabic import fold
from builder.extract.matcher import phrase_key
from builder.knowledge import Knowledge, Role
from builder.model import ActorMention, Speaker

_ANAPHORA = {
    fold(word)
    for word in ["الصحيفة", "الوكالة", "المتحدث", "المتحدثة", "الوزير", "الوزيرة", "البيان",
                 "المسؤول"]
}  # fmt: skip
"""A bare noun that refers back to the last speaker («وقالت الصحيفة»)."""
_ADDRESSEES = {fold(word) for word in ["للصحيفة", "للوكالة", "للقناة", "للموقع", "للصحفيين"]}

_SOURCE_NOUNS = {
    fold(noun): english
    for noun, english in [
        ("مصدر", "source"), ("مصادر", "sources"), ("شخص", "person"), ("أشخاص", "people"),
        ("دبلوماسي", "diplomat"), ("دبلوماسيون", "diplomats"), ("دبلوماسيين", "diplomats"),
    ]
}  # fmt: skip
_INFORMED = re.compile(r"(?:^| )(?:ب|و)?(?:ال)?(?:مطلع|مقرب)(?:ه|ون|ين)?(?: |$)")

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
        for key in form_keys(actor):
            position = f" {folded} ".find(f" {key} ")
            if position != -1 and (actor.kind not in found or position < found[actor.kind][0]):
                found[actor.kind] = (position, actor)
    if "person" in found:
        best = found["person"][1]
        return Speaker(
            ar=best.ar,
            en=best.en,
            key=best.key,
            en_provisional=best.en_provisional,
            en_source=best.en_source,
        )
    if role is not None:
        if _same_role_again(described, role.key, last):
            return last
        english = _describe(described, role, actors, knowledge)
        return Speaker(ar=description, en=english)
    if "organization" in found:
        best = found["organization"][1]
        return Speaker(
            ar=best.ar,
            en=best.en,
            key=best.key,
            en_provisional=best.en_provisional,
            en_source=best.en_source,
        )
    if "country" in found and found["country"][0] == 0:
        country = found["country"][1]
        return Speaker(ar=country.ar, en=country.en, key=country.key)
    unnamed = _unnamed_source(described)
    if unnamed is not None:
        return Speaker(ar=description, en=unnamed)
    if strict:
        return None
    return Speaker(ar=description, en=None)


def subject_before(
    words_before: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> Speaker | None:
    """The subject of a subject-first clause («أن البنتاغون يقول», «وكالة ... الروسية،
    أفادت»): the nearest named actor or title before the verb, a country only when nothing
    else is named (a nationality adjective qualifies the subject, it is not the subject)."""
    before = words_before.split()[-8:]
    countries = {actor.key for actor in actors if actor.kind == "country"}
    country = None
    for index in reversed(range(len(before))):
        speaker = speaker_for(" ".join(before[index:]), actors, knowledge, None, strict=True)
        if speaker is None:
            continue
        if speaker.key not in countries:
            return speaker
        country = country or speaker
    return country


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
