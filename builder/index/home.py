"""The generated part of the home page: latest briefs, most mentioned actors, topics.

The home page itself (``docs/index.md``, ``docs/index.en.md``) is hand-written and never
touched: where it has the marker ``<!-- briefing:home -->`` the plugin puts these sections
when MkDocs renders it. The latest briefs are listed as in the lists of briefs (date and
outlet), with the editor's English summary under each on the English page. "This month" is
the month of the newest brief whose month is known, not the calendar month of the build, so
the same briefs give the same home page on any day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from builder.index.entities import entity_ref
from builder.index.entries import brief_item, date_of
from builder.links import entity_link
from builder.model import BriefRecord, Entity, EntityKind
from builder.render import markup
from builder.render.dates import date_text
from builder.render.labels import label
from builder.render.markup import Lang
from builder.render.plurals import count_text
from builder.resolve.record import newest_briefs

HOME_MARKER = "<!-- briefing:home -->"
LATEST_BRIEFS = 10
TOP_ACTORS = 10


def home_sections(
    records: list[BriefRecord],
    entities: tuple[Entity, ...],
    lang: Lang,
    topic_names: Mapping[str, Mapping[Lang, str]],
) -> str:
    """Markdown for the home page of one language (links relative to ``docs/``);
    ``topic_names`` are the topics' names in both languages, by id."""
    newest = newest_briefs(records)
    lines = [f"## {label('latest_briefs', lang)}", ""]
    for record in newest[:LATEST_BRIEFS]:
        lines += brief_item(record, lang).render(".")
        if lang == "en" and record["summary_en"]:
            lines += ["", f"    {markup.text(' '.join(record['summary_en'].split()))}", ""]
    if not newest:
        lines.append(f"*{label('none', lang)}*")
    lines += ["", markup.link(label("all_briefs", lang), "briefs/index.md"), ""]

    # A brief known only to its year has no month to name.
    month = next((date[:7] for date in map(date_of, newest) if len(date) >= 7), None)
    in_month = {r["slug"] for r in records if month and date_of(r)[:7] == month}
    counts: Counter[tuple[EntityKind, str]] = Counter()
    for entity in entities:
        if entity.kind == "country":
            continue  # countries are in nearly every brief: people and bodies say more
        briefs = (
            sum(1 for m in entity.mentions if m.slug in in_month) if month else len(entity.mentions)
        )
        if briefs:
            counts[(entity.kind, entity.id)] = briefs
    by_key = {(e.kind, e.id): e for e in entities}
    heading = (
        label("top_actors_month", lang).format(month=date_text(month, lang))
        if month
        else label("top_actors", lang)
    )
    lines += [f"## {markup.text(heading)}", ""]
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_ACTORS]
    for (kind, ident), briefs in ranked:
        entity = by_key[(kind, ident)]
        lines.append(
            f"- {entity_link(entity_ref(entity), kind, lang, '.')} — "
            + markup.text(count_text("brief", briefs, lang))
        )
    if not ranked:
        lines.append(f"*{label('none', lang)}*")
    lines.append("")

    topic_counts = Counter(t["id"] for r in records for t in r["topics"])
    lines += [f"## {label('topics', lang)}", ""]
    shown = [
        f"{markup.link(topic_names[topic_id][lang], f'topics/{topic_id}.md')} ({count})"
        for topic_id, count in sorted(topic_counts.items(), key=lambda item: (-item[1], item[0]))
        if topic_id in topic_names
    ]
    lines += [" · ".join(shown) if shown else f"*{label('none', lang)}*", ""]
    return "\n".join(lines)
