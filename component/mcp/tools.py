"""The tools an MCP server offers: one per action and data source, derived from the component's manifest.

A tool is named by its key, described by its label and description, takes the manifest's input
schema (the connection is the server's, never the agent's) and, where the manifest has an output
schema, declares it for the whole result `{"data": ...}`. A list action's manifest entry names its
paging inputs (`"paging"`): its tool pages with them, and its fetch-all input is refused unless the
server allows it. Picklists are tools too, so an agent can turn a name into an id; they answer one page
of options (with `search`, `cursor` and `limit`). Calls run the component's own executor, so validation,
retries, the rate budget and redaction are exactly those of every other host.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from component.components import Component
from component.errors import ComponentError, DefinitionError, InputError, UnknownKeyError
from component.mcp.effects import READ, Effect, classify
from component.picklists import DEFAULT_LIMIT, MAX_LIMIT
from component.suggestions import did_you_mean

__all__ = ["OPTIONS_SCHEMA", "PICKLIST_PAGING", "Outcome", "Tool", "Toolset", "tools_of"]

TokenSaver = Callable[[dict[str, Any]], None]

# A picklist's page, as the executor guarantees it: options with a key and a never-empty label, and the cursor.
OPTIONS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "result": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"key": {"type": "string"}, "label": {"type": "string", "minLength": 1}},
                "required": ["key", "label"],
            },
        },
        "cursor": {"type": ["string", "null"]},
    },
    "required": ["result", "cursor"],
}
# A picklist tool reads one page: these are the executor's paging arguments, not the data source's inputs.
PICKLIST_PAGING: dict[str, dict[str, Any]] = {
    "search": {"type": "string", "title": "Search",
               "description": "Only options whose label contains this text (ignoring case)."},
    "cursor": {"type": "string", "title": "Cursor",
               "description": "The cursor of the previous page, to read the next one (same inputs and search)."},
    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "title": "Limit",
              "description": f"Options per page (1-{MAX_LIMIT}, default {DEFAULT_LIMIT})."},
}


@dataclass(frozen=True)
class Tool:
    """One MCP tool: what `tools/list` shows of an action or a data source."""

    name: str
    kind: Literal["action", "data source"]
    title: str
    description: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None
    effect: Effect
    paging: Mapping[str, Any] | None = None  # a list action's paging inputs, as the manifest names them

    @property
    def pages(self) -> bool:
        """Whether the tool is a list action: it has a fetch-all input, whether or not its schema shows it."""
        return self.paging is not None


@dataclass(frozen=True)
class Outcome:
    """A tool call's result: the component's JSON, or the error message an agent may read."""

    result: dict[str, Any] | None = None
    error: str | None = None


def _data_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema of the whole result {"data": ...}, with the data schema's `$defs` at the root."""
    data = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")}
    wrapped: dict[str, Any] = {"type": "object", "properties": {"data": data}, "required": ["data"]}
    if "$defs" in schema:
        wrapped["$defs"] = schema["$defs"]  # "#/$defs/..." references keep resolving from the new root
    return wrapped


def _paging(entry: Mapping[str, Any], kind: str) -> Mapping[str, Any] | None:
    """A list action's paging inputs (`token`, `size`, `all`, `next`) from its manifest entry; None otherwise."""
    paging = entry.get("paging") if kind == "action" else None
    return paging if isinstance(paging, Mapping) else None


def _input_schema(entry: Mapping[str, Any], kind: str, allow_fetch_all: bool) -> dict[str, Any]:
    schema = copy.deepcopy(dict(entry["inputSchema"]))
    properties = schema.setdefault("properties", {})
    if kind == "data source":
        clash = sorted(set(properties) & set(PICKLIST_PAGING))
        if clash:
            raise DefinitionError(f"Data source '{entry['key']}': its input {clash[0]!r} clashes with the paging "
                                  f"argument of its MCP tool.")
        properties.update(copy.deepcopy(PICKLIST_PAGING))
    paging = _paging(entry, kind)
    fetch_all = paging["all"] if paging else None
    if not allow_fetch_all and fetch_all in properties:
        # One call must not drain the rate budget: agents page with the token and size inputs instead.
        del properties[fetch_all]
        schema["required"] = [key for key in schema.get("required", []) if key != fetch_all]
    for spec in entry.get("inputs", []):
        source = spec.get("dataSource")
        if source and spec["key"] in properties:
            hint = f"Valid values are the option keys of the '{source}' tool."
            previous = properties[spec["key"]].get("description")
            properties[spec["key"]]["description"] = f"{previous} {hint}" if previous else hint
    return schema


