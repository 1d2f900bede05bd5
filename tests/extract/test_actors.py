"""Countries, people and organizations: fixture sentences with expected actors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.extract.actors import extract_countries, extract_organizations
from builder.extract.people import extract_people
from builder.extract.romanize import romanize
from builder.knowledge import Knowledge

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "actors.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_actor_cases(case: dict, knowledge: Knowledge) -> None:
    text = case["text"]
    if "countries" in case:
        found = {c.code: {c.ar, *c.forms} for c in extract_countries(text, knowledge)}
        assert set(found) == set(case["countries"]), found
        for code, forms in case["countries"].items():
            assert set(forms) <= found[code], (code, found[code])
    people, _ = extract_people(text, knowledge)
    by_ar = {person.ar: person for person in people}
    if case.get("people") == []:
        assert not people, people
    for ar, en in case.get("people", []):
        assert ar in by_ar, (ar, list(by_ar))
        if en is not None:
            assert by_ar[ar].en == en
    for ar, role in case.get("roles", {}).items():
        assert by_ar[ar].role == role
    for ar, role_en in case.get("roles_en", {}).items():
        assert by_ar[ar].role_en == role_en, by_ar[ar]
    for ar in case.get("provisional", []):
        assert by_ar[ar].en_provisional, by_ar[ar]
    for ar in case.get("not_people", []):
        assert all(ar not in (person.ar, *person.forms) for person in people), people
    by_en = {person.en: person for person in people}
    for en, forms in case.get("forms", {}).items():
        assert set(forms) <= set(by_en[en].forms)
    if "organizations" in case:
        found_orgs = [org.en for org in extract_organizations(text, knowledge)]
        assert set(case["organizations"]) <= set(found_orgs), found_orgs


def test_every_span_is_verbatim_within_one_line(knowledge: Knowledge) -> None:
    for case in CASES:
        text = case["text"]
        people, _ = extract_people(text, knowledge)
        for actor in (
            *people,
            *extract_countries(text, knowledge),
            *extract_organizations(text, knowledge),
        ):
            for form in (actor.ar, *actor.forms):
                assert form in text, (form, text)
                assert "\n" not in form, (form, text)


def test_romanization_is_readable() -> None:
    assert romanize("مايكل تشيس") == "Maikl Chis"
    assert romanize("ويندي شيرمان") == "Windi Shirman"
