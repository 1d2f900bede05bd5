"""Build the site beside the last good one, then swap: a failed or interrupted build never
leaves a half-written site behind.

``mkdocs build`` empties ``site/`` first and writes into it page by page, so an error or a
Ctrl-C halfway used to leave a broken site where a good one had been. The plugin points
MkDocs at a sibling folder (``.site.building``) instead and, once everything (pages, search
index, PDFs) is written, renames it into place; the replaced site is renamed aside
(``.site.replaced-…``) and deleted by a process of its own, so the build ends without
waiting for it. A leftover staging folder from an interrupted build, or a replaced site
whose deletion was cut short, is removed by the next one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """Where a build of ``site_dir`` is written before it replaces it."""
    return site_dir.with_name(f".{site_dir.name}.building")


def _previous_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.previous")


def _replaced_dirs(site_dir: Path) -> list[Path]:
    return sorted(site_dir.parent.glob(f".{site_dir.name}.replaced-*"))


def _remove_later(folder: Path, site_dir: Path) -> None:
    """Delete ``folder`` in a process of its own that outlives this one: a replaced site of
    tens of thousands of files takes seconds to delete, and nothing waits for it (a
    deletion cut short is finished by the next build's :func:`start_staging`)."""
    trash = site_dir.with_name(f".{site_dir.name}.replaced-{uuid.uuid4().hex}")
    try:
        os.rename(folder, trash)
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", trash],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(trash if trash.exists() else folder, ignore_errors=True)


def start_staging(site_dir: Path) -> Path:
    """An empty staging folder for a build of ``site_dir``; first puts back a last good site
    a swap was interrupted in the middle of (renamed aside, the new one not yet in place)."""
    previous = _previous_dir(site_dir)
    if previous.is_dir() and not site_dir.exists():
        os.rename(previous, site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    for replaced in _replaced_dirs(site_dir):
        # Left by a build whose deleting process has not finished (or was stopped).
        _remove_later(replaced, site_dir)
    staging = staging_dir(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def publish_staging(staging: Path, site_dir: Path) -> None:
    """Put the finished build in ``staging`` at ``site_dir``: two renames, the old site
    deleted only once the new one is in place. Where ``site_dir`` cannot be renamed (a
    mount point), its contents are replaced instead."""
    previous = _previous_dir(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    try:
        if site_dir.exists():
            os.rename(site_dir, previous)
        os.rename(staging, site_dir)
    except OSError:
        if previous.is_dir() and not site_dir.exists():
            os.rename(previous, site_dir)
        _replace_contents(staging, site_dir)
    if previous.is_dir():
        _remove_later(previous, site_dir)


def _replace_contents(staging: Path, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in staging.iterdir():
        shutil.move(str(entry), site_dir / entry.name)
    staging.rmdir()


def discard_staging(staging: Path) -> None:
    """Remove a failed build's staging folder; the last good site stays as it was."""
    shutil.rmtree(staging, ignore_errors=True)
