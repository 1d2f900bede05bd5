"""Named speakers the brief does not list: which phrases are names, their English, and a
surname alone joined to the full name said before (builder.extract.quotes.names)."""

from __future__ import annotations

import pytest

from builder.extract.quotes.names import (
    full_name_in,
    is_name,
    join_surnames,
    named_speaker,
    trailing_name,
)
from builder.extract.quotes.referents import RANKS
from builder.knowledge import Knowledge
from builder.model import Quote, Speaker


@pytest.mark.parametrize(
    "phrase",
    [
        "علي الحمادي",
        "برهان غليون",
        "سالم بن ناصر الهاشمي",
        "أبو محمد الجولاني",
        "عبدالله العمري",
    ],
)
def test_names(phrase: str, knowledge: Knowledge) -> None:
    assert is_name(phrase, knowledge)


@pytest.mark.parametrize(
    "phrase",
    [
        "المتهمان",  # a definite noun
        "بيان للدول الثلاث",  # a statement
        "هذا أمرا جيدا",  # common words the name table happens to list
        "مصادر عسكرية",  # an unnamed source
        "وزير الخارجية",  # a title
        "على الحدود",  # a preposition
        "مسؤول يمني",  # a nationality
        "بن سالم",  # a name does not open with بن
        "السلاح",
        "أدان الوزير",  # a verb of the news
        "رحب سالم",
        "عدن سالم الهاشمي",  # a town before the name
        "راغب بذلك",  # a particle with an attached preposition
        "كلام صلاح الدين",
        "عيد الفطر",  # an article on a later word that is no nisba
        "علامة مطعمه",  # a pronoun ending
        "كابل وإسلام",  # a conjunction inside
        "نادي الأسير",  # a body's naming word (speech.yaml name_words)
        "شبكة شام",
    ],
)
def test_not_names(phrase: str, knowledge: Knowledge) -> None:
    assert not is_name(phrase, knowledge)


def test_after_a_rank_a_family_name_with_the_article_is_a_name(knowledge: Knowledge) -> None:
    assert is_name("الروقي", knowledge, after_rank=True)
    assert not is_name("الروقي", knowledge)


def test_the_name_phrase_gets_provisional_english(knowledge: Knowledge) -> None:
    speaker = named_speaker("اللواء الروقي", "الروقي", knowledge)
    assert speaker.ar == "اللواء الروقي"  # the rank stays in the Arabic shown beside
    assert speaker.en == "al-Ruqi" and speaker.en_provisional
    assert speaker.en_source == "romanized"
    listed = named_speaker("برهان غليون", "برهان غليون", knowledge)
    assert listed.en == "Burhan Ghalioun" and listed.en_source == "name-table"


def test_a_name_ends_a_description(knowledge: Knowledge) -> None:
    phrase = "زعيم العشيرة في المحافظة الشيخ سالم الهاشمي"
    assert trailing_name(phrase, knowledge) == "سالم الهاشمي"
    assert trailing_name("بيان للدول الثلاث صدر في العاصمة", knowledge) is None


def _quote(speaker: Speaker | None) -> Quote:
    return Quote("نص", "indirect", speaker, "جملة")


def test_a_surname_joins_the_full_name_said_before(knowledge: Knowledge) -> None:
    full = named_speaker("ياسين التميمي", "ياسين التميمي", knowledge)
    alone = Speaker(ar="التميمي", en=None)
    ranked = Speaker(ar="العميد التميمي", en=None)
    quotes = [_quote(full), _quote(alone), _quote(ranked)]
    joined = join_surnames(quotes, frozenset(RANKS), "", knowledge)
    assert [quote.speaker for quote in joined] == [full, full, full]
    # Said before the full name, or with two people of that surname: not joined.
    other = named_speaker("سالم التميمي", "سالم التميمي", knowledge)
    quotes = [_quote(alone), _quote(full), _quote(other), _quote(alone)]
    joined = join_surnames(quotes, frozenset(RANKS), "", knowledge)
    assert [quote.speaker for quote in joined] == [alone, full, other, alone]


def test_a_surname_takes_the_full_name_the_text_gives(knowledge: Knowledge) -> None:
    text = "وصل الرئيس عبد ربه منصور هادي إلى عدن. وقال هادي إن الحرب انتهت."
    assert full_name_in(text, "هادي", knowledge) == "عبد ربه منصور هادي"
    assert full_name_in("وقال هادي إن الحرب انتهت.", "هادي", knowledge) is None
    # Two people of that surname: neither.
    two = "التقى سالم التميمي ياسين التميمي في عدن."
    assert full_name_in(two, "التميمي", knowledge) is None
