"""The benchmark's synthetic corpus and its measuring harness (issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from builder.bench import BenchResult, BuildTiming, plain_project, prepare_project, table
from builder.clean import clean
from builder.extract import extract
from builder.knowledge import Knowledge
from builder.read import read_source
from builder.synthetic import seed_briefs, synthetic_corpus


@pytest.fixture(scope="module")
def seeds(knowledge: Knowledge):
    return seed_briefs(ROOT / "briefs", knowledge)


def test_seeds_know_their_people_and_anchor_year(seeds) -> None:
    by_name = {seed.name: seed for seed in seeds}
    talks = by_name["us-russia-strategic-stability-talks"]
    assert any("فلاديمير بوتين" in forms for forms in talks.people)
    assert all(forms == tuple(sorted(forms, key=len, reverse=True)) for forms in talks.people)
    assert talks.anchor_year is not None and 1990 < talks.anchor_year < 2040


def test_synthetic_corpus_is_deterministic_and_varied(
    seeds, knowledge: Knowledge, tmp_path: Path
) -> None:
    first = synthetic_corpus(seeds, knowledge, 30, tmp_path / "a")
    second = synthetic_corpus(seeds, knowledge, 30, tmp_path / "b")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert len(first) == 30
    texts = [path.read_text(encoding="utf-8") for path in first]
    assert len(set(texts)) == 30, "every synthetic brief differs from the others"
    sidecars = [yaml.safe_load(path.with_suffix(".yaml").read_text()) for path in first]
    assert len({sidecar["outlet"] for sidecar in sidecars}) > 5
    assert len({sidecar["published"][:4] for sidecar in sidecars}) > 5


def test_a_synthetic_brief_names_other_people_in_the_same_sentences(
    seeds, knowledge: Knowledge, tmp_path: Path
) -> None:
    seed = next(seed for seed in seeds if seed.name == "us-russia-strategic-stability-talks")
    paths = synthetic_corpus([seed], knowledge, 8, tmp_path)
    seed_years = {int(y) for y in re.findall(r"\b(20[0-4]\d)\b", seed.text)}
    people: set[str] = set()
    for path in paths:
        extraction = extract(clean(read_source(path)), knowledge)
        people |= {actor.key for actor in extraction.people}
        # Years moved with the publication date: the seed's most cited year becomes the
        # year the sidecar gives, and every other year moves by as much.
        published = int(yaml.safe_load(path.with_suffix(".yaml").read_text())["published"][:4])
        shift = published - seed.anchor_year
        years = {int(y) for y in re.findall(r"\b(20[0-4]\d)\b", path.read_text())}
        assert years and years <= {year + shift for year in seed_years}
    seed_people = {
        actor.key
        for actor in extract(
            clean(read_source(ROOT / "briefs" / f"{seed.name}.txt")), knowledge
        ).people
    }
    assert len(people - seed_people) >= 5, "renamed people are found as people"


def test_the_plain_project_has_the_same_pages_without_the_briefing_plugin(
    tmp_path: Path,
) -> None:
    project = prepare_project(ROOT, tmp_path / "n3", 3)
    assert len(list((project / "briefs").glob("*.txt"))) == 3
    assert (project / "docs" / "about.md").is_file()
    plain = plain_project(project, tmp_path / "plain")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "briefing:" not in config and "briefs_dir" not in config
    assert "- i18n:" in config and "locale: en" in config


def test_the_table_reports_ratios_and_shares() -> None:
    result = BenchResult(
        briefs=1000,
        full=BuildTiming(total=100.0, builder=10.0, search=20.0, peak_mb=500.0),
        plain=BuildTiming(total=50.0, builder=0.0, search=0.0, peak_mb=300.0),
        brief_page_kb=42.0,
        site_mb=180.0,
        search_mb=20.0,
        pages=3000,
        first_search_kb={"ar": 250.0, "en": 200.0},
    )
    row = table([result]).splitlines()[-1]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[:9] == ["1,000", "3,000", "10.0", "70.0", "20.0", "100.0", "50.0", "2.00", "10%"]
    assert cells[-1] == "ar 250 / en 200"
    json.dumps(result.full.__dict__)  # plain data, for results.json
