"""Countries, people and organizations mentioned in a brief.

- Countries: CLDR names (Babel), other names, nisba adjectives in all their inflections
  (الصيني, الصينية, الصينيون, صينيين ...) and capitals used for their governments,
  one entity per ISO code.
- People: the gazetteer (full names, spellings, surnames) and, for people nobody listed,
  a title or role (الرئيس, وزير الدفاع, الجنرال, الباحث), optional nationality adjectives,
  then two or three name words. Their English name is a romanization marked provisional.
- Organizations: the gazetteer, plus a generic institution with a nationality adjective
  (وزارة الدفاع الصينية = Chinese Ministry of Defence).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..arabic import fold, sentence_at
from ..knowledge import CountryEntry, GazetteerEntry, Knowledge
from ..model import ActorMention
from .matcher import WORD, Match, PhraseMatcher, phrase_key
from .romanize import romanize

_NISBA_ENDINGS = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")

# Words that end a run of name words after a title: particles, verbs of speech, pronouns.
_NOT_NAME = frozenset(
    fold(word)
    for word in [
        "في",
        "من",
        "إلى",
        "الى",
        "على",
        "عن",
        "مع",
        "بين",
        "أن",
        "إن",
        "ان",
        "قد",
        "لقد",
        "كان",
        "كانت",
        "التي",
        "الذي",
        "الذين",
        "هو",
        "هي",
        "هم",
        "خلال",
        "بعد",
        "قبل",
        "منذ",
        "حتى",
        "لدى",
        "عند",
        "أمام",
        "حول",
        "ضد",
        "دون",
        "غير",
        "أو",
        "أم",
        "ثم",
        "لكن",
        "بل",
        "إذ",
        "إذا",
        "كما",
        "مما",
        "ما",
        "لا",
        "لم",
        "لن",
        "قال",
        "قالت",
        "يقول",
        "أكد",
        "أكدت",
        "أضاف",
        "أضافت",
        "أوضح",
        "أوضحت",
        "أشار",
        "أشارت",
        "ذكر",
        "ذكرت",
        "أعلن",
        "أعلنت",
        "صرح",
        "وقال",
        "وقالت",
        "وأضاف",
        "وأكد",
        "وأوضح",
        "وأشار",
        "وذكر",
        "وأعلن",
        "يوم",
        "اليوم",
        "أمس",
        "عام",
        "سنة",
        "شهر",
        "نحو",
        "أيضا",
        "بشأن",
        "إنه",
        "إنها",
        "أنه",
        "أنها",
        "الذى",
        "ذلك",
        "هذا",
        "هذه",
        "تلك",
        "هناك",
        "هنا",
        "عبر",
        "لـ",
        "كل",
        "بعض",
        "جميع",
        "نفسه",
    ]
)


@dataclass(frozen=True)
class _Actor:
    kind: str
    key: str
    ar: str
    en: str
    en_provisional: bool
    role_en: str | None = None
    code: str | None = None


def nisba_forms(adjective: str) -> list[str]:
    """All inflections of a nisba adjective, with and without the article."""
    stem = adjective[:-1] if adjective.endswith("ي") else adjective
    forms = []
    for ending in _NISBA_ENDINGS:
        word = adjective + ending if ending else adjective
        if ending in ("ون", "ين", "ان", "تان", "تين", "ات") and not adjective.endswith("ي"):
            continue
        if ending == "ات":
            word = stem + "يات"
        forms += [word, "ال" + word]
    return forms


@lru_cache(maxsize=8)
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


@lru_cache(maxsize=8)
def _gazetteer_matcher(entries: tuple[GazetteerEntry, ...]) -> PhraseMatcher[GazetteerEntry]:
    phrases: dict[str, GazetteerEntry] = {}
    for entry in entries:
        phrases.setdefault(entry.ar, entry)
        for variant in entry.variants:
            phrases.setdefault(variant, entry)
    return PhraseMatcher(phrases)


def _adjective_lookup(knowledge: Knowledge) -> dict[str, CountryEntry]:
    return _adjectives(knowledge.countries)


@lru_cache(maxsize=8)
def _adjectives(countries: tuple[CountryEntry, ...]) -> dict[str, CountryEntry]:
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


def _unique(items) -> tuple[str, ...]:
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


@lru_cache(maxsize=8)
def _role_matcher(roles: tuple) -> PhraseMatcher:
    return PhraseMatcher({role.ar: role for role in roles})


@lru_cache(maxsize=8)
def _institution_matcher(institutions: tuple) -> PhraseMatcher:
    return PhraseMatcher({body.ar: body for body in institutions})


def _words_after(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words after ``end`` that follow without punctuation in between."""
    words = []
    position = end
    for found in WORD.finditer(text, end):
        gap = text[position : found.start()]
        if gap and not gap.isspace():
            break
        words.append((found.start(), found.end(), found.group(0)))
        position = found.end()
        if len(words) == limit:
            break
    return words


