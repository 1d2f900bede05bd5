"""Number extraction: fixture cases and seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED

from builder.extract.numbers import UNITS, extract_numbers

FIXTURES = Path(__file__).parent / "fixtures" / "numbers.yaml"
SEEDS = SHARED / "seeds"

CASES: list[dict[str, Any]] = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_fixture_case(case: dict[str, Any]) -> None:
    """Every expected mention is found, in order, with the listed values, and nothing else."""
    found = extract_numbers(case["text"])
    got = [
        {key: getattr(mention, key) for key in expected}
        for mention, expected in zip(found, case["expect"], strict=False)
    ]
    assert got == case["expect"], [(m.text, m.value, m.unit) for m in found]
    assert len(found) == len(case["expect"]), [m.text for m in found]


def test_fixture_count() -> None:
    """The fixture covers enough constructions."""
    assert len(CASES) >= 40


def test_units_are_data() -> None:
    """The unit vocabulary is a plain mapping of English unit -> Arabic forms."""
    assert "USD" in UNITS and "دولار" in UNITS["USD"]
    assert all(isinstance(forms, tuple) and forms for forms in UNITS.values())


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_files(), reason="shared seed articles not available")
@pytest.mark.parametrize("path", _seed_files(), ids=lambda p: p.stem)
def test_seed_spans(path: Path) -> None:
    """On real articles every span is verbatim, values are numbers, ranges are ordered."""
    text = path.read_text(encoding="utf-8")
    for mention in extract_numbers(text):
        assert mention.text in text
        assert mention.text == mention.text.strip()
        assert mention.text in mention.sentence
        assert isinstance(mention.value, (int, float))
        if mention.value_max is not None:
            assert mention.value_max > mention.value
