"""Where generated pages and files are, and the links between them, for every stage.

Pages live under ``docs/`` in the suffix layout of mkdocs-static-i18n (``briefs/<slug>.md``
is Arabic, ``briefs/<slug>.en.md`` English, served under ``/en/``); a link from one
generated page to another names the target's Markdown file relative to the linking page,
and MkDocs turns it into the page's URL. The PDFs (``builder.pdf``) are files of the built
site, in :data:`PDF_DIR`.
"""

from __future__ import annotations

from typing import TypedDict

from builder.model import BriefRecord, EnglishSource, EntityKind
from builder.render import markup
from builder.render.labels import english_note
from builder.render.markup import Lang

ENTITY_FOLDERS: dict[EntityKind, str] = {
    "person": "people",
    "organization": "organizations",
    "country": "countries",
}
"""The folder under ``docs/`` of each kind of entity's pages."""

PDF_DIR = "pdf"
"""Folder of the PDFs under the site root."""


def page_path(folder: str, name: str, lang: Lang) -> str:
    """Path under ``docs/`` of a generated page in a language (suffix layout)."""
    return f"{folder}/{name}.md" if lang == "ar" else f"{folder}/{name}.en.md"


def page_url(site_url: str, lang: Lang, path: str) -> str:
    """URL of a site path (``briefs/x/``) in a language, absolute when the site URL is known."""
    prefix = "" if lang == "ar" else "en/"
    return f"{site_url.rstrip('/')}/{prefix}{path}" if site_url else f"/{prefix}{path}"


def pdf_name(slug: str, lang: Lang) -> str:
    """The file name of a brief's PDF in ``lang`` (``<slug>.ar.pdf``, ``<slug>.en.pdf``)."""
    return f"{slug}.{lang}.pdf"


class EntityRef(TypedDict):
    """What :func:`entity_link` needs of an entity: an actor of a brief record, or an entity
    of the corpus (``builder.index.entities.entity_ref``)."""

    id: str
    """The entity's page id."""
    ar: str
    """Its Arabic name."""
    en: str
    """Its English name."""
    en_provisional: bool
    """True when ``en`` is not an established English name."""
    en_source: EnglishSource
    """Where ``en`` comes from (the note beside it, :func:`~builder.render.labels.english_note`)."""


def entity_page(kind: EntityKind, ident: str, root: str = "..") -> str:
    """The Markdown file of an entity's page, from a page ``root`` below ``docs/``."""
    return f"{root}/{ENTITY_FOLDERS[kind]}/{ident}.md"


def entity_link(item: EntityRef, kind: EntityKind, lang: Lang, depth: str = "..") -> str:
    """Link to an entity page from a page ``depth`` below ``docs/`` (``..`` from a page one
    folder deep), with a gloss in the other language."""
    target = entity_page(kind, item["id"], depth)
    if lang == "ar":
        shown = markup.link(item["ar"], target)
        gloss = f" — {markup.span(item['en'], 'en')}"
        words = english_note(item.get("en_source"), item["en_provisional"], "ar")
        if words:
            gloss += f" {markup.note(words)}"
        return shown + gloss
    words = english_note(item.get("en_source"), item["en_provisional"], "en")
    note = f" {markup.note(words)}" if words else ""
    return f"{markup.link(item['en'], target)}{note} ({markup.span(item['ar'], 'ar')})"


def brief_link(record: BriefRecord, lang: Lang, root: str = "..") -> str:
    """Link to a brief from a page ``root`` below ``docs/``, with its Arabic title on English
    pages. A list of briefs is not the listing page's own text: search finds the briefs
    themselves (attr_list puts the ignore attribute on the link)."""
    title = record["title"]["ar"] if lang == "ar" else record["title"]["en"]
    target = f"{root}/briefs/{record['slug']}.md"
    shown = markup.link(title, target) + '{ data-pagefind-ignore="all" }'
    if lang == "en":
        shown += f" ({markup.span(record['title']['ar'], 'ar')})"
    return shown
