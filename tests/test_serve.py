"""`briefing serve` (issue 8): after the first build, an edited brief and a new one reach
the served pages, the home page included, and search catches up in the background."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT

from builder.bench import prepare_project

WAIT = 300
"""Seconds a served change may take to show (the first build of a fresh project included)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(check: Callable[[], bool], what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        assert process.poll() is None, f"serve stopped while waiting for {what}"
        assert time.monotonic() < deadline, f"not served within {WAIT} s: {what}"
        time.sleep(0.5)


def _indexed(base: str) -> int:
    entry = _fetch(base + "pagefind/pagefind-entry.json")
    return json.loads(entry)["languages"]["ar"]["page_count"] if entry else 0


def test_serve_shows_an_edited_brief_and_a_new_one_home_page_and_search_included(
    tmp_path: Path,
) -> None:
    project = prepare_project(ROOT, tmp_path / "project", 6)
    config = project / "mkdocs.yml"
    # PDFs have their own tests; here they would only slow the first build.
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("      data_dir: data\n", "      data_dir: data\n      pdf: false\n")
    )
    assert "pdf: false" in config.read_text("utf-8")
    base = f"http://127.0.0.1:{_free_port()}/"
    command = [sys.executable, "-m", "builder", "-f", str(config), "serve", "-a", base[7:-1]]
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT)
    try:
        _until(lambda: "</html>" in _fetch(base), "the first build", process)
        indexed = _indexed(base)
        assert indexed > 0  # the first build is indexed before it is served

        edited = sorted((project / "briefs").glob("*.txt"))[1]
        marker = "علامةاختبار"
        with edited.open("a", encoding="utf-8") as stream:
            stream.write(f"\n\nوقال المتحدث إن {marker} مهمة.\n")
        brief_url = f"{base}briefs/{edited.stem}/"
        _until(lambda: marker in _fetch(brief_url), "the edited brief", process)

        # A new brief, newer than all others: its page, and the home page's latest briefs.
        new = project / "briefs" / "99999-new-brief.txt"
        shutil.copy(edited.with_suffix(".yaml"), new.with_suffix(".yaml"))
        sidecar = new.with_suffix(".yaml")
        sidecar.write_text("outlet: Al Jazeera\npublished: '2026-11-20'\n", "utf-8")
        shutil.copy(edited, new)
        _until(lambda: marker in _fetch(f"{base}briefs/{new.stem}/"), "the new brief", process)
        _until(lambda: f"briefs/{new.stem}/" in _fetch(base), "the home page", process)
        _until(lambda: _indexed(base) == indexed + 1, "the search index", process)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
