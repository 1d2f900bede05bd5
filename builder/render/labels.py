"""Interface wording of generated pages, in Arabic and English."""

from __future__ import annotations

import re

from builder.model import BriefRecord, EnglishSource, InferredValue, english_source
from builder.read.characters import describe_changes
from builder.read.encoding import encoding_name
from builder.render.markup import Lang
from builder.render.plurals import count_text

LABELS: dict[str, dict[Lang, str]] = {
    "source": {"ar": "المصدر", "en": "Source"},
    "outlet": {"ar": "الوسيلة", "en": "Outlet"},
    "published": {"ar": "تاريخ النشر", "en": "Published"},
    "unknown": {"ar": "غير معروف", "en": "unknown"},
    "month_only": {"ar": "اليوم غير معروف", "en": "day unknown"},
    "year_only": {"ar": "الشهر واليوم غير معروفين", "en": "month and day unknown"},
    "inferred": {"ar": "مستنتج من النص", "en": "inferred from the text"},
    "inferred_url": {"ar": "مستنتج من رابط المقال", "en": "inferred from the article's address"},
    "original": {"ar": "المقال الأصلي", "en": "Original article"},
    "author": {"ar": "الكاتب", "en": "Author"},
    "file": {"ar": "الملف", "en": "Source file"},
    "encoding": {"ar": "الترميز", "en": "Encoding"},
    "normalized": {"ar": "تطبيع النص", "en": "Text normalized"},
    "source_unchanged": {"ar": "الملف الأصلي لم يتغير", "en": "the source file is unchanged"},
    "truncated": {
        "ar": "طول هذا المقال {total}، ولم يُستخدم منه إلا أول {used}.",
        "en": "This article is {total} long; only its first {used} were used.",
    },
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
    "days_apart": {
        "ar": "الفارق بين تاريخي النشر: {days}",
        "en": "published {days} apart",
    },
    "same_day": {"ar": "نُشرا في اليوم نفسه", "en": "published the same day"},
    "text": {"ar": "النص بعد التنظيف", "en": "Cleaned source text (Arabic)"},
    "footnotes": {"ar": "المراجع", "en": "References"},
    "back_to_text": {"ar": "العودة إلى موضع الإحالة في النص", "en": "Back to the text"},
    "removed": {"ar": "ما أزاله التنظيف", "en": "Removed by cleaning"},
    "none": {"ar": "لا شيء", "en": "none found"},
    "romanized": {"ar": "كتابة لاتينية تقريبية", "en": "romanized, provisional"},
    "name_table": {
        "ar": "تهجئة لاتينية من جداول الأسماء",
        "en": "spelling from name tables, provisional",
    },
    "translated": {"ar": "ترجمة عن العربية", "en": "translated from Arabic, provisional"},
    "generated_title": {
        "ar": "عنوان إنجليزي مولَّد من البيانات المستخرجة",
        "en": "title generated from the extracted data, not a translation",
    },
    "direct": {"ar": "مباشر", "en": "direct"},
    "indirect": {"ar": "منقول", "en": "reported"},
    "unknown_speaker": {"ar": "متحدث غير محدد", "en": "unattributed"},
    "no_english": {"ar": "", "en": "no English name available"},
    "text_span": {"ar": "النص", "en": "Text"},
    "relative": {
        "ar": "نسبي، محسوب من تاريخ النشر",
        "en": "relative, resolved from publication date",
    },
    "value": {"ar": "القيمة", "en": "Value"},
    "unit": {"ar": "الوحدة", "en": "Unit"},
    "mentions": {"ar": "الموجزات التي تذكرها", "en": "Briefs that mention it"},
    "mentions_person": {"ar": "الموجزات التي تذكره", "en": "Briefs that mention them"},
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
    "latest_briefs": {"ar": "أحدث الموجزات", "en": "Latest briefs"},
    "all_briefs": {"ar": "كل الموجزات حسب التاريخ", "en": "All briefs by date"},
    "top_actors_month": {
        "ar": "الأكثر ذكرًا في {month} (أحدث شهر فيه موجزات)",
        "en": "Most mentioned in {month} (the latest month with briefs)",
    },
    "top_actors": {"ar": "الأكثر ذكرًا", "en": "Most mentioned"},
    "feed_month": {
        "ar": "نُشر في {date}، واليوم غير معروف، فأرّخته هذه الخلاصة بأول أيام الشهر.",
        "en": "Published in {date}; the day is not known, so this feed dates it to the first "
        "of the month.",
    },
    "feed_year": {
        "ar": "نُشر عام {date}، والشهر واليوم غير معروفين، فأرّخته هذه الخلاصة بأول أيام السنة.",
        "en": "Published in {date}; the month and day are not known, so this feed dates it "
        "to 1 January.",
    },
    "feed_undated": {
        "ar": "تاريخ النشر غير معروف؛ أرّخته هذه الخلاصة بيوم إضافته إلى المجموعة ({date}).",
        "en": "Publication date unknown; this feed dates it by when it was added to the "
        "collection ({date}).",
    },
    "feed_subtitle": {
        "ar": "أحدث الموجزات المستخرجة من مقالات الصحافة العربية عن الأمن الدولي",
        "en": "The latest briefs of Arabic press articles on international security",
    },
    "page_of": {"ar": "الصفحة {number} من {count}", "en": "page {number} of {count}"},
    "pages": {"ar": "صفحات القائمة", "en": "List pages"},
    "first_page": {"ar": "الأولى", "en": "first"},
    "previous_page": {"ar": "السابقة", "en": "previous"},
    "next_page": {"ar": "التالية", "en": "next"},
    "list_sections": {"ar": "أقسام القائمة", "en": "Sections of the list"},
    "spellings_ar": {
        "ar": "الصيغ العربية الواردة (عدد الموجزات)",
        "en": "Arabic spellings seen (briefs)",
    },
    "spellings_en": {
        "ar": "الأسماء الإنجليزية (عدد الموجزات)",
        "en": "English names given (briefs)",
    },
    "first_seen": {"ar": "أول ظهور", "en": "First seen"},
    "last_seen": {"ar": "آخر ظهور", "en": "Last seen"},
    "by_publication_date": {"ar": "حسب تاريخ نشر الموجزات", "en": "by publication date"},
    "co_mentions": {"ar": "يُذكر غالبًا مع", "en": "Most often mentioned with"},
    "quotes_by": {"ar": "أقواله المنقولة", "en": "Quoted as saying"},
    "all_quotes": {"ar": "كل الأقوال المنقولة", "en": "All quotes"},
    "quotes_by_speaker": {"ar": "الأقوال حسب المتحدث", "en": "Quotes by speaker"},
    "terms_index": {"ar": "المصطلحات", "en": "Terminology"},
    "term_ar": {"ar": "المصطلح", "en": "Arabic term"},
    "term_en": {"ar": "المقابل الإنجليزي", "en": "English"},
    "term_briefs": {"ar": "الموجزات الأكثر استخدامًا له", "en": "Briefs using it most"},
    "term_more": {"ar": "وغيرها ({count})", "en": "{count} more"},
    "terminology_intro": {
        "ar": "مصطلحات الأمن الدولي الواردة في الموجزات ومقابلاتها الإنجليزية من ملف المصطلحات.",
        "en": "Security terms found in the briefs, with the English equivalents "
        "from the terminology data file.",
    },
    "brief": {"ar": "الموجز", "en": "Brief"},
    "speaker": {"ar": "المتحدث", "en": "Speaker"},
    "no_outlet": {"ar": "وسيلة غير معروفة", "en": "Outlet unknown"},
    "entity_kind_person": {"ar": "شخص", "en": "Person"},
    "entity_kind_organization": {"ar": "منظمة", "en": "Organization"},
    "entity_kind_country": {"ar": "دولة", "en": "Country"},
    "topic_briefs": {"ar": "موجزات هذا الموضوع", "en": "Briefs on this topic"},
    "contents": {"ar": "المحتويات", "en": "Contents"},
    "collection": {"ar": "مجموعة موجزات", "en": "Collection of briefs"},
    "all_briefs_title": {"ar": "كل الموجزات", "en": "All briefs"},
    "name": {"ar": "الاسم", "en": "Name"},
    "role": {"ar": "الصفة", "en": "Role"},
    "mention_count": {"ar": "مرات الذكر", "en": "Mentions"},
    "pdf_link": {"ar": "نسخة PDF للطباعة", "en": "PDF to print"},
    "processing": {"ar": "المصدر والمعالجة", "en": "Source and processing"},
    "checksum": {"ar": "بصمة الملف", "en": "Checksum"},
    "line": {"ar": "السطر", "en": "line"},
    "fact_sheet": {"ar": "", "en": "Fact sheet"},
    "fact_sheet_note": {
        "ar": "",
        "en": "Generated from the data extracted from the Arabic text, not a translation: "
        "names, dates and figures as found; ↗ opens the Arabic sentence a line comes from.",
    },
    "date_col": {"ar": "التاريخ", "en": "Date"},
    "show_text": {"ar": "", "en": "Show the Arabic text"},
    "show_quotes": {"ar": "", "en": "Show the quotes in Arabic ({count})"},
    "fact_n": {"ar": "", "en": "Key fact {n}"},
    "show_dates": {"ar": "", "en": "Show each date with its Arabic wording"},
    "show_numbers": {"ar": "", "en": "Show each figure with its Arabic wording"},
}


