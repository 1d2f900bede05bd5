"""Speaker phrases: who the words between a speech verb and its clause name.

The phrase is cut where the noun phrase ends (:func:`.labels.trim_phrase`), then matched
against the brief's actors (a person first, then a title, an organization, a country at its
start), then read as an unnamed source («مصادر عسكرية يمنية», :mod:`.labels`), then against
roles («المتحدث باسم ...»): a title names its holder or the name after it
(:mod:`.referents`), or describes an unnamed one. A statement speaks for its authors
(:mod:`.statements`); a person's name the brief does not list gets the name lists' English
(:mod:`.names`). Every speaker gets the English a reader can be given honestly, and none
when there is none.
"""

from __future__ import annotations

import re

from builder.arabic import fold, strip_diacritics
from builder.extract.actors import country_adjectives
from builder.extract.body_english import UNSTATED_COUNTRY
from builder.extract.matcher import phrase_key
from builder.extract.quotes.labels import trim_phrase, unnamed_source
from builder.extract.quotes.names import (
    after_title,
    is_name,
    leading_name,
    named_speaker,
    trailing_name,
)
from builder.extract.quotes.referents import (
    PREPOSITIONS,
    RANKS,
    SPOKESPERSON,
    RolePrefix,
    actor_speaker,
    body_again,
    body_before_object,
    by_surname,
    form_keys,
    leading_role,
    named_after_title,
    spokesperson,
    statement_of,
    title_holder,
)
from builder.extract.quotes.statements import statement_speaker, unattributed_statement
from builder.knowledge import Knowledge
from builder.model import ActorMention, Speaker

_ANAPHORA = {
    fold(word)
    for word in ["الصحيفة", "الوكالة", "المتحدث", "المتحدثة", "الوزير", "الوزيرة", "البيان",
                 "المسؤول", "الناطق", "الناطقة"]
}  # fmt: skip
"""A bare noun that refers back to the last speaker («وقالت الصحيفة»)."""
_HONORIFIC_PRONOUNS = {
    fold(word) for word in ["معاليه", "معاليها", "سموه", "سموها", "فخامته", "سيادته", "سعادته"]
}
"""An honorific with a pronoun («وأشار معاليه»: his excellency): the person just quoted."""
_STATEMENT = fold("البيان")
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


