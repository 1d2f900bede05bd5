"""Load the user-extensible data files (gazetteer, countries, roles, topics, terminology,
given names, units, speech verbs, news outlets, name spellings).

The files are YAML documented in ``builder/data/README.md``. Each folder in
``BuildConfig.data_dirs`` may hold any of them; later folders add entries to (and, for the
same id or code, override) earlier ones, so a newsroom keeps its own additions next to its
briefs without editing the package. Country names come from CLDR through Babel; the data file
only adds what CLDR lacks (other names, adjectives, capitals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale

from builder.arabic import fold, has_arabic
from builder.body_words import BodyWords, load_bodies, package_bodies
from builder.datafiles import PACKAGE_DATA, PACKAGE_SPELLINGS, load_arab_spellings, load_spellings
from builder.datafiles import load_yaml as _load_yaml
from builder.datafiles import mapping_list as _items
from builder.datafiles import required_string as _required
from builder.datafiles import section_entries as _entries
from builder.datafiles import string_list as _strings
from builder.errors import DataFileError
from builder.outlets import Outlets, load_outlets, package_outlets
from builder.speech_words import SpeechWords, load_speech, package_speech


@dataclass(frozen=True)
class GazetteerEntry:
    """A known person or organization."""

    kind: str
    id: str
    en: str
    ar: str
    variants: tuple[str, ...]
    role_en: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class CountryEntry:
    """A country: CLDR names plus the supplement's names, adjectives and capitals."""

    code: str
    ar: str
    en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    en_adjective: str | None = None


@dataclass(frozen=True)
class Role:
    """A title or role that precedes a person's name (الرئيس, وزير الدفاع)."""

    ar: str
    en: str
    bare: bool = True
    """Whether the title also matches without its article, in construct («محلل السياسة»);
    False for a title whose bare word is a name or another noun («رائد», «سيد»)."""


@dataclass(frozen=True)
class Institution:
    """A generic institution head noun that, with a nationality adjective, names a body."""

    ar: str
    en: str


@dataclass(frozen=True)
class GivenName:
    """A first name that, followed by a name word, marks a person nobody listed."""

    ar: str
    """Usual Arabic press spelling."""
    en: str
    """English spelling, used in the person's (still provisional) English name."""
    variants: tuple[str, ...] = ()
    """Other Arabic spellings of the same name."""
    gulf: str | None = None
    """The spelling in a name with «بن» (Gulf and Yemeni names), where the Gulf's English
    press writes it otherwise: Khalid for «خالد» in «خالد بن محمد العطية», else Khaled."""
    arab: str | None = None
    """The spelling in an Arab's name, where ``en`` is another language's: Jawdat for «جودت»
    in «حسين جودت», Cevdet (Turkish) in «جودت يلماز»."""


@dataclass(frozen=True)
class Topic:
    """A taxonomy topic and the Arabic phrases that signal it."""

    id: str
    en: str
    ar: str
    keywords: tuple[str, ...]
    min_hits: int = 2


@dataclass(frozen=True)
class Term:
    """A terminology entry."""

    ar: str
    en: str
    forms: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Unit:
    """A counted thing: the English unit of a quantity and the Arabic nouns that name it."""

    en: str
    """English unit (``USD``, ``percent``, ``troops``), reported as the mention's ``unit``."""
    forms: tuple[str, ...]
    """Arabic forms (singular, plural, multi-word) as the press writes them after a number."""
    ar: str | None = None
    """The unit's Arabic name as Arabic pages show it (دولار أمريكي، أشهر); without one, the
    first form."""

    @property
    def arabic(self) -> str:
        """The unit's Arabic name on Arabic pages."""
        return self.ar or self.forms[0]


@lru_cache(maxsize=1)
def package_units() -> tuple[Unit, ...]:
    """The package's own unit vocabulary (``builder/data/units.yaml``), for a caller that has
    no :class:`Knowledge` (an extractor called on its own)."""
    return _units([PACKAGE_DATA / "units.yaml"])


