"""The whole builder: read -> clean -> extract -> resolve -> render -> index -> write.

``build()`` is what the CLI and the MkDocs plugin both call. A source that fails to read
becomes a :class:`~builder.model.Problem` and the other briefs still build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from builder.config import BuildConfig
from builder.index.home import home_sections
from builder.index.lists import LANGS
from builder.knowledge import Knowledge, load_knowledge
from builder.model import Brief, BriefRecord, BuildResult, Entity, Page, Problem
from builder.read.history import entry_times
from builder.read.sources import discover, plain_slug, slug_for
from builder.render.markup import Lang
from builder.resolve.corpus import resolve
from builder.resolve.record import brief_record
from builder.runtime import saved
from builder.runtime.analyse import (
    Analysed,
    ExtractionCache,
    Progress,
    analyse_each,
    extraction_cache,
    sort_out,
)
from builder.runtime.generated import generated_pages
from builder.runtime.incremental import BuildMemo, Reuse, no_reuse
from builder.write.exports import site_files
from builder.write.pages import WriteReport, write_pages


def display_path(path: Path, config: BuildConfig) -> str:
    """How messages name a source: relative to the project (``briefs/x.txt``)."""
    # The folder is resolved, not the file: a symbolic link is named as itself.
    try:
        absolute = _resolved_folder(path.parent) / path.name
        return absolute.relative_to(_resolved_folder(config.briefs_dir).parent).as_posix()
    except ValueError:
        return str(path)


@lru_cache(maxsize=256)
def _resolved_folder(folder: Path) -> Path:
    # Resolving the same few folders for every source was a tenth of a rebuild; the cache
    # is emptied at the start of every build, so a moved folder is seen.
    return folder.resolve()


def _records(
    briefs: tuple[Brief, ...], knowledge: Knowledge, memo: BuildMemo | None = None
) -> list[BriefRecord]:
    """Each brief's record; with ``memo``, the same object as last build's when the brief's
    analysed source and related briefs did not change (list entries are kept by it)."""
    if memo is None:
        return [brief_record(b.doc, b.extraction, knowledge, b.related) for b in briefs]
    return [
        memo.reuse(
            ("record", brief.doc.source.slug),
            (brief.extraction, brief.doc, brief.related),
            partial(brief_record, brief.doc, brief.extraction, knowledge, brief.related),
        )
        for brief in briefs
    ]


def _result(
    briefs: tuple[Brief, ...],
    entities: tuple[Entity, ...],
    records: list[BriefRecord],
    knowledge: Knowledge,
    site_url: str,
    reuse: Reuse = no_reuse,
    entered: Mapping[str, str] | None = None,
) -> BuildResult:
    topic_names: dict[str, dict[Lang, str]] = {
        topic.id: {"ar": topic.ar, "en": topic.en} for topic in knowledge.topics
    }
    return BuildResult(
        briefs=briefs,
        entities=entities,
        site_files=tuple(site_files(records, entities, site_url, reuse, entered)),
        home=tuple((lang, home_sections(records, entities, lang, topic_names)) for lang in LANGS),
        records=tuple(records),
    )


def generate(
    analysed: list[Analysed], knowledge: Knowledge, site_url: str = ""
) -> tuple[BuildResult, list[BriefRecord]]:
    """Resolve the corpus and render every page, in memory (pure; for tests and tools)."""
    briefs, entities = resolve(analysed)
    records = _records(briefs, knowledge)
    # Without a memo no page is kept from an earlier build: every one is rendered.
    pages = tuple(
        page
        for page in generated_pages(briefs, records, entities, knowledge)
        if isinstance(page, Page)
    )
    result = _result(briefs, entities, records, knowledge, site_url)
    return replace(result, pages=pages, page_count=len(pages)), records


def assign_slugs(paths: list[Path], config: BuildConfig) -> tuple[dict[str, str], list[Problem]]:
    """The page slug of every source (keyed by its display path), and a warning for each
    one not simply its file name: a reserved name (``index``), or the same slug as an
    earlier file (``a b.txt`` and ``a-b.txt``), which gets ``-2``, ``-3`` ... so that no
    brief is lost and none overwrites another."""
    slugs: dict[str, str] = {}
    owner: dict[str, str] = {}
    problems = []
    plain = {path: plain_slug(path) for path in paths}
    natural = {path: slug_for(path) for path in paths}
    taken = set(natural.values())
    for path in paths:
        display = display_path(path, config)
        slug = natural[path]
        if slug != plain[path]:
            problems.append(
                Problem(
                    display,
                    "slug",
                    f"{plain[path]!r} is a reserved page name; published as {slug!r}",
                    "warning",
                )
            )
        if slug in owner:
            number = 2
            while f"{slug}-{number}" in taken:
                number += 1
            new = f"{slug}-{number}"
            problems.append(
                Problem(
                    display,
                    "slug",
                    f"same page slug {slug!r} as {owner[slug]}; published as {new!r} "
                    "(rename one of the files to choose)",
                    "warning",
                )
            )
            slug = new
            taken.add(new)
        owner[slug] = display
        slugs[display] = slug
    return slugs, problems


def _with_slugs(analysed: list[Analysed], slugs: dict[str, str]) -> list[Analysed]:
    """The analysed sources with the slugs :func:`assign_slugs` gave them."""
    out = []
    for doc, extraction in analysed:
        slug = slugs.get(doc.source.file, doc.source.slug)
        if slug != doc.source.slug:
            doc = replace(doc, source=replace(doc.source, slug=slug))
        out.append((doc, extraction))
    return out


def _hand_written_problems(report: WriteReport, docs: str) -> list[Problem]:
    """A warning for each hand-written file the writer found in a generated folder."""
    move = "; move it out of the generated folders"
    return [
        Problem(f"{docs}/{path}", None, f"hand-written file left as it is{move}", "warning")
        for path in report.hand_written
    ] + [
        Problem(
            f"{docs}/{path}",
            None,
            f"a hand-written file is where a generated page goes: the page is not written{move}",
            "warning",
        )
        for path in report.blocked
    ]


def analyse_sources(
    config: BuildConfig,
    paths: list[Path],
    knowledge: Knowledge,
    *,
    progress: Progress | None = None,
    cache: ExtractionCache | None = None,
) -> tuple[list[Analysed], list[Problem]]:
    """The sources read as a build reads them (:func:`analyse_each_source`, named relative
    to the project), sorted into those with text and the problems
    (:func:`~builder.runtime.analyse.sort_out`)."""
    return sort_out(analyse_each_source(config, paths, knowledge, progress=progress, cache=cache))


def analyse_each_source(
    config: BuildConfig,
    paths: Sequence[Path],
    knowledge: Knowledge,
    *,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
    cache: ExtractionCache | None = None,
) -> list[Analysed | Problem]:
    """Each source's analysis, or the problem that stopped it, in the order of ``paths``,
    with the configuration's data and workers; named by ``names`` (default: relative to the
    project, :func:`display_path`), e.g. as a command was given them; ``cache`` defaults to
    the configuration's."""
    return analyse_each(
        paths,
        [display_path(path, config) for path in paths] if names is None else names,
        knowledge,
        cache=cache if cache is not None else extraction_cache(config),
        data_dirs=config.data_dirs,
        workers=config.workers,
        progress=progress,
    )


