"""Whether a person's English name agrees with the gold ``en``: the ``people.english`` row.

Of the people matched to gold (``uncertain`` gold left out), the share whose English name
agrees with the gold one. Two names agree when, after normalizing both,

- they are the same letters once spaces are ignored («Abdul-Malik» = «Abdul Malik» =
  «Abdulmalik»); or
- the shorter name's words are the longer one's words in the same order with some left
  out, and a one-word name is the other's last word: a surname alone («Khamenei» for «Ali
  Khamenei») or a name without its middle parts («Khalid al-Attiyah» for «Khalid bin
  Mohammed al-Attiyah»). A given name alone («Ali» for «Ali Khamenei») does not agree.

Normalizing: lower case, accents dropped (François = Francois), the article's prefixes
(al-, el-, and the assimilated ad-, an-, ar-, as-, ash-, at-, az-) and a standalone «al»/«el»
dropped («al-Assad» = «Assad», «Al Thani» = «Thani»), hyphens joined, bin/ibn/ben read
alike, and titles (King, Prince, Sheikh, Emir ...) and initials («Q.», «Jr.») left out. A gold
name with an alternative in parentheses («King Salman (Salman bin Abdulaziz)») agrees
through either. Every word's spelling must still be the same: «Abd Rabbuh» and «Abd-Rabbu»
disagree, as «Mansur» and «Mansour» do; the gold spelling is the common press one, and a
reader searches for that.
"""

from __future__ import annotations

import re
import unicodedata

from briefing_tools.evaluate.matching import english_alternatives

_TITLES = frozenset(
    [
        "king",
        "queen",
        "prince",
        "princess",
        "crown",
        "sheikh",
        "shaikh",
        "emir",
        "dr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "sir",
    ]
)
_ARTICLE = re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az)-")
_SON_OF = {"ibn": "bin", "ben": "bin"}


def _words(name: str) -> list[str]:
    """The name's normalized words."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = _ARTICLE.sub("", plain).replace("-", "").replace("'", "").replace("’", "")
    words = [_SON_OF.get(word, word) for word in re.findall(r"[a-z]+\.?", plain)]
    return [
        word
        for word in words
        if not word.endswith(".") and len(word) > 1 and word not in _TITLES | {"al", "el"}
    ] or [word.rstrip(".") for word in words]


def _subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _agree(one: str, other: str) -> bool:
    a, b = _words(one), _words(other)
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return short[0] == long[-1]
    return _subsequence(short, long)


def english_agrees(gold_en: str, predicted_en: str | None) -> bool:
    """True when ``predicted_en`` names the person as the gold ``en`` does (module doc)."""
    if not predicted_en:
        return False
    return any(
        _agree(gold, predicted)
        for gold in english_alternatives(gold_en)
        for predicted in english_alternatives(predicted_en)
    )
