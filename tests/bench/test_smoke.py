"""The benchmark harness stays alive: a smoke run prints every figure with its target."""

from __future__ import annotations

import re
import subprocess
import sys

from core.settings import REPO_ROOT


def test_bench_smoke_run_prints_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    ratios = re.findall(r"ratio (\d+\.\d+)", out)
    # authz warm + cold, access audit (one customer, a page), Customer360 vs direct,
    # 100 customers x orders vs direct, RSS growth.
    assert len(ratios) == 7
    assert all(float(ratio) > 0 for ratio in ratios)
    assert re.search(r"reindex into embedded \(sqlite store\): [\d,]+ notes/s \(target", out)
    assert re.search(r"access audit, one Customer360 .*\(SQLite\): ratio \d+\.\d+", out)
    assert "upstream calls per list query (N = 1 / 10 / 100)" in out
    assert re.search(r"createNote over HTTP \(\d+ concurrent clients\): [\d.,]+ notes/s", out)
    assert "commit-to-searchable freshness" in out
    assert re.search(
        r"gateway peak RSS under sustained load \(\d+ clients, \d+ s\): [\d.,]+ MiB "
        r"\(target <= [\d,]+ MiB: (met|MISSED)\)",
        out,
    )
    assert re.search(r"gateway RSS growth under load .*: ratio \d+\.\d+ \(target <= ", out)
    assert re.search(r"sustained load on one gateway: throughput: [\d.,]+ req/s", out)
    assert "sustained load: errors: 0.00 errors (target 0: met)" in out
    assert "scale-out skipped (needs PostgreSQL and OpenSearch)" in out
