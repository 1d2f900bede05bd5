"""The patterns that find a person nobody listed: evidence next to name words.

A person mention is a run of name words (:mod:`builder.extract.name_words`) next to
evidence that it names a person:

- a title or role right before it, with only nationality adjectives, definite modifiers and
  honorifics between: «الجنرال تشانغ يوشيا», «اللواء ركن حمد بن علي العطية»;
- a role in apposition after it, past a comma: «بوني جينكينز، مسؤولة الحد من الأسلحة»;
- a known given name opening it: «لايل موريس», «ياسين التميمي».

A run follows how Arabic names are built: a particle (بن, أبو, عبد, آل, ولد) binds the next
word even when it has the article («فيصل بن الحسين», «عبد الرحمن»), «الله» and «الدين» close
a compound («نصر الله», «صلاح الدين»), and a family name with the article ends the run
(«محمد العاصمي»). It never ends on a particle and never crosses punctuation or a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.arabic import fold, strip_diacritics
from builder.extract.actors import country_adjectives
from builder.extract.matcher import WORD, phrase_key, within_line
from builder.extract.name_words import (
    COMMON_WORDS,
    NameWords,
    Word,
    hamza_key,
    has_article,
    table_tokens,
    words_of,
)
from builder.extract.stopwords import (
    GOD_NAMES,
    NOT_FAMILY,
    NOT_NAME,
    NOT_PERSON_CONTEXT,
    PLAIN_NISBAS,
)
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, GivenName, Knowledge

BINDING = frozenset(
    fold(word)
    for word in [
        "بن", "ابن", "بنت", "أبو", "ابو", "آل", "عبد", "ولد", "ذو", "دي", "فون", "دا", "أبي",
    ]
)  # fmt: skip
"""Particles that bind the next word into the name: «بن سلمان», «عبد الله», «فون دير لاين»."""

COMPOUND_SECOND = frozenset(fold(word) for word in ["الله", "الدين", "الإسلام"])
"""Second words of compound names: «نصر الله», «صلاح الدين», «سيف الإسلام»."""


_JOINED = frozenset(fold(word) for word in ["عبد", "أبو", "ابو"])
"""Particles written either apart or joined to the next word: «عبد ربه» / «عبدربه»."""


def name_words(name: str) -> tuple[str, ...]:
    """A name's folded words, with «عبد»/«أبو» joined to the next word."""
    words: list[str] = []
    for word in WORD.findall(name):
        folded = fold(word)
        if words and words[-1] in _JOINED:
            words[-1] += folded
        else:
            words.append(folded)
    return tuple(words)


def short_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's folded words without its patronymics and a leading royal title: «عادل بن
    أحمد الجبير» -> «عادل الجبير», «الملك سلمان بن عبدالعزيز» -> «سلمان»."""
    kept: list[str] = []
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
        elif index and word in PATRONYMIC:
            skip = True
        elif not (index == 0 and word in _TITLE_WORDS):
            kept.append(word)
    return tuple(kept)


PATRONYMIC = frozenset(fold(word) for word in ["بن", "ابن", "بنت"])
_BIN = fold("بن")
_TITLE_WORDS = frozenset(fold(word) for word in ["الملك", "الأمير", "الشيخ", "السلطان"])


MAX_NAME_WORDS = 8
"""Words in one person's name at most («محمد بن سلمان بن عبد العزيز آل سعود» has 7)."""

MAX_MODIFIERS = 5
"""Definite modifiers at most between a title and a name («اللواء الركن»)."""


@dataclass(frozen=True)
class Found:
    """A person mention a pattern found: span, name as written and the role stated with it."""

    start: int
    end: int
    name: str
    role_ar: str | None
    role_en: str | None


@dataclass(frozen=True)
class Lexicon:
    """Folded word sets the name patterns consult, built once per knowledge base."""

    given: dict[str, GivenName]
    role_heads: frozenset[str]
    country_words: frozenset[str]
    adjectives: dict[str, CountryEntry]
    """Every inflected nationality adjective (the lookup the country extractor uses)."""
    words: NameWords


def lexicon(knowledge: Knowledge) -> Lexicon:
    """The lexicon of a knowledge base (cached on its vocabularies)."""
    return _build_lexicon(
        knowledge.given_names,
        knowledge.roles,
        knowledge.countries,
        knowledge.people,
        knowledge.speech.verbs,
    )


