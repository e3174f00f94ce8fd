"""The command line of an installed component: run an action or a data source, check a connection, discover.

Results go to standard output as JSON; errors to standard error as one readable line. Exit status
0 on success, 2 when an input, option, key or connection field is invalid (nothing was sent), 1 when
the API or the network failed.

Every subcommand is one `Command` in `COMMANDS`: its name, help, options and what it runs. Adding a
subcommand is adding one entry (its code may live in its own module and be imported on first use).
A command that calls the API makes one `Runtime` from the environment (after --sandbox has set the
sandbox's settings) and runs every call of the invocation through the component bound to it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, NoReturn

from component import progress, trigger_cli
from component.arguments import UsageError, input_values, list_hint, read_json
from component.components import Component
from component.errors import ComponentError, InputError
from component.runtime import Runtime

__all__ = ["COMMANDS", "ENTRY_POINT_GROUP", "Command", "UsageError", "connected", "load_component", "main"]

ENTRY_POINT_GROUP = "component.components"
PROG = "gorgias-component"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: "error: argument --port: ..." and exit status 2, no usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"error: {message} (see {self.prog} --help)\n")


@dataclass(frozen=True)
class Command:
    """One subcommand: its name and help, the options it adds, and what it runs (returning the exit status)."""

    name: str
    help: str
    run: Callable[[Component, argparse.Namespace], int | None]
    options: Callable[[argparse.ArgumentParser], None] = lambda parser: None
    own_parser: bool = False  # everything after the name goes to the command's own parser (`sandbox`)


def load_component(name: str | None = None) -> Component:
    """The installed component called `name`, or the only one installed."""
    found = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    if name is None:
        if len(found) != 1:
            raise UsageError(f"{len(found)} components are installed ({', '.join(sorted(found)) or 'none'}): "
                             "choose one with --component")
        name = next(iter(found))
    if name not in found:
        raise UsageError(f"no component named '{name}' is installed (found: {', '.join(sorted(found)) or 'none'})")
    component = found[name].load()
    if not isinstance(component, Component):
        raise UsageError(f"entry point '{name}' does not name a Component")
    return component


# -- output ---------------------------------------------------------------------------------------


def _print(result: Any) -> None:
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or unusual streams
        return False


# -- connections ------------------------------------------------------------------------------------


def connection_options(parser: argparse.ArgumentParser) -> None:
    """--connection FILE and --sandbox, for the commands that talk to the API."""
    parser.add_argument("--connection", metavar="FILE", help="connection JSON file ('-' for standard input): "
                        '{"key": ..., "fields": {...}}')
    parser.add_argument("--sandbox", action="store_true",
                        help="start a fresh bundled sandbox with demo data for this one command (nothing it creates "
                             "lasts to the next command; for a lasting one run `sandbox --write-connection FILE`)")


@contextmanager
def _environment(changes: Mapping[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def connection_of(component: Component, args: argparse.Namespace) -> Iterator[Any]:
    """The connection of --connection FILE, or of a sandbox started for this command with --sandbox."""
    if args.sandbox:
        if args.connection:
            raise UsageError("--sandbox and --connection cannot be combined: --sandbox brings its own connection")
        if component.sandbox is None:
            raise UsageError(f"component '{component.key}' has no sandbox")
        with component.sandbox() as (connection, environment):
            clash = sorted(name for name in environment if os.environ.get(name, "").strip())
            if clash:
                raise UsageError(f"--sandbox sets {', '.join(clash)}, which is already set in the environment: "
                                 "unset it, or drop --sandbox to use it")
            with _environment(environment):
                yield connection
        return
    if not args.connection:
        raise UsageError("give --connection FILE (or --sandbox to try the bundled sandbox)")
    yield read_json(args.connection, "connection")


@contextmanager
def connected(component: Component, args: argparse.Namespace) -> Iterator[tuple[Component, Any]]:
    """The component bound to this invocation's runtime, made once from the environment (with --sandbox, once
    the sandbox's settings are in it), and the connection of `connection_of`."""
    with connection_of(component, args) as connection:
        yield component.using(Runtime.from_environ()), connection


