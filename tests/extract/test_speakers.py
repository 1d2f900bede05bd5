"""Speaker phrases: where they end, who they name, and the English a reader sees (issue 23)."""

from __future__ import annotations

import pytest

from builder.extract.actors import country_adjectives
from builder.extract.matcher import phrase_key
from builder.extract.quotes.labels import trim_phrase, unnamed_source
from builder.extract.quotes.referents import body_before_object
from builder.extract.quotes.speakers import speaker_for
from builder.knowledge import Knowledge
from builder.model import ActorMention, Speaker


def _person(ar: str, en: str, role: str | None = None) -> ActorMention:
    return ActorMention("person", ar, ar, en, False, (), "", role=role)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("البحرة في تصريح لوكالة الأناضول", "البحرة"),
        ("مصدر آخر هذه المعلومات قائلا", "مصدر آخر"),
        # The verb's preposition, an adverb, the way it was said, the object's demonstrative.
        ("النائب على", "النائب"),
        ("الوزراء مجددا لعقد جولة جديدة", "الوزراء"),
        ("كوفمان بالهاتف من برلين", "كوفمان"),
        ("ريتشاردز هذا الموقف بقوله", "ريتشاردز"),
        ("ريتشاردز السبب بقوله", "ريتشاردز السبب"),
        # Skipped before the subject: a pronoun after a preposition, an honorific, «ما قاله».
        ("له الضابط المناوب", "الضابط المناوب"),
        ("فيها زعيم الحركة", "زعيم الحركة"),
        ("معالي وزير المالية", "وزير المالية"),
        ("ما أعلنه وزير النقل", "وزير النقل"),
        ("حسب ما قاله المحافظ", "المحافظ"),
        # «علي» is a name, not the preposition «على» it folds to.
        ("العقيد علي الزهراني", "العقيد علي الزهراني"),
        ("لي تشيانغ رئيس الوزراء الصيني", "لي تشيانغ رئيس الوزراء الصيني"),
        # An object or an occasion with a pronoun ending: «أكد الطرفان تمسكهما», «في تقريرها».
        ("الطرفان تمسكهما بالاتفاق", "الطرفان"),
        ("الهيئة في تقريرها السنوي", "الهيئة"),
        ("أحد أقاربهم", "أحد أقاربهم"),
        ("مسؤولون وصفتهم الوكالة بالكبار", "مسؤولون وصفتهم الوكالة بالكبار"),
        ("بهذا الخصوص", ""),
        ("المصدر معلقا على الأنباء", "المصدر"),
        ("الناطق مؤكدا", "الناطق"),
        ("الائتلاف في بيان لوكالة الأنباء الألمانية أمس الأحد", "الائتلاف"),
        ("الصحف الإيرانية أمس الأحد", "الصحف الإيرانية"),
        ("الوزير لدى مغادرته الرياض", "الوزير"),
        ("التميمي في حديث مع الصحيفة", "التميمي"),
        ("إبراهيم لـ«الشرق الأوسط»", "إبراهيم"),
        ("أمس الأحد وزير الخارجية", "وزير الخارجية"),
        ("في الوقت نفسه إلى", ""),
        ("في بيان اليوم", ""),
        ("الشاهد الذي طلب عدم ذكر اسمه", "الشاهد"),
        ("الرئيس اثر اللقاء", "الرئيس"),
    ],
)
def test_the_phrase_ends_where_the_noun_phrase_ends(
    phrase: str, expected: str, knowledge: Knowledge
) -> None:
    assert trim_phrase(phrase, knowledge) == expected


