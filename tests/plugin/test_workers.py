"""Rendering in several processes and cutting a build into shards (``builder.plugin.workers``):
how pages are shared out, and what a forked worker reports."""

from __future__ import annotations

import logging

import pytest

from builder.errors import BriefingError
from builder.plugin.workers import (
    PAGE_COST,
    Shard,
    can_fork,
    finish_worker,
    parse_shard,
    share_out,
    start_worker,
)


def test_a_shard_is_written_k_of_n() -> None:
    assert parse_shard("2/3") == Shard(2, 3)
    assert parse_shard(" 1/1 ") == Shard(1, 1)
    assert str(Shard(2, 3)) == "2/3"


@pytest.mark.parametrize("text", ["", "2", "0/2", "3/2", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_names_the_option(text: str) -> None:
    with pytest.raises(BriefingError, match=r"^briefing: shard: "):
        parse_shard(text, "briefing: shard")


def test_share_out_gives_the_largest_first_to_the_least_loaded() -> None:
    sizes = [100, 90_000, 5_000, 60_000, 30_000, 200]
    owners = share_out(sizes, 2)
    loads = [
        sum(size + PAGE_COST for size, owner in zip(sizes, owners, strict=True) if owner == part)
        for part in (0, 1)
    ]
    assert owners[1] != owners[3]  # the two largest go to different parts
    assert abs(loads[0] - loads[1]) <= 30_000 + PAGE_COST
    assert owners == share_out(list(sizes), 2)  # the same sizes, the same parts


def test_share_out_uses_every_part_and_one_part_takes_all() -> None:
    assert sorted(set(share_out([10] * 9, 3))) == [0, 1, 2]
    assert share_out([5, 6, 7], 1) == [0, 0, 0]
    assert share_out([], 4) == []
    # Many small pages are shared as evenly as a few large ones.
    small = share_out([1] * 1000, 2)
    assert small.count(0) == small.count(1) == 500


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
def test_a_worker_reports_its_pages_and_warnings() -> None:
    def render() -> int:
        logging.getLogger("mkdocs.test").warning("a broken link")
        logging.getLogger("mkdocs.test").warning("another")
        return 7

    report = finish_worker(start_worker(render, "7 test pages"))
    assert (report.rendered, report.warnings) == (7, 2)


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
def test_a_failing_worker_fails_the_build_with_its_error() -> None:
    def render() -> int:
        raise ValueError("template exploded")

    with pytest.raises(BriefingError, match=r"rendering 3 pages failed:(.|\n)*template exploded"):
        finish_worker(start_worker(render, "3 pages"))
