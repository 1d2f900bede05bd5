"""The English name of a person nobody listed in the gazetteer, word by word.

Each word's spelling comes from, in order:

1. the given names of ``names.yaml`` (an editor's spelling: «ويليام» -> William);
2. the name spellings table (``name_spellings.tsv``: the public Wikidata and Wikipedia name
   tables joined, plus a data folder's own lines: «فابيوس» -> Fabius, «بحاح» -> Bahah);
3. a romanization (:mod:`builder.extract.romanize`), the last resort.

Arabic names are not a list of independent words, so a few parts are read together:

- «عبد» and the next word are one name, joined or not: the lists are tried with both forms
  (عبد الله, عبدالله -> Abdullah); else «Abdul» before a word with the article (عبد الباسط
  -> Abdul Baset) and «Abd» before one without, in one word when the Arabic is one
  (عبدالمحسن -> Abdulmohsen);
- «الدين» after a word is «al-Din» (صلاح الدين -> Salah al-Din), «الله» after a word is
  joined to it (نصر الله -> Nasrallah) unless the lists spell the pair;
- the particles: بن/ابن -> bin, بنت -> bint, أبو -> Abu, آل (also written ال) -> Al before
  the family name (آل ثاني -> Al Thani);
- the article on a surname is «al-»: the word is looked up as written (the tables hold
  many surnames with it: القرضاوي -> al-Qaradawi), then without it (الحموي -> al-Hamwi).

Whose name it is matters too:

- an Arab's name (an Arabic particle, a word with the article, or a letter only Arabic words
  have: ح ع ص ض ظ ذ ث ة ء) takes the table's Arabic transliteration where its commonest
  spelling is a European homograph (بادي Badi, not Buddy; أبي Abi, not Abe), and a final ي
  is i (الخالدي al-Khalidi);
- a name with «بن» after its first word takes names.yaml's ``gulf`` spelling (Khalid bin
  Mohammed, but Khaled Ali), and an Arab's name its ``arab`` spelling where the usual one
  is another language's (حسين جودت Hussein Jawdat, but جودت يلماز Cevdet Yilmaz);
- a Chinese name (the caller says China is named near it) opening with a Chinese family name
  is spelt family name first in pinyin's shape (ليو زان Liu Zan, not Leo Zahn).

The result says where it came from: ``name-table`` when every word is in a list,
``romanized`` when any word had to be romanized. Either way the name is a transliteration,
shown as such on the page; the gazetteer stays the authority for a person it lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.arabic import fold, has_arabic, strip_diacritics
from builder.extract.romanize import romanize
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import GivenName, Knowledge
from builder.model import EnglishSource

NAME_TABLE: EnglishSource = "name-table"
ROMANIZED: EnglishSource = "romanized"

_SON = frozenset({"بن", "ابن"})
_DAUGHTER = "بنت"
_FATHER = "ابو"
_FAMILY = "ال"
"""«آل» folds to «ال»; the press also writes it so (تميم بن حمد ال ثاني)."""
_SERVANT = "عبد"


_FOREIGN_SPELLING = re.compile(r"c(?!h)|[pvx]|[^aeiouy]y$|[^aeiou]e$|(.)\1$|[^a-z'-]")
"""Letters and endings an Arabic transliteration does not write: c (but the ch of ش,
Ghannouchi), p, v, x, a final y or silent e after a consonant, a doubled final letter,
accents (Buddy, Paddy, Abe, Maurice, Yassine, Khalidy, Léo)."""


def arabic_style(spelling: str) -> bool:
    """True when ``spelling`` reads as a transliteration of an Arabic name word (Badi,
    Khalidi, Abi), not as a European name the letters also spell (Buddy, Abe)."""
    return not _FOREIGN_SPELLING.search(spelling.lower())


@dataclass(frozen=True)
class EnglishName:
    """A person's English name and where it came from."""

    en: str
    source: EnglishSource
    """``name-table`` (every word in names.yaml or the spellings table) or ``romanized``."""


@by_identity
def _given(
    given_names: tuple[GivenName, ...], gulf: bool = False, arab: bool = False
) -> dict[str, str]:
    """Folded given name, spaces left out -> English (عبد الله and عبدالله alike); the
    ``gulf`` spelling where a name has one, for a name with «بن»; the ``arab`` one in an
    Arab's name."""
    table: dict[str, str] = {}
    for name in given_names:
        english = (gulf and name.gulf) or (arab and name.arab) or name.en
        for form in (name.ar, *name.variants):
            table.setdefault(fold(form).replace(" ", ""), english)
    return table


