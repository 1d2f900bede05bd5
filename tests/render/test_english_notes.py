"""The note beside an English name that is not an established one: where it comes from."""

from __future__ import annotations

import pytest

from builder.links import EntityRef, entity_link
from builder.model import SpeakerRecord
from builder.pdf.layout import _name
from builder.render.labels import english_note, label
from builder.render.names import speaker_label


@pytest.mark.parametrize(
    ("source", "key"),
    [("name-table", "name_table"), ("romanized", "romanized"), ("translated", "translated")],
)
def test_each_provisional_source_has_its_note(source, key) -> None:
    for lang in ("ar", "en"):
        assert english_note(source, True, lang) == label(key, lang)
    ref: EntityRef = {
        "id": "x",
        "ar": "لوران فابيوس",
        "en": "Laurent Fabius",
        "en_provisional": True,
        "en_source": source,
    }
    assert label(key, "en") in entity_link(ref, "person", "en")
    assert label(key, "ar") in entity_link(ref, "person", "ar")
    speaker: SpeakerRecord = {
        "ar": "لوران فابيوس",
        "en": "Laurent Fabius",
        "en_provisional": True,
        "en_source": source,
        "id": "x",
    }
    assert label(key, "en") in speaker_label(speaker, "en")
    assert label(key, "en") in _name(speaker, "en") and label(key, "ar") in _name(speaker, "ar")


def test_labels_differ_and_an_established_name_has_none() -> None:
    notes = {english_note(s, True, "en") for s in ("name-table", "romanized", "translated")}
    assert len(notes) == 3 and "spelling from name tables, provisional" in notes
    assert english_note("gazetteer", False, "en") is None
    # A provisional name that does not say where it comes from (an older extraction) was
    # romanized: the only provisional kind there was.
    assert english_note(None, True, "ar") == label("romanized", "ar")
