"""Direct quotes: speech in quotation marks «», “”, "" (or reversed ”“).

Quotation marks also enclose names and titles (صحيفة «...», معاهدة "..."), designators
(«دي إف-5 سي») and the source of «نقلت "..." عن»; only quoted *speech* is a direct quote.
"""

from __future__ import annotations

import re

from builder.arabic import fold
from builder.extract.matcher import phrase_key
from builder.extract.quotes.speakers import form_keys
from builder.model import ActorMention

QUOTE_MARKS = re.compile(
    r"«([^«»]{2,1500})»|“([^“”]{2,1500})”|”([^“”]{2,1500})“|\"([^\"]{2,1500})\""
)

_NAMING_NOUNS = {
    fold(word)
    for word in [
        "صحيفة", "وكالة", "مجلة", "قناة", "موقع", "شبكة", "معاهدة", "اتفاقية", "اتفاق",
        "منظومة", "نظام", "صاروخ", "عملية", "مناورات", "مناورة", "تدريبات", "برنامج", "مشروع",
        "مبادرة", "خطة", "باسم", "بعنوان", "عنوان", "كتاب", "تقرير", "مجموعة", "حركة", "حزب",
        "منظمة", "تحالف", "مؤتمر", "منتدى", "قمة",
    ]
}  # fmt: skip
"""Nouns a quoted name follows: «صحيفة "..."», «تعرف باسم "..."»."""


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph; a full stop inside a quotation does not end one."""
    sentences, depth, start, straight = [], 0, 0, False
    for index, char in enumerate(paragraph):
        if char in "«“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif char == '"':
            straight = not straight
        elif (
            char in ".!؟?"
            and depth == 0
            and not straight
            and (index + 1 == len(paragraph) or paragraph[index + 1].isspace())
        ):
            sentences.append(paragraph[start : index + 1].strip())
            start = index + 1
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def inner(mark: re.Match[str]) -> str:
    """The text between the quotation marks."""
    return next(group for group in mark.groups() if group is not None).strip()


def is_speech(
    mark: re.Match[str],
    sentence: str = "",
    actors: tuple[ActorMention, ...] = (),
    min_words: int = 3,
) -> bool:
    """Quoted speech rather than a quoted name or title: ``min_words`` words or more, not
    right after a naming noun (صحيفة "...", معاهدة "...", تعرف باسم "..."), not the name
    of an actor, and not the source of «نقلت "..." عن»."""
    quoted = inner(mark)
    if len(quoted.split()) < min_words:
        return False
    if len(quoted.split()) <= 4 and re.search(r"\w-?[0-9٠-٩]", quoted):
        return False  # a designator such as «دي إف-5 سي», not words
    if re.match(r"\s*عن\s", sentence[mark.end() :]):
        return False
    key = phrase_key(quoted)
    if any(key in form_keys(actor) for actor in actors):
        return False
    before = sentence[: mark.start()].split()
    if before:
        last = fold(before[-1]).removeprefix("و")
        if last in _NAMING_NOUNS or last.removeprefix("ب").removeprefix("ل") in _NAMING_NOUNS:
            return False
    return True


def opens_content(mark: re.Match[str], sentence: str, start: int) -> bool:
    """A direct quote within the first three words of reported content («إن الصين “ستفكر
    ...”», «أنها تمثل "خطوة أولية" نحو ...») is the statement itself: one quote, not two."""
    return mark.start() >= start and len(sentence[start : mark.start()].split()) <= 3
