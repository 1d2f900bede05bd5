"""Whether a matched quote's speaker is the gold speaker (the ``quotes.speaker`` accuracy).

Gold names a speaker in English (``speaker_en``). An English reader sees only the
speaker's English label, so only English counts: the speaker's own ``en``, or the English
name of the actor it resolved to (``key``). An Arabic phrase without English is not a right
speaker, however well it names the person. The wording is compared leniently, as a reader
would: the words of one name are all in the other («Santoro» for «David Santoro»), singular
and plural are one word (officials ~ official), a country's name and adjective are one word
(US ~ American ~ United States), accents, «al-», «(unnamed)» and British/American spellings
do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from briefing_tools.evaluate.matching import english_alternatives
from briefing_tools.gold import GoldActor
from builder.config import PACKAGE_DATA
from builder.knowledge import load_knowledge
from builder.model import ActorMention, Quote

_STOPWORDS = {
    "the", "of", "a", "an", "and", "for", "s", "unnamed", "by", "relayed", "at", "in", "al",
    "el", "on", "to", "matter",
}  # fmt: skip
_SYNONYMS = {
    "defence": "defense", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "accused": "suspect",
}  # fmt: skip
"""One word for spellings and forms a reader takes for the same (BrE/AmE, gendered titles,
«المتهمان» as "the two accused" or "the two suspects");
«the matter» of «familiar with the matter» is the subject at hand, no word of its own."""
_BODY_NAMES = {
    "foreignministry": [
        "ministry of foreign affairs", "foreign affairs ministry", "foreign ministry",
        "state department", "department of state", "foreign office",
    ],
    "defenseministry": [
        "ministry of defense", "defense ministry", "defense department",
        "department of defense",
    ],
    "interiorministry": [
        "ministry of the interior", "ministry of interior", "interior ministry", "home office",
    ],
}  # fmt: skip
"""One name for the usual English names of the same ministry (the US State Department is
its foreign ministry); the country, when named, is a word of its own."""
_COUNTRY_ALIASES = {"us": "us", "u s": "us", "usa": "us", "uk": "gb", "britain": "gb"}
"""Short names the country data does not hold."""


@lru_cache(maxsize=1)
def _country_words() -> tuple[tuple[str, str], ...]:
    """(country name or adjective, lower-cased) -> its code, longest first: «United States»
    and «American» are both the US."""
    pairs = dict(_COUNTRY_ALIASES)
    for country in load_knowledge((PACKAGE_DATA,)).countries:
        for name in (country.en, country.en_adjective):
            if name:
                pairs[_plain(name)] = country.code.lower()
    return tuple(sorted(pairs.items(), key=lambda item: -len(item[0])))


def _plain(text: str) -> str:
    """Lower case without accents (Noël -> noel)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _speaker_tokens(name: str) -> list[set[str]]:
    """The content words of each alternative of an English name, normalized."""
    alternatives = []
    for alternative in english_alternatives(name):
        text = f" {' '.join(re.findall(r'[a-z0-9]+', _plain(alternative)))} "
        for word, spelling in _SYNONYMS.items():
            text = text.replace(f" {word} ", f" {spelling} ")
        for body, names in _BODY_NAMES.items():
            for body_name in names:
                text = text.replace(f" {body_name} ", f" {body} ")
        for country, code in _country_words():
            words = " ".join(re.findall(r"[a-z0-9]+", country))
            # A plural adjective (Americans) is the country too.
            text = re.sub(rf" {re.escape(words)}s? ", f" {code}:country ", text)
        tokens = set()
        for token in text.split():
            if token in _STOPWORDS:
                continue
            # Singular and plural name the same speaker: officials ~ official.
            plural = len(token) > 3 and not token.endswith(":country")
            tokens.add(token.removesuffix("s") if plural else token)
        if tokens:
            alternatives.append(tokens)
    return alternatives


def speaker_names(quote: Quote, actors: Sequence[ActorMention]) -> list[str]:
    """The English a reader sees for the quote's speaker: its label, and the English name of
    the actor it resolved to."""
    if quote.speaker is None:
        return []
    names = [quote.speaker.en] if quote.speaker.en else []
    if quote.speaker.key:
        names += [actor.en for actor in actors if actor.key == quote.speaker.key and actor.en]
    return names


def speaker_matches(
    gold_speaker: str,
    quote: Quote,
    actors: Sequence[ActorMention],
    gold_actors: Sequence[GoldActor] = (),
) -> bool:
    """True when the speaker's English names the gold speaker: all the words of one name
    appear in the other («Santoro» for «David Santoro», «State Department spokesperson» for
    «US State Department spokesperson»). ``gold_actors`` is accepted for the callers' sake;
    Arabic agreement alone no longer counts."""
    del gold_actors  # English only: an Arabic match is not what a reader sees.
    expected = _speaker_tokens(gold_speaker)
    return any(
        found <= wanted or wanted <= found
        for name in speaker_names(quote, actors)
        for found in _speaker_tokens(name)
        for wanted in expected
    )
