"""Folding (builder.arabic): every letter and digit folded as the table says, one character
for one where offsets must be kept, whatever the text's length."""

from __future__ import annotations

import unicodedata

import pytest

from builder.arabic import DIACRITICS, fold, fold_keep_length, to_ascii_digits

FOLDED = {
    **dict.fromkeys("أإآٱ", "ا"),
    **dict.fromkeys("ىیئ", "ي"),
    "ؤ": "و",
    "ة": "ه",
    **dict.fromkeys("کگ", "ك"),
    "ڤ": "ف",
    "ڨ": "ق",
    **{chr(0x0660 + n): str(n) for n in range(10)},
    **{chr(0x06F0 + n): str(n) for n in range(10)},
}
"""What each folded character becomes."""

EVERY_ARABIC = "".join(chr(code) for code in range(0x0600, 0x0700))


def _kept_length(character: str) -> str:
    if DIACRITICS.fullmatch(character):
        return "\u0640"
    return FOLDED.get(character, character)


@pytest.mark.parametrize("repeat", [1, 40])  # a word, and a text longer than any cached one
def test_each_character_folds_as_listed(repeat: int) -> None:
    text = EVERY_ARABIC * repeat
    folded = fold_keep_length(text)
    assert len(folded) == len(text)
    assert folded == "".join(_kept_length(character) for character in text)
    # fold() also normalizes (NFKC: «ٵ» is «اٴ»), and drops the diacritics.
    assert fold(text) == "".join(
        FOLDED.get(character, character)
        for character in unicodedata.normalize("NFKC", text)
        if not DIACRITICS.fullmatch(character)
    )


def test_folded_words_meet() -> None:
    assert fold("إيران") == fold("ايران") == "ايران"
    assert fold("الأُمَمُ المُتَّحِدَة") == "الامم المتحده"
    assert fold("مصطفى") == fold("مصطفي")
    assert fold("٢٠١٥ و۲۰۱۶") == "2015 و2016"


def test_digits_are_ascii_and_other_text_is_left_as_it_is() -> None:
    assert to_ascii_digits("عام ٢٠١٥") == "عام 2015"
    text = "عام 2015 في الرياض"
    assert to_ascii_digits(text) is text
