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
from dataclasses import dataclass, replace

from builder.arabic import fold, has_arabic, to_ascii_digits
from builder.clean.footnotes import MARKER_STYLES, find_markers, first_url, number_key
from builder.clean.linkback import split_link_back
from builder.model import CleanDocument, Footnote, Removal, SourceDocument

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
_CAPTION = re.compile(r"(?:\s[-–—|/]\s*|\s\(\s*)" + _CREDIT + r"\s*\)?\s*$", re.I)
_DATELINE = re.compile(r"^[\w\s]{2,25}\s*[-–—]\s*[\w\s]{2,25}$")
# A line that is only a date, perhaps with its weekday and time, above the article
# («الثلاثاء 12 مارس 2024 - 10:30», «2024/03/12»). Folded, ASCII digits.
HEADER_DATE_LABEL = r"(?:نشر في|نشر|تاريخ النشر|اخر تحديث|تم النشر|published|updated|last updated)"
"""Words that introduce a publication date in a page header (folded)."""
WEEKDAY = r"(?:يوم\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)"
"""A weekday, perhaps after «يوم» (folded)."""
_HEADER_DATE_LINE = re.compile(
    rf"^(?:{HEADER_DATE_LABEL}\s*[:：]?\s*)?"
    rf"(?:{WEEKDAY}\s*[,،\-–]?\s*)?"
    r"(?:\d{1,2}\s+[\u0621-\u064a]+(?:\s*[/(]\s*[\u0621-\u064a ]+\)?)?\s*[,،]?\s+\d{4}"
    r"|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})"
    r"(?:\s*[\-–|،,]?\s*(?:الساعه\s*)?\d{1,2}:\d{2}(?:\s*(?:ص|م|am|pm|gmt|\+\d+))*)?\s*$",
    re.I,
)
_DISCLAIMER = re.compile(r"^(?:اخلاء المسووليه|اخلاء مسووليه|disclaimer)\s*[:：]?\s*$", re.I)
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*(.+)$")
# One entry of a reference list: «[3] ...», «(3) ...», «3. ...», «3- ...», «3) ...», in any
# script's digits. «3.5» and «2024-» are not item numbers.
_REFERENCE_ITEM = re.compile(
    r"^(?:\[(?P<bracket>\d{1,3})\]|\((?P<paren>\d{1,3})\)|(?P<plain>\d{1,3})\s*[.)\-–—](?!\d))"
    r"\s*(?P<text>\S.*)$"
)
# The heading of a reference list, folded: «المراجع», «المصادر والمراجع», «الهوامش»,
# «قائمة المراجع», «مصادر:», «References», «Notes», «Sources», «Bibliography», perhaps
# written as a Markdown heading or in bold.
_REFERENCE_WORD = r"(?:ال)?(?:مراجع|مصادر|هوامش|حواشي|احالات)"
_REFERENCE_HEADING = re.compile(
    r"^[#*_\s]*(?:"
    rf"(?:قايمه\s+)?{_REFERENCE_WORD}(?:\s+و\s*{_REFERENCE_WORD})?"
    r"(?:\s+(?:المقال|الدراسه|البحث|والملاحظات))?"
    r"|(?:end|foot)?notes|references|sources|bibliography|works cited"
    r"|(?:notes|sources) and references|references and notes"
    r")[*_\s]*[:：]?[*_\s]*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?؟…:»”\"]\s*$")
# Signs that a line is a citation: a link, a year (Gregorian or Hijri), quoted title, page.
_CITATION_SIGN = re.compile(
    r"https?://|(?<!\d)(?:1[89]\d\d|20\d\d|14[0-5]\d)(?!\d)|[\"«»“”„]"
    r"|(?:^|\s)(?:ص|صص|p|pp)\.?\s*\d",
    re.I,
)


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


@dataclass
class _Line:
    """A non-empty source line and what cleaning decided about it."""

    number: int
    """1-based line number in the source."""
    text: str
    """The line, stripped."""
    reason: str | None = None
    """Why it was removed; None while it is article text or a reference."""
    footnote: Footnote | None = None
    """The reference it is, when it is one."""
    absorbed: bool = False
    """True when the line continues the reference above it (a link on a line of its own)."""

    @property
    def body(self) -> bool:
        return self.reason is None and self.footnote is None and not self.absorbed


