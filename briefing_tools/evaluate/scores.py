"""What ``briefing eval`` counts: a tally per field, an article's result, the sums over
articles (micro-averaged) and the targets of issue 3 they must meet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

FIELDS = ("dates", "people", "organizations", "countries", "numbers", "quotes")

TARGETS: dict[str, tuple[str, float]] = {
    "dates": ("f1", 0.90),
    "people": ("f1", 0.90),
    "quotes": ("f1", 0.90),
    "countries": ("f1", 0.95),
    "organizations": ("f1", 0.85),
    "numbers": ("recall", 0.85),
    "dates.iso": ("accuracy", 0.90),
    "quotes.speaker": ("accuracy", 0.90),
    "people.english": ("accuracy", 0.85),
}
"""The targets of issue 3 (``people.english``: issue 23): field -> (measure, minimum)."""


@dataclass
class Tally:
    """Counts for one field (or one accuracy check), summed over articles."""

    hits: int = 0
    false_alarms: int = 0
    misses: int = 0

    @property
    def precision(self) -> float:
        """Share of counted predictions that match gold."""
        found = self.hits + self.false_alarms
        return self.hits / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of counted gold items that were found."""
        expected = self.hits + self.misses
        return self.hits / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """For accuracy checks: hits are correct, misses are wrong."""
        return self.recall

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.hits += other.hits
        self.false_alarms += other.false_alarms
        self.misses += other.misses


@dataclass
class ArticleResult:
    """Scores and the itemized errors of one article."""

    article: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    """``field: missed|false alarm|wrong ...`` lines, for ``--details``."""
    furniture_actors: list[str] = field(default_factory=list)
    """Predicted actors that are page furniture according to ``junk_mentions``."""
    seconds: float = 0.0
    """Time spent in clean + extract."""


def totals(results: Sequence[ArticleResult]) -> dict[str, Tally]:
    """Tallies summed over articles (micro-averaged scores)."""
    summed: dict[str, Tally] = {}
    for result in results:
        for name, tally in result.tallies.items():
            summed.setdefault(name, Tally()).add(tally)
    return summed


def meets_targets(results: Sequence[ArticleResult]) -> dict[str, bool]:
    """Each target of :data:`TARGETS`, met or not; plus ``furniture`` (no junk actor)."""
    summed = totals(results)
    met = {
        name: getattr(summed.get(name, Tally()), measure) >= minimum
        for name, (measure, minimum) in TARGETS.items()
    }
    met["furniture"] = not any(result.furniture_actors for result in results)
    return met
