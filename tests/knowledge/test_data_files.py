"""Checks on the hand-written YAML data files in builder/data/.

These tests only load the files with ``yaml.safe_load`` and check their shape and
consistency; they do not depend on the extraction code.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml
from babel import Locale

from builder.arabic import fold  # the extractors match on this folding
from builder.config import PACKAGE_DATA

DATA = PACKAGE_DATA

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ORG_TYPES = {
    "government",
    "military",
    "international",
    "media",
    "agency",
    "think-tank",
    "party",
    "armed-group",
    "company",
}

UN_MEMBERS = frozenset(
    re.findall(
        r"[A-Z]{2}",
        """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI
    CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER
    EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT
    JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM
    MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA
    KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH
    SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""",
    )
)
EXTRA_TERRITORIES = {"TW", "PS", "XK", "HK"}
# Former states that CLDR has no territory for (ISO 3166-3); countries.yaml names them
# with explicit `ar` and `en`, and gazetteer people may carry them as `country`.
HISTORICAL_STATES = {"SU", "YU", "DD", "CS"}


def load(name: str):
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def gazetteer():
    return load("gazetteer.yaml")


@pytest.fixture(scope="module")
def countries():
    return load("countries.yaml")


@pytest.fixture(scope="module")
def topics():
    return load("topics.yaml")


@pytest.fixture(scope="module")
def terminology():
    return load("terminology.yaml")


@pytest.fixture(scope="module")
def names():
    return load("names.yaml")


@pytest.fixture(scope="module")
def valid_codes():
    codes = {code for code in Locale.parse("en").territories if re.fullmatch("[A-Z]{2}", code)}
    return codes | {"XK"} | HISTORICAL_STATES


# ------------------------------------------------------------------ helpers


def assert_arabic(value, where: str) -> None:
    assert isinstance(value, str) and value.strip(), f"{where}: expected a non-empty string"
    assert value == value.strip(), f"{where}: leading/trailing whitespace in {value!r}"
    assert ARABIC_LETTER.search(value), f"{where}: no Arabic letters in {value!r}"
    assert not LATIN_LETTER.search(value), f"{where}: Latin letters in Arabic form {value!r}"


def assert_english(value, where: str) -> None:
    assert isinstance(value, str) and value.strip(), f"{where}: expected a non-empty string"
    assert not ARABIC_LETTER.search(value), f"{where}: Arabic letters in English text {value!r}"


def assert_arabic_list(value, where: str, *, required: bool = False) -> None:
    if value is None and not required:
        return
    assert isinstance(value, list), f"{where}: expected a list"
    if required:
        assert value, f"{where}: must not be empty"
    for index, item in enumerate(value):
        assert_arabic(item, f"{where}[{index}]")


def assert_keys(entry: dict, allowed: set[str], required: set[str], where: str) -> None:
    assert isinstance(entry, dict), f"{where}: expected a mapping"
    missing = required - entry.keys()
    assert not missing, f"{where}: missing {sorted(missing)}"
    unknown = entry.keys() - allowed
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"


def find_collisions(owners: dict[str, set[str]]) -> list[str]:
    return [f"{form!r}: {sorted(ids)}" for form, ids in owners.items() if len(ids) > 1]


# ------------------------------------------------------------------ gazetteer


def test_gazetteer_shape(gazetteer, valid_codes):
    assert set(gazetteer) == {"people", "organizations"}
    people = gazetteer["people"]
    orgs = gazetteer["organizations"]
    assert isinstance(people, list) and isinstance(orgs, list)
    assert len(people) >= 200, len(people)
    assert len(orgs) >= 150, len(orgs)

    for index, person in enumerate(people):
        where = f"people[{index}] {person.get('id')}"
        assert_keys(
            person,
            {"id", "en", "ar", "variants", "role_en", "country"},
            {"id", "en", "ar"},
            where,
        )
        assert isinstance(person["id"], str) and SLUG.match(person["id"]), where
        assert_english(person["en"], where + ".en")
        assert_arabic(person["ar"], where + ".ar")
        assert_arabic_list(person.get("variants"), where + ".variants")
        if "role_en" in person:
            assert_english(person["role_en"], where + ".role_en")
        if "country" in person:
            assert person["country"] in valid_codes, f"{where}: bad country {person['country']!r}"

    for index, org in enumerate(orgs):
        where = f"organizations[{index}] {org.get('id')}"
        assert_keys(
            org,
            {"id", "en", "ar", "variants", "country", "type"},
            {"id", "en", "ar", "type"},
            where,
        )
        assert isinstance(org["id"], str) and SLUG.match(org["id"]), where
        assert_english(org["en"], where + ".en")
        assert_arabic(org["ar"], where + ".ar")
        assert_arabic_list(org.get("variants"), where + ".variants")
        assert org["type"] in ORG_TYPES, f"{where}: bad type {org['type']!r}"
        if "country" in org:
            assert org["country"] in valid_codes, f"{where}: bad country {org['country']!r}"


def test_gazetteer_ids_unique(gazetteer):
    ids = [entry["id"] for key in ("people", "organizations") for entry in gazetteer[key]]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates


@pytest.mark.parametrize("section", ["people", "organizations"])
def test_gazetteer_surface_forms_unambiguous(gazetteer, section):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer[section]:
        for form in [entry["ar"], *(entry.get("variants") or [])]:
            owners[fold(form)].add(entry["id"])
    collisions = find_collisions(owners)
    assert not collisions, collisions


def test_gazetteer_no_redundant_variants(gazetteer):
    problems = []
    for section in ("people", "organizations"):
        for entry in gazetteer[section]:
            forms = [fold(f) for f in [entry["ar"], *(entry.get("variants") or [])]]
            if len(forms) != len(set(forms)):
                problems.append(entry["id"])
    assert not problems, f"variants equal to another form after folding: {problems}"


# ------------------------------------------------------------------ countries


def test_countries_shape(countries, valid_codes):
    assert set(countries) == {"countries"}
    entries = countries["countries"]
    assert isinstance(entries, list)
    ar_names = Locale.parse("ar").territories
    for index, entry in enumerate(entries):
        where = f"countries[{index}] {entry.get('code')}"
        assert_keys(
            entry,
            {"code", "ar", "en", "names", "adjectives", "capitals", "en_adjective"},
            {"code"},
            where,
        )
        code = entry["code"]
        assert isinstance(code, str), f"{where}: code must be a string (quote NO)"
        assert code in valid_codes, f"{where}: not a CLDR territory code"
        cldr = ar_names.get(code)
        if cldr:
            # CLDR names the country: explicit names would only hide it.
            assert "ar" not in entry and "en" not in entry, (
                f"{where}: ar/en are only for codes CLDR has no name for"
            )
        else:
            assert code in HISTORICAL_STATES, f"{where}: CLDR has no Arabic name for {code}"
            assert {"ar", "en"} <= entry.keys(), f"{where}: a historical state needs ar and en"
            assert_arabic(entry["ar"], where + ".ar")
            assert_english(entry["en"], where + ".en")
        for key in ("names", "adjectives", "capitals"):
            assert_arabic_list(entry.get(key), f"{where}.{key}")
        if "en_adjective" in entry:
            assert_english(entry["en_adjective"], where + ".en_adjective")
        main = cldr or entry["ar"]
        assert fold(main) not in {fold(n) for n in entry.get("names") or []}, (
            f"{where}: names repeats the main name {main!r}"
        )
        for adjective in entry.get("adjectives") or []:
            first_word = adjective.split()[0]
            assert not first_word.startswith("ال"), (
                f"{where}: adjective {adjective!r} has the article"
            )
            assert not adjective.endswith(("ة", "ون", "ين")), (
                f"{where}: adjective {adjective!r} must be masculine singular"
            )


def test_countries_unique_and_complete(countries):
    codes = [entry["code"] for entry in countries["countries"]]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    assert not duplicates, duplicates
    missing = sorted((UN_MEMBERS | EXTRA_TERRITORIES | HISTORICAL_STATES) - set(codes))
    assert not missing, f"missing countries: {missing}"


def test_countries_surface_forms_unambiguous(countries):
    ar_names = Locale.parse("ar").territories
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in countries["countries"]:
        code = entry["code"]
        forms = [
            *(entry.get("names") or []),
            *(entry.get("adjectives") or []),
            *(entry.get("capitals") or []),
        ]
        forms.append(ar_names.get(code) or entry["ar"])
        for form in forms:
            owners[fold(form)].add(code)
    collisions = find_collisions(owners)
    assert not collisions, collisions


# ------------------------------------------------------------------ topics


def test_topics(topics):
    assert set(topics) == {"topics"}
    entries = topics["topics"]
    assert isinstance(entries, list)
    assert 25 <= len(entries) <= 40, len(entries)
    ids = []
    for index, topic in enumerate(entries):
        where = f"topics[{index}] {topic.get('id')}"
        assert_keys(
            topic, {"id", "en", "ar", "keywords", "min_hits"}, {"id", "en", "ar", "keywords"}, where
        )
        assert isinstance(topic["id"], str) and SLUG.match(topic["id"]), where
        ids.append(topic["id"])
        assert_english(topic["en"], where + ".en")
        assert_arabic(topic["ar"], where + ".ar")
        assert_arabic_list(topic["keywords"], where + ".keywords", required=True)
        folded = [fold(k) for k in topic["keywords"]]
        assert len(folded) == len(set(folded)), f"{where}: duplicate keywords after folding"
        if "min_hits" in topic:
            hits = topic["min_hits"]
            assert isinstance(hits, int) and not isinstance(hits, bool) and hits >= 1, where
    assert len(ids) == len(set(ids)), "duplicate topic ids"


# ------------------------------------------------------------------ terminology


def test_terminology(terminology):
    assert set(terminology) == {"terms"}
    entries = terminology["terms"]
    assert isinstance(entries, list)
    assert len(entries) >= 80, len(entries)
    owners: dict[str, set[int]] = defaultdict(set)
    for index, term in enumerate(entries):
        where = f"terms[{index}] {term.get('en')}"
        assert_keys(term, {"ar", "en", "forms", "note"}, {"ar", "en"}, where)
        assert_arabic(term["ar"], where + ".ar")
        assert_english(term["en"], where + ".en")
        assert_arabic_list(term.get("forms"), where + ".forms")
        if "note" in term:
            assert_english(term["note"], where + ".note")
        for form in [term["ar"], *(term.get("forms") or [])]:
            owners[fold(form)].add(index)
    collisions = [
        f"{form!r}: {[entries[i]['en'] for i in sorted(ids)]}"
        for form, ids in owners.items()
        if len(ids) > 1
    ]
    assert not collisions, collisions


# ------------------------------------------------------------------ given names


def test_names_shape(names):
    assert set(names) == {"given_names"}
    entries = names["given_names"]
    assert isinstance(entries, list)
    assert 400 <= len(entries) <= 800, len(entries)
    for index, entry in enumerate(entries):
        where = f"given_names[{index}] {entry.get('en') if isinstance(entry, dict) else ''}"
        assert_keys(entry, {"ar", "en", "variants", "gulf", "arab"}, {"ar", "en"}, where)
        assert_arabic(entry["ar"], where + ".ar")
        assert_english(entry["en"], where + ".en")
        assert entry["en"].isascii(), f"{where}: en must be ASCII"
        assert_arabic_list(entry.get("variants"), where + ".variants")


def test_names_surface_forms_unambiguous(names):
    owners: dict[str, set[str]] = defaultdict(set)
    redundant = []
    for entry in names["given_names"]:
        forms = [fold(f) for f in [entry["ar"], *(entry.get("variants") or [])]]
        if len(forms) != len(set(forms)):
            redundant.append(entry["en"])
        for form in forms:
            owners[form].add(entry["en"])
    assert not redundant, f"variants equal to another form after folding: {redundant}"
    collisions = find_collisions(owners)
    assert not collisions, collisions


def test_names_are_not_country_forms(names, countries):
    """A given name must not also be a country name, capital or nationality adjective."""
    ar_names = Locale.parse("ar").territories
    country_forms: dict[str, str] = {}
    for entry in countries["countries"]:
        code = entry["code"]
        forms = [
            ar_names.get(code) or entry["ar"],
            *(entry.get("names") or []),
            *(entry.get("capitals") or []),
        ]
        for adjective in entry.get("adjectives") or []:
            forms += [adjective, adjective + "ة"]
        for form in forms:
            country_forms[fold(form)] = code
    clashes = [
        f"{form!r}: {entry['en']} / {country_forms[fold(form)]}"
        for entry in names["given_names"]
        for form in [entry["ar"], *(entry.get("variants") or [])]
        if fold(form) in country_forms
    ]
    assert not clashes, clashes
