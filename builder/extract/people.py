"""People mentioned in a brief: the gazetteer, then the patterns Arabic news names people by.

Arabic has no capital letters, so a name nobody listed is found by its context:

- a title or role before it, with optional modifiers between: «الجنرال تشانغ يوشيا»,
  «المعلق العسكري الصيني سونغ تشونغبينغ», «محلل السياسة النووية ويليام ألبيرك»;
- a role in apposition after it: «بوني جينكينز، مسؤولة الحد من الأسلحة»,
  «مايكل تشيس، وهو كبير مسؤولي ...»;
- a known given name (``names.yaml``) followed by a surname: «لايل موريس».

Name words are words without the article that are not particles, verbs of speech,
nationality adjectives or country names. A surname alone later in the text is the same
person. English names come from the gazetteer; otherwise the given name's English
spelling plus a romanized surname, marked provisional.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from builder.arabic import fold, sentence_at, strip_diacritics
from builder.extract.actors import (
    _Actor,
    _adjectives,
    _country_matcher,
    _role_matcher,
    _text_form,
    _unique,
    _words_after,
    extract_gazetteer_actors,
)
from builder.extract.matcher import WORD, Match, phrase_key, within_line
from builder.extract.spans import DisjointSpans
from builder.extract.spellings import EnglishName, english_name
from builder.extract.stopwords import NOT_NAME
from builder.knowledge import CountryEntry, GazetteerEntry, GivenName, Knowledge
from builder.model import ActorMention

_PARTICLES = frozenset(fold(word) for word in ["بن", "ابن", "بنت", "أبو", "آل", "دي", "فون", "فان"])
"""Name-internal words: «محمد بن سلمان», «أورسولا فون دير لاين»."""

_NOT_PERSON_CONTEXT = frozenset(
    fold(word)
    for word in [
        "جامعة", "شارع", "مطار", "مدينة", "مركز", "معهد", "مؤسسة", "قاعدة", "حاملة",
        "سفينة", "جسر", "ميناء", "ولاية", "مقاطعة", "جزيرة", "مستشفى", "كلية", "مدرسة",
        "جائزة", "عملية", "صاروخ", "منظومة",
    ]
)  # fmt: skip
"""A given name right after these words names a place or a thing (جامعة جورج تاون)."""

_APPOSITION_LINK = frozenset(fold(word) for word in ["وهو", "وهي", "هو", "هي"])

_MAX_MODIFIERS = 3
_MAX_NAME_WORDS = 8
"""Words in one person's name at most («محمد بن سلمان بن عبد العزيز آل سعود» has 7): a
run of given names and particles longer than that is a list, not a name."""


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    name: str
    role_ar: str | None
    role_en: str | None


@dataclass(frozen=True)
class _Lexicon:
    """Folded word sets the name patterns consult, built once per knowledge base."""

    given: dict[str, GivenName]
    role_heads: frozenset[str]
    country_words: frozenset[str]
    adjectives: dict[str, CountryEntry]
    """Every inflected nationality adjective (the lookup the country extractor uses)."""


def _lexicon(knowledge: Knowledge) -> _Lexicon:
    return _build_lexicon(knowledge.given_names, knowledge.roles, knowledge.countries)


@lru_cache(maxsize=8)
def _build_lexicon(given_names: tuple, roles: tuple, countries: tuple) -> _Lexicon:
    given: dict[str, GivenName] = {}
    for name in given_names:
        for form in (name.ar, *name.variants):
            given.setdefault(phrase_key(form), name)
    heads: set[str] = set()
    for role in roles:
        head = phrase_key(role.ar).split()[0].removeprefix("ال")
        # The feminine of a title (مديرة, مسؤولة) heads an apposition just as well.
        heads.update((head, head if head.endswith("ه") else head + "ه"))
    country_words = set()
    for country in countries:
        for form in (country.ar, *country.names, *country.capitals):
            key = phrase_key(form)
            if " " not in key:
                country_words.add(key)
    return _Lexicon(given, frozenset(heads), frozenset(country_words), _adjectives(countries))


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of the text, as the patterns walk it."""
    return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]


def _bare(word: str) -> str:
    """A folded word without an attached و/ف (وهو -> هو, وقال -> قال)."""
    folded = fold(word)
    return folded[1:] if folded[:1] in "وف" and len(folded) > 3 else folded


def _has_article(word: str) -> bool:
    """The article is always written with a bare alef; «ألبيرك» (Alberque) has none."""
    return strip_diacritics(word).startswith("ال")


