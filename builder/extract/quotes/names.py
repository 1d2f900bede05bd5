"""Named speakers the brief does not list: their English, and their surname later on.

A speaker phrase that is a person's name («علي الردفاني», «برهان غليون»), or ends in one
after a title («زعيم الطائفة ... مولوي عبدالحميد», «اللواء الروقي»), names someone the
extraction did not make an actor. The speaker keeps the name in Arabic and gets the English
of :func:`builder.extract.spellings.english_name` (the editors' given names, the public
name table, else a romanization), marked as provisional, with its ``en_source``
(``name-table`` or ``romanized``) so the page says it is a transliteration.

The English label is the name alone: a rank or a title before it («اللواء», «الشيخ») stays
in the Arabic shown beside it, so the speaker is listed and searched by the name ("al-Ruqi",
filed under R), as the quote index files speakers.

What is a name: every word is a plain Arabic word that no list of the project reads as
something else (a particle or common word of :data:`builder.extract.stopwords.NOT_NAME`, a
title of ``roles.yaml``, a source noun, descriptor or speech verb of ``speech.yaml``, a
nationality, a country, a capital or a dateline town), and the first word, unless a rank
stands before it, is a name the lists know (names.yaml's given names, the name spellings
table). The table lists many common words too, so the shapes of common words are refused
(:func:`_name_shaped`: an attached preposition, a pronoun ending, a conjunction inside, an
article on a later word that is neither a nisba nor listed so), and so is a phrase holding a
quotation mark, a comma or a full stop. A phrase of common words («المتهمان», «بيان للدول
الثلاث») is no name and gets no English from here. Known limits: a family name that is a
given name with the article and not in the table («العمر») is refused; a name whose first
word no list holds («ارجش كارزان») is not recognised.

A surname alone («وقال عسيري») is the named speaker of an earlier quote whose name ends with
it, else the one full name the text gives for it (:func:`join_surnames`, run over a brief's
quotes once they are found); with neither, it keeps its Arabic without English (a lone word
the table spells may be a common word).
"""

from __future__ import annotations

import re

from builder.arabic import fold, fold_keep_length, strip_diacritics
from builder.extract.actors import country_adjectives
from builder.extract.matcher import phrase_key
from builder.extract.quotes.labels import describes
from builder.extract.spellings import english_name
from builder.extract.stopwords import NOT_NAME
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, GivenName, Knowledge, Role
from builder.model import Quote, Speaker
from builder.speech_words import Gloss

_ALI = "علي"
_PUNCTUATION = " ،,.:؛;()«»\"'!؟?"
_MAX_WORDS = 5
"""A name in a speaker phrase: given name, father's, grandfather's, family (بن counted)."""
_PARTICLES = {fold(word) for word in ["بن", "ابن", "بنت", "أبو", "أبي", "آل", "عبد"]}
"""Name particles: in a name, never its first word alone (except أبو, عبد)."""
_OPENING_PARTICLES = {fold(word) for word in ["أبو", "عبد"]}
_COMMON = {
    fold(word)
    for word in [
        "بيان", "بيانان", "تقرير", "رسالة", "الرسالة", "وثيقة", "مصدر", "مصادر", "المتهم",
        "المتهمان", "المتهمين", "المتهمون", "الطرفان", "الجانبان", "الدول", "دول", "الثلاث",
        "صدر", "صادر", "صادران", "صادرة", "مقالات", "ومقالات", "أمرا", "جيدا", "المؤسسة",
        "النظام", "السلاح", "الحكومة", "الجيش", "الشرطة", "الرئيس", "الملك", "الأمير",
        "زعيم", "قائد", "رئيس", "وزير", "نائب", "عضو", "مدير", "سفير", "ممثل", "أخرى", "آخر",
        "رسول", "صلى", "خادم", "حاكم", "نظام", "عدة", "مرة", "آخرون", "آخرين", "أما", "إما",
        "بعض", "بعضهم", "أي", "كلام", "بنك", "هاتف", "رحمه", "آية", "نيوز", "تايمز", "بوست",
        "غروب", "إنرجي", "انترناشونال",
        # verbs of the news that the table spells as names («أدان» Adan, «حرص» Hars)
        "أدان", "أدانت", "ندد", "نددت", "استنكر", "رحب", "رحبت", "طالب", "طالبت", "أشاد",
        "أشادت", "حرص", "حرصت", "التقى", "استقبل", "زار", "بحث", "وصل", "غادر", "توقيت",
    ]
}  # fmt: skip
"""Common words the name table also lists (it holds «بيان» Bayan, «أمين» Amin) that, in a
speaker phrase, are a noun, not a name; a title's first word is one."""


