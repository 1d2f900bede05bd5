"""The outlets data file, builder/data/outlets.yaml: its shape as written, and its loading
through :func:`builder.knowledge.load_knowledge`, extended by a user's data folder."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from builder.config import PACKAGE_DATA
from builder.errors import DataFileError
from builder.extract.matcher import phrase_key
from builder.knowledge import Knowledge, load_knowledge
from builder.outlets import outlet_country, package_outlets

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = {"id", "en", "ar", "domains"}
DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[a-z0-9-]+)*$")


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load((PACKAGE_DATA / "outlets.yaml").read_text(encoding="utf-8"))


def _arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text)) and not LATIN_LETTER.search(text)


def test_outlets_shape(data: dict) -> None:
    assert set(data) == {"outlets", "places", "not_outlets", "bylines"}
    ids: set[str] = set()
    for index, entry in enumerate(data["outlets"]):
        where = f"outlets[{index}]"
        assert REQUIRED <= set(entry) <= REQUIRED | {"names", "country"}, where
        assert entry.get("country") is None or re.fullmatch("[A-Z]{2}", entry["country"]), where
        assert SLUG.match(entry["id"]) and entry["id"] not in ids, where
        ids.add(entry["id"])
        assert entry["en"] and not ARABIC_LETTER.search(entry["en"]), where
        for name in (entry["ar"], *entry.get("names", [])):
            assert _arabic(name) and name == name.strip(), (where, name)
        assert entry["domains"], f"{where}: a real outlet has a web address"
        for domain in entry["domains"]:
            # The registrable domain: subdomains (www., m., english.) match it anyway.
            assert DOMAIN.match(domain) and not domain.startswith(("www.", "m.")), domain


def test_each_domain_and_shown_name_names_one_outlet(data: dict) -> None:
    domains: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, set[str]] = defaultdict(set)
    for entry in data["outlets"]:
        for domain in entry["domains"]:
            domains[domain].add(entry["id"])
        shown[phrase_key(entry["ar"])].add(entry["id"])
    assert not {domain: ids for domain, ids in domains.items() if len(ids) > 1}
    assert not {name: ids for name, ids in shown.items() if len(ids) > 1}
    # A name several outlets share is listed under each (it names none of them); the name
    # an outlet is shown by is never another outlet's dateline name.
    for entry in data["outlets"]:
        for other in data["outlets"]:
            if other is not entry:
                names = {phrase_key(name) for name in other.get("names", [])}
                assert phrase_key(entry["ar"]) not in names, (entry["id"], other["id"])


def test_no_redundant_names(data: dict) -> None:
    """A name the folding already covers (hamza, ta marbuta, alef maqsura, dots of an
    abbreviation) is left out."""
    for entry in data["outlets"]:
        keys = [phrase_key(name) for name in (entry["ar"], *entry.get("names", []))]
        assert len(keys) == len(set(keys)), entry["id"]


def test_places_and_not_outlets(data: dict, knowledge: Knowledge) -> None:
    countries = {
        phrase_key(name)
        for country in knowledge.countries
        for name in (country.ar, *country.names, *country.capitals)
    }
    places = [phrase_key(place) for place in data["places"]]
    assert all(_arabic(place) for place in data["places"])
    assert len(places) == len(set(places)), "a place listed twice"
    # countries.yaml already makes its countries and capitals places.
    assert not [place for place in places if place in countries]
    outlet_names = {
        phrase_key(name)
        for entry in data["outlets"]
        for name in (entry["ar"], *entry.get("names", []))
    }
    words = [phrase_key(word) for word in data["not_outlets"]]
    assert all(_arabic(word) for word in data["not_outlets"])
    assert len(words) == len(set(words))
    assert not set(words) & (outlet_names | set(places) | countries)
    # Byline openers (titles, desk words) never open a listed outlet's name or a place.
    openers = [phrase_key(word) for word in data["bylines"]]
    assert all(_arabic(word) for word in data["bylines"])
    assert len(openers) == len(set(openers)), "a byline word listed twice"
    named = outlet_names | set(places) | countries
    assert not [
        (opener, name)
        for opener in openers
        for name in named
        if name == opener or name.startswith(opener + " ")
    ]


def test_package_outlets_load(knowledge: Knowledge) -> None:
    """The build's Knowledge and one made by hand read the same outlets."""
    assert knowledge.outlets == package_outlets()
    by_id = {outlet.id: outlet for outlet in knowledge.outlets.entries}
    assert by_id["saudi-press-agency"].names == ("واس",)
    assert by_id["bbc-arabic"].domains == ("bbc.com/arabic", "bbc.co.uk/arabic")


def test_user_folder_extends_outlets(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n"
        "  - {id: sabq, en: Sabq Online, ar: صحيفة سبق, domains: [sabq.org]}\n"
        "  - {id: example-gazette, en: Example Gazette, ar: الجريدة المثال,"
        " domains: [Example.ORG], names: [المثال]}\n"
        "places: [الجبيل الصناعية]\n"
        "not_outlets: [خدمة الأخبار]\n"
        "bylines: [المنسق]\n",
        encoding="utf-8",
    )
    extended = load_knowledge((PACKAGE_DATA, tmp_path)).outlets
    ids = [outlet.id for outlet in extended.entries]
    # Same id: replaced in place; a new id comes last.
    assert ids == [*(outlet.id for outlet in knowledge.outlets.entries), "example-gazette"]
    sabq = next(outlet for outlet in extended.entries if outlet.id == "sabq")
    assert (sabq.en, sabq.ar) == ("Sabq Online", "صحيفة سبق")
    assert extended.entries[-1].domains == ("example.org",)
    assert extended.places == (*knowledge.outlets.places, "الجبيل الصناعية")
    assert extended.not_outlets == (*knowledge.outlets.not_outlets, "خدمة الأخبار")
    assert extended.bylines == (*knowledge.outlets.bylines, "المنسق")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{id: x, en: X, ar: اكس, domains: ['https://x.com']}", "not a domain"),
        ("{id: x, en: X, ar: X News, domains: [x.com]}", "must be Arabic"),
        ("{id: x, ar: اكس, domains: [x.com]}", "required string missing"),
        ("{id: x, en: X, ar: اكس, domains: [x.com], country: Yemen}", "two-letter country"),
    ],
)
def test_a_bad_outlet_is_an_error_naming_its_field(
    tmp_path: Path, entry: str, message: str
) -> None:
    (tmp_path / "outlets.yaml").write_text(f"outlets:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as error:
        load_knowledge((PACKAGE_DATA, tmp_path))
    assert error.value.field and error.value.field.startswith("outlets[0]")


@pytest.mark.parametrize(
    ("outlet", "country"),
    [
        ("سبأ", "YE"),  # a name two Yemeni agencies share: both are Yemeni
        ("وكالة الأنباء السعودية", "SA"),
        ("Saudi Press Agency (SPA)", "SA"),
        ("الشرق الأوسط", None),  # pan-Arab: no home government
        ("رويترز", None),  # a wire
        ("الوطن", None),  # a name outlets of several countries share
        ("صحيفة لا يعرفها أحد", None),
        (None, None),
    ],
)
def test_outlet_country(outlet: str | None, country: str | None, knowledge: Knowledge) -> None:
    assert outlet_country(outlet, knowledge.outlets) == country