@dataclass(frozen=True)
class Knowledge:
    """Everything the extractors know, loaded once per build."""

    people: tuple[GazetteerEntry, ...]
    organizations: tuple[GazetteerEntry, ...]
    countries: tuple[CountryEntry, ...]
    roles: tuple[Role, ...]
    institutions: tuple[Institution, ...]
    topics: tuple[Topic, ...]
    terms: tuple[Term, ...]
    given_names: tuple[GivenName, ...] = ()
    # A Knowledge built by hand (a test, a tool) still counts and quotes like the package.
    units: tuple[Unit, ...] = field(default_factory=package_units)
    speech: SpeechWords = field(default_factory=package_speech)
    outlets: Outlets = field(default_factory=package_outlets)
    spelling_files: tuple[Path, ...] = (PACKAGE_SPELLINGS,)
    """The ``name_spellings.tsv`` files, package first (:attr:`name_spellings`)."""

    @cached_property
    def name_spellings(self) -> dict[str, str]:
        """Folded Arabic name token -> English spelling (the public name tables joined,
        with a data folder's additions), read on first use, once per loaded Knowledge (an
        edited table makes :func:`load_knowledge` load a new one): the rules ask for it at
        every word of a name."""
        return load_spellings(self.spelling_files)

    @cached_property
    def arab_spellings(self) -> dict[str, str]:
        """Folded Arabic name token -> its spelling in an Arab's name, where that differs
        from :attr:`name_spellings` (Badi for «بادي», not Buddy)."""
        return load_arab_spellings(self.spelling_files)

    bodies: BodyWords = field(default_factory=package_bodies)

    @cached_property
    def unit_names(self) -> dict[str, str]:
        """English unit -> its Arabic name (:attr:`Unit.arabic`)."""
        return {unit.en: unit.arabic for unit in self.units}

    @cached_property
    def spellings(self) -> dict[str, tuple[str, ...]]:
        """Gazetteer id -> every Arabic spelling of that person or organization (main form
        first), built once per loaded Knowledge."""
        return {
            entry.id: (entry.ar, *entry.variants) for entry in (*self.people, *self.organizations)
        }

    @cached_property
    def name_forms(self) -> frozenset[str]:
        """Every Arabic form of a listed person, organization, country or outlet, and the
        speech vocabulary's ``known_names``: a quotation that is one of them is a name, not
        speech."""
        forms = {form for spellings in self.spellings.values() for form in spellings}
        forms.update(name for country in self.countries for name in (country.ar, *country.names))
        forms.update(name for outlet in self.outlets.entries for name in (outlet.ar, *outlet.names))
        forms.update(self.speech.known_names)
        return frozenset(forms)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, if the taxonomy has it."""
        return next((topic for topic in self.topics if topic.id == topic_id), None)


def _gazetteer(paths: list[Path]) -> tuple[tuple[GazetteerEntry, ...], tuple[GazetteerEntry, ...]]:
    merged: dict[str, dict[str, GazetteerEntry]] = {"people": {}, "organizations": {}}
    for path in paths:
        data = _load_yaml(path)
        for section, kind in (("people", "person"), ("organizations", "organization")):
            for index, item in enumerate(_items(data, section, path)):
                where = f"{section}[{index}]"
                entry = GazetteerEntry(
                    kind=kind,
                    id=_required(item, "id", path, where),
                    en=_required(item, "en", path, where),
                    ar=_required(item, "ar", path, where),
                    variants=_strings(item.get("variants"), path, f"{where}.variants"),
                    role_en=item.get("role_en"),
                    country=item.get("country"),
                )
                if not has_arabic(entry.ar):
                    raise DataFileError(str(path), "must be Arabic", field=f"{where}.ar")
                # A later data folder overrides an entry with the same id.
                merged[section][entry.id] = entry
    return tuple(merged["people"].values()), tuple(merged["organizations"].values())


_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "CP", "DG", "EA", "IC", "TA"}
)
"""CLDR codes for groupings, placeholders and places that are not states."""


def _countries(paths: list[Path]) -> tuple[CountryEntry, ...]:
    arabic = Locale.parse("ar").territories
    english = Locale.parse("en").territories
    supplement: dict[str, dict[str, Any]] = {}
    for path, where, item in _entries(paths, "countries"):
        code = _required(item, "code", path, where).upper()
        supplement[code] = {**item, "_path": path, "_where": where}
    # Every two-letter CLDR territory is a country unless it is a grouping or a placeholder.
    # (Babel types the keys of its locale data loosely; territory codes are strings.)
    codes = {
        code for code in arabic if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)
    } - _NOT_COUNTRIES
    entries = []
    for code in sorted(codes | set(supplement)):
        item = supplement.get(code, {"_path": Path("<CLDR>"), "_where": code})
        path, where = item["_path"], item["_where"]
        ar = item.get("ar") or arabic.get(code)
        en = item.get("en") or english.get(code)
        if not ar or not en:
            raise DataFileError(str(path), f"unknown country code {code}", field=f"{where}.code")
        entries.append(
            CountryEntry(
                code=code,
                ar=ar,
                en=en,
                names=_strings(item.get("names"), path, f"{where}.names"),
                adjectives=_strings(item.get("adjectives"), path, f"{where}.adjectives"),
                capitals=_strings(item.get("capitals"), path, f"{where}.capitals"),
                en_adjective=item.get("en_adjective"),
            )
        )
    return tuple(entries)


_MINISTER = ("وزير", "وزيرة")
"""The heads a portfolio of ``roles.yaml`` makes a minister's title with."""


