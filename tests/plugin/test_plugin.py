"""The MkDocs plugin: bad briefs are named and skipped; `serve` rebuilds when briefs change,
rendering again only what changed (the home page included) and indexing search behind."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

GOOD = "وقال وزير الدفاع الياباني إن طوكيو ستزيد إنفاقها العسكري خلال العام المقبل بشكل كبير.\n"


def _run_build(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *flags],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )


@pytest.mark.slow
def test_a_bad_field_or_source_is_named_and_the_others_still_build(project: Path) -> None:
    (project / "briefs" / "dated.txt").write_text(
        "---\npublished: 2024-02-30\n---\nقال الوزير إن المحادثات مستمرة.\n", "utf-8"
    )
    (project / "briefs" / "broken.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    result = _run_build(project)
    assert result.returncode == 0, result.stderr
    # A bad field costs the field, not the brief; a source that is not text is skipped.
    assert "briefs/dated.txt [published]: not a real date" in result.stderr
    assert "the field is left out" in result.stderr
    assert "briefs/broken.txt [encoding]: this is a PDF document" in result.stderr
    site = project / "site" / "briefs"
    assert (site / "us-china-track-two-nuclear-talks" / "index.html").is_file()
    assert (site / "dated" / "index.html").is_file()
    assert not (site / "broken").exists()
    strict = _run_build(project, "--strict")
    assert strict.returncode != 0
    assert "briefs/dated.txt [published]" in strict.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _text(url: str) -> str:
    """The page at ``url``, or "" while it is not served."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _until(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def _wait_for(url: str, status: int, seconds: float) -> bool:
    return _until(lambda: _get(url) == status, seconds)


def _serve(project: Path, port: int, log: IO[str], *options: str) -> subprocess.Popen[bytes]:
    """`briefing [options] serve` on ``project``, its output to ``log``."""
    config = str(project / "mkdocs.yml")
    address = f"127.0.0.1:{port}"
    return subprocess.Popen(
        [sys.executable, "-m", "builder", *options, "-f", config, "serve", "--dev-addr", address],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.slow
def test_serve_rebuilds_when_a_brief_is_added_or_broken_pdfs_in_the_background(
    project: Path,
) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (project / "serve.log").open("w")
    server = _serve(project, port, log, "--verbose")  # logs when the PDFs are done
    logged = (project / "serve.log").read_text
    try:
        assert _wait_for(f"{base}/", 200, 90), logged()
        assert _get(f"{base}/briefs/tokyo-defence-spending/") == 404
        # PDFs are written in the background, from the first build on: the site is served
        # before they are done.
        assert _until(lambda: "PDFs in the site's pdf/" in logged(), 120), logged()
        assert logged().index("Serving on") < logged().index("PDFs in the site's pdf/")
        seed = sorted((project / "briefs").glob("*.txt"))[0].stem
        assert _get(f"{base}/pdf/{seed}.ar.pdf") == 200
        (project / "briefs" / "tokyo-defence-spending.txt").write_text(GOOD, "utf-8")
        assert _wait_for(f"{base}/briefs/tokyo-defence-spending/", 200, 90)
        assert _wait_for(f"{base}/en/briefs/tokyo-defence-spending/", 200, 30)
        assert _wait_for(f"{base}/pdf/tokyo-defence-spending.en.pdf", 200, 90), logged()
        (project / "briefs" / "broken.txt").write_text("---\nurl: ftp://x\n---\nنص\n", "utf-8")
        deadline = time.monotonic() + 60
        while "briefs/broken.txt [url]" not in (project / "serve.log").read_text():
            assert time.monotonic() < deadline, (project / "serve.log").read_text()
            time.sleep(0.5)
        assert server.poll() is None  # still serving
        assert _get(f"{base}/briefs/tokyo-defence-spending/") == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.mark.slow
def test_serve_shows_an_edit_and_a_new_brief_home_page_and_search_included(
    project: Path,
) -> None:
    # PDFs have their own tests; here they would only slow the first build.
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("      data_dir: data\n", "      data_dir: data\n      pdf: false\n")
    )
    assert "pdf: false" in config.read_text("utf-8")
    base = f"http://127.0.0.1:{_free_port()}/"
    log = (project / "serve.log").open("w")
    server = _serve(project, int(base.rsplit(":", 1)[1].strip("/")), log)

    def indexed() -> int:
        entry = _text(base + "pagefind/pagefind-entry.json")
        return json.loads(entry)["languages"]["ar"]["page_count"] if entry else 0

    def served(check: Callable[[], bool], what: str) -> None:
        assert _until(check, 240), f"{what}: " + (project / "serve.log").read_text()
        assert server.poll() is None

    try:
        served(lambda: "</html>" in _text(base), "the first build")
        # Shown without --verbose too.
        assert f"Serving on {base}" in (project / "serve.log").read_text()
        before = indexed()
        assert before > 0  # the first build is indexed before it is served
        edited = sorted((project / "briefs").glob("*.txt"))[1]
        marker = "علامةاختبار"
        with edited.open("a", encoding="utf-8") as stream:
            stream.write(f"\n\nوقال المتحدث إن {marker} مهمة.\n")
        served(lambda: marker in _text(f"{base}briefs/{edited.stem}/"), "the edited brief")
        # A new brief, newer than all others: its page, the home page's latest briefs, and
        # (in the background) search.
        new = project / "briefs" / "tokyo-defence-spending.txt"
        new.with_suffix(".yaml").write_text("published: '2030-01-01'\n", "utf-8")
        new.write_text(GOOD, "utf-8")
        served(lambda: "طوكيو" in _text(f"{base}briefs/{new.stem}/"), "the new brief")
        served(lambda: f"briefs/{new.stem}/" in _text(base), "the home page")
        # Its page, and those of the actors it is the first to name.
        served(lambda: indexed() > before, "the search index")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