def _body_name(actor: ActorMention) -> str:
    """A body's English inside a description: "Foreign Ministry", without the note that the
    text does not say whose (the description already says the speaker is unnamed)."""
    return actor.en.removesuffix(UNSTATED_COUNTRY)


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
            return f"{_body_name(actor)} spokesperson (unnamed)"
    rest_words = f"{rest.strip()} "
    for actor in actors:
        # «الأمين العام للأمم المتحدة», «مدير الوكالة الدولية»: the title of that body.
        if actor.kind == "organization" and any(
            rest_words.startswith(f"{told} ")
            for form in form_keys(actor)
            for told in (form, "لل" + form[2:] if form.startswith("ال") else "ل" + form)
        ):
            return f"{_body_name(actor)} {english} (unnamed)"
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
    names: bool = True,
) -> Speaker | None:
    """Resolve the words between a speech verb and its clause to a speaker; ``strict``
    returns None unless an actor, a title or (with ``names``) a person's name is named."""
    phrase = _without_addressee(phrase.strip(" ،,:"), actors)
    if not phrase:
        return last
    # «بيانان صادران عن مكتبي ...»: read before the phrase is cut at «عن».
    statement = statement_speaker(phrase, actors, knowledge.speech)
    if statement is not None:
        return statement
    phrase = trim_phrase(phrase, knowledge)
    if not phrase:
        # Only the occasion or the time («أفادت قبل أسبوعين، بأن»): the subject is elsewhere.
        return None if strict else last
    folded = phrase_key(phrase)
    if folded.removeprefix("ال") in SPOKESPERSON and folded.startswith("ال"):
        # «وقال المتحدث»: the spokesperson just quoted, else the one the brief named.
        said = {word.removeprefix("ال") for word in phrase_key(last.ar).split()} if last else set()
        holds = None if said & SPOKESPERSON else spokesperson(actors, knowledge)
        if holds is not None:
            return actor_speaker(holds)
    if folded in _HONORIFIC_PRONOUNS:
        # «وأشار معاليه»: the person just quoted; a body or a country is no excellency.
        people = {actor.key for actor in actors if actor.kind == "person"}
        return last if last is not None and (last.key is None or last.key in people) else None
    if folded in _ANAPHORA and last is not None:
        return last
    if folded == _STATEMENT:
        return Speaker(ar=phrase, en="the statement")  # «وأكد البيان», none quoted before
    # «وقال عسيري» after «العميد أحمد عسيري»: the surname of the last speaker.
    if (
        last is not None
        and len(folded.split()) <= 2
        and not folded.startswith("ال")
        and f" {phrase_key(last.ar)}".endswith(f" {folded}")
    ):
        return last
    body = (
        body_again(folded, actors, last)
        or statement_of(folded, actors, knowledge)
        or body_before_object(folded, actors, last)
    )
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
        return actor_speaker(found["person"][1])
    surnamed = by_surname(folded, actors)
    if surnamed is not None:
        return actor_speaker(surnamed)
    # «راجح بادي الناطق باسم الحكومة»: a name the brief does not list, then the title.
    leading = (
        _unlisted(
            leading_name(description, knowledge) or after_title(description, knowledge), actors
        )
        if names
        else None
    )
    if leading is not None:
        if is_name(description, knowledge, loose=True) and _unlisted(description, actors):
            leading = description  # «يوسف بن عبدالله البنيان»: the family name too
        return named_speaker(leading, leading, knowledge)
    adjectives = country_adjectives(knowledge.countries)
    unnamed = unnamed_source(description, knowledge, adjectives)
    if (
        unnamed is not None
        and unnamed.en is None
        and unnamed.noun not in _NOT_PEOPLE
        and last is not None
        and _unnamed(last)
    ):
        return last  # «الشاهد», «المصدر» after «أحد السكان», «مصدر أمني»
    whole = unnamed is not None and len(unnamed.ar.split()) == len(description.split())
    if (
        unnamed is not None
        and unnamed.noun in _BODY_HEADS
        and (not whole or "organization" in found)
    ):
        unnamed = None  # «قيادة عمليات بغداد», «تلفزيون دبي»: a body's name, not a description
    if unnamed is not None and unnamed.en is not None:
        return Speaker(ar=unnamed.ar, en=unnamed.en)
    if unnamed is not None and unnamed.noun in _NOT_PEOPLE:
        # «وقال التقرير»: the report quoted just before, else the report the text means.
        if last is not None and phrase_key(unnamed.ar) in phrase_key(last.ar):
            return last
        return Speaker(ar=unnamed.ar, en=f"the {unnamed.noun}")
    if (
        unnamed is not None
        and unnamed.noun not in _NOT_PEOPLE
        and len(unnamed.ar.split()) == len(description.split())
    ):
        # «المتهمان», «الشهود» with no unnamed speaker before: the people the text means,
        # in the text's own words, not a description it does not give.
        return Speaker(ar=unnamed.ar, en=f"the {unnamed.noun} (unnamed)")
    # An unnamed official speaks for a body: the role comes first («متحدث باسم الوزارة»).
    role = leading_role(described, knowledge)
    if role is not None:
        if _same_role_again(described, role.key, last):
            return last
        holder = title_holder(described, role, actors, knowledge)
        if holder is not None:
            return actor_speaker(holder)
        named = named_after_title(" ".join(words), actors, adjectives, knowledge)
        if named is not None:
            return _named(named, knowledge, after_title=True)
        # «قائد عمليات ... بالوكالة اللواء علي إبراهيم»: a name ends the long title.
        trailing = (
            None if not names else _unlisted(trailing_name(" ".join(words), knowledge), actors)
        )
        if trailing is not None:
            return named_speaker(trailing, trailing, knowledge)
        english = _describe(described, role, actors, knowledge)
        return Speaker(ar=description, en=english)
    # «عضو مجلس المحافظة والمتحدث باسم المجلس، عيد عماش»: the named member, not the body.
    trailing = None if not names else _unlisted(trailing_name(" ".join(words), knowledge), actors)
    if trailing is not None:
        return named_speaker(trailing, trailing, knowledge)
    if "organization" in found:
        return actor_speaker(found["organization"][1])
    if "country" in found and found["country"][0] == 0:
        country = found["country"][1]
        return Speaker(ar=country.ar, en=country.en, key=country.key)
    if strict:
        return None
    if last is not None and (
        strip_diacritics(words[0]) in PREPOSITIONS
        or "(" in description
        # «ونقل السلاح. وأشار إلى أن»: the phrase ran over a sentence's end, no subject.
        or phrase.rstrip().endswith((".", "؟", "?", "!"))
    ):
        # «وأضاف في كل مراحل ...», «أقر بوجود (نقص ...)»: no subject, the content ran on
        # (a speaker's noun phrase has no brackets).
        return last
    statement = unattributed_statement(description, knowledge.speech)
    if statement is not None:
        return statement
    fallback = _named(description, knowledge, actors)
    first = words[0]
    if fallback.en is None and first[:1] in "لب" and not first.startswith("ال") and len(first) > 3:
        # «وفقا لمصادر»: the preposition is no part of the unnamed source; but «وقال لفرانس
        # برس» names who was told, not who spoke.
        bare = "ال" + first[2:] if first.startswith("لل") else first[1:]
        again = speaker_for(" ".join([bare, *words[1:]]), actors, knowledge, last, strict=True)
        if again is not None and _unnamed(again):
            return again
        if again is not None and again.key is not None and first.startswith("ل"):
            return last  # who was told: the subject is the verb's own
    return fallback


