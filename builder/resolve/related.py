"""Related briefs: for each brief, the few others most worth reading next.

A pair of briefs scores 2 for each shared actor (person or organization) and each shared
topic, 1 for each shared country, and 1 when published at most :data:`CLOSE_DAYS` apart
(both days known: a brief known only to its month or year has no number of days to
another, so it is never close in date); only briefs sharing at least one actor or topic
are candidates. Candidates come from an
inverted index (actor or topic -> briefs), and for an actor or topic shared by more than
:data:`WINDOW` briefs only the ones nearest in date are considered, so the cost grows with
the corpus, not with its square.

Under ``mkdocs serve`` a :class:`RelatedMemory` keeps the last result. When a few briefs
change, only the briefs whose result can change are looked at again. Another brief keeps
its other candidates, so at most the edited brief's place in its ranking moves (it came,
went or scored differently), and the ranking is updated exactly without scoring the other
candidates again; only when the edited brief fell out of a full ranking, or when the edit
moved the date window of an actor or topic shared by more than :data:`WINDOW` briefs, are
a brief's candidates all scored again.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from builder.model import CleanDocument, Extraction, RelatedBrief, period_of
from builder.resolve.ids import entity_id

RELATED_LIMIT = 5
"""Related briefs shown on a brief page."""
CLOSE_DAYS = 31
"""Briefs published at most this many days apart count as close in date."""
WINDOW = 400
"""Briefs considered per shared actor or topic when very many share it (nearest in date)."""

Features = tuple[frozenset[str], frozenset[str], frozenset[str]]
"""A brief's actor ids, country ids and topic ids."""
Rank = tuple[int, str]
"""(minus the score, slug): lower ranks first."""
When = tuple[int, bool]
"""A publication date: its first day (an ordinal) and whether it is that day (a date known
only to its month or year is not); dates are ordered by it, partial ones at their start."""


@dataclass(frozen=True)
class _Corpus:
    slugs: tuple[str, ...]
    features: tuple[Features, ...]
    days: tuple[When | None, ...]
    related: tuple[tuple[RelatedBrief, ...], ...]
    ranks: tuple[tuple[Rank, ...], ...]
    """The rank of each kept related brief, in order."""


class RelatedMemory:
    """The last corpus's related briefs, for the next build of the same process."""

    def __init__(self) -> None:
        self.last: _Corpus | None = None
        self.recomputed = 0
        """Briefs whose candidates were all scored again in the last call."""


def _features(extraction: Extraction) -> Features:
    actors = frozenset(entity_id(m) for m in (*extraction.people, *extraction.organizations))
    countries = frozenset(entity_id(m) for m in extraction.countries)
    return actors, countries, frozenset(extraction.topics)


def _keys(features: Features) -> set[str]:
    """The index keys of a brief: its actors and its topics."""
    actors, _, topics = features
    return {*(f"a:{a}" for a in actors), *(f"t:{t}" for t in topics)}


def _day(published: str | None) -> When | None:
    period = period_of(published)
    return None if period is None else (period.first.toordinal(), period.precision == "day")


def _apart(first: When | None, second: When | None) -> int | None:
    """Days between two publication dates, when both days are known."""
    if first is None or second is None or not (first[1] and second[1]):
        return None
    return abs(first[0] - second[0])


def _score(actors_and_topics: int, countries: int, apart: int | None) -> int:
    """A pair's score from what it shares (see the module's description)."""
    return 2 * actors_and_topics + countries + (apart is not None and apart <= CLOSE_DAYS)


def _pair(
    mine: Features, day: When | None, other: Features, other_day: When | None, slug: str
) -> tuple[Rank, RelatedBrief]:
    """The rank of ``other`` for a brief, and what it shares with it."""
    actors, countries, topics = (a & b for a, b in zip(mine, other, strict=True))
    apart = _apart(day, other_day)
    close = apart is not None and apart <= CLOSE_DAYS
    score = _score(len(actors) + len(topics), len(countries), apart)
    shared = RelatedBrief(
        slug,
        tuple(sorted(actors)),
        tuple(sorted(topics)),
        tuple(sorted(countries)),
        apart if close else None,
    )
    return (-score, slug), shared