def _is_name_word(word: str, lexicon: _Lexicon) -> bool:
    folded = fold(word)
    if len(folded) < 2 or _has_article(word) or not folded.isalpha():
        return False
    if folded in NOT_NAME or _bare(word) in NOT_NAME:
        return False
    if folded in lexicon.country_words or folded in lexicon.adjectives:
        return False
    return folded.removeprefix("ال") not in lexicon.role_heads


def _titled(
    text: str, knowledge: Knowledge, lexicon: _Lexicon, known: list[tuple[int, int]]
) -> list[_Found]:
    """Title, optional nationality adjectives or definite modifiers, then 2-3 name words."""
    adjectives = lexicon.adjectives
    results = []
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        following = _words_after(text, role_match.end, 3 + _MAX_MODIFIERS + 3)
        index = 0
        while index < len(following) and phrase_key(following[index][2]) in adjectives:
            index += 1
        modifiers = 0
        while (
            index < len(following)
            and modifiers < _MAX_MODIFIERS
            and _has_article(following[index][2])
        ):
            index += 1
            modifiers += 1
            while index < len(following) and phrase_key(following[index][2]) in adjectives:
                index += 1
        name_words: list[tuple[int, int, str]] = []
        for word in following[index : index + 3]:
            if not _is_name_word(word[2], lexicon):
                break
            if any(start <= word[0] < end for start, end in known):
                name_words = []
                break
            name_words.append(word)
        if len(name_words) < 2:
            continue
        start, end = name_words[0][0], name_words[-1][1]
        role_end = following[index - 1][1] if index else role_match.end
        role_ar = text[role_match.start : role_end]
        results.append(_Found(start, end, text[start:end], role_ar, role_match.payload.en))
    return results


def _given_named(text: str, lexicon: _Lexicon) -> list[_Found]:
    """A given name (and middle names or particles), then one surname word."""
    given = lexicon.given
    words = _words(text)
    results = []
    index = 0
    while index < len(words):
        start, _, word = words[index]
        skip = 0
        folded = fold(word)
        if folded not in given and folded[:1] in "وفبل" and fold(word[1:]) in given:
            skip = 1
        if fold(word[skip:]) not in given or (
            index and _bare(words[index - 1][2]) in _NOT_PERSON_CONTEXT
        ):
            index += 1
            continue
        last = index
        while (
            last + 1 < len(words)
            and last - index < _MAX_NAME_WORDS
            and within_line(text[words[last][1] : words[last + 1][0]])
        ):
            following = fold(words[last + 1][2])
            if following in given or following in _PARTICLES:
                last += 1
                continue
            if _is_name_word(words[last + 1][2], lexicon):
                last += 1
            break
        if last == index or fold(words[last][2]) in given or fold(words[last][2]) in _PARTICLES:
            index += 1
            continue
        begin, end = start + skip, words[last][1]
        results.append(_Found(begin, end, text[begin:end], None, None))
        index = last + 1
    return results


def _appositive(text: str, lexicon: _Lexicon) -> list[_Found]:
    """Two name words, a comma, then a role: «أندريه ماليوجين، الممثل الخاص ...»."""
    heads = lexicon.role_heads
    words = _words(text)
    results = []
    for index in range(1, len(words) - 1):
        gap = text[words[index][1] : words[index + 1][0]]
        # A comma inside the line: a name closing one line is not in apposition to the next.
        if gap.strip() != "،" or not within_line(gap.replace("،", " ")):
            continue
        role_index = index + 1
        if _bare(words[role_index][2]) in _APPOSITION_LINK and role_index + 1 < len(words):
            role_index += 1
        if fold(words[role_index][2]).removeprefix("ال") not in heads:
            continue
        first, second = words[index - 1], words[index]
        if not within_line(text[first[1] : second[0]]):
            continue
        if not (_is_name_word(first[2], lexicon) and _is_name_word(second[2], lexicon)):
            continue
        # The role runs to the next comma or the end of the sentence, eight words at most.
        tail = text[words[role_index][0] :]
        stop = min(
            (p for p in (tail.find("،"), tail.find("."), tail.find("\n")) if p > 0),
            default=len(tail),
        )
        role_ar = tail[:stop].strip()
        role_ar = " ".join(role_ar.split()[:8])
        results.append(_Found(first[0], second[1], text[first[0] : second[1]], role_ar, None))
    return results


def _english_name(name: str, knowledge: Knowledge) -> EnglishName:
    """The name's English spelling and its source (:mod:`builder.extract.spellings`)."""
    return english_name(name, knowledge)


