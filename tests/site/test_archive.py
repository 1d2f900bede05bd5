"""A slice of the real archive (``../shared/archive/``, 2,000 Arabic articles of 2015 with
their sidecars) built by the builder: no article is lost, and the outlet of almost every
brief is known (from the domain of its url, see ``builder/data/outlets.yaml``)."""

from __future__ import annotations

import tarfile
from pathlib import Path, PurePosixPath

import pytest
from conftest import SHARED

from briefing_tools.corpus_report import corpus_report, format_report

ARCHIVE = SHARED / "archive" / "saudinewsnet-2015-security-2000.tar.gz"
SLICE = 200
"""Articles built: every tenth of the archive, so every outlet and day is in."""


def unpack_slice(archive: Path, target: Path, every: int) -> int:
    """Every ``every``-th article of the archive (in name order) with its sidecar, written
    into ``target``; the number of articles."""
    target.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        members = {PurePosixPath(m.name).name: m for m in tar.getmembers() if m.isfile()}
        articles = sorted(name for name in members if name.endswith(".txt"))[::every]
        for name in articles:
            for file_name in (name, name.removesuffix(".txt") + ".yaml"):
                member = members.get(file_name)
                data = tar.extractfile(member) if member is not None else None
                if data is not None:
                    (target / file_name).write_bytes(data.read())
    return len(articles)


@pytest.mark.slow
def test_a_slice_of_the_archive_builds_every_article_with_its_outlet(tmp_path: Path) -> None:
    if not ARCHIVE.is_file():
        pytest.skip(f"{ARCHIVE} is not here")
    count = unpack_slice(ARCHIVE, tmp_path / "briefs", every=2000 // SLICE)
    assert count == SLICE
    figures = corpus_report(tmp_path / "briefs", workers=2)
    print(format_report(figures))
    # Nothing is lost: every source becomes a brief, and nothing is an error.
    assert (figures.sources, figures.briefs) == (SLICE, SLICE)
    assert figures.problems.get("error", 0) == 0, figures.problems
    # Warnings (a source cut, a slug changed) are rare; infos (text normalized, no date) are
    # notes, counted but not held.
    assert figures.problems.get("warning", 0) <= SLICE // 20, figures.problems
    assert figures.unknown_outlet < 0.05 * figures.briefs, figures
    # The archive's sidecars give a url, so the outlets come from it: ten papers or more.
    assert figures.outlet_from["url"] >= 0.95 * figures.briefs
    assert len(figures.outlets) >= 10