def extract_titled_people(
    text: str, knowledge: Knowledge, known_spans: list[tuple[int, int]]
) -> list[tuple[int, int, str, str, str | None]]:
    """People introduced by a title: (start, end, name, role_ar, role_en) per occurrence.

    After the title come optional nationality adjectives (الأمريكي) and then the name: two or
    three words that are not particles, verbs of speech or words with the article.
    """
    adjectives = _adjective_lookup(knowledge)
    results = []
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        following = _words_after(text, role_match.end, 7)
        index = 0
        while index < len(following) and phrase_key(following[index][2]) in adjectives:
            index += 1
        name_words: list[tuple[int, int, str]] = []
        for word in following[index : index + 3]:
            folded = fold(word[2])
            if folded in _NOT_NAME or folded.startswith("ال") or len(folded) < 2:
                break
            if any(start <= word[0] < end for start, end in known_spans):
                name_words = []
                break
            name_words.append(word)
        if len(name_words) < 2:
            continue
        start, end = name_words[0][0], name_words[-1][1]
        role_end = following[index - 1][1] if index else role_match.end
        role_ar = text[role_match.start : role_end]
        results.append((start, end, text[start:end], role_ar, role_match.payload.en))
    return results


def extract_people(
    text: str, knowledge: Knowledge
) -> tuple[tuple[ActorMention, ...], tuple[str, ...]]:
    """People in the brief, and the pattern-found names missing from the gazetteer."""
    occurrences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    actors: dict[str, _Actor] = {}
    roles: dict[str, str] = {}
    known = extract_gazetteer_actors(text, knowledge.people)
    known_spans = [(match.start, match.end) for match, _ in known]
    for match, actor in known:
        occurrences[actor.key].append((match.start, match.text))
        actors[actor.key] = actor
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        # A role right before a known name is that person's role as the text states it.
        for match, actor in known:
            gap = text[role_match.end : match.start]
            if (
                0 <= len(gap) <= 40
                and match.start >= role_match.end
                and "،" not in gap
                and ("." not in gap)
            ):
                roles.setdefault(actor.key, text[role_match.start : match.start].strip())
                break
    candidates = []
    for start, _end, name, role_ar, role_en in extract_titled_people(text, knowledge, known_spans):
        key = "name:" + phrase_key(name)
        if key not in actors:
            actors[key] = _Actor("person", key, name, romanize(name), True, role_en)
            candidates.append(name)
        occurrences[key].append((start, name))
        roles.setdefault(key, role_ar)
    # A surname alone refers to the person already named in full.
    surnames = {
        phrase_key(actor.ar.split()[-1]): key
        for key, actor in actors.items()
        if len(actor.ar.split()) >= 2 and len(actor.ar.split()[-1]) >= 3
    }
    taken = {start for spots in occurrences.values() for start, _ in spots}
    for found in WORD.finditer(text):
        for skip, reading in ((0, found.group(0)), (1, found.group(0)[1:])):
            key = surnames.get(fold(reading))
            if (
                key
                and found.start() + skip not in taken
                and not _inside_any(found.start(), occurrences)
            ):
                occurrences[key].append((found.start() + skip, reading))
                break
    mentions = []
    for key, spots in sorted(occurrences.items(), key=lambda item: min(s for s, _ in item[1])):
        actor = actors[key]
        spots.sort()
        forms = _unique(form for _, form in spots if phrase_key(form) != phrase_key(actor.ar))
        full_forms = [form for _, form in spots if len(form.split()) >= len(actor.ar.split())]
        ar = max(full_forms, key=len) if full_forms and key.startswith("name:") else actor.ar
        mentions.append(
            ActorMention(
                kind="person",
                key=key,
                ar=ar if key.startswith("name:") else _text_form(spots, actor.ar),
                en=actor.en,
                en_provisional=actor.en_provisional,
                forms=forms,
                sentence=sentence_at(text, spots[0][0]),
                role=roles.get(key),
                role_en=actor.role_en,
                count=len(spots),
            )
        )
    return tuple(mentions), tuple(_unique(candidates))


def _text_form(spots: list[tuple[int, str]], canonical: str) -> str:
    """The fullest form as written in this text (the gazetteer spelling if it occurs)."""
    longest = max((form for _, form in spots), key=lambda form: len(form.split()))
    if phrase_key(longest) == phrase_key(canonical):
        return longest
    return longest if len(longest.split()) >= 2 else canonical


def _inside_any(position: int, occurrences: dict[str, list[tuple[int, str]]]) -> bool:
    return any(
        start <= position < start + len(form)
        for spots in occurrences.values()
        for start, form in spots
    )


def extract_organizations(text: str, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """Organizations: gazetteer entries and «institution + nationality adjective» bodies."""
    occurrences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    actors: dict[str, _Actor] = {}
    for match, actor in extract_gazetteer_actors(text, knowledge.organizations):
        occurrences[actor.key].append((match.start, match.text))
        actors[actor.key] = actor
    adjectives = _adjective_lookup(knowledge)
    for match in _institution_matcher(knowledge.institutions).finditer(text):
        if _inside_any(match.start, occurrences):
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
                forms=_unique(form for _, form in spots if form != main),
                sentence=sentence_at(text, spots[0][0]),
                count=len(spots),
            )
        )
    return tuple(mentions)
