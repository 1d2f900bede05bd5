"""What a real corpus builds into: sources, briefs, problems by severity, and outlets.

``python -m briefing_tools.corpus_report DIR [--limit N] [--top K] [--json]`` copies DIR's
sources and sidecars (all, or the first N in name order) into a temporary project, runs the
builder on it (``builder.pipeline.build``: read to write, no MkDocs, no search, no PDFs) and
prints how many sources became briefs, the problems the build reported by severity, how many
briefs show no outlet, how each outlet was found (an editor's ``outlet``, the domain of the
``url``, a dateline or credit in the text) and the K most frequent outlets. The archive test
(``tests/site/test_archive.py``) holds a slice of ``../shared/archive/`` to these figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from briefing_tools.bench import copy_corpus
from builder.config import config_for_project
from builder.extract.datelines import outlet_in_text
from builder.knowledge import load_knowledge
from builder.model import BriefRecord
from builder.pipeline import build


@dataclass(frozen=True)
class CorpusReport:
    """The figures of one corpus build."""

    sources: int
    """Source files (``.txt``, ``.md``) given to the build."""
    briefs: int
    """Briefs built from them."""
    problems: dict[str, int]
    """Problems the build reported, by severity (error, warning, info)."""
    unknown_outlet: int
    """Briefs whose outlet is unknown."""
    outlet_from: dict[str, int]
    """Briefs by where their outlet came from: ``editor`` (metadata), ``url`` (its domain),
    ``text`` (a dateline or a credit)."""
    outlets: list[tuple[str, int]]
    """The most frequent outlets with their number of briefs (Arabic / English name)."""
    text_names: int = 0
    """Briefs whose text (a dateline or a credit) names an outlet, whatever names their
    outlet first (:func:`builder.extract.datelines.outlet_in_text`)."""
    text_agrees: int = 0
    """Of those, briefs whose text names the outlet their url names."""


def outlet_origin(record: BriefRecord) -> str | None:
    """Where a brief's outlet came from: editor, url or text (None: unknown)."""
    outlet = record["outlet"]
    if outlet["value"] is None:
        return None
    if not outlet["inferred"]:
        return "editor"
    return "url" if outlet.get("from_url") else "text"


def report(
    records: list[BriefRecord],
    sources: int,
    problems: Counter[str],
    top: int = 15,
    in_text: Sequence[str | None] = (),
) -> CorpusReport:
    """The figures of a corpus from its built records (and, in ``in_text``, the outlet each
    one's text names, if any)."""
    origins = Counter(outlet_origin(record) for record in records)
    names = Counter(
        " / ".join(filter(None, (record["outlet"]["value"], record["outlet"].get("en"))))
        for record in records
        if record["outlet"]["value"] is not None
    )
    return CorpusReport(
        sources=sources,
        briefs=len(records),
        problems=dict(sorted(problems.items())),
        unknown_outlet=origins.pop(None, 0),
        outlet_from={origin: origins[origin] for origin in ("editor", "url", "text")},
        outlets=names.most_common(top),
        text_names=sum(1 for named in in_text if named),
        text_agrees=sum(
            1
            for record, named in zip(records, in_text, strict=False)
            if named and record["outlet"].get("from_url") and named == record["outlet"]["value"]
        ),
    )


def corpus_report(
    corpus: Path, *, limit: int | None = None, top: int = 15, workers: int = 0
) -> CorpusReport:
    """Build the first ``limit`` sources of ``corpus`` (all by default) in a temporary
    project and report on them; ``workers`` extraction processes (0: one per core)."""
    with tempfile.TemporaryDirectory(prefix="corpus-report-") as folder:
        root = Path(folder)
        sources = copy_corpus(corpus, root / "briefs", limit)
        config = config_for_project(root, cache_dir=None, workers=workers)
        result = build(config)
        problems = Counter[str](problem.severity for problem in result.problems)
        knowledge = load_knowledge(config.data_dirs)
        in_text = [outlet_in_text(brief.doc, knowledge) for brief in result.briefs]
        return report(
            list(result.records),
            len(sources),
            problems,
            top,
            [named.ar if named else None for named in in_text],
        )


def format_report(figures: CorpusReport) -> str:
    """The report as text."""
    briefs = figures.briefs or 1
    lines = [
        f"sources: {figures.sources:,}",
        f"briefs built: {figures.briefs:,}",
        "problems: "
        + (", ".join(f"{n:,} {severity}" for severity, n in figures.problems.items()) or "none"),
        f"outlet unknown: {figures.unknown_outlet:,} ({figures.unknown_outlet / briefs:.1%})",
        "outlet from: " + ", ".join(f"{origin} {n:,}" for origin, n in figures.outlet_from.items()),
        f"text names an outlet: {figures.text_names:,} briefs, "
        f"the url's outlet in {figures.text_agrees:,}",
        f"most frequent outlets ({len(figures.outlets)}):",
        *(f"  {n:5,}  {name}" for name, n in figures.outlets),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing_tools.corpus_report", description=__doc__.splitlines()[0]
    )
    parser.add_argument("corpus", metavar="DIR", type=Path, help="folder of sources and sidecars")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N sources")
    parser.add_argument("--top", type=int, default=15, metavar="K", help="outlets listed")
    parser.add_argument("--workers", type=int, default=0, help="extraction processes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = corpus_report(args.corpus, limit=args.limit, top=args.top, workers=args.workers)
    if args.json:
        print(json.dumps(asdict(figures), ensure_ascii=False, indent=2))
    else:
        print(format_report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
