"""Site stage, search: what each page tells Pagefind, and the search box's settings (the
index is made by ``builder.search.indexing``).

Pagefind indexes the built HTML. Each brief and entity page carries a ``search`` entry in
its front matter (made here); the theme (``overrides/main.html``) turns it into Pagefind's
``data-pagefind-*`` attributes: the page type, the filters shown in the results panel
(actor, country, topic, outlet, year), the date results sort by, and the metadata that
results show (publication date, outlet) and that search matches without showing it in
excerpts (the names of the page's actors in every spelling, so «ترمب» finds a brief that
writes «ترامب»; the names of an entity, so its page comes first for its name).

What is indexed as a page's text is what an excerpt should quote: on a brief page its
title, the article and its English summary or fact sheet; on an entity page its name and
roles. Lists of names, tables of dates and figures, counts and labels are not (they are
``data-pagefind-ignore`` where rendered, or left out by ``indexing.UNINDEXED``): in excerpts
they read as name lists.

Pagefind splits its index by the ``lang`` of each page, so the Arabic and English sites get
an index each, searched from pages of their own language.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NotRequired, TypedDict

from babel.dates import get_month_names

from builder.knowledge import Knowledge
from builder.model import ActorRecord, BriefRecord, Entity, TopicRecord, period_of
from builder.render.dates import date_text
from builder.render.markup import Lang

SEARCH_BUNDLE = "pagefind"
"""Folder of the search bundle, under the site root (shared by both languages)."""


class SearchEntry(TypedDict):
    """The ``search`` entry of a page's front matter, which the theme turns into Pagefind's
    attributes."""

    filters: dict[str, list[str]]
    """Filter values by filter name (``type``, ``actor`` ...; see :data:`FILTERS`)."""
    date: NotRequired[str]
    """The date results sort by (ISO), when the page has one."""
    meta: NotRequired[dict[str, str]]
    """Pagefind metadata by field (see :data:`META_WEIGHTS`): shown in results
    (``published``, ``outlet``, an entity's ``last_seen``) or only searched (``actors``,
    ``topics``, ``names``)."""


PROMINENCE_TIERS = tuple(2**power for power in range(1, 15))
"""An entity named in at least 2, 4, 8 ... briefs has its names in a metadata field per
tier reached (``briefs_2``, ``briefs_4`` ...): among the pages a name matches equally
(every «Saleh», «الحوثي» the person and the movement), the one the briefs name most comes
first. Pagefind has no per-page boost; each field matched adds to the score."""

META_WEIGHTS: dict[str, float] = {
    # An entity page's names in every spelling and both scripts: the page of the name typed
    # comes before the briefs that mention it (the title, its main name, weighs 5).
    "names": 10.0,
    **{f"briefs_{tier}": 1.0 for tier in PROMINENCE_TIERS},
    # The actors, topics and terms of a brief: matched, but the article's own words rank.
    "actors": 1.0,
    "topics": 0.5,
    "outlet": 0.5,
    # Shown only: a month's name typed finds its briefs last, after those that say it.
    "published": 0.0,
    "last_seen": 0.0,
}
"""Pagefind's ``ranking.metaWeights``: how much a query's words found in a metadata field
raise a page (Pagefind 1.5 searches metadata; the title's default weight is 5, any other
field's 1)."""


class UiContext(TypedDict):
    """What the search box template needs (:func:`ui_context`)."""

    labels: dict[str, str]
    """Its wording in the page language, by key."""
    config_json: str
    """The JSON its script reads: bundle, site root, filters, ranking and labels."""


def _name(item: ActorRecord | TopicRecord, lang: Lang) -> str:
    return item["ar"] if lang == "ar" else item["en"]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _words(values: list[str]) -> str:
    """Names as one metadata value: searched word by word, never shown."""
    return " · ".join(_unique(values))


def result_date(value: str, lang: Lang) -> str:
    """A date as a search result shows it: «21 يونيو 2024», "21 June 2024"; a month or a
    year known alone as the pages show it («يوليو 2012», "2025")."""
    period = period_of(value)
    if period is None or period.day is None or period.month is None:
        return date_text(value, lang)
    month = get_month_names("wide", locale=lang)[period.month]
    return f"{period.day.day} {month} {period.year}"


def _shown_meta(published: str | None, outlet: str | None, lang: Lang) -> dict[str, str]:
    meta = {"published": result_date(published, lang)} if published else {}
    if outlet:
        meta["outlet"] = outlet
    return meta


def brief_search(record: BriefRecord, knowledge: Knowledge, lang: Lang) -> SearchEntry:
    """The ``search`` front-matter entry of a brief page in ``lang``."""
    published = record["published"]["value"]
    actors = [_name(item, lang) for item in (*record["people"], *record["organizations"])]
    outlet = record["outlet"]["value"] or ""
    filters = {
        "type": [_type_label("brief", lang)],
        "actor": _unique(actors),
        "country": _unique([_name(item, lang) for item in record["countries"]]),
        "topic": _unique([_name(item, lang) for item in record["topics"]]),
        "outlet": _unique([outlet]),
        "year": _unique([published[:4] if published else ""]),
    }
    entry: SearchEntry = {"filters": {key: value for key, value in filters.items() if value}}
    if published:
        entry["date"] = published
    shown_outlet = (record["outlet"].get("en") or outlet) if lang == "en" else outlet
    meta = _shown_meta(published, shown_outlet, lang)
    spellings = _variants(record, knowledge) if lang == "ar" else []
    named = [*actors, *spellings]
    if lang == "ar":
        named += [form for item in record["people"] for form in item["forms"]]
        named += [form for item in record["organizations"] for form in item["forms"]]
    if named:
        meta["actors"] = _words(named)
    terms = [term["ar"] if lang == "ar" else term["en"] for term in record["terms"]]
    if filters["topic"] or terms:
        meta["topics"] = _words([*filters["topic"], *terms])
    if meta:
        entry["meta"] = meta
    return entry


def entity_search(
    entity: Entity, knowledge: Knowledge, lang: Lang, latest: str | None
) -> SearchEntry:
    """The ``search`` front-matter entry of a person, organization or country page;
    ``latest`` is the publication date of the newest brief that mentions it."""
    entry: SearchEntry = {"filters": {"type": [_type_label(entity.kind, lang)]}}
    if latest:
        entry["date"] = latest
    english = [entity.en, *(name for name, _ in entity.english_variants)]
    if lang == "ar":
        known = knowledge.spellings.get(entity.id, ())
        arabic = _unique([entity.ar, *entity.forms, *known])
        names = _words([*arabic, *english, " ".join(_typed_forms(arabic))])
    else:
        names = _words(english)
    entry["meta"] = {"names": names}
    briefs = len(entity.mentions)
    entry["meta"].update({f"briefs_{tier}": names for tier in PROMINENCE_TIERS if briefs >= tier})
    if latest:
        entry["meta"]["last_seen"] = result_date(latest, lang)
    return entry


_ARTICLE = re.compile(
    "^(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)(.{3,})$"
)
_OTHER_PREFIX = re.compile(
    "^(?:[\u0648\u0641\u0628\u0643\u0644]|\u0633[\u0627\u064a\u062a\u0646]|[\u064a\u0646\u062a]\u0633\u062a)"
)


def _typed_forms(names: list[str]) -> list[str]:
    """The words of ``names`` as search.js looks them up: without the article ال (and a
    clitic before it) when the script drops it from a typed word (its ``withoutArticle``:
    three letters or more left, not starting with another prefix the stemmer would strip).
    Pagefind stems the page text but matches metadata words as they are: «الحوثيين» typed
    is looked up as «حوثيين», which only this form of the names matches."""
    found = []
    for word in " ".join(names).split():
        match = _ARTICLE.match(word)
        if match and not _OTHER_PREFIX.match(match.group(1)):
            found.append(match.group(1))
    return _unique(found)


def topic_search(lang: Lang) -> SearchEntry:
    """The ``search`` front-matter entry of a topic page."""
    return {"filters": {"type": [_type_label("topic", lang)]}}


_TYPE_LABELS = {
    "brief": ("موجز", "brief"),
    "person": ("شخص", "person"),
    "organization": ("منظمة", "organization"),
    "country": ("دولة", "country"),
    "topic": ("موضوع", "topic"),
}


def _type_label(kind: str, lang: Lang) -> str:
    arabic, english = _TYPE_LABELS[kind]
    return arabic if lang == "ar" else english


def _variants(record: BriefRecord, knowledge: Knowledge) -> list[str]:
    """Gazetteer spellings of the brief's people and organizations that the text itself
    does not use."""
    known = knowledge.spellings
    found = []
    for item in (*record["people"], *record["organizations"]):
        written = {item["ar"], *item["forms"]}
        found += [form for form in known.get(item["id"], ()) if form not in written]
    return _unique(found)


_UI_LABELS: dict[str, tuple[str, str]] = {
    "open": ("البحث في الموجزات", "Search the briefs"),
    "placeholder": ("ابحث", "Search"),
    "reset": ("مسح", "Clear"),
    "initial": ("اكتب للبحث", "Type to search"),
    "more": ("نتائج أخرى", "More results"),
    "none": ("لا نتائج", "No matching pages"),
    # The count's wording by CLDR plural category of the number (Intl.PluralRules in the
    # script): Arabic 1 نتيجة واحدة, 2 نتيجتان, 3–10 نتائج, 11–99 نتيجة, 100 نتيجة.
    "count_one": ("نتيجة واحدة", "1 matching page"),
    "count_two": ("نتيجتان", "{n} matching pages"),
    "count_few": ("{n} نتائج", "{n} matching pages"),
    "count_many": ("{n} نتيجة", "{n} matching pages"),
    "count_other": ("{n} نتيجة", "{n} matching pages"),
    "last_seen": ("آخر ظهور", "last seen"),
    "all": ("الكل", "all"),
    "sort": ("الترتيب", "Sort"),
    "refine": ("تصفية وترتيب", "Filter and sort"),
    "relevance": ("الأكثر صلة", "most relevant"),
    "newest": ("الأحدث أولا", "newest first"),
    "oldest": ("الأقدم أولا", "oldest first"),
    "error": ("تعذر تحميل فهرس البحث", "The search index could not be loaded"),
    "type": ("النوع", "Type"),
    "actor": ("الفاعل", "Actor"),
    "country": ("الدولة", "Country"),
    "topic": ("الموضوع", "Topic"),
    "outlet": ("الوسيلة", "Outlet"),
    "year": ("السنة", "Year"),
}
RANKING = {
    # Briefs are long and entity pages short: a weak length penalty keeps a brief that is
    # about the query above a short page that only names it once.
    "pageLength": 0.2,
    "metaWeights": META_WEIGHTS,
}
"""Pagefind's ranking options, as the search script passes them to ``pagefind.options``."""
FILTERS = ("type", "actor", "country", "topic", "outlet", "year")
"""The filters of the results panel, in the order shown."""


@lru_cache(maxsize=64)
def ui_context(lang: Lang, bundle_url: str, root_url: str) -> UiContext:
    """What the search box template needs: its labels and the JSON its script reads.
    ``bundle_url`` is the search bundle and ``root_url`` the site root, relative to the page.
    Cached: every page at the same depth shares one (read-only) context."""
    labels = {key: pair[0] if lang == "ar" else pair[1] for key, pair in _UI_LABELS.items()}
    config = {
        "bundle": bundle_url,
        "root": root_url,
        "filters": FILTERS,
        "labels": labels,
        "ranking": RANKING,
    }
    # Inside <script>, "</" would end the element: JSON allows "<\/" for it.
    config_json = json.dumps(config, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return {"labels": labels, "config_json": config_json}
