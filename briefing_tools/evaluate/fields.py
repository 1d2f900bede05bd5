"""One article's extraction scored against its gold file, field by field.

The matched pairs (:mod:`briefing_tools.evaluate.matching`) become hits, and what is left
misses and false alarms. Gold items marked ``uncertain`` are left out: matched, they are
neither a hit nor a false alarm; missed, they are not a miss. Two accuracy checks run on the
matched pairs: the ``iso`` value of a found date and the speaker of a found quote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefing_tools.evaluate.english import english_agrees
from briefing_tools.evaluate.matching import (
    Pairs,
    actor_surfaces,
    match_actors,
    match_quotes,
    match_spans,
    surface_key,
)
from briefing_tools.evaluate.scores import ArticleResult, Tally
from briefing_tools.evaluate.speakers import speaker_matches
from briefing_tools.gold import Gold, GoldActor
from builder.model import ActorMention, Extraction


def score_article(gold: Gold, extraction: Extraction, seconds: float) -> ArticleResult:
    """Every field's tally and itemized errors, and the actors that are page furniture;
    ``seconds`` is the time clean + extract took."""
    result = ArticleResult(article=gold.article, seconds=seconds)
    # The order of the fields is the order of the errors under --details.
    _score_dates(gold, extraction, result)
    _score_actors("people", gold.people, extraction.people, result)
    _score_english(gold, extraction, result)
    _score_actors("organizations", gold.organizations, extraction.organizations, result)
    _score_actors("countries", gold.countries, extraction.countries, result)
    _score_numbers(gold, extraction, result)
    _score_quotes(gold, extraction, result)
    result.furniture_actors = _furniture_actors(gold, extraction)
    return result


def _tally(
    name: str,
    golds: Sequence[Any],
    preds: Sequence[Any],
    pairs: Pairs,
    uncertain: Callable[[Any], bool],
    describe: Callable[[Any], str],
    errors: list[str],
    *,
    list_false_alarms: bool = True,
) -> Tally:
    """Hits, misses and false alarms of one field; misses (and false alarms, unless told
    otherwise) are described in ``errors``."""
    tally = Tally()
    for gold_index, gold in enumerate(golds):
        if gold_index in pairs:
            if not uncertain(gold):
                tally.hits += 1
        elif not uncertain(gold):
            tally.misses += 1
            errors.append(f"{name}: missed {describe(gold)}")
    matched = set(pairs.values())
    for pred_index, pred in enumerate(preds):
        if pred_index not in matched:
            tally.false_alarms += 1
            if list_false_alarms:
                errors.append(f"{name}: false alarm {describe(pred)}")
    return tally


def _score_actors(
    name: str, golds: Sequence[GoldActor], preds: Sequence[ActorMention], result: ArticleResult
) -> None:
    result.tallies[name] = _tally(
        name,
        golds,
        preds,
        match_actors(golds, preds),
        lambda gold: gold.uncertain,
        lambda actor: f"{actor.ar} ({actor.en})",
        result.errors,
    )


def _score_english(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    """``people.english``: a matched person's English name agrees with the gold one
    (:mod:`briefing_tools.evaluate.english`)."""
    english = Tally()
    people = list(extraction.people)
    for gold_index, pred_index in match_actors(gold.people, people).items():
        expected, found = gold.people[gold_index], people[pred_index]
        if expected.uncertain:
            continue
        if english_agrees(expected.en, found.en):
            english.hits += 1
        else:
            english.misses += 1
            result.errors.append(
                f"people.english: {expected.ar} is {expected.en}, named {found.en}"
            )
    result.tallies["people.english"] = english


def _score_dates(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    golds = [date for date in gold.dates for _ in range(date.count)]
    preds = list(extraction.dates)
    pairs = match_spans([date.text for date in golds], [date.text for date in preds])
    result.tallies["dates"] = _tally(
        "dates",
        golds,
        preds,
        pairs,
        lambda date: date.uncertain,
        lambda date: f"{date.text} [{date.iso}]",
        result.errors,
    )
    iso = Tally()
    for gold_index, pred_index in pairs.items():
        expected, found = golds[gold_index], preds[pred_index]
        if expected.uncertain:
            continue
        if expected.iso == found.iso:
            iso.hits += 1
        else:
            iso.misses += 1
            result.errors.append(
                f"dates.iso: {expected.text} is {expected.iso}, extracted {found.iso}"
            )
    result.tallies["dates.iso"] = iso


def _score_numbers(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    preds = list(extraction.numbers)
    pairs = match_spans([number.text for number in gold.numbers], [p.text for p in preds])
    result.tallies["numbers"] = _tally(
        "numbers",
        gold.numbers,
        preds,
        pairs,
        lambda number: number.uncertain,
        lambda number: (
            f"{number.text} [{number.value:g}]" if number.value is not None else number.text
        ),
        result.errors,
        list_false_alarms=False,  # numbers only target recall; unlisted quantities are fine
    )


def _score_quotes(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    preds = list(extraction.quotes)
    pairs = match_quotes(
        [quote.text_start for quote in gold.quotes], [quote.text for quote in preds]
    )
    result.tallies["quotes"] = _tally(
        "quotes",
        gold.quotes,
        preds,
        pairs,
        lambda quote: quote.uncertain,
        lambda quote: f"«{getattr(quote, 'text_start', None) or quote.text[:60]}»",
        result.errors,
    )
    actors = extraction.people + extraction.organizations + extraction.countries
    gold_actors = gold.people + gold.organizations + gold.countries
    speakers = Tally()
    for gold_index, pred_index in pairs.items():
        expected, found = gold.quotes[gold_index], preds[pred_index]
        if expected.uncertain:
            continue
        if speaker_matches(expected.speaker_en, found, actors, gold_actors):
            speakers.hits += 1
        else:
            speakers.misses += 1
            said = found.speaker.en or found.speaker.ar if found.speaker else None
            result.errors.append(
                f"quotes.speaker: «{expected.text_start}» is {expected.speaker_en}, "
                f"extracted {said}"
            )
    result.tallies["quotes.speaker"] = speakers


def _furniture_actors(gold: Gold, extraction: Extraction) -> list[str]:
    junk = {surface_key(text) for text in gold.junk_mentions} - {""}
    flagged = []
    for actor in extraction.people + extraction.organizations + extraction.countries:
        surfaces = actor_surfaces(actor)
        # Only equal or wider: a long caption naming someone the body also names is no proof.
        if any(piece == form or f" {piece} " in f" {form} " for piece in junk for form in surfaces):
            flagged.append(actor.ar)
    return flagged
