"""Join the two public name tables into the package's ``name_spellings.tsv``.

``python -m briefing_tools.name_table NAMES_DIR OUT`` reads, from ``NAMES_DIR``,

- ``wikidata-person-name-tokens.ar-en.tsv`` (CC0): ``english<TAB>arabic letters separated
  by spaces<TAB>count``, one token of a person's Wikidata label per row;
- ``wikipedia-words.ar-en.tsv`` (Apache-2.0, google/transliteration): ``arabic<TAB>english``;

and writes ``OUT``: one line per folded Arabic token, ``arabic<TAB>English``, sorted, the
English the most frequent spelling of that token, capitalized as a name; a third column, the
commonest Arabic transliteration among the others, when the first is a foreign homograph
(«بادي» Buddy, Badi). A Wikidata count is
how many person labels paired the two; the Wikipedia table gives one spelling per word, the
one of English Wikipedia's titles (mostly Arab and Muslim names: «جودت» Jawdat, not the
Turkish Cevdet of more Wikidata labels), and counts as :data:`WIKIPEDIA_VOTES` labels. Left
out:

- English that is not a name word (digits, one letter, punctuation);
- pairs whose consonants do not correspond (the Wikidata tokens pair «النمسا» with
  "austria" and «الأول» with "i": a label's words are not always aligned);
- the particles the lookup handles itself (بن, ابن, بنت, أبو, آل, عبد, the article alone).

The output is deterministic: ties go to the higher Wikidata count, then the spelling.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from builder.arabic import fold
from builder.extract.spellings import arabic_style

WIKIDATA = "wikidata-person-name-tokens.ar-en.tsv"
WIKIPEDIA = "wikipedia-words.ar-en.tsv"

PARTICLES = frozenset(fold(word) for word in ["بن", "ابن", "بنت", "أبو", "آل", "ال", "عبد"])
"""Written by :mod:`builder.extract.spellings` itself (bin, Abu, Al, Abd ...)."""

WIKIPEDIA_VOTES = 5
"""What one Wikipedia pair weighs, in Wikidata labels."""

MIN_ARAB_VOTES = 2
"""Least votes of an Arabic-style spelling kept beside a commoner foreign one."""

MIN_SIMILARITY = 0.5
"""Least share of corresponding consonant classes (difflib ratio) a pair must have."""

_LOWER_PARTICLES = frozenset(["de", "van", "von", "der", "den", "ter", "da", "dos", "das", "del"])
"""Name particles English writes in lower case inside a name (de Mistura, van Rompuy)."""

_ENGLISH = re.compile(r"[a-zà-öø-ÿāăąćčďđēėęěğīıķłńňōőœřśşšţťūůűźżž'\-]+")

# Consonant classes: letters that transliterate into one another share a class, so «جورج»
# and "george" (J ~ G) correspond, and «ثابت» (th) and "sabit" do.
_ARABIC_CLASSES = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "K", "ح": "", "خ": "", "ه": "",
    "د": "T", "ض": "T", "ذ": "T", "ر": "R", "ز": "S", "ظ": "S", "س": "S", "ص": "S",
    "ش": "S", "غ": "K", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "گ": "K", "ل": "L",
    "م": "M", "ن": "N",
}  # fmt: skip
_ENGLISH_DIGRAPHS = (
    ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"), ("th", "T"),
    ("ph", "F"), ("kh", ""), ("gh", "K"), ("dh", "T"), ("dj", "K"), ("ck", "K"), ("ts", "S"),
    ("tz", "S"), ("x", "KS"),
)  # fmt: skip
_ENGLISH_CLASSES = {
    "b": "B", "p": "B", "t": "T", "d": "T", "r": "R", "s": "S", "z": "S", "c": "K", "j": "K",
    "g": "K", "k": "K", "q": "K", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N",
}  # fmt: skip


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(char for char in plain if not unicodedata.combining(char))


def arabic_skeleton(word: str) -> str:
    """The consonant classes of an Arabic word (vowel letters, ع and ه/ح/خ left out)."""
    return "".join(_ARABIC_CLASSES.get(letter, "") for letter in fold(word).replace("تش", "ش"))


def english_skeleton(word: str) -> str:
    """The consonant classes of a Latin spelling, digraphs read as one sound."""
    text = _ascii(word.lower())
    for digraph, sound in _ENGLISH_DIGRAPHS:
        text = text.replace(digraph, f"<{sound}>")
    out = []
    for part in re.split(r"(<[A-Z]*>)", text):
        if part.startswith("<"):
            out.append(part[1:-1])
        else:
            out.extend(_ENGLISH_CLASSES.get(letter, "") for letter in part)
    # A doubled consonant is one sound (Hollande, Assad).
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def corresponds(arabic: str, english: str) -> bool:
    """True when the two spellings' consonants mostly correspond."""
    a = re.sub(r"(.)\1+", r"\1", arabic_skeleton(arabic))
    b = english_skeleton(english)
    if not a or not b:
        return len(a) <= 1 and len(b) <= 1
    # Two more consonants on one side is another word glued on («نجاد» and "ahmadinejad").
    if abs(len(a) - len(b)) > max(1, min(len(a), len(b)) // 2):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= MIN_SIMILARITY


def capitalized(english: str) -> str:
    """A name word as English writes it: each part capitalized (Jean-Yves, O'Brien,
    McDonald), the particles of :data:`_LOWER_PARTICLES` in lower case."""
    if english in _LOWER_PARTICLES:
        return english
    parts = re.split(r"([\-'])", english)
    out = []
    for part in parts:
        if part and part not in "-'":
            part = part[:1].upper() + part[1:]
            if part.startswith("Mc") and len(part) > 2:
                part = "Mc" + part[2].upper() + part[3:]
        out.append(part)
    text = "".join(out)
    # "Sa'id": only a one-letter part before an apostrophe is a prefix (O'Brien, D'Alema).
    return re.sub(r"(?<=\w\w)'(\w)", lambda m: "'" + m.group(1).lower(), text)


def _clean_english(english: str) -> str | None:
    word = english.strip().lower().strip("'-")
    if not _ENGLISH.fullmatch(word) or len(word.replace("'", "").replace("-", "")) < 2:
        return None
    return word


def join_tables(names_dir: Path) -> dict[str, str]:
    """Folded Arabic token -> its most frequent English spelling, capitalized; when that
    spelling is no Arabic transliteration (:func:`arabic_style`: «بادي» Buddy) and another
    one of at least :data:`MIN_ARAB_VOTES` votes is (Badi), the two joined by a tab, the
    one an Arab's name uses second."""
    # key -> ascii spelling -> [wikidata count, wikipedia count, {display form: count}]
    votes: dict[str, dict[str, list]] = defaultdict(dict)

    def vote(arabic: str, english: str, count: int, wikidata: bool) -> None:
        key = fold(arabic.replace(" ", "")).replace("\u200e", "")
        word = _clean_english(english)
        if not word or not key.isalpha() or key in PARTICLES or not corresponds(key, word):
            return
        entry = votes[key].setdefault(_ascii(word), [0, 0, defaultdict(int)])
        entry[0 if wikidata else 1] += count
        entry[2][word] += count

    for line in (names_dir / WIKIDATA).read_text(encoding="utf-8").splitlines():
        english, arabic, count = line.split("\t")
        vote(arabic, english, int(count), True)
    for line in (names_dir / WIKIPEDIA).read_text(encoding="utf-8").splitlines():
        arabic, english = line.split("\t")
        vote(arabic, english, WIKIPEDIA_VOTES, False)
    table = {}
    for key, spellings in votes.items():
        best = max(
            spellings.items(),
            key=lambda item: (item[1][0] + item[1][1], item[1][0], item[0]),
        )
        table[key] = _display(best)
        if not arabic_style(best[0]):
            arab = [
                item
                for item in spellings.items()
                if arabic_style(_display(item)) and item[1][0] + item[1][1] >= MIN_ARAB_VOTES
            ]
            if arab:
                top = max(arab, key=lambda item: (item[1][0] + item[1][1], item[1][0], item[0]))
                table[key] += "\t" + _display(top)
    return table


def _display(spelling: tuple[str, list]) -> str:
    """A spelling's commonest written form (accents kept), capitalized."""
    forms = spelling[1][2]
    return capitalized(max(forms, key=lambda form: (forms[form], form == spelling[0], form)))


def write_table(table: dict[str, str], out: Path) -> None:
    """Write ``arabic<TAB>English`` lines, sorted by the Arabic."""
    header = (
        "# Arabic name token (folded) <TAB> English spelling. Made by briefing_tools.name_table\n"
        "# from Wikidata (CC0) and google/transliteration (Apache-2.0); see README.md.\n"
    )
    lines = [f"{key}\t{table[key]}\n" for key in sorted(table)]
    out.write_text(header + "".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m briefing_tools.name_table NAMES_DIR OUT``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        print("usage: python -m briefing_tools.name_table NAMES_DIR OUT", file=sys.stderr)
        return 2
    table = join_tables(Path(args[0]))
    write_table(table, Path(args[1]))
    print(f"{len(table)} spellings written to {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
