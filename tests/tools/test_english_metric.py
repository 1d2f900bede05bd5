"""``people.english``: when a person's English name agrees with the gold one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tools.evaluate import evaluate
from briefing_tools.evaluate.english import english_agrees
from builder.knowledge import Knowledge


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Bashar al-Assad", "Bashar Assad"),  # the article's prefix
        ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"),
        ("Abdul-Malik al-Houthi", "Abdulmalik al-Houthi"),  # hyphens, spaces
        ("Tamim bin Hamad Al Thani", "Tamim ibn Hamad al-Thani"),
        ("François Hollande", "Francois Hollande"),  # accents
        ("Ali Khamenei", "Khamenei"),  # the surname alone
        ("Khalid al-Attiyah", "Khalid bin Mohammed al-Attiyah"),  # a middle part left out
        ("King Salman (Salman bin Abdulaziz)", "Salman bin Abdulaziz"),  # an alternative
        ("Charles Q. Brown Jr.", "Charles Brown"),  # initials and titles
    ],
)
def test_names_that_agree(gold: str, predicted: str) -> None:
    assert english_agrees(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Ali Khamenei", "Ali"),  # a given name alone
        ("Abd-Rabbu Mansour Hadi", "Abd Rabbuh Mansour Hadi"),  # another spelling
        ("Khaled Bahah", "Khaled Bhah"),
        ("Lyle Morris", "Lyle Maurice"),
        ("Bashar al-Assad", "Asma al-Assad"),
        ("Bashar al-Assad", None),
    ],
)
def test_names_that_do_not(gold: str, predicted: str | None) -> None:
    assert not english_agrees(gold, predicted)


def test_the_row_counts_matched_people(tmp_path: Path, knowledge: Knowledge) -> None:
    article = (
        "وقال الدبلوماسي لوران فابيوس إن المحادثات مستمرة. وأضاف الوزير سعيد الكمالي أن الوقت مبكر."
    )
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.yaml").write_text(
        "article: a\npub_date: 2024-01-02\npeople:\n"
        "  - {ar: لوران فابيوس, en: Laurent Fabius}\n"
        "  - {ar: سعيد الكمالي, en: Saeed al-Kamali}\n",
        encoding="utf-8",
    )
    results, problems = evaluate(gold, tmp_path, knowledge)
    assert not problems
    tally = results[0].tallies["people.english"]
    assert (tally.hits, tally.misses) == (1, 1)
    # The name table spells «سعيد» Said, not the gold's Saeed.
    wrong = "people.english: سعيد الكمالي is Saeed al-Kamali, named Said al-Kamali"
    assert wrong in results[0].errors
