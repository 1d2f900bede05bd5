"""An archive report for editors: what extraction and resolution make of a real corpus.

``briefing audit DIR`` builds nothing: it reads, cleans and extracts DIR's sources (with
their sidecars) as a build does (:func:`builder.pipeline.analyse_sources`), merges the
mentions into entities (:func:`builder.resolve.corpus.resolve`) and reports

- the people, organizations and countries with the most briefs, with where each English
  name comes from (:func:`english_source`);
- entities named in exactly one brief;
- suspected fragments (:func:`fragment_reasons`): a name opening with an attached
  particle before a known word, holding a function word or a verb-like word, a single very
  common word, or opening or closing with a title;
- suspected duplicates (:func:`duplicates`): one name's words inside another's, or
  names sharing a long last word (a surname);
- quotes: how many, how many are 1-3 words, have no verb-like word or are only an
  entity's name, and the most repeated texts.

The rules are heuristics meant to point an editor at what to read, not verdicts.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from builder.arabic import fold, strip_diacritics
from builder.config import BuildConfig
from builder.extract.matcher import phrase_key
from builder.extract.quotes.verbs import speech_verbs
from builder.extract.stopwords import NOT_NAME
from builder.knowledge import Knowledge, load_knowledge
from builder.model import Entity, Extraction
from builder.model import english_source as _source_of
from builder.pipeline import analyse_sources
from builder.read.sources import discover
from builder.resolve.corpus import resolve

KINDS = ("person", "organization", "country")

ATTACHED = ("وال", "بال", "فال", "لل", "و", "ب", "ف", "ل")
"""Particles written onto the next word (longest first): «والرئيس», «بالرئيس», «لرئيس»."""

COMMON_SHARE = 0.10
"""A one-word name is suspect when that word is in at least this share of the briefs."""

SURNAME_MIN = 5
"""Letters (folded) a last word needs to count as a surname two names share."""

SURNAME_SPREAD = 2
"""A shared last word is a surname when it is in at most this many times the briefs of the
names ending with it."""

_NOT_SURNAME = frozenset(fold(w) for w in ["الدين", "الله", "الرحمن", "الرحيم", "العزيز"])
"""Long last words that end many unrelated names (عبد الله, نور الدين)."""

_COMMON_VERBS = frozenset(
    fold(word)
    for word in [
        "كان", "كانت", "كانوا", "يكون", "تكون", "ليس", "ليست", "أصبح", "أصبحت", "بات",
        "باتت", "ظل", "ظلت", "صار", "يجب", "يمكن", "تم", "يتم", "جرى", "يجري", "سيكون",
        "لديه", "لديها", "هناك", "يوجد", "توجد", "قوله", "قولها", "قولهم",
    ]
)  # fmt: skip
"""Verbs (and verb-like words of being and having) common in news prose, and the quoting
noun «قوله»."""

FUNCTION_WORDS = NOT_NAME - {fold("على"), fold("وزارة"), fold("وزير")}
"""Words that are never inside a name (:data:`builder.extract.stopwords.NOT_NAME`), less
على, which folds like the name علي, and the ministry words, which head bodies' names."""

_SPELLED_ON = frozenset({"على", "إلى"})
"""Function words told apart from names only as spelled (على, not علي)."""

TRUNCATED = frozenset(fold(w) for w in ["عبد", "بن", "ابن", "بنت", "أبو", "أبي", "آل", "ال"])
"""Words a name never ends with: «محمد يوسف عبد» lost the rest of «عبد الله»."""


def _bare(word: str) -> str:
    return word.removeprefix("ال")


