"""The bodies data file (``builder/data/bodies.yaml``): the head nouns of bodies' names, the
genitive words and adjectives that follow them, the places they name, and the words that
end a name.

:mod:`builder.knowledge` loads it with the other data files; :mod:`builder.extract.bodies`
finds bodies with it and :mod:`builder.extract.body_english` composes their English names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.arabic import fold, has_arabic
from builder.datafiles import PACKAGE_DATA, load_yaml, mapping_list, required_string, string_list
from builder.errors import DataFileError

FILE = "bodies.yaml"


@dataclass(frozen=True)
class BodyWord:
    """A head noun, a genitive word or adjective, or a place, with its English word."""

    ar: str
    en: str
    names: bool = False
    """Heads only: a proper name may follow the head directly (جبهة النصرة)."""
    article: bool = True
    """Heads only: False when the head with the article is something else (اللواء, a rank)."""
    describes: bool = False
    """Heads only: with one word or a nationality alone it describes, not names (قوات الأمن,
    القوات العراقية, الشركة الفرنسية)."""
    places: bool = True
    """Heads only: False when the head right before a place, a country or a nationality is
    a location or a role (مركز محافظة الأنبار, قيادة السعودية)."""
    qualifies: bool = False
    """Words only: a supranational adjective that makes the body one body (العربي)."""


@dataclass(frozen=True)
class BodyWords:
    """The bodies data file."""

    heads: tuple[BodyWord, ...] = ()
    words: tuple[BodyWord, ...] = ()
    places: tuple[BodyWord, ...] = ()
    stops: frozenset[str] = frozenset()
    """Folded words and two-word phrases that end a chain."""


def load_bodies(data_dirs: tuple[Path, ...]) -> BodyWords:
    """The bodies vocabulary of every ``bodies.yaml`` in ``data_dirs``: a later folder's entry
    with the same (folded) Arabic replaces the earlier one; stops are added."""
    sections: dict[str, dict[str, BodyWord]] = {"heads": {}, "words": {}, "places": {}}
    stops: set[str] = set()
    for path in [folder / FILE for folder in data_dirs if (folder / FILE).is_file()]:
        data = load_yaml(path)
        for section, entries in sections.items():
            for index, item in enumerate(mapping_list(data, section, path)):
                where = f"{section}[{index}]"
                word = BodyWord(
                    ar=required_string(item, "ar", path, where),
                    en=required_string(item, "en", path, where),
                    names=bool(item.get("names", False)),
                    article=bool(item.get("article", True)),
                    describes=bool(item.get("describes", False)),
                    places=bool(item.get("places", True)),
                    qualifies=bool(item.get("qualifies", False)),
                )
                if not has_arabic(word.ar) or has_arabic(word.en):
                    raise DataFileError(str(path), "ar must be Arabic, en not", field=where)
                entries[fold(word.ar)] = word
        stops.update(fold(word) for word in string_list(data.get("stops"), path, "stops"))
    return BodyWords(
        tuple(sections["heads"].values()),
        tuple(sections["words"].values()),
        tuple(sections["places"].values()),
        frozenset(stops),
    )


@lru_cache(maxsize=1)
def package_bodies() -> BodyWords:
    """The package's own bodies vocabulary, for a :class:`~builder.knowledge.Knowledge` made
    by hand."""
    return load_bodies((PACKAGE_DATA,))
