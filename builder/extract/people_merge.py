"""One person, one entry per brief: short forms join the full name they stand for.

- A title before a listed person's family name is that person: «الرئيس هادي», «الوزير
  ظريف»; a royal title before a listed ruler's first name too: «الملك سلمان».
- A partial name found by a pattern joins the fuller name it stands inside when exactly one
  person in the brief has it: «منصور هادي» in «عبد ربه منصور هادي».
- A family name alone, later in the brief, joins the one person who bears it: «هادي».

Spellings fold together: «عبد ربه» and «عبدربه», «أبو بكر» and «أبوبكر» compare alike. A
word that is part of a compound or a patronymic («الله» in «نصر الله», «العزيز» in «بن عبد
العزيز», «الثاني» in «عبد الله الثاني») is never a family name on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from builder.arabic import fold, strip_diacritics
from builder.extract.actors import _role_matcher, _words_after
from builder.extract.matcher import WORD, phrase_key, within_line
from builder.extract.name_words import COMMON_WORDS, common_shape
from builder.extract.people_names import (
    BINDING,
    COMPOUND_SECOND,
    Lexicon,
    has_article,
    name_words,
    names_a_place,
    short_form,
    words_of,
)
from builder.extract.spans import DisjointSpans
from builder.extract.stopwords import HONORIFICS, NOT_NAME, PLAIN_NISBAS
from builder.extract.titled_names import skip_modifiers
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import GazetteerEntry, Knowledge

Occurrences = dict[str, list[tuple[int, str]]]

_TITLES = frozenset(fold(word) for word in ["الشيخ", "الأمير", "الملك", "السلطان", "الإمام"])

_FAMILY_FIRST = frozenset({"CN", "TW", "HK", "KP", "KR", "VN"})

_MONARCHS = ("King", "Sultan")

_ROYAL = ("King", "Prince", "Emir", "Sultan", "Sheikh", "Crown Prince")


def surname_of(name: str, given: Iterable[str] = ()) -> str | None:
    """The folded family name a name can be referred to by alone, if it has one: not a
    patronymic's or a compound's last word, not a common word, not a ``given`` name
    («أحمد» alone is not «إسماعيل ولد الشيخ أحمد»)."""
    words = [fold(word) for word in WORD.findall(name)]
    if len(words) < 2 or words[-2] in BINDING:
        return None
    last = words[-1]
    if last in given or last in HONORIFICS or last in _TITLES:
        return None  # «الشيخ» alone is a title, not «حسين الشيخ»
    if len(last) < 4 or last in COMPOUND_SECOND or last in PLAIN_NISBAS:
        return None
    if last in NOT_NAME or last in COMMON_WORDS or common_shape(last):
        return None
    return last


def contained_name(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is a shorter form of the name ``long``: its head («عبد ربه
    منصور»), its tail («منصور هادي»), or its first and last words with some of the middle
    («عبد ربه هادي»). A run from the middle is another man: «حمد بن علي» inside «علي بن حمد
    بن علي آل مبارك» is the father, not the son."""
    size = len(short)
    if size >= len(long):
        return False
    if long[:size] == short or long[-size:] == short:
        return True
    # «عبد ربه هادي» in «عبد ربه منصور هادي»: the same first and last word, in order.
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])


def add_partial_names(
    actors: dict[str, tuple[str, str, bool, str | None]],
    occurrences: Occurrences,
    spellings: dict[str, tuple[str, ...]],
    roles: dict[str, str],
) -> None:
    """Move a pattern-found partial name of two words or more into the one fuller name of
    the brief it stands inside."""
    forms = {
        key: {name_words(form) for form in (*spellings.get(key, ()), actors[key][0])}
        | {name_words(form) for _, form in occurrences[key]}
        for key in actors
    }
    for names in forms.values():
        names |= {short_form(name) for name in names}
    for key in sorted(actors, key=lambda k: len(name_words(actors[k][0]))):
        if not key.startswith("name:") or key not in occurrences:
            continue
        own = name_words(actors[key][0])
        short = short_form(own)
        if len(own) < 2:
            continue
        hosts = [
            other
            for other in actors
            if other != key and other in occurrences
            and any(contained_name(own, form) or short == form for form in forms[other])
        ]  # fmt: skip
        if len(hosts) != 1:
            continue
        host = hosts[0]
        occurrences[host].extend(occurrences.pop(key))
        if key in roles:
            roles.setdefault(host, roles.pop(key))
        del actors[key]


