"""The «Source and processing» section at the end of a brief page, collapsed: where the
brief's text comes from (file, encoding, checksum) and what cleaning did to it (characters
normalized, lines of page furniture removed). It is about the file, not the article, so
it stays out of the reader's way and out of the search index; the outlet, the date, the
author and the original link stay at the top of the page."""

from __future__ import annotations

from builder.model import BriefRecord
from builder.render import markup
from builder.render.labels import label, removal_note, source_notes
from builder.render.markup import Lang
from builder.render.plurals import count_text


def provenance_section(record: BriefRecord, lang: Lang) -> list[str]:
    """The collapsed section (a Material ``???`` block), Markdown lines."""
    title = label("processing", lang).replace('"', "'")
    lines = [f'??? info "{title}"', ""]
    items = [
        f"{markup.field(label('file', lang))} <code>{markup.text(record['file'])}</code>",
        *(
            f"{markup.field(name)} <span>{markup.text(value)}</span>"
            for name, value in source_notes(record, lang)
        ),
        f"{markup.field(label('checksum', lang))} <code>{markup.text(record['checksum'])}</code>",
    ]
    lines += [f"    - {item}" for item in items]
    if record["removed"]:
        count = count_text("line", len(record["removed"]), lang)
        lines.append(f"    - {markup.field(label('removed', lang))} {markup.text(count)}")
        for removal in record["removed"]:
            note = removal_note(removal["reason"], removal["line"], lang)
            lines.append(
                f"        - {markup.span(removal['text'], 'ar')} — "
                f"<small>{markup.text(note)}</small>"
            )
    return markup.unindexed([*lines, ""])
