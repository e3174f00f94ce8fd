"""The README stays true: its tables of actions and picklists match the component's declarations."""

from __future__ import annotations

import re
from pathlib import Path

from gorgias_component import gorgias

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def table_rows(heading: str) -> dict[str, list[str]]:
    """The rows of the table under `## heading`, by the key in their first cell."""
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and cells:
            rows[cells[0].strip("`")] = cells
    return rows


def test_the_actions_table_lists_every_action_with_its_label_and_required_inputs() -> None:
    """One row per action, in registry order, with the declared label and the required inputs."""
    rows = table_rows("Actions")
    assert list(rows) == [action.key for action in gorgias.actions]
    for action in gorgias.actions:
        required = [spec.key for spec in sorted(action.inputs.specs, key=lambda s: s.key.casefold()) if spec.required]
        _, label, _, inputs = rows[action.key]
        assert label == action.label
        assert re.findall(r"`([^`]+)`", inputs) == required


def test_the_picklists_table_lists_every_data_source_with_its_inputs() -> None:
    """One row per data source with the declared label and every input besides the connection."""
    rows = table_rows("Picklists")
    assert list(rows) == [source.key for source in gorgias.data_sources]
    for source in gorgias.data_sources:
        _, label, inputs, _ = rows[source.key]
        assert label == source.label
        assert re.findall(r"`([^`]+)`", inputs) == [spec.key for spec in source.inputs.specs]


def test_the_readme_names_the_two_set_up_commands_that_ci_runs() -> None:
    """The main job on the sandbox and the test command are both in the README and in .ci/run."""
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "gorgias-component run listTickets --sandbox" in README and "gorgias-component run listTickets --sandbox" in ci
    assert "python -m pytest -q" in README and "python -m pytest -q" in ci