def label(key: str, lang: Lang) -> str:
    """The wording of ``key`` in ``lang``."""
    return LABELS[key][lang]


_ENGLISH_NOTES: dict[EnglishSource, str] = {
    "name-table": "name_table",
    "romanized": "romanized",
    "translated": "translated",
}


def english_note(source: EnglishSource | None, provisional: bool, lang: Lang) -> str | None:
    """The note beside an English name that is not an established one ("spelling from name
    tables", "romanized", "translated from Arabic"), in ``lang``; None for an established
    name (or one nothing provisional marks)."""
    if not provisional:
        return None
    return label(_ENGLISH_NOTES.get(english_source(source, provisional), "romanized"), lang)


def inferred_note(value: InferredValue, lang: Lang) -> str:
    """How an inferred value was found: from the domain of the article's address (an outlet,
    ``from_url``) or from its text."""
    return label("inferred_url" if value.get("from_url") else "inferred", lang)


def source_notes(record: BriefRecord, lang: Lang) -> list[tuple[str, str]]:
    """``(label, plain text)`` facts about how a brief's source was read: its encoding,
    and the characters normalized, if any; not escaped (each page format escapes)."""
    notes = [(label("encoding", lang), encoding_name(record["encoding"], lang))]
    if record["normalized"]:
        changes = describe_changes(record["normalized"].items(), lang)
        notes.append((label("normalized", lang), f"{changes} ({label('source_unchanged', lang)})"))
    return notes


