"""One person, one page across the corpus: a partial name joins the one fuller name.

A brief that names a man only by part of his name («منصور هادي», «عادل الطريفي») gives a
pattern-found person of its own. Across the corpus such a name joins the one person whose
fuller name contains it («عبد ربه منصور هادي»), or whose name without its patronymics is
it («عادل بن زيد الطريفي» -> «عادل الطريفي»), when exactly one person fits. Only names of
two words or more join (one word is too little to tell two men apart), and only names
found by pattern: a listed person's page is never moved. Deterministic: candidates are
compared by key, in sorted order.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from builder.extract.people_merge import contained_name
from builder.extract.people_names import name_words, short_form
from builder.model import ActorMention, Extraction, Speaker

Names = tuple[str, ...]


def person_merges(people: Iterable[ActorMention]) -> dict[str, ActorMention]:
    """Pattern-found person key -> a mention of the one fuller person it joins."""
    forms: dict[str, set[Names]] = defaultdict(set)
    sample: dict[str, ActorMention] = {}
    for mention in people:
        forms[mention.key].update(name_words(form) for form in (mention.ar, *mention.forms))
        current = sample.get(mention.key)
        if current is None or len(name_words(mention.ar)) > len(name_words(current.ar)):
            sample[mention.key] = mention
    # Index the contiguous parts and the short form of every form, so each candidate is
    # looked up, not searched for.
    holders: dict[Names, set[str]] = defaultdict(set)
    for key, names in forms.items():
        for words in names:
            holders[short_form(words)].add(key)
            if len(words) >= 3:
                holders[(words[0], words[-1])].add(key)
            for size in range(2, len(words)):
                for start in range(len(words) - size + 1):
                    holders[words[start : start + size]].add(key)
    merges: dict[str, str] = {}
    for key in sorted(forms):
        own = name_words(sample[key].ar)
        if not key.startswith("name:") or len(own) < 2:
            continue
        hosts = {
            other
            for other in holders.get(own, set())
            if other != key
            and any(
                contained_name(own, full) or short_form(full) == own != full
                for full in forms[other]
            )
        }
        if len(hosts) == 1:
            merges[key] = next(iter(hosts))
    resolved = {}
    for key, host in merges.items():
        seen = {key}
        while host in merges and host not in seen:
            seen.add(host)
            host = merges[host]
        if host != key:
            resolved[key] = sample[host]
    return resolved


def merged(mention: ActorMention, merges: dict[str, ActorMention]) -> ActorMention:
    """The mention under the key (and English name) of the person it joins, if any."""
    host = merges.get(mention.key)
    return mention if host is None else _under(mention, host)


def merged_extraction(extraction: Extraction, merges: dict[str, ActorMention]) -> Extraction:
    """The brief's extraction with its people, and the quotes they speak, under the keys of
    the people they join: the brief's page then links to the pages the corpus has. Two
    mentions that now name one person become one."""
    if not any(person.key in merges for person in extraction.people):
        return extraction
    people: dict[str, ActorMention] = {}
    for person in extraction.people:
        mention = merged(person, merges)
        other = people.get(mention.key)
        if other is not None:
            # The fuller name (the one others join) is the one shown; the counts add up.
            shown = other if person.key in merges else mention
            mention = dataclasses.replace(shown, count=other.count + mention.count)
        people[mention.key] = mention
    quotes = tuple(
        dataclasses.replace(quote, speaker=_moved_speaker(quote.speaker, merges))
        for quote in extraction.quotes
    )
    return dataclasses.replace(extraction, people=tuple(people.values()), quotes=quotes)


def _moved_speaker(speaker: Speaker | None, merges: dict[str, ActorMention]) -> Speaker | None:
    host = merges.get(speaker.key) if speaker is not None and speaker.key else None
    return speaker if speaker is None or host is None else _under(speaker, host)


Named = TypeVar("Named", ActorMention, Speaker)


def _under(item: Named, host: ActorMention) -> Named:
    """A mention or a speaker under the key and English name of the person it joins."""
    return dataclasses.replace(
        item, key=host.key, en=host.en, en_provisional=host.en_provisional,
        en_source=host.en_source,
    )  # fmt: skip
