"""A person named after a title: «الجنرال تشانغ يوشيا», «محافظ نينوى أثيل النجيفي».

Between the title and the name stand only nationality adjectives, definite modifiers and
honorifics («اللواء الركن», «السفير الإيراني»); a title in construct first names its place
or body («رئيس بلدية اسطنبول»). After a title, a name no table knows is read when every word
of it has a name's shape (:func:`foreign`): Kurdish, Persian, African or Chinese names are
mostly missing from the tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.arabic import fold, strip_diacritics
from builder.extract.actors import _role_matcher, _words_after
from builder.extract.matcher import WORD, phrase_key
from builder.extract.name_words import COMMON_WORDS, Word, common_shape, has_article
from builder.extract.people_names import (
    MAX_MODIFIERS,
    MAX_NAME_WORDS,
    PATRONYMIC,
    Found,
    Lexicon,
    attested,
    family_name,
    name_run,
    name_words,
    names_a_place,
)
from builder.extract.stopwords import HONORIFICS, NOT_NAME
from builder.knowledge import Knowledge


def _genitive(word: str) -> bool:
    """«للمجلس» in «الرئيس السابق للمجلس الوطني»: ل and the article, a title's complement."""
    plain = strip_diacritics(word)
    return plain.startswith("لل") and len(plain) > 4


def skip_modifiers(following: Sequence[Word], lex: Lexicon) -> int:
    """Index of the first word after nationality adjectives, definite modifiers and
    honorifics that may stand between a title and a name."""
    index = modifiers = 0
    while index < len(following):
        key = phrase_key(following[index][2])
        patronymic = index + 1 < len(following) and fold(following[index + 1][2]) in PATRONYMIC
        if (key in lex.adjectives and not patronymic) or key in HONORIFICS:
            index += 1  # «الأمير تركي بن محمد»: an adjective before بن is a given name
        elif modifiers < MAX_MODIFIERS and (
            has_article(following[index][2]) or _genitive(following[index][2])
        ):
            # «اللواء الركن» is a modifier; a family name is not, unless a name follows.
            if (
                family_name(following[index][2], lex)
                and index + 1 < len(following)
                and not lex.words.is_name_word(following[index + 1][2])
            ):
                break
            index += 1
            modifiers += 1
        else:
            break
    return index


def titled(text: str, knowledge: Knowledge, lex: Lexicon) -> list[Found]:
    """A title, its modifiers, then a name of two words or more."""
    results = []
    for role_match in _role_matcher(knowledge.roles).finditer(text):
        if names_a_place(text, role_match.start):
            continue
        following = _words_after(text, role_match.end, 3 + 2 * MAX_MODIFIERS + MAX_NAME_WORDS)
        index = skip_modifiers(following, lex)
        if index == 0 and _construct(role_match.text):
            index = _complement(following, lex)
        if index >= len(following):
            continue
        end = name_run(following, index, lex, text, titled=True)
        if end == index or len(name_words(text[following[index][0] : following[end - 1][1]])) < 2:
            continue
        start, stop = following[index][0], following[end - 1][1]
        if not attested(text[start:stop], lex) and not foreign(following[index:end], lex):
            continue
        role_end = following[index - 1][1] if index else role_match.end
        role_ar = text[role_match.start : role_end]
        results.append(Found(start, stop, text[start:stop], role_ar, role_match.payload.en))
    return results


def _construct(title: str) -> bool:
    """A title whose last word is in construct, without the article: «محافظ», «رئيس بلدية»
    (not «الفريق أول», whose last word is an adjective)."""
    last = strip_diacritics(WORD.findall(title)[-1])
    return not last.startswith("ال") and fold(last) not in _ADJECTIVE_TITLE_ENDS


_ADJECTIVE_TITLE_ENDS = frozenset(fold(word) for word in ["أول", "ثاني", "عام", "العام"])


def _complement(following: Sequence[Word], lex: Lexicon) -> int:
    """Index of the first word after the complement of a title in construct: a title in
    construct names its place or body first, and a place without the article is no word of
    the person's name: «محافظ نينوى أثيل النجيفي», «قائد شرطة ولاية لاغوس ...». Common nouns
    in construct go with the place; a known given name right after the title opens the name
    itself (0)."""
    index = 0
    while index < len(following) and fold(following[index][2]) in COMMON_WORDS:
        index += 1
    place = fold(following[index][2]) if index < len(following) else ""
    if place and place not in lex.given and place not in NOT_NAME:
        index += 1  # not «محلل في ...»: a preposition opens no complement of this kind
    else:
        return 0
    # The place may be followed by its own modifiers: «محافظ صنعاء الجديد ...».
    return index + skip_modifiers(following[index:], lex)


def foreign(run: Sequence[Word], lex: Lexicon) -> bool:
    """A name no table knows, right after a title: two or three words, each of four letters
    or more, none with the shape of a common noun or verb («القيادي ارجش كارزان»)."""
    if not 2 <= len(run) <= 3:
        return False
    for _, _, word in run:
        folded = fold(word)
        if len(folded) < 4 or common_shape(folded) or folded in lex.words.excluded:
            return False
    return True


def title_before(text: str, start: int, knowledge: Knowledge, lex: Lexicon) -> Found | None:
    """The title that stands right before ``start`` (only modifiers between), if any."""
    window_start = max(0, start - 120)
    for role_match in _role_matcher(knowledge.roles).finditer(text[window_start:start]):
        end = window_start + role_match.end
        following = _words_after(text, end, 2 + 2 * MAX_MODIFIERS)
        index = skip_modifiers(following, lex)
        if index < len(following) and following[index][0] in (start, start - 1):
            role_end = following[index - 1][1] if index else end
            return Found(start, start, "", text[window_start + role_match.start : role_end],
                         role_match.payload.en)  # fmt: skip
    return None
