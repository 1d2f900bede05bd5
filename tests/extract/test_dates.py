"""Date extraction: fixture cases, seed articles, and overlap with the gold annotations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED

from builder.extract.dates import extract_dates, month_names

FIXTURES = Path(__file__).parent / "fixtures" / "dates.yaml"

SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

_POINT = r"(?:\d{4}|\d{3}X|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|XXXX-\d{2}|XXXX-\d{2}-\d{2})"
ISO_FORMAT = re.compile(rf"{_POINT}(?:/{_POINT})?")
"""``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``XXXX-MM(-DD)``, ``194X``, or an ``A/B`` interval."""

CASES: list[dict[str, Any]] = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_fixture_case(case: dict[str, Any]) -> None:
    """Every expected mention is found, in order, with the listed values, and nothing else."""
    found = extract_dates(case["text"], case.get("published"))
    got = [
        {key: getattr(mention, key) for key in expected}
        for mention, expected in zip(found, case["expect"], strict=False)
    ]
    assert got == case["expect"], [m.text for m in found]
    assert len(found) == len(case["expect"]), [m.text for m in found]


def test_fixture_count() -> None:
    """The fixture covers enough constructions."""
    assert len(CASES) >= 60


def test_month_names_cover_regional_forms() -> None:
    """CLDR gives MSA, Levantine, Maghrebi and Moroccan names; folding merges hamza forms."""
    names = month_names()
    for name, month in {"يناير": 1, "كانون الثاني": 1, "جانفي": 1, "شباط": 2, "فيفري": 2,
                        "اذار": 3, "ابريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7,
                        "يوليوز": 7, "اوت": 8, "غشت": 8, "اغسطس": 8, "شتنبر": 9, "نونبر": 11,
                        "دجنبر": 12, "يوليه": 7}.items():  # fmt: skip
        assert names[name] == month, name


def test_mentions_carry_sentence() -> None:
    """The sentence of a mention contains the mention."""
    text = "وصل الوفد أمس.\nوسيغادر في 3 مارس 2024 إلى جنيف."
    for mention in extract_dates(text, "2024-02-01"):
        assert mention.text in mention.sentence


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_files(), reason="shared seed articles not available")
@pytest.mark.parametrize("path", _seed_files(), ids=lambda p: p.stem)
def test_seed_spans_and_formats(path: Path) -> None:
    """On real articles every span is verbatim and every value well-formed."""
    text = path.read_text(encoding="utf-8")
    for mention in extract_dates(text, "2024-06-21"):
        assert mention.text in text
        assert mention.text == mention.text.strip()
        for value in (mention.iso, mention.resolved):
            assert value is None or ISO_FORMAT.fullmatch(value), value
        if mention.iso and "X" not in mention.iso:
            assert mention.resolved == mention.iso


def _overlap(text: str, gold_text: str, spans: list[tuple[int, int]]) -> bool:
    start = text.find(gold_text)
    while start >= 0:
        end = start + len(gold_text)
        if any(a < end and start < b for a, b in spans):
            return True
        start = text.find(gold_text, start + 1)
    return False


@pytest.mark.skipif(not GOLD.is_dir() or not _seed_files(), reason="gold files not available")
def test_gold_overlap() -> None:
    """Share of gold date spans (not uncertain) that an extracted span overlaps."""
    hits = total = 0
    for gold_path in sorted(GOLD.glob("*.yaml")):
        seed = SEEDS / f"{gold_path.stem}.txt"
        if not seed.exists():
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text = seed.read_text(encoding="utf-8")
        published = str(gold.get("pub_date") or "")
        mentions = extract_dates(text, published if len(published) == 10 else None)
        spans, cursor = [], 0
        for mention in mentions:
            start = text.find(mention.text, cursor)
            spans.append((start, start + len(mention.text)))
            cursor = start + len(mention.text)
        items = [d for d in gold.get("dates") or [] if not d.get("uncertain")]
        found = sum(_overlap(text, d["text"], spans) for d in items)
        missed = [d["text"] for d in items if not _overlap(text, d["text"], spans)]
        print(f"{gold_path.stem}: {found}/{len(items)} missed={missed}")
        hits, total = hits + found, total + len(items)
    share = hits / total if total else 1.0
    print(f"gold date overlap: {hits}/{total} = {share:.2f}")
    assert share >= 0.8
