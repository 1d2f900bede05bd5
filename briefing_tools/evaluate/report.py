"""The scores as ``briefing eval`` prints them: JSON-able data (``--json``) and the
plain-text table, with every article's errors first under ``--details``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefing_tools.evaluate.scores import TARGETS, ArticleResult, meets_targets, totals


def report_data(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """The scores as JSON-able data (``briefing eval --json``)."""
    summed = totals(results)
    met = meets_targets(results)
    timings = sorted(result.seconds for result in results)
    return {
        "articles": len(results),
        "fields": {
            name: {
                "hits": tally.hits,
                "false_alarms": tally.false_alarms,
                "misses": tally.misses,
                "precision": round(tally.precision, 4),
                "recall": round(tally.recall, 4),
                "f1": round(tally.f1, 4),
                **(
                    {"target": {"measure": TARGETS[name][0], "minimum": TARGETS[name][1]}}
                    if name in TARGETS
                    else {}
                ),
                "met": met.get(name),
            }
            for name, tally in summed.items()
        },
        "furniture_actors": {r.article: r.furniture_actors for r in results if r.furniture_actors},
        "median_ms_per_article": round(1000 * timings[len(timings) // 2], 1) if timings else None,
        "errors": {result.article: result.errors for result in results},
    }


def format_report(results: Sequence[ArticleResult], *, details: bool = False) -> str:
    """A plain-text table: precision, recall and F1 per field, and each target met or not."""
    data = report_data(results)
    lines = []
    if details:
        for result in results:
            lines.append(f"== {result.article}")
            lines += [f"  {error}" for error in result.errors]
        lines.append("")
    lines.append(
        f"{'field':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'hits':>6}{'false':>7}"
        f"{'missed':>8}  target"
    )
    for name, row in data["fields"].items():
        target = ""
        if "target" in row:
            measure, minimum = row["target"]["measure"], row["target"]["minimum"]
            target = f"{measure} >= {minimum:.2f} {'met' if row['met'] else 'NOT MET'}"
        if name.count("."):
            # An accuracy check (dates.iso, quotes.speaker): only its share correct is a score.
            lines.append(
                f"{name:<16}{'':>10}{row['recall']:>8.3f}{'':>7}{row['hits']:>6}{'':>7}"
                f"{row['misses']:>8}  {target}"
            )
            continue
        lines.append(
            f"{name:<16}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}"
            f"{row['hits']:>6}{row['false_alarms']:>7}{row['misses']:>8}  {target}"
        )
    furniture = sum(len(names) for names in data["furniture_actors"].values())
    lines.append(f"\nfurniture reported as actors: {furniture}")
    for article, names in data["furniture_actors"].items():
        lines.append(f"  {article}: {', '.join(names)}")
    lines.append(
        f"{data['articles']} articles; median {data['median_ms_per_article']} ms "
        "per article (clean + extract)"
    )
    return "\n".join(lines)
