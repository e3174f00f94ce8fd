"""The `poll` and `watch` commands: run a trigger with its state kept in a file, written only after the output."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from component.arguments import UsageError, input_values

if TYPE_CHECKING:
    from component.components import Component

__all__ = ["POLL_HELP", "WATCH_HELP", "Plumbing", "poll", "poll_options", "watch", "watch_options"]

POLL_HELP = "poll a trigger once: print {data, state, more}, then save the state to --state FILE"
WATCH_HELP = ("poll a trigger until Ctrl-C, one item per line (NDJSON); the state is saved after each batch "
              "is written, so a crash repeats at most one batch and never skips one")


class Plumbing:
    """What the commands take from `component.cli` (passed in, so this module does not import it back)."""

    def __init__(self, connection_options: Callable[[argparse.ArgumentParser], None],
                 connected: Callable[[Component, argparse.Namespace], AbstractContextManager[tuple[Component, Any]]],
                 token_saver: Callable[[argparse.Namespace], Any]) -> None:
        """`connected(component, args)` gives the component bound to the invocation's runtime and the connection."""
        self.connection_options, self.connected, self.token_saver = connection_options, connected, token_saver


def poll_options(parser: argparse.ArgumentParser, plumbing: Plumbing) -> None:
    """KEY, --state FILE, the connection and the inputs."""
    parser.add_argument("key", metavar="TRIGGER", help="the trigger key (see `manifest`)")
    parser.add_argument("--state", metavar="FILE", required=True,
                        help="the state file: read if it exists (else start now), rewritten atomically after the "
                             "output is written")
    plumbing.connection_options(parser)
    parser.add_argument("--input", action="append", default=[], metavar="KEY=VALUE",
                        help="one input value, e.g. since=2024-01-01T00:00:00Z or maxItems=100")


def watch_options(parser: argparse.ArgumentParser, plumbing: Plumbing) -> None:
    """The poll options plus --interval."""
    poll_options(parser, plumbing)
    parser.add_argument("--interval", type=float, default=30.0, metavar="SECONDS",
                        help="seconds between polls when nothing more is waiting (default 30)")


def _load(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError:
        raise UsageError(f"--state {path}: not JSON; delete it to start again from now") from None


def save_state(path: str, state: Any) -> None:
    """Write the state next to the file, then rename it over: a crash leaves the old or the new state, whole."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".state-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(state, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _inputs(component: Component, args: argparse.Namespace) -> dict[str, Any]:
    found = next((t for t in component.triggers if t.key == args.key), None)
    return input_values(None, args.input, found.inputs.specs if found is not None else ())


def poll(component: Component, args: argparse.Namespace, plumbing: Plumbing) -> int:
    """One poll: the result on standard output, flushed, then the new state saved."""
    inputs = _inputs(component, args)
    state = _load(args.state)
    with plumbing.connected(component, args) as (component, connection):
        result = component.run_trigger(args.key, inputs, connection, state, on_token_refresh=plumbing.token_saver(args))
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    save_state(args.state, result["state"])
    return 0


def watch(component: Component, args: argparse.Namespace, plumbing: Plumbing) -> int:
    """Poll until interrupted: each item a JSON line; the state saved once its batch is flushed."""
    if args.interval < 0:
        raise UsageError("--interval: expected a number of seconds >= 0")
    inputs = _inputs(component, args)
    state = _load(args.state)
    with plumbing.connected(component, args) as (component, connection):
        while True:
            result = component.run_trigger(args.key, inputs, connection, state, on_token_refresh=plumbing.token_saver(args))
            for item in result["data"]:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            state = result["state"]
            save_state(args.state, state)
            if not result["more"]:
                time.sleep(args.interval)