def _clean(word: str) -> str:
    return strip_diacritics(word.strip(_PUNCTUATION))


@by_identity
def _role_words(roles: tuple[Role, ...]) -> frozenset[str]:
    """Every word of every title of ``roles.yaml``, folded, with and without the article."""
    words = set()
    for role in roles:
        for word in phrase_key(role.ar).split():
            words |= {word, word.removeprefix("ال")}
    return frozenset(words)


@by_identity
def _source_words(sources: tuple[Gloss, ...]) -> frozenset[str]:
    """The folded words of ``speech.yaml``'s source nouns (مصادر, مسؤولون, شهود)."""
    words = set()
    for source in sources:
        for word in phrase_key(source.ar).split():
            words |= {word, word.removeprefix("ال")}
    return frozenset(words)


@by_identity
def _plain_answers(knowledge: Knowledge) -> dict[str, bool]:
    """The answers of :func:`_plain_word` for one knowledge base: looking a word up in every
    list costs more than the rest of a speaker's reading, and the same words come back in
    every quote."""
    return {}


def _plain_word(word: str, knowledge: Knowledge) -> bool:
    """A word that may be part of a name: Arabic letters only, and no list reads it as a
    particle, a title, a source, a descriptor or a nationality."""
    answers = _plain_answers(knowledge)
    if word not in answers:
        if len(answers) > 65536:
            answers.clear()
        answers[word] = _looks_plain(word, knowledge)
    return answers[word]


def _looks_plain(word: str, knowledge: Knowledge) -> bool:
    key = fold(word)
    if len(key) < 2 or not key.isalpha() or not all("\u0600" <= c <= "\u06ff" for c in key):
        return False
    if strip_diacritics(word) == _ALI:
        return True  # «علي» folds as the preposition «على» does; written so, it is the name
    bare = key[1:] if key.startswith("و") and len(key) > 3 else key
    if place_after_preposition(key, knowledge):
        return False
    adjectives = country_adjectives(knowledge.countries)
    return not any(
        form in NOT_NAME
        or form in _places(knowledge.countries)
        or form in _towns(knowledge.outlets.places)
        or form in _COMMON
        or form in _role_words(knowledge.roles)
        or form in _source_words(knowledge.speech.sources)
        or form in _verb_words(knowledge.speech.verbs)
        or form in _naming_words(knowledge.speech.name_words)
        or form in adjectives
        or describes(form, knowledge)
        for form in {key, bare, _unprefixed(key)}
    )


def _unprefixed(key: str) -> str:
    """The word without an attached ب/ل/ف/ك when what is left is a particle («بذلك»)."""
    return key[1:] if key[:1] in "بلفك" and key[1:] in NOT_NAME else key


@by_identity
def _verb_words(verbs: tuple[str, ...]) -> frozenset[str]:
    """The folded speech verbs of ``speech.yaml`` (يرى, قال): a verb is no name."""
    return frozenset(fold(verb) for verb in verbs)


@by_identity
def _naming_words(name_words: tuple[str, ...]) -> frozenset[str]:
    """The one-word heads of ``speech.yaml``'s naming words (شبكة, نادي, حركة): a body's
    name, not a person's; but for the few that are also common given names."""
    heads = {fold(word) for word in name_words if " " not in word}
    return frozenset(heads - _GIVEN_TOO)


_GIVEN_TOO = {fold(word) for word in ["وادي"]}
"""Naming words that are also names people carry (Wadi). «أمير» and «باسم» are refused
anyway as words of titles (roles.yaml): a known limit."""


