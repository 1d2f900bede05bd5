"""The speech vocabulary (``speech.yaml``): verbs and participles that introduce speech, the
words that make a quotation a name, the words that end a speaker's phrase, and the glossary
that describes an unnamed speaker in English. Loaded here so that :mod:`builder.knowledge`
stays a readable size; a data folder's ``speech.yaml`` adds words to the package's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.arabic import has_arabic
from builder.datafiles import PACKAGE_DATA
from builder.datafiles import load_yaml as _load_yaml
from builder.datafiles import mapping_list as _items
from builder.datafiles import required_string as _required
from builder.datafiles import string_list as _strings
from builder.errors import DataFileError

_PACKAGE_SPEECH = PACKAGE_DATA / "speech.yaml"


@dataclass(frozen=True)
class SpeechWords:
    """The words that introduce speech, for the quote extractor."""

    verbs: tuple[str, ...]
    """Speech verbs in every form the press uses (قال, قالت, يقول ...); each past masculine
    singular also matches its plural and dual (قالوا, قالا)."""
    participles: tuple[str, ...]
    """Circumstantial participles that add a statement by the same speaker (مشددا, مؤكدة)."""
    name_words: tuple[str, ...] = ()
    """Words and phrases after which a quotation is a name, a title or a term, not speech
    (صحيفة, تنظيم, ما يسمى, المعروف)."""
    known_names: tuple[str, ...] = ()
    """Names a short quotation may hold alone that no other data file lists (تويتر)."""
    phrase_ends: tuple[str, ...] = ()
    """Words that end a speaker's noun phrase (في تصريح, لوكالة, أمس, قائلا)."""
    sources: tuple[Gloss, ...] = ()
    """Nouns for unnamed speakers (مصادر, مسؤول, شهود عيان) and their English."""
    descriptors: tuple[Gloss, ...] = ()
    """Words describing an unnamed speaker (أمني, عسكري, مطلع) and their English."""
    statements: tuple[Gloss, ...] = ()
    """Nouns for a statement that speaks for its authors (بيان, بيانان) and their English."""
    authors: tuple[Gloss, ...] = ()
    """Who a statement is from when no actor names them (الدول الثلاث -> the three
    countries), or the head before the actors (مكتبي -> the offices of)."""


@dataclass(frozen=True)
class Gloss:
    """An Arabic word or phrase and its English, for composing a speaker's description."""

    ar: str
    en: str
    first: bool = False
    """Placed before a country adjective («رفيع» -> "senior US official")."""


@lru_cache(maxsize=1)
def package_speech() -> SpeechWords:
    """The package's own speech verbs (``builder/data/speech.yaml``)."""
    return load_speech([_PACKAGE_SPEECH])


def load_speech(paths: list[Path]) -> SpeechWords:
    """The speech words of ``paths`` merged in order (package first)."""
    # Plain word lists: a later folder adds words, a word listed twice counts once.
    lists: dict[str, dict[str, None]] = {
        "verbs": {},
        "participles": {},
        "name_words": {},
        "known_names": {},
        "phrase_ends": {},
    }
    glosses: dict[str, dict[str, Gloss]] = {
        "sources": {},
        "descriptors": {},
        "statements": {},
        "authors": {},
    }
    for path in paths:
        data = _load_yaml(path)
        for key, words in lists.items():
            for word in _strings(data.get(key), path, key):
                if not has_arabic(word):
                    raise DataFileError(str(path), "must be Arabic", field=f"{key}: {word}")
                words.setdefault(word)
        for key, entries in glosses.items():
            for index, item in enumerate(_items(data, key, path)):
                where = f"{key}[{index}]"
                ar = _required(item, "ar", path, where)
                entries[ar] = Gloss(ar, _required(item, "en", path, where), bool(item.get("first")))
    return SpeechWords(
        verbs=tuple(lists["verbs"]),
        participles=tuple(lists["participles"]),
        name_words=tuple(lists["name_words"]),
        known_names=tuple(lists["known_names"]),
        phrase_ends=tuple(lists["phrase_ends"]),
        sources=tuple(glosses["sources"].values()),
        descriptors=tuple(glosses["descriptors"].values()),
        statements=tuple(glosses["statements"].values()),
        authors=tuple(glosses["authors"].values()),
    )
