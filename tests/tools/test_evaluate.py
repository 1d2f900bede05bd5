"""``briefing eval``: matching rules on small hand-made gold files, and the seed scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import SHARED

from briefing_tools.evaluate import evaluate, meets_targets, speaker_matches, surface_key, totals
from briefing_tools.gold import GoldActor, load_gold
from builder.cli import main
from builder.errors import BriefError
from builder.knowledge import Knowledge
from builder.model import ActorMention, Quote, Speaker

ARTICLE = (
    "وقال وزير الخارجية الفرنسي جان نويل بارو إن باريس ستستضيف المحادثات في مارس/آذار. "
    "وأضاف بارو أن الاتفاق قد يوقع في عام 2025.\n"
    "وأكدت وزارة الدفاع الصينية أن بكين لن تشارك."
)


BARROT = "Jean-Noël Barrot"


def _write(folder: Path, gold: dict, article: str = ARTICLE) -> None:
    (folder / "gold").mkdir(exist_ok=True)
    (folder / "src").mkdir(exist_ok=True)
    (folder / "gold" / "a1.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), "utf-8")
    (folder / "src" / "a1.txt").write_text(article, "utf-8")


def _score(tmp_path: Path, gold: dict, knowledge: Knowledge):
    _write(tmp_path, gold)
    results, problems = evaluate(tmp_path / "gold", tmp_path / "src", knowledge)
    assert not problems
    return totals(results)


def test_surface_key_drops_an_attached_preposition() -> None:
    assert surface_key("للحكومة الأمريكية") == surface_key("الحكومة الأمريكية")
    assert surface_key("والصين") == surface_key("الصين")
    assert surface_key("بالولايات المتحدة") == surface_key("الولايات المتحدة")
    assert surface_key("ليبيا") == "ليبيا"  # a word starting with ل keeps it


def test_hits_misses_and_false_alarms(tmp_path: Path, knowledge: Knowledge) -> None:
    gold = {
        "article": "a1",
        "pub_date": "2024-02-10",
        "dates": [
            {"text": "مارس/آذار", "iso": "XXXX-03"},
            {"text": "في عام 2025", "iso": "2025"},  # the extractor's span is shorter
            {"text": "الأسبوع المقبل", "iso": None},  # not in the text's dates: a miss
        ],
        "countries": [
            {"ar": "فرنسا", "en": "France", "forms": ["الفرنسي", "باريس"]},
            {"ar": "الصين", "en": "China", "forms": ["الصينية", "بكين"]},
        ],
        "people": [{"ar": "جان نويل بارو", "en": "Jean-Noël Barrot", "forms": ["بارو"]}],
    }
    summed = _score(tmp_path, gold, knowledge)
    assert (summed["dates"].hits, summed["dates"].misses) == (2, 1)
    assert summed["dates.iso"].hits == 2 and summed["dates.iso"].misses == 0
    assert summed["countries"].hits == 2 and summed["countries"].false_alarms == 0
    assert summed["people"].recall == 1.0


def test_uncertain_items_count_neither_way(tmp_path: Path, knowledge: Knowledge) -> None:
    gold = {
        "article": "a1",
        "countries": [
            {"ar": "فرنسا", "en": "France", "forms": ["الفرنسي", "باريس"], "uncertain": True},
            {"ar": "ألمانيا", "en": "Germany", "uncertain": True},
        ],
    }
    summed = _score(tmp_path, gold, knowledge)
    # France matched but uncertain: no hit; Germany missed but uncertain: no miss;
    # China was not annotated at all: a false alarm.
    assert summed["countries"].hits == 0
    assert summed["countries"].misses == 0
    assert summed["countries"].false_alarms == 1


def test_repeated_spans_count_per_occurrence(tmp_path: Path, knowledge: Knowledge) -> None:
    gold = {"article": "a1", "dates": [{"text": "مارس/آذار", "iso": "XXXX-03", "count": 2}]}
    summed = _score(tmp_path, gold, knowledge)
    assert summed["dates"].hits == 1 and summed["dates"].misses == 1


def test_quotes_match_by_their_start(tmp_path: Path, knowledge: Knowledge) -> None:
    gold = {
        "article": "a1",
        "people": [{"ar": "جان نويل بارو", "en": "Jean-Noël Barrot", "forms": ["بارو"]}],
        "quotes": [
            {"speaker_en": BARROT, "text_start": "إن باريس ستستضيف", "type": "indirect"},
            {"speaker_en": BARROT, "text_start": "أن الاتفاق قد يوقع", "type": "indirect"},
            {
                "speaker_en": "Chinese Ministry of National Defense",
                "text_start": "أن بكين لن تشارك",
                "type": "indirect",
            },
        ],
    }
    summed = _score(tmp_path, gold, knowledge)
    assert summed["quotes"].hits == 3 and summed["quotes"].false_alarms == 0
    # Only English counts: a romanization no reader recognizes is not the right speaker,
    # the Chinese ministry's English is.
    assert summed["quotes.speaker"].hits + summed["quotes.speaker"].misses == 3
    assert summed["quotes.speaker"].hits >= 1


def test_speaker_matching_is_by_words_not_strings() -> None:
    officials = Speaker("مسؤولون أمريكيون", "American officials (unnamed)")
    quote = Quote("...", "indirect", officials, "")
    assert speaker_matches("US officials (unnamed)", quote, ())
    assert speaker_matches("senior US official", quote, ())
    assert not speaker_matches("Chinese delegates", quote, ())
    assert not speaker_matches("US officials", Quote("...", "direct", None, ""), ())
    accused = Quote("...", "indirect", Speaker("المتهمان", "the two accused (unnamed)"), "")
    assert speaker_matches("the two suspects (unnamed)", accused, ())
    assert not speaker_matches("the two witnesses (unnamed)", accused, ())


def test_only_the_english_label_counts() -> None:
    """An English reader sees only the label: Arabic that names the gold actor is not enough."""
    ministry = GoldActor(ar="وزارة الخارجية", en="US State Department", forms=("الوزارة",))
    russian = GoldActor(ar="وزارة الخارجية الروسية", en="Russian Foreign Ministry", forms=())
    gold_actors = (ministry, russian)
    arabic_only = Quote("...", "indirect", Speaker("وزارة الخارجية الروسية", None), "")
    assert not speaker_matches("Russian Foreign Ministry", arabic_only, (), gold_actors)
    romanized = Quote("...", "indirect", Speaker("جان نويل بارو", "Jan Nuwil Baru", True), "")
    assert not speaker_matches(BARROT, romanized, ())
    spokesperson = Speaker("متحدث باسم وزارة الخارجية", "US State Department spokesperson")
    assert speaker_matches(
        "State Department spokesman", Quote("...", "indirect", spokesperson, ""), ()
    )
    russian_spokesperson = Speaker(
        "متحدث باسم وزارة الخارجية الروسية", "Russian Foreign Ministry spokesperson (unnamed)"
    )
    russian_quote = Quote("...", "indirect", russian_spokesperson, "")
    assert not speaker_matches("US State Department spokesperson", russian_quote, ())


def test_english_wording_is_compared_leniently() -> None:
    """Accents, al-, British/American spelling and a country's name or adjective."""
    jubeir = Quote("...", "indirect", Speaker("عادل الجبير", "Adel Al-Jubeir"), "")
    assert speaker_matches("Adel al-Jubeir", jubeir, ())
    assert speaker_matches(
        "Jean-Noel Barrot", Quote("...", "direct", Speaker("بارو", BARROT), ""), ()
    )
    defence = Quote("...", "indirect", Speaker("", "Saudi Ministry of Defence"), "")
    assert speaker_matches("Saudi Arabia Ministry of Defense", defence, ())
    # Through the key: the English name of the actor the speaker resolved to.
    jubeir_actor = ActorMention("person", "jubeir", "عادل الجبير", "Adel al-Jubeir", False, (), "")
    keyed = Quote("...", "indirect", Speaker("الجبير", None, key="jubeir"), "")
    assert speaker_matches("Adel al-Jubeir", keyed, (jubeir_actor,))


