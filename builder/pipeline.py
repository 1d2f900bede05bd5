"""The whole builder: read -> clean -> extract -> resolve -> render -> index -> write.

``build()`` is what the CLI and the MkDocs plugin both call. A source that fails to read
becomes a :class:`~builder.model.Problem` and the other briefs still build.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from .analyse import Analysed, ExtractionCache, Progress, analyse, extraction_cache
from .config import BuildConfig
from .home import home_sections
from .incremental import BuildMemo, KeptPage
from .index import LANGS, index_pages
from .knowledge import Knowledge, load_knowledge
from .model import Brief, BuildResult, Entity, Page, Problem
from .publish import site_files
from .read import discover
from .record import brief_record
from .render import record_front_matter, render_brief
from .resolve import resolve
from .search import brief_search
from .write import write_pages


def display_path(path: Path, config: BuildConfig) -> str:
    """How messages name a source: relative to the project (``briefs/x.txt``)."""
    try:
        return path.resolve().relative_to(config.briefs_dir.resolve().parent).as_posix()
    except ValueError:
        return str(path)


def _records(briefs: tuple[Brief, ...], knowledge: Knowledge) -> list[dict[str, Any]]:
    return [brief_record(brief.doc, brief.extraction, knowledge, brief.related) for brief in briefs]


def _pages(
    briefs: tuple[Brief, ...],
    records: list[dict[str, Any]],
    entities: tuple[Entity, ...],
    knowledge: Knowledge,
    memo: BuildMemo | None = None,
    docs_dir: Path | None = None,
) -> Iterator[Page | KeptPage]:
    """Every generated page, one at a time; with ``memo``, pages whose inputs did not change
    since the last build are :class:`KeptPage` markers."""
    titles = {
        record["slug"]: {"ar": record["title"]["ar"], "en": record["title"]["en"]}
        for record in records
    }

    def brief_pages(brief: Brief, record: dict[str, Any]) -> Iterator[Page]:
        record_yaml = record_front_matter(record)
        for lang in LANGS:
            search = brief_search(record, knowledge, lang)
            yield render_brief(brief, record, lang, titles, search, record_yaml)

    cached = None
    if memo is not None and docs_dir is not None:
        cached = partial(memo.pages, docs_dir=docs_dir)
    for brief, record in zip(briefs, records, strict=True):
        render = partial(brief_pages, brief, record)
        if cached is None:
            yield from render()
            continue
        # A brief's pages show its own record and the titles of its related briefs.
        shown = tuple((r.slug, titles[r.slug]["ar"], titles[r.slug]["en"]) for r in brief.related)
        yield from cached(
            ("brief", brief.doc.source.slug), (brief.doc, brief.related, shown), render
        )
    yield from index_pages(records, entities, knowledge, cached)


def _result(
    briefs: tuple[Brief, ...],
    entities: tuple[Entity, ...],
    records: list[dict[str, Any]],
    knowledge: Knowledge,
    site_url: str,
) -> BuildResult:
    topic_names = {topic.id: {"ar": topic.ar, "en": topic.en} for topic in knowledge.topics}
    return BuildResult(
        briefs=briefs,
        entities=entities,
        site_files=tuple(site_files(records, entities, site_url)),
        home=tuple((lang, home_sections(records, entities, lang, topic_names)) for lang in LANGS),
        records=tuple(records),
    )


def generate(
    analysed: list[Analysed], knowledge: Knowledge, site_url: str = ""
) -> tuple[BuildResult, list[dict[str, Any]]]:
    """Resolve the corpus and render every page, in memory (pure; for tests and tools)."""
    briefs, entities = resolve(analysed)
    records = _records(briefs, knowledge)
    pages = tuple(_pages(briefs, records, entities, knowledge))
    result = _result(briefs, entities, records, knowledge, site_url)
    return replace(result, pages=pages, page_count=len(pages)), records


def _duplicate_slugs(paths: list[Path], config: BuildConfig) -> tuple[list[Path], list[Problem]]:
    from .read import slug_for

    seen: dict[str, Path] = {}
    kept, problems = [], []
    for path in paths:
        slug = slug_for(path)
        if slug in seen:
            problems.append(
                Problem(
                    display_path(path, config),
                    None,
                    f"same page slug {slug!r} as {display_path(seen[slug], config)}; "
                    "rename one of them (this one is skipped)",
                )
            )
            continue
        seen[slug] = path
        kept.append(path)
    return kept, problems


def analyse_sources(
    config: BuildConfig,
    paths: list[Path],
    knowledge: Knowledge,
    *,
    progress: Progress | None = None,
    cache: ExtractionCache | None = None,
) -> tuple[list[Analysed], list[Problem]]:
    """:func:`~builder.analyse.analyse` with the configuration's workers and data, messages
    naming sources relative to the project; ``cache`` defaults to the configuration's."""
    return analyse(
        paths,
        knowledge,
        lambda path: display_path(path, config),
        cache=cache if cache is not None else extraction_cache(config),
        data_dirs=config.data_dirs,
        workers=config.workers,
        progress=progress,
    )


def read_corpus(
    config: BuildConfig, *, progress: Progress | None = None
) -> tuple[tuple[Brief, ...], list[dict[str, Any]], list[Problem]]:
    """The briefs of ``config.briefs_dir``, resolved, with their records, without writing any
    page (for ``briefing pdf``); sources that fail to read are problems."""
    knowledge = load_knowledge(config.data_dirs)
    paths, problems = _duplicate_slugs(discover(config.briefs_dir), config)
    analysed, read_problems = analyse_sources(config, paths, knowledge, progress=progress)
    briefs, _ = resolve(analysed)
    return briefs, _records(briefs, knowledge), problems + read_problems


def build(
    config: BuildConfig, *, progress: Progress | None = None, memo: BuildMemo | None = None
) -> BuildResult:
    """Build every brief in ``config.briefs_dir`` and write the generated pages.

    A long-lived caller (``mkdocs serve``) passes the same ``memo`` to every build, so that
    a rebuild redoes only what changed (see ``builder.incremental``)."""
    knowledge = load_knowledge(config.data_dirs)
    if memo is not None:
        memo.start(knowledge)
    paths, problems = _duplicate_slugs(discover(config.briefs_dir), config)
    cache = extraction_cache(config, memo.analysed if memo is not None else None)
    analysed, read_problems = analyse_sources(
        config, paths, knowledge, progress=progress, cache=cache
    )
    if cache is not None:
        cache.prune()
    briefs, entities = resolve(analysed)
    records = _records(briefs, knowledge)
    written, removed, page_count = write_pages(
        _pages(briefs, records, entities, knowledge, memo, config.docs_dir), config.docs_dir
    )
    if memo is not None:
        memo.finish(config.docs_dir)
    return replace(
        _result(briefs, entities, records, knowledge, config.site_url),
        page_count=page_count,
        problems=tuple(problems + read_problems),
        written=tuple(written),
        removed=tuple(removed),
    )
