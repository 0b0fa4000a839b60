"""The tracing benchmark stays alive: a tiny run prints its figures, and the exporting
gateway's spans reach the loopback receiver."""

from __future__ import annotations

import re
import subprocess
import sys

from core.settings import REPO_ROOT

# Tiny data, and micro-measurements a tenth of their default size (the figures' lines, not
# their precision, are what this checks).
TINY = (
    "--customers", "5", "--notes", "50", "--rounds", "5",
    "--span-calls", "5000", "--statement-blocks", "4",
)  # fmt: skip


def test_tracing_bench_prints_off_sampled_out_and_exporting() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.tracing", *TINY],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert re.search(r"tracing off: one span site \(module flag\), per call: [\d.,]+ ns", out)
    assert re.search(r"tracing sampled out / off, p50: ratio \d+\.\d+", out)
    exported = re.search(
        r"tracing exporting / off, p50: ratio \d+\.\d+.*?(\d+) spans received", out
    )
    assert exported, out
    assert int(exported.group(1)) > 0
