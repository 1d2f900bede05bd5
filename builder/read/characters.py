"""Invisible and look-alike characters in article text, normalized before anything reads it.

Copy-paste and scrapers bring characters a reader never sees but every matcher does:
direction controls (an unclosed U+202E reverses everything after it on the page),
zero-width spaces and joiners inside words, Arabic presentation forms (U+FB50-U+FDFF,
U+FE70-U+FEFF) from PDF exports that spell a word with different code points, terminal
control characters, and the NUL byte legacy newspaper archives end their exports with. The
article text the builder extracts from, indexes and shows is the normalized one; the source
file keeps the original, and the page says what was changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

KINDS: dict[str, dict[str, str]] = {
    "direction": {"en": "direction controls removed", "ar": "محارف تحكم في الاتجاه حُذفت"},
    "invisible": {"en": "zero-width characters removed", "ar": "محارف غير مرئية حُذفت"},
    "presentation": {
        "en": "presentation-form letters replaced by plain letters",
        "ar": "حروف بأشكال العرض استُبدلت بالحروف العادية",
    },
    "control": {"en": "control characters replaced by spaces", "ar": "محارف تحكم استُبدلت بمسافات"},
    "nul": {"en": "NUL bytes removed", "ar": "محارف فارغة (NUL) حُذفت"},
    "separator": {
        "en": "Unicode line separators made line breaks",
        "ar": "فواصل أسطر يونيكود جُعلت أسطرا جديدة",
    },
}
"""What each kind of change means, in English and Arabic, as pages and messages say it."""

_DIRECTION = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_SEPARATORS = "\u2028\u2029\u0085"
_NUL = "\x00"
_CONTROLS = "".join(
    chr(code) for code in (*range(1, 0x20), *range(0x7F, 0xA0)) if chr(code) not in "\t\n\r\x85"
)

_REMOVABLE = _DIRECTION + _INVISIBLE + _SEPARATORS + _CONTROLS + _NUL
_FINDER = re.compile(f"[{re.escape(_REMOVABLE)}\ufb50-\ufdff\ufe70-\ufefe]")


def _kind(char: str) -> str:
    if char in _DIRECTION:
        return "direction"
    if char in _INVISIBLE:
        return "invisible"
    if char in _SEPARATORS:
        return "separator"
    if char in _CONTROLS:
        return "control"
    if char == _NUL:
        return "nul"
    return "presentation"


def _replacement(char: str, kind: str) -> str:
    if kind in ("direction", "invisible", "nul"):
        return ""
    if kind == "separator":
        return "\n"
    if kind == "control":
        return " "
    return unicodedata.normalize("NFKC", char)


def normalize_characters(text: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """``text`` without direction controls, zero-width characters and NUL bytes, with
    presentation forms as plain letters, other control characters as spaces and Unicode
    line separators as newlines; plus how many characters of each kind (see :data:`KINDS`)
    were changed, in the order of :data:`KINDS`. Text without any of them comes back as it was."""
    if _FINDER.search(text) is None:
        return text, ()
    counts: Counter[str] = Counter()

    def replace(found: re.Match[str]) -> str:
        char = found.group(0)
        kind = _kind(char)
        counts[kind] += 1
        return _replacement(char, kind)

    normalized = _FINDER.sub(replace, text)
    return normalized, tuple((kind, counts[kind]) for kind in KINDS if counts[kind])


def describe_changes(changes: Iterable[tuple[str, object]], lang: str = "en") -> str:
    """The changes, ``(kind, count)`` pairs, as one phrase: ``3 direction controls
    removed; ...``."""
    separator = "؛ " if lang == "ar" else "; "
    return separator.join(f"{count} {KINDS[kind][lang]}" for kind, count in changes)
