"""The outlet a brief names: the domain of its address, else a dateline or a credit, read
with the outlets data (``builder/data/outlets.yaml``, :mod:`builder.outlets`).

Arabic datelines put the outlet beside a place or a byline, in either order: «جدة - واس»
(city, agency), «عين اليوم – جدة» (outlet, city), «عمر إبراهيم – عين اليوم» (byline,
outlet), «موسكو (رويترز) -», «فهد العتيبي - سبق - الطائف:». The order alone does not tell
which part is the outlet, so each part is compared whole with the outlets' names, the known
places (countries and capitals of ``countries.yaml`` and the outlets file's ``places``) and
the words that name no outlet («متابعات», «وكالات»). A bare place, a byline and a round-up
name no outlet: nothing is guessed. A part nobody listed is never taken for the outlet when
it dates the article («الرياض - الأحد 5 مارس:», «اليوم الأحد») or names a person or a desk
(«جدة - الأمير محمد», «غزة - المكتب الإعلامي», «دبي - الجوهرة القحطاني»).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from builder.arabic import fold
from builder.extract.dates.base import HIJRI_MONTHS, WEEKDAYS, month_table
from builder.extract.matcher import phrase_key
from builder.extract.vocabulary_cache import by_identity
from builder.knowledge import CountryEntry, GivenName, Knowledge
from builder.model import CleanDocument
from builder.outlets import Outlet, Outlets


@dataclass(frozen=True)
class Named:
    """An outlet a brief names: shown as ``ar``, with its English name when known."""

    ar: str
    en: str | None
    basis: str
    """What names it: the address's host, or the dateline or credit as written."""


@dataclass(frozen=True)
class _Lookup:
    domains: dict[str, tuple[tuple[str, Outlet], ...]]
    """Domain -> (path prefix, outlet), the longest prefix first ("" for the whole domain)."""
    names: dict[str, tuple[Outlet, ...]]
    """Folded name -> every outlet it names (several: a short name they share)."""
    places: frozenset[str]
    not_outlets: frozenset[str]
    bylines: frozenset[str]
    """Folded words that open a byline or a desk's name (titles, desk words)."""


def _key(text: str) -> str:
    """A dateline part as it is compared: folded words, no punctuation, no case."""
    return phrase_key(text).lower()


@by_identity
def _lookup(outlets: Outlets, countries: tuple[CountryEntry, ...]) -> _Lookup:
    domains: dict[str, list[tuple[str, Outlet]]] = defaultdict(list)
    names: dict[str, dict[str, Outlet]] = defaultdict(dict)
    for outlet in outlets.entries:
        for domain in outlet.domains:
            host, slash, path = domain.partition("/")
            domains[host].append((slash + path, outlet))
        for name in (outlet.ar, *outlet.names):
            names[_key(name)][outlet.id] = outlet
    places = {_key(place) for place in outlets.places}
    for country in countries:
        places.update(_key(name) for name in (country.ar, *country.names, *country.capitals))
    return _Lookup(
        {
            host: tuple(sorted(found, key=lambda item: -len(item[0])))
            for host, found in domains.items()
        },
        {key: tuple(found.values()) for key, found in names.items()},
        frozenset(places),
        frozenset(_key(word) for word in outlets.not_outlets),
        frozenset(_key(word) for word in outlets.bylines),
    )


@by_identity
def _given_names(names: tuple[GivenName, ...]) -> frozenset[str]:
    return frozenset(_key(form) for name in names for form in (name.ar, *name.variants))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Folded weekday and month names (Gregorian, Levantine, Hijri), as the date rules know
    them (:mod:`builder.extract.dates.base`); some are two words («كانون الثاني»)."""
    names = [*WEEKDAYS, *month_table(), *HIJRI_MONTHS]
    return frozenset(_key(name) for name in names)


_TIME_WORDS = frozenset(
    _key(word) for word in ["اليوم", "أمس", "غدا", "البارحة", "الليلة", "يوم", "صباح", "مساء"]
)
"""Words that open a dateline's date, not an outlet: «اليوم الأحد», «أمس»."""


