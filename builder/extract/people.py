"""People mentioned in a brief: the gazetteer, then the patterns Arabic news names people by.

Arabic has no capital letters, so a name nobody listed is found by its context:

- a title or role before it, with optional modifiers between: «الجنرال تشانغ يوشيا»,
  «المعلق العسكري الصيني سونغ تشونغبينغ», «محلل السياسة النووية ويليام ألبيرك»;
- a role in apposition after it: «بوني جينكينز، مسؤولة الحد من الأسلحة»,
  «مايكل تشيس، وهو كبير مسؤولي ...»;
- a known given name (``names.yaml``) followed by a surname: «لايل موريس».

Name words are words without the article that are not particles, verbs of speech,
nationality adjectives or country names. A surname alone later in the text is the same
person. English names come from the gazetteer; otherwise :mod:`builder.extract.spellings`
spells each word (given names, the public name tables, then a romanizer), marked provisional
with its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from builder.arabic import fold, sentence_at
from builder.extract.actors import (
    _Actor,
    _country_matcher,
    _gazetteer_matcher,
    _role_matcher,
    _text_form,
    _unique,
    extract_gazetteer_actors,
)
from builder.extract.matcher import WORD, Match, phrase_key, within_line
from builder.extract.name_words import COMMON_WORDS, common_shape
from builder.extract.people_lists import listed_names
from builder.extract.people_merge import (
    add_partial_names,
    add_surnames,
    listed_short_names,
    spoken_surnames,
    titled_surnames,
)
from builder.extract.people_names import (
    BINDING,
    Found,
    Lexicon,
    attested,
    given_named,
    lexicon,
    name_run,
    name_words,
    names_a_place,
    short_form,
    words_of,
)
from builder.extract.spans import DisjointSpans
from builder.extract.spellings import EnglishName, english_name
from builder.extract.stopwords import NOT_NAME
from builder.extract.titled_names import title_before, titled
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import GazetteerEntry, Knowledge
from builder.model import ActorMention

_PATRONYMIC_AFTER = re.compile(r"[ \t\u00a0]+(?:بن|ابن|بنت)\b")

_APPOSITION_LINK = frozenset(fold(word) for word in ["وهو", "وهي", "هو", "هي"])

_ROLE_STOP = frozenset(
    fold(word)
    for word in [
        "إن", "أن", "ان", "بأن", "انه", "إنه", "أنه", "الذي", "التي", "الذين", "حيث", "عندما",
        "لكن", "لكنه", "بينما", "فيما", "إذ",
    ]
)  # fmt: skip
"""Words that end an appositive role's noun phrase: a clause starts there."""

_MAX_ROLE_WORDS = 8


def _appositive(text: str, knowledge: Knowledge, lex: Lexicon) -> list[Found]:
    """A name of two words or more, a comma, then a role: «أندريه ماليوجين، الممثل الخاص»."""
    heads = lex.role_heads
    words = words_of(text)
    verbs = _speech_verbs(knowledge)
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
        # The longest run of name words that ends right at the comma.
        first = None
        for begin in range(max(0, index - 5), index):
            joined = all(
                within_line(text[words[k][1] : words[k + 1][0]]) for k in range(begin, index)
            )
            if joined and name_run(words, begin, lex, text) == index + 1:
                first = begin
                break
        if first is None or index - first < 1:
            continue
        role_words = []
        for k in range(role_index, min(len(words), role_index + _MAX_ROLE_WORDS)):
            if k > role_index and not within_line(text[words[k - 1][1] : words[k][0]]):
                break
            bare = _bare(words[k][2])
            if k > role_index and (
                bare in _ROLE_STOP or bare in verbs or fold(words[k][2]) in verbs
            ):
                break
            role_words.append(words[k])
        role_ar = text[role_words[0][0] : role_words[-1][1]]
        start, end = words[first][0], words[index][1]
        if attested(text[start:end], lex):
            results.append(Found(start, end, text[start:end], role_ar, None))
    return results


def _spoken(text: str, knowledge: Knowledge, lex: Lexicon) -> list[Found]:
    """A speech verb, a name of two words or more, then a role without a comma: «وقال
    كارل بيترسون الناطق باسم البعثة إن ...»."""
    verbs = _speech_verbs(knowledge)
    words = words_of(text)
    results = []
    for index in range(len(words) - 2):
        verb = fold(words[index][2])
        if verb not in verbs and _bare(words[index][2]) not in verbs:
            continue
        end = name_run(words, index + 1, lex, text)
        if end - index - 1 < 2 or end >= len(words):
            continue
        if not all(within_line(text[words[k][1] : words[k + 1][0]]) for k in range(index, end)):
            continue
        if fold(words[end][2]).removeprefix("ال") not in lex.role_heads:
            continue
        start, stop = words[index + 1][0], words[end - 1][1]
        if attested(text[start:stop], lex):
            results.append(Found(start, stop, text[start:stop], None, None))
    return results


