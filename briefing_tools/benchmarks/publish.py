"""Old commit and new side by side, in one run: a cold build, a build with nothing changed and
a build after a one-sentence edit of one brief, each ``briefing build`` in a fresh process;
on request, two more builds that render every page: one from scratch with the extraction
cache kept (``fresh``) and one after a template change (``template``).

    python -m briefing_tools.benchmarks.publish --old OLD_TREE --project PROJECT
        [--work DIR] [--rounds N] [--steps cold,nochange,edit,fresh,template]
        [--old-rounds N]

``OLD_TREE`` is a checkout of the old commit (``git worktree add /tmp/old <commit>``), run
with ``PYTHONPATH`` pointing at it; the new code is this checkout's. ``PROJECT`` is a project
folder with its sources (``briefing_tools.bench.prepare_project`` or
``prepare_corpus_project`` make one). Each version builds its own copy of the project's
inputs (PDFs off, as in ``briefing bench``). A cold build starts with no site, no generated
pages and no extraction cache; with other steps, only the first round has one. A fresh
build has no site, no generated pages and no saved memo, but the extraction cache of the
build before it (a new checkout that restores it, as a CI cache would). A template build
follows a comment appended to ``overrides/main.html``: the builder keeps its pages, MkDocs
renders every one. The builder step's seconds are read from the build's log (``-v``). The versions
alternate within each round (the first round old first, the next new first) so that a
noisy machine weighs on both; ``--old-rounds`` runs the old code in fewer rounds. Peak
memory is the largest process of the build's tree (``wait4``: the build and the processes
it waited for, Pagefind and the rendering processes included); sampled every second
(``briefing_tools.benchmarks.memory``), the largest Python process, Pagefind, and the sum
of the tree's proportional set sizes (shared pages counted once). Prints a Markdown table of
the medians and writes every figure to ``WORK/publish-bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from briefing_tools.bench import site_setup
from briefing_tools.benchmarks.memory import TreeSampler
from builder.config import CACHE_DIR, GENERATED_DIRS

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = '\n\nوقال وزير الخارجية الأمريكي جون كيري إن "المحادثات مستمرة" يوم الخميس.\n'
"""Appended to one brief for the edit step (a person, a quote and a date)."""
BUILDER_STEP = re.compile(r"builder step (\d+\.\d) s")
"""The builder step's seconds in the build's log (the commits before it do not say)."""


def copy_inputs(project: Path, target: Path) -> Path:
    """``target`` with ``project``'s inputs (sources, hand-written pages, overrides, and
    ``mkdocs.yml`` with PDFs off) and none of its outputs."""
    site_setup(project, target)
    shutil.copytree(project / "briefs", target / "briefs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "pdf: false" not in config:
        config = config.replace(
            "      data_dir: data\n", "      data_dir: data\n      pdf: false\n"
        )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def _without_outputs(project: Path) -> None:
    """No site and no generated pages."""
    shutil.rmtree(project / "site", ignore_errors=True)
    for name in GENERATED_DIRS:
        target = project / "docs" / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def make_cold(project: Path) -> None:
    """No site, no generated pages, no extraction cache."""
    _without_outputs(project)
    shutil.rmtree(project / ".cache", ignore_errors=True)


def make_fresh(project: Path) -> None:
    """No site, no generated pages, nothing the last build saved but its extraction cache."""
    _without_outputs(project)
    extraction = project / CACHE_DIR
    folder = extraction.parent
    for path in folder.iterdir() if folder.is_dir() else ():
        if path != extraction:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def touch_template(project: Path, index: int) -> None:
    """Append a comment to the theme override: a template change, every page rendered."""
    with (project / "overrides" / "main.html").open("a", encoding="utf-8") as out:
        out.write(f"\n{{# benchmark {index} #}}\n")


def edit_one(project: Path, index: int) -> Path:
    """Append :data:`SENTENCE` to the ``index``-th source (by name)."""
    sources = sorted(project.glob("briefs/*.txt")) or sorted(project.glob("briefs/*.md"))
    source = sources[index % len(sources)]
    with source.open("a", encoding="utf-8") as out:
        out.write(SENTENCE)
    return source


def timed_build(project: Path, code: Path) -> dict[str, float]:
    """``python -m builder build`` in ``project`` with ``code`` first on the path: wall
    seconds, the peak resident memory of its largest process (``wait4``) and, sampled
    (``briefing_tools.benchmarks.memory``), the largest Python process, Pagefind and the
    whole tree's proportional set size, in MB."""
    environment = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "-v", "build"],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    sampler = TreeSampler(process.pid).start()
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    peaks = sampler.stop()
    step = BUILDER_STEP.search(errors.decode("utf-8", "replace"))
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace")[-3000:]
        raise RuntimeError(f"build in {project} failed:\n{message}")
    return {
        "seconds": round(seconds, 1),
        "builder_s": float(step.group(1)) if step else float("nan"),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "python_mb": peaks.python_rss_mb,
        "pagefind_mb": peaks.pagefind_rss_mb,
        "tree_pss_mb": peaks.tree_pss_mb,
    }