def clean(doc: SourceDocument) -> CleanDocument:
    """Remove page furniture from a source document; pure."""
    lines = doc.text.split("\n")
    folded_lines = [fold(line.strip()).lower() for line in lines]
    counts = Counter(line.strip() for line in lines if line.strip())
    decided: list[_Line] = []
    kept_count = 0
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
    nonempty_position: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.strip():
            nonempty_position[index] = len(nonempty_position)
    for index, line in enumerate(lines):
        stripped, link_back = split_link_back(line.strip())
        if link_back:
            decided.append(_Line(index + 1, link_back, "link back to the original story"))
        if not stripped:
            continue
        entry = _Line(index + 1, stripped)
        decided.append(entry)
        folded = folded_lines[index]
        footnote = _FOOTNOTE.match(stripped)
        if footnote and not has_arabic(footnote.group(2)[:40]):
            # «[n] Latin text» anywhere: a reference in a non-Arabic language.
            entry.footnote = Footnote(
                footnote.group(1), footnote.group(2), first_url(footnote.group(2))
            )
            previous = stripped
            continue
        if _DISCLAIMER.match(folded):
            entry.reason = "disclaimer heading"
            in_disclaimer = True
            previous = stripped
            continue
        if in_disclaimer:
            entry.reason = "disclaimer"
            in_disclaimer = False
            previous = stripped
            continue
        reason = None
        # A «place - source» line under the headline is a dateline, even when the source
        # is an agency credit that would otherwise read as a caption.
        if (
            kept_count <= 1
            and len(stripped.split()) <= 4
            and _DATELINE.match(stripped)
            and not _SENTENCE_END.search(stripped)
            and _looks_like_dateline(stripped)
        ):
            reason = "dateline (place - outlet)"
        if reason is None and kept_count <= 1 and _HEADER_DATE_LINE.match(folded):
            reason = "header date"
        if reason is None:
            reason = _furniture_reason(line, folded, counts[stripped], previous)
        if reason is None and stripped == next_nonempty[index] and _CAPTION.search(folded):
            reason = "photo caption with credit"
        if reason is None and _is_menu_run(nonempty, nonempty_position[index]):
            reason = "navigation menu"
        entry.reason = reason
        if reason is None:
            kept_count += 1
        previous = stripped
    _take_reference_lists(decided)
    kept = [entry.text for entry in decided if entry.body]
    removals = [
        Removal(entry.text, entry.reason, entry.number)
        for entry in decided
        if entry.reason is not None
    ]
    footnotes = [entry.footnote for entry in decided if entry.footnote is not None]
    title, from_text, body = _split_title(doc, kept)
    return CleanDocument(
        source=doc,
        title=title,
        title_from_text=from_text,
        paragraphs=tuple(body),
        removals=tuple(removals),
        footnotes=tuple(footnotes),
    )


def _tail_line(entry: _Line) -> bool:
    """Whether a line can belong to a trailing reference block."""
    if not entry.body:
        return True
    text = entry.text
    return bool(
        _REFERENCE_HEADING.match(fold(text).lower())
        or _REFERENCE_ITEM.match(text)
        or _is_link_line(text)
    )


def _is_link_line(text: str) -> bool:
    """A line that only carries a link: a URL, perhaps after «متاح على:» or «Available at:»."""
    return first_url(text) is not None and len(text.split()) <= 8


