"""The benchmark harness stays alive: a smoke run prints a ratio for each comparison."""

from __future__ import annotations

import re
import subprocess
import sys

from gateway.settings import REPO_ROOT


def test_bench_smoke_run_prints_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    ratios = re.findall(r"ratio (\d+\.\d+)", " ".join(result.stdout.split()))
    assert len(ratios) == 2
    assert all(float(ratio) > 0 for ratio in ratios)
