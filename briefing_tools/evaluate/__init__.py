"""``briefing eval``: score extraction against gold annotations, field by field.

Each gold file's article is extracted anchored on the gold publication date, then scored:
:mod:`.matching` pairs predictions with gold items (the matching rules), :mod:`.speakers`
checks a matched quote's speaker, :mod:`.fields` turns the pairs of one article into tallies
and itemized errors, :mod:`.scores` sums them and holds the targets, and :mod:`.report`
prints them as a table or JSON. The names other code uses are imported from here.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from briefing_tools.evaluate.fields import score_article
from briefing_tools.evaluate.matching import surface_key
from briefing_tools.evaluate.report import format_report, report_data
from briefing_tools.evaluate.scores import (
    FIELDS,
    TARGETS,
    ArticleResult,
    Tally,
    meets_targets,
    totals,
)
from briefing_tools.evaluate.speakers import speaker_matches
from briefing_tools.gold import Gold, gold_files, load_gold
from builder.clean.furniture import clean
from builder.errors import BriefError
from builder.extract import extract
from builder.knowledge import Knowledge
from builder.read.sources import SOURCE_SUFFIXES, read_source

__all__ = [
    "FIELDS",
    "TARGETS",
    "ArticleResult",
    "Tally",
    "evaluate",
    "evaluate_article",
    "format_report",
    "meets_targets",
    "report_data",
    "source_for",
    "speaker_matches",
    "surface_key",
    "totals",
]


def source_for(gold: Gold, source_dir: Path) -> Path:
    """The article a gold file annotates: ``<article>.txt`` (or ``.md``) in ``source_dir``."""
    for suffix in SOURCE_SUFFIXES:
        candidate = source_dir / f"{gold.article}{suffix}"
        if candidate.is_file():
            return candidate
    raise BriefError(gold.file, f"no {gold.article}.txt or .md in {source_dir}", field="article")


def evaluate_article(gold: Gold, source: Path, knowledge: Knowledge) -> ArticleResult:
    """Extract one article, anchored on the gold publication date, and score every field."""
    document = read_source(source, display=str(source))
    # Only a full date anchors relative dates; a year-only pub_date leaves them unresolved.
    anchor = gold.pub_date if gold.pub_date and len(gold.pub_date) == 10 else None
    metadata = dataclasses.replace(document.metadata, published=anchor)
    document = dataclasses.replace(document, metadata=metadata)
    started = time.perf_counter()
    extraction = extract(clean(document), knowledge)
    return score_article(gold, extraction, time.perf_counter() - started)


def evaluate(
    gold_dir: Path, source_dir: Path, knowledge: Knowledge
) -> tuple[list[ArticleResult], list[BriefError]]:
    """Score every gold file of ``gold_dir``; a bad gold file or source is reported, not fatal."""
    results, problems = [], []
    for path in gold_files(gold_dir):
        try:
            gold = load_gold(path)
            results.append(evaluate_article(gold, source_for(gold, source_dir), knowledge))
        except BriefError as error:
            problems.append(error)
    return results, problems
