"""Time and memory of the reader and the extractors on hostile sources.

    .venv/bin/python -m briefing_tools.benchmarks.hostile [RUNS]

For each source of ``tests/site/hostile/briefs/``, a 20 MB source, a 100,000-character line and
run-on texts of 200,000 characters made of one repeated news phrase (a date, a figure, a
speech verb, a name, a relative date ...), reports the median seconds of read + clean +
extract over RUNS runs (default 3) and the peak memory of one run (tracemalloc).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from builder.config import PACKAGE_DATA  # noqa: E402
from builder.knowledge import load_knowledge  # noqa: E402
from builder.model import Problem  # noqa: E402
from builder.runtime.analyse import analyse_source  # noqa: E402

PHRASES = [
    "قال ", "«", "في 12 يناير 2024 ", "5 ملايين دولار ", "وزير الخارجية الأمريكي ", "أمس ",
    "١٢٣ ", "محمد بن سلمان ", "الولايات المتحدة ", "[1] ", "https://x.org/a ",
]  # fmt: skip


def _generated(folder: Path) -> list[Path]:
    article = (ROOT / "tests/site/hostile/briefs/enc-utf8-bom.txt").read_bytes()[3:]
    big = folder / "size-20mb.txt"
    big.write_bytes((article + b"\n") * (20 * 2**20 // (len(article) + 1) + 1))
    line = " ".join(article.decode("utf-8").split()) + " "
    long_line = folder / "size-long-line.txt"
    long_line.write_text(line * (100_000 // len(line) + 1), "utf-8")
    paths = [big, long_line]
    for number, phrase in enumerate(PHRASES):
        path = folder / f"run-on-{number:02d}.txt"
        path.write_text("كلمة " + (phrase * (200_000 // len(phrase) + 1))[:199_000], "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    knowledge = load_knowledge((PACKAGE_DATA,))
    with tempfile.TemporaryDirectory() as folder:
        sources = sorted((ROOT / "tests/site/hostile/briefs").glob("*.txt")) + _generated(
            Path(folder)
        )
        print(f"{'source':40} {'outcome':8} {'median s':>9} {'peak MB':>8}")
        for path in sources:
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                outcome = analyse_source(path, path.name, knowledge)
                times.append(time.perf_counter() - started)
            tracemalloc.start()
            analyse_source(path, path.name, knowledge)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            kind = "refused" if isinstance(outcome, Problem) else "built"
            shown = path.name if len(path.name) <= 40 else path.name[:37] + "..."
            print(f"{shown:40} {kind:8} {statistics.median(times):9.3f} {peak:8.1f}")


if __name__ == "__main__":
    main()