def _token_saver(args: argparse.Namespace) -> Callable[[dict[str, Any]], None] | None:
    """With --connection FILE, every refreshed OAuth token is written back into the file, atomically."""
    if getattr(args, "sandbox", False) or not args.connection or args.connection == "-":
        return None
    from component.connection_file import replace_token

    path = args.connection
    return lambda token: replace_token(path, token)


# -- run, datasource, check ---------------------------------------------------------------------------


def _runnable_options(noun: str) -> Callable[[argparse.ArgumentParser], None]:
    def options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("key", metavar=noun.upper().replace(" ", "_"),
                            help=f"the {noun} key (list them with `{'actions' if noun == 'action' else 'datasources'}`)")
        connection_options(parser)
        parser.add_argument("--inputs", metavar="FILE", help="a JSON object of input values ('-' for standard input)")
        parser.add_argument("--input", action="append", default=[], metavar="KEY=VALUE",
                            help="one input value, overriding --inputs; repeat a key to give a list (or give a JSON "
                                 "array); a key-value input also takes a JSON object")
        if noun == "data source":
            parser.add_argument("--search", metavar="TEXT", help="only options whose label contains TEXT (one page)")
            parser.add_argument("--cursor", metavar="CURSOR", help="the page after the one that returned CURSOR")
            parser.add_argument("--limit", metavar="N", help="one page of at most N options (1-100)")

    return options


def _specs(items: Sequence[Any], key: str) -> Sequence[Any]:
    found = next((item for item in items if item.key == key), None)
    return found.inputs.specs if found is not None else ()


def _run(kind: str) -> Callable[[Component, argparse.Namespace], int]:
    def run(component: Component, args: argparse.Namespace) -> int:
        items = component.actions if kind == "action" else component.data_sources
        specs = _specs(items, args.key)
        inputs = input_values(args.inputs, args.input, specs)
        with connected(component, args) as (component, connection):
            saver = _token_saver(args)
            try:
                if kind == "action":
                    # A long fetchAll shows pages, items and items/s on standard error when it is a terminal.
                    with progress.fetch_progress(sys.stderr, progress.wanted(component, "run", args.key, inputs)):
                        result = component.run_action(args.key, inputs, connection, on_token_refresh=saver)
                else:
                    result = component.run_data_source(args.key, inputs, connection, search=args.search,
                                                       cursor=args.cursor, limit=args.limit, on_token_refresh=saver)
            except InputError as exc:
                spec = next((s for s in specs if s.key == exc.key), None)
                hint = list_hint(spec, inputs.get(exc.key))
                if hint:
                    raise InputError(exc.key, f"{exc}{hint}") from None
                raise
        _print(result)
        return EXIT_OK

    return run


def _check(component: Component, args: argparse.Namespace) -> int:
    """Prints the account as JSON, or one line ("Connected to ...") when standard output is a terminal."""
    with connected(component, args) as (component, connection):
        result = component.check_connection(connection, on_token_refresh=_token_saver(args))
        summary = component.check_summary
        if summary is not None and _is_terminal(sys.stdout):
            definition, fields, _ = component.executor.resolve(connection)
            sys.stdout.write(summary(result.get("data"), definition.key, fields, component.runtime.settings) + "\n")
            return EXIT_OK
    _print(result)
    return EXIT_OK


# -- discovery -----------------------------------------------------------------------------------------


def _list(kind: str) -> Callable[[Component, argparse.Namespace], int]:
    def run(component: Component, args: argparse.Namespace) -> int:
        from component.catalog import listing

        sys.stdout.write(listing(component.actions if kind == "action" else component.data_sources))
        return EXIT_OK

    return run


def _describe(component: Component, args: argparse.Namespace) -> int:
    from component.catalog import describe

    sys.stdout.write(describe(component, args.key))
    return EXIT_OK


def _describe_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", help="an action or data source key")


# -- oauth ------------------------------------------------------------------------------------------------


