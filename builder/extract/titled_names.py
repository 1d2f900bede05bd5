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
from builder.extract.name_words import (
    COMMON_WORDS,
    Word,
    clitic_rest,
    common_shape,
    has_article,
)
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
        construct = index == 0 and _construct(role_match.text)
        if construct:
            index = _complement(following, lex)
        elif index < len(following):
            index += _prepositional(following[index:], lex)
        if index >= len(following):
            continue
        end = name_run(following, index, lex, text, titled=True)
        if construct:
            index = _given_inside(following, index, end, lex)
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
    (not «الفريق أول», whose last word is an adjective, nor a nisba: «قيادي», «أكاديمي»)."""
    last = strip_diacritics(WORD.findall(title)[-1])
    return (
        not last.startswith("ال")
        and not last.endswith("ي")
        and fold(last) not in _ADJECTIVE_TITLE_ENDS
    )


def _given_inside(following: Sequence[Word], index: int, end: int, lex: Lexicon) -> int:
    """After a title in construct, a known given name inside the run opens the name when the
    run's first word is none a name table knows: the place had two words («محافظ محايل
    عسير سعد بن فهد»)."""
    if _known(following[index][2], lex):
        return index
    for inner in range(index + 1, end - 1):
        if fold(following[inner][2]) in lex.given:
            return inner
    return index


def _known(word: str, lex: Lexicon) -> bool:
    return fold(word) in lex.given or lex.words.is_known(word)


_COMPLEMENT_NOUNS = frozenset(
    fold(word)
    for word in [
        "مطار", "ميناء", "مستشفى", "جامعة", "كلية", "معهد", "مدرسة", "برنامج", "شركة",
        "قناة", "صحيفة", "وكالة", "مؤسسة", "مصرف", "بنك", "صندوق", "سجن", "نادي", "فريق",
        "منتخب", "قضاء", "ناحية", "مديرية", "بلدية", "مجمع", "مصنع", "اتحاد", "جمعية", "نقابة",
        "جماعة", "تنظيم", "كتائب", "فصيل", "ميليشيا", "مليشيا", "عصابة",
    ]
)  # fmt: skip
"""Nouns of a place or body that stand in construct after a title, before their name:
«مدير مطار عدن», «مدير برنامج بناء السلام» (with the common nouns of ``COMMON_WORDS``)."""


_ADJECTIVE_TITLE_ENDS = frozenset(fold(word) for word in ["أول", "ثاني", "عام", "العام"])


def _complement(following: Sequence[Word], lex: Lexicon) -> int:
    """Index of the first word after the complement of a title in construct: a title in
    construct names its place or body first, and a place without the article is no word of
    the person's name: «محافظ نينوى أثيل النجيفي», «قائد شرطة ولاية لاغوس ...». Common nouns
    in construct go with the place; a known given name right after the title opens the name
    itself (0)."""
    index = _complement_nouns(following)
    if index == len(following):
        return index
    word = following[index][2]
    place = fold(word)
    if has_article(word):
        if place in _TITLE_WORDS:
            return len(following)  # «مدير مستشفى الملك خالد»: a body named after a person
        return index + skip_modifiers(following[index:], lex)
    if place in lex.given or place in NOT_NAME or _no_place(place):
        return 0  # not «محلل في ...», «أستاذ بجامعة ...»: no complement of this kind
    index += 1
    # The place may be followed by its own modifiers: «محافظ صنعاء الجديد ...».
    return index + skip_modifiers(following[index:], lex)


_PREPOSITIONS = frozenset(fold(word) for word in ["في", "لدى", "عن"])
"""Prepositions that attach a body or place to a title: «القيادي في حركة حماس», «السفير
لدى الأمم المتحدة», «النائب عن محافظة نينوى»."""


def _prepositional(following: Sequence[Word], lex: Lexicon) -> int:
    """Words of a prepositional phrase that ties a title to its body or place, before the
    name: «القيادي في حركة حماس موسى أبو مرزوق», «القيادي بحزب العمال الكردستاني جميل
    بايك», «العضو في البرلمان سيامك قاسمي»; 0 when none does."""
    word = following[0][2]
    folded = fold(word)
    rest = clitic_rest(folded)
    if not folded:
        return 0
    if folded in _PREPOSITIONS:
        inner = 1
    elif folded[0] == "ب" and rest is not None and (rest in COMMON_WORDS | _COMPLEMENT_NOUNS):
        inner = 1 + _complement_nouns(following[1:])  # «بحزب», «بجبهة»: the noun is taken
        if inner < len(following) and not has_article(following[inner][2]):
            return 0  # «بحزب تقدم ...»: the body's own name would be read as the person's
        return inner + skip_modifiers(following[inner:], lex)
    elif folded.startswith("بال") and folded[3:] in COMMON_WORDS | _COMPLEMENT_NOUNS:
        return 1 + skip_modifiers(following[1:], lex)  # «العميد بالجيش العراقي»
    else:
        return 0
    if inner >= len(following):
        return 0
    taken = _complement(following[inner:], lex)
    return inner + taken if taken else 0


def _complement_nouns(following: Sequence[Word]) -> int:
    index = 0
    while index < len(following) and (
        fold(following[index][2]) in COMMON_WORDS | _COMPLEMENT_NOUNS
    ):
        index += 1
    return index


_TITLE_WORDS = frozenset(fold(word) for word in ["الملك", "الأمير", "الشيخ", "السلطان"])


def _no_place(folded: str) -> bool:
    """A word that cannot name a place in construct: a conjunction or a preposition on a
    common word («وتقييم», «بجامعة»), an attached pronoun («بينهم»)."""
    if not folded or folded.endswith(("هم", "ها", "هما")):
        return True
    if len(folded) >= 5 and folded.endswith("ات"):
        return True  # a plural noun: «المسؤول عن هجمات ...»
    return _clitic_on_common(folded, "وبلك")


def _clitic_on_common(folded: str, clitics: str) -> bool:
    """A conjunction or preposition on a common word: «وتقييم», «بجامعة», «بشكل» (not
    «ويكيليكس», «وفد», «بيرقدار»)."""
    rest = clitic_rest(folded)
    return (
        folded[:1] in tuple(clitics)
        and rest is not None
        and (
            (len(rest) == 3 and folded[0] != "و")
            or rest.endswith("ه")
            or rest in COMMON_WORDS
            or common_shape(rest, verbs=False)
        )
    )


def foreign(run: Sequence[Word], lex: Lexicon) -> bool:
    """A name no table knows, right after a title: two or three words, each of four letters
    or more, none with the shape of a common noun or verb («القيادي ارجش كارزان») nor with
    an attached conjunction («ومنسوبي») or a preposition on a common word («بشكل»)."""
    if not 2 <= len(run) <= 3:
        return False
    for _, _, word in run:
        folded = fold(word)
        if len(folded) < 4 or common_shape(folded) or folded in lex.words.excluded:
            return False
        if folded[0] == "و" or _clitic_on_common(folded, "بل"):
            return False  # «ومنسوبي», «بشكل», «بمنح»
        if (folded[0] == "ل" and folded[1] not in "اوي") or (
            folded[0] == "ب" and folded[1] not in "اويرل"
        ):
            return False  # a preposition: «لرويترز», «بمكتب» (names: «لافروف», «براون»)
        if folded.startswith(_FUTURE) or folded.endswith(("ين", "ون", "ات")):
            return False  # «سيتولى»; plurals «غربيين», «مساعدون»
        if folded[0] == "م" and folded[2] == "ا" and len(folded) >= 5:
            return False  # مفاعل, مفاعيل: «مدافعي», «مصادر»
    return True


_FUTURE = ("سي", "ست", "سن")


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
