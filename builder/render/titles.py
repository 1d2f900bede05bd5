"""English titles generated from a brief's extracted record, for articles whose editor gave
none: the main actors, the kind of event, a figure and the topic, «Michael Chase (Pentagon)
and General Liu Zan: meeting — US–China relations».

Every word comes from the record or the data files: actors' English names (gazetteer, name
tables), the event words of ``builder/data/events.yaml`` found in the Arabic headline or
lead, a figure the headline states, and the first topic. Pages mark the title as generated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from builder.arabic import fold
from builder.datafiles import PACKAGE_DATA, load_yaml, mapping_list, required_string, string_list
from builder.model import BriefRecord, PersonRecord
from builder.render.gloss import (
    Found,
    actor_label,
    actor_position,
    affiliation,
    find_word,
    number_words,
    numbers_in,
    record_actors,
)

EVENTS_FILE = PACKAGE_DATA / "events.yaml"
GAZETTEER_FILE = PACKAGE_DATA / "gazetteer.yaml"

MAX_LENGTH = 110
"""A title longer than this drops its topic, then its figure."""

_WEIGHTS = (4.0, 2.0, 1.5, 1.0)
"""How much being named in the headline, then in each key fact, makes an actor a main one."""


@dataclass(frozen=True)
class Event:
    """A kind of event and the folded Arabic words that name it."""

    en: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def events() -> tuple[Event, ...]:
    """The event words of ``events.yaml``, each compiled to a whole-word pattern."""
    data = load_yaml(EVENTS_FILE)
    out = []
    for entry in mapping_list(data, "events", EVENTS_FILE):
        en = required_string(entry, "en", EVENTS_FILE, "events")
        words = sorted({fold(word) for word in string_list(entry.get("ar"), EVENTS_FILE, "ar")})
        alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        out.append(Event(en, re.compile(rf"(?<!\w)[وبلف]?(?:ال)?(?:{alternation})(?!\w)")))
    return tuple(out)


@lru_cache(maxsize=1)
def media_ids() -> frozenset[str]:
    """The ids of the package gazetteer's news outlets and agencies (``type: media`` or
    ``agency``): the bodies that report an event rather than take part in it."""
    data = load_yaml(GAZETTEER_FILE)
    return frozenset(
        str(entry["id"])
        for entry in data.get("organizations") or ()
        if isinstance(entry, dict) and entry.get("type") in ("media", "agency") and "id" in entry
    )


def event_in(text: str) -> str | None:
    """The first kind of event ``text`` names (by position), None when it names none."""
    folded = fold(text)
    found = [
        (match.start(), event.en)
        for event in events()
        if (match := event.pattern.search(folded)) is not None
    ]
    return min(found)[1] if found else None


def _texts(record: BriefRecord) -> list[str]:
    """The headline and the key facts: where an article says what it is about."""
    return [record["title"]["ar"], *record["key_facts"][: len(_WEIGHTS) - 1]]


_NISBA_ENDINGS = ("ي", "ية", "يين", "يون", "يان", "يتين", "يتان")


def _name_forms(found: Found) -> tuple[str, ...]:
    """The forms that name an actor as the subject of a sentence: a country's adjectives
    («الصيني», «الأمريكية») only describe someone else, so they do not count."""
    forms = (found.actor["ar"], *found.actor["forms"])
    if found.kind != "country":
        return forms
    return tuple(
        form for form in forms if form == found.actor["ar"] or not form.endswith(_NISBA_ENDINGS)
    )


def _position(found: Found, text: str) -> int:
    positions = [find_word(text, form) for form in _name_forms(found) if form]
    named = [position for position in positions if position >= 0]
    return min(named) if named else -1


def _score(found: Found, texts: list[str]) -> tuple[float, int]:
    """How main an actor is: named early (headline, key facts), often, and a person or body
    rather than a country; ties go to the one named first."""
    named = [_position(found, text) for text in texts]
    weight = sum(w for w, position in zip(_WEIGHTS, named, strict=False) if position >= 0)
    # A country is the setting of much that is said: how often it is named says little.
    kind = {"person": 1.5, "organization": 1.0, "country": 0.0}[found.kind]
    often = 0.0 if found.kind == "country" else min(found.actor["count"], 4) * 0.5
    first = next((i * 10_000 + p for i, p in enumerate(named) if p >= 0), 1 << 30)
    return weight + often + kind, -first


def main_actors(
    record: BriefRecord, most: int = 2, media: frozenset[str] = frozenset()
) -> list[Found]:
    """The brief's main actors (at most ``most``): the people, bodies and countries its
    headline and key facts name first and most (a country by its name, not by an adjective:
    «نظيره الصيني» is about a person, not China); a body or country is left out when it is
    part of who a chosen person is (:func:`_belongs`), and so is a news outlet or agency
    (``media``, by entity id): it reports the event, it is not in it."""
    texts = _texts(record)
    candidates = [
        found
        for kind, actor in record_actors(record)
        if (found := Found(kind, actor, 0))
        and actor["id"] not in media
        # A country counts only when named as one (a person or body when often named).
        and (
            (actor["count"] >= 2 and kind != "country")
            or any(_position(found, text) >= 0 for text in texts)
        )
    ]
    candidates.sort(key=lambda found: _score(found, texts), reverse=True)
    chosen: list[Found] = []
    for found in candidates:
        if len(chosen) == most:
            break
        if any(_belongs(record, other, found) for other in chosen):
            continue
        chosen = [other for other in chosen if not _belongs(record, found, other)]
        chosen.append(found)
    # In the headline's order when it names them («مذبحة حوثية ... والمقاومة»: the Houthis
    # first), else by how main they are.
    headline = record["title"]["ar"]
    order = {id(found): rank for rank, found in enumerate(chosen)}

    def place(found: Found) -> tuple[int, int]:
        named = actor_position(found.actor, headline)
        return (named if named >= 0 else 1 << 30, order[id(found)])

    return sorted(chosen, key=place)


def _belongs(record: BriefRecord, person: Found, other: Found) -> bool:
    """Whether ``other`` is part of who ``person`` is: the body their role names (the
    Pentagon of «Michael Chase (Pentagon)») or the country of their role («Supreme Leader
    of Iran», «وزير الخارجية الصيني») unless the headline names that country; a title then
    names the person alone."""
    if person.kind != "person" or other.kind == "person":
        return False
    role, role_en = _person(person)["role"], _person(person)["role_en"]
    if other.kind == "organization":
        body = affiliation(record, role)
        return body is not None and body["id"] == other.actor["id"]
    if _position(other, record["title"]["ar"]) >= 0:
        return False  # a country the headline names is a subject of its own
    if role_en and other.actor["en"] in role_en:
        return True
    return bool(role) and actor_position(other.actor, role or "") >= 0


def _person(found: Found) -> PersonRecord:
    return found.actor  # type: ignore[return-value]


def _join(labels: list[str]) -> str:
    return " and ".join(labels) if len(labels) <= 2 else ", ".join(labels)


def generated_title(record: BriefRecord, media: frozenset[str] | None = None) -> str:
    """The English title of a brief whose editor gave none (see the module docstring);
    ``media`` are the entity ids of news outlets and agencies, never its actors (by default
    the gazetteer's, :func:`media_ids`)."""
    chosen = main_actors(record, media=media_ids() if media is None else media)
    subject = _join([actor_label(record, found) for found in chosen])
    texts = _texts(record)
    event = next((found for text in texts[:2] if (found := event_in(text))), None)
    # A bare number says nothing in a title: only a counted thing («14 troops»).
    figures = [n for n in numbers_in(record, record["title"]["ar"]) if n["unit"]]
    figure = number_words(figures[0]) if figures else None
    topic = record["topics"][0]["en"] if record["topics"] else None
    what = event or ""
    candidates = [(what, figure, topic), (what, figure, None), (what, None, None)]
    for what_part, figure_part, topic_part in candidates:
        title = _compose(subject, what_part, figure_part, topic_part)
        if title and len(title) <= MAX_LENGTH:
            return title
    return _compose(subject, what, None, None) or f"Brief {record['slug']}"


def _compose(subject: str, what: str, figure: str | None, topic: str | None) -> str:
    """«subject: what, figure — topic», each part left out when empty."""
    head = subject
    detail = ", ".join(part for part in (what, figure) if part)
    if head and detail:
        head = f"{head}: {detail}"
    elif detail:
        head = detail[0].upper() + detail[1:]
    if topic and topic.lower() not in head.lower():
        head = f"{head} — {topic}" if head else topic
    return head