def _named(
    phrase: str,
    knowledge: Knowledge,
    actors: tuple[ActorMention, ...] = (),
    *,
    after_title: bool = False,
) -> Speaker:
    """A speaker phrase that names no actor of ``actors``: a person's name (alone, after a
    rank, or ending a description: «زعيم الطائفة ... مولوي عبدالحميد») gets the English of
    the name lists (:mod:`.names`); anything else keeps its Arabic, without English.
    ``after_title``: the phrase follows a title («وزير العمل سجعان قزي»), which says a name
    follows, so its first word need not be a name the lists know."""
    words = phrase.split()
    if (
        len(words) == 2
        and phrase_key(words[0]) in RANKS
        and is_name(words[1], knowledge, after_rank=True)
    ):
        return named_speaker(phrase, words[1], knowledge)
    if after_title and len(words) == 1 and is_name(phrase, knowledge, after_rank=True):
        return named_speaker(phrase, phrase, knowledge)  # «السيدة كوالسكي»: a family name
    # A surname alone gets its English from the full name said before (:mod:`.names`).
    if (
        len(words) > 1
        and _unlisted(phrase, actors)
        and (
            is_name(phrase, knowledge, after_rank=after_title)
            # a family name no list holds, unless the phrase ran over a sentence's end
            or (is_name(phrase, knowledge, loose=True) and not phrase.endswith("."))
        )
    ):
        return named_speaker(phrase, phrase, knowledge)
    name = _unlisted(trailing_name(phrase, knowledge, loose=True), actors)
    if name is not None:
        return named_speaker(name, name, knowledge)
    return Speaker(ar=phrase, en=None)


def _unlisted(name: str | None, actors: tuple[ActorMention, ...]) -> str | None:
    """The name, unless it is part of an actor's name (a body, a country: «حزب الله»)."""
    if name is None:
        return None
    key = f" {phrase_key(name)} "
    for actor in actors:
        if any(key in f" {form} " or f" {form} " in key for form in form_keys(actor)):
            return None
    return name


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
        speaker = speaker_for(
            " ".join(before[index:]), actors, knowledge, last, strict=True, names=False
        )
        if speaker is None:
            continue
        if speaker.key not in countries:
            return speaker
        country = country or speaker
    return country


_DASHES = "-–—"
_NOT_PEOPLE = {
    "report", "reports", "media", "newspapers", "authorities", "security services",
    "television", "study", "analysis", "survey", "command", "websites", "commission",
    "police", "company", "ministry",
}  # fmt: skip
"""Source nouns (``speech.yaml``) that are no people: «التقرير» alone is the report quoted
just before, else "the report" the text means, not "the report (unnamed)"."""
_BODY_HEADS = {"command", "television", "commission", "police", "company", "ministry"}
"""Source nouns that also head a body's name («قيادة عمليات بغداد», «تلفزيون دبي»): an
unnamed source only when descriptors alone follow («القيادة العسكرية») and no body of the
brief is named in the phrase."""


def _description_words(words: list[str]) -> list[str]:
    """The words of a speaker phrase up to what ends the description (:data:`_DESCRIPTION_ENDS`)."""
    for index, word in enumerate(words):
        if index and fold(word).removeprefix("و") in _DESCRIPTION_ENDS:
            return words[:index]
        if index and word[:1] in _DASHES:
            return words[:index]  # «الكاتب حسين الوادعي -المقيم في باريس-»: an aside
    return words


def _same_role_again(folded: str, role_key: str, last: Speaker | None) -> bool:
    """A bare title («وقال المتحدث إن») right after an unnamed speaker with that title
    («قال متحدث باسم الوزارة») is that speaker again."""
    if last is None or last.key is not None or folded != role_key:
        return False
    bare = role_key.removeprefix("ال")
    return phrase_key(last.ar).removeprefix("ال").startswith(bare)