def run(
    old: Path, project: Path, work: Path, rounds: int, steps: list[str], old_rounds: int
) -> dict[str, dict[str, list[dict[str, float]]]]:
    """Every step of every round for both versions: version -> step -> figures per round."""
    versions = {"old": old.resolve(), "new": ROOT}
    copies = {name: copy_inputs(project, work / name) for name in versions}
    figures: dict[str, dict[str, list[dict[str, float]]]] = {
        name: {step: [] for step in steps} for name in versions
    }
    for round_number in range(rounds):
        order = ["old", "new"] if round_number % 2 == 0 else ["new", "old"]
        for name in order:
            if name == "old" and round_number >= old_rounds:
                continue
            for step in steps:
                if step == "cold" and round_number > 0 and len(steps) > 1:
                    continue  # the later rounds measure the rebuilds of the first's site
                copy = copies[name]
                if step == "cold":
                    make_cold(copy)
                elif step == "fresh":
                    if not (copy / CACHE_DIR).is_dir():
                        timed_build(copy, versions[name])  # an extraction cache to keep
                    make_fresh(copy)
                else:
                    if not (copy / "site").is_dir():
                        timed_build(copy, versions[name])  # a site to rebuild
                    if step == "template":
                        touch_template(copy, round_number)
                    elif step == "edit":
                        edit_one(copy, 17 * (round_number + 1))
                result = timed_build(copy, versions[name])
                figures[name][step].append(result)
                print(f"round {round_number + 1}, {name}, {step}: {result}", flush=True)
    return figures


def table(figures: dict[str, dict[str, list[dict[str, float]]]]) -> str:
    """Medians of each step, old and new, and their ratio."""
    lines = [
        "| step | old s (each round) | new s (each round) | new / old "
        "| old peak MB | new peak MB | new: Python / Pagefind / tree MB "
        "| new: builder step s (share of the build) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def cell(runs: list[dict[str, float]], key: str = "seconds") -> tuple[float, str]:
        values = [run[key] for run in runs]
        if not values:
            return float("nan"), "–"
        middle = statistics.median(values)
        return middle, f"{middle:,.1f} ({', '.join(f'{v:,.1f}' for v in values)})"

    for step in figures["new"]:
        old, old_text = cell(figures["old"][step])
        new, new_text = cell(figures["new"][step])
        old_peak, _ = cell(figures["old"][step], "peak_mb")
        new_peak, _ = cell(figures["new"][step], "peak_mb")
        sampled = " / ".join(
            f"{cell(figures['new'][step], key)[0]:,.0f}"
            for key in ("python_mb", "pagefind_mb", "tree_pss_mb")
        )
        shares = [run["builder_s"] / run["seconds"] for run in figures["new"][step]]
        builder, _ = cell(figures["new"][step], "builder_s")
        share = f"{builder:,.1f} ({statistics.median(shares):.0%})" if shares else "–"
        lines.append(
            f"| {step} | {old_text} | {new_text} | {new / old:.2f} | {old_peak:,.0f} "
            f"| {new_peak:,.0f} | {sampled} | {share} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the comparison and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="a checkout of the old commit")
    parser.add_argument("--project", type=Path, required=True, help="a project with sources")
    parser.add_argument("--work", type=Path, default=Path("bench-work/publish"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--old-rounds", type=int, default=None, help="rounds of the old code")
    parser.add_argument("--steps", default="cold,nochange,edit")
    args = parser.parse_args()
    steps = [step for step in args.steps.split(",") if step]
    unknown = set(steps) - {"cold", "nochange", "edit", "fresh", "template"}
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    old_rounds = args.rounds if args.old_rounds is None else args.old_rounds
    figures = run(
        args.old, args.project.resolve(), args.work.resolve(), args.rounds, steps, old_rounds
    )
    (args.work / "publish-bench.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(table(figures))


if __name__ == "__main__":
    main()
