"""Stage 2, clean: take page furniture out of a scraped article, record every removal.

Scraped Arabic articles carry the web page around them: image-file debris, share and
submit buttons repeated down the page, reading-time widgets, photo captions printed twice,
"read also" links, app error banners, menus, font-size buttons, comment counters,
subscription blurbs, datelines and disclaimers. Each rule below is written from how such
furniture looks on Arabic news sites in general. A rule only ever removes a whole line, and
every removed line is returned as a :class:`~builder.model.Removal` so the page can show it.
Reference lists become :class:`~builder.model.Footnote` entries instead of body text.
"""

from __future__ import annotations

import re
from collections import Counter

from .arabic import fold, has_arabic
from .model import CleanDocument, Footnote, Removal, SourceDocument

_IMAGE_DEBRIS = re.compile(
    r"^\S*\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?\)?\s*$|^!\[[^\]]*\]\([^)]*\)\s*$", re.I
)
_URL_DEBRIS = re.compile(r"^(?:https?://)?[\w./%#:=&?~+-]*/[\w./%#:=&?~+-]*$")
_READING_TIME = re.compile(
    r"(?:time reading icon|دقايق القراءه|دقيقه للقراءه|دقايق للقراءه|وقت القراءه|مده القراءه"
    r"|min(?:ute)?s? read|reading time)",
    re.I,
)
_READ_ALSO = re.compile(
    r"^(?:اقرا ايضا|اقرا المزيد|اقرا كذلك|مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله"
    r"|read (?:also|more)|related(?: articles| stories)?)\s*[:：-]?",
    re.I,
)
_APP_ERROR = re.compile(
    r"(?:an error has occurred|may no longer respond until reloaded|javascript is disabled"
    r"|enable javascript|your browser does not support|حدث خطا ما|يرجى تفعيل جافا سكريبت)",
    re.I,
)
_BUTTON_WORDS = re.compile(
    r"^(?:شارك|مشاركه|شارك المقال|ارسل منشورك|ارسل|طباعه|اطبع|نسخ الرابط|تويتر|فيسبوك|واتساب"
    r"|تيليجرام|لينكد ان|share|tweet|print|email|copy link|facebook|twitter|whatsapp|telegram"
    r"|a\+|a-|a|تكبير الخط|تصغير الخط|حجم الخط|حفظ|save|اعجبني|like)\s*$",
    re.I,
)
_COMMENT_COUNTER = re.compile(
    r"^(?:\d+\s*)?(?:تعليق|تعليقات|اضف تعليق|اضف تعليقك|comments?|add a comment)(?:\s*\d+)?\s*$",
    re.I,
)
_SUBSCRIPTION = re.compile(
    r"(?:اشترك في النشره|اشترك الان|للاشتراك في|النشره البريديه|خدمه الرسايل القصيره|ارسل كلمه"
    r"|subscribe|newsletter|sign up)",
    re.I,
)
_CREDIT = (
    r"(?:reuters|afp|ap|epa|getty images?|anadolu|xinhua|رويترز|ا ف ب|فرانس برس|ا ب|غيتي"
    r"|الاناضول|شينخوا|وكالات|ارشيفيه|ارشيف)"
)
_CAPTION = re.compile(r"\s[-–—|/]\s*" + _CREDIT + r"\s*\)?\s*$", re.I)
_DATELINE = re.compile(r"^[\w\s]{2,25}\s*[-–—]\s*[\w\s]{2,25}$")
_DISCLAIMER = re.compile(r"^(?:اخلاء المسووليه|اخلاء مسووليه|disclaimer)\s*[:：]?\s*$", re.I)
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*(.+)$")
_LINK = re.compile(r"https?://[^\s<>\"'”]+")
_SENTENCE_END = re.compile(r"[.!?؟…:»”\"]\s*$")


def _is_menu_run(lines: list[str], index: int) -> bool:
    """A run of four or more consecutive one-to-three-word lines without punctuation."""

    def menu_like(line: str) -> bool:
        words = line.split()
        return 0 < len(words) <= 3 and not re.search(r"[.,،:؛!?؟\"«»“”()]", line)

    if not menu_like(lines[index]):
        return False
    start = index
    while start > 0 and menu_like(lines[start - 1]):
        start -= 1
    end = index
    while end + 1 < len(lines) and menu_like(lines[end + 1]):
        end += 1
    return end - start + 1 >= 4


