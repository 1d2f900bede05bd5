"""Whether a matched quote's speaker is the gold speaker (the ``quotes.speaker`` accuracy).

Gold names a speaker in English (``speaker_en``); the extractor gives an Arabic speaker,
an English name when it knows one, and the key of the actor it resolved to. Any of three
agreements counts: the words of one English name are all in the other, the speaker's Arabic
is a form of the gold actor the gold English names, or an unnamed speaker's Arabic names
the gold body the gold speaker speaks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_tools.evaluate.matching import actor_surfaces, english_alternatives, surface_key
from briefing_tools.gold import GoldActor
from builder.model import ActorMention, Quote

_STOPWORDS = {"the", "of", "a", "an", "and", "for", "s", "unnamed", "by", "relayed", "at", "in"}
_CANONICAL = {"american": "us", "americans": "us", "u": "us", "usa": "us"}


def _speaker_tokens(name: str) -> list[set[str]]:
    alternatives = []
    for alternative in english_alternatives(name):
        tokens = {
            # Singular and plural name the same speaker: officials ~ official.
            _CANONICAL.get(token) or (token.removesuffix("s") if len(token) > 3 else token)
            for token in re.findall(r"[a-z0-9]+", alternative)
            if token not in _STOPWORDS
        }
        if tokens:
            alternatives.append(tokens)
    return alternatives


def speaker_matches(
    gold_speaker: str,
    quote: Quote,
    actors: Sequence[ActorMention],
    gold_actors: Sequence[GoldActor] = (),
) -> bool:
    """True when the predicted speaker is the gold speaker: all the words of one English name
    appear in the other («Santoro» for «David Santoro», «State Department spokesperson» for
    «US State Department spokesperson»), or the speaker's Arabic is a form of the gold actor
    that English names (a provisional romanization is still the right person)."""
    if quote.speaker is None:
        return False
    wanted_names = english_alternatives(gold_speaker)
    speaker_forms = {surface_key(quote.speaker.ar)}
    speaker_forms |= {
        surface_key(form)
        for actor in actors
        if quote.speaker.key and actor.key == quote.speaker.key
        for form in (actor.ar, *actor.forms)
    }
    for gold_actor in gold_actors:
        if english_alternatives(gold_actor.en) & wanted_names and (
            actor_surfaces(gold_actor) & speaker_forms
        ):
            return True
    if _speaks_for_gold_body(gold_speaker, quote.speaker.ar, gold_actors):
        return True
    names = [quote.speaker.en or ""]
    names += [actor.en for actor in actors if quote.speaker.key and actor.key == quote.speaker.key]
    expected = _speaker_tokens(gold_speaker)
    return any(
        found <= wanted or wanted <= found
        for name in names
        for found in _speaker_tokens(name)
        for wanted in expected
    )


def _speaks_for_gold_body(
    gold_speaker: str, speaker_ar: str, gold_actors: Sequence[GoldActor]
) -> bool:
    """«متحدث باسم وزارة الخارجية» for "US State Department spokesperson": the unnamed
    speaker's Arabic names the body the gold speaker speaks for. The longest gold form in the
    speaker's words decides, so «وزارة الخارجية الروسية» is not the bare «وزارة الخارجية»."""
    words = f" {surface_key(speaker_ar)} "
    named = [
        (len(form), actor)
        for actor in gold_actors
        for form in actor_surfaces(actor)
        if f" {form} " in words
    ]
    if not named:
        return False
    body = max(named, key=lambda item: item[0])[1]
    gold = " ".join(gold_speaker.lower().split())
    names = english_alternatives(body.en)
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", gold) for name in names)
