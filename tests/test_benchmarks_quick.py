"""The benchmarks' quick mode runs end to end and prints a table with every benchmark and a ratio column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import __main__ as cli

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ("executor", "fetchall", "ratebudget", "coldstart", "picklist", "picklistpage", "mcp", "triggers")


def test_the_cli_knows_exactly_the_eight_benchmarks() -> None:
    """`--only` accepts the eight documented benchmark names and no other."""
    assert tuple(cli.BENCHMARKS) == BENCHMARKS


@pytest.mark.timeout(330)  # the subprocess's own 300 s limit, not the suite's default, decides
def test_quick_mode_exits_0_and_prints_a_row_with_a_ratio_for_every_benchmark() -> None:
    """`python -m benchmarks --quick` exits 0 and its table has a ratio column and rows for all eight benchmarks."""
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header[:5] == ["benchmark", "case", "framework", "baseline", "ratio"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert {row[0] for row in rows} == set(BENCHMARKS)
    assert all(row[4].endswith("x") and float(row[4][:-1]) > 0 for row in rows)
