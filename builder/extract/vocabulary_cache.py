"""Vocabularies compiled once per loaded data, looked up by the identity of that data.

The extractors compile their matchers and word sets from the loaded data files
(:class:`builder.knowledge.Knowledge`'s tuples of entries). An ``lru_cache`` keyed on those
tuples hashes every entry of them at every call (about 0.1 ms for the 440 listed people),
and the rules ask for their vocabularies many times per article. The data of one build is
one set of objects, so their identity is the key; the cache holds the objects it was built
from, so an identity cannot be taken by new data while its entry lives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

Params = ParamSpec("Params")
Value = TypeVar("Value")

_ENTRIES = 8
"""Vocabularies kept per function: the package's data and a few a test or project built."""


def by_identity(build: Callable[Params, Value]) -> Callable[Params, Value]:
    """Cache ``build`` by the identity of its positional arguments (and the values of its
    keyword arguments, which are flags)."""
    memo: dict[tuple[Any, ...], tuple[tuple[Any, ...], Value]] = {}

    @functools.wraps(build)
    def cached(*args: Params.args, **kwargs: Params.kwargs) -> Value:
        key = (*map(id, args), *sorted(kwargs.items()))
        hit = memo.get(key)
        if hit is None or any(kept is not given for kept, given in zip(hit[0], args, strict=True)):
            if len(memo) >= _ENTRIES:
                memo.clear()
            hit = (args, build(*args, **kwargs))
            memo[key] = hit
        return hit[1]

    return cached
