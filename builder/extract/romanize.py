"""A readable romanization of Arabic names found in no name list (the last resort of
:mod:`builder.extract.spellings`).

Not a standard transliteration: Arabic press spells foreign names with long vowels
(و for o/u, ي for i/e, ا for a), so reading those letters as vowels between consonants
gives a name an English reader can recognise (سانتورو -> Santuro). Arabic names leave their
short vowels unwritten, so a few guesses put back the ones a reader expects:

- a word never opens with two consonants: «بحاح» -> Bahah, «محلي» -> Mahli, «فضل» -> Fadl;
  nor holds three in a row: «باسلمة» -> Baslama;
- two consonants closing a short word after a long a take an e (the فاعل pattern: «صالح» ->
  Saleh, «شاكر» -> Shaker; not a long foreign name: «تشيجيانج» -> Chijyanj), three
  closing consonants an a («أحمد» -> Ahmad, «لبده» -> Labdah);
- ع after a vowel and before a consonant is an a («سعد» -> Saad), elsewhere silent; ئ after
  a long a is an e («رائد» -> Raed); a final و is an o (Santoro), and so is أو opening a
  word («أوغلو» -> Oglu).

Every name produced here is shown as a romanization on the page.
"""

from __future__ import annotations

from builder.arabic import strip_diacritics

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ڤ": "v", "پ": "p", "گ": "g", "چ": "ch", "ع": "", "ء": "", "ؤ": "",
}  # fmt: skip
_VOWEL_LETTERS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a"}

_Unit = tuple[str, bool, bool]
"""(Latin letters, is a consonant, is a written vowel letter)."""


def _units(letters: str) -> list[_Unit]:
    units: list[_Unit] = []
    for index, letter in enumerate(letters):
        after = letters[index + 1] if index + 1 < len(letters) else ""
        before = letters[index - 1] if index else ""
        if index == 1 and letter == "و" and before in "اأ" and letters[2:3] not in ("ا", "ي"):
            units[0] = ("o", False, True)  # «أوغلو» Oglu, «أوباما» Obama
            continue
        if letter in _VOWEL_LETTERS:
            units.append((_VOWEL_LETTERS[letter], False, True))
        elif letter == "و":
            # A consonant at the start or before a vowel letter, else a vowel.
            if index == 0 or (after and after in "اي"):
                units.append(("w", True, False))
            else:
                units.append(("o" if not after else "u", False, True))
        elif letter == "ي":
            if index == 0 or (after and after in "او"):
                units.append(("y", True, False))
            else:
                units.append(("i", False, True))
        elif letter == "ئ":
            units.append(("e", False, True) if before in "اآ" else ("", True, False))
        else:
            units.append((_CONSONANTS.get(letter, letter), True, False))
    return units


def _with_short_vowels(units: list[_Unit]) -> str:
    """The units' letters with the short vowels the module doc describes put back."""
    count = len(units)
    out: list[str] = []
    run = 0
    """Consonants written since the last vowel (written or put back)."""
    for index, (text, is_consonant, _) in enumerate(units):
        following = units[index + 1] if index + 1 < count else None
        if not is_consonant:
            out.append(text)
            run = 0
            continue
        if text == "" and index and following and following[1] and out[-1].endswith("a"):
            out.append("a")  # ع after an a, before a consonant: «سعد» Saad
            run = 0
            continue
        if text == "" and following and following[0] == "i" and index + 2 == count:
            out.append("e")  # the nisba after ع: «الوادعي» Wadei
            run = 0
            continue
        out.append(text)
        run += 1
        if not (following and following[1]):
            continue
        if index == 0:
            out.append("a")
            run = 0
        elif index + 2 < count and run >= 2:
            out.append("a")  # Arabic has no three consonants in a row: «باسلمة» Baslama
            run = 0
        elif index + 2 == count:
            if run == 1 and units[index - 1][0] == "a" and units[index - 1][2] and count <= 5:
                out.append("e")  # the فاعل pattern: Saleh, Khaled
            elif run >= 2:
                out.append("a")  # Ahmad, Labdah
    return "".join(out)


def _romanize_word(word: str) -> str:
    # تش is how Arabic writes "ch".
    letters = strip_diacritics(word).replace("تش", "چ")
    if not letters or not any("\u0600" <= letter <= "\u06ff" for letter in letters):
        return word
    text = _with_short_vowels(_units(letters)).strip("'")
    return text[:1].upper() + text[1:]


def romanize(name: str) -> str:
    """Romanize an Arabic name word by word; Latin parts pass through."""
    return " ".join(_romanize_word(word) for word in name.split())