def _stated_roles(
    text: str, knowledge: Knowledge, known: list[tuple[Match[GazetteerEntry], _Actor]]
) -> dict[str, str]:
    """A role right before a gazetteer name is that person's role as the text states it."""
    roles: dict[str, str] = {}
    ordered = sorted(known, key=lambda item: item[0].start)
    starts = [match.start for match, _ in ordered]
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        # Only names starting at most 40 characters after the role can be its holder.
        first = bisect_left(starts, role_match.end)
        last = bisect_right(starts, role_match.end + 40)
        for match, actor in ordered[first:last]:
            gap = text[role_match.end : match.start]
            if not set("،.") & set(gap):
                roles.setdefault(actor.key, text[role_match.start : match.start].strip())
                break
    return roles


def extract_people(
    text: str, knowledge: Knowledge
) -> tuple[tuple[ActorMention, ...], tuple[str, ...]]:
    """People in the brief, and the pattern-found names missing from the gazetteer."""
    occurrences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    actors: dict[str, tuple[str, str, bool, str | None]] = {}
    sources: dict[str, EnglishName] = {}
    known = extract_gazetteer_actors(text, knowledge.people)
    known_spans = [(match.start, match.end) for match, _ in known]
    key_at: dict[int, str] = {}
    """The actor whose mention starts at an offset (the first one found there)."""
    for match, actor in known:
        occurrences[actor.key].append((match.start, match.text))
        key_at.setdefault(match.start, actor.key)
        actors[actor.key] = (actor.ar, actor.en, False, actor.role_en)
    roles = _stated_roles(text, knowledge, known)
    # Countries and bodies are not people: «جورج واشنطن» aside, a capital is a government.
    blocked = known_spans + [
        (m.start, m.end) for m in _country_matcher(knowledge.countries).finditer(text)
    ]
    lexicon = _lexicon(knowledge)
    found = _titled(text, knowledge, lexicon, known_spans)
    found += _appositive(text, lexicon) + _given_named(text, lexicon)
    candidates = []
    taken = DisjointSpans()
    for start, end in blocked:
        taken.merge(start, end)
    for item in found:
        if taken.overlaps(item.start, item.end):
            # Already a known actor, or a span another pattern claimed: keep its role only.
            key = key_at.get(item.start)
            if key and item.role_ar:
                roles.setdefault(key, item.role_ar)
            continue
        taken.merge(item.start, item.end)
        key = "name:" + phrase_key(item.name)
        if key not in actors:
            sources[key] = _english_name(item.name, knowledge)
            actors[key] = (item.name, sources[key].en, True, item.role_en)
            candidates.append(item.name)
        occurrences[key].append((item.start, item.name))
        key_at.setdefault(item.start, key)
        if item.role_ar:
            roles.setdefault(key, item.role_ar)
    _add_surnames(text, actors, occurrences)
    mentions = []
    for key, spots in sorted(occurrences.items(), key=lambda item: min(s for s, _ in item[1])):
        ar, en, provisional, role_en = actors[key]
        spots.sort()
        forms = _unique(form for _, form in spots if phrase_key(form) != phrase_key(ar))
        if key.startswith("name:"):
            full = [form for _, form in spots if len(form.split()) >= len(ar.split())]
            shown = max(full, key=len) if full else ar
        else:
            shown = _text_form(spots, ar)
        mentions.append(
            ActorMention(
                kind="person",
                key=key,
                ar=shown,
                en=en,
                en_provisional=provisional,
                forms=tuple(form for form in forms if form != shown),
                sentence=sentence_at(text, spots[0][0]),
                role=roles.get(key),
                role_en=role_en,
                count=len(spots),
                en_source=sources[key].source if key in sources else "gazetteer",
            )
        )
    return tuple(mentions), tuple(_unique(candidates))


def _add_surnames(
    text: str,
    actors: dict[str, tuple[str, str, bool, str | None]],
    occurrences: dict[str, list[tuple[int, str]]],
) -> None:
    """A surname alone refers to the person already named in full."""
    surnames: dict[str, str] = {}
    key: str | None
    for key, (ar, *_rest) in actors.items():
        words = ar.split()
        if len(words) >= 2 and len(words[-1]) >= 3:
            surnames.setdefault(phrase_key(words[-1]), key)
    taken = {start for spots in occurrences.values() for start, _ in spots}
    named = DisjointSpans()
    for spots in occurrences.values():
        for start, form in spots:
            named.merge(start, start + len(form))
    for found in WORD.finditer(text):
        for skip, reading in ((0, found.group(0)), (1, found.group(0)[1:])):
            key = surnames.get(fold(reading))
            if (
                key
                and found.start() + skip not in taken
                and not named.overlaps(found.start(), found.start() + 1)
            ):
                occurrences[key].append((found.start() + skip, reading))
                break