@by_identity
def _build_lexicon(
    given_names: tuple, roles: tuple, countries: tuple, people: tuple, verbs: tuple
) -> Lexicon:
    given: dict[str, GivenName] = {}
    spellings: list[str] = []
    for name in given_names:
        for form in (name.ar, *name.variants):
            given.setdefault(phrase_key(form), name)
            spellings.append(form)
    heads: set[str] = set()
    bare_heads: set[str] = set()
    for role in roles:
        head = phrase_key(role.ar).split()[0].removeprefix("ال")
        # The feminine of a title (مديرة, مسؤولة) heads an apposition just as well.
        heads.update((head, head if head.endswith("ه") else head + "ه"))
        if role.bare or not role.ar.startswith("ال"):
            bare_heads.update((head, head if head.endswith("ه") else head + "ه"))
    country_words = set()
    for country in countries:
        for form in (country.ar, *country.names, *country.capitals):
            key = phrase_key(form)
            if " " not in key:
                country_words.add(key)
    for person in people:
        spellings += [person.ar, *person.variants]
    tokens = {fold(word) for form in spellings for word in WORD.findall(form)}
    known = tokens - NOT_NAME - {fold(word) for word in ("الملك", "الأمير")}
    adjectives = country_adjectives(countries)
    speech = {fold(verb) for verb in verbs}
    # A title is never a name word, even where a listed name has it («أمير» in
    # «حسين أمير عبد اللهيان»: the gazetteer finds him); a country word only where no
    # listed name has it.
    # A title matched only with its article («الرائد») leaves its bare word a name («رائد»).
    excluded = frozenset(bare_heads | speech | ((country_words | set(adjectives)) - tokens))
    hamza = frozenset(
        hamza_key(word)
        for form in spellings
        for word in WORD.findall(form)
        if set("ئؤ") & set(word[1:])
    )
    return Lexicon(
        given, frozenset(heads), frozenset(country_words), adjectives,
        NameWords(frozenset(known), excluded, hamza, table_tokens()),
    )  # fmt: skip


def family_name(word: str, lex: Lexicon) -> bool:
    """A family name with the article that can close a name: a nisba in -ي that is not a
    common adjective («التميمي», not «العسكري»), or a word a name table knows («الجبير»)."""
    folded = fold(word)
    if not has_article(word) or len(folded) < 5 or folded in lex.adjectives:
        return False
    if folded in lex.words.known:
        return True
    # The nisba ends in ي; «المستوى» (alef maqsura, folded alike) is a noun.
    nisba = strip_diacritics(word).endswith("ي")
    return nisba and folded not in PLAIN_NISBAS and folded[2:] not in NOT_NAME


def name_run(
    words: Sequence[Word],
    first: int,
    lex: Lexicon,
    text: str,
    unknown: int = 2,
    titled: bool = False,
) -> int:
    """The index after the last word of the name starting at ``words[first]`` (``first``
    itself when no name starts there). At most ``unknown`` words in a row that no name
    table knows: after «جيمس بيرنز» the next word is a verb more often than a name."""
    is_name = lex.words.is_name_word
    is_known = lex.words.is_known
    head = fold(words[first][2])
    if head in PATRONYMIC:
        return first  # «بن محمد ...» without the name it is the son of
    named = (
        head in BINDING or head in lex.given or is_name(words[first][2], first=True, titled=titled)
    )
    if titled and not named and strip_diacritics(words[first][2]).endswith("ة"):
        # «الصحفية بسمة الجبوري»: after a title, a woman's name in -ة that the tables know,
        # followed by a family name (a noun in -ة opens no name elsewhere: «رسالة»).
        nxt = words[first + 1][2] if first + 1 < len(words) else ""
        named = is_known(head) and head not in COMMON_WORDS | NOT_NAME and family_name(nxt, lex)
    if not named and not (
        # «تركي بن محمد»: a nationality adjective is a given name before بن.
        head in lex.adjectives
        and not has_article(words[first][2])
        and first + 1 < len(words)
        and fold(words[first + 1][2]) in PATRONYMIC
    ):
        return first
    last = first
    strangers = 0 if is_known(head) or head in lex.given or head in BINDING else 1
    while last + 1 < len(words) and last + 1 - first < MAX_NAME_WORDS:
        if not within_line(text[words[last][1] : words[last + 1][0]]):
            break
        word = words[last + 1][2]
        folded, previous = fold(word), fold(words[last][2])
        if previous in BINDING:
            # «أبو مرزوق»: after a particle, a word a name table knows despite its shape.
            if not (is_name(word) or has_article(word) or folded in lex.given or is_known(word)):
                break
            if (
                previous in PATRONYMIC
                and has_article(word)
                and not _binds_on(words, last + 2, text)
            ):
                last += 1
                break  # «عمر بن الخطاب» ends there, unless another بن follows
        elif folded in COMPOUND_SECOND and (folded != fold("الله") or previous in GOD_NAMES):
            pass  # «صلاح الدين», «نصر الله»; not «أكرم الله» (a prayer)
        elif folded in BINDING or folded in lex.given or (is_known(folded) and is_name(word)):
            strangers = 0
        elif (
            is_name(word) and strangers < unknown and _plausible(folded, last + 1 - first, unknown)
        ):
            strangers += 1
        elif (family_name(word, lex) or _table_family(words, last + 1, lex, titled)) and (
            titled or any(lex.words.is_known(w[2]) for w in words[first : last + 1])
        ):
            # A family name with the article closes a name after a title or with a known
            # name in it: «العقيد محمد العاصمي», not «تشي الشيوعي»; a «بن» after it carries
            # the name on («زين العابدين بن علي»), an «ابن» describes («... ابن الأحساء»).
            last += 1
            if not (_binds_on(words, last + 1, text) and fold(words[last + 1][2]) == _BIN):
                break
            continue
        else:
            break
        last += 1
    while last >= first and fold(words[last][2]) in BINDING:
        last -= 1
    return last + 1


