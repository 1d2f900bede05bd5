"""The package's shape: stages import only what they may, and nothing imports in a circle.

Read from the source with ``ast`` (every import, also the ones inside functions), so these
checks cost milliseconds and fail on the commit that breaks the layout, not later.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from builder.config import PACKAGE_DIR
from builder.runtime.analyse import EXTRACTION_CODE

PRODUCT = "builder"

FORBIDDEN_IN_PRODUCT = ("briefing_tools", "playwright", "pytest", "hypothesis", "conftest")
"""Tool and test code the site builder must never import: evaluation and benchmarks live in
``briefing_tools``, and Playwright is a test extra a user's install does not have."""

MAX_LINES = 420
"""A module a newcomer can read in one sitting (the issue says "about 400 lines")."""


def _modules() -> dict[str, Path]:
    """Every module of the product, by dotted name (a package by its ``__init__``)."""
    modules = {}
    for path in (ROOT / PRODUCT).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imports(path: Path) -> Iterator[str]:
    """The absolute names a module imports, ``from a.b import c`` giving ``a.b`` and
    ``a.b.c`` (c may be a module)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                raise AssertionError(f"{path}: relative import (use absolute imports)")
            yield node.module
            for alias in node.names:
                yield f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name


def _graph() -> dict[str, set[str]]:
    """Which product module imports which. The package ``builder`` itself is left out as a
    target: importing ``builder.x`` runs ``builder/__init__`` first by Python's rules, not by
    a choice of the importing module."""
    modules = _modules()
    return {
        name: {
            target
            for target in _imports(path)
            if target in modules and target not in (name, PRODUCT)
        }
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in order:
            continue
        work = [(start, iter(sorted(graph[start])))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], order[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_module_imports_in_a_circle() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    # The check above must be able to fail.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("name", sorted(_modules()))
def test_the_product_imports_no_tool_or_test_code(name: str) -> None:
    imported = set(_imports(_modules()[name]))
    assert not {target for target in imported if target.split(".")[0] in FORBIDDEN_IN_PRODUCT}


def test_modules_stay_readable() -> None:
    lengths = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}


def _extraction_closure() -> set[str]:
    """Every product module the extraction stages (read, clean, extract) reach by import."""
    graph = _graph()
    todo = [name for name in graph if name.split(".")[1:2] in (["read"], ["clean"], ["extract"])]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    return seen


def test_the_extraction_cache_key_covers_the_code_extraction_runs() -> None:
    # A module the extractors import but the cache key leaves out would let a code change
    # serve stale extraction results from the cache.
    covered = [PACKAGE_DIR / part for part in EXTRACTION_CODE]
    modules = _modules()
    uncovered = {
        name
        for name in _extraction_closure()
        if not any(modules[name] == part or part in modules[name].parents for part in covered)
    }
    assert uncovered == set()
