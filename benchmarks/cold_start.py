"""Benchmark 4: a new process importing the component and building its manifest, against importing its dependencies."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial

from benchmarks.common import Row, interleaved, repeat

NAME = "coldstart"
COMPONENT = "from gorgias_component import gorgias; gorgias.manifest()"
DEPENDENCIES = "import pydantic, requests, authlib, jsonschema"
INTERPRETER = "pass"


def spawn(code: str) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GORGIAS_", "PYTHON"))}
    subprocess.run([sys.executable, "-c", code], check=True, env=environment)


def run(quick: bool) -> list[Row]:
    rounds = 3 if quick else 21
    sides = {code: repeat(partial(spawn, code)) for code in (COMPONENT, DEPENDENCIES, INTERPRETER)}
    ms = {code: seconds * 1000 for code, seconds in interleaved(sides, rounds=rounds, calls=1, warmup=1).items()}
    return [
        Row(NAME, "import + manifest() vs import deps", ms[COMPONENT], ms[DEPENDENCIES], "ms", "<= 1.3x",
            f"+{ms[COMPONENT] - ms[DEPENDENCIES]:.0f} ms; bare interpreter {ms[INTERPRETER]:.0f} ms"),
    ]

