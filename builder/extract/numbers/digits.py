"""Numbers written in digits, multipliers after a number, and ranges of two numbers.

Digits are Western or Arabic-Indic (folded to ASCII) with ``٫``/``.`` decimals and ``٬``/``,``
thousands; a multiplier (``ألف``، ``مليون``، ``مليار`` ...) scales the number before it, and a
second number after ``-``, ``إلى``, ``حتى`` or (after بين) ``و`` makes a range. Footnote, list
and clock numbers and pieces of URLs are markers, not quantities.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.extract.counted import MULTIPLIER
from builder.extract.numbers.spelled import NUMBER_OF, WORD, words_value
from builder.extract.patterns import norm

_DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?(?!\d)|\d+(?:[.٫]\d+|,\d{1,2}(?!\d))?"
_CORE = (
    rf"(?P<pct>[%٪]\s?)?(?P<digits>{_DIGITS})(?![\dA-Za-z]|[.,٫٬]\d)"
    rf"|(?<!\w)(?:وب|و|ب|ل)?(?P<words>{WORD}(?:\s+و?{WORD})*)(?!\w)"
)
CORE_RE = re.compile(r"(?<![\d\-–/.,٫٬A-Za-z])" + _CORE)
"""A number: digits (maybe after a percent sign) or spelled-out words; not inside a model
name, a date or a decimal (إف-35, 12/3, 1.5 read from its start only)."""
SECOND_RE = re.compile(_CORE)
"""The upper end of a range may follow a hyphen, which CORE_RE refuses (إف-35)."""
MULT_RE = re.compile(rf"\s*(?P<mult>{MULTIPLIER})(?!\w)(?P<half>\s+ونصف(?!\w))?")
RANGE_RE = re.compile(r"\s*(?P<sep>-|–|و|الي|حتي)\s*")
_LEAD_BEFORE_RE = re.compile(r"(?<!\w)(?:و)?(?P<lead>(?:ما\s+)?بين|من)\s+$")
_LEAD_REACH = 12
"""Characters before a number looked at for the بين/من that opens a range."""


class ParsedNumber(NamedTuple):
    """One number core plus its multiplier."""

    value: float
    """Full value, multiplier applied (3 مليار is 3e9)."""
    end: int
    """Offset after the number and its multiplier."""
    scaled: bool
    """A scale word or multiplier was part of it."""
    spelled: bool
    """Written in words, not digits."""
    factor: float
    """The multiplier (1.0 without one), for the lower end of a range."""


class NumberRange(NamedTuple):
    """A number and the upper end that follows it («بين 10 و15 مليار»)."""

    start: int
    """Start of the span: the opening بين/من when there is one."""
    value: float
    """Lower end, with the upper end's multiplier when only that one carries it."""
    value_max: float
    end: int
    scaled: bool


def _digits_value(raw: str) -> float:
    """The value of folded digits with their decimal and thousands separators."""
    raw = raw.replace("٬", "").replace("٫", ".")
    if re.fullmatch(r"\d+,\d{1,2}", raw):
        raw = raw.replace(",", ".")  # Maghrebi decimal comma: 1,5 مليار
    return float(raw.replace(",", ""))


def number_at(folded: str, core: re.Match[str]) -> ParsedNumber | None:
    """Value, end, scaled?, spelled? and multiplier of one number core plus its multiplier;
    None for a vague plural scale (آلاف الجنود)."""
    if core["digits"]:
        value, end, scaled, spelled = _digits_value(core["digits"]), core.end(), False, False
    else:
        parsed = words_value(core["words"])
        if parsed is None:
            return None
        (value, scaled), end, spelled = parsed, core.end(), True
    factor = 1.0
    mult = MULT_RE.match(folded, end)
    if mult and not core["pct"]:
        factor = NUMBER_OF[norm(mult["mult"])].value
        value = value * factor + (0.5 * factor if mult["half"] else 0)
        end, scaled = mult.end(), True
    return ParsedNumber(value, end, scaled, spelled, factor)


def range_after(folded: str, start: int, number: ParsedNumber) -> NumberRange | None:
    """The range that ``number`` (starting at ``start``) opens, if a larger number follows:
    «10-15», «من 10 إلى 15», «بين 10 و15» (و joins a range only after بين)."""
    window = max(0, start - _LEAD_REACH)
    lead = _LEAD_BEFORE_RE.search(folded[window:start])
    link = RANGE_RE.match(folded, number.end)
    if not link:
        return None
    second = SECOND_RE.match(folded, link.end())
    lead_word = lead["lead"] if lead else ""
    allowed = ("و",) if "بين" in lead_word else ("الي", "حتي", "-", "–")
    if not (second and link["sep"] in allowed and (second["digits"] or second["words"])):
        return None
    other = number_at(folded, second)
    if not other or other.value <= number.value:
        return None
    value = number.value
    if other.scaled and not number.scaled:
        value *= other.factor  # «بين 10 و15 مليار»: the multiplier covers both ends
    return NumberRange(
        start=window + lead.start("lead") if lead else start,
        value=value,
        value_max=other.value,
        end=other.end,
        scaled=number.scaled or other.scaled,
    )


def is_marker(folded: str, start: int, end: int) -> bool:
    """Footnote, list and clock numbers ([1], (2), «1.» at line start, 10:30), URL pieces."""
    before, after = folded[max(0, start - 2) : start], folded[end : end + 2]
    token_start = max(folded.rfind(" ", 0, start), folded.rfind("\n", 0, start)) + 1
    token = folded[token_start : end + 40].split(None, 1)[0] if folded[token_start:end] else ""
    if re.search(r"https?:|www\.|/\S|=|%\d", token):
        return True
    if (
        re.search(r"[\[(]\s*$", before)
        and re.match(r"\s*[\])]", after)
        # «(40 مليار دولار)» after another currency is a conversion, not a footnote.
        and re.fullmatch(r"[\d.,٫٬\s]+", folded[start:end])
    ):
        return True
    if re.match(r":\d", after) or re.search(r"\d:$", before):
        return True
    line_start = folded.rfind("\n", 0, start) + 1
    return not folded[line_start:start].strip() and re.match(r"\s*[.)\-–]\s", after) is not None
