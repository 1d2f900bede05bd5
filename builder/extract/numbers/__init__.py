"""Salient quantities in Arabic news text: money, people, weapons, percentages, distances.

A mention is a number (Western or Arabic-Indic digits with ``٫``/``.`` decimals and
``٬``/``,`` thousands, or spelled-out words: ``ثلاثة آلاف``, ``خمسة وعشرون``), an optional
multiplier (``ألف``، ``مليون``، ``مليار``...), an optional range (``بين 10 و15``, ``من 10 إلى
15``, ``10-15``), a hedge before it (``أكثر من``, ``نحو``, ``ما لا يقل عن``...; an attached
ب/ل stays in the span, as in ``بأكثر من 20%``) and the counted thing after it, mapped to an
English ``unit`` through the unit vocabulary (:data:`UNITS` for the package's own). Duals of
time units (``يومين``, ``عقدين``) count 2, and ``السنوات الأربع الماضية`` (noun, then number)
counts too.

Not reported: years and dates (anything :func:`extract_dates` reads as a calendar date),
footnote and list markers (``[1]``, ``(2)``, ``1.`` at line start), labels (``القرار 2231``,
``المادة 5``, ``الفرقة 82``), model names (``إف-35``, ``إس-400``, ``كوفيد-19``), times, vague
plurals (``آلاف الجنود``, ``عشرات``), and small spelled numbers without a known counted noun.

The rules, one family a module: :mod:`.spelled` (number words), :mod:`.digits` (digits,
multipliers, ranges, markers), :mod:`.units` (counted nouns, duals), :mod:`.qualifiers`
(hedges, labels); :mod:`.mentions` resolves overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.arabic import fold_keep_length
from builder.extract.dates import extract_dates
from builder.extract.numbers.digits import CORE_RE, is_marker, number_at, range_after
from builder.extract.numbers.mentions import NumberFound, found, share_units
from builder.extract.numbers.nouns import counted_noun_after, dual_counts
from builder.extract.numbers.qualifiers import hedge_after, hedge_before, is_label
from builder.extract.numbers.units import DUALS, Free, UnitRules, duals, unit_rules
from builder.extract.patterns import previous_word
from builder.extract.spans import DisjointSpans
from builder.knowledge import Knowledge, package_units
from builder.model import DateMention, NumberMention

__all__ = ["DUALS", "UNITS", "extract_numbers"]

UNITS: dict[str, tuple[str, ...]] = {unit.en: unit.forms for unit in package_units()}
"""The package's unit vocabulary (``builder/data/units.yaml``): English unit -> Arabic forms
(singular, plural, multi-word); folding covers hamza/alef. A build uses
:attr:`Knowledge.units`, which a user data folder may extend."""


def extract_numbers(
    text: str, dates: tuple[DateMention, ...] | None = None, knowledge: Knowledge | None = None
) -> tuple[NumberMention, ...]:
    """Salient quantities of ``text`` in text order (dates, years, labels and markers left out).

    ``dates`` are the date mentions of the same text when the caller already has them
    (their ``iso`` does not depend on the publication date); otherwise they are extracted.
    ``knowledge`` gives the unit vocabulary (the package's own without it).
    """
    folded = fold_keep_length(text)
    if dates is None:
        dates = extract_dates(text, None, knowledge)
    blocked = DisjointSpans(_date_spans(text, dates))

    def free(start: int, end: int) -> bool:
        return not blocked.overlaps(start, end)

    rules = unit_rules(knowledge.units if knowledge else package_units())
    candidates = list(_numbers(text, folded, free, rules))
    candidates.extend(duals(text, folded, free))
    candidates.extend(rules.noun_numbers(text, folded, free))
    candidates.extend(
        found(text, start, end, 2) for start, end in dual_counts(folded) if free(start, end)
    )
    candidates.sort(key=lambda item: item.start)
    return share_units(folded, candidates)


def _numbers(text: str, folded: str, free: Free, rules: UnitRules) -> Iterator[NumberFound]:
    """Every number core, widened to its range, unit and hedges, that is a quantity."""
    pos = 0
    while (core := CORE_RE.search(folded, pos)) is not None:
        pos = core.end()
        start = core.start("digits") if core["digits"] else core.start("words")
        if core["pct"]:
            start = core.start("pct")
        number = number_at(folded, core)
        if number is None:
            continue
        value, end, scaled, spelled = number.value, number.end, number.scaled, number.spelled
        value_max = None
        span = range_after(folded, start, number)
        if span:
            start, value, value_max, end, scaled = span
            pos = end  # the upper end is not a number of its own
        unit, unit_end = ("percent", end) if core["pct"] else rules.unit_at(folded, end, scaled)
        counted = False
        if unit:
            end = unit_end
            pos = max(pos, end)
        elif not scaled and value_max is None:
            noun = counted_noun_after(folded, end, value, spelled)
            if noun is not None:
                end, counted = noun.end, True
                pos = max(pos, end)
        qualifier = None
        before = hedge_before(folded, start)
        if before:
            qualifier, start = before
        after = hedge_after(folded, end)
        if after and qualifier is None:
            qualifier, end = after
        if not free(start, end) or is_marker(folded, start, end):
            continue
        prev = previous_word(folded, start)
        if is_label(prev) and not qualifier and value_max is None:
            continue
        if re.fullmatch(r"[A-Za-z]+", prev) and not unit:
            continue  # «April 24» in an English reference
        salient = unit or scaled or qualifier or value_max is not None or counted
        if spelled and not (unit or scaled or counted or value >= 11):
            continue
        if not salient:
            if spelled or value < 10 or (1800 <= value <= 2100 and value == int(value)):
                continue
            if (
                prev.startswith("ال")
                and prev not in {"الي", "الا"}
                and not rules.nouns.lookup(prev[2:])
            ):
                continue  # «الفرقة 82»-like labels after a definite noun
        yield found(text, start, end, value, unit, value_max, qualifier)


def _date_spans(text: str, dates: tuple[DateMention, ...]) -> list[tuple[int, int]]:
    """Offsets of calendar dates and years (relative durations such as قبل يومين stay numbers)."""
    spans, cursor = [], 0
    for mention in dates:
        start = text.find(mention.text, cursor)
        if start < 0:
            continue
        cursor = start + len(mention.text)
        if mention.iso is not None:
            spans.append((start, cursor))
    return spans
