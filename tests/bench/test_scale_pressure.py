"""The big-account pressure figure is the median of several rounds' ratios, not one sample.

A p95 of 15 samples is their second slowest: one stalled request on a shared machine moved the
whole figure past 2x in one run and not in the next. The benchmark now repeats idle + loaded
rounds and reports each round's ratios, their median and the pooled phases.
"""

from __future__ import annotations

import pytest

from bench.scale_pressure import Phase, Pressure, Round
from bench.scale_run import _parser, _pressure_line, _pressure_rounds


def _round(idle: list[float], loaded: list[float]) -> Round:
    return Round(Phase(samples=idle), Phase(samples=loaded), load_average=1.0)


def test_one_noisy_round_does_not_decide_the_figure() -> None:
    pressure = Pressure(50_000, Phase(), Phase())
    # 20 samples a phase: the p95 (nearest rank) is the 19th fastest.
    steady = [20.0] * 18 + [25.0, 25.0]
    pressure.add(_round(steady, [30.0] * 18 + [40.0, 40.0]))  # 1.5x at p50, 1.6x at p95
    pressure.add(_round(steady, [30.0] * 18 + [400.0, 400.0]))  # a stall: 16x at p95
    pressure.add(_round(steady, [32.0] * 18 + [45.0, 45.0]))  # 1.6x, 1.8x

    assert pressure.p50_ratio == pytest.approx(1.5)
    assert pressure.p95_ratio == pytest.approx(1.8)
    figures = pressure.as_json()
    assert [each["p95_ratio"] for each in figures["rounds"]] == [1.6, 16.0, 1.8]
    assert figures["p95_ratio"] == 1.8
    assert figures["idle"]["samples"] == figures["loaded"]["samples"] == 60
    assert figures["pooled_p50_ratio"] == 1.5
    assert "median of 3 rounds' ratios p50 1.50x, p95 1.80x" in _pressure_line(pressure)
    assert _pressure_rounds(pressure).row_count == 4  # each round, then the median


def test_the_default_run_takes_more_samples_in_more_rounds() -> None:
    assert _parser().parse_args([]).pressure_rounds is None  # main() picks 5 rounds of 40
    parsed = _parser().parse_args(["--quick", "--pressure-rounds", "2", "--samples", "9"])
    assert (parsed.pressure_rounds, parsed.samples) == (2, 9)
