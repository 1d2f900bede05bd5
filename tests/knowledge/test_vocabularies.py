"""The extractors' vocabularies in builder/data/: units.yaml (numbers) and speech.yaml (quotes).

The files' shape is checked on the YAML as written; loading goes through
:func:`builder.knowledge.load_knowledge`, so a user data folder extends them the way it
extends the gazetteer, and the extractors read them from the Knowledge they are given.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from builder.arabic import fold
from builder.config import PACKAGE_DATA
from builder.errors import DataFileError
from builder.extract.dates import extract_dates
from builder.extract.numbers import UNITS, extract_numbers
from builder.extract.quotes import extract_quotes
from builder.knowledge import load_knowledge, package_speech, package_units

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")
PERCENT_SIGNS = {"%", "٪"}


def load(name: str) -> dict:
    return yaml.safe_load((PACKAGE_DATA / name).read_text(encoding="utf-8"))


def test_units_shape() -> None:
    data = load("units.yaml")
    assert set(data) == {"units"}
    seen: set[str] = set()
    owners: dict[str, set[str]] = defaultdict(set)
    for index, entry in enumerate(data["units"]):
        where = f"units[{index}]"
        assert set(entry) == {"en", "ar", "forms"}, where
        # Arabic pages show the unit by its Arabic name, never its English one.
        assert ARABIC_LETTER.search(entry["ar"]) and not LATIN_LETTER.search(entry["ar"]), where
        assert isinstance(entry["en"], str) and not ARABIC_LETTER.search(entry["en"]), where
        assert entry["en"] not in seen, f"{where}: {entry['en']} listed twice"
        seen.add(entry["en"])
        assert isinstance(entry["forms"], list) and entry["forms"], f"{where}: no forms"
        for form in entry["forms"]:
            assert isinstance(form, str) and form == form.strip() and form, where
            if form not in PERCENT_SIGNS:
                assert ARABIC_LETTER.search(form) and not LATIN_LETTER.search(form), form
            owners[fold(form)].add(entry["en"])
    # A noun that counted two different things would be read as whichever came last.
    assert not [form for form, units in owners.items() if len(units) > 1]


def test_speech_shape() -> None:
    data = load("speech.yaml")
    lists = ("verbs", "participles", "name_words", "known_names", "phrase_ends")
    assert set(data) == {*lists, "sources", "descriptors", "statements", "authors"}
    for key in ("sources", "descriptors", "statements", "authors"):
        entries = data[key]
        assert entries and all(ARABIC_LETTER.search(entry["ar"]) for entry in entries), key
        assert all(entry["en"] and not ARABIC_LETTER.search(entry["en"]) for entry in entries)
        assert len({entry["ar"] for entry in entries}) == len(entries), f"{key}: listed twice"
    for key in lists:
        words = data[key]
        assert isinstance(words, list) and words, key
        assert len(set(words)) == len(words), f"{key}: a word listed twice"
        for word in words:
            assert isinstance(word, str) and ARABIC_LETTER.search(word), word
            assert not LATIN_LETTER.search(word), word
            # Naming phrases (ما يسمى) may have several words; verbs are single words.
            assert key in ("name_words", "known_names", "phrase_ends") or " " not in word, word


def test_package_files_load(knowledge) -> None:
    """The build's Knowledge and an extractor called on its own read the same vocabulary."""
    assert knowledge.units == package_units()
    assert {unit.en: unit.forms for unit in knowledge.units} == UNITS
    assert knowledge.speech == package_speech()
    assert "قال" in knowledge.speech.verbs and "مشددا" in knowledge.speech.participles


def _user_folder(tmp_path: Path) -> Path:
    (tmp_path / "units.yaml").write_text(
        "units:\n  - {en: boats, forms: [زورق, زوارق]}\n  - {en: EUR, forms: [يورو, يوروهات]}\n",
        encoding="utf-8",
    )
    (tmp_path / "speech.yaml").write_text("verbs: [غرد, غردت, قال]\n", encoding="utf-8")
    return tmp_path


def test_user_folder_extends_units(tmp_path: Path, knowledge) -> None:
    extended = load_knowledge((PACKAGE_DATA, _user_folder(tmp_path)))
    units = [unit.en for unit in extended.units]
    # A new unit comes last; one with the same `en` replaces the package's in place.
    assert units == [*UNITS, "boats"]
    assert dict((unit.en, unit.forms) for unit in extended.units)["EUR"] == ("يورو", "يوروهات")

    text = "رست 12 زورقا في الميناء"
    assert [m.unit for m in extract_numbers(text, knowledge=knowledge)] == [None]
    assert [m.text for m in extract_numbers(text, knowledge=extended)] == ["12 زورقا"]
    assert extract_numbers(text, knowledge=extended)[0].unit == "boats"
    # The date rules read the same nouns: «في 2000 زورق» is a quantity, not a year.
    assert [m.iso for m in extract_dates("أبحرت في 2000 زورق", None, knowledge)] == ["2000"]
    assert extract_dates("أبحرت في 2000 زورق", None, extended) == ()


def test_user_folder_extends_speech_verbs(tmp_path: Path, knowledge) -> None:
    extended = load_knowledge((PACKAGE_DATA, _user_folder(tmp_path)))
    # Words are added after the package's; one the package lists counts once.
    assert extended.speech.verbs == (*knowledge.speech.verbs, "غرد", "غردت")
    assert extended.speech.participles == knowledge.speech.participles

    text = "وغرد المتحدث باسم الحكومة أن الاتفاق سيوقع الأسبوع المقبل في جنيف."
    assert extract_quotes(text, (), knowledge) == ()
    quotes = extract_quotes(text, (), extended)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "الاتفاق سيوقع الأسبوع المقبل في جنيف")
    ]


def test_unit_without_forms_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text("units:\n  - {en: boats}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="units"):
        load_knowledge((PACKAGE_DATA, tmp_path))