def test_a_bad_gold_file_names_the_file_and_field(tmp_path: Path, knowledge: Knowledge) -> None:
    _write(tmp_path, {"article": "a1", "quotes": [{"text_start": "إن", "type": "both"}]})
    with pytest.raises(BriefError) as caught:
        load_gold(tmp_path / "gold" / "a1.yaml")
    assert "a1.yaml" in str(caught.value) and "quotes[0]" in str(caught.value)
    (tmp_path / "gold" / "b2.yaml").write_text("article: nowhere\n", "utf-8")
    results, problems = evaluate(tmp_path / "gold", tmp_path / "src", knowledge)
    assert results == [] and len(problems) == 2
    assert any("[article]" in str(problem) for problem in problems)


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold not present")
def test_seed_scores_meet_the_targets_they_met(
    knowledge: Knowledge, capsys, tool_commands: None
) -> None:
    """Regression floor on the seed gold files (see the README for the current figures);
    ``briefing eval`` is registered by the tools (``tool_commands``)."""
    results, problems = evaluate(SHARED / "gold", SHARED / "seeds", knowledge)
    assert not problems and len(results) == 5
    met = meets_targets(results)
    # people.english (issue 23) is below its target on the seeds, whose Western and Chinese
    # names the public tables spell otherwise (Maurice for «موريس», Leo for «ليو»): a floor.
    english = met.pop("people.english")
    # Speakers count in English only (issue 23): the seeds' romanized analysts (Albirk for
    # Alberque, Muris for Morris) are not their names, so the floor is the figure measured.
    speakers = totals(results)["quotes.speaker"]
    assert speakers.hits / (speakers.hits + speakers.misses) >= 0.85
    met.pop("quotes.speaker")
    assert all(met.values()), {name: ok for name, ok in met.items() if not ok}
    assert english or totals(results)["people.english"].accuracy >= 0.80
    assert main(["eval", str(SHARED / "gold"), str(SHARED / "seeds"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 5 and report["fields"]["people"]["met"] is True


DEVELOPMENT_FLOORS = {
    "dates": ("f1", 0.95),
    "people": ("f1", 0.92),
    "people.english": ("accuracy", 0.85),
    "organizations": ("f1", 0.88),
    "countries": ("f1", 0.95),
    "numbers": ("recall", 0.90),
    "quotes": ("f1", 0.85),
    "quotes.speaker": ("accuracy", 0.72),
}
"""The figures the 24 real development articles (``../shared/dev``, 14 outlets, 2012 and 2015,
legacy encodings included) reach, as floors: a change that loses ground on real text fails.
Raise them as the extraction improves (README, "Extraction quality")."""


@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="../shared/dev not present")
def test_development_set_keeps_its_floors(knowledge: Knowledge) -> None:
    results, problems = evaluate(SHARED / "dev" / "gold", SHARED / "dev" / "articles", knowledge)
    assert not problems and len(results) == 24
    summed = totals(results)
    below = {
        name: round(getattr(summed[name], measure), 3)
        for name, (measure, floor) in DEVELOPMENT_FLOORS.items()
        if getattr(summed[name], measure) < floor
    }
    assert not below, below
    assert not any(result.furniture_actors for result in results)
