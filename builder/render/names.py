"""Names on generated pages: in the page's language, with the other language's form beside
them, for the brief pages and the index pages alike."""

from __future__ import annotations

from builder.model import OutletValue, SpeakerRecord
from builder.render import markup
from builder.render.labels import english_note, label
from builder.render.markup import Lang


def name_with_gloss(ar: str, en: str | None, provisional: bool, lang: Lang) -> str:
    """Escaped name in the page language, with the other language's form as a tagged gloss."""
    if lang == "ar":
        gloss = f" — {markup.span(en, 'en')}" if en else ""
        if en and provisional:
            gloss += f" {markup.note(label('romanized', 'ar'))}"
        return markup.text(ar) + gloss
    shown = en or ar
    note = f" {markup.note(label('romanized', 'en'))}" if provisional else ""
    return f"{markup.text(shown)}{note} ({markup.span(ar, 'ar')})"


def speaker_label(speaker: SpeakerRecord | None, lang: Lang) -> str:
    """Who said it, escaped: the name in the page language with the other form beside it
    (an Arabic name with no English one says so on English pages), or "unattributed"."""
    if speaker is None:
        return markup.text(label("unknown_speaker", lang))
    if lang == "ar":
        # A description («مسؤول دفاعي أميركي») is shown as the text words it; only a named
        # speaker (a person, body or country of the brief) has an English name beside it.
        shown = markup.text(speaker_arabic(speaker))
        if speaker["en"] and speaker["id"]:
            shown += f" — {markup.span(speaker['en'], 'en')}"
        return shown
    if speaker["en"]:
        words = english_note(speaker.get("en_source"), speaker["en_provisional"], "en")
        note = f" {markup.note(words)}" if words else ""
        return f"{markup.text(speaker['en'])}{note} ({markup.span(speaker_arabic(speaker), 'ar')})"
    return f"{markup.span(speaker_arabic(speaker), 'ar')} {markup.note(label('no_english', 'en'))}"


def speaker_arabic(speaker: SpeakerRecord) -> str:
    """A speaker's Arabic words as a label: without the comma or colon the text put after
    them («أشخاص وصفتهم بالمطلعين،»)."""
    return speaker["ar"].strip().rstrip("،,:؛;.").strip() or speaker["ar"]


def outlet_name(outlet: OutletValue, lang: Lang) -> str | None:
    """The outlet's name, escaped, with its name in the other language beside it when the
    outlets data knows its English name; None otherwise (the value is shown as it is)."""
    en, ar = outlet.get("en"), outlet["value"]
    return name_with_gloss(ar, en, False, lang) if en and ar else None