def _furniture_reason(line: str, folded: str, repeats: int, previous: str | None) -> str | None:
    """Why a non-empty line is page furniture, or None when it is article text.

    Patterns are written in folded form (see :func:`builder.arabic.fold`): ة as ه, ئ as ي.
    """
    stripped = line.strip()
    if _IMAGE_DEBRIS.match(stripped):
        return "image-file debris"
    if " " not in stripped and not has_arabic(stripped) and _URL_DEBRIS.match(stripped):
        return "broken link debris"
    if _READING_TIME.search(folded) and len(stripped.split()) <= 8:
        return "reading-time widget"
    if _APP_ERROR.search(folded):
        return "app error banner"
    if _READ_ALSO.match(folded) and len(stripped.split()) <= 12:
        return "'read also' link"
    if _BUTTON_WORDS.match(folded):
        return "share/print/font-size button"
    if repeats >= 3 and len(stripped.split()) <= 6:
        return f"button or label repeated {repeats} times"
    if _COMMENT_COUNTER.match(folded):
        return "comment counter"
    if _SUBSCRIPTION.search(folded) and len(stripped.split()) <= 25:
        return "subscription blurb"
    if _CAPTION.search(folded) and not _SENTENCE_END.search(stripped):
        return "photo caption with credit"
    if previous is not None and stripped == previous and len(stripped.split()) <= 40:
        return "duplicated line (photo caption)"
    return None


def clean(doc: SourceDocument) -> CleanDocument:
    """Remove page furniture from a source document; pure."""
    lines = doc.text.split("\n")
    folded_lines = [fold(line.strip()).lower() for line in lines]
    counts = Counter(line.strip() for line in lines if line.strip())
    removals: list[Removal] = []
    footnotes: list[Footnote] = []
    kept: list[str] = []
    previous: str | None = None
    in_disclaimer = False
    # Captions are printed twice: a line equal to the *next* non-empty line is a caption too.
    next_nonempty: list[str | None] = [None] * len(lines)
    upcoming: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        next_nonempty[index] = upcoming
        if lines[index].strip():
            upcoming = lines[index].strip()
    nonempty = [line.strip() for line in lines if line.strip()]
    nonempty_position = {}
    for index, line in enumerate(lines):
        if line.strip():
            nonempty_position[index] = len(nonempty_position)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        number = index + 1
        folded = folded_lines[index]
        footnote = _FOOTNOTE.match(stripped)
        if footnote and not has_arabic(footnote.group(2)[:40]):
            link = _LINK.search(footnote.group(2))
            footnotes.append(
                Footnote(footnote.group(1), footnote.group(2), link.group(0) if link else None)
            )
            previous = stripped
            continue
        if _DISCLAIMER.match(folded):
            removals.append(Removal(stripped, "disclaimer heading", number))
            in_disclaimer = True
            previous = stripped
            continue
        if in_disclaimer:
            removals.append(Removal(stripped, "disclaimer", number))
            in_disclaimer = False
            previous = stripped
            continue
        reason = None
        # A «place - source» line under the headline is a dateline, even when the source
        # is an agency credit that would otherwise read as a caption.
        if (
            len(kept) <= 1
            and len(stripped.split()) <= 4
            and _DATELINE.match(stripped)
            and not _SENTENCE_END.search(stripped)
            and _looks_like_dateline(stripped)
        ):
            reason = "dateline (place - outlet)"
        if reason is None:
            reason = _furniture_reason(line, folded, counts[stripped], previous)
        if reason is None and stripped == next_nonempty[index] and _CAPTION.search(folded):
            reason = "photo caption with credit"
        if reason is None and _is_menu_run(nonempty, nonempty_position[index]):
            reason = "navigation menu"
        if reason is not None:
            removals.append(Removal(stripped, reason, number))
        else:
            kept.append(stripped)
        previous = stripped
    title, from_text, body = _split_title(doc, kept)
    return CleanDocument(
        source=doc,
        title=title,
        title_from_text=from_text,
        paragraphs=tuple(body),
        removals=tuple(removals),
        footnotes=tuple(footnotes),
    )


def _looks_like_dateline(line: str) -> bool:
    """«دبي -الشرق», «القاهرة - رويترز»: a place and a source around a dash, nothing else."""
    parts = re.split(r"\s*[-–—]\s*", line, maxsplit=1)
    return len(parts) == 2 and all(0 < len(part.split()) <= 2 for part in parts)


def _split_title(doc: SourceDocument, kept: list[str]) -> tuple[str, bool, list[str]]:
    """Pick the Arabic title: metadata, else a headline-like first line, else the lead."""
    if doc.metadata.title:
        return doc.metadata.title, False, kept
    if len(kept) >= 2:
        first = kept[0]
        words = first.split()
        if len(words) <= 20 and not first.endswith((".", "،", ":")):
            return first, True, kept[1:]
    if kept:
        words = kept[0].split()
        lead = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        return lead, True, kept
    return doc.slug, False, kept
