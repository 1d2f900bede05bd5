"""The benchmarks' memory sampler (``briefing_tools.benchmarks.memory``) sees a process
tree's memory: a child's allocation counts, and a page shared since a fork counts once in
the tree's proportional total though it is in both processes' resident sizes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from briefing_tools.benchmarks.memory import TreeSampler

# Holds 200 MB, forks, and both processes wait: the forked one shares the 200 MB.
_HOLD = """
import os, sys, time
block = bytearray(200 * 2**20)
for i in range(0, len(block), 4096):
    block[i] = 1
pid = os.fork()
sys.stdout.write("ready\\n"); sys.stdout.flush()
time.sleep(30)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_forked_tree_is_counted_once_in_its_proportional_total() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        sampler = TreeSampler(process.pid)
        sampler.sample()
        peaks = sampler.peaks
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the forked one too
        process.wait()
    assert peaks.samples == 1
    assert peaks.python_rss_mb >= 200  # each process's resident size holds the block
    assert 200 <= peaks.tree_pss_mb < 320  # the two together hold it once
    assert peaks.pagefind_rss_mb == 0
