"""The number rules' results: a candidate with its span, and the overlap resolution."""

from __future__ import annotations

import re
from typing import NamedTuple

from builder.arabic import sentence_at
from builder.model import NumberMention


class NumberFound(NamedTuple):
    """A number mention and where it is, before overlaps are resolved."""

    start: int
    """Offset of the span in the text (qualifier and range included)."""
    end: int
    """Offset after the span (unit included)."""
    mention: NumberMention


def found(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str | None = None,
    value_max: float | None = None,
    qualifier: str | None = None,
) -> NumberFound:
    """The mention of ``text[start:end]``, with its sentence."""
    mention = NumberMention(text=text[start:end], value=value, unit=unit,
                            sentence=sentence_at(text, start), value_max=value_max,
                            qualifier=qualifier)  # fmt: skip
    return NumberFound(start, end, mention)


def share_units(folded: str, candidates: list[NumberFound]) -> tuple[NumberMention, ...]:
    """Drop overlaps; in «1770 و1710 رأسا» the bare number shares the counted one's unit.

    ``candidates`` are in text order; of two overlapping ones the longer is kept.
    """
    kept: list[NumberFound] = []
    for item in candidates:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    result = []
    for index, (_, end, mention) in enumerate(kept):
        if mention.unit is None and index + 1 < len(kept):
            nxt = kept[index + 1]
            if re.fullmatch(r"\s*و\s*", folded[end : nxt.start]) and nxt.mention.unit:
                mention = NumberMention(mention.text, mention.value, nxt.mention.unit,
                                        mention.sentence, mention.value_max,
                                        mention.qualifier)  # fmt: skip
        result.append(mention)
    return tuple(result)