def place_after_preposition(key: str, knowledge: Knowledge) -> bool:
    """True when the folded word is a place with an attached preposition («بتونس»,
    «لبغداد»): it ends a phrase, it opens no name."""
    return key[:1] in "بلفك" and (
        key[1:] in _places(knowledge.countries) or key[1:] in _towns(knowledge.outlets.places)
    )


@by_identity
def _towns(places: tuple[str, ...]) -> frozenset[str]:
    """The folded one-word towns of ``outlets.yaml``'s dateline places (عدن, جدة)."""
    return frozenset(phrase_key(place) for place in places if " " not in place.strip())


@by_identity
def _places(countries: tuple[CountryEntry, ...]) -> frozenset[str]:
    """The folded one-word names of countries and capitals (إيران, بروكسل)."""
    names = (name for c in countries for name in (c.ar, *c.names, *c.capitals))
    return frozenset(phrase_key(name) for name in names if " " not in name.strip())


def trailing_name(phrase: str, knowledge: Knowledge, *, loose: bool = False) -> str | None:
    """The name that ends a description («زعيم العشيرة في المحافظة الشيخ سالم الهاشمي»):
    the longest run of two to four last words that is a name (:func:`is_name`, ``loose``
    when nothing else in the phrase is read)."""
    words = phrase.strip(_PUNCTUATION).split()
    for size in range(min(4, len(words) - 1), 1, -1):
        name = " ".join(words[-size:])
        if is_name(name, knowledge, loose=loose):
            return name.strip(_PUNCTUATION)
    return None


def leading_name(phrase: str, knowledge: Knowledge) -> str | None:
    """The name that opens a phrase, before its title («راجح بادي الناطق باسم الحكومة»,
    «دوري جولد مدير عام الوزارة»): the longest run of two to four first words that is a
    name, ended by the phrase's end, a comma, a word with the article or a title's word."""
    words = phrase.strip(_PUNCTUATION).split()
    for size in range(min(4, len(words)), 1, -1):
        if size < len(words):
            following = fold(_clean(words[size]))
            ended = words[size - 1].endswith(("،", ","))
            if not (
                ended
                or following.startswith("ال")
                or following in _role_words(knowledge.roles)
                or following in _FOLLOWERS
            ):
                continue
        name = " ".join(words[:size])
        if is_name(name, knowledge):
            return name.strip(_PUNCTUATION)
    return None


_FOLLOWERS = {fold(word) for word in ["في", "من", "عن", "لدى", "ب", "وهو", "الذي"]}
"""Words that may follow a name in a speaker phrase: «القيادي سالم كرزاني في الحركة»."""


