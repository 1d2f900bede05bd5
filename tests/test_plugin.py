"""The MkDocs plugin: bad briefs are named and skipped; `serve` rebuilds when briefs change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

GOOD = "وقال وزير الدفاع الياباني إن طوكيو ستزيد إنفاقها العسكري خلال العام المقبل بشكل كبير.\n"


def _run_build(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *flags],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )


def test_a_broken_brief_is_named_and_the_others_still_build(project: Path) -> None:
    (project / "briefs" / "broken.txt").write_text("---\npublished: 2024-02-30\n---\nنص\n", "utf-8")
    result = _run_build(project)
    assert result.returncode == 0, result.stderr
    assert "briefs/broken.txt [published]: not a real date" in result.stderr
    assert (
        project / "site" / "briefs" / "us-china-track-two-nuclear-talks" / "index.html"
    ).is_file()
    assert not (project / "site" / "briefs" / "broken").exists()
    strict = _run_build(project, "--strict")
    assert strict.returncode != 0
    assert "briefs/broken.txt [published]" in strict.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _wait_for(url: str, status: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _get(url) == status:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_brief_is_added_or_broken(project: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "builder",
            "-f",
            str(project / "mkdocs.yml"),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        assert _wait_for(f"{base}/", 200, 90), (project / "serve.log").read_text()
        assert _get(f"{base}/briefs/tokyo-defence-spending/") == 404
        (project / "briefs" / "tokyo-defence-spending.txt").write_text(GOOD, "utf-8")
        assert _wait_for(f"{base}/briefs/tokyo-defence-spending/", 200, 90)
        assert _wait_for(f"{base}/en/briefs/tokyo-defence-spending/", 200, 30)
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