def _oauth_options(parser: argparse.ArgumentParser) -> None:
    steps = parser.add_subparsers(dest="oauth_command", required=True, metavar="STEP", parser_class=_Parser)
    url = steps.add_parser("authorize-url", help="print the URL to send the user to, with its state and nonce")
    exchange = steps.add_parser("exchange", help="trade the redirect's code for a token and store it in the file")
    for sub in (url, exchange):
        sub.add_argument("--connection", metavar="FILE", required=True, help="connection JSON file")
        sub.add_argument("--redirect-uri", metavar="URI", required=True, help="the redirect URI registered for the app")
    url.add_argument("--state", help="the state to send (default: a random one)")
    exchange.add_argument("--code", required=True, help="the code the redirect URI received")
    exchange.add_argument("--nonce", help="the nonce of the authorize URL, checked against the id_token")


def _oauth(component: Component, args: argparse.Namespace) -> int:
    """`oauth authorize-url` prints {"url", "state", "nonce"}; `oauth exchange` writes the token into the file."""
    from component.connection_file import replace_token
    from component.oauth_endpoints import HasOAuthClient, authorization_url, exchange_code

    if args.connection == "-":
        raise UsageError("oauth commands need --connection FILE, not standard input")
    runtime = Runtime.from_environ()
    definition, fields, _ = component.using(runtime).executor.resolve(read_json(args.connection, "connection"))
    if not isinstance(fields, HasOAuthClient):
        raise UsageError(f"connection '{definition.key}' does not use OAuth 2.0")
    client = fields.oauth_client(runtime.settings)
    if args.oauth_command == "authorize-url":
        url, state, nonce = authorization_url(client, args.redirect_uri, args.state)
        _print({"url": url, "state": state, "nonce": nonce})
        return EXIT_OK
    if not os.access(os.path.dirname(os.path.realpath(args.connection)), os.W_OK):
        raise UsageError(f"cannot store the token: the directory of {args.connection} is not writable")
    token = exchange_code(client, args.code, args.redirect_uri, nonce=args.nonce, runtime=runtime)
    try:
        replace_token(args.connection, token)
    except (OSError, ValueError) as exc:
        raise ComponentError(f"the code was exchanged but the token could not be stored in {args.connection} "
                             f"({type(exc).__name__}): authorize again") from None
    _print({"stored": args.connection, "expires_at": token.get("expires_at"), "scope": token.get("scope")})
    return EXIT_OK


# -- mcp ---------------------------------------------------------------------------------------------------


def _mcp_options(parser: argparse.ArgumentParser) -> None:
    connection_options(parser)
    parser.add_argument("--read-only", action="store_true", help="serve only tools that change nothing")
    parser.add_argument("--only", nargs="+", default=[], metavar="KEY", help="serve only these actions and data sources")
    parser.add_argument("--allow-fetch-all", action="store_true",
                        help="let list tools read every page in one call (refused by default: it drains the rate budget)")
    parser.add_argument("--http", type=int, metavar="PORT",
                        help="serve streamable HTTP on http://127.0.0.1:PORT/mcp instead of stdio (0: any free port)")


def _mcp(component: Component, args: argparse.Namespace) -> None:
    """`mcp`: serve MCP tools over stdio, or streamable HTTP on loopback, until the client or a signal stops it."""
    from component.mcp import Toolset, build_server, loopback_socket, serve_http, serve_stdio

    if args.connection == "-" and args.http is None:
        raise UsageError("mcp over stdio reads the protocol from standard input: give --connection FILE")
    toolset = Toolset.select(component, read_only=args.read_only, only=args.only,
                             allow_fetch_all=args.allow_fetch_all)
    sock = None
    if args.http is not None:
        try:
            sock = loopback_socket(args.http)
        except (OSError, OverflowError) as exc:
            raise UsageError(f"--http {args.http}: cannot listen on 127.0.0.1:{args.http}: {exc}") from None
    try:
        with connected(component, args) as (bound, connection):
            served = dataclasses.replace(toolset, component=bound).connect(connection, _token_saver(args))
            server = build_server(served, name=component.key)
            if sock is None:
                serve_stdio(server)
            else:
                serve_http(server, sock)
    finally:
        if sock is not None:
            sock.close()


