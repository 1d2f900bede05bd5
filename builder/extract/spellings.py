"""The English name of a person nobody listed in the gazetteer, word by word.

Each word's spelling comes from, in order:

1. the given names of ``names.yaml`` (an editor's spelling: «ويليام» -> William);
2. the name spellings table (``name_spellings.tsv``: the public Wikidata and Wikipedia name
   tables joined, plus a data folder's own lines: «فابيوس» -> Fabius, «بحاح» -> Bahah);
3. a romanization (:mod:`builder.extract.romanize`), the last resort.

Arabic names are not a list of independent words, so a few parts are read together:

- «عبد» and the next word are one name, joined or not: the lists are tried with both forms
  (عبد الله, عبدالله -> Abdullah); else «Abdul» before a word with the article (عبد الباسط
  -> Abdul Basit) and «Abd» before one without (عبد ربه -> Abd Rabbuh);
- «الدين» after a word is «al-Din» (صلاح الدين -> Salah al-Din), «الله» after a word is
  joined to it (نصر الله -> Nasrallah) unless the lists spell the pair;
- the particles: بن/ابن -> bin, بنت -> bint, أبو -> Abu, آل (also written ال) -> Al before
  the family name (آل ثاني -> Al Thani);
- the article on a surname is «al-» and the rest is looked up without it (الأسد -> al-Assad,
  the nisba التميمي -> al-Tamimi).

The result says where it came from: ``name-table`` when every word is in a list,
``romanized`` when any word had to be romanized. Either way the name is a transliteration,
shown as such on the page; the gazetteer stays the authority for a person it lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from builder.arabic import fold, has_arabic, strip_diacritics
from builder.extract.romanize import romanize
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


@dataclass(frozen=True)
class EnglishName:
    """A person's English name and where it came from."""

    en: str
    source: EnglishSource
    """``name-table`` (every word in names.yaml or the spellings table) or ``romanized``."""


@lru_cache(maxsize=8)
def _given(given_names: tuple[GivenName, ...]) -> dict[str, str]:
    """Folded given name, spaces left out -> English (عبد الله and عبدالله alike)."""
    table: dict[str, str] = {}
    for name in given_names:
        for form in (name.ar, *name.variants):
            table.setdefault(fold(form).replace(" ", ""), name.en)
    return table


@dataclass(frozen=True)
class _Lists:
    given: dict[str, str]
    table: dict[str, str]

    def spelling(self, key: str) -> str | None:
        """The listed English spelling of a folded word or joined pair, if any."""
        return self.given.get(key) or self.table.get(key)


def _word(word: str, lists: _Lists) -> tuple[str, bool]:
    """One word without particles: (English, found in a list). :func:`_words` marked the
    article; «ألبيرك» (Alberque) has none, though it folds to «البيرك»."""
    article = word.startswith(_ARTICLE)
    word = word.lstrip("\u200d")
    if article and len(word) > 3:
        # A surname with the article as the tables spell it (العطية -> Attiyah, التويجري ->
        # Altwaijri), else its stem; either way written «al-» as the English press does.
        whole = lists.spelling(word)
        # Maghrebi spellings drop the article's a (العربي -> Larbi): the stem says it better.
        if whole and not (whole[:1] == "L" and word[2] != "ل"):
            bare = re.sub(r"^[AaEe]l[- ]?(?=[A-Za-z])", "", whole)
            return f"al-{bare[:1].upper()}{bare[1:]}", True
        stem = lists.spelling(word[2:])
        if stem:
            return f"al-{stem}", True
        return f"al-{romanize(word[2:])}", False
    listed = lists.spelling(word)
    if listed:
        return listed, True
    return romanize(word), False


def _servant(rest: str, lists: _Lists) -> tuple[str, bool]:
    """«عبد» + ``rest`` (folded, no space) when no list spells the pair."""
    if rest.startswith("ال") and len(rest) > 3:
        english, listed = _word(rest[2:], lists)
        return f"Abdul {english}", listed
    english, listed = _word(rest, lists)
    return f"Abd {english}", listed


_ARTICLE = "\u200dال"
"""How :func:`_words` marks a word that carries the article (a joiner before ال): the
article is always written with a bare alef, and folding makes «ألبيرك» look like it has one."""


def _words(name: str) -> list[str]:
    """The folded words of a name, a hyphenated word split («كي-مون»), a word with the
    article marked (:data:`_ARTICLE`)."""
    words = strip_diacritics(name).replace("-", " ").split()
    return [("\u200d" if word.startswith("ال") else "") + fold(word) for word in words]


def english_name(arabic_name: str, knowledge: Knowledge) -> EnglishName:
    """The English name of ``arabic_name`` (a person's name as the text writes it, without
    title or role), from the name lists, else romanized (see the module doc)."""
    lists = _Lists(_given(knowledge.given_names), knowledge.name_spellings)
    words = _words(arabic_name)
    parts: list[str] = []
    everything_listed = True
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        english: str | None = None
        listed = True
        if not has_arabic(word):
            english = word
        elif word in _SON:
            english = "bin" if parts else "Bin"
        elif word == _DAUGHTER and parts:
            english = "bint"
        elif word == _FATHER and following:
            english = "Abu"
        elif word in (_FAMILY, _ARTICLE) and following:
            # «آل سعود»: the family name follows, without its own article.
            english, listed = _word(following, lists)
            english = f"Al {english.removeprefix('al-')}"
            index += 1
        elif following and (word == _SERVANT or following in (_ARTICLE + "له", _ARTICLE + "دين")):
            following = following.lstrip("\u200d")
            pair = lists.spelling(word + following)
            if pair:
                english = pair
            elif word == _SERVANT:
                english, listed = _servant(following, lists)
            elif following == "الدين":
                english, listed = _word(word, lists)
                english += " al-Din"
            else:
                english, listed = _word(word, lists)
                english += "allah"
            index += 1
        elif word.startswith(_SERVANT) and len(word) > 4 and not lists.spelling(word):
            english, listed = _servant(word[3:], lists)
        if english is None:
            english, listed = _word(word, lists)
        parts.append(english)
        everything_listed = everything_listed and listed
        index += 1
    return EnglishName(" ".join(parts), NAME_TABLE if everything_listed else ROMANIZED)
