"""The command line: manifest, run, datasource, check, oauth, mcp and sandbox for an installed component.

Results go to standard output as JSON; errors to standard error as one readable line. Exit status
0 on success, 2 when an input, option, key or connection field is invalid (nothing was sent), 1 when
the API or the network failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from component import progress
from component.components import Component
from component.errors import ComponentError, InputError

__all__ = ["ENTRY_POINT_GROUP", "load_component", "main"]

ENTRY_POINT_GROUP = "component.components"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command-line option is wrong; exit status 2."""


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gorgias-component", description=__doc__.split("\n")[0])
    parser.add_argument("--component", help="the installed component to use (default: the only one)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("manifest", help="print the component's manifest")

    def with_connection(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--connection", metavar="FILE", help="connection JSON file ('-' for standard input)")
        sub.add_argument("--sandbox", action="store_true",
                         help="run against the bundled sandbox, started in-process with demo data")

    for name, noun in (("run", "action"), ("datasource", "data source")):
        sub = commands.add_parser(name, help=f"run a {noun} and print its result")
        sub.add_argument("key", metavar=noun.upper().replace(" ", "_"), help=f"the {noun} key")
        with_connection(sub)
        sub.add_argument("--inputs", metavar="FILE", help="inputs JSON object file ('-' for standard input)")
        sub.add_argument("--input", action="append", default=[], metavar="KEY=VALUE",
                         help="one input value; repeat a key to give a list")
        if name == "datasource":
            sub.add_argument("--search", metavar="TEXT", help="only options whose label contains TEXT (one page)")
            sub.add_argument("--cursor", metavar="CURSOR", help="the page after the one that returned CURSOR")
            sub.add_argument("--limit", metavar="N", help="one page of at most N options (1-100)")
    check = commands.add_parser("check", help="check that the connection's credentials work")
    with_connection(check)
    _add_oauth_commands(commands)
    _add_mcp_command(commands, with_connection)
    commands.add_parser("sandbox", help="serve the bundled sandbox in the foreground (options: sandbox --help)",
                        add_help=False)
    return parser


def _read_json(path: str, what: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {path}: {exc.strerror}") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(f"the {what} file {path} is not valid JSON: {exc}") from None


def _inputs(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.inputs:
        loaded = _read_json(args.inputs, "inputs")
        if not isinstance(loaded, Mapping):
            raise UsageError(f"the inputs file {args.inputs} must hold a JSON object")
        values.update(loaded)
    repeated: dict[str, list[str]] = {}
    for item in args.input:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--input expects KEY=VALUE, got {item!r}")
        repeated.setdefault(key, []).append(value)
    for key, items in repeated.items():
        values[key] = items[0] if len(items) == 1 else items
    return values


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
def _connection(component: Component, args: argparse.Namespace) -> Iterator[Any]:
    if args.sandbox:
        if component.sandbox is None:
            raise UsageError(f"component '{component.key}' has no sandbox")
        with component.sandbox() as (connection, environment), _environment(environment):
            yield connection
        return
    if not args.connection:
        raise UsageError("give --connection FILE (or --sandbox to try the bundled sandbox)")
    yield _read_json(args.connection, "connection")


def _add_oauth_commands(commands: Any) -> None:
    oauth = commands.add_parser("oauth", help="authorize an OAuth 2.0 connection (authorize URL, code exchange)")
    steps = oauth.add_subparsers(dest="oauth_command", required=True, metavar="STEP")
    url = steps.add_parser("authorize-url", help="print the URL to send the user to, with its state and nonce")
    exchange = steps.add_parser("exchange", help="trade the redirect's code for a token and store it in the file")
    for sub in (url, exchange):
        sub.add_argument("--connection", metavar="FILE", required=True, help="connection JSON file")
        sub.add_argument("--redirect-uri", metavar="URI", required=True, help="the redirect URI registered for the app")
    url.add_argument("--state", help="the state to send (default: a random one)")
    exchange.add_argument("--code", required=True, help="the code the redirect URI received")
    exchange.add_argument("--nonce", help="the nonce of the authorize URL, checked against the id_token")


def _oauth(component: Component, args: argparse.Namespace) -> None:
    """`oauth authorize-url` prints {"url", "state", "nonce"}; `oauth exchange` writes the token into the file."""
    from component.connection_file import replace_token
    from component.oauth import HasOAuthClient, authorization_url, exchange_code

    if args.connection == "-":
        raise UsageError("oauth commands need --connection FILE, not standard input")
    definition, fields, _ = component.executor.resolve(_read_json(args.connection, "connection"))
    if not isinstance(fields, HasOAuthClient):
        raise UsageError(f"connection '{definition.key}' does not use OAuth 2.0")
    client = fields.oauth_client()
    if args.oauth_command == "authorize-url":
        url, state, nonce = authorization_url(client, args.redirect_uri, args.state)
        _print({"url": url, "state": state, "nonce": nonce})
        return
    if not os.access(os.path.dirname(os.path.realpath(args.connection)), os.W_OK):
        raise UsageError(f"cannot store the token: the directory of {args.connection} is not writable")
    token = exchange_code(client, args.code, args.redirect_uri, nonce=args.nonce)
    try:
        replace_token(args.connection, token)
    except (OSError, ValueError) as exc:
        raise ComponentError(f"the code was exchanged but the token could not be stored in {args.connection} "
                             f"({type(exc).__name__}): authorize again") from None
    _print({"stored": args.connection, "expires_at": token.get("expires_at"), "scope": token.get("scope")})


def _add_mcp_command(commands: Any, with_connection: Callable[[argparse.ArgumentParser], None]) -> None:
    mcp = commands.add_parser("mcp", help="serve the actions and data sources as MCP tools for AI agents (stdio)")
    with_connection(mcp)
    mcp.add_argument("--read-only", action="store_true", help="serve only tools that change nothing")
    mcp.add_argument("--only", nargs="+", default=[], metavar="KEY", help="serve only these actions and data sources")
    mcp.add_argument("--allow-fetch-all", action="store_true",
                     help="let list tools read every page in one call (refused by default: it drains the rate budget)")
    mcp.add_argument("--http", type=int, metavar="PORT",
                     help="serve streamable HTTP on http://127.0.0.1:PORT/mcp instead of stdio (0: any free port)")


def _mcp(component: Component, args: argparse.Namespace) -> None:
    """`mcp`: serve MCP tools over stdio, or streamable HTTP on loopback, until the client or a signal stops it."""
    from component.mcp import Toolset, build_server, loopback_socket, serve_http, serve_stdio

    toolset = Toolset.select(component, read_only=args.read_only, only=args.only,
                             allow_fetch_all=args.allow_fetch_all)
    sock = None
    if args.http is not None:
        try:
            sock = loopback_socket(args.http)
        except (OSError, OverflowError) as exc:
            raise UsageError(f"--http {args.http}: cannot listen on 127.0.0.1:{args.http}: {exc}") from None
    try:
        with _connection(component, args) as connection:
            server = build_server(toolset.connect(connection, _token_saver(args)), name=component.key)
            if sock is None:
                serve_stdio(server)
            else:
                serve_http(server, sock)
    finally:
        if sock is not None:
            sock.close()


def _token_saver(args: argparse.Namespace) -> Callable[[dict[str, Any]], None] | None:
    """With --connection FILE, every refreshed OAuth token is written back into the file, atomically."""
    if getattr(args, "sandbox", False) or not args.connection or args.connection == "-":
        return None
    from component.connection_file import replace_token

    path = args.connection
    return lambda token: replace_token(path, token)


def _print(result: Any) -> None:
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


def _dispatch(component: Component, args: argparse.Namespace) -> None:
    if args.command == "manifest":
        _print(component.manifest())
        return
    inputs: dict[str, Any] = {}
    runners: dict[str, Callable[[Any], dict[str, Any]]] = {
        "run": lambda conn: component.run_action(args.key, inputs, conn, on_token_refresh=_token_saver(args)),
        "datasource": lambda conn: component.run_data_source(args.key, inputs, conn, search=args.search,
                                                             cursor=args.cursor, limit=args.limit,
                                                             on_token_refresh=_token_saver(args)),
        "check": lambda conn: component.check_connection(conn, on_token_refresh=_token_saver(args)),
    }
    with _connection(component, args) as connection:
        if args.command in ("run", "datasource"):
            inputs.update(_inputs(args))
        # A long fetchAll shows pages, items and items/s on standard error when it is a terminal.
        with progress.fetch_progress(sys.stderr, progress.wanted(component, args.command, args.key, inputs)
                                     if args.command == "run" else False):
            _print(runners[args.command](connection))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    # `sandbox` hands everything after it to the sandbox's own parser (--host, --port, ...).
    split = len(arguments)
    for index, word in enumerate(arguments):
        if not word.startswith("-") and (index == 0 or arguments[index - 1] != "--component"):
            split = index + 1 if word == "sandbox" else split  # the first positional word is the command
            break
    args = parser.parse_args(arguments[:split])
    args.rest = arguments[split:]
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("component").setLevel(logging.INFO)  # debug lines are INFO only when asked for
    try:
        component = load_component(args.component)
        if args.command == "sandbox":
            if component.serve_sandbox is None:
                raise UsageError(f"component '{component.key}' has no sandbox")
            return component.serve_sandbox(args.rest)
        if args.command == "oauth":
            _oauth(component, args)
            return EXIT_OK
        if args.command == "mcp":
            _mcp(component, args)
            return EXIT_OK
        _dispatch(component, args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ComponentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return EXIT_OK
