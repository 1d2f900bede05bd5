"""Topics from the taxonomy and key terms from the terminology list.

A topic is assigned when its keywords occur at least ``min_hits`` times in the brief (the
title counts too); a term is listed when any of its forms occurs. Matching folds spelling
and attached particles (see :mod:`builder.extract.matcher`).
"""

from __future__ import annotations

from collections import Counter

from builder.extract.matcher import PhraseMatcher, phrase_key
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import Knowledge, Term, Topic
from builder.model import TermMention


@by_identity
def _topic_matcher(topics: tuple[Topic, ...]) -> PhraseMatcher[tuple[str, ...]]:
    # A keyword may signal several topics; each match counts for all of them.
    by_phrase: dict[str, list[str]] = {}
    for topic in topics:
        for keyword in (topic.ar, *topic.keywords):
            ids = by_phrase.setdefault(phrase_key(keyword), [])
            if topic.id not in ids:
                ids.append(topic.id)
    return PhraseMatcher({phrase: tuple(ids) for phrase, ids in by_phrase.items()})


@by_identity
def _term_matcher(terms: tuple[Term, ...]) -> PhraseMatcher[Term]:
    return PhraseMatcher({form: term for term in terms for form in (term.ar, *term.forms)})


def extract_topics(text: str, knowledge: Knowledge) -> tuple[str, ...]:
    """Topic ids, most strongly signalled first (ties in taxonomy order)."""
    hits = Counter(
        topic_id
        for match in _topic_matcher(knowledge.topics).finditer(text)
        for topic_id in match.payload
    )
    order = {topic.id: index for index, topic in enumerate(knowledge.topics)}
    chosen = [topic.id for topic in knowledge.topics if hits[topic.id] >= topic.min_hits]
    return tuple(sorted(chosen, key=lambda topic_id: (-hits[topic_id], order[topic_id])))


def extract_terms(text: str, knowledge: Knowledge) -> tuple[TermMention, ...]:
    """Terminology entries used in the brief, in order of first use."""
    counts: Counter[str] = Counter()
    terms: dict[str, Term] = {}
    for match in _term_matcher(knowledge.terms).finditer(text):
        counts[match.payload.ar] += 1
        terms.setdefault(match.payload.ar, match.payload)
    return tuple(TermMention(term.ar, term.en, counts[ar]) for ar, term in terms.items())