def _knowledge_lookup(knowledge: Knowledge) -> _Lookup:
    return _lookup(knowledge.outlets, knowledge.countries)


def outlet_of_url(url: str, knowledge: Knowledge) -> Named | None:
    """The outlet whose domain (or a subdomain of it) the address is on; a domain listed
    with a path also needs the address under that path. The most specific domain wins."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    path = parts.path.lower()
    labels = host.split(".")
    domains = _knowledge_lookup(knowledge).domains
    for start in range(len(labels) - 1):
        for prefix, outlet in domains.get(".".join(labels[start:]), ()):
            if not prefix or path == prefix or path.startswith(prefix + "/"):
                return Named(outlet.ar, outlet.en, host + prefix)
    return None


_OUTLET_NOUNS = frozenset(
    fold(word)
    for word in [
        "صحيفة", "جريدة", "وكالة", "قناة", "موقع", "مجلة", "إذاعة", "تلفزيون", "شبكة", "بوابة",
    ]
)  # fmt: skip
"""Words that open an outlet's name («صحيفة النهار», «وكالة الأنباء ...»)."""
_TRIM = " \t\"'«»“”()[]-–—:：.،,"


def _as_written(part: str) -> str:
    return " ".join(part.strip(_TRIM).split())


def _is_date(words: list[str]) -> bool:
    """A dateline part that dates the article: a number (a day, a year), a weekday or a
    month name anywhere in it («الأحد 5 مارس», «5 آذار»), or a time word opening it
    («اليوم الأحد», «أمس»)."""
    if words[0] in _TIME_WORDS or any(char.isdigit() for word in words for char in word):
        return True
    calendar = _calendar_words()
    pairs = (" ".join(words[index : index + 2]) for index in range(len(words) - 1))
    return any(word in calendar for word in words) or any(pair in calendar for pair in pairs)


def _is_byline(key: str, words: list[str], lookup: _Lookup, given: frozenset[str]) -> bool:
    """A dateline part that names a person or the outlet's own desk: it opens with a title,
    a rank or a desk word of ``bylines`` («الأمير محمد», «المكتب الإعلامي»), or it is two
    words and the first a given name («خالد الرواشدة»)."""
    if any(key == word or key.startswith(word + " ") for word in lookup.bylines):
        return True
    return len(words) == 2 and words[0] in given


def _reads_as_outlet(part: str, lookup: _Lookup, given: frozenset[str]) -> bool:
    """A part nobody listed that still reads as an outlet's name: in parentheses («موسكو
    (الشرق) -»), or opening with the article or an outlet word, as mastheads do («النهار»,
    «صحيفة الأيام»). A date («الأحد 5 مارس», «اليوم الأحد») and a byline or desk («الأمير
    محمد», «المحرر السياسي», «الجوهرة القحطاني») never are."""
    key = _key(part)
    words = key.split()
    if not words or _is_date(words) or _is_byline(key, words, lookup, given):
        return False
    first = words[0]
    return part.strip().startswith("(") or first.startswith("ال") or first in _OUTLET_NOUNS


def _listed(part: str, basis: str, lookup: _Lookup) -> Named | str | None:
    """A dateline part as the outlets data reads it: the outlet it names (as the data shows
    it, or as written when several outlets share the name), "place", "none" (a round-up, an
    empty part) or None (nobody listed it)."""
    key = _key(part)
    if not key or key in lookup.not_outlets:
        return "none"
    if key in lookup.places:
        return "place"
    outlets = lookup.names.get(key)
    if not outlets:
        return None
    if len(outlets) == 1:
        return Named(outlets[0].ar, outlets[0].en, basis)
    return Named(_as_written(part), None, basis)