def _between_commas(text: str, knowledge: Knowledge, lex: Lexicon) -> list[Found]:
    """A role, a comma, then a name closed by a comma: «وقال المتحدث باسم المجلس، سالم
    قطيش، إن ...»; the role is the phrase before the first comma."""
    words = words_of(text)
    starts = [start for start, _, _ in words]
    results = []
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        index = bisect_left(starts, role_match.end)
        for k in range(index, min(index + 8, len(words))):
            gap = text[words[k - 1][1] : words[k][0]] if k else ""
            if gap.strip() == "،" and within_line(gap.replace("،", " ")):
                break
            if k > index and not within_line(gap):
                k = len(words)
                break
        else:
            continue
        if k >= len(words):
            continue
        end = name_run(words, k, lex, text)
        if end - k < 2 or end >= len(words):
            continue
        if text[words[end - 1][1] : words[end][0]].strip() != "،":
            continue
        start, stop = words[k][0], words[end - 1][1]
        if attested(text[start:stop], lex):
            role_ar = text[role_match.start : words[k - 1][1]]
            results.append(Found(start, stop, text[start:stop], role_ar, role_match.payload.en))
    return results


def _speech_verbs(knowledge: Knowledge) -> frozenset[str]:
    return _verb_set(knowledge.speech.verbs)


@by_identity
def _verb_set(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(verb) for verb in verbs)


def _bare(word: str) -> str:
    """A folded word without an attached و/ف (وهو -> هو, وقال -> قال)."""
    folded = fold(word)
    return folded[1:] if folded[:1] in "وف" and len(folded) > 3 else folded


_CHINA = re.compile("الصين|بكين|بيجين")
"""China, its adjective (الصيني, الصينية) or its capital."""


def _english_name(name: str, knowledge: Knowledge, text: str, start: int) -> EnglishName:
    """The name's English spelling and its source (:mod:`builder.extract.spellings`): a
    Chinese name when China is named within the name's clause («الجنرال ليو زان، الملحق
    العسكري الصيني»)."""
    around = text[max(0, start - 80) : start + len(name) + 80]
    return english_name(name, knowledge, chinese=bool(_CHINA.search(around)))


def _stated_roles(
    text: str, knowledge: Knowledge, lex: Lexicon, known: list[tuple[Match[GazetteerEntry], _Actor]]
) -> dict[str, str]:
    """The title right before a gazetteer name (only modifiers between) is that person's
    role as the text states it."""
    roles: dict[str, str] = {}
    for match, actor in known:
        if actor.key not in roles:
            title = title_before(text, match.start, knowledge, lex)
            if title is not None and title.role_ar:
                roles[actor.key] = title.role_ar
    return roles


def _common_alone(match: Match[GazetteerEntry]) -> bool:
    """A one-word gazetteer form that is also a common word or too short to trust alone."""
    if match.words > 1:
        return False
    folded = fold(match.text)
    return len(folded) < 4 or folded in COMMON_WORDS or folded in NOT_NAME or common_shape(folded)


def _listed_people(text: str, knowledge: Knowledge, lex: Lexicon) -> list[tuple[Match, _Actor]]:
    """Gazetteer people, without those inside a listed body's name («مركز الملك سلمان») and
    without a common one-word form no title or earlier full name supports."""
    bodies = DisjointSpans()
    for match in _gazetteer_matcher(knowledge.organizations).finditer(text):
        if match.words > 1:
            bodies.merge(match.start, match.end)
    kept: list[tuple[Match, _Actor]] = []
    for match, actor in extract_gazetteer_actors(text, knowledge.people):
        if bodies.overlaps(match.start, match.end) or _after_particle(text, match.start):
            continue
        if names_a_place(text, match.start):
            continue  # «مطار الملك خالد»
        if match.words == 1 and _other_given_before(text, match.start, lex, actor.en):
            continue  # «بيل أوربان» is not Viktor Orban
        if (
            _common_alone(match)
            and not any(other.key == actor.key and earlier.words > 1 for earlier, other in kept)
            and title_before(text, match.start, knowledge, lex) is None
        ):
            continue
        kept.append((match, actor))
    return kept


def _other_given_before(text: str, start: int, lex: Lexicon, english: str) -> bool:
    """True when a known given name other than the listed person's own («بيل» before
    «أوربان», not «سيرجي» before «شويغو») stands right before ``start`` in the line."""
    gap = text[max(0, start - 20) : start]
    before = WORD.findall(gap)
    if not before or not within_line(gap[gap.rfind(before[-1]) + len(before[-1]) :] or " "):
        return False
    given = lex.given.get(fold(before[-1]))
    return given is not None and given.en.lower() != english.split()[0].lower()


