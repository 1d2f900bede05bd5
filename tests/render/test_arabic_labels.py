"""The site's own words on Arabic pages are Arabic: figures' hedges and units, why cleaning
removed a line."""

from __future__ import annotations

import re

from builder.config import PACKAGE_DIR
from builder.extract.numbers.qualifiers import QUALIFIERS
from builder.knowledge import Knowledge
from builder.model import NumberRecord
from builder.render.figures import QUALIFIERS_AR, figure_unit, figure_value
from builder.render.labels import REMOVAL_REASONS_AR, removal_note

LATIN = re.compile(r"[A-Za-z]")


def number(value: float, unit: str | None, qualifier: str | None, **more) -> NumberRecord:
    record: NumberRecord = {
        "text": "نحو ثلاثة أشهر",
        "value": value,
        "value_max": None,
        "unit": unit,
        "unit_ar": None,
        "qualifier": qualifier,
        "sentence": "",
    }
    return {**record, **more}  # type: ignore[typeddict-item]


def test_every_hedge_the_extractor_reports_has_arabic_words() -> None:
    assert set(QUALIFIERS.values()) <= set(QUALIFIERS_AR)


def test_a_figure_in_arabic_and_in_english() -> None:
    about = number(3, "months", "about", unit_ar="أشهر")
    assert (figure_value(about, "ar"), figure_unit(about, "ar")) == ("نحو 3", "أشهر")
    assert (figure_value(about, "en"), figure_unit(about, "en")) == ("about 3", "months")
    ranged = number(1000, "warheads", "more than", value_max=1500.0, unit_ar="رؤوس حربية")
    assert figure_value(ranged, "ar") == "أكثر من 1,000–1,500"
    assert figure_value(number(1e6, None, None), "en") == "1,000,000"


def test_every_unit_has_an_arabic_name_in_the_record(knowledge: Knowledge) -> None:
    for unit in knowledge.units:
        name = knowledge.unit_names[unit.en]
        assert name and not LATIN.search(name), unit.en


def test_every_reason_cleaning_gives_has_arabic_words() -> None:
    source = (PACKAGE_DIR / "clean" / "furniture.py").read_text("utf-8")
    reasons = set(re.findall(r'(?:reason = |return )"([^"{]+)"', source))
    assert len(reasons) >= 10
    assert reasons <= set(REMOVAL_REASONS_AR), reasons - set(REMOVAL_REASONS_AR)
    for reason in reasons:
        assert not LATIN.search(removal_note(reason, 7, "ar")), reason
