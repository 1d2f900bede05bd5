"""Who said what on a brief page: quotes grouped by speaker, each statement given once.

The grouping and the merging of a quote into the statement holding it are
:mod:`builder.resolve.statements`'; this module writes them: a heading per speaker (the name
in the page's language, the other language's form and the number of statements under it),
then each statement as a block of the article's Arabic words with small tags saying whether
the text quotes it directly, reports it, or both («مباشر»، «منقول»).
"""

from __future__ import annotations

from builder.model import QuoteKind, QuoteRecord, SpeakerRecord
from builder.render import markup
from builder.render.labels import english_note, label
from builder.render.markup import Lang
from builder.render.names import speaker_arabic
from builder.render.plurals import count_text
from builder.resolve.statements import Statement, group_by_speaker


def kind_tags(kinds: tuple[QuoteKind, ...], lang: Lang) -> str:
    """The small tags saying how the text gives a statement: «مباشر», «منقول» (direct,
    reported); kept out of the search index."""
    return " ".join(
        f'<span class="brief-quote-kind brief-quote-kind--{kind}" data-pagefind-ignore>'
        f"{markup.text(label(kind, lang))}</span>"
        for kind in kinds
    )


def statement_html(statement: Statement, lang: Lang) -> str:
    """A statement as an HTML block: its kind tags, then the Arabic words (a direct quote in
    «» marks), declared Arabic on either page: they are the article's own words."""
    words = markup.text(statement.text)
    if statement.kinds[0] == "direct":
        words = f"«{words}»"
    tags = kind_tags(statement.kinds, lang)
    return (
        f'<blockquote class="brief-quote">\n'
        f'<p class="brief-quote-tags">{tags}</p>\n'
        f'<p lang="ar" dir="rtl">{words}</p>\n'
        "</blockquote>"
    )


def speaker_heading(speaker: SpeakerRecord | None, lang: Lang) -> str:
    """A speaker as a plain heading, not escaped: the name in the page language when there
    is one (a heading's markup is lost in the table of contents, so the other language's
    form goes under it, see :func:`speaker_gloss`)."""
    if speaker is None:
        return label("unknown_speaker", lang)
    if lang == "en" and speaker["en"]:
        # A description starts a heading: "Senior American official (unnamed)".
        return speaker["en"][:1].upper() + speaker["en"][1:]
    return speaker_arabic(speaker)


def speaker_gloss(speaker: SpeakerRecord | None, lang: Lang) -> str:
    """What goes under a speaker's heading, escaped: the name in the other language (on
    Arabic pages, only a named speaker's: a description has no English there), with a note
    on where a provisional English name comes from."""
    if speaker is None:
        return ""
    words = english_note(speaker.get("en_source"), speaker["en_provisional"], lang)
    note = f" {markup.note(words)}" if words else ""
    if lang == "ar":
        return (
            f"{markup.span(speaker['en'], 'en')}{note}" if speaker["en"] and speaker["id"] else ""
        )
    if speaker["en"]:
        return f"{markup.span(speaker_arabic(speaker), 'ar')}{note}"
    return markup.note(label("no_english", "en"))


def quotes_section(quotes: list[QuoteRecord], lang: Lang) -> list[str]:
    """The brief page's quotes: a heading per speaker, their name in the other language and
    the number of their statements under it, and each statement once, tagged direct or
    reported."""
    out = [f"## {label('quotes', lang)}", ""]
    groups = group_by_speaker(quotes)
    if not groups:
        return [*out, f"*{label('none', lang)}*", ""]
    for group in groups:
        gloss = speaker_gloss(group.speaker, lang)
        count = markup.text(count_text("statement", len(group.statements), lang))
        out += [
            f"### {markup.text(speaker_heading(group.speaker, lang))}",
            "",
            f'<p class="brief-quote-speaker" data-pagefind-ignore="all">'
            f"{gloss + ' · ' if gloss else ''}{count}</p>",
            "",
        ]
        for statement in group.statements:
            out += [statement_html(statement, lang), ""]
    return out