def _after_particle(text: str, start: int) -> bool:
    """True when the word before ``start`` binds it into another name: «سعد بن متعب بن
    عبدالله» names Saad, not Mutaib."""
    before = WORD.findall(text[max(0, start - 12) : start])
    gap = text[max(0, start - 12) : start]
    return (
        bool(before)
        and fold(before[-1]) in BINDING
        and within_line(gap[gap.rfind(before[-1]) + len(before[-1]) :] or " ")
    )


def extract_people(
    text: str, knowledge: Knowledge
) -> tuple[tuple[ActorMention, ...], tuple[str, ...]]:
    """People in the brief, and the pattern-found names missing from the gazetteer."""
    occurrences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    actors: dict[str, tuple[str, str, bool, str | None]] = {}
    sources: dict[str, EnglishName] = {}
    lex = lexicon(knowledge)
    known = _listed_people(text, knowledge, lex)
    key_at: dict[int, str] = {}
    """The actor whose mention starts at an offset (the first one found there)."""
    for match, actor in known:
        occurrences[actor.key].append((match.start, match.text))
        key_at.setdefault(match.start, actor.key)
        actors[actor.key] = (actor.ar, actor.en, False, actor.role_en)
    roles = _stated_roles(text, knowledge, lex, known)
    taken = DisjointSpans()
    # Countries and bodies are not people: «جورج واشنطن» aside, a capital is a government.
    # «تركي بن محمد» is a man: a nationality adjective before بن is a given name.
    countries = [
        (m.start, m.end)
        for m in _country_matcher(knowledge.countries).finditer(text)
        if not _PATRONYMIC_AFTER.match(text, m.end)
    ]
    # A listed body's name is no person's: «مورغان ستانلي», «مؤسسة ...».
    bodies = [
        (m.start, m.end)
        for m in _gazetteer_matcher(knowledge.organizations).finditer(text)
        if m.words > 1
    ]
    for start, end in [(m.start, m.end) for m, _ in known] + countries + bodies:
        taken.merge(start, end)
    for start, word, entry, role_ar in titled_surnames(text, knowledge, lex, taken):
        occurrences[entry.id].append((start, word))
        actors.setdefault(entry.id, (entry.ar, entry.en, False, entry.role_en))
        roles.setdefault(entry.id, role_ar)
        key_at.setdefault(start, entry.id)
        taken.merge(start, start + len(word))
    for start, word, entry in spoken_surnames(
        text, _speech_verbs(knowledge), knowledge, lex, taken
    ):
        occurrences[entry.id].append((start, word))
        actors.setdefault(entry.id, (entry.ar, entry.en, False, entry.role_en))
        key_at.setdefault(start, entry.id)
        taken.merge(start, start + len(word))
    found = titled(text, knowledge, lex)
    found += _appositive(text, knowledge, lex) + _spoken(text, knowledge, lex)
    found += _between_commas(text, knowledge, lex)
    found += given_named(text, lex) + listed_names(text, lex)
    listed = listed_short_names(knowledge.people)
    for item in found:
        if taken.overlaps(item.start, item.end):
            # Already a known actor, or a span another pattern claimed: keep its role only.
            key = key_at.get(item.start)
            if key and item.role_ar:
                roles.setdefault(key, item.role_ar)
            continue
        taken.merge(item.start, item.end)
        listed_as = listed.get(short_form(name_words(item.name)))
        key = listed_as.id if listed_as else "name:" + phrase_key(item.name)
        if listed_as:
            actors.setdefault(key, (listed_as.ar, listed_as.en, False, listed_as.role_en))
        elif key not in actors:
            sources[key] = _english_name(item.name, knowledge, text, item.start)
            actors[key] = (item.name, sources[key].en, True, item.role_en)
        occurrences[key].append((item.start, item.name))
        key_at.setdefault(item.start, key)
        if item.role_ar:
            roles.setdefault(key, item.role_ar)
    add_partial_names(actors, occurrences, knowledge.spellings, roles)
    add_surnames(text, actors, occurrences, lex.given)
    candidates = [actors[key][0] for key in actors if key.startswith("name:")]
    mentions = []
    for key, spots in sorted(occurrences.items(), key=lambda item: min(s for s, _ in item[1])):
        ar, en, provisional, role_en = actors[key]
        spots.sort()
        forms = _unique(form for _, form in spots if phrase_key(form) != phrase_key(ar))
        if key.startswith("name:"):
            full = [form for _, form in spots if len(form.split()) >= len(ar.split())]
            shown = max(full, key=len) if full else ar
        elif all(" " not in form for _, form in spots):
            shown = max((form for _, form in spots), key=len)  # only «الرئيس هادي»: as written
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