def _take_reference_lists(lines: list[_Line]) -> None:
    """Turn the reference list(s) at the end of the article into footnotes, in place.

    The *tail* is the run of lines after the last line of article prose: furniture,
    reference headings, numbered lines and link lines. It is cut into blocks at each
    heading («المراجع», «الهوامش», «References» ...). Under a heading every numbered line
    (``[n]``, ``(n)``, ``n.``, ``n-``, ``n)``) is a reference, in any language. Before any
    heading, Arabic ``[n]`` and ``(n)`` lines are references only when they are numbered one
    after the other and most of them are marked in the body; ``n.`` lines without a heading
    always stay article text. A link on a line of its own joins the reference above it.
    """
    start = len(lines)
    while start > 0 and _tail_line(lines[start - 1]):
        start -= 1
    body = [entry.text for entry in lines[:start] if entry.body]
    markers: set[tuple[str, int]] = {
        (marker.style, marker.number)
        for paragraph in body
        for style in MARKER_STYLES
        for marker in find_markers(paragraph, style)
    }
    blocks: list[list[_Line]] = [[]]
    for entry in lines[start:]:
        if entry.body and _REFERENCE_HEADING.match(fold(entry.text).lower()):
            blocks.append([entry])
        else:
            blocks[-1].append(entry)
    for position, block in enumerate(blocks):
        if position == 0:
            _take_unheaded_block(block, markers)
        else:
            _take_headed_block(block)


def _is_reference_or_link(entry: _Line) -> bool:
    return entry.footnote is not None or entry.body or _is_debris_link(entry)


def _is_debris_link(entry: _Line) -> bool:
    """A link on a line of its own, which the furniture rules took for broken-link debris."""
    return entry.reason == "broken link debris" and first_url(entry.text) == entry.text


def _looks_like_citation(text: str) -> bool:
    """A link, a year, a title in quotation marks, a page number or a comma-separated list of
    parts (author, title, publisher ...): what a reference has and a list of points has not."""
    text = to_ascii_digits(text)
    return bool(_CITATION_SIGN.search(text)) or len(re.findall(r"[,،]", text)) >= 2


def _take_headed_block(block: list[_Line]) -> None:
    """Under a heading, numbered lines are references when most of them look like citations
    (so that a subhead «المصادر» over a list of energy sources stays article text)."""
    heading, rest = block[0], [entry for entry in block[1:] if _is_reference_or_link(entry)]
    if not rest or not (rest[0].footnote is not None or _REFERENCE_ITEM.match(rest[0].text)):
        return
    items: list[str] = []  # each reference with the link lines under it
    for entry in rest:
        if entry.footnote is not None or _REFERENCE_ITEM.match(entry.text):
            items.append(entry.text)
        else:
            items[-1] += " " + entry.text
    if sum(_looks_like_citation(item) for item in items) * 2 <= len(items):
        return
    heading.reason = "reference list heading (shown as the footnotes)"
    _take_items(rest)


def _take_unheaded_block(block: list[_Line], markers: set[tuple[str, int]]) -> None:
    """Without a heading, Arabic-language lines are references only when they are ``[n]`` or
    ``(n)`` lines numbered one after the other, most of them marked in the body."""
    rest = [entry for entry in block if _is_reference_or_link(entry)]
    # Link lines with no reference above them stay as they are.
    while rest and rest[0].footnote is None and not _REFERENCE_ITEM.match(rest[0].text):
        rest.pop(0)
    numbers: list[int] = []
    marked = 0
    for entry in rest:
        if entry.footnote is not None or not entry.body:
            continue
        item = _REFERENCE_ITEM.match(entry.text)
        if item is None:
            continue
        style = "bracket" if item.group("bracket") else "paren" if item.group("paren") else None
        number = number_key(_item_number(item))
        if style is None or (numbers and number != numbers[-1] + 1):
            return
        numbers.append(number)
        marked += (style, number) in markers
    if numbers and marked * 2 <= len(numbers):
        return
    _take_items(rest)


def _item_number(item: re.Match[str]) -> str:
    return item.group("bracket") or item.group("paren") or item.group("plain")


def _take_items(entries: list[_Line]) -> None:
    """Make each numbered line a footnote and attach link lines to the footnote above."""
    current: _Line | None = None
    for entry in entries:
        if entry.footnote is not None:
            current = entry
            continue
        item = _REFERENCE_ITEM.match(entry.text) if entry.body else None
        if item is not None:
            text = item.group("text")
            entry.footnote = Footnote(_item_number(item), text, first_url(text))
            current = entry
        elif current is not None and current.footnote is not None:
            note = current.footnote
            text = f"{note.text} {entry.text}"
            current.footnote = replace(note, text=text, url=note.url or first_url(entry.text))
            entry.reason = None
            entry.absorbed = True


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
