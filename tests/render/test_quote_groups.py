"""Quotes on a brief page: one group per speaker, each statement once (a direct quote inside
a reported one of the same speaker is one statement), fragments left to the text, and the
kinds tagged in the page's language."""

from __future__ import annotations

from builder.model import QuoteKind, QuoteRecord, SpeakerRecord
from builder.render.quotes import quotes_section, speaker_gloss, speaker_heading
from builder.resolve.statements import group_by_speaker, merge_statements, statements

SANTORO: SpeakerRecord = {
    "ar": "ديفيد سانتورو",
    "en": "David Santoro",
    "en_provisional": False,
    "en_source": "gazetteer",
    "id": "david-santoro",
}
OFFICIAL: SpeakerRecord = {
    "ar": "مسؤول دفاعي أميركي",
    "en": "American defence official (unnamed)",
    "en_provisional": False,
    "en_source": None,
    "id": None,
}
# The same unnamed official, named again with the article: one speaker.
THE_OFFICIAL: SpeakerRecord = {**OFFICIAL, "ar": "مسؤول الدفاع الأميركي،"}


def quote(
    text: str,
    kind: QuoteKind,
    speaker: SpeakerRecord | None,
    fragment: bool = False,
) -> QuoteRecord:
    return {"text": text, "kind": kind, "speaker": speaker, "sentence": text, "fragment": fragment}


def test_a_direct_quote_inside_a_reported_one_is_one_statement() -> None:
    said = statements(
        [
            quote("لسنا مهتمين بالتوصل إلى التكافؤ النووي", "direct", SANTORO),
            quote(
                "المندوبين الصينيين قالوا إنهم «لسنا مهتمين بالتوصل إلى التكافؤ النووي» معكم",
                "indirect",
                SANTORO,
            ),
        ]
    )
    assert len(said) == 1
    assert said[0].text.startswith("المندوبين الصينيين")
    # The longer text's own kind first, then the kind of the quote merged into it.
    assert said[0].kinds == ("indirect", "direct")
    assert said[0].index == 0


def test_a_reported_quote_inside_a_longer_direct_one_is_one_statement() -> None:
    said = merge_statements(
        [
            ("الوفدين رأوا سببا لمواصلة الحديث", "indirect"),
            ("“الوفدين رأوا سببا لمواصلة الحديث، وسنلتقي مجددا”", "direct"),
        ]
    )
    assert [(s.text, s.kinds) for s in said] == [
        ("“الوفدين رأوا سببا لمواصلة الحديث، وسنلتقي مجددا”", ("direct", "indirect"))
    ]


def test_a_reported_sentence_holding_two_direct_quotes_takes_both() -> None:
    said = merge_statements(
        [
            ("بمخاوف متباينة نوعاً ما", "direct"),
            ("تريد واشنطن تضمين كافة الأسلحة النووية", "direct"),
            (
                'الجانبين يذهبان إلى النقاشات "بمخاوف متباينة نوعاً ما"، إذ '
                '"تريد واشنطن تضمين كافة الأسلحة النووية"',
                "indirect",
            ),
        ]
    )
    assert len(said) == 1 and said[0].kinds == ("indirect", "direct")


def test_the_same_words_given_twice_are_given_once_and_other_words_stay() -> None:
    said = merge_statements(
        [
            ("نتفاوض على هذه التفاصيل بشكل خاص", "direct"),
            ("نتفاوض على هذه التفاصيل بشكلٍ خاص.", "direct"),
            ("على اتصال منتظم", "direct"),
        ]
    )
    assert [(s.text, s.kinds, s.index) for s in said] == [
        ("نتفاوض على هذه التفاصيل بشكل خاص", ("direct",), 0),
        ("على اتصال منتظم", ("direct",), 2),
    ]


def test_part_of_a_word_is_not_a_statement_inside_another() -> None:
    # «مفيد» is not inside «مفيدة جدا»: only whole words count.
    said = merge_statements([("مفيدة جدا للطرفين", "indirect"), ("مفيد", "direct")])
    assert len(said) == 2