def _table_family(words: Sequence[Word], index: int, lex: Lexicon, titled: bool) -> bool:
    """«خالد بن محمد العطية», «اللواء سامر الخطيب»: after «بن» and the father's name, or
    after a given name a title introduces, a word with the article that a name table knows
    as a whole, on a stem that can be a name, is the family name, though it is no nisba.
    Not a weekday or a date word: «محمد بن سلمان الجمعة» is Friday."""
    word = words[index][2]
    folded = fold(word)
    patronymic = index >= 2 and fold(words[index - 2][2]) in PATRONYMIC
    # After a title, only right after a known given name: «بنجران المقدم» is a place and a
    # rank, «وملوك وزعماء العالم» no name at all.
    given_before = titled and index >= 1 and fold(words[index - 1][2]) in lex.given
    if not (patronymic or given_before) or not has_article(word):
        return False
    if folded in lex.adjectives or folded in NOT_FAMILY or len(folded) < 5:
        return False
    return folded in lex.words.table and lex.words.is_name_word(strip_diacritics(word)[2:])


def attested(name: str, lex: Lexicon) -> bool:
    """True when a name table knows a word of ``name``, or when the package has no
    name-spelling table (then a title or a role is evidence enough)."""
    if not lex.words.table:
        return True
    return any(
        lex.words.is_known(word) or fold(word) in lex.given
        for word in WORD.findall(name)
        if fold(word) not in BINDING
    )


def _binds_on(words: Sequence[Word], index: int, text: str) -> bool:
    """True when ``words[index]`` is a particle that carries the name on, in the same line."""
    return (
        index < len(words)
        and fold(words[index][2]) in BINDING | COMPOUND_SECOND
        and within_line(text[words[index - 1][1] : words[index][0]])
    )


def given_named(text: str, lex: Lexicon) -> list[Found]:
    """A known given name opening a name of two words or more."""
    given = lex.given
    words = list(words_of(text))  # a name after و/ب loses that letter below
    results = []
    index = 0
    while index < len(words):
        word = words[index][2]
        folded = fold(word)
        skip = 0
        if folded not in given and folded[:1] in "وفبل" and fold(word[1:]) in given:
            skip = 1
        if fold(word[skip:]) not in given or (index and names_a_place(text, words[index][0])):
            index += 1
            continue
        if skip:
            words[index] = (words[index][0] + 1, words[index][1], word[1:])
        # With a name table, the words after a given name must be names it knows: «منصور
        # ربما», «عمران جيدا» are a name and a common word.
        end = name_run(words, index, lex, text, unknown=0 if lex.words.table else 1)
        if end == index or len(name_words(text[words[index][0] : words[end - 1][1]])) < 2:
            index += 1
            continue
        begin, stop = words[index][0], words[end - 1][1]
        results.append(Found(begin, stop, text[begin:stop], None, None))
        index = end
    return results


def names_a_place(text: str, start: int) -> bool:
    """True when the word before ``start`` (or before the title there) makes what follows
    a place or a thing named after a person: «مطار الملك خالد», «مركز الملك سلمان»."""
    before = WORD.findall(text[max(0, start - 30) : start])
    if len(before) >= 2 and fold(before[-1]) in _TITLE_WORDS:
        before = before[:-1]
    # «وادي» is a valley, not «و» and «ادي»: the word as written is tried first.
    return bool(before) and (
        fold(before[-1]) in NOT_PERSON_CONTEXT or _bare(before[-1]) in NOT_PERSON_CONTEXT
    )


def _plausible(folded: str, position: int, unknown: int) -> bool:
    """Whether a word no table knows may stand at ``position`` (0 = first) of a name: from
    the third word on (and from the second after a given name, ``unknown`` 1 or less) it
    has four letters or more and no conjunction: «بيتر ماور وصل», «منصور حصل»."""
    if position < 2 and unknown > 1:
        return True
    return len(folded) >= 4 and folded[0] != "و"


def _bare(word: str) -> str:
    """A folded word without an attached و/ف (وهو -> هو, وقال -> قال)."""
    folded = fold(word)
    return folded[1:] if folded[:1] in "وف" and len(folded) > 3 else folded