@dataclass(frozen=True)
class Vocabulary:
    """What the audit knows about words: the knowledge base's, and the corpus's frequencies."""

    knowledge: Knowledge
    document_frequency: Counter[str] = field(default_factory=Counter)
    """Briefs each folded word appears in."""
    briefs: int = 0

    @cached_property
    def given(self) -> frozenset[str]:
        return frozenset(
            phrase_key(form)
            for name in self.knowledge.given_names
            for form in (name.ar, *name.variants)
        )

    @cached_property
    def titles(self) -> frozenset[str]:
        """Folded title words without their article (رئيس, وزير, الجنرال -> جنرال)."""
        heads = set()
        for role in self.knowledge.roles:
            if not role.bare:
                continue  # «السيد», «الرائد»: their bare words are names («سيد قطب»)
            words = phrase_key(role.ar).split()
            if words:
                heads.add(_bare(words[0]))
                heads.add(_bare(words[0]) + "ه")
        return frozenset(heads)

    @cached_property
    def known(self) -> frozenset[str]:
        """Words an attached particle may stand before: function words, titles, given
        names, and the words of gazetteer and country names."""
        words = set(NOT_NAME) | set(self.titles) | set(self.given)
        for entry in (*self.knowledge.people, *self.knowledge.organizations):
            for form in (entry.ar, *entry.variants):
                words.update(_bare(w) for w in phrase_key(form).split())
        for country in self.knowledge.countries:
            for form in (country.ar, *country.names):
                words.update(_bare(w) for w in phrase_key(form).split())
        return frozenset(w for w in words if len(w) >= 2)

    @cached_property
    def gazetteer_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in (*self.knowledge.people, *self.knowledge.organizations))

    @cached_property
    def names(self) -> frozenset[str]:
        """Every listed name, folded: gazetteer spellings, countries and outlets."""
        forms = [form for spellings in self.knowledge.spellings.values() for form in spellings]
        for country in self.knowledge.countries:
            forms += [country.ar, *country.names]
        for outlet in self.knowledge.outlets.entries:
            forms += [outlet.ar, *outlet.names]
        return frozenset(phrase_key(form) for form in forms)

    def verb_like(self, word: str, briefs: int | None = None, *, first: bool = False) -> bool:
        """A heuristic: a speech verb (``speech.yaml``, also with و/ف or an object
        pronoun), a common verb of being, or a word shaped like an imperfect or future verb
        (يتـ, تتـ, سيـ, ستـ, سنـ, or يـ/تـ...ون/ان) without a noun's ending (ـي, ـات, ـة,
        ـاء), not first in a name unless it carries و/ف.
        With ``briefs`` (the briefs of the name holding it), a word shaped like a verb also
        has to appear in more briefs than that: a surname («ستورجن») only comes with its
        holder, a verb («يتوجه») anywhere. A name's ``first`` word is a speech verb only
        with و/ف («ويضيف جرجس»): «راي مابوس» is Ray, not رأى."""
        folded = fold(word)
        bare = folded[1:] if folded[:1] in "وف" and len(folded) > 3 else folded
        if folded in self.given:
            return False
        if bare in _COMMON_VERBS:
            return True
        if speech_verbs(self.knowledge.speech).find(word):
            return not first or folded[:1] in "وف"
        if len(folded) < 5 or folded.endswith(("ي", "ات", "ه", "اء")):
            return False
        if first and folded[:1] not in "وف":
            # A name's first word shaped like a verb is most often a foreign given name
            # (سيغمار, ستيفن); a verb opening a "name" mostly carries و/ف («ويتوجه»).
            return False
        shaped = folded[:2] in ("يت", "تت") or (folded[0] == "س" and folded[1] in "يتن")
        shaped = shaped or (folded[0] in "يت" and folded.endswith(("ون", "ان")))
        if briefs is not None and shaped:
            return self.document_frequency[folded] > briefs
        return shaped

    def common(self, word: str) -> bool:
        """A word in at least :data:`COMMON_SHARE` of the briefs."""
        return self.briefs > 0 and self.document_frequency[word] >= COMMON_SHARE * self.briefs


def english_source(entity: Entity, vocabulary: Vocabulary) -> str:
    """Where an entity's English name comes from: ``gazetteer`` (people, organizations),
    ``countries`` (the country list), ``institutions`` (an institution with a nationality:
    «وزارة الدفاع الروسية»), and for a provisional name its ``en_source``: ``name-table``
    (every word from names.yaml or the name spellings table), ``romanized`` (a word had to
    be romanized) or ``translated``."""
    if entity.kind == "country":
        return "countries"
    if not entity.en_provisional:
        return "gazetteer" if entity.id in vocabulary.gazetteer_ids else "institutions"
    return _source_of(entity.en_source, entity.en_provisional)


def attached_particle(word: str, vocabulary: Vocabulary) -> str | None:
    """The particle written onto ``word`` when the rest is a known word (or None)."""
    folded = fold(word)
    if folded in vocabulary.known:
        return None
    for particle in ATTACHED:
        rest = folded.removeprefix(particle)
        # A two-letter rest only as a function word («فإن»): «فالون» is Fallon, not فال + ون.
        known = rest in NOT_NAME or any(
            len(word) >= 3 and word in vocabulary.known for word in (rest, _bare(rest))
        )
        if rest != folded and known:
            return particle
    return None


def _without_particle(word: str, vocabulary: Vocabulary) -> str:
    """``word`` (folded) without an attached particle before a known word, and without
    its article: «ورئيس» -> رييس, «الجنرال» -> جنرال."""
    particle = attached_particle(word, vocabulary)
    return _bare(word.removeprefix(particle) if particle else word)