def test_quotes_of_different_speakers_are_never_merged() -> None:
    groups = group_by_speaker(
        [
            quote("المحادثات مفيدة للطرفين", "direct", SANTORO),
            quote("المحادثات مفيدة للطرفين", "direct", OFFICIAL),
        ]
    )
    assert [len(group.statements) for group in groups] == [1, 1]


def test_groups_follow_the_text_unattributed_last_fragments_left_out() -> None:
    quotes = [
        quote("لا أحد يعرف ما سيحدث", "indirect", None),
        quote("الأمر لا يتعلق بتحقيق شيء ما بين عشية وضحاها", "direct", OFFICIAL),
        quote("الإحباط", "direct", SANTORO, fragment=True),
        quote("المحادثات ستستمر في عام 2025", "indirect", SANTORO),
        quote("نحن على اتصال منتظم بهم", "direct", THE_OFFICIAL),
        quote("مفيدة", "direct", None, fragment=True),
    ]
    groups = group_by_speaker(quotes)
    assert [group.speaker and group.speaker["en"] for group in groups] == [
        "American defence official (unnamed)",
        "David Santoro",
        None,
    ]
    # The official's two quotes (two wordings of the same description) are one group, in the
    # order of the text; statements keep their positions in the brief.
    assert [s.index for s in groups[0].statements] == [1, 4]
    assert [s.text for s in groups[1].statements] == ["المحادثات ستستمر في عام 2025"]
    # A speaker quoted only in fragments has no group.
    only_fragment = group_by_speaker([quote("الإحباط", "direct", SANTORO, fragment=True)])
    assert only_fragment == []


def test_the_section_tags_kinds_and_counts_in_the_page_language() -> None:
    quotes = [
        quote("لسنا مهتمين بالتكافؤ", "direct", SANTORO),
        quote("قال إنهم «لسنا مهتمين بالتكافؤ» أبدا", "indirect", SANTORO),
        quote("الاجتماع عقد في شنغهاي", "indirect", SANTORO),
        quote("على اتصال منتظم", "direct", OFFICIAL),
    ]
    arabic = "\n".join(quotes_section(quotes, "ar"))
    english = "\n".join(quotes_section(quotes, "en"))
    assert "### ديفيد سانتورو" in arabic and "### David Santoro" in english
    assert "تصريحان" in arabic and "2 statements" in english
    assert "تصريح واحد" in arabic and "1 statement" in english
    assert arabic.count(">منقول</span>") == 2 and arabic.count(">مباشر</span>") == 2
    assert english.count(">reported</span>") == 2 and english.count(">direct</span>") == 2
    # The statement merged from the direct quote is given once.
    assert arabic.count("لسنا مهتمين") == 1
    # A description has no English on the Arabic page; a named speaker has their name.
    assert "unnamed" not in arabic and "American" not in arabic
    assert '<bdi lang="en" dir="ltr">David Santoro</bdi>' in arabic
    assert "### American defence official &#40;unnamed&#41;" in english
    # The words are the article's: declared Arabic on both pages.
    assert '<p lang="ar" dir="rtl">«على اتصال منتظم»</p>' in english


def test_speaker_heading_and_gloss() -> None:
    assert speaker_heading(THE_OFFICIAL, "ar") == "مسؤول الدفاع الأميركي"
    assert speaker_heading({**OFFICIAL, "en": "senior official (unnamed)"}, "en") == (
        "Senior official (unnamed)"
    )
    assert speaker_heading(None, "ar") == "متحدث غير محدد"
    assert speaker_gloss(OFFICIAL, "ar") == ""
    assert speaker_gloss(SANTORO, "en") == '<bdi lang="ar" dir="rtl">ديفيد سانتورو</bdi>'
    no_english: SpeakerRecord = {**OFFICIAL, "en": None}
    assert "no English name" in speaker_gloss(no_english, "en")


def test_no_quotes_says_so() -> None:
    assert quotes_section([quote("الإحباط", "direct", SANTORO, fragment=True)], "ar")[2] == (
        "*لا شيء*"
    )