def read_corpus(
    config: BuildConfig, *, progress: Progress | None = None
) -> tuple[tuple[Brief, ...], list[BriefRecord], list[Problem]]:
    """The briefs of ``config.briefs_dir``, resolved, with their records, without writing any
    page (for ``briefing pdf``); sources that fail to read are problems."""
    knowledge = load_knowledge(config.data_dirs)
    paths = discover(config.briefs_dir)
    slugs, problems = assign_slugs(paths, config)
    analysed, read_problems = analyse_sources(config, paths, knowledge, progress=progress)
    briefs, _ = resolve(_with_slugs(analysed, slugs))
    return briefs, _records(briefs, knowledge), problems + read_problems


def _entry_times(
    records: list[BriefRecord], paths: list[Path], config: BuildConfig
) -> dict[str, str]:
    """When each undated brief entered the corpus, by source file (its place in the
    feeds; ``builder.read.history``); git and the first-seen record are read only when
    there is one."""
    undated = {record["file"] for record in records if record["published"]["value"] is None}
    if not undated:
        return {}
    by_name = {display_path(path, config): path for path in paths}
    sources = {name: by_name[name] for name in sorted(undated) if name in by_name}
    return entry_times(sources, config.first_seen)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. A build allocates millions of small objects
    (list entries, lines, records) and almost no reference cycles; each full collection walks
    the whole heap, the kept memo of ``mkdocs serve`` included, and took half of a
    rebuild's time at 1,000 briefs. Objects freed by reference counting are freed as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(
    config: BuildConfig,
    *,
    progress: Progress | None = None,
    memo: BuildMemo | None = None,
    save_memo: bool = False,
    save_in_background: bool = False,
) -> BuildResult:
    """Build every brief in ``config.briefs_dir`` and write the generated pages.

    A long-lived caller (``mkdocs serve``) passes the same ``memo`` to every build, so that
    a rebuild redoes only what changed (see ``builder.runtime.incremental``). A memo no
    build has used yet starts from the one the last process saved, when it is still valid;
    with ``save_memo`` this build's is saved for the next process (``builder.runtime.saved``,
    which needs the extraction cache: with ``cache_dir`` None nothing is read or saved), by
    a forked process with ``save_in_background`` (this one waits for it at exit)."""
    _resolved_folder.cache_clear()
    with _cyclic_gc_paused():
        result = _build(config, progress, memo)
        # A build that kept every page has the memo it started from: the saved one (or
        # one as good: a memo is checked against the files, never trusted).
        if memo is not None and save_memo and (memo.rendered or not memo.kept):
            if save_in_background:
                saved.save_memo_in_background(config, memo)
            else:
                saved.save_memo(config, memo)
        return result


def _build(config: BuildConfig, progress: Progress | None, memo: BuildMemo | None) -> BuildResult:
    knowledge = load_knowledge(config.data_dirs)
    if memo is not None:
        if memo.fresh:
            saved.restore_memo(config, memo, knowledge)
        memo.start(knowledge)
    paths = discover(config.briefs_dir)
    slugs, problems = assign_slugs(paths, config)
    cache = extraction_cache(config, memo.analysed if memo is not None else None)
    analysed, read_problems = analyse_sources(
        config, paths, knowledge, progress=progress, cache=cache
    )
    if cache is not None:
        cache.prune()
    briefs, entities = resolve(
        _with_slugs(analysed, slugs), memo.related if memo is not None else None
    )
    records = _records(briefs, knowledge, memo)
    report = write_pages(
        generated_pages(
            briefs, records, entities, knowledge, memo, config.docs_dir, config.workers
        ),
        config.docs_dir,
    )
    reuse = memo.reuse if memo is not None else no_reuse
    entered = _entry_times(records, paths, config)
    result = _result(briefs, entities, records, knowledge, config.site_url, reuse, entered)
    if memo is not None:
        memo.finish(config.docs_dir)
    problems += _hand_written_problems(report, config.docs_dir.name)
    return replace(
        result,
        page_count=report.page_count,
        problems=tuple(problems + read_problems),
        written=tuple(report.written),
        removed=tuple(report.removed),
    )
