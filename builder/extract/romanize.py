"""A readable romanization of Arabic names not in the gazetteer.

Not a standard transliteration: Arabic press spells foreign names with long vowels
(و for o/u, ي for i/e, ا for a), so reading those letters as vowels between consonants
gives a name an English reader can recognise (سانتورو -> Santuru). Every name produced
here is shown as provisional on the page; the gazetteer gives the real spelling.
"""

from __future__ import annotations

from builder.arabic import strip_diacritics

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "'", "ؤ": "'", "ئ": "'", "ڤ": "v", "پ": "p", "گ": "g", "چ": "ch",
}  # fmt: skip
_VOWEL_LETTERS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a"}


def _romanize_word(word: str) -> str:
    # تش is how Arabic writes "ch".
    letters = strip_diacritics(word).replace("تش", "چ")
    out: list[str] = []
    for index, letter in enumerate(letters):
        after = letters[index + 1] if index + 1 < len(letters) else ""
        if letter in _VOWEL_LETTERS:
            out.append(_VOWEL_LETTERS[letter])
        elif letter == "و":
            # A consonant at the start or before a vowel letter, else a vowel.
            out.append("w" if index == 0 or (after and after in "اي") else "u")
        elif letter == "ي":
            out.append("y" if index == 0 or (after and after in "او") else "i")

        else:
            out.append(_CONSONANTS.get(letter, letter))
    text = "".join(out).strip("'")
    return text[:1].upper() + text[1:]


def romanize(name: str) -> str:
    """Romanize an Arabic name word by word; Latin parts pass through."""
    return " ".join(_romanize_word(word) for word in name.split())
