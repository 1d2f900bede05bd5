"""A statement as the speaker: «بيان صادر عن X», «بيانان صادران عن مكتبي X وY», «بيان
للدول الثلاث».

A statement speaks for its authors. When one actor of the brief issued it, that actor is the
speaker (as «وقالت الوزارة في بيان» makes it). When several did, or a counted group the data
glosses («الدول الثلاث»), the speaker is the statement, described in English from
``speech.yaml`` (``statements``, ``authors``) and the actors' own English: "statements from
the offices of François Hollande and Vladimir Putin", "statement from the three countries".
Nothing is guessed: authors the data cannot put in English leave the phrase to the other
rules.
"""

from __future__ import annotations

from builder.arabic import fold
from builder.extract.matcher import phrase_key
from builder.extract.quotes.referents import actor_speaker, form_keys
from builder.extract.vocabulary_cache import by_identity
from builder.model import ActorMention, Speaker
from builder.speech_words import SpeechWords

_ISSUED = {fold(word) for word in ["صادر", "صادرة", "صادران", "صادرين", "صدر", "صدرت"]}
_FROM = {fold(word) for word in ["عن", "من"]}
_MAX_AUTHORS = 3
"""A statement names a few authors; a longer list is the content, not its authors."""


@by_identity
def _glosses(speech: SpeechWords) -> tuple[dict[str, str], dict[str, str]]:
    """Folded statement nouns and author phrases -> English."""
    statements = {phrase_key(gloss.ar): gloss.en for gloss in speech.statements}
    authors = {phrase_key(gloss.ar): gloss.en for gloss in speech.authors}
    return statements, authors


def _longest(words: list[str], table: dict[str, str]) -> tuple[str, int] | None:
    """The English of the longest entry of ``table`` that ``words`` open with, and its size."""
    for size in range(min(3, len(words)), 0, -1):
        english = table.get(" ".join(words[:size]))
        if english is not None:
            return english, size
    return None


def _authors(words: list[str], actors: tuple[ActorMention, ...]) -> tuple[list[ActorMention], int]:
    """The actors named at the start of ``words``, in order, joined by و («هولاند وبوتين»),
    and how many words name them."""
    found: list[ActorMention] = []
    index = 0
    while index < len(words) and len(found) < _MAX_AUTHORS:
        word = words[index].removeprefix("و") if found else words[index]
        rest = [word, *words[index + 1 :]]
        match = None
        for actor in actors:
            for key in form_keys(actor):
                size = len(key.split())
                if " ".join(rest[:size]) == key and (match is None or size > match[1]):
                    match = (actor, size)
        if match is None:
            break
        if match[0] not in found:
            found.append(match[0])
        index += match[1]
    return found, index


def statement_speaker(
    phrase: str, actors: tuple[ActorMention, ...], speech: SpeechWords
) -> Speaker | None:
    """The speaker of a phrase that opens with a statement noun (see the module doc); None
    when it does not, or when its authors cannot be told."""
    statements, authors = _glosses(speech)
    words = phrase_key(phrase).split()
    if len(words) > 1 and words[0].startswith("ال") and words[1].removeprefix("ال") in _ISSUED:
        # «البيان الصادر عن ...»: the statement named by its authors, as «بيان صادر عن».
        words = [words[0].removeprefix("ال"), words[1].removeprefix("ال"), *words[2:]]
    opening = _longest(words, statements)
    if opening is None:
        return None
    noun, index = opening
    if index < len(words) and words[index] in _ISSUED:
        index += 1
    if index < len(words) and words[index] in _FROM:
        index += 1
    elif index < len(words) and words[index].startswith("ل"):
        # «بيان للدول الثلاث», «بيان لوزارة الخارجية»: ل + the authors, article as «ال».
        word = words[index]
        words = [*words[:index], "ال" + word[2:] if word.startswith("لل") else word[1:]]
        words += phrase_key(phrase).split()[index + 1 :]
    else:
        return None
    rest = words[index:]
    head = _longest(rest, authors)
    written = phrase.split()
    if head is not None and not head[0].endswith(" of"):
        return Speaker(ar=" ".join(written[: index + head[1]]), en=f"{noun} from {head[0]}")
    skipped = head[1] if head else 0
    named, size = _authors(rest[skipped:], actors)
    if not named:
        return None
    if head is None and len(named) == 1:
        return actor_speaker(named[0])
    if any(not actor.en for actor in named):
        return None
    who = _and([actor.en or "" for actor in named])
    english = f"{noun} from {head[0] + ' ' if head else ''}{who}"
    return Speaker(ar=" ".join(written[: index + skipped + size]), en=english)


def _and(names: list[str]) -> str:
    """«A», «A and B», «A, B and C»."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def unattributed_statement(phrase: str, speech: SpeechWords) -> Speaker | None:
    """«بيان صادر», «بيان للقيادة المشتركة» whose authors :func:`statement_speaker` cannot
    tell: the statement itself, "statement (unnamed)"; None when the phrase does not open
    with a statement noun."""
    statements, _ = _glosses(speech)
    words = phrase_key(phrase).split()
    opening = _longest(words, statements)
    if opening is None:
        return None
    noun, size = opening
    return Speaker(ar=" ".join(phrase.split()[:size]), en=f"{noun} (unnamed)")
