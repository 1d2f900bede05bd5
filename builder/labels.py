"""Interface wording of generated pages, in Arabic and English."""

from __future__ import annotations

from .markup import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "source": {"ar": "المصدر", "en": "Source"},
    "outlet": {"ar": "الوسيلة", "en": "Outlet"},
    "published": {"ar": "تاريخ النشر", "en": "Published"},
    "unknown": {"ar": "غير معروف", "en": "unknown"},
    "inferred": {"ar": "مستنتج من النص", "en": "inferred from the text"},
    "original": {"ar": "المقال الأصلي", "en": "Original article"},
    "author": {"ar": "الكاتب", "en": "Author"},
    "file": {"ar": "الملف", "en": "Source file"},
    "key_facts": {"ar": "الحقائق الرئيسية", "en": "Key facts"},
    "summary": {"ar": "ملخص المحرر", "en": "Editor's summary"},
    "actors": {"ar": "الفاعلون", "en": "Actors"},
    "people": {"ar": "الأشخاص", "en": "People"},
    "organizations": {"ar": "المنظمات", "en": "Organizations"},
    "countries": {"ar": "الدول", "en": "Countries"},
    "dates": {"ar": "التواريخ", "en": "Dates"},
    "numbers": {"ar": "الأرقام", "en": "Figures"},
    "quotes": {"ar": "الاقتباسات", "en": "Quotes"},
    "topics": {"ar": "الموضوعات", "en": "Topics"},
    "terms": {"ar": "المصطلحات", "en": "Key terms"},
    "related": {"ar": "موجزات ذات صلة", "en": "Related briefs"},
    "text": {"ar": "النص بعد التنظيف", "en": "Cleaned source text (Arabic)"},
    "footnotes": {"ar": "المراجع", "en": "References"},
    "removed": {"ar": "ما أزاله التنظيف", "en": "Removed by cleaning"},
    "none": {"ar": "لا شيء", "en": "none found"},
    "romanized": {"ar": "كتابة لاتينية تقريبية", "en": "romanized, provisional"},
    "generated_title": {
        "ar": "عنوان إنجليزي مولَّد من البيانات المستخرجة",
        "en": "title generated from the extracted data, not a translation",
    },
    "direct": {"ar": "مباشر", "en": "direct"},
    "indirect": {"ar": "منقول", "en": "reported"},
    "unknown_speaker": {"ar": "متحدث غير محدد", "en": "unattributed"},
    "no_english": {"ar": "", "en": "no English name available"},
    "text_span": {"ar": "النص", "en": "Text"},
    "date_iso": {"ar": "التاريخ كما ورد", "en": "As stated"},
    "date_resolved": {"ar": "التاريخ المحسوب", "en": "Resolved"},
    "relative": {
        "ar": "نسبي، محسوب من تاريخ النشر",
        "en": "relative, resolved from publication date",
    },
    "value": {"ar": "القيمة", "en": "Value"},
    "unit": {"ar": "الوحدة", "en": "Unit"},
    "mentions": {"ar": "الموجزات التي تذكره", "en": "Briefs that mention it"},
    "forms": {"ar": "الصيغ الواردة", "en": "Forms seen"},
    "roles": {"ar": "الأدوار كما وردت", "en": "Roles as stated"},
    "english_name": {"ar": "الاسم بالإنجليزية", "en": "English name"},
    "arabic_name": {"ar": "الاسم بالعربية", "en": "Arabic name"},
    "code": {"ar": "الرمز", "en": "ISO code"},
    "briefs_index": {"ar": "الموجزات حسب التاريخ", "en": "Briefs by date"},
    "people_index": {"ar": "الأشخاص", "en": "People"},
    "organizations_index": {"ar": "المنظمات", "en": "Organizations"},
    "countries_index": {"ar": "الدول", "en": "Countries"},
    "topics_index": {"ar": "الموضوعات", "en": "Topics"},
    "timeline_index": {"ar": "الخط الزمني", "en": "Timeline"},
    "sources_index": {"ar": "المصادر", "en": "Sources"},
    "quotes_index": {"ar": "من قال ماذا", "en": "Who said what"},
    "undated": {"ar": "بلا تاريخ معروف", "en": "Date unknown"},
    "no_year": {"ar": "شهر أو يوم بلا سنة مذكورة", "en": "Month or day without a stated year"},
    "briefs_count": {"ar": "عدد الموجزات", "en": "Briefs"},
    "brief": {"ar": "الموجز", "en": "Brief"},
    "speaker": {"ar": "المتحدث", "en": "Speaker"},
    "no_outlet": {"ar": "وسيلة غير معروفة", "en": "Outlet unknown"},
    "entity_kind_person": {"ar": "شخص", "en": "Person"},
    "entity_kind_organization": {"ar": "منظمة", "en": "Organization"},
    "entity_kind_country": {"ar": "دولة", "en": "Country"},
    "topic_briefs": {"ar": "موجزات هذا الموضوع", "en": "Briefs on this topic"},
}


def label(key: str, lang: Lang) -> str:
    """The wording of ``key`` in ``lang``."""
    return LABELS[key][lang]
