"""Shared fixtures: the project root, the package knowledge, a throwaway project copy, the
generated pages of the golden brief, and Debian's Chromium for browser tests."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builder.config import PACKAGE_DATA
from builder.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parents[1]

EDITED_BRIEF = "briefs/pentagon-china-military-contacts.txt"
"""The seed brief the incremental and saved-memo tests edit."""


def docs_hashes(project: Path) -> dict[str, str]:
    """Every file under a project's ``docs/`` with a hash of its bytes."""
    return {
        path.relative_to(project / "docs").as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((project / "docs").rglob("*"))
        if path.is_file()
    }


def edit_brief(project: Path) -> None:
    """Append a sentence with a speaker and a place to :data:`EDITED_BRIEF`."""
    source = project / EDITED_BRIEF
    source.write_text(
        source.read_text("utf-8") + "\n\nوقال المتحدث إن المحادثات ستستأنف في جنيف.\n", "utf-8"
    )


SHARED = ROOT.parent / "shared"
GOLDEN_SOURCE = ROOT / "tests" / "site" / "golden" / "source" / "geneva-arms-talks.txt"
"""The brief the golden pages are generated from."""


@pytest.fixture(scope="module")
def golden_pages(knowledge: Knowledge) -> dict[str, str]:
    """Every page the builder generates from :data:`GOLDEN_SOURCE` alone: path -> Markdown."""
    from builder.pipeline import generate
    from builder.runtime.analyse import analyse

    analysed, problems = analyse([GOLDEN_SOURCE], knowledge, lambda path: f"briefs/{path.name}")
    assert problems == []
    result, _ = generate(analysed, knowledge)
    return {page.path: page.content for page in result.pages}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser), for a module."""
    from browser import CHROMIUM_FLAGS, chromium_path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The package's own data files."""
    return load_knowledge((PACKAGE_DATA,))


@pytest.fixture()
def tool_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``briefing`` commands ``pyproject.toml`` registers (the tools' ``eval`` and
    ``bench``), found as an installation made from it finds them, whatever the installed
    metadata of the test environment says (it is only updated by installing again)."""
    import tomllib
    from importlib.metadata import EntryPoint

    import builder.cli

    group = builder.cli.COMMAND_GROUP
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    declared = pyproject["project"]["entry-points"][group]
    points = [EntryPoint(name, value, group) for name, value in declared.items()]
    monkeypatch.setattr(
        builder.cli, "entry_points", lambda *, group: [p for p in points if p.group == group]
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project's site sources (mkdocs.yml, docs/, briefs/, overrides/)."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("briefs", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copytree(
        ROOT / "docs",
        tmp_path / "docs",
        ignore=lambda directory, names: [
            name for name in names if Path(directory) == ROOT / "docs" and name in _generated()
        ],
    )
    return tmp_path


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (a site, a spool of exports), by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


UNSTABLE_SEARCH_FILES = r"(filter/|pagefind-entry\.json$|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta$)"
"""Files of a search bundle (paths in it) whose names and bytes differ from one Pagefind run
to the next over the same pages: the filter files, in an order of their own, so their
hashes in the language metadata and the entry file; the word index and fragments do not."""


def loaded_plugin(project: Path) -> tuple[Any, Any]:
    """The MkDocs configuration and briefing plugin of ``project`` (its briefs already
    there), given the repository's ``mkdocs.yml`` and overrides and an empty ``docs/``."""
    from mkdocs.config import load_config

    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "docs").mkdir()
    config = load_config(config_file=str(project / "mkdocs.yml"))
    return config, config.plugins["briefing"]


def _generated() -> tuple[str, ...]:
    from builder.config import GENERATED_DIRS

    return GENERATED_DIRS