@dataclass(frozen=True)
class _Lists:
    given: dict[str, str]
    table: dict[str, str]
    arab: dict[str, str] | None = None
    """The table's Arabic-style spellings, when the name is an Arab's (:func:`_arab`)."""

    def spelling(self, key: str) -> str | None:
        """The listed English spelling of a folded word or joined pair, if any."""
        if key in self.given:
            return self.given[key]
        if self.arab is None:
            return self.table.get(key)
        spelt = self.arab.get(key) or self.table.get(key)
        if spelt and key.endswith("ي") and _FINAL_Y.search(spelt):
            return spelt[:-1] + "i"  # a final ي is i in an Arab's name: Khalidy -> Khalidi
        return spelt


_FINAL_Y = re.compile(r"[^aeiouy]y$")
_ARAB_LETTERS = re.compile("[حعصضظذثةءئؤ]")
"""Letters only Arabic (and Persian) words have: a foreign name written in Arabic letters
borrows none of them (ح, ع, ص, ض, ظ, ذ, ث, ة, ء)."""


def _arab(words: list[_Word]) -> bool:
    """True when the name is an Arab's: it has an Arabic particle (بن, أبو, عبد, آل), a word
    with the article, or a letter only Arabic words have («راجح بادي»). Then a word's
    spelling is the Arabic transliteration the table keeps beside a foreign homograph."""
    return any(
        word.key in _SON | {_FATHER, _FAMILY, _DAUGHTER}
        or word.key.startswith(_SERVANT)
        or word.article
        or _ARAB_LETTERS.search(word.text)
        for word in words
    )


@dataclass(frozen=True)
class _Word:
    text: str
    """As written, without diacritics (what the romanizer reads: «ة» is an a)."""
    key: str
    """Folded (what the lists are keyed by)."""
    article: bool
    """It opens with the article: always a bare alef, so «ألبيرك» (Alberque) has none,
    though it folds to «البيرك»."""

    @staticmethod
    def of(text: str) -> _Word:
        """A word as written."""
        return _Word(text, fold(text), text.startswith("ال") and len(text) > 3)

    def without_article(self) -> _Word:
        """The word after its article."""
        return _Word(self.text[2:], self.key[2:], False)


def _word(word: _Word, lists: _Lists) -> tuple[str, bool]:
    """One word without particles: (English, found in a list)."""
    if word.article:
        # A surname with the article as the tables spell it (العطية -> Attiyah, التويجري ->
        # Altwaijri), else its stem; either way written «al-» as the English press does.
        whole = lists.spelling(word.key)
        # Maghrebi spellings drop the article's a (العربي -> Larbi), and in an Arab's name a
        # French one (الحسن -> Hassane) is no transliteration: the stem says it better.
        if (
            whole
            and not (whole[:1] == "L" and word.key[2] != "ل")
            and (lists.arab is None or arabic_style(whole))
        ):
            bare = re.sub(r"^[AaEe]l[- ]?(?=[A-Za-z])", "", whole)
            return f"al-{bare[:1].upper()}{bare[1:]}", True
        english, found = _word(word.without_article(), lists)
        return f"al-{english}", found
    spelt = lists.spelling(word.key)
    if spelt:
        return spelt, True
    return romanize(word.text), False


def _servant(rest: _Word, lists: _Lists, joined: bool = False) -> tuple[str, bool]:
    """«عبد» + ``rest`` when no list spells the pair: Abdul before the article, else Abd;
    in one word as the Arabic wrote it in one («عبدالمحسن» Abdulmohsen, «عبد المحسن» Abdul
    Mohsen)."""
    prefix = "Abdul" if rest.article else "Abd"
    english, listed = _word(rest.without_article() if rest.article else rest, lists)
    return (f"{prefix}{english.lower()}" if joined else f"{prefix} {english}"), listed


def _pair(word: _Word, following: _Word, lists: _Lists) -> tuple[str, bool] | None:
    """«عبد», or a word before «الله» or «الدين», read with the next word; else None."""
    if not (word.key == _SERVANT or following.key in ("الله", "الدين")):
        return None
    listed = lists.spelling(word.key + following.key)
    if listed:
        return listed, True
    if word.key == _SERVANT:
        return _servant(following, lists)
    english, found = _word(word, lists)
    # «صلاح الدين» -> Salah al-Din; «نصر الله» -> Nasrallah.
    return (f"{english} al-Din" if following.key == "الدين" else f"{english}allah"), found


