"""Countries, people and organizations mentioned in a brief.

- Countries: CLDR names (Babel), other names, nisba adjectives in all their inflections
  (الصيني, الصينية, الصينيون, صينيين ...) and capitals used for their governments,
  one entity per ISO code.
- People: see :mod:`builder.extract.people`, which uses the matchers defined here.
- Organizations: the gazetteer, a generic institution with a nationality adjective
  (وزارة الدفاع الصينية = Chinese Ministry of Defence), and bodies named by a head noun and
  its chain (:mod:`builder.extract.bodies`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from builder.arabic import fold, sentence_at
from builder.extract.bodies import find_bodies, generic_owners
from builder.extract.matcher import (
    WORD,
    Match,
    PhraseMatcher,
    first_word_readings,
    phrase_key,
    within_line,
)
from builder.extract.nisba import nisba_forms
from builder.extract.spans import DisjointSpans
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, GazetteerEntry, Knowledge
from builder.model import ActorMention, EnglishSource


@dataclass(frozen=True)
class _Actor:
    kind: str
    key: str
    ar: str
    en: str
    en_provisional: bool
    role_en: str | None = None
    code: str | None = None
    en_source: EnglishSource = "gazetteer"


@by_identity
def _country_matcher(countries: tuple[CountryEntry, ...]) -> PhraseMatcher[tuple[str, str]]:
    phrases: dict[str, tuple[str, str]] = {}
    for country in countries:
        for name in (country.ar, *country.names):
            phrases.setdefault(name, (country.code, "name"))
        for adjective in country.adjectives:
            for form in nisba_forms(adjective):
                phrases.setdefault(form, (country.code, "adjective"))
        for capital in country.capitals:
            phrases.setdefault(capital, (country.code, "capital"))
    return PhraseMatcher(phrases)


@by_identity
def _gazetteer_matcher(entries: tuple[GazetteerEntry, ...]) -> PhraseMatcher[GazetteerEntry]:
    phrases: dict[str, GazetteerEntry] = {}
    for entry in entries:
        phrases.setdefault(entry.ar, entry)
        for variant in entry.variants:
            phrases.setdefault(variant, entry)
    # A person listed without the article never matches a word with it: «المؤدي» is no
    # «مودي»; a body may («الفايننشال تايمز»).
    return PhraseMatcher(phrases, article=any(entry.kind != "person" for entry in entries))


def _adjective_lookup(knowledge: Knowledge) -> dict[str, CountryEntry]:
    return country_adjectives(knowledge.countries)


@by_identity
def country_adjectives(countries: tuple[CountryEntry, ...]) -> dict[str, CountryEntry]:
    """Every inflection of every country's nisba (اليمنية, أمريكيون) -> the country."""
    lookup: dict[str, CountryEntry] = {}
    for country in countries:
        for adjective in country.adjectives:
            for form in nisba_forms(adjective):
                lookup.setdefault(phrase_key(form), country)
    return lookup


