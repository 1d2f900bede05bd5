"""The English view of a brief built from its record alone: dates in words
(``builder.render.dates``), generated titles (``builder.render.titles``), the fact sheet and
the glosses of key facts (``builder.render.factsheet``), on records composed here."""

from __future__ import annotations

from typing import Any

import pytest

from builder.render.dates import date_words
from builder.render.factsheet import fact_gloss, fact_sheet, sentence_anchors
from builder.render.gloss import find_word
from builder.render.titles import event_in, generated_title, main_actors

LEAD = (
    "التقى مايكل تشيس، كبير مسؤولي وزارة الدفاع الأميركية، الجنرال ليو زان الملحق العسكري "
    "الصيني في واشنطن، الأربعاء."
)
SECOND = "وقال مسؤول دفاعي أميركي إن الجيشين يحتاجان إلى 3 جولات من المحادثات في أكتوبر."


def _actor(id_: str, ar: str, en: str, sentence: str, count: int = 1, **more: Any) -> Any:
    return {
        "id": id_,
        "ar": ar,
        "en": en,
        "en_provisional": False,
        "en_source": "gazetteer",
        "forms": more.pop("forms", []),
        "count": count,
        "sentence": sentence,
        **more,
    }


def _record(title_ar: str = LEAD, **more: Any) -> Any:
    record = {
        "slug": "contacts",
        "title": {"ar": title_ar, "en": "", "en_generated": True},
        "key_facts": [LEAD, SECOND],
        "people": [
            _actor(
                "michael-chase",
                "مايكل تشيس",
                "Michael Chase",
                LEAD,
                3,
                role="كبير مسؤولي وزارة الدفاع الأميركية",
                role_en=None,
            ),
            _actor("liu-zan", "ليو زان", "Liu Zan", LEAD, role="الجنرال", role_en="General"),
        ],
        "organizations": [
            _actor(
                "pentagon", "وزارة الدفاع الأميركية", "US Department of Defense (Pentagon)", LEAD, 4
            )
        ],
        "countries": [
            _actor("cn", "الصين", "China", LEAD, 5, forms=["الصيني"], code="CN"),
            _actor(
                "us", "الولايات المتحدة", "United States", LEAD, 5, forms=["الأميركية"], code="US"
            ),
        ],
        "dates": [
            {
                "text": "الأربعاء",
                "iso": None,
                "resolved": "2023-12-13",
                "relative": True,
                "calendar": "gregorian",
                "sentence": LEAD,
            },
            {
                "text": "أكتوبر",
                "iso": "XXXX-10",
                "resolved": None,
                "relative": False,
                "calendar": "gregorian",
                "sentence": SECOND,
            },
        ],
        "numbers": [
            {
                "text": "3 جولات",
                "value": 3.0,
                "value_max": None,
                "unit": "rounds",
                "qualifier": None,
                "sentence": SECOND,
            }
        ],
        "quotes": [
            {
                "text": "الجيشين يحتاجان إلى 3 جولات من المحادثات في أكتوبر",
                "kind": "indirect",
                "speaker": {
                    "ar": "مسؤول دفاعي أميركي",
                    "en": "American defence official (unnamed)",
                    "en_provisional": False,
                    "en_source": None,
                    "id": None,
                },
                "sentence": SECOND,
                "fragment": False,
            }
        ],
        "topics": [
            {"id": "us-china", "ar": "العلاقات الأمريكية الصينية", "en": "US–China relations"}
        ],
        "terms": [],
    }
    record.update(more)
    return record


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        ("2023-12-13", "13 December 2023", "13 ديسمبر 2023"),
        ("2023-02", "February 2023", "فبراير 2023"),
        ("2025", "2025", "2025"),
        ("XXXX-10", "October (year not stated)", "أكتوبر (السنة غير مذكورة)"),
        ("XXXX-10-31", "31 October (year not stated)", "31 أكتوبر (السنة غير مذكورة)"),
        ("196X", "the 1960s", "ستينيات القرن العشرين"),
        ("200X", "the 2000s", "العقد الأول من القرن الحادي والعشرين"),
        ("2015/2025", "2015–2025", "2015–2025"),
        ("2015-04/2015-06", "April–June 2015", "أبريل–يونيو 2015"),
        ("XXXX-04/XXXX-06", "April–June (year not stated)", "أبريل–يونيو (السنة غير مذكورة)"),
        ("2015-W12", "2015-W12", "2015-W12"),
    ],
)
def test_dates_read_as_words_in_both_languages(value: str, english: str, arabic: str) -> None:
    assert date_words(value, "en") == english
    assert date_words(value, "ar") == arabic


