"""Bodies nobody listed, found by the way Arabic names them: a head noun and its chain.

A body's name is a head noun (مجلس, وزارة, جبهة, قوات ...: ``bodies.yaml``) and then, in
Arabic grammar, either its genitive (the head is indefinite, in construct: «مجلس محافظة
الأنبار», «جبهة النصرة») or adjectives agreeing with it (the head has the article:
«المجلس العسكري»). So after an indefinite word the next word is its genitive, and after a
definite one only an adjective may follow; a word of neither kind ends the name. The words
accepted are those of the data file (genitive nouns, adjectives, places), country names and
nationality adjectives, and, after a head that takes proper names, up to three name words
(«صحيفة حرييت»). A phrase with لـ («لحقوق الإنسان») and a word joined by و («العدالة
والتنمية») continue the name when they are data-file words. Particles, prepositions,
numbers, titles and time words (``stops``) end it, as do a line break and punctuation.

A name with a place, a country, a proper name or a supranational adjective («العربي»,
«الدولي») is one body: its key is its folded words, so it shares a page across briefs. A
name made only of generic words («وزارة الداخلية», «قوات الأمن») is a kind of body every
country has: it gets a ``generic:`` key, its English says the country is not stated, and in
a brief that names it in full («وزارة الداخلية السعودية») it is a form of that body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TypeVar

from builder.arabic import fold
from builder.body_words import BodyWord, BodyWords
from builder.extract.body_english import BodySource, Part, compose_english
from builder.extract.matcher import Match, PhraseMatcher, phrase_key, tokenize
from builder.extract.nisba import nisba_forms
from builder.extract.spans import DisjointSpans
from builder.extract.spellings import english_name
from builder.extract.stopwords import NOT_NAME
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, GivenName, Knowledge
from builder.outlets import Outlet, Outlets

Value = TypeVar("Value")

_MAX_PARTS = 7
"""Words after the head: the longest real names («قوات الأمن والطوارئ الخاصة السعودية»)."""
_MAX_NAME_WORDS = 3

_ACRONYM = re.compile(r"\s?[(（]\s?([A-Z][A-Za-z0-9+&.\-]{1,9}|[\u0621-\u064a]{2,12})\s?[)）]")
"""An acronym in brackets right after a body: «(أوبك)», «(OPEC)»."""


@dataclass(frozen=True)
class _Unit:
    kind: str
    """head, word, place, country (a country's name) or adjective (a nationality)."""
    word: BodyWord


@dataclass(frozen=True)
class FoundBody:
    """A body found by pattern: its span, identity, English name and acronym."""

    start: int
    end: int
    text: str
    key: str
    en: str
    en_source: BodySource
    """translated (every word from the data files), romanized (a name word romanized) or
    outlet (a listed outlet's own English name)."""
    generic: bool
    acronym: tuple[int, str] | None = None


@by_identity
def _unit_matcher(bodies: BodyWords, countries: tuple[CountryEntry, ...]) -> PhraseMatcher[_Unit]:
    phrases: dict[str, _Unit] = {}
    for head in bodies.heads:
        phrases.setdefault(head.ar, _Unit("head", head))
    for word in bodies.words:
        phrases.setdefault(word.ar, _Unit("word", word))
    for place in bodies.places:
        phrases.setdefault(place.ar, _Unit("place", place))
    for country in countries:
        english = BodyWord(country.ar, country.en_adjective or country.en)
        for name in (country.ar, *country.names):
            phrases.setdefault(name, _Unit("country", english))
        for adjective in country.adjectives:
            for form in nisba_forms(adjective):
                if form.startswith("ال"):
                    phrases.setdefault(form, _Unit("adjective", english))
    return PhraseMatcher(phrases)


@by_identity
def _outlet_names(outlets: Outlets) -> dict[str, Outlet]:
    return {
        phrase_key(name): outlet
        for outlet in outlets.entries
        for name in (outlet.ar, *outlet.names)
    }


@by_identity
def _given_names(names: tuple[GivenName, ...]) -> frozenset[str]:
    return frozenset(fold(form) for name in names for form in (name.ar, *name.variants))


def _definite(folded: str) -> bool:
    return folded.startswith(("ال", "لل"))


def _bare(folded: str) -> str:
    """A folded word without its article, for the identity key."""
    if folded.startswith("لل") and len(folded) > 3:
        return folded[2:]
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


def _adjective(word: str) -> bool:
    """A nisba adjective (الوطني, الشعبية) ends a noun phrase: و after it starts another."""
    return word.endswith(("ي", "ية", "يه"))


def _could_be_name(folded: str, position: int) -> bool:
    """An unlisted word after a head that takes names. Not a particle, a title or a number,
    nor a word with a preposition and the article (بالقدر). Not an imperfect verb (يـ, short
    تـ/نـ); after a first name word, not a past verb in ـت, an accusative in ـا or a word
    joined by و. Not a word with a pronoun (جناحها), a nisba adjective (إرهابية) or an
    indefinite word in ـة (كبيرة): the head is described, not named. With the article, not
    a verbal noun (التمرد) or a plural in ـات/ـين/ـون (الاحتجاجات, المتمردين): common
    nouns."""
    if len(folded) < 3 or folded in NOT_NAME or any(char.isdigit() for char in folded):
        return False
    if folded.startswith(("بال", "لل", "كال", "وال", "فال")):
        return False
    if folded.startswith("ي") or (folded.startswith(("ت", "ن")) and len(folded) <= 4):
        return False  # «مجموعة تضم», «حركة يقودها»
    if position > 0 and ((folded.endswith("ت") and len(folded) <= 5) or folded.startswith("و")):
        return False
    if position > 0 and folded.endswith("ا"):
        return False  # an accusative object: «نشرت صحيفة فولكسكرانت تقريرا»
    if folded.endswith(("ها", "هم", "هما")) or _adjective(folded):
        return False
    if not folded.startswith("ال") and folded.endswith("ه"):
        return False  # a feminine adjective agreeing with the head: «مجموعة كبيرة»
    stem = folded[2:] if folded.startswith("ال") else ""
    return not (stem.startswith(("ت", "است")) or stem.endswith(("ات", "ين", "ون")))


class _Chains:
    """The chains of one text: its words, the vocabulary units found in it, spans taken."""

    def __init__(self, text: str, knowledge: Knowledge, taken: DisjointSpans) -> None:
        self.text = text
        self.words, self.run_end = tokenize(text)
        self.starts = [start for start, _, _ in self.words]
        self.stops = knowledge.bodies.stops
        self.taken = taken
        self.units: dict[int, Match[_Unit]] = {}
        matcher = _unit_matcher(knowledge.bodies, knowledge.countries)
        self.outlet_names: dict[str, Outlet] = _outlet_names(knowledge.outlets)
        self.given_names: frozenset[str] = _given_names(knowledge.given_names)
        self.knowledge = knowledge
        for match in matcher.finditer(text):
            self.units[bisect_right(self.starts, match.start) - 1] = match

    def stopped(self, index: int, last: int) -> bool:
        start, end, folded = self.words[index]
        if self.taken.overlaps(start, end) or folded in self.stops or folded in NOT_NAME:
            return True
        if any(char.isdigit() for char in folded):
            return True
        return index < last and f"{folded} {self.words[index + 1][2]}" in self.stops

    def attached(self, index: int, match: Match[_Unit]) -> tuple[str, bool, int]:
        """(attached و/ف/ب/ل, definite, start of the word with its article) of a unit: a
        unit listed without the article matches after it, which the span leaves out."""
        start = self.words[index][0]
        before = self.text[start : match.start]
        folded = fold(before)
        if folded.endswith("ال"):
            return folded[:-2], True, start + len(before) - 2
        return folded, _definite(fold(match.text)), match.start

    def chain(self, head_index: int) -> FoundBody | None:
        """The body whose head unit starts at word ``head_index``, if its chain names one."""
        match = self.units[head_index]
        particles, head_definite, head_start = self.attached(head_index, match)
        if particles not in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب"):
            return None
        head = match.payload.word
        if self.words[head_index][2] in self.stops:
            return None  # «بقيادة»: led by, not a command
        if head_definite and not head.article:
            return None
        last = self.run_end[head_index]
        parts: list[Part] = []
        complete = head_definite
        in_phrase = False
        names = 0
        index = head_index + match.words
        while index <= last and len(parts) < _MAX_PARTS and not self.stopped(index, last):
            unit = self.units.get(index)
            if unit is None:
                folded = self.words[index][2]
                if not head.names or complete or in_phrase or names == _MAX_NAME_WORDS:
                    break
                if not _could_be_name(folded, names) or (not names and folded in self.given_names):
                    break  # «جيش صالح», «ميليشيا حسن»: a person's men, not a body
                start, end, _ = self.words[index]
                parts.append(
                    Part("name", self.text[start:end], folded, "", _definite(folded), end=end)
                )
                names += 1
                complete = _definite(folded)
                index += 1
                continue
            attached, definite, start = self.attached(index, unit)
            written = fold(self.text[start : unit.end])
            if unit.words > 1:  # a listed phrase is complete when its last word is
                definite = _definite(written.split()[-1])
            kind = unit.payload.kind
            joined = ""
            if attached in ("و", "ف"):
                # «العدالة والتنمية»: a word of the data file joined to the one before.
                if kind != "word" or not parts or parts[-1].kind != "word":
                    break
                if _adjective(parts[-1].ar):  # «الجيش الوطني والمقاومة»: a second body
                    break
                joined = "and"
            elif attached == "ل" or (written.startswith("لل") and not attached):
                # «لحقوق الإنسان», «للطاقة الذرية»: once, after a complete name.
                if in_phrase or not complete or kind not in ("word", "place", "country", "head"):
                    break
                joined, in_phrase = "for", True
            elif attached or (complete and (kind not in ("word", "adjective") or not definite)):
                break
            if kind == "head" and not joined and complete:
                break
            word = unit.payload.word
            parts.append(
                Part(
                    kind,
                    self.text[start : unit.end],
                    written,
                    word.en,
                    definite,
                    joined,
                    word.qualifies,
                    unit.end,
                )
            )
            complete = definite or kind in ("place", "country")
            index += unit.words
        # A construct word waiting for its genitive is not part of the name.
        while parts and not (parts[-1].definite or parts[-1].kind in ("place", "country", "name")):
            parts.pop()
        parts = _name_phrase(parts, self.words[index][2] if index <= last else "")
        if (not parts and match.words == 1) or not _names(head, parts):
            return None
        if parts and parts[0].kind == "head":
            # «قوات التحالف الدولي», «قيادة الجيش»: the forces or command of another body
            # are that body when it is one, and nothing of their own when it is not.
            inner_start = parts[0].end - len(parts[0].ar)
            inner = self.chain(bisect_right(self.starts, inner_start) - 1)
            if inner is None:
                return None
            end = parts[-1].end
            return replace(inner, start=head_start, end=end, text=self.text[head_start:end])
        return self._body(head_start, match, parts)

    def _spell(self, word: str) -> str:
        """A proper name word of a body as the name tables spell it, else romanized."""
        return english_name(word, self.knowledge).en

    def _body(self, start: int, head: Match[_Unit], parts: list[Part]) -> FoundBody:
        end = parts[-1].end if parts else head.end
        span = self.text[start:end]
        generic = not any(
            part.kind in ("place", "country", "adjective", "name") or part.qualifies
            for part in parts
        )
        outlet = self.outlet_names.get(phrase_key(span)) or (
            self.outlet_names.get(phrase_key(span).partition(" ")[2])
            if head.payload.word.names
            else None
        )
        if outlet is not None:  # «صحيفة الوطن»: a listed outlet, by its own English name
            return FoundBody(start, end, span, outlet.id, outlet.en, "outlet", False)
        words = [_bare(word) for word in fold(self.text[start : head.end]).split()]
        words += [_bare(word) for part in parts for word in part.folded.split()]
        key = ("generic:" if generic else "name:") + " ".join(words)
        english, source = compose_english(head.payload.word, parts, generic, self._spell)
        acronym = _ACRONYM.match(self.text, end)
        found = (acronym.start(1), acronym.group(1)) if acronym else None
        return FoundBody(start, end, span, key, english, source, generic, found)


_COMPLEMENTS = frozenset(fold(word) for word in ("عن", "على", "من", "ضد"))
"""Prepositions a verbal noun governs: «القوة العسكرية للدفاع عن ...» is a purpose."""


def _name_phrase(parts: list[Part], following: str) -> list[Part]:
    """The parts without a phrase with لـ that is not part of the name: a purpose (its
    verbal noun governs the next word: «للدفاع عن») or an owner (only a country, a place or
    the state: «الأجهزة الأمنية للدولة», «الشرطة لمملكة البحرين»)."""
    split = next((i for i, part in enumerate(parts) if part.joined == "for"), None)
    if split is None:
        return parts
    phrase = parts[split:]
    owner = all(
        part.kind in ("place", "country") or _bare(part.folded) == "دوله" for part in phrase
    )
    if owner or following in _COMPLEMENTS:
        return parts[:split]
    return parts


def _names(head: BodyWord, parts: list[Part]) -> bool:
    """Whether the chain names a body rather than describing or placing one."""
    first = parts[0] if parts else None
    placed = first is not None and (
        first.kind in ("place", "country", "adjective") or "محافظ" in first.folded
    )
    if placed and not head.places:
        return False  # «مركز محافظة الأنبار», the province's main town; «القيادة المصرية»
    if head.describes and not any(part.kind in ("name", "place") for part in parts):
        # «قوات الأمن», «القوات العراقية», «الأجهزة الأمنية»: a description.
        return sum(part.kind != "adjective" for part in parts) >= 2
    return True


def find_bodies(text: str, knowledge: Knowledge, taken: DisjointSpans) -> list[FoundBody]:
    """Bodies named by a head noun and its chain, outside the spans already ``taken`` (the
    gazetteer's and the institution rule's); ``taken`` grows by each body found."""
    chains = _Chains(text, knowledge, taken)
    found = []
    for index in sorted(chains.units):
        if chains.units[index].payload.kind != "head":
            continue
        match = chains.units[index]
        if taken.overlaps(match.start, match.end):
            continue
        body = chains.chain(index)
        if body is None:
            continue
        found.append(body)
        taken.merge(body.start, body.end)
    return found


def _bare_key(form: str) -> str:
    return " ".join(_bare(word) for word in phrase_key(form).split())


def generic_owners(forms: dict[str, list[str]]) -> dict[str, str]:
    """Key of a body found by pattern -> the key of the body it is a shorter form of in the
    same text («وزارة الداخلية» of «وزارة الداخلية السعودية», «التحالف الدولي» of «التحالف
    الدولي ضد داعش»), given every key's forms; the longest such body wins."""
    # A pattern body's key is its words without و/لـ and the article: a form's words too.
    bare = {
        key: [_bare_key(form) for form in others] + [key.partition(":")[2]] * (":" in key)
        for key, others in forms.items()
    }
    owners = {}
    for key in forms:
        if not key.startswith(("generic:", "name:")):
            continue
        prefix = key.partition(":")[2] + " "
        longer = [
            (max(len(form) for form in others if form.startswith(prefix)), other)
            for other, others in bare.items()
            if other != key and any(form.startswith(prefix) for form in others)
        ]
        if longer:
            owners[key] = max(longer)[1]
    # A chain of shorter forms ends at the fullest body.
    for key, owner in owners.items():
        while owner in owners:
            owner = owners[owner]
        owners[key] = owner
    return owners
