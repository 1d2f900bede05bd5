"""The briefing CLI: extract --json contract, check, help, bad briefs by name, and the
commands other packages register (the tools' eval and bench)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from conftest import ROOT

import builder.cli as cli
from builder.cli import main
from builder.resolve.record import validate_record

SEEDS = sorted((ROOT / "briefs").glob("*.txt"))


def test_extract_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SEEDS[1]), str(SEEDS[0])]
    assert main(["extract", *files, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["file"] for item in data] == files  # input order
    for item in data:
        assert validate_record(item) == []
        assert set(item["published"]) >= {"value", "inferred"}
        for date in item["dates"]:
            assert date["text"] in Path(item["file"]).read_text("utf-8")
        for person in item["people"]:
            assert {"ar", "en", "forms", "role"} <= set(person)
        for country in item["countries"]:
            assert len(country["code"]) == 2
        for quote in item["quotes"]:
            assert quote["kind"] in ("direct", "indirect")
            assert quote["speaker"] is None or {"ar", "en"} <= set(quote["speaker"])


def _extracted(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, sidecar: str):
    """The source ``a.txt`` written with ``text`` and its sidecar, and its extracted record."""
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    (tmp_path / "a.yaml").write_text(sidecar, "utf-8")
    assert main(["extract", str(source), "--json"]) == 0
    return source, json.loads(capsys.readouterr().out)[0]


def test_extract_honours_the_sidecar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "وقال الرئيس إن المحادثات ستبدأ الأربعاء المقبل في جنيف بحضور الوفود.\n"
    source, item = _extracted(tmp_path, capsys, text, "published: 2024-05-06\noutlet: Example\n")
    assert item["published"] == {"value": "2024-05-06", "inferred": False, "precision": "day"}
    assert item["outlet"]["value"] == "Example"
    assert source.read_text("utf-8").startswith("وقال")


def test_extract_gives_a_month_known_alone_with_its_precision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "وقال الوزير أمس إن الجيش أجرى الشهر الماضي مناورات واسعة قرب الحدود.\n"
    _, item = _extracted(tmp_path, capsys, text, 'published: "2012-07"\n')
    assert item["published"] == {"value": "2012-07", "inferred": False, "precision": "month"}
    resolved = {date["text"]: date["resolved"] for date in item["dates"]}
    assert resolved == {"أمس": None, "الشهر الماضي": "2012-06"}


def test_extract_reports_a_bad_file_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert main(["extract", str(SEEDS[0]), str(bad), "--json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data[1] == {
        "file": str(bad),
        "error": {"field": "encoding", "message": data[1]["error"]["message"]},
    }
    assert "bad.txt [encoding]" in captured.err


def test_extract_leaves_out_a_bad_field_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("---\npublished: 2024-13-01\noutlet: Example\n---\nقال الوزير إن.\n")
    assert main(["extract", str(source), "--json"]) == 0
    captured = capsys.readouterr()
    [item] = json.loads(captured.out)
    assert item["published"]["value"] != "2024-13-01"
    assert item["outlet"]["value"] == "Example"
    assert "warning: " in captured.err and "a.txt [published]: not a real date" in captured.err


def test_check_lists_problems_and_fails_on_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(project / "mkdocs.yml")
    assert main(["-f", config, "check"]) == 0
    out = capsys.readouterr().out
    assert "5 sources checked: 0 errors" in out
    (project / "briefs" / "typo.txt").write_text("---\ncolour: red\n---\nنص المقال هنا.\n", "utf-8")
    assert main(["-f", config, "check"]) == 0
    assert "warning: briefs/typo.txt [colour]: unknown field" in capsys.readouterr().out
    assert main(["-f", config, "check", "--strict"]) == 1
    capsys.readouterr()
    (project / "briefs" / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    assert main(["-f", config, "check"]) == 1
    out = capsys.readouterr().out
    assert "error: briefs/broken.txt [encoding]: binary" in out


@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["check"], ["extract"], ["pdf"]])
def test_help_everywhere(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "usage: briefing" in result.stdout


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    (subcommands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(subcommands.choices)


def test_the_tools_commands_come_from_their_entry_point_group(
    tool_commands: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _command_names(cli.parser()) == {
        "build",
        "serve",
        "check",
        "extract",
        "pdf",
        "merge",
    } | {
        "eval",
        "bench",
        "audit",
    }
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "--help"])
    assert exit_.value.code == 0
    assert "Score extraction against gold annotations" in capsys.readouterr().out


def test_without_registered_commands_the_product_commands_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # An installation whose metadata predates the group, or the product without its tools.
    monkeypatch.setattr(cli, "entry_points", lambda *, group: [])
    assert _command_names(cli.parser()) == {"build", "serve", "check", "extract", "pdf", "merge"}
    assert main(["extract", "--json", str(SEEDS[0])]) == 0
    assert capsys.readouterr().err == ""


def test_a_broken_registered_command_is_left_out_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    group = cli.COMMAND_GROUP
    broken = [
        EntryPoint("missing", "briefing_tools.no_such_module:command", group),
        EntryPoint("odd", "builder.cli:DEFAULT_CONFIG", group),
        EntryPoint("build", "builder.cli.build:COMMAND", group),
    ]
    monkeypatch.setattr(cli, "entry_points", lambda *, group: broken)
    assert _command_names(cli.parser()) == {"build", "serve", "check", "extract", "pdf", "merge"}
    err = capsys.readouterr().err
    assert "command 'missing' (briefing_tools.no_such_module:command) not loaded" in err
    assert "command 'odd' (builder.cli:DEFAULT_CONFIG) is not a briefing Command" in err
    assert "command 'build' is defined twice; the first one is used" in err


def test_a_command_that_leaves_at_once_still_reports_its_status(tmp_path: Path) -> None:
    """``briefing merge`` (like ``build``) exits with ``os._exit``: the status and the
    message still come out."""
    result = subprocess.run(
        [sys.executable, "-m", "builder", "merge", str(tmp_path / "nowhere"), "-d", "site"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "nowhere/.briefing-shard.json: not a shard's site" in result.stderr
    assert not (tmp_path / ".site.building").exists()


def test_a_progress_bar_starts_no_thread() -> None:
    # tqdm's monitor thread made every later fork of the build unsafe, so a build shown on
    # a terminal forked none of its processes (builder.runtime.processes).
    import threading

    from tqdm import TMonitor

    from builder.cli.progress import progress_bar
    from builder.runtime.processes import forking_is_safe

    assert list(progress_bar(range(3))) == [0, 1, 2]
    assert not any(isinstance(thread, TMonitor) for thread in threading.enumerate())
    assert forking_is_safe()
