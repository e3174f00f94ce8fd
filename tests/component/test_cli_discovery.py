"""Discovery on the command line: `actions`, `datasources`, `describe KEY`, the help and the command table."""

from __future__ import annotations

import argparse

import pytest

from component import cli
from component.cli import COMMANDS, Command, main
from gorgias_component import gorgias


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_actions_lists_every_action_key_and_label(capsys: pytest.CaptureFixture[str]) -> None:
    """`actions` prints one line per action: the key, padded to the longest, then the label."""
    status, out, err = run(capsys, "actions")
    assert (status, err) == (0, "")
    width = max(len(action.key) for action in gorgias.actions)
    assert out.splitlines() == [f"{action.key.ljust(width)}  {action.label}" for action in gorgias.actions]
    assert f"{'createCustomer':<{width}}  Create Customer" in out.splitlines()


def test_datasources_lists_every_data_source(capsys: pytest.CaptureFixture[str]) -> None:
    """`datasources` prints the picklists' keys and labels."""
    status, out, _ = run(capsys, "datasources")
    assert status == 0
    width = max(len(source.key) for source in gorgias.data_sources)
    assert f"{'selectCustomer':<{width}}  Select Customer\nselectEvent" in out
    assert out == "".join(f"{source.key:<{width}}  {source.label}\n" for source in gorgias.data_sources)


def test_describe_prints_key_type_required_default_example_and_comments(capsys: pytest.CaptureFixture[str]) -> None:
    """`describe getTicket` shows each input with its type, whether it is required, default, example and comments."""
    status, out, err = run(capsys, "describe", "getTicket")
    assert (status, err) == (0, "")
    assert out == (
        "getTicket (action): Get Ticket\n"
        "Retrieve a ticket.\n"
        "\n"
        "Inputs:\n"
        "  debug  (boolean, optional, default: false)  Debug Request\n"
        "      Enabling this flag will log out the current request.\n"
        "  id  (string, required)  Ticket ID\n"
        "      The ID of the ticket.\n"
        "  relationships  (string list, optional)  Relationships\n"
        "      example: custom_fields\n"
        "      Names of relations that should be included in returned data.\n"
    )


def test_describe_a_data_source_and_a_key_value_input(capsys: pytest.CaptureFixture[str]) -> None:
    """A data source is described too; a key-value input says so in its type."""
    status, out, _ = run(capsys, "describe", "selectMessage")
    assert status == 0
    assert out.startswith("selectMessage (data source): Select Message\n")
    assert "  ticket_id  (string, " in out
    _, raw, _ = run(capsys, "describe", "rawRequest")
    assert "  queryParams  (string key-value list, optional)  Query Parameter\n" in raw


def test_describe_an_unknown_key_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown key is exit 2; with no close match the line lists every action and data source key."""
    status, out, err = run(capsys, "describe", "frobnicate")
    keys = [a.key for a in gorgias.actions] + [d.key for d in gorgias.data_sources]
    assert (status, out) == (2, "")
    assert err == (f"error: No action or data source 'frobnicate' in component 'gorgias'. "
                   f"Valid keys: {', '.join(keys)}.\n")
    status, _, err = run(capsys, "describe", "getTickt")
    assert (status, err) == (2, "error: No action or data source 'getTickt' in component 'gorgias'. "
                                "Did you mean 'getTicket'?\n")


def test_an_unknown_input_without_a_close_match_lists_the_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    """`run getTicket --input zzz=1` names the inputs getTicket takes; nothing is sent (no connection needed)."""
    status, out, err = run(capsys, "run", "getTicket", "--sandbox", "--input", "zzz=1")
    assert (status, out) == (2, "")
    assert err == "error: Unknown input 'zzz' for 'getTicket'. Valid inputs: debug, id, relationships.\n"


def test_help_says_run_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    """The top-level help lists every command of the table, `run` as "run an action"."""
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0
    assert "run an action and print its result" in out
    assert "run a action" not in out
    for command in COMMANDS:
        assert f"    {command.name} " in out


def test_a_command_added_to_the_table_is_parsed_and_run(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding a subcommand is one Command entry: its options are parsed and its run's status is the exit status."""
    seen: list[argparse.Namespace] = []

    def options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=1)

    def greet(component: object, args: argparse.Namespace) -> int:
        seen.append(args)
        return 7

    monkeypatch.setattr(cli, "COMMANDS", (*COMMANDS, Command("greet", "greet it", greet, options)))
    assert main(["greet", "--port", "9"]) == 7
    assert seen[0].port == 9


def test_an_option_error_is_one_line_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse errors are one line on stderr (no usage dump) and exit status 2."""
    with pytest.raises(SystemExit) as caught:
        main(["run"])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert err == "error: the following arguments are required: ACTION (see gorgias-component run --help)\n"


def test_describe_shows_a_json_example_for_a_code_input(capsys: pytest.CaptureFixture[str]) -> None:
    """A required code input without a documented example shows its JSON example, ready to pass with --input."""
    import json

    status, out, _ = run(capsys, "describe", "createCustomer")
    assert status == 0
    block = out.split("  channels  (code, required)  Channels\n", 1)[1]
    example = block.splitlines()[0].removeprefix("      example: ")
    assert json.loads(example) == [{"type": "email", "address": "john@example.com", "preferred": True}]
