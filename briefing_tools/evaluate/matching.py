"""Which prediction is which gold item: the matching rules of ``briefing eval``, per field.

Matching is one-to-one and greedy in rounds, strongest evidence first, so one prediction
never counts for two gold items:

- **dates**: the same span (folded), then one span inside the other («عام 2019» for
  «في عام 2019»); repeated spans count once per occurrence (gold ``count``).
- **people, organizations, countries**: any shared surface form (folded, an attached
  preposition such as لـ dropped), then the same English name, then one multi-word form
  inside the other.
- **numbers**: one span inside the other; recall is the target, precision is shown.
- **quotes**: the gold start (a complementizer such as إن/أن/بأن dropped) begins the
  predicted content, then occurs in it, then the predicted content begins the gold start.

Each ``match_*`` function returns the pairs as gold index -> prediction index. What a pair
or its absence counts for (hits, misses, false alarms, ``uncertain`` gold items) is
:mod:`briefing_tools.evaluate.fields`; whether a matched quote's speaker is right is
:mod:`briefing_tools.evaluate.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing_tools.gold import GoldActor
from builder.arabic import PROCLITICS, fold
from builder.extract.matcher import WORD
from builder.model import ActorMention

Pairs = dict[int, int]
"""Gold index -> prediction index, one-to-one."""


def surface_key(text: str) -> str:
    """Fold a surface form for comparison; drop an attached preposition before ال."""
    words = WORD.findall(fold(text))
    if words:
        first = words[0]
        if first.startswith("لل") and len(first) > 3:
            words[0] = "ال" + first[2:]
        else:
            for clitic in PROCLITICS:
                if first.startswith(clitic + "ال") and len(first) > len(clitic) + 3:
                    words[0] = first[len(clitic) :]
                    break
    return " ".join(words)


def english_alternatives(name: str) -> set[str]:
    """``Pentagon (US Department of Defense)`` -> both names, lower-cased."""
    outside = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    return {" ".join(part.lower().split()) for part in [outside, *inside] if part.strip()}


def actor_surfaces(actor: GoldActor | ActorMention) -> set[str]:
    """Every Arabic form of an actor (main form and the others), as surface keys."""
    return {surface_key(form) for form in (actor.ar, *actor.forms)} - {""}


def contains(a: str, b: str) -> bool:
    """True when one folded span is the other or stands inside it, on word boundaries."""
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def greedy(golds: int, preds: int, rounds: Sequence[Callable[[int, int], bool]]) -> Pairs:
    """One-to-one matching of ``golds`` gold items with ``preds`` predictions, round by
    round; each round is a test on (gold index, prediction index). Returns gold -> pred."""
    pairs: Pairs = {}
    taken: set[int] = set()
    for matches in rounds:
        for gold_index in range(golds):
            if gold_index in pairs:
                continue
            for pred_index in range(preds):
                if pred_index not in taken and matches(gold_index, pred_index):
                    pairs[gold_index] = pred_index
                    taken.add(pred_index)
                    break
    return pairs


def match_spans(gold_texts: Sequence[str], pred_texts: Sequence[str]) -> Pairs:
    """Spans of the text (dates, numbers): the same span (folded) first, then one inside the
    other."""
    wanted = [surface_key(text) for text in gold_texts]
    found = [surface_key(text) for text in pred_texts]
    return greedy(
        len(wanted),
        len(found),
        (lambda g, p: wanted[g] == found[p], lambda g, p: contains(wanted[g], found[p])),
    )


def match_actors(golds: Sequence[GoldActor], preds: Sequence[ActorMention]) -> Pairs:
    """People, organizations or countries: a shared surface form, then a shared English
    name, then one multi-word form inside the other."""
    gold_surfaces = [actor_surfaces(gold) for gold in golds]
    pred_surfaces = [actor_surfaces(pred) for pred in preds]
    gold_english = [english_alternatives(gold.en) for gold in golds]
    pred_english = [english_alternatives(pred.en) for pred in preds]

    def same_form(g: int, p: int) -> bool:
        return bool(gold_surfaces[g] & pred_surfaces[p])

    def same_english(g: int, p: int) -> bool:
        return bool(gold_english[g] & pred_english[p])

    def nested_form(g: int, p: int) -> bool:
        return any(
            contains(a, b) and min(len(a.split()), len(b.split())) >= 2
            for a in gold_surfaces[g]
            for b in pred_surfaces[p]
        )

    return greedy(len(golds), len(preds), (same_form, same_english, nested_form))


# The speech verb's complement marker, with a preposition the verb governs (حذر من أن).
_COMPLEMENTIZER = re.compile(
    r"^(?:(?:من|على|الى|عن|في) )?(?:ب|ل)?ان(?:ه|ها|هم|هما|هن|ني|نا)?(?: |$)"
)


def _quote_key(text: str) -> str:
    return _COMPLEMENTIZER.sub("", surface_key(text))


def match_quotes(gold_starts: Sequence[str], pred_texts: Sequence[str]) -> Pairs:
    """Quotes, by the gold ``text_start`` and the predicted content: the start begins the
    content, then occurs in it, then the content (cut short) begins the start."""
    gold_keys = [_quote_key(text) for text in gold_starts]
    pred_keys = [_quote_key(text) for text in pred_texts]

    def keys(g: int, p: int) -> tuple[str, str]:
        return gold_keys[g], pred_keys[p]

    def starts(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return bool(wanted) and (found == wanted or found.startswith(wanted + " "))

    def inside(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return len(wanted.split()) >= 3 and f" {wanted} " in f" {found} "

    def truncated(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return len(found.split()) >= 3 and wanted.startswith(found + " ")

    return greedy(len(gold_starts), len(pred_texts), (starts, inside, truncated))
