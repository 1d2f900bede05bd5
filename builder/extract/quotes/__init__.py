"""Direct and reported speech, each with its speaker.

Arabic news reports speech in a few fixed shapes (:mod:`.reported`): verb-first attribution
(«وقال الباحث ديفيد سانتورو إن ...»), a direct quote in quotation marks after a speech verb
or a colon (:mod:`.marks`), «نقلت X عن Y قوله إن ...», «... بحسب X» / «وفقا لـ X، ...»
without a verb, and a follow-on verb with no subject («وأضاف:») that continues the last
speaker. The speech verbs come from the data (:mod:`.verbs`); the speaker phrase, the words
between the verb and إن/أن/the colon/the quote, is matched against the brief's actors, then
against roles (المتحدث باسم ...) (:mod:`.speakers`).
"""

from __future__ import annotations

from builder.extract.quotes.continuation import name_titled_speakers
from builder.extract.quotes.marks import QUOTE_MARKS, split_sentences
from builder.extract.quotes.names import join_surnames
from builder.extract.quotes.referents import RANKS
from builder.extract.quotes.reported import Attributed, Clause, clause_quotes, unverbed_quotes
from builder.extract.quotes.titles import with_stated_titles
from builder.extract.quotes.verbs import SpeechVerbs, speech_verbs
from builder.knowledge import Knowledge
from builder.model import ActorMention, Quote, Speaker

__all__ = ["extract_quotes"]


def extract_quotes(
    text: str, actors: tuple[ActorMention, ...], knowledge: Knowledge
) -> tuple[Quote, ...]:
    """Quotes in text order; ``actors`` are the brief's people, organizations and countries."""
    vocabulary = speech_verbs(knowledge.speech)
    # A title said without a name («وقال وزير الخارجية القطري») may be the person the brief
    # gave that title at any mention, not only the first.
    actors = with_stated_titles(text, actors, knowledge)
    quotes: list[Quote] = []
    last: Speaker | None = None
    for paragraph in text.split("\n"):
        for sentence in split_sentences(paragraph):
            found, last = _sentence_quotes(sentence, actors, knowledge, last, vocabulary)
            quotes.extend(found)
    joined = join_surnames(quotes, frozenset(RANKS), text, knowledge)
    return tuple(name_titled_speakers(joined))


def _sentence_quotes(
    sentence: str,
    actors: tuple[ActorMention, ...],
    knowledge: Knowledge,
    last: Speaker | None,
    vocabulary: SpeechVerbs,
) -> Attributed:
    """The quotes of one sentence, clause by clause; the speaker carries over."""
    marks = list(QUOTE_MARKS.finditer(sentence))
    starts, embedded = vocabulary.clause_starts(sentence, vocabulary.find(sentence), marks)
    if not starts:
        return unverbed_quotes(sentence, marks, actors, knowledge, last)
    quotes: list[Quote] = []
    speaker = last
    for index, verb in enumerate(starts):
        begin = starts[index - 1].end if index else 0
        end = starts[index + 1].start if index + 1 < len(starts) else len(sentence)
        found, speaker = clause_quotes(
            sentence, Clause(verb, begin, end), marks, actors, knowledge, speaker, vocabulary,
            embedded,
        )  # fmt: skip
        quotes += found
    return Attributed(quotes, speaker or last)
