"""``briefing audit`` (briefing_tools/audit.py, audit_report.py) on a small corpus written
here: a fragment and a duplicate planted in it are reported, in JSON and in text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import briefing_tools.audit
from briefing_tools.audit import Vocabulary, attached_particle
from builder.cli import main
from builder.knowledge import Knowledge
from builder.model import ActorMention

BRIEFS = {
    "one.txt": (
        "قال الرئيس اليمني عبد ربه منصور هادي إن الحكومة ستعود إلى عدن قريبا.\n"
        "وأكد وزير الخارجية الفرنسي لوران فابيوس أعرب سابقا عن رغبته في زيارة طهران.\n"
    ),
    "two.txt": (
        "التقى الرئيس منصور هادي وفدا من الأمم المتحدة في الرياض.\n"
        "وقال وزير الخارجية الفرنسي لوران فابيوس إن «الاتفاق خطوة مهمة».\n"
    ),
    "three.txt": (
        "وذهب بعض الخبراء، مثل السفير ووزير الدولة السابق للخارجية صلاح الدين الجمالي، "
        "إلى أبعد من ذلك.\n"
        "وأشارت المعلومات إلى أن الجاني محمد يوسف عبد العزيز (24 عاما) كتب أنه يريد الرحيل.\n"
        "وقال مصدر مطلع لـ«الشرق الأوسط» إن المفاوضات متعثرة.\n"
        "وسئل المتحدث عن أكثر الصحف نقلا لتصريحاته، فقال: «الشرق الأوسط».\n"
        "وقال محمد درويش إن «الوضع صعب»، بينما قال الناشط فرهاد درويش إن «الوضع خطير».\n"
    ),
    "four.txt": (
        "وحضر اللقاء الرئيس المصري السابق عدلي منصور ورئيس الوزراء إبراهيم محلب.\n"
        "وقال الكادر كرزاني إن الاجتماع انتهى دون اتفاق.\n"
    ),
}

PLANTED = ("لوران فابيوس أعرب", "للخارجية صلاح", "محمد يوسف عبد", "عدلي منصور ورئيس")
"""Fragments the extractor once made of these sentences and no longer does: added to its
output here, so that the audit's detection of them stays tested."""
"""Planted: «لوران فابيوس أعرب» (a verb taken into a name, and the same man as
«لوران فابيوس»), «للخارجية صلاح» (a particle and a title word before a name), «محمد يوسف
عبد» (a name cut after عبد), «عدلي منصور ورئيس» (a title with و after a name), two
people sharing the surname درويش, and a quote that is only an outlet's name («الشرق
الأوسط» as the whole answer after a colon: the extractor keeps it, as it keeps every
quotation after a colon, and the audit must count it; the same name after لـ is no quote)."""


def _plant(extraction, text: str):  # type: ignore[no-untyped-def]
    planted = tuple(
        ActorMention(
            kind="person",
            key="name:" + name,
            ar=name,
            en=name,
            en_provisional=True,
            forms=(),
            sentence=next(line for line in text.splitlines() if name in line),
        )
        for name in PLANTED
        if name in text and name not in {person.ar for person in extraction.people}
    )
    return dataclasses.replace(extraction, people=(*extraction.people, *planted))


@pytest.fixture(autouse=True)
def _fragments(monkeypatch: pytest.MonkeyPatch) -> None:
    analyse = briefing_tools.audit.analyse_sources

    def planting(*args, **kwargs):  # type: ignore[no-untyped-def]
        analysed, problems = analyse(*args, **kwargs)
        return [(doc, _plant(extraction, doc.text)) for doc, extraction in analysed], problems

    monkeypatch.setattr(briefing_tools.audit, "analyse_sources", planting)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in BRIEFS.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "one.yaml").write_text('published: "2015-07-21"\n', "utf-8")
    return folder


def _audit(corpus: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["audit", str(corpus), "--workers", "1", *options]) == 0
    return capsys.readouterr().out


def test_the_planted_fragments_and_duplicates_are_reported(
    corpus: Path, capsys: pytest.CaptureFixture[str], tool_commands: None
) -> None:
    data = json.loads(_audit(corpus, capsys, "--json"))
    assert (data["sources"], data["briefs"]) == (4, 4)
    fragments = {item["ar"]: item for item in data["fragments"]["entities"]}
    assert fragments["لوران فابيوس أعرب"]["reasons"] == ["verb-like اعرب"]
    assert "أعرب سابقا" in fragments["لوران فابيوس أعرب"]["example"]
    assert fragments["للخارجية صلاح"]["reasons"][0] == "attached لل-خارجيه"
    assert fragments["محمد يوسف عبد"]["reasons"] == ["ends with عبد"]
    assert fragments["عدلي منصور ورئيس"]["reasons"] == ["attached و-رييس", "ends with a title"]
    assert "لوران فابيوس" not in fragments and "إبراهيم محلب" not in fragments
    pairs = {(p["shorter"]["ar"], p["longer"]["ar"]) for p in data["duplicates"]["contained"]}
    assert ("لوران فابيوس", "لوران فابيوس أعرب") in pairs
    surnames = {
        g["word"]: {e["ar"] for e in g["entities"]} for g in data["duplicates"]["same_surname"]
    }
    assert surnames["درويش"] == {"محمد درويش", "فرهاد درويش"}
    people = {item["ar"]: item for item in data["top"]["person"]}
    assert people["لوران فابيوس"]["en_from"] == "gazetteer"
    assert data["top"]["organization"][0]["en_from"] == "gazetteer"
    assert {item["en_from"] for item in data["top"]["country"]} == {"countries"}
    assert data["singletons"]["count"] == sum(data["singletons"]["by_kind"].values()) > 0
    quotes = data["quotes"]
    assert quotes["count"] >= 4 and quotes["entity_name"] >= 1
    assert 0 < quotes["short_share"] <= 1
    # «الكادر كرزاني» is a speaker with no honest English: an English reader sees none.
    assert quotes["listed_speaker_without_english"] >= 1


def test_the_text_report_lists_them_with_an_example(
    corpus: Path, capsys: pytest.CaptureFixture[str], tool_commands: None
) -> None:
    text = _audit(corpus, capsys, "--top", "3")
    assert "== person pages by briefs (top 3) ==" in text
    assert "لوران فابيوس أعرب  (verb-like اعرب)" in text
    assert "e.g. وأكد وزير الخارجية الفرنسي لوران فابيوس أعرب سابقا" in text
    assert "لوران فابيوس (2)  in  لوران فابيوس أعرب (1)  [person]" in text
    assert "== quotes: " in text
    assert "with a speaker that has no English label: " in text


def test_an_attached_particle_counts_only_before_a_known_word(knowledge: Knowledge) -> None:
    vocabulary = Vocabulary(knowledge)
    assert attached_particle("لرئيس", vocabulary) == "ل"
    assert attached_particle("بالرئيس", vocabulary) == "بال"
    assert attached_particle("فإن", vocabulary) == "ف"
    assert attached_particle("وليد", vocabulary) is None
    assert attached_particle("فالون", vocabulary) is None
    assert attached_particle("رئيس", vocabulary) is None


def test_a_missing_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tool_commands: None
) -> None:
    assert main(["audit", str(tmp_path / "none")]) != 0
    assert "not a folder" in capsys.readouterr().err
