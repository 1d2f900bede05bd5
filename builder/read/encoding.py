"""Decoding source bytes: byte-order marks, UTF-8, and the two legacy Arabic code pages.

Scraped and mailed Arabic articles still arrive in windows-1256 (older Windows tools, many
Arabic sites) and sometimes ISO-8859-6. Both put Arabic letters in the upper half of the
byte range, at different places, so either can decode the other's bytes into plausible
but wrong Arabic. The choice is made on the text itself: the article «ال» begins a large
share of Arabic words, and only the right code page produces it. Files that are not text
at all (a PDF, an image, a Word document renamed ``.txt``) are recognised and refused.

Whether bytes are text is a matter of proportion, not of a single byte: legacy newspaper
archives export windows-1256 text that ends with one NUL byte, and a scraper leaves a stray
control character here and there; such a file is text, and the reader
(:mod:`builder.read.characters`) removes them with a note. A file whose NUL bytes or control
characters are more than a small share of it is refused; NUL bytes that only pad the end
of a file (a short headline's one NUL, an export padded to a block size) are not counted,
in the share or in the file's length.
"""

from __future__ import annotations

import re
import unicodedata

from builder.errors import BriefError

ENCODING_NAMES: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with byte-order mark)",
    "utf-16-le": "UTF-16 little-endian (byte-order mark)",
    "utf-16-be": "UTF-16 big-endian (byte-order mark)",
    "utf-32-le": "UTF-32 little-endian (byte-order mark)",
    "utf-32-be": "UTF-32 big-endian (byte-order mark)",
    "windows-1256": "windows-1256 (detected)",
    "iso-8859-6": "ISO-8859-6 (detected)",
}
"""How each encoding the reader returns is named on a page; the legacy code pages are
guessed from the text, so they say "detected"."""

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
)

_ARTICLE_WORD = re.compile(r"(?:^|(?<=[\s«\"(]))[وفبكل]?ال[\u0621-\u064a]")
_LATIN_IN_ARABIC = re.compile(r"[\u0621-\u064a][À-ÿ]|[À-ÿ][\u0621-\u064a]")

_NUL_SHARE = 0.01
"""Above this share of NUL bytes a file without a byte-order mark is not text: binary
formats are full of them, and UTF-16 without a mark has one in every other byte of each
Latin letter, digit and space (about a tenth of the bytes of an Arabic article). Trailing
NUL padding is left out of both counts, so a legacy archive's trailing NUL never counts."""
_ALTERNATING = 0.9
"""Share of the NUL bytes that pair with a Latin letter, digit, space or line break as
UTF-16 code units above which a refused file is taken for UTF-16 without a byte-order
mark, and told so."""
_ASCII_TEXT = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))

_CONTROL_SHARE = 0.05
"""Above this share of control characters (other than tab, newline, carriage return and
form feed) decoded "text" is taken for binary data: random bytes give about 11 %, a
scraped article with a few terminal escape codes well under 1 %."""
_CONTROL_FLOOR = 16
"""...and never for fewer control characters than this (a short text with a few)."""


_DETECTED_AR = "مكتشف من النص"


def encoding_name(encoding: str, lang: str = "en") -> str:
    """The readable name of an encoding id the reader returned, in ``lang``."""
    name = ENCODING_NAMES.get(encoding, encoding)
    if lang == "ar":
        return name.replace("(detected)", f"({_DETECTED_AR})")
    return name


def _refuse_binary(raw: bytes, file: str) -> None:
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            raise BriefError(file, f"this is {kind}, not article text; skipped", field="encoding")
    # Trailing NUL padding (a legacy export's last byte, or a block-sized export) never
    # counts: the share is of the bytes before it, so a short headline with its NUL is text.
    content = raw.rstrip(b"\0")
    if raw and not content:
        raise BriefError(file, "only NUL bytes, not article text; skipped", field="encoding")
    nuls = content.count(0)
    if nuls <= _NUL_SHARE * len(content):
        return  # none, or a stray few in text: characters.py removes them
    if _utf16_without_mark(content[:65536]):
        raise BriefError(
            file,
            "contains NUL bytes in every other byte: UTF-16 without a byte-order mark? "
            "Save it as UTF-8 (or UTF-16 with the mark); skipped",
            field="encoding",
        )
    raise BriefError(
        file, "binary file (contains NUL bytes), not article text; skipped", field="encoding"
    )


def _utf16_without_mark(sample: bytes) -> bool:
    """Whether the NUL bytes of ``sample`` (:data:`_CONTROL_FLOOR` at least) are nearly all
    the upper halves of UTF-16 code units whose lower half is a Latin letter, digit, space
    or line break, at one and the same parity."""
    nuls = sample.count(0)
    if nuls < _CONTROL_FLOOR:
        return False
    pairs = list(zip(sample[0::2], sample[1::2], strict=False))
    little = sum(1 for low, high in pairs if high == 0 and low in _ASCII_TEXT)
    big = sum(1 for high, low in pairs if high == 0 and low in _ASCII_TEXT)
    return max(little, big) >= _ALTERNATING * nuls


def _looks_binary(text: str) -> bool:
    sample = text.rstrip("\0")[:65536]  # trailing NUL padding is not data (see _refuse_binary)
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f"
    )
    return controls > max(_CONTROL_FLOOR, _CONTROL_SHARE * len(sample))


def _legacy_score(text: str) -> int:
    """How much ``text`` reads as Arabic: words with the article, less Latin letters glued
    to Arabic ones (what the wrong code page makes of Arabic letters)."""
    return len(_ARTICLE_WORD.findall(text)) - len(_LATIN_IN_ARABIC.findall(text))


def decode(raw: bytes, file: str) -> tuple[str, str]:
    """Decode source bytes, returning ``(text, encoding id)``: a byte-order mark decides,
    then strict UTF-8, then whichever of windows-1256 and ISO-8859-6 reads as Arabic.
    Binary files and undecodable bytes raise :class:`BriefError` naming the file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            codec = encoding.replace("-sig", "")
            try:
                text = raw[len(bom) :].decode(codec.replace("-", "_"))
            except UnicodeDecodeError as error:
                raise BriefError(
                    file,
                    f"not valid {encoding_name(encoding).split(' (')[0]} despite its "
                    f"byte-order mark ({error.reason} at byte {error.start + len(bom)}); skipped",
                    field="encoding",
                ) from error
            break
    else:
        _refuse_binary(raw, file)
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(raw)
    if _looks_binary(text):
        raise BriefError(
            file,
            f"binary data, not article text (too many control characters as {encoding}); skipped",
            field="encoding",
        )
    return text, encoding


def _decode_legacy(raw: bytes) -> tuple[str, str]:
    """windows-1256 (it maps every byte, so it always decodes), unless ISO-8859-6 decodes
    too and reads more like Arabic."""
    text, encoding = raw.decode("cp1256"), "windows-1256"
    try:
        other = raw.decode("iso8859_6")
    except UnicodeDecodeError:
        return text, encoding
    if _legacy_score(other) > _legacy_score(text):
        return other, "iso-8859-6"
    return text, encoding
