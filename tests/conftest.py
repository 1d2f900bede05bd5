"""Shared fixtures: the project root, the package knowledge, a throwaway project copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.config import PACKAGE_DATA
from builder.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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


def _generated() -> tuple[str, ...]:
    from builder.config import GENERATED_DIRS

    return GENERATED_DIRS
