"""A name found only inside a body's name is no person (builder.extract.people_in_bodies)."""

from __future__ import annotations

from builder.extract.people_in_bodies import _mentions, without_body_names
from builder.model import ActorMention

TEXT = "وأعدت مؤسسة هاريس لويد جيمس خطة إعلامية للحكومة.\n"
BODY = ActorMention(
    "organization", "name:مؤسسه هاريس لويد جيمس", "مؤسسة هاريس لويد جيمس", "", False, (), ""
)
PERSON = ActorMention("person", "name:لويد جيمس", "لويد جيمس", "Lloyd James", True, (), "")
LISTED = ActorMention("person", "lloyd-james", "لويد جيمس", "Lloyd James", False, (), "")


def test_a_name_only_inside_a_body_is_dropped() -> None:
    assert without_body_names((PERSON,), (BODY,), TEXT) == ()


def test_a_name_also_said_on_its_own_is_kept() -> None:
    text = TEXT + "وقال لويد جيمس إن الخطة لم تنفذ.\n"
    assert without_body_names((PERSON,), (BODY,), text) == (PERSON,)


def test_a_gazetteer_person_is_kept() -> None:
    assert without_body_names((LISTED,), (BODY,), TEXT) == (LISTED,)


def test_without_bodies_nothing_changes() -> None:
    assert without_body_names((PERSON,), (), TEXT) == (PERSON,)


def test_a_name_before_an_arabic_comma_is_said_on_its_own() -> None:
    text = TEXT + "وقال لويد جيمس، مدير الحملة، إن الخطة لم تنفذ.\n"
    assert without_body_names((PERSON,), (BODY,), text) == (PERSON,)


def test_a_name_inside_a_longer_word_is_no_mention_of_it() -> None:
    # «جيمسون» and «ولويد جيمس» are other words: the name alone, said so, is not elsewhere.
    text = TEXT + "وذكرت صحيفة لويد جيمسون أن شركة ولويد جيمس لم ترد.\n"
    assert without_body_names((PERSON,), (BODY,), text) == ()
    assert _mentions("لويد جيمس، لويد جيمس_ لويد جيمسَ لويد جيمس.", "لويد جيمس") == [
        (0, 9),
        (33, 42),
    ]
    assert _mentions("", "لويد") == [] and _mentions("لويد", "") == []