def test_a_name_is_found_as_whole_words_only() -> None:
    assert find_word("للشؤون الصينية في بكين", "الصين") == -1
    assert find_word("زار وبكين", "بكين") == 5
    assert find_word("وفد الصين", "الصين") == 4


def test_the_generated_title_names_the_main_actors_and_the_event() -> None:
    record = _record()
    # Chase is the Pentagon's: the Pentagon is not listed beside him, nor China (an adjective).
    assert [found.actor["id"] for found in main_actors(record)] == ["michael-chase", "liu-zan"]
    assert generated_title(record, frozenset()) == (
        "Michael Chase (Pentagon) and General Liu Zan: meeting — US–China relations"
    )


def test_a_headline_figure_and_event_make_titles_differ() -> None:
    headline = "مقتل 3 جولات في الصين"
    record = _record(headline, people=[], organizations=[])
    record["numbers"][0]["sentence"] = headline
    title = generated_title(record, frozenset())
    assert title == "China: deaths, 3 rounds — US–China relations"
    assert title != generated_title(_record(), frozenset())


def test_news_outlets_are_not_actors() -> None:
    record = _record()
    record["organizations"].append(
        _actor("financial-times", "فاينانشيال تايمز", "Financial Times", LEAD, 6)
    )
    record["title"]["ar"] = "فاينانشيال تايمز: " + LEAD
    chosen = main_actors(record, media=frozenset({"financial-times"}))
    assert "financial-times" not in [found.actor["id"] for found in chosen]


def test_event_words_are_whole_words() -> None:
    assert event_in("استأنفت الولايات المتحدة والصين محادثات الأسلحة النووية") == "talks"
    assert event_in("وبحسب المصادر فإن الوضع مستقر") is None


def test_the_fact_sheet_says_who_what_when_and_who_said_what_linked_to_the_text() -> None:
    record = _record()
    anchors, spans = sentence_anchors([LEAD + " " + SECOND], record)
    assert anchors == {LEAD: "s-1", SECOND: "s-2"}
    assert [start for start, _, _ in spans[0]] == [0, len(LEAD) + 1]
    sheet = "\n".join(fact_sheet(record, anchors))
    assert "Michael Chase &#40;Pentagon&#41;" in sheet and "General Liu Zan" in sheet
    relative = "<span data-pagefind-ignore>&#40;relative to publication&#41;</span>"
    assert f"13 December 2023 {relative}" in sheet
    assert "October &#40;year not stated&#41;" in sheet
    assert "3 rounds" in sheet
    speaker = "American defence official &#40;unnamed&#41;"
    assert f"{speaker}: <span data-pagefind-ignore>1 reported statement" in sheet
    assert 'href="#s-2"' in sheet
    # Built from the record only: no Arabic letter in it.
    assert not any("\u0600" <= char <= "\u06ff" for char in sheet)


def test_each_key_fact_is_glossed_with_its_names_dates_figures_and_speaker() -> None:
    record = _record()
    assert fact_gloss(record, LEAD) == (
        "Michael Chase &#40;Pentagon&#41; · General Liu Zan · China · 13 December 2023"
    )
    gloss = fact_gloss(record, SECOND)
    assert gloss is not None
    assert gloss.startswith("American defence official &#40;unnamed&#41; &#40;reported&#41;")
    assert "October &#40;year not stated&#41; · 3 rounds" in gloss
    assert fact_gloss(record, "جملة بلا أسماء.") is None


def test_list_sections_by_date_are_titled_in_words() -> None:
    from builder.index.entries import time_sections
    from builder.index.pagination import Section

    undated = Section("undated", "Date unknown")
    assert time_sections("2024-03", undated, "en") == (
        Section("2024", "2024"),
        Section("2024-03", "March 2024"),
    )
    assert time_sections("196X", undated, "ar") == (Section("196X", "ستينيات القرن العشرين"),)
    assert time_sections("XXXX-05", undated, "en") == (undated,)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("US Department of Defense (Pentagon)", "Pentagon"),
        ("People's Liberation Army (PLA)", "PLA"),
        ("Popular Resistance (Yemen)", "Popular Resistance (Yemen)"),
        ("National Guard (country not stated)", "National Guard"),
        ("Houthis (Ansar Allah)", "Houthis (Ansar Allah)"),
    ],
)
def test_a_body_is_named_short_but_never_by_its_country(name: str, short: str) -> None:
    from builder.render.gloss import short_body

    assert short_body(_actor("x", "س", name, LEAD)) == short