class _Index:
    """The inverted index of a corpus, with each long posting list's date order."""

    def __init__(
        self, features: tuple[Features, ...], days: tuple[When | None, ...], slugs: tuple[str, ...]
    ) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, brief in enumerate(features):
            for key in _keys(brief):
                self.postings[key].append(number)
        # Each posting list in date order (undated last), for the nearest-in-date window.
        self.where: dict[str, dict[int, int]] = {}
        for key, numbers in self.postings.items():
            numbers.sort(key=lambda n: (days[n] is None, days[n] or (0, True), n))
            if len(numbers) > WINDOW:
                self.where[key] = {n: position for position, n in enumerate(numbers)}
        # Each brief's actors and topics (weight 2) and its countries (weight 1) as bit
        # sets: scoring a candidate is two AND-and-count operations, not three set
        # intersections.
        self.by_slug = sorted(range(len(slugs)), key=slugs.__getitem__)
        """The briefs' numbers in slug order."""
        self.slug_place = [0] * len(slugs)
        """Each brief's place in slug order: ties between scores go by it."""
        for place, number in enumerate(self.by_slug):
            self.slug_place[number] = place
        self.exact_days = [day[0] if day is not None and day[1] else None for day in days]
        """Each brief's publication day (an ordinal) when the day is known (:func:`_apart`)."""
        bits: dict[str, int] = {}
        self.shared_bits = [_bit_set(bits, _keys(brief)) for brief in features]
        self.country_bits = [_bit_set(bits, (f"c:{c}" for c in brief[1])) for brief in features]

    def window(self, key: str, number: int) -> list[int]:
        """The briefs of a key compared with brief ``number``: all when few, else the
        ``WINDOW`` nearest in date."""
        numbers, where = self.postings[key], self.where.get(key)
        return numbers if where is None else _window(numbers, where[number])

    def compared(self, key: str, number: int) -> Iterable[int]:
        """The briefs of a key whose window holds brief ``number`` (the reverse of
        :meth:`window`)."""
        numbers, where = self.postings[key], self.where.get(key)
        return numbers if where is None else _holders(numbers, where[number])


def _bit_set(bits: dict[str, int], keys: Iterable[str]) -> int:
    """The keys as one integer, a bit per key (``bits`` numbers the keys as they come)."""
    value = 0
    for key in keys:
        value |= 1 << bits.setdefault(key, len(bits))
    return value


