"""Block YAML for generated front matter, written directly from plain data.

Every brief page carries its whole record in its front matter. Dumping it with PyYAML
(even with libyaml's emitter, its representer is Python and builds a node per value) was
about a third of the builder's time on a large corpus. The records are plain data (mappings
with string keys, lists, strings, numbers, booleans, null), so this writer emits them
directly: block mappings and sequences as libyaml lays them out, every string as a
double-quoted scalar on one line (JSON's escaping, which YAML 1.1 reads the same, plus
escapes for the characters YAML would read as line breaks or refuses unescaped). What
``yaml.safe_load`` reads back is the value written; the tests check it on arbitrary data.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring
from typing import Any

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Plain words YAML 1.1 reads as booleans or null rather than strings.
_RESERVED_KEYS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
# What may stay literal inside a double-quoted scalar: printable characters except the C1
# controls (U+0085 is a line break to YAML), the line and paragraph separators, surrogates
# and the byte-order mark. JSON's escaping has already dealt with the C0 controls.
_UNSAFE = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _escape_unsafe(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    if 0xD800 <= code <= 0xDFFF:
        # A lone surrogate cannot be written in UTF-8, and libyaml refuses its escape.
        return "\\uFFFD"
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}"


def quoted(value: str) -> str:
    """``value`` as a one-line double-quoted YAML scalar (a lone surrogate, which no UTF-8
    file can hold, as U+FFFD)."""
    encoded = encode_basestring(value)
    if _UNSAFE.search(encoded):
        encoded = _UNSAFE.sub(_escape_unsafe, encoded)
    return encoded


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"front matter keys must be strings, not {type(key).__name__}")
    if _PLAIN_KEY.match(key) and key.lower() not in _RESERVED_KEYS:
        return key
    return quoted(key)


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    shown = repr(value)
    # YAML 1.1 reads a number as a float only with a decimal point: 1e-05 would be a string.
    if "." not in shown:
        mantissa, _, exponent = shown.partition("e")
        shown = f"{mantissa}.0" + (f"e{exponent}" if exponent else "")
    return shown


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"cannot write {type(value).__name__} to front matter")


def _mapping(data: dict, indent: str, out: list[str]) -> None:
    for key, value in data.items():
        head = f"{indent}{_key(key)}:"
        if isinstance(value, dict) and value:
            out.append(head + "\n")
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list) and value:
            # Sequences in a mapping are not indented further, as libyaml writes them.
            out.append(head + "\n")
            _sequence(value, indent, out)
        else:
            out.append(f"{head} {_empty_or_scalar(value)}\n")


def _sequence(items: list, indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            # The first key on the dash's line, the others under it.
            nested: list[str] = []
            _mapping(item, indent + "  ", nested)
            out.append(f"{indent}- {nested[0][len(indent) + 2 :]}")
            out.extend(nested[1:])
        elif isinstance(item, list) and item:
            out.append(f"{indent}-\n")
            _sequence(item, indent + "  ", out)
        else:
            out.append(f"{indent}- {_empty_or_scalar(item)}\n")


def _empty_or_scalar(value: Any) -> str:
    # Called with an empty container or a scalar.
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def dump(data: dict) -> str:
    """``data`` as block YAML: insertion order, Unicode kept, one line per scalar."""
    if not data:
        return "{}\n"
    out: list[str] = []
    _mapping(data, "", out)
    return "".join(out)