def fragment_reasons(entity: Entity, vocabulary: Vocabulary) -> list[str]:
    """Why ``entity``'s name looks like a piece of a sentence rather than a name."""
    words = phrase_key(entity.ar).split()
    if not words or entity.kind == "country":
        return []
    reasons = []
    pattern_found = entity.en_provisional or entity.id not in vocabulary.gazetteer_ids
    # A listed name is as an editor wrote it: only the first word of its form in the text
    # is suspect («لتنظيم داعش»); a pattern-found name is suspect throughout («عدلي منصور
    # ورئيس»).
    attached = [
        f"{particle}-{word[len(particle) :]}"
        for word in (words if pattern_found else words[:1])
        if (particle := attached_particle(word, vocabulary))
    ]
    if attached:
        reasons.append("attached " + " ".join(attached))
    if not pattern_found:
        return reasons
    spelled = [strip_diacritics(w) for w in entity.ar.split()]
    function = [w for w in words if w in FUNCTION_WORDS] + [w for w in spelled if w in _SPELLED_ON]
    if function:
        reasons.append("function word " + " ".join(function))
    briefs = len(entity.mentions)
    verbs = [
        word
        for index, word in enumerate(words)
        if word not in NOT_NAME and vocabulary.verb_like(word, briefs, first=index == 0)
    ]
    if verbs:
        reasons.append("verb-like " + " ".join(verbs))
    if len(words) > 1 and words[-1] in TRUNCATED:
        reasons.append("ends with " + words[-1])
    if len(words) == 1 and pattern_found and vocabulary.common(words[0]):
        reasons.append("one common word")
    if _without_particle(words[0], vocabulary) in vocabulary.titles:
        reasons.append("opens with a title")
    if len(words) > 1 and _without_particle(words[-1], vocabulary) in vocabulary.titles:
        reasons.append("ends with a title")
    return reasons


def _contains(long: Sequence[str], short: Sequence[str]) -> bool:
    size = len(short)
    return any(tuple(long[i : i + size]) == tuple(short) for i in range(len(long) - size + 1))


def _mostly_in_names(word: str, holders: Sequence[Entity], vocabulary: Vocabulary) -> bool:
    """A surname appears mostly in the names that end with it; a common noun a pattern took
    in («محافظة», «إدارة») appears in many more briefs than those names (within a factor of
    :data:`SURNAME_SPREAD`). Without the corpus's frequencies, every word passes."""
    if not vocabulary.briefs:
        return True
    named = sum(len(entity.mentions) for entity in holders)
    return vocabulary.document_frequency[word] <= SURNAME_SPREAD * named


def duplicates(
    entities: Sequence[Entity], vocabulary: Vocabulary
) -> tuple[list[tuple[Entity, Entity]], list[tuple[str, list[Entity]]]]:
    """Suspected duplicates among entities of one kind: pairs (shorter, longer) where the
    shorter name's words run inside the longer's («منصور هادي» in «عبد ربه منصور هادي»),
    and groups of names ending in the same long word (a surname), largest first."""
    words = {entity.id: phrase_key(entity.ar).split() for entity in entities}
    holders: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        for word in set(words[entity.id]):
            holders[word].append(entity)
    pairs = []
    for short in entities:
        tokens = words[short.id]
        if not tokens or (len(tokens) == 1 and len(tokens[0]) < 4):
            continue
        if len(tokens) == 1 and (tokens[0] in NOT_NAME or tokens[0] in vocabulary.given):
            continue
        rarest = min(tokens, key=lambda word: len(holders[word]))
        for long in holders[rarest]:
            if len(words[long.id]) > len(tokens) and _contains(words[long.id], tokens):
                pairs.append((short, long))
    surnames: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        tokens = words[entity.id]
        last = tokens[-1] if len(tokens) >= 2 else ""
        if (
            len(last) >= SURNAME_MIN
            and last not in _NOT_SURNAME
            and last not in vocabulary.given
            and _without_particle(last, vocabulary) not in vocabulary.titles
        ):
            surnames[last].append(entity)
    groups = [
        (name, members)
        for name, members in surnames.items()
        if len(members) > 1 and _mostly_in_names(name, members, vocabulary)
    ]
    groups.sort(key=lambda item: (-sum(len(e.mentions) for e in item[1]), item[0]))
    pairs.sort(key=lambda pair: (-len(pair[0].mentions) - len(pair[1].mentions), pair[0].id))
    return pairs, groups


_QUOTE_TRIM = re.compile(r"^[\s«»\"“”'.,،:؛…-]+|[\s«»\"“”'.,،:؛…-]+$")


def quote_key(text: str) -> str:
    """A quote's text without surrounding marks and spaces, for counting repeats."""
    return _QUOTE_TRIM.sub("", " ".join(text.split()))


def document_frequency(texts: Iterable[str]) -> Counter[str]:
    """How many texts each folded word appears in."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(phrase_key(text).split()))
    return counts


def read_corpus(
    corpus: Path, config: BuildConfig, workers: int = 0
) -> tuple[list[Extraction], tuple[Entity, ...], Vocabulary, int, int]:
    """Read, clean, extract and resolve ``corpus`` with the configuration's data (no cache,
    nothing written): the extractions, the entities, the vocabulary, the number of sources
    and of problems the reading reported."""
    with tempfile.TemporaryDirectory(prefix="briefing-audit-") as unused:
        audit_config = BuildConfig(
            briefs_dir=corpus,
            docs_dir=Path(unused) / "docs",
            data_dirs=config.data_dirs,
            workers=workers or config.workers,
        )
        knowledge = load_knowledge(audit_config.data_dirs)
        paths = discover(corpus)
        analysed, problems = analyse_sources(audit_config, paths, knowledge)
    briefs, entities = resolve(analysed)
    vocabulary = Vocabulary(
        knowledge, document_frequency(doc.text for doc, _ in analysed), len(analysed)
    )
    return [brief.extraction for brief in briefs], entities, vocabulary, len(paths), len(problems)
