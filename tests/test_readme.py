"""The README stays true: its tables of actions and picklists match the component's declarations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

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


RUNS = "<!-- runs in tests/test_readme.py -->\n```python\n"


def runnable_snippets() -> list[str]:
    """The README's Python blocks marked to run, in order."""
    return [part.split("\n```", 1)[0] for part in README.split(RUNS)[1:]]


def test_the_readme_marks_its_author_examples_to_run() -> None:
    """The invoke example and the action declaration are both marked, so both are executed below."""
    snippets = runnable_snippets()
    assert len(snippets) == 2
    assert "invoke(gorgias, \"getTicket\"" in snippets[0]
    assert "@action(\"getTicket\"" in snippets[1]


def test_the_invoke_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The author example runs as shown: invoke against a mocked Gorgias, the assertion included."""
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    exec(compile(runnable_snippets()[0], "README.md", "exec", dont_inherit=True), {})


def test_the_declaration_example_runs_and_declares_the_real_get_ticket(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's getTicket declaration runs and gives the shipped action's inputs, field by field."""
    namespace: dict[str, Any] = {}
    exec(compile(runnable_snippets()[1], "README.md", "exec", dont_inherit=True), namespace)
    declared = namespace["get_ticket"]
    shipped = gorgias.action("getTicket")
    assert (declared.key, declared.label) == (shipped.key, shipped.label)
    assert [s.manifest() for s in declared.inputs.specs] == [s.manifest() for s in shipped.inputs.specs]


def test_every_command_the_readme_shows_exists() -> None:
    """Each `gorgias-component WORD` in the README's shell blocks is a command of the CLI's table."""
    from component.cli import COMMANDS

    names = {command.name for command in COMMANDS}
    shown = set(re.findall(r"^\s*(?:\S+=\S+ )?gorgias-component ([a-z-]+)", README, re.MULTILINE))
    assert shown and shown <= names, shown - names
