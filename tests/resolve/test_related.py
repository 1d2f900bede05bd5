"""Related briefs worked out again after edits give what a full computation gives."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

import builder.resolve.related as related_module
from builder.clean.furniture import clean
from builder.extract import extract
from builder.knowledge import Knowledge
from builder.model import Metadata, SourceDocument
from builder.resolve.related import RelatedMemory, related_briefs

TEXTS = (
    "وقال الرئيس الأميركي دونالد ترمب إن واشنطن ستفرض عقوبات جديدة على إيران بسبب برنامجها "
    "النووي.\nوأكد ترمب أن الأسلحة النووية الإيرانية خط أحمر وأن الردع يبقى قائما.",
    "انتقد وزير الخارجية الإيراني عباس عراقجي تصريحات الرئيس الأمريكي دونالد ترامب حول "
    "البرنامج النووي.\nوقال عراقجي إن طهران لن تتخلى عن حقها في التخصيب.",
    "وقعت اليابان وأستراليا اتفاقا للتعاون في مجال الأمن البحري يشمل مناورات مشتركة منتظمة.",
    "قال الأمين العام لحلف شمال الأطلسي مارك روته إن الحلف سيعزز دفاعاته في بولندا ضد "
    "التهديدات الروسية.",
    "أعلنت وزارة الدفاع الصينية أن بكين وموسكو ستجريان مناورات بحرية مشتركة في بحر اليابان، "
    "وقال الرئيس الروسي فلاديمير بوتين إن التعاون العسكري مع الصين يتعزز.",
    "وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تسمح لحلف شمال الأطلسي بالتوسع شرقا، "
    "فيما فرضت الولايات المتحدة عقوبات جديدة على موسكو.",
)
COUNTRIES = "\nوزار وفد من البرازيل والأرجنتين والمكسيك العاصمة الأسبوع الماضي."
"""Countries without actors or topics: an edit that moves scores but no index key."""
DATES = (None, "2024-01-05", "2024-01-20", "2024-02-10", "2024-03-01", "2024-05-15", "2025-01-01")
PARTIAL = ("2024-01", "2024")
"""Dates an editor knew only to the month or the year."""


@pytest.fixture(scope="module")
def variants(knowledge: Knowledge):
    """Every text, with and without more countries, with every date, analysed once."""
    out = {}
    for text_number, text in enumerate(TEXTS):
        for more in (False, True):
            for date in (*DATES, *PARTIAL):
                source = SourceDocument(
                    "x.txt",
                    "x",
                    text + (COUNTRIES if more else ""),
                    "utf-8",
                    "sha256:" + "0" * 64,
                    Metadata(published=date),
                )
                doc = clean(source)
                out[(text_number, more, date)] = (doc, extract(doc, knowledge))
    return out


def _as(variant, slug: str):
    doc, extraction = variant
    return replace(doc, source=replace(doc.source, slug=slug)), extraction


@pytest.mark.parametrize(("seed", "window"), [(1, 6), (2, 6), (3, 6), (4, 400), (5, 400)])
def test_updated_related_briefs_equal_a_full_computation(variants, monkeypatch, seed, window):
    # A small window, so that posting lists longer than it (and their date order) are
    # exercised as well as short ones; and a window no list reaches.
    monkeypatch.setattr(related_module, "WINDOW", window)
    chance = random.Random(seed)
    keys = sorted(variants, key=str)
    chosen = [chance.choice(keys) for _ in range(36)]
    corpus = [_as(variants[key], f"b{n:02d}") for n, key in enumerate(chosen)]
    memory = RelatedMemory()
    assert related_briefs(corpus, memory) == related_briefs(corpus)
    partial_updates = 0
    for _ in range(40):
        for number in chance.sample(range(len(corpus)), chance.choice([1, 1, 1, 2, 3])):
            text, more, date = chosen[number]
            edit = chance.random()
            if edit < 0.3:  # the same text, another date
                chosen[number] = (text, more, chance.choice((*DATES, *PARTIAL)))
            elif edit < 0.7:  # countries added or taken out: scores move, keys do not
                chosen[number] = (text, not more, date)
            else:
                chosen[number] = chance.choice(keys)
            corpus[number] = _as(variants[chosen[number]], f"b{number:02d}")
        assert related_briefs(corpus, memory) == related_briefs(corpus)
        partial_updates += memory.recomputed < len(corpus)
    # The memory did spare work: most updates looked at only part of the corpus.
    assert partial_updates > 20


def test_an_unchanged_corpus_is_not_scored_again(variants):
    corpus = [_as(variants[(n % 6, False, DATES[n % 7])], f"b{n}") for n in range(12)]
    memory = RelatedMemory()
    first = related_briefs(corpus, memory)
    assert memory.recomputed == 12
    assert related_briefs(corpus, memory) == first
    assert memory.recomputed == 0


def test_added_or_removed_briefs_are_computed_in_full(variants):
    corpus = [_as(variants[(n % 6, False, DATES[n % 7])], f"b{n}") for n in range(12)]
    memory = RelatedMemory()
    related_briefs(corpus, memory)
    shorter = corpus[:-1]
    assert related_briefs(shorter, memory) == related_briefs(shorter)
    assert memory.recomputed == 11


@pytest.mark.parametrize("partial", PARTIAL)
def test_a_brief_known_only_to_its_month_or_year_is_never_close_in_date(variants, partial):
    # Texts 4 and 5 both name Putin; 2024-01-05 is in January 2024, but how many days
    # lie between it and "January 2024" is not known.
    dated = _as(variants[(4, False, "2024-01-05")], "a")
    [[first], [second]] = related_briefs([dated, _as(variants[(5, False, partial)], "b")])
    assert first.days_apart is None and second.days_apart is None
    [[first], _] = related_briefs([dated, _as(variants[(5, False, "2024-01-20")], "b")])
    assert first.days_apart == 15