def truncation_note(record: BriefRecord, lang: Lang) -> str | None:
    """The warning a brief made from a cut article carries, or None."""
    cut = record["truncated"]
    if cut is None:
        return None
    total = count_text("character", cut["total"], lang)
    used = count_text("character", cut["used"], lang) if lang == "ar" else f"{cut['used']:,}"
    return label("truncated", lang).format(total=total, used=used)


REMOVAL_REASONS_AR: dict[str, str] = {
    "image-file debris": "بقايا اسم ملف صورة",
    "broken link debris": "بقايا رابط مكسور",
    "reading-time widget": "مدة القراءة",
    "app error banner": "رسالة خطأ من التطبيق",
    "'read also' link": "رابط «اقرأ أيضًا»",
    "share/print/font-size button": "زر مشاركة أو طباعة أو حجم الخط",
    "comment counter": "عداد التعليقات",
    "subscription blurb": "دعوة إلى الاشتراك",
    "photo caption with credit": "تعليق صورة مع مصدرها",
    "duplicated line (photo caption)": "سطر مكرر (تعليق صورة)",
    "disclaimer heading": "عنوان إخلاء المسؤولية",
    "disclaimer": "إخلاء المسؤولية",
    "dateline (place - outlet)": "سطر المكان والوسيلة",
    "header date": "تاريخ في رأس الصفحة",
    "navigation menu": "قائمة تنقل",
    "reference list heading (shown as the footnotes)": "عنوان قائمة المراجع (تظهر في المراجع)",
}
"""Why cleaning removed a line (``builder.clean.furniture`` records it in English), in Arabic."""

_REPEATED = re.compile(r"button or label repeated (\d+) times")


def removal_note(reason: str, line: int, lang: Lang) -> str:
    """Why cleaning removed a line and where it was, plain text in ``lang``: "image-file
    debris, line 12", «بقايا اسم ملف صورة، السطر 12»."""
    if lang == "en":
        return f"{reason}, line {line}"
    repeated = _REPEATED.fullmatch(reason)
    if repeated:
        shown = f"زر أو عنوان تكرر {repeated.group(1)} مرات"
    else:
        shown = REMOVAL_REASONS_AR.get(reason, "من أثاث الصفحة")
    return f"{shown}، السطر {line}"