def _roles(paths: list[Path]) -> tuple[tuple[Role, ...], tuple[Institution, ...]]:
    roles: dict[str, Role] = {}
    institutions: dict[str, Institution] = {}
    for path in paths:
        data = _load_yaml(path)
        for index, item in enumerate(_items(data, "roles", path)):
            where = f"roles[{index}]"
            role = Role(
                _required(item, "ar", path, where),
                _required(item, "en", path, where),
                item.get("bare", True) is not False,
            )
            roles[fold(role.ar)] = role
        for index, item in enumerate(_items(data, "portfolios", path)):
            where = f"portfolios[{index}]"
            field, english = _required(item, "ar", path, where), _required(item, "en", path, where)
            # «وزير النقل», «وزيرة الصحة»: a listed role of the same words wins.
            for head in _MINISTER:
                minister = Role(f"{head} {field}", f"{english} Minister")
                roles.setdefault(fold(minister.ar), minister)
        for index, item in enumerate(_items(data, "institutions", path)):
            where = f"institutions[{index}]"
            body = Institution(
                _required(item, "ar", path, where), _required(item, "en", path, where)
            )
            institutions[fold(body.ar)] = body
    return tuple(roles.values()), tuple(institutions.values())


def _topics(paths: list[Path]) -> tuple[Topic, ...]:
    topics: dict[str, Topic] = {}
    for path, where, item in _entries(paths, "topics"):
        topic_id = _required(item, "id", path, where)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", topic_id):
            raise DataFileError(str(path), "ids are lowercase a-z, 0-9 and -", field=where)
        min_hits = item.get("min_hits", 2)
        if not isinstance(min_hits, int) or min_hits < 1:
            raise DataFileError(str(path), "must be a positive integer", field=f"{where}.min_hits")
        topics[topic_id] = Topic(
            id=topic_id,
            en=_required(item, "en", path, where),
            ar=_required(item, "ar", path, where),
            keywords=_strings(item.get("keywords"), path, f"{where}.keywords"),
            min_hits=min_hits,
        )
    return tuple(topics.values())


def _terms(paths: list[Path]) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    for path, where, item in _entries(paths, "terms"):
        term = Term(
            ar=_required(item, "ar", path, where),
            en=_required(item, "en", path, where),
            forms=_strings(item.get("forms"), path, f"{where}.forms"),
            note=item.get("note"),
        )
        terms[fold(term.ar)] = term
    return tuple(terms.values())


def _given_names(paths: list[Path]) -> tuple[GivenName, ...]:
    names: dict[str, GivenName] = {}
    for path, where, item in _entries(paths, "given_names"):
        name = GivenName(
            ar=_required(item, "ar", path, where),
            en=_required(item, "en", path, where),
            variants=_strings(item.get("variants"), path, f"{where}.variants"),
            gulf=item.get("gulf"),
            arab=item.get("arab"),
        )
        if not has_arabic(name.ar):
            raise DataFileError(str(path), "must be Arabic", field=f"{where}.ar")
        names[fold(name.ar)] = name
    return tuple(names.values())


def _units(paths: list[Path]) -> tuple[Unit, ...]:
    # Keyed by the English unit: a later folder's entry replaces the package's in place, so
    # the order is the package's, then new units (a form listed under two units counts the
    # later one's, see builder.extract.counted).
    units: dict[str, Unit] = {}
    for path, where, item in _entries(paths, "units"):
        unit = Unit(
            en=_required(item, "en", path, where),
            forms=_strings(item.get("forms"), path, f"{where}.forms"),
            ar=item.get("ar"),
        )
        if not unit.forms:
            raise DataFileError(str(path), "at least one form required", field=where)
        if unit.ar is not None and not (isinstance(unit.ar, str) and has_arabic(unit.ar)):
            raise DataFileError(str(path), "must be Arabic", field=f"{where}.ar")
        units[unit.en] = unit
    return tuple(units.values())


def load_knowledge(data_dirs: tuple[Path, ...]) -> Knowledge:
    """Load and merge every data file found in ``data_dirs`` (cached per folder list)."""
    stamp = tuple(
        (str(path), path.stat().st_mtime_ns)
        for folder in data_dirs
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.tsv")])
    )
    return _load_cached(data_dirs, stamp)


@lru_cache(maxsize=4)
def _load_cached(data_dirs: tuple[Path, ...], _stamp: tuple[tuple[str, int], ...]) -> Knowledge:
    def files(name: str) -> list[Path]:
        return [folder / name for folder in data_dirs if (folder / name).is_file()]

    spelling_files = tuple(files("name_spellings.tsv"))
    # A data folder's own spellings are checked now, so a bad line stops the build before
    # extraction; the package's large table is read on first use.
    load_spellings(tuple(path for path in spelling_files if path != PACKAGE_SPELLINGS))
    people, organizations = _gazetteer(files("gazetteer.yaml"))
    roles, institutions = _roles(files("roles.yaml"))
    return Knowledge(
        people=people,
        organizations=organizations,
        countries=_countries(files("countries.yaml")),
        roles=roles,
        institutions=institutions,
        topics=_topics(files("topics.yaml")),
        terms=_terms(files("terminology.yaml")),
        given_names=_given_names(files("names.yaml")),
        units=_units(files("units.yaml")),
        speech=load_speech(files("speech.yaml")),
        outlets=load_outlets(data_dirs),
        spelling_files=spelling_files,
        bodies=load_bodies(data_dirs),
    )