def extract_countries(text: str, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """One mention per country, with every surface form seen, in order of first mention."""
    by_code = {country.code: country for country in knowledge.countries}
    found: dict[str, list[Match[tuple[str, str]]]] = defaultdict(list)
    for match in _country_matcher(knowledge.countries).finditer(text):
        if match.payload[1] != "capital" and _names_a_feature(text, match.start):
            continue
        found[match.payload[0]].append(match)
    mentions = []
    for code, matches in found.items():
        country = by_code[code]
        # The main form is a name of the country as written, else its first plain form.
        plain = [m.text for m in matches if not m.text.startswith("لل")] or [matches[0].text]
        names = [m.text for m in matches if m.payload[1] == "name" and m.text in plain]
        main = names[0] if names else plain[0]
        forms = _unique(m.text for m in matches if m.text != main)
        mentions.append(
            ActorMention(
                kind="country",
                key=code,
                ar=main,
                en=country.en,
                en_provisional=False,
                forms=forms,
                sentence=sentence_at(text, matches[0].start),
                code=code,
                count=len(matches),
            )
        )
    return tuple(mentions)


_FEATURES = frozenset(
    fold(word)
    for word in [
        "محيط", "محيطين", "محيطات", "بحر", "بحار", "خليج", "مضيق", "قناة", "جزر", "جزيرة",
        "شبه", "هضبة", "صحراء", "سهوب", "جبال", "نهر", "بحيرة",
    ]
)  # fmt: skip
"""Geographic features named after a country: «المحيط الهندي», «بحر الصين الجنوبي»."""


def _names_a_feature(text: str, start: int) -> bool:
    """True when the word before ``start`` is a sea, ocean or other feature the name qualifies."""
    window = text[max(0, start - 30) : start]
    before = WORD.findall(window)
    if not before or not window.endswith((" ", "\u00a0")) or window.rstrip()[-1:] in "،,.:؛":
        return False
    # The same readings of attached و/ب/ل and ال as phrase matching uses.
    return any(reading in _FEATURES for _, reading in first_word_readings(fold(before[-1])))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def extract_gazetteer_actors(
    text: str, entries: tuple[GazetteerEntry, ...]
) -> list[tuple[Match[GazetteerEntry], _Actor]]:
    """Known people or organizations, one (match, actor) per occurrence."""
    return [
        (match, _Actor(entry.kind, entry.id, entry.ar, entry.en, False, entry.role_en, None))
        for match in _gazetteer_matcher(entries).finditer(text)
        for entry in (match.payload,)
    ]


@by_identity
def _role_matcher(roles: tuple) -> PhraseMatcher:
    # A title also occurs without its article, in construct: «محلل السياسة النووية».
    phrases = {role.ar: role for role in roles}
    for role in roles:
        if role.ar.startswith("ال") and role.bare:
            phrases.setdefault(role.ar[2:], role)
    return PhraseMatcher(phrases)


@by_identity
def _institution_matcher(institutions: tuple) -> PhraseMatcher:
    return PhraseMatcher({body.ar: body for body in institutions})


def _words_after(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words after ``end`` that follow without punctuation or a line break in
    between."""
    words = []
    position = end
    for found in WORD.finditer(text, end):
        gap = text[position : found.start()]
        if gap and not within_line(gap):
            break
        words.append((found.start(), found.end(), found.group(0)))
        position = found.end()
        if len(words) == limit:
            break
    return words


def _text_form(spots: list[tuple[int, str]], canonical: str) -> str:
    """The fullest form as written in this text (the gazetteer spelling if it occurs)."""
    longest = max((form for _, form in spots), key=lambda form: len(form.split()))
    if phrase_key(longest) == phrase_key(canonical):
        return longest
    return longest if len(longest.split()) >= 2 else canonical


def extract_organizations(text: str, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """Organizations: gazetteer entries and «institution + nationality adjective» bodies."""
    occurrences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    actors: dict[str, _Actor] = {}
    taken = DisjointSpans()
    for match, actor in extract_gazetteer_actors(text, knowledge.organizations):
        occurrences[actor.key].append((match.start, match.text))
        actors[actor.key] = actor
        taken.merge(match.start, match.start + len(match.text))
    adjectives = _adjective_lookup(knowledge)
    for match in _institution_matcher(knowledge.institutions).finditer(text):
        if taken.overlaps(match.start, match.start + 1):
            continue
        following = _words_after(text, match.end, 1)
        if not following:
            continue
        country = adjectives.get(phrase_key(following[0][2]))
        if country is None or not fold(following[0][2]).startswith("ال"):
            continue
        key = f"{country.code.lower()}-{phrase_key(match.payload.en).lower().replace(' ', '-')}"
        span = text[match.start : following[0][1]]
        adjective = country.en_adjective or country.en
        actors.setdefault(
            key, _Actor("organization", key, span, f"{adjective} {match.payload.en}", False)
        )
        occurrences[key].append((match.start, span))
        taken.merge(match.start, match.start + len(span))
    for body in find_bodies(text, knowledge, taken):
        occurrences[body.key].append((body.start, body.text))
        if body.acronym is not None:
            occurrences[body.key].append(body.acronym)
        # A listed outlet named by pattern keeps its established English name.
        source: EnglishSource = "gazetteer" if body.en_source == "outlet" else body.en_source
        actors.setdefault(
            body.key,
            _Actor(
                "organization", body.key, body.text, body.en, source != "gazetteer",
                en_source=source,
            ),
        )  # fmt: skip
    owners = generic_owners(
        {key: [form for _, form in spots] for key, spots in occurrences.items()}
    )
    for generic, owner in owners.items():
        occurrences[owner] += occurrences.pop(generic)
    mentions = []
    for key, spots in sorted(occurrences.items(), key=lambda item: min(s for s, _ in item[1])):
        actor = actors[key]
        spots.sort()
        main = _text_form(spots, actor.ar)
        mentions.append(
            ActorMention(
                kind="organization",
                key=key,
                ar=main,
                en=actor.en,
                en_provisional=actor.en_provisional,
                en_source=actor.en_source,
                forms=_unique(form for _, form in spots if form != main),
                sentence=sentence_at(text, spots[0][0]),
                count=len(spots),
            )
        )
    return tuple(mentions)