@pytest.mark.parametrize(
    ("phrase", "english"),
    [
        ("مصدر أمني", "security source (unnamed)"),
        ("مصادر مطلعة", "informed sources (unnamed)"),
        ("مصادر عسكرية يمنية", "Yemeni military sources (unnamed)"),
        ("مصدر حكومي رفيع", "senior government source (unnamed)"),
        ("شهود عيان", "eyewitnesses (unnamed)"),
        ("تقارير إخبارية موثوقة", "reliable news reports (unnamed)"),
        ("سكان محليون", "local residents (unnamed)"),
        ("السلطات التركية", "Turkish authorities (unnamed)"),
        ("مسؤولون أمريكيون", "American officials (unnamed)"),
        ("القيادة العسكرية", "military command (unnamed)"),
        ("مواقع سورية معارضة", "Syrian opposition websites (unnamed)"),
        ("صحافي فرنسي", "French journalist (unnamed)"),
        ("أحد سكان القرية", "resident (unnamed)"),
        ("مقاتلون سوريون", "Syrian fighters (unnamed)"),
        ("التلفزيون الرسمي الإيراني", "Iranian official television (unnamed)"),
    ],
)
def test_unnamed_sources_are_described_from_the_data(
    phrase: str, english: str, knowledge: Knowledge
) -> None:
    found = unnamed_source(phrase, knowledge, country_adjectives(knowledge.countries))
    assert found is not None and found.en == english


def test_a_bare_definite_source_describes_nothing(knowledge: Knowledge) -> None:
    found = unnamed_source("المصادر", knowledge, country_adjectives(knowledge.countries))
    assert found is not None and found.en is None
    assert unnamed_source("الحكومة اليمنية", knowledge, {}) is None


def test_a_named_person_the_brief_lacks_gets_the_name_lists_english(knowledge: Knowledge) -> None:
    speaker = speaker_for("الشيخ علي الردفاني، وهو إمام مسجد", (), knowledge, None)
    assert speaker is not None and speaker.ar == "علي الردفاني"
    assert speaker.en == "Ali al-Radfani" and speaker.en_provisional
    assert speaker.en_source == "romanized"
    # The title of a body, then a rank, then the name: the name, spelt from the table.
    speaker = speaker_for("المتحدث باسم التحالف العميد أحمد عسيري", (), knowledge, None)
    assert speaker is not None and speaker.ar == "أحمد عسيري"
    assert speaker.en == "Ahmed Assiri" and speaker.en_source == "name-table"
    # A body after the title is not a name.
    speaker = speaker_for("متحدث باسم وزارة الخارجية", (), knowledge, None)
    assert speaker is not None and speaker.en == "Foreign Ministry spokesperson (unnamed)"


def test_a_title_and_a_name_is_the_named_person(knowledge: Knowledge) -> None:
    jubeir = _person("عادل الجبير", "Adel al-Jubeir", "وزير الخارجية السعودي")
    speaker = speaker_for("وزير الخارجية عادل الجبير", (jubeir,), knowledge, None)
    assert speaker is not None and speaker.en == "Adel al-Jubeir"
    # The title alone, with the nationality: the one person who holds it.
    speaker = speaker_for("الوزير السعودي", (jubeir,), knowledge, None)
    assert speaker is not None and speaker.en == "Adel al-Jubeir"


def test_a_surname_is_the_one_person_it_ends(knowledge: Knowledge) -> None:
    hadi = _person("عبد ربه منصور هادي", "Abd-Rabbu Mansour Hadi")
    speaker = speaker_for("هادي", (hadi,), knowledge, None)
    assert speaker is not None and speaker.en == "Abd-Rabbu Mansour Hadi"
    last = Speaker(ar="العميد أحمد عسيري", en=None)
    assert speaker_for("عسيري في مقابلة", (), knowledge, last) is last


def test_an_occasion_alone_names_no_subject(knowledge: Knowledge) -> None:
    last = Speaker(ar="الوزارة", en="Ministry of the Interior")
    # Strict: the caller looks before the verb; otherwise the last speaker goes on.
    assert speaker_for("قبل نحو أسبوعين،", (), knowledge, last, strict=True) is None
    assert speaker_for("في بيان اليوم", (), knowledge, last) is last
    assert speaker_for("في كل مراحل التاريخ لم تتعرض الشعوب", (), knowledge, last) is last