def add_surnames(
    text: str,
    actors: dict[str, tuple[str, str, bool, str | None]],
    occurrences: Occurrences,
    given: Iterable[str] = (),
) -> None:
    """A family name alone refers to the one person of the brief named in full with it."""
    bearers: dict[str, set[str]] = defaultdict(set)
    originals: dict[str, str] = {}
    for key, (ar, *_rest) in actors.items():
        for name in (ar, *(form for _, form in occurrences.get(key, ()))):
            surname = surname_of(name, given)
            if surname:
                bearers[surname].add(key)
                originals.setdefault(surname, WORD.findall(name)[-1])
    if not bearers:
        return
    named = DisjointSpans()
    for spots in occurrences.values():
        for start, form in spots:
            named.merge(start, start + len(form))
    for found in WORD.finditer(text):
        word = found.group(0)
        # Most words are no family name: looked up first, before the spans are.
        if fold(word) not in bearers and fold(word[1:]) not in bearers:
            continue
        if named.overlaps(found.start(), found.start() + 1):
            continue
        for skip, reading in ((0, word), (1, word[1:])):
            keys = bearers.get(fold(reading), set())
            if len(keys) != 1 or _hamza_differs(reading, originals[fold(reading)]):
                continue
            occurrences[next(iter(keys))].append((found.start() + skip, reading))
            break


def _hamza_differs(written: str, listed: str) -> bool:
    """«هادئ» (calm) is not «هادي»: a hamza the listed name does not have."""
    plain, name = strip_diacritics(written), strip_diacritics(listed)
    return any(letter in plain and letter not in name for letter in "ئؤء")


@by_identity
def _gazetteer_short_names(
    people: tuple[GazetteerEntry, ...],
) -> tuple[dict[str, tuple[GazetteerEntry, ...]], dict[str, tuple[GazetteerEntry, ...]]]:
    """Family name -> listed people who bear it; first name -> listed rulers with it."""
    by_surname: dict[str, list[GazetteerEntry]] = defaultdict(list)
    by_first: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in people:
        # A Chinese or Korean name opens with the family name: its last word is no surname.
        family_first = entry.country in _FAMILY_FIRST
        forms = () if family_first else (entry.ar, *entry.variants)
        surnames = {surname_of(form) for form in forms} - {None}
        for surname in surnames:
            by_surname[str(surname)].append(entry)
        # A king or a sultan is one man per country; princes and sheikhs share first names.
        if any(title in f"{entry.en} {entry.role_en or ''}" for title in _MONARCHS):
            words = [fold(w) for w in WORD.findall(entry.ar)]
            words = [w for w in words if w not in (fold("الملك"), fold("الأمير"), fold("الشيخ"))]
            if words:
                by_first[words[0]].append(entry)
    return (
        {key: tuple(value) for key, value in by_surname.items()},
        {key: tuple(value) for key, value in by_first.items()},
    )


def _names_on(word: str, lex: Lexicon) -> bool:
    """True when ``word`` continues a name: a particle, a word a name table knows, or a
    family name with the article («الفريق مشعل الزبن» is not Khaled Meshaal)."""
    folded = fold(word)
    if folded in BINDING or folded in lex.given or folded in lex.words.known:
        return True
    return (
        has_article(word)
        and folded not in lex.adjectives
        and folded not in NOT_NAME
        and folded not in COMMON_WORDS
        and folded[2:] not in COMMON_WORDS
    )


def _continues(word: str, lex: Lexicon) -> bool:
    """True when ``word`` may be the next word of a name, so a word before it is no family
    name standing alone."""
    return _names_on(word, lex) or lex.words.is_name_word(word)


def _fits(title: str, entry: GazetteerEntry) -> bool:
    """True when a title agrees with a listed person's role: «الرئيس هادي» (President of
    Yemen), «الوزير ظريف» (Foreign Minister), not «الرئيس سلام» for a prime minister."""
    return title.lower() in f"{entry.en} {entry.role_en or ''}".lower()


