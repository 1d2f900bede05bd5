"""The bilingual terminology: each term of the data file and the briefs that use it."""

from __future__ import annotations

from collections import defaultdict

from builder.index.entries import BRIEFS_PER_PAGE, NOTHING_KEPT, Kept, brief_item, plain_page
from builder.index.pagination import paginate
from builder.knowledge import Knowledge
from builder.model import BriefRecord, Page
from builder.render import markup
from builder.render.labels import label
from builder.render.markup import Lang
from builder.resolve.corpus import hashed_slug
from builder.runtime.incremental import KeptPage

BRIEFS_IN_ROW = 3
"""Briefs named in a term's row of the terminology table (those using it most)."""


def terminology(
    records: list[BriefRecord], knowledge: Knowledge, lang: Lang, kept: Kept = NOTHING_KEPT
) -> list[Page | KeptPage]:
    """The bilingual terminology: each term of the data file, its translation, and the
    briefs that use it (most uses first)."""
    users: dict[str, list[tuple[int, BriefRecord]]] = defaultdict(list)
    for record in records:
        for used_term in record["terms"]:
            users[used_term["ar"]].append((used_term["count"], record))
    pages: list[Page | KeptPage] = []
    rows = [
        f"| {label('term_ar', lang)} | {label('term_en', lang)} | {label('briefs_count', lang)} "
        f"| {label('term_briefs', lang)} |",
        "| --- | --- | --- | --- |",
    ]
    terms = sorted(knowledge.terms, key=lambda t: (-len(users.get(t.ar, [])), t.en.lower()))
    for term in terms:
        used = users.get(term.ar, [])
        name = hashed_slug(term.en, term.ar, "term")
        shown_ar = markup.text(term.ar) if lang == "ar" else markup.span(term.ar, "ar")
        shown_en = markup.span(term.en, "en") if lang == "ar" else markup.text(term.en)
        if not used:
            rows.append(f"| {shown_ar} | {shown_en} | 0 | — |")
            continue
        ordered = [r for _, r in sorted(used, key=lambda u: (-u[0], u[1]["slug"]))]
        # The term itself links to its page (all its briefs); the row names the briefs that
        # use it most, each linked.
        page = f"{name}.md"
        row_ar = markup.link(term.ar, page) if lang == "ar" else shown_ar
        row_en = markup.link(term.en, page) if lang == "en" else shown_en
        briefs = " · ".join(
            markup.link(r["title"][lang], f"../briefs/{r['slug']}.md")
            for r in ordered[:BRIEFS_IN_ROW]
        )
        more = len(ordered) - BRIEFS_IN_ROW
        if more > 0:
            briefs += " · " + markup.link(label("term_more", lang).format(count=more), page)
        rows.append(f"| {row_ar} | {row_en} | {markup.link(str(len(used)), page)} | {briefs} |")
        title = term.ar if lang == "ar" else term.en
        head = [f"{shown_ar} — {shown_en}" if lang == "ar" else f"{shown_en} — {shown_ar}", ""]
        pages += paginate(
            "terms",
            name,
            lang,
            title,
            head,
            [brief_item(r, lang) for r in ordered],
            BRIEFS_PER_PAGE,
            cached=kept.pages,
        )
    intro = [markup.text(label("terminology_intro", lang)), ""]
    pages.append(plain_page("terms", "index", lang, label("terms_index", lang), intro + rows))
    return pages