def test_a_title_holder_is_read_from_the_title_next_to_the_name(knowledge: Knowledge) -> None:
    """A stated role that swallowed a neighbouring clause («ولي العهد تحيات خادم الحرمين
    الشريفين الملك») does not make its holder the crown prince."""
    king = _person(
        "سلمان بن عبد العزيز", "King Salman", "ولي العهد تحيات خادم الحرمين الشريفين الملك"
    )
    speaker = speaker_for("ولي العهد", (king,), knowledge, None)
    assert speaker is not None and speaker.en != "King Salman"
    speaker = speaker_for("الملك", (king,), knowledge, None)
    assert speaker is not None and speaker.en == "King Salman"
    # «الأميركي» opens with «الأمير»: no title of its own.
    kerry = _person("جون كيري", "John Kerry", "وزير الخارجية الأميركي")
    speaker = speaker_for("الوزير الأميركي", (kerry,), knowledge, None)
    assert speaker is not None and speaker.en == "John Kerry"


def test_a_title_is_a_whole_word(knowledge: Knowledge) -> None:
    """«مؤسسة» (an institution) opens with the letters of «مؤسس» (founder) but is no title;
    a plural ending is still the title («مسؤولون»)."""
    speaker = speaker_for("مؤسسة العلاقات العامة", (), knowledge, None)
    assert speaker is not None and "founder" not in (speaker.en or "")
    speaker = speaker_for("ممثلو الشركات", (), knowledge, None)
    assert speaker is not None and speaker.en == "representatives (unnamed)"


def test_brackets_are_no_speaker(knowledge: Knowledge) -> None:
    last = Speaker(ar="الرئيس", en="President (unnamed)")
    assert speaker_for("بوجود (نقص في الموارد)،", (), knowledge, last) is last


def test_a_name_after_a_given_name_or_a_title_is_romanized(knowledge: Knowledge) -> None:
    """A family name no list holds: after an editor's given name as the whole subject
    («يوسف الفلاني»), after a title («وزير النقل فلان علان»); a common noun after a word the
    table also spells as a name («والد الشهيد») is no name."""
    speaker = speaker_for("يوسف الغامدي", (), knowledge, None)
    assert speaker is not None and speaker.en == "Youssef al-Ghamdi" and speaker.en_provisional
    speaker = speaker_for("مايكل فالون", (), knowledge, None)
    assert speaker is not None and speaker.en == "Michael Fallon"
    speaker = speaker_for("وزير الأشغال سجعان قزي لـ«الصحيفة»", (), knowledge, None)
    assert speaker is not None and speaker.ar == "سجعان قزي"
    assert speaker.en is not None and speaker.en_source == "romanized"
    for junk in ("والد الشهيد", "نيتشه عبارته الشهيرة", "وزير حقوق الإنسان", "سيد الموقف."):
        speaker = speaker_for(junk, (), knowledge, None)
        assert speaker is None or speaker.en is None or "(unnamed)" in speaker.en, junk


def test_a_report_or_a_study_speaks_as_itself(knowledge: Knowledge) -> None:
    """«وقال التقرير»: the report quoted before, else "the report"; a body named by a source
    noun («قيادة عمليات نينوى») is no unnamed command."""
    speaker = speaker_for("التقرير", (), knowledge, None)
    assert speaker is not None and speaker.en == "the report"
    last = Speaker(ar="تقرير للأمم المتحدة", en="UN report (unnamed)")
    assert speaker_for("التقرير", (), knowledge, last) is last
    speaker = speaker_for("الدراسة", (), knowledge, None)
    assert speaker is not None and speaker.en == "the study"
    speaker = speaker_for("قيادة عمليات نينوى", (), knowledge, None)
    assert speaker is None or speaker.en != "command (unnamed)"


def test_an_honorific_or_a_pronoun_refers_back(knowledge: Knowledge) -> None:
    last = Speaker(ar="وزير الخارجية", en="Foreign Minister (unnamed)")
    assert speaker_for("معاليه", (), knowledge, last) is last
    assert speaker_for("سموه خلال اللقاء", (), knowledge, last) is last
    assert speaker_for("أخيرا", (), knowledge, last) is last
    assert speaker_for("له", (), knowledge, last) is last
    assert speaker_for("تعبيره", (), knowledge, last) is last


