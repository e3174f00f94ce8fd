"""The results table: framework and baseline figures with their units, the ratio and the target."""

from __future__ import annotations

import math
from collections.abc import Sequence

from benchmarks.common import Row

TIMES = "x"
COLUMNS = ("benchmark", "case", "framework", "baseline", "ratio", "target", "note")


def figure(value: float, unit: str) -> str:
    if unit == "items/s" or value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"


def cells(row: Row) -> tuple[str, ...]:
    ratio = "n/a" if math.isnan(row.ratio) else f"{row.ratio:.2f}{TIMES}"
    return (row.benchmark, row.case, figure(row.framework, row.unit), figure(row.baseline, row.unit), ratio,
            row.target, row.note)


def render(rows: Sequence[Row]) -> str:
    """A plain-text table (also valid Markdown) with one line per row."""
    body = [cells(row) for row in rows]
    widths = [max(len(line[i]) for line in (COLUMNS, *body)) for i in range(len(COLUMNS))]
    lines = [COLUMNS, tuple("-" * w for w in widths), *body]
    return "\n".join("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
                     for line in lines)
