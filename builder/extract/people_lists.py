"""People named in a list after «كل من» (each of), without a title of their own.

Arabic news names the members of a committee, a delegation or a list of the accused in one
series: «وضم الوفد كل من سامر الخطيب ووليد العمري ومنى حداد». The list opener is the
evidence that what follows are people, bodies or countries; the items are people when every
one of them is a name run (:func:`builder.extract.people_names.name_run`) of two words or
more, each joined by «و», with a word a name table knows. A list of countries or bodies
(«كل من السعودية والإمارات») has no such runs, and a span already claimed (a listed person,
a country, a body) is left to what claimed it.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.arabic import fold
from builder.extract.matcher import within_line
from builder.extract.name_words import Word, words_of
from builder.extract.people_names import Found, Lexicon, attested, name_run

_EACH = fold("كل")
_OF = fold("من")
_AND = "و"
MIN_ITEMS = 2
"""A list of one is no list: «كل من» also opens a clause («كل من يخالف ...»)."""


def _item(words: Sequence[Word], index: int, lex: Lexicon, text: str, joined: bool) -> int:
    """The index after the name that is the list item at ``words[index]`` (after its «و»
    when ``joined``), or ``index`` when none is there."""
    if joined:
        start, end, word = words[index]
        if not word.startswith(_AND) or len(word) < 3:
            return index
        words = [*words[:index], (start + 1, end, word[1:]), *words[index + 1 :]]
    # The list opener is evidence as a title is: a family name may close the item.
    stop = name_run(words, index, lex, text, titled=True)
    return stop if stop - index >= 2 else index


def listed_names(text: str, lex: Lexicon) -> list[Found]:
    """The names of each «كل من» list whose items are all people's names (module doc)."""
    words = words_of(text)
    results: list[Found] = []
    for opener in range(len(words) - 2):
        if fold(words[opener][2]) != _EACH or fold(words[opener + 1][2]) != _OF:
            continue
        items: list[Found] = []
        index = opener + 2
        while index < len(words):
            if not within_line(text[words[index - 1][1] : words[index][0]]):
                break
            stop = _item(words, index, lex, text, joined=bool(items))
            if stop == index:
                break
            start = words[index][0] + (1 if items else 0)
            name = text[start : words[stop - 1][1]]
            if not attested(name, lex):
                break
            items.append(Found(start, words[stop - 1][1], name, None, None))
            index = stop
        if len(items) >= MIN_ITEMS:
            results.extend(items)
    return results