def _sandbox(component: Component, args: argparse.Namespace) -> int:
    if component.serve_sandbox is None:
        raise UsageError(f"component '{component.key}' has no sandbox")
    return component.serve_sandbox(args.rest)


def _serve(component: Component, args: argparse.Namespace) -> int:
    from component.host.server import main as serve  # FastAPI and uvicorn load only for the host

    return serve(component, args.rest)


def _worker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--broker", required=True, metavar="URL", help="the Celery broker, e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--database", metavar="URL", help="the host's store (its --database; default GORGIAS_HOST_DATABASE "
                                                          "or ~/.local/share/gorgias-component/host.db)")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--pool", default="prefork", choices=["prefork", "solo", "threads"], help="Celery pool")
    parser.add_argument("--queue", default="gorgias-component", help="the queue to consume (serve uses the default)")


def _worker(component: Component, args: argparse.Namespace) -> int:
    try:
        from component.workers import main as work  # Celery loads only for workers
    except ImportError as exc:
        raise UsageError(f"workers need Celery ({exc.name} is missing): pip install 'gorgias-component[scale]'") from None

    return work(args.broker, args.database, args.concurrency, args.pool, args.queue)


# -- the table ------------------------------------------------------------------------------------------

_TRIGGERS = trigger_cli.Plumbing(connection_options, connected, _token_saver)  # what poll and watch need here

COMMANDS: tuple[Command, ...] = (
    Command("run", "run an action and print its result", _run("action"), _runnable_options("action")),
    Command("datasource", "run a data source (picklist) and print its options", _run("data source"),
            _runnable_options("data source")),
    Command("check", "check that the connection's credentials work", _check, connection_options),
    Command("actions", "list the actions: key and label", _list("action")),
    Command("datasources", "list the data sources: key and label", _list("data source")),
    Command("describe", "show an action's or data source's inputs", _describe, _describe_options),
    Command("manifest", "print the component's manifest (JSON)", lambda component, args: _print(component.manifest())),
    Command("oauth", "authorize an OAuth 2.0 connection (authorize URL, code exchange)", _oauth, _oauth_options),
    Command("mcp", "serve the actions and data sources as MCP tools for AI agents (stdio)", _mcp, _mcp_options),
    Command("sandbox", "serve the bundled sandbox until Ctrl-C (options: sandbox --help)", _sandbox, own_parser=True),
    Command("poll", trigger_cli.POLL_HELP, lambda c, a: trigger_cli.poll(c, a, _TRIGGERS),
            lambda parser: trigger_cli.poll_options(parser, _TRIGGERS)),
    Command("watch", trigger_cli.WATCH_HELP, lambda c, a: trigger_cli.watch(c, a, _TRIGGERS),
            lambda parser: trigger_cli.watch_options(parser, _TRIGGERS)),
    Command("serve", "serve the component over HTTP with the playground page at / (options: serve --help)", _serve,
            own_parser=True),
    Command("worker", "run a Celery worker for `serve --broker` (actions, data sources, trigger polls)", _worker,
            _worker_options),
)


def _parser(commands: Sequence[Command]) -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Run an action or a data source of an installed component, check a "
                                            "connection, or list what it offers. Results are JSON on standard output.")
    parser.add_argument("--component", help="the installed component to use (default: the only one)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help,
                                    add_help=not command.own_parser)
        command.options(sub)
    return parser


def _split(arguments: list[str], commands: Sequence[Command]) -> int:
    """Where the words of a command with its own parser start (len(arguments) when there is none)."""
    for index, word in enumerate(arguments):
        if not word.startswith("-") and (index == 0 or arguments[index - 1] != "--component"):
            own = any(c.own_parser and c.name == word for c in commands)  # the first positional word is the command
            return index + 1 if own else len(arguments)
    return len(arguments)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    split = _split(arguments, COMMANDS)
    args = _parser(COMMANDS).parse_args(arguments[:split])
    args.rest = arguments[split:]
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("component").setLevel(logging.INFO)  # debug lines are INFO only when asked for
    command = next(c for c in COMMANDS if c.name == args.command)
    try:
        status = command.run(load_component(args.component), args)
    except (UsageError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ComponentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return EXIT_OK if status is None else status
