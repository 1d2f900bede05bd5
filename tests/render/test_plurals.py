"""Counts on pages follow CLDR's plural rules: six categories in Arabic, two in English."""

from __future__ import annotations

import pytest

from builder.render.labels import removal_note, truncation_note
from builder.render.plurals import NOUNS, count_text, plural_category


@pytest.mark.parametrize(
    ("count", "arabic", "english"),
    [
        (0, "لا موجزات", "0 briefs"),
        (1, "موجز واحد", "1 brief"),
        (2, "موجزان", "2 briefs"),
        (3, "3 موجزات", "3 briefs"),
        (10, "10 موجزات", "10 briefs"),
        (11, "11 موجزًا", "11 briefs"),
        (99, "99 موجزًا", "99 briefs"),
        (100, "100 موجز", "100 briefs"),
        (103, "103 موجزات", "103 briefs"),
        (111, "111 موجزًا", "111 briefs"),
        (2000, "2,000 موجز", "2,000 briefs"),
    ],
)
def test_briefs_counted_in_both_languages(count: int, arabic: str, english: str) -> None:
    assert count_text("brief", count, "ar") == arabic
    assert count_text("brief", count, "en") == english


def test_categories_come_from_cldr() -> None:
    assert [plural_category(n, "ar") for n in (0, 1, 2, 5, 12, 100)] == [
        "zero",
        "one",
        "two",
        "few",
        "many",
        "other",
    ]
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_every_noun_has_every_category() -> None:
    for noun, forms in NOUNS.items():
        assert set(forms["ar"]) == {"zero", "one", "two", "few", "many", "other"}, noun
        assert set(forms["en"]) == {"one", "other"}, noun
        for form in (*forms["ar"].values(), *forms["en"].values()):
            assert form.count("{n}") <= 1, (noun, form)


def test_statements_and_days() -> None:
    assert count_text("statement", 2, "ar") == "تصريحان"
    assert count_text("statement", 11, "ar") == "11 تصريحًا"
    assert count_text("statement", 1, "en") == "1 statement"
    assert count_text("day", 3, "ar") == "3 أيام"
    assert count_text("day", 1, "en") == "1 day"


def test_truncation_and_removal_notes_in_arabic() -> None:
    record = {"truncated": {"total": 250000, "used": 200000}}
    arabic = truncation_note(record, "ar")  # type: ignore[arg-type]
    assert arabic == "طول هذا المقال 250,000 حرف، ولم يُستخدم منه إلا أول 200,000 حرف."
    english = truncation_note(record, "en")  # type: ignore[arg-type]
    assert english == "This article is 250,000 characters long; only its first 200,000 were used."
    assert removal_note("image-file debris", 12, "ar") == "بقايا اسم ملف صورة، السطر 12"
    assert removal_note("button or label repeated 4 times", 3, "ar") == (
        "زر أو عنوان تكرر 4 مرات، السطر 3"
    )
    assert removal_note("image-file debris", 12, "en") == "image-file debris, line 12"
