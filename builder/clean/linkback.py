"""Link-back lines: «رابط الخبر بصحيفة الوئام: <headline>» at the end of an article.

Aggregators and outlets' syndication feeds append a line pointing back to the original story,
often glued to the last paragraph. It names the outlet and repeats the headline: neither is
article text (the outlet would read as an organization the article mentions).
"""

from __future__ import annotations

import re

_LINK_BACK = re.compile(
    r"(?:^|\s)(?:رابط|لينك)\s+(?:الخبر|المقال|الموضوع|المادة|التقرير|القصة)"
    r"(?:\s+(?:الأصلي|الاصلي))?\s*(?:ب|في|على|من)?\s*(?:صحيفة|جريدة|موقع)?[^:：\n]{0,40}[:：]"
)


def split_link_back(line: str) -> tuple[str, str | None]:
    """(the line without its link-back tail, the tail) — the tail is None when there is none."""
    found = _LINK_BACK.search(line)
    if found is None:
        return line, None
    return line[: found.start()].rstrip(), line[found.start() :].strip()