def titled_surnames(
    text: str, knowledge: Knowledge, lex: Lexicon, taken: DisjointSpans
) -> list[tuple[int, str, GazetteerEntry, str]]:
    """(start, word, person, role as written) for each title followed by one listed person's
    family name alone («الرئيس هادي»), or a royal title by a listed ruler's first name."""
    by_surname, by_first = _gazetteer_short_names(knowledge.people)
    results = []
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        if names_a_place(text, role_match.start):
            continue
        following = _words_after(text, role_match.end, 10)
        index = skip_modifiers(following, lex)
        if index >= len(following) or taken.overlaps(following[index][0], following[index][1]):
            continue
        start, _, word = following[index]
        if index + 1 < len(following) and _continues(following[index + 1][2], lex):
            continue  # «العقيد سعيد سرحان»: a fuller name, which the name patterns read
        key = phrase_key(word)
        if role_match.payload.en in _ROYAL:
            entries = by_first.get(key, ())  # «الأمير مشعل» is a prince, not Meshaal
        else:
            entries = () if key in lex.given else by_surname.get(key, ())
        if len(entries) != 1 or not _fits(role_match.payload.en, entries[0]):
            continue
        role_end = following[index - 1][1] if index else role_match.end
        results.append((start, word, entries[0], text[role_match.start : role_end]))
    return results + _described_surnames(text, by_surname, lex, taken)


_DESCRIPTORS = frozenset(fold(word) for word in ["المخلوع", "المعزول", "الراحل"])
"""Words that stand for a title before a known leader's family name: «المخلوع صالح» (the
deposed), «المعزول مرسي», «الراحل عرفات»."""


def _described_surnames(
    text: str,
    by_surname: dict[str, tuple[GazetteerEntry, ...]],
    lex: Lexicon,
    taken: DisjointSpans,
) -> list[tuple[int, str, GazetteerEntry, str]]:
    """(start, word, person, descriptor) for a descriptor of :data:`_DESCRIPTORS` followed
    by one listed person's family name alone, the name ending there."""
    results = []
    words = words_of(text)
    for index, (_, end, word) in enumerate(words[:-1]):
        if fold(word) not in _DESCRIPTORS:
            continue
        next_start, next_end, surname = words[index + 1]
        if not within_line(text[end:next_start]) or taken.overlaps(next_start, next_end):
            continue
        if index + 2 < len(words) and _continues(words[index + 2][2], lex):
            continue  # «المخلوع علي عبدالله صالح» is read whole by the gazetteer
        key = phrase_key(surname)
        entries = () if key in lex.given else by_surname.get(key, ())
        if len(entries) == 1:
            results.append((next_start, surname, entries[0], word))
    return results


def spoken_surnames(
    text: str, verbs: frozenset[str], knowledge: Knowledge, lex: Lexicon, taken: DisjointSpans
) -> list[tuple[int, str, GazetteerEntry]]:
    """(start, word, person) for one listed person's family name alone after a speech verb
    («وأضاف عسيري أن ...») or before a title in apposition («وسليماني رئيس الحرس»). A
    family name that is a given name or a common word has none (:func:`surname_of`)."""
    by_surname, _ = _gazetteer_short_names(knowledge.people)
    words = words_of(text)
    results = []
    for index in range(1, len(words)):
        start, end, word = words[index]
        skip = 0
        key = phrase_key(word)
        if key not in by_surname and key[:1] in "وف" and key[1:] in by_surname:
            skip, key = 1, key[1:]
        entries = () if key in lex.given else by_surname.get(key, ())
        if len(entries) != 1 or taken.overlaps(start, end):
            continue
        verb = fold(words[index - 1][2])
        spoken = (verb in verbs or (verb[:1] in "وف" and verb[1:] in verbs)) and within_line(
            text[words[index - 1][1] : start]
        )
        following = words[index + 1] if index + 1 < len(words) else None
        titled = (
            following is not None
            and within_line(text[end : following[0]])
            and fold(following[2]).removeprefix("ال") in lex.role_heads
        )
        if not (spoken or titled):
            continue
        if not titled and following is not None and _continues(following[2], lex):
            continue
        results.append((start + skip, word[skip:], entries[0]))
    return results


@by_identity
def listed_short_names(people: tuple[GazetteerEntry, ...]) -> dict[tuple[str, ...], GazetteerEntry]:
    """Short form (:func:`short_form`, two words or more) -> the one listed person with it:
    «عادل بن أحمد الجبير» found by a pattern is the listed «عادل الجبير»."""
    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    by_id = {entry.id: entry for entry in people}
    for entry in people:
        for form in (entry.ar, *entry.variants):
            short = short_form(name_words(form))
            if len(short) >= 2:
                found[short].add(entry.id)
    return {short: by_id[next(iter(ids))] for short, ids in found.items() if len(ids) == 1}
