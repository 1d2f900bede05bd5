"""The vocabulary cache: one build per loaded data object, a new build for new data."""

from __future__ import annotations

from builder.extract.vocabulary_cache import by_identity


def test_a_vocabulary_is_built_once_per_data_object() -> None:
    builds: list[tuple[str, ...]] = []

    @by_identity
    def words(entries: tuple[str, ...], upper: bool = False) -> frozenset[str]:
        builds.append(entries)
        return frozenset(entry.upper() if upper else entry for entry in entries)

    data = ("أ", "ب")
    assert words(data) is words(data)
    assert len(builds) == 1
    # Equal data loaded again is another object: built for it, not mistaken for the first.
    again = tuple(list(data))
    assert again is not data and words(again) == words(data)
    assert len(builds) == 2
    # A flag is part of the key.
    assert words(data, upper=True) == frozenset({"أ", "ب"}) and len(builds) == 3