_HONORIFICS = {
    fold(word).removeprefix("ال")
    for word in ["الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "الملا"]
}
"""Honorifics that open a speaker phrase before a name («الشيخة لبنى القاسمي وزيرة ...»)."""


def after_title(phrase: str, knowledge: Knowledge) -> str | None:
    """The name right after the title, honorific or source noun that opens the phrase
    («القيادي سالم كرزاني في الحركة»): a title of ``roles.yaml``, an honorific
    (:data:`_HONORIFICS`) or a noun of ``speech.yaml``'s sources."""
    words = phrase.split()
    if len(words) < 3:
        return None
    head = fold(_clean(words[0])).removeprefix("ال")
    heads = _role_words(knowledge.roles) | _source_words(knowledge.speech.sources)
    if head not in heads and head not in _HONORIFICS:
        return None
    return leading_name(" ".join(words[1:]), knowledge)


def _known_given(word: str, knowledge: Knowledge) -> bool:
    """The word is a name the lists spell: a given name of names.yaml or a token of the
    name spellings table."""
    key = fold(word)
    if key in _OPENING_PARTICLES or key.startswith(("عبد", "ابو")):
        return True
    return key in _given(knowledge.given_names) or key in knowledge.name_spellings


@by_identity
def _given(given_names: tuple[GivenName, ...]) -> frozenset[str]:
    """The folded given names of names.yaml, variants included."""
    return frozenset(fold(form) for name in given_names for form in (name.ar, *name.variants))


def _listed(key: str, knowledge: Knowledge) -> bool:
    """The folded word is in the given names or the name spellings table, as written."""
    return key in _given(knowledge.given_names) or key in knowledge.name_spellings


def _name_shaped(word: str, index: int, knowledge: Knowledge, loose: bool = False) -> bool:
    """A word in a name's place ``index`` looks like part of a name. The name table lists
    many common words too (it holds «مرة» Murrah, «الشهيد»'s «شهيد»), so the shapes of
    common words are refused unless the lists hold the word exactly as written: an attached
    preposition («للسلام», «بالقوة»), a pronoun ending («عبارته», «خلالها»), an adverb's
    alef («شهريا»), a conjunction inside the name («وإسلام»); an article on a later word
    is a family name only as a nisba («الردفاني») or as the table writes it («العطية»)."""
    key = fold(word)
    if key in _PARTICLES or (index and key in _PAIRED):
        return True  # «عبد الله», «نور الدين»
    listed = _listed(key, knowledge)
    if key.startswith(("لل", "بال", "كال")) or word.endswith("ً"):
        return False
    if key.startswith("فال") and not listed:
        return False  # «فالأمر»; but «فالون» (Fallon) as the table spells it
    # Loosely, a later word may end as a name does in ة or ا («باسلمة», «تسوكادا»), not as
    # a pronoun does («عبارته», «عنها»).
    foreign_end = loose and index and word.endswith(("ة", "ا")) and not word.endswith(("ها", "نا"))
    pronoun = key.endswith(("ه", "ا", "هم", "هما", "كم", "هن")) and not foreign_end
    if not listed and (pronoun or (index and key.startswith("و"))):
        return False
    if loose and index and key.startswith("ال") and len(key) > 4:
        return True  # «عارف المسعد»: after a given name, a family name with the article
    if index and key.startswith("ال"):
        # «الأحمد», «العمر» (a given name with the article) pass only when the lists hold
        # them so: the bare word is no proof, the table lists «شهيد» as it lists «عمر».
        return key.endswith("ي") or listed or key[2:] in _given(knowledge.given_names)
    return True


_PAIRED = {fold(word) for word in ["الله", "الدين", "الرحمن", "الرحيم"]}
"""Words that end a two-word given name («نور الدين», «عبد الرحمن»)."""


def is_name(
    phrase: str, knowledge: Knowledge, *, after_rank: bool = False, loose: bool = False
) -> bool:
    """The phrase is a person's name (see the module doc); ``after_rank``: a rank or an
    honorific stands before it («اللواء الروقي»), which says a family name follows, so the
    one word may carry the article and need not be a listed given name. ``loose``: the
    phrase is the whole subject of a speech verb or follows a title, where a plain phrase
    opening with a given name is a name, so a later word may be a family name no list holds
    («عارف المسعد», «ياسومي تسوكادا», «بدر باسلمة»)."""
    if any(mark in phrase.strip(_PUNCTUATION) for mark in _INSIDE):
        return False  # a quotation, an aside or a list is no name («فوكس» اليميني»)
    words = [_clean(word) for word in phrase.split()]
    if not words or len(words) > _MAX_WORDS or not all(words):
        return False
    if not all(_plain_word(word, knowledge) or fold(word) in _PARTICLES for word in words):
        return False
    first = fold(words[0])
    if first in _PARTICLES - _OPENING_PARTICLES or fold(words[-1]) in _PARTICLES:
        return False
    if after_rank:
        return all(
            _name_shaped(word, index + 1, knowledge, loose) for index, word in enumerate(words)
        )
    if loose and not (fold(words[0]) in _given(knowledge.given_names) or first.startswith("عبد")):
        loose = False  # only an editor's given name says the words after it are a name
    if not all(_name_shaped(word, index, knowledge, loose) for index, word in enumerate(words)):
        return False
    relaxed = [i for i, word in enumerate(words) if not _name_shaped(word, i, knowledge)]
    if relaxed and relaxed != [len(words) - 1]:
        return False  # only the family name may be one no list holds: «نوال مدرسة المرحلة»
    # A name opens with a given name, never with the article (that is a noun: «المتهمان»).
    return not first.startswith("ال") and _known_given(words[0], knowledge)


_INSIDE = '،,«»"“”()[]:؛'


def named_speaker(ar: str, name: str, knowledge: Knowledge) -> Speaker:
    """The speaker named ``name`` (``ar``: the phrase as the text has it, a rank included),
    with the English of the name lists or a romanization, marked provisional."""
    english = english_name(" ".join(_clean(word) for word in name.split()), knowledge)
    return Speaker(ar=ar, en=english.en, en_provisional=True, en_source=english.source)


def _surname(speaker: Speaker, ranks: frozenset[str]) -> str | None:
    """The one name word of a speaker given by a surname alone («عسيري», «اللواء الروقي»),
    folded without the article; None for a longer phrase or an actor."""
    if speaker.key is not None:
        return None
    words = phrase_key(speaker.ar).split()
    if len(words) == 2 and words[0] in ranks:
        words = words[1:]
    return words[0].removeprefix("ال") if len(words) == 1 and len(words[0]) > 2 else None


def full_name_in(text: str, surname: str, knowledge: Knowledge) -> str | None:
    """The one full name the text gives that ends with ``surname`` (folded, without the
    article): «وقال هادي» after «الرئيس عبد ربه منصور هادي»; None when the text gives none
    or several."""
    found: set[str] = set()
    letters = "\u0640*".join(re.escape(letter) for letter in surname)
    pattern = re.compile(rf"(?:\S+\s+){{1,3}}(?:ال)?{letters}\u0640*(?=[\s،,.:]|$)")
    # Matched on the folded text, offset for offset, so the name is taken as written.
    for match in pattern.finditer(fold_keep_length(text)):
        words = strip_diacritics(text[match.start() : match.end()]).split()
        # The longest run of words before the surname that is a name («عبد ربه منصور هادي»).
        for start in range(len(words) - 1):
            candidate = " ".join(words[start:])
            if is_name(candidate, knowledge, loose=True):
                found.add(candidate)
                break
    if not found:
        return None
    longest = max(found, key=len)
    # «منصور هادي» and «عبد ربه منصور هادي» are one person; two different names are two.
    return longest if all(longest.endswith(name) for name in found) else None


def join_surnames(
    quotes: list[Quote], ranks: frozenset[str], text: str, knowledge: Knowledge
) -> list[Quote]:
    """A speaker given by a surname alone is the named speaker of an earlier quote whose
    name ends with it, when exactly one does («وقال التميمي» after «ياسين التميمي»), else
    the one full name the text gives (:func:`full_name_in`); a surname the text gives no
    more of gets English only after a rank («اللواء الروقي»)."""
    named: dict[str, Speaker] = {}  # surname -> the full named speaker
    doubtful: set[str] = set()
    from_text: dict[str, Speaker | None] = {}
    joined: list[Quote] = []
    for quote in quotes:
        speaker = quote.speaker
        surname = _surname(speaker, ranks) if speaker is not None else None
        if surname is not None and surname in named and surname not in doubtful:
            joined.append(Quote(quote.text, quote.kind, named[surname], quote.sentence))
            continue
        if (
            surname is not None
            and speaker is not None
            and (speaker.en is None or speaker.en_provisional)
        ):
            if surname not in from_text:
                full = full_name_in(text, surname, knowledge)
                from_text[surname] = named_speaker(full, full, knowledge) if full else None
            if from_text[surname] is not None:
                joined.append(Quote(quote.text, quote.kind, from_text[surname], quote.sentence))
                continue
        joined.append(quote)
        if speaker is None or speaker.key is not None or not speaker.en_provisional:
            continue
        words = phrase_key(speaker.ar).split()
        if len(words) < 2 or surname is not None:
            continue
        last = words[-1].removeprefix("ال")
        if last in named and named[last] != speaker:
            doubtful.add(last)  # two people of that surname: the surname alone is neither
        named.setdefault(last, speaker)
    return joined
