"""Bodies found by pattern: fixture sentences, and the English composition on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.body_words import BodyWord
from builder.extract.actors import extract_organizations
from builder.extract.bodies import generic_owners
from builder.extract.body_english import Part, compose_english
from builder.knowledge import Knowledge

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "bodies.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_body_cases(case: dict, knowledge: Knowledge) -> None:
    found = extract_organizations(case["text"], knowledge)
    by_ar = {org.ar: org for org in found}
    every_form = {form for org in found for form in (org.ar, *org.forms)}
    for ar, en in case.get("bodies", {}).items():
        assert ar in by_ar, (ar, list(by_ar))
        assert by_ar[ar].en == en
    for ar in case.get("not_bodies", []):
        assert ar not in every_form, list(by_ar)
    for ar, prefix in case.get("keys", {}).items():
        assert by_ar[ar].key.startswith(prefix), by_ar[ar].key
    for ar in case.get("provisional", []):
        assert by_ar[ar].en_provisional
    for ar, forms in case.get("forms", {}).items():
        assert set(forms) <= set(by_ar[ar].forms), by_ar[ar]
        assert not any(org.ar in forms for org in found), list(by_ar)
    for ar, acronym in case.get("acronyms", {}).items():
        assert acronym in by_ar[ar].forms, by_ar[ar]
    if "organizations" in case:
        assert set(case["organizations"]) <= {org.en for org in found}, list(by_ar)


def test_every_body_span_is_verbatim(knowledge: Knowledge) -> None:
    for case in CASES:
        for org in extract_organizations(case["text"], knowledge):
            for form in (org.ar, *org.forms):
                assert form in case["text"] and "\n" not in form


def _part(kind: str, en: str, joined: str = "", ar: str = "") -> Part:
    return Part(kind, ar, ar, en, True, joined)


def test_english_reverses_the_chain_and_keeps_joined_words_in_order() -> None:
    head = BodyWord("حزب", "Party")
    parts = [_part("word", "Justice"), _part("word", "Development", "and")]
    assert compose_english(head, parts, False) == ("Justice and Development Party", "translated")


def test_english_puts_the_nationality_first_and_the_lam_phrase_after_the_head() -> None:
    head = BodyWord("مرصد", "Observatory")
    parts = [_part("adjective", "Syrian"), _part("word", "Human Rights", "for")]
    english, source = compose_english(head, parts, False)
    assert (english, source) == ("Syrian Observatory for Human Rights", "translated")


def test_english_romanizes_a_name_and_says_so() -> None:
    head = BodyWord("جبهة", "Front")
    english, source = compose_english(head, [_part("name", "", ar="النصرة")], False)
    assert english.endswith("Front") and english.startswith("al-")
    assert source == "romanized"


def test_a_generic_body_says_the_country_is_not_stated() -> None:
    english, _ = compose_english(BodyWord("وزارة", "Ministry"), [_part("word", "Interior")], True)
    assert english == "Interior Ministry (country not stated)"


def test_generic_owners_follow_a_chain_to_the_fullest_body() -> None:
    forms = {
        "generic:لواء امن": ["لواء الأمن"],
        "generic:لواء امن خاص": ["لواء الأمن الخاص"],
        "name:لواء امن خاص اردني": ["لواء الأمن الخاص الأردني"],
    }
    owners = generic_owners(forms)
    assert owners == {
        "generic:لواء امن": "name:لواء امن خاص اردني",
        "generic:لواء امن خاص": "name:لواء امن خاص اردني",
    }