def _description(entry: Mapping[str, Any], kind: str, paging: Mapping[str, Any] | None) -> str:
    text = f"{entry['label']}: {entry['description']}"
    if kind == "data source":
        text += (" Returns one page of options {key, label} and the cursor of the next page (null on the last);"
                 " a key is the id to give inputs that name this picklist.")
    elif paging:
        token = paging.get("next") or "next page's token"
        text += (f" Returns one page: pass the answer's {token} as '{paging['token']}' for the next one"
                 " (null on the last page).")
    return text


def tools_of(manifest: Mapping[str, Any], *, allow_fetch_all: bool = False) -> list[Tool]:
    """Every action and data source of a manifest as a tool; DefinitionError if an action is unclassifiable."""
    tools = []
    for kind, entries in (("action", manifest["actions"]), ("data source", manifest["dataSources"])):
        for entry in entries:
            output = entry.get("outputSchema")
            schema = _input_schema(entry, kind, allow_fetch_all)
            paging = _paging(entry, kind)
            tools.append(Tool(
                name=entry["key"],
                kind="action" if kind == "action" else "data source",
                title=entry["label"],
                description=_description(entry, kind, paging),
                input_schema=schema,
                output_schema=(_data_schema(output) if output else None) if kind == "action" else OPTIONS_SCHEMA,
                effect=classify(entry["key"]) if kind == "action" else READ,  # a picklist only lists
                paging=paging,
            ))
    return tools


def _is_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@dataclass
class Toolset:
    """The tools one server serves, and how to call them with the server's connection."""

    component: Component
    tools: dict[str, Tool]
    connection: Mapping[str, Any] | None = None
    save_token: TokenSaver | None = None
    allow_fetch_all: bool = False
    refused: dict[str, str] = field(default_factory=dict)  # a known tool left out -> why
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def select(cls, component: Component, *, read_only: bool = False, only: Iterable[str] = (),
               allow_fetch_all: bool = False) -> Toolset:
        """The component's tools, narrowed to read-only ones and to `only`; UnknownKeyError for a bad key."""
        every = {tool.name: tool for tool in tools_of(component.manifest(), allow_fetch_all=allow_fetch_all)}
        wanted = list(dict.fromkeys(only))
        for key in wanted:
            if key not in every:
                raise UnknownKeyError("only", f"--only: no action or data source '{key}' in component "
                                              f"'{component.key}'.{did_you_mean(key, every)}")
            if read_only and not every[key].effect.read_only:
                raise InputError("only", f"--only: '{key}' is not read-only, and --read-only serves "
                                         f"only read-only tools.")
        refused = {}
        for name, tool in every.items():
            if read_only and not tool.effect.read_only:
                refused[name] = f"Tool '{name}' is not served: this server is read-only."
            elif wanted and name not in wanted:
                refused[name] = f"Tool '{name}' is not served: the server was started with --only {' '.join(wanted)}."
        served = {name: tool for name, tool in every.items() if name not in refused}
        return cls(component, served, allow_fetch_all=allow_fetch_all, refused=refused)

    def connect(self, connection: Mapping[str, Any], save_token: TokenSaver | None = None) -> Toolset:
        """This toolset calling with `connection`; every refreshed token is kept and handed to `save_token`."""
        self.connection, self.save_token = connection, save_token
        return self

    def _refreshed(self, token: dict[str, Any]) -> None:
        # A long-running server must call with the newest token: the old refresh token may be spent.
        with self._lock:
            self.connection = {**(self.connection or {}), "token": token}
        if self.save_token is not None:
            self.save_token(token)

    def call(self, name: str, arguments: Mapping[str, Any] | None) -> Outcome:
        """Run the tool's action or data source; a refusal or a ComponentError is an error outcome."""
        tool = self.tools.get(name)
        if tool is None:
            known = [*self.tools, *self.refused]
            return Outcome(error=self.refused.get(name) or f"Unknown tool '{name}'.{did_you_mean(name, known)}")
        inputs = dict(arguments or {})
        paging = tool.paging
        if paging and not self.allow_fetch_all and _is_true(inputs.get(paging["all"])):
            return Outcome(error=f"Input '{paging['all']}' is refused by this server: one call must not read every "
                                 f"page. Page with '{paging['token']}' and '{paging['size']}' instead, or start the "
                                 f"server with --allow-fetch-all.")
        with self._lock:
            connection = self.connection
        if connection is None:
            return Outcome(error="The server has no connection.")
        try:
            if tool.kind == "action":
                return Outcome(result=self.component.run_action(name, inputs, connection,
                                                                on_token_refresh=self._refreshed))
            paging = {key: inputs.pop(key, None) for key in PICKLIST_PAGING}
            if all(value is None for value in paging.values()):
                paging["limit"] = DEFAULT_LIMIT  # always one page: a complete list could take many requests
            return Outcome(result=self.component.run_data_source(name, inputs, connection, **paging,
                                                                 on_token_refresh=self._refreshed))
        except ComponentError as exc:  # already scrubbed of secrets by the executor
            return Outcome(error=str(exc))