def outlet_in_dateline(parts: Sequence[str], basis: str, knowledge: Knowledge) -> Named | None:
    """The outlet among a dateline's parts («جدة», «واس»), or None.

    The first part that is an outlet's name and not a place is the outlet. Without one, a
    single part beside a place that reads as an outlet (:func:`_reads_as_outlet`) is the
    outlet, as written. Places, round-ups («متابعات»), dates, bylines and desks are never
    outlets."""
    lookup = _knowledge_lookup(knowledge)
    given = _given_names(knowledge.given_names)
    unknown: list[str] = []
    beside_place = False
    for part in parts:
        listed = _listed(part, basis, lookup)
        if isinstance(listed, Named):
            return listed
        beside_place |= listed == "place"
        if listed is None and _reads_as_outlet(part, lookup, given):
            unknown.append(part)
    if beside_place and len(unknown) == 1:
        return Named(_as_written(unknown[0]), None, basis)
    return None


_DASH = r"[-–—]"
_WORD = r"[^\W_](?:[^\W_]|\.(?=[^\W_]))*"
"""A word, with the dots of an abbreviation («د.ب.أ»)."""
_PART = rf"[«\"“(]?[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,2}}[ \t]*[»\"”)]?"
"""One part of a dateline: up to three words, perhaps quoted or in parentheses."""
_LEAD_DATELINE = re.compile(
    rf"^[ \t]*(?P<head>{_PART}(?:(?:[ \t]*{_DASH}[ \t]*|[ \t]*(?=\())(?:{_PART})){{0,3}})"
    rf"[ \t]*(?:[:：]|{_DASH}|$)"
)
"""A dateline opening the lead: parts joined by dashes (or a credit in parentheses), then a
colon, a dash or the end of the paragraph: «الرياض - واس:», «موسكو (رويترز) -»."""
_PARTS = re.compile(rf"[ \t]*{_DASH}[ \t]*|[ \t]*(?=\()")

_CLOSING_CREDIT = re.compile(
    r"^(?:المصدر|مصدر الخبر|المصدر الأصلي|source)\s*[:：]\s*(?P<outlet>[^.،:]{2,40}?)\s*\.?$",
    re.I,
)
"""A credit line closing the article: «المصدر: وكالة الأناضول»."""


def outlet_in_text(doc: CleanDocument, knowledge: Knowledge) -> Named | None:
    """The outlet a dateline under the headline, a dateline opening the lead or a credit
    closing the article names, in that order."""
    for removal in doc.removals:
        if removal.reason.startswith("dateline"):
            parts = re.split(rf"\s*{_DASH}\s*", removal.text)
            named = outlet_in_dateline(parts, removal.text.strip(), knowledge)
            if named is not None:
                return named
    if doc.paragraphs:
        lead = _LEAD_DATELINE.match(doc.paragraphs[0])
        if lead is not None:
            parts = [part for part in _PARTS.split(lead.group("head")) if part.strip()]
            # One part is a dateline only as a credit in parentheses: «(رويترز) -».
            if len(parts) > 1 or parts[0].strip().startswith("("):
                named = outlet_in_dateline(parts, lead.group(0).strip(), knowledge)
                if named is not None:
                    return named
    lookup = _knowledge_lookup(knowledge)
    for paragraph in reversed(doc.paragraphs[-2:]):
        line = paragraph.strip()
        closing = _CLOSING_CREDIT.match(line)
        if closing is not None:
            # «المصدر: ...» says it is the outlet: a name nobody listed counts, as written.
            listed = _listed(closing.group("outlet"), line, lookup)
            if listed is None:
                return Named(_as_written(closing.group("outlet")), None, line)
            return listed if isinstance(listed, Named) else None
        # A bare agency credit closing the article: «(رويترز)», «- أ ف ب».
        listed = _listed(line, line, lookup) if len(line) <= 40 else None
        if isinstance(listed, Named):
            return listed
    return None