def test_an_honorific_is_no_body_or_country(knowledge: Knowledge) -> None:
    """«معاليه» after a country's words is no one the text names: no speaker, not the country."""
    last = Speaker(ar="الأردن", en="Jordan", key="JO")
    assert speaker_for("معاليه", (), knowledge, last) is None


def test_a_statement_without_authors_in_english(knowledge: Knowledge) -> None:
    speaker = speaker_for("بيان صادر عن اللجنة التحضيرية", (), knowledge, None)
    assert speaker is not None and speaker.en == "statement (unnamed)"
    # A preposition attached to the speaker («وفقا لمصادر»).
    speaker = speaker_for("لمصادر عسكرية", (), knowledge, None)
    assert speaker is not None and speaker.en == "military sources (unnamed)"


def test_names_after_honorifics_and_long_titles(knowledge: Knowledge) -> None:
    speaker = speaker_for("الشيخة لبنى القاسمي وزيرة التنمية", (), knowledge, None)
    assert speaker is not None and speaker.ar == "لبنى القاسمي"
    speaker = speaker_for("ممثل الحزب في الحكومة اللبنانية الوزير يوسف الخوري", (), knowledge, None)
    assert speaker is not None and speaker.ar == "يوسف الخوري"
    # A place after a preposition («بتونس») is no part of the name after it.
    phrase = "مدير المركز الدولي للدراسات الأمنية بتونس سامي الهمامي"
    speaker = speaker_for(phrase, (), knowledge, None)
    assert speaker is not None and speaker.ar == "سامي الهمامي"
    speaker = speaker_for("السيدة كوالسكي", (), knowledge, None)
    assert speaker is not None and speaker.en is not None and speaker.en_provisional


def test_a_long_name_keeps_its_family_name(knowledge: Knowledge) -> None:
    speaker = speaker_for("خالد بن عبدالله الفهيدي", (), knowledge, None)
    assert speaker is not None and speaker.ar == "خالد بن عبدالله الفهيدي"
    assert speaker.en is not None and speaker.en.endswith("al-Fahidi") and speaker.en_provisional
    # The English of a statement quoted alone («وأكد البيان»).
    speaker = speaker_for("البيان", (), knowledge, None)
    assert speaker is not None and speaker.en == "the statement"


def test_a_body_noun_is_a_description_only_alone(knowledge: Knowledge) -> None:
    """«الشرطة» alone is "the police"; «الشرطة الاتحادية» naming a body of the brief is that
    body, not an unnamed police."""
    speaker = speaker_for("الشرطة", (), knowledge, None)
    assert speaker is not None and speaker.en == "the police"
    police = ActorMention(
        "organization", "الشرطة الاتحادية", "الشرطة الاتحادية", "Federal Police", False, (), ""
    )
    speaker = speaker_for("الشرطة الاتحادية", (police,), knowledge, None)
    assert speaker is not None and speaker.en == "Federal Police"


def test_who_was_told_is_not_the_speaker(knowledge: Knowledge) -> None:
    """«وقال لفرانس برس»: the agency was told; the speaker is the one quoted before."""
    agency = ActorMention(
        "organization", "فرانس برس", "فرانس برس", "Agence France-Presse", False, (), ""
    )
    last = Speaker(ar="الوزير", en="Minister (unnamed)")
    assert speaker_for("لفرانس برس", (agency,), knowledge, last) is last


def test_a_body_referred_back_to_before_its_object() -> None:
    """«وأبلغت المؤسسة المستثمرين»: the body, then the object; «المؤسسة العسكرية» is one
    phrase (an adjective), not the body and an object."""
    body = ActorMention("organization", "name:x", "مؤسسة هاريس", "Harris Foundation", True, (), "")
    found = body_before_object(phrase_key("المؤسسة المستثمرين"), (body,), None)
    assert found is not None and found.en == "Harris Foundation"
    assert body_before_object(phrase_key("المؤسسة العسكرية"), (body,), None) is None
    assert body_before_object(phrase_key("المؤسسة"), (body,), None) is None