def _window_start(position: int, length: int) -> int:
    return max(0, min(position - WINDOW // 2, length - WINDOW))


def _window(numbers: list[int], position: int) -> list[int]:
    """The window of the brief at ``position`` of a posting list in date order."""
    start = _window_start(position, len(numbers))
    return numbers[start : start + WINDOW]


def _holders(numbers: list[int], position: int) -> Iterable[int]:
    """The briefs of a posting list in date order whose window holds the one at
    ``position``."""
    return (
        other
        for other_position, other in enumerate(numbers)
        if 0 <= position - _window_start(other_position, len(numbers)) < WINDOW
    )


def _score_all(
    number: int,
    features: tuple[Features, ...],
    days: tuple[When | None, ...],
    slugs: tuple[str, ...],
    index: _Index,
) -> tuple[tuple[RelatedBrief, ...], tuple[Rank, ...]]:
    mine, day = features[number], days[number]
    candidates: set[int] = set()
    for key in _keys(mine):
        candidates.update(index.window(key, number))
    candidates.discard(number)
    shared_bits, country_bits = index.shared_bits, index.country_bits
    my_shared, my_countries = shared_bits[number], country_bits[number]
    # Score every candidate cheaply, as one integer that sorts as (-score, slug); build the
    # reasons only for the ones kept.
    scored = []
    exact_days, slug_place, size = index.exact_days, index.slug_place, len(slugs)
    my_day = exact_days[number]
    for other in candidates:
        # _score and _apart, inlined: a call per candidate made the whole computation an
        # eighth slower, and then a third.
        other_day = exact_days[other]
        score = (
            2 * (my_shared & shared_bits[other]).bit_count()
            + (my_countries & country_bits[other]).bit_count()
            + (
                my_day is not None
                and other_day is not None
                and abs(my_day - other_day) <= CLOSE_DAYS
            )
        )
        scored.append(slug_place[other] - score * size)
    kept = [
        _pair(mine, day, features[other], days[other], slugs[other])
        for other in (index.by_slug[key % size] for key in heapq.nsmallest(RELATED_LIMIT, scored))
    ]
    return tuple(shared for _, shared in kept), tuple(rank for rank, _ in kept)


def related_briefs(
    corpus: list[tuple[CleanDocument, Extraction]], memory: RelatedMemory | None = None
) -> list[tuple[RelatedBrief, ...]]:
    """For each brief of ``corpus`` (in slug order), its related briefs, best first; ties
    by slug. With ``memory``, only what the changes since its last call can affect is
    computed again."""
    slugs = tuple(doc.source.slug for doc, _ in corpus)
    features = tuple(_features(extraction) for _, extraction in corpus)
    days = tuple(_day(extraction.published.value) for _, extraction in corpus)
    last = memory.last if memory is not None else None
    if last is not None and last.slugs == slugs:
        related, ranks, recomputed = _update(last, features, days)
    else:
        index = _Index(features, days, slugs)
        results = [_score_all(n, features, days, slugs, index) for n in range(len(slugs))]
        related = [shared for shared, _ in results]
        ranks = [rank for _, rank in results]
        recomputed = len(slugs)
    if memory is not None:
        memory.last = _Corpus(slugs, features, days, tuple(related), tuple(ranks))
        memory.recomputed = recomputed
    return related


def _update(
    last: _Corpus, features: tuple[Features, ...], days: tuple[When | None, ...]
) -> tuple[list[tuple[RelatedBrief, ...]], list[tuple[Rank, ...]], int]:
    """The related briefs of the same briefs as ``last`` with some features or dates changed."""
    slugs = last.slugs
    changed = [
        n for n in range(len(slugs)) if features[n] != last.features[n] or days[n] != last.days[n]
    ]
    related, ranks = list(last.related), list(last.ranks)
    if not changed:
        return related, ranks, 0
    # Keys whose posting lists gained or lost a brief, or were reordered by a new date.
    disturbed: set[str] = set()
    for n in changed:
        before, after = _keys(last.features[n]), _keys(features[n])
        disturbed |= (before | after) if days[n] != last.days[n] else (before ^ after)
    index = _Index(features, days, slugs)
    # A list no longer than the window (before too) is every one of its briefs' candidates:
    # only the edited brief came or went among them. In a longer one, the windows near it
    # moved too (see below).
    again = set(changed)
    windowed = {
        key for key in disturbed if len(index.postings.get(key, ())) + len(changed) > WINDOW
    }
    # Such a list before the edits and after, in date order.
    orders = {
        key: (_old_order(key, last, changed, days, index), index.postings.get(key, []))
        for key in windowed
    }
    # The other briefs keep their other candidates; where an edited brief is or was one of
    # them, only its rank can have moved.
    for n in changed:
        touched: set[int] = set()
        for key in _keys(features[n]):
            touched.update(index.compared(key, n))
        for other in touched - again:
            moved = _moved(
                related[other],
                ranks[other],
                slugs[n],
                features[other],
                days[other],
                features[n],
                days[n],
            )
            if moved is None:
                again.add(other)
            else:
                related[other], ranks[other] = moved
        # Briefs whose windows of the lists it left (or moved in) no longer hold it.
        left: set[int] = set()
        for key in _keys(last.features[n]):
            if key in windowed:
                old = orders[key][0]
                left.update(_holders(old, old.index(n)))
            elif key not in _keys(features[n]):
                left.update(index.postings.get(key, ()))
        for other in left - touched - again:
            dropped = _dropped(related[other], ranks[other], slugs[n])
            if dropped is None:
                again.add(other)
            else:
                related[other], ranks[other] = dropped
    # In a list longer than the window, an edited brief coming, going or moving shifts the
    # windows of the briefs near it: each gains or loses a brief at an edge of its window.
    for old, new in orders.values():
        for other, gained, lost in _shifted_windows(old, new, set(changed)):
            if other in again:
                continue
            if any(item.slug == slugs[x] for x in lost for item in related[other]):
                again.add(other)  # it may have been a candidate for that list only
                continue
            for x in gained:
                moved = _joined(related[other], ranks[other], other, x, features, days, slugs)
                related[other], ranks[other] = moved
    for number in again:
        related[number], ranks[number] = _score_all(number, features, days, slugs, index)
    return related, ranks, len(again)


def _old_order(
    key: str,
    last: _Corpus,
    changed: list[int],
    days: tuple[When | None, ...],
    index: _Index,
) -> list[int]:
    """The posting list of ``key`` as it was before the edits, in its date order then."""
    edited = set(changed)
    numbers = [n for n in index.postings.get(key, ()) if n not in edited]
    numbers += [n for n in changed if key in _keys(last.features[n])]
    old_days = {n: (last.days[n] if n in edited else days[n]) for n in numbers}
    numbers.sort(key=lambda n: (old_days[n] is None, old_days[n] or (0, True), n))
    return numbers


def _shifted_windows(
    old: list[int], new: list[int], edited: set[int]
) -> Iterable[tuple[int, set[int], set[int]]]:
    """(brief, briefs its window gained, briefs it lost) for each unedited brief whose window
    of a posting list changed, given the list in date order before and after; edited briefs
    are left out (they are updated on their own)."""
    was = {number: position for position, number in enumerate(old)}
    for position, other in enumerate(new):
        if other in edited:
            continue
        window, before = _window(new, position), _window(old, was[other])
        if window != before:  # compared as lists: most windows did not move
            now, then = set(window), set(before)
            yield other, now - then - edited, then - now - edited


def _joined(
    related: tuple[RelatedBrief, ...],
    ranks: tuple[Rank, ...],
    number: int,
    other: int,
    features: tuple[Features, ...],
    days: tuple[When | None, ...],
    slugs: tuple[str, ...],
) -> tuple[tuple[RelatedBrief, ...], tuple[Rank, ...]]:
    """A brief's related briefs once brief ``other`` is one of its candidates (unchanged
    when it already was: then it is listed, or ranks below a full list)."""
    if other == number or any(item.slug == slugs[other] for item in related):
        return related, ranks
    rank, shared = _pair(features[number], days[number], features[other], days[other], slugs[other])
    kept = sorted([*zip(ranks, related, strict=True), (rank, shared)], key=lambda item: item[0])
    kept = kept[:RELATED_LIMIT]
    return tuple(item for _, item in kept), tuple(r for r, _ in kept)


def _dropped(
    related: tuple[RelatedBrief, ...], ranks: tuple[Rank, ...], slug: str
) -> tuple[tuple[RelatedBrief, ...], tuple[Rank, ...]] | None:
    """A brief's related briefs once brief ``slug`` is no longer one of its candidates;
    None when that cannot tell (it was in a full ranking, so the next one is unknown)."""
    position = next((i for i, item in enumerate(related) if item.slug == slug), None)
    if position is None:
        return related, ranks
    if len(related) == RELATED_LIMIT:
        return None
    return related[:position] + related[position + 1 :], ranks[:position] + ranks[position + 1 :]


def _moved(
    related: tuple[RelatedBrief, ...],
    ranks: tuple[Rank, ...],
    slug: str,
    mine: Features,
    day: When | None,
    edited: Features,
    edited_day: When | None,
) -> tuple[tuple[RelatedBrief, ...], tuple[Rank, ...]] | None:
    """A brief's related briefs after the edited brief ``slug``, one of its candidates,
    changed, from its current ranking alone; None when that cannot tell (the edited brief
    fell in a full ranking, so the next one is unknown)."""
    rank, shared = _pair(mine, day, edited, edited_day, slug)
    kept = list(zip(ranks, related, strict=True))
    position = next((i for i, (_, item) in enumerate(kept) if item.slug == slug), None)
    if position is not None:
        if rank > kept[position][0] and len(kept) == RELATED_LIMIT:
            return None
        del kept[position]
    kept.append((rank, shared))
    kept.sort(key=lambda item: item[0])
    kept = kept[:RELATED_LIMIT]
    return tuple(item for _, item in kept), tuple(r for r, _ in kept)
