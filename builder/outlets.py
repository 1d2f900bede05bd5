"""The outlets data file (``builder/data/outlets.yaml``): news outlets and agencies with the
web domains and dateline names that name them, and the words that tell a dateline's other
parts (places, round-ups) from an outlet.

:mod:`builder.knowledge` loads it with the other data files; the outlet of a brief is read
from it by :mod:`builder.extract.datelines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from builder.arabic import fold, has_arabic
from builder.datafiles import PACKAGE_DATA, load_yaml, mapping_list, required_string, string_list
from builder.errors import DataFileError

FILE = "outlets.yaml"


@dataclass(frozen=True)
class Outlet:
    """A news outlet or agency: the web domains and the dateline names that name it."""

    id: str
    en: str
    """The outlet's own English name."""
    ar: str
    """Its Arabic name as shown (unique among outlets)."""
    domains: tuple[str, ...] = ()
    """Registrable domains, lowercase, each perhaps with a path (``bbc.com/arabic``); a
    subdomain matches too."""
    names: tuple[str, ...] = ()
    """Other Arabic forms a dateline or credit uses (abbreviations: واس, أ ف ب)."""
    country: str | None = None
    """ISO code of the country a national outlet is published in and reports as home
    (None for pan-Arab papers, international services and wires): its unnamed «مصدر حكومي»
    is presumably that country's government."""


@dataclass(frozen=True)
class Outlets:
    """The outlets data file: outlets, and the words that tell a dateline's other parts."""

    entries: tuple[Outlet, ...] = ()
    places: tuple[str, ...] = ()
    """Places datelines name besides countries and capitals (جدة, نيويورك)."""
    not_outlets: tuple[str, ...] = ()
    """Credits that name no single outlet (متابعات, وكالات)."""
    bylines: tuple[str, ...] = ()
    """Words that open a byline or a desk's name, never an outlet's: titles and ranks
    (الأمير, اللواء), desk words (المحرر, المكتب, مراسل) and given names written with the
    article (الجوهرة)."""


_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s/?#]+)*")
"""A domain as ``outlets.yaml`` lists it: lowercase, no scheme, perhaps a path."""


def load_outlets(data_dirs: tuple[Path, ...]) -> Outlets:
    """The outlets of every ``outlets.yaml`` in ``data_dirs``: a later folder's outlet
    replaces the one with the same ``id`` in place, or comes after; its places, non-outlet
    words and byline words are added, each once."""
    outlets: dict[str, Outlet] = {}
    words: dict[str, dict[str, None]] = {"places": {}, "not_outlets": {}, "bylines": {}}
    for path in [folder / FILE for folder in data_dirs if (folder / FILE).is_file()]:
        data = load_yaml(path)
        for index, item in enumerate(mapping_list(data, "outlets", path)):
            outlet = _outlet(item, path, f"outlets[{index}]")
            outlets[outlet.id] = outlet
        for key, seen in words.items():
            for word in string_list(data.get(key), path, key):
                seen.setdefault(word)
    return Outlets(
        tuple(outlets.values()),
        tuple(words["places"]),
        tuple(words["not_outlets"]),
        tuple(words["bylines"]),
    )


@lru_cache(maxsize=1)
def package_outlets() -> Outlets:
    """The package's own outlets, for a :class:`~builder.knowledge.Knowledge` made by hand."""
    return load_outlets((PACKAGE_DATA,))


def _outlet(item: dict[str, Any], path: Path, where: str) -> Outlet:
    outlet = Outlet(
        id=required_string(item, "id", path, where),
        en=required_string(item, "en", path, where),
        ar=required_string(item, "ar", path, where),
        domains=tuple(
            domain.lower() for domain in string_list(item.get("domains"), path, f"{where}.domains")
        ),
        names=string_list(item.get("names"), path, f"{where}.names"),
        country=_country(item, path, where),
    )
    for domain in outlet.domains:
        if not _DOMAIN.fullmatch(domain):
            raise DataFileError(str(path), f"not a domain: {domain!r}", field=f"{where}.domains")
    for name in (outlet.ar, *outlet.names):
        if not has_arabic(name):
            raise DataFileError(str(path), f"must be Arabic: {name!r}", field=f"{where}.names")
    return outlet


def _country(item: dict[str, Any], path: Path, where: str) -> str | None:
    """The optional ``country``: an upper-case two-letter ISO code."""
    country = item.get("country")
    if country is None:
        return None
    if not isinstance(country, str) or not re.fullmatch("[A-Z]{2}", country):
        raise DataFileError(
            str(path), f"not a two-letter country code: {country!r}", field=f"{where}.country"
        )
    return country


def outlet_country(outlet: str | None, outlets: Outlets) -> str | None:
    """The home country of the outlet named ``outlet`` (its Arabic name, another form, or its
    English name), when every outlet of that name has the same one; else None."""
    if not outlet:
        return None
    key = fold(outlet)
    countries = {
        entry.country
        for entry in outlets.entries
        if key in {fold(name) for name in (entry.ar, *entry.names)}
        or outlet.casefold() == entry.en.casefold()
    }
    return countries.pop() if len(countries) == 1 else None