_CHINESE_FAMILY = {
    fold(arabic): english
    for english, forms in {
        "Liu": "ليو", "Li": "لي", "Wang": "وانغ وانج", "Zhang": "تشانغ تشانج", "Zhao": "تشاو",
        "Chen": "تشن", "Yang": "يانغ يانج", "Huang": "هوانغ هوانج", "Zhou": "تشو", "Wu": "وو",
        "Xu": "شو", "Sun": "سون", "Ma": "ما", "Hu": "هو", "Guo": "قوه غوه", "Lin": "لين",
        "Gao": "قاو غاو", "Luo": "لوه", "Zheng": "تشنغ تشنج", "Liang": "ليانغ ليانج",
        "Xie": "شيه", "Song": "سونغ سونج", "Tang": "تانغ تانج", "Feng": "فنغ فنج",
        "Deng": "دنغ دنج", "Cao": "تساو", "Xiao": "شياو", "Tian": "تيان", "Dong": "دونغ دونج",
        "Yuan": "يوان", "Jiang": "جيانغ جيانج", "Wei": "وي", "Mao": "ماو", "Qin": "تشين",
        "Wen": "ون وين", "Kong": "كونغ كونج", "Hua": "هوا", "Fu": "فو", "Geng": "قنغ غنغ",
    }.items()
    for arabic in forms.split()
}  # fmt: skip
"""Chinese family names as the Arabic press writes them -> pinyin. A Chinese name opens
with the family name, and the tables read these letters as European names (ليو Leo)."""


def _chinese(words: list[_Word]) -> str | None:
    """A Chinese name in pinyin's shape: the family name, then the given name's syllables
    romanized and joined (ليو زان -> Liu Zan); None unless the first word is a family name."""
    if not 2 <= len(words) <= 3 or words[0].key not in _CHINESE_FAMILY:
        return None
    # ـنغ/ـنج close a syllable in ng; ي before a vowel after a consonant is pinyin's i; a
    # final و is u (فو Fu).
    syllables = [
        re.sub("ngh$|nj$", "ng", re.sub("(?<=[^aeiouy])y(?=[aeo])", "i", romanize(word.text)))
        for word in words[1:]
    ]
    syllables = [
        syllable[:-1] + "u" if word.text.endswith("و") and syllable.endswith("o") else syllable
        for word, syllable in zip(words[1:], syllables, strict=True)
    ]
    given = syllables[0] + "".join(syllable.lower() for syllable in syllables[1:])
    return f"{_CHINESE_FAMILY[words[0].key]} {given}"


def english_name(arabic_name: str, knowledge: Knowledge, chinese: bool = False) -> EnglishName:
    """The English name of ``arabic_name`` (a person's name as the text writes it, without
    title or role), from the name lists, else romanized (see the module doc). A ``chinese``
    person's name (the text says so near it) opening with a Chinese family name is spelt
    family name first, in pinyin's shape, romanized."""
    # A hyphenated word is two («كي-مون»).
    words = [_Word.of(text) for text in strip_diacritics(arabic_name).replace("-", " ").split()]
    if chinese and (pinyin := _chinese(words)):
        return EnglishName(pinyin, ROMANIZED)
    arab = _arab(words)
    lists = _Lists(
        _given(knowledge.given_names, any(word.key in _SON for word in words[1:]), arab),
        knowledge.name_spellings,
        knowledge.arab_spellings if arab else None,
    )
    parts: list[str] = []
    everything_listed = True
    index = 0
    while index < len(words):
        word, key = words[index], words[index].key
        following = words[index + 1] if index + 1 < len(words) else None
        english, listed = "", True
        if not has_arabic(key):
            english = word.text
        elif key in _SON:
            english = "bin" if parts else "Bin"
        elif key == _DAUGHTER and parts:
            english = "bint"
        elif key == _FATHER and following:
            english = "Abu"
        elif key == _FAMILY and following:
            # «آل سعود»: the family name follows, without its own article.
            english, listed = _word(following, lists)
            english = f"Al {english.removeprefix('al-')}"
            index += 1
        elif following and (paired := _pair(word, following, lists)):
            english, listed = paired
            index += 1
        elif key.startswith(_SERVANT) and len(key) > 4 and not lists.spelling(key):
            english, listed = _servant(_Word.of(word.text[3:]), lists, joined=True)
        else:
            english, listed = _word(word, lists)
        parts.append(english)
        everything_listed = everything_listed and listed
        index += 1
    return EnglishName(" ".join(parts), NAME_TABLE if everything_listed else ROMANIZED)
