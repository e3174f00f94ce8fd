"""The /api routes: manifest, actions, data sources and stored connections."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from component.errors import InputError
from component.host.context import host_of
from component.host.store import StoreError

__all__ = ["router"]

router = APIRouter(prefix="/api")


class Call(BaseModel):
    """An action or trigger call: inputs and a stored connection (by id) or an inline one."""

    model_config = ConfigDict(extra="forbid")

    inputs: dict[str, Any] = Field(default_factory=dict)
    connectionId: str | None = None
    connection: dict[str, Any] | None = None


class PicklistCall(Call):
    """A data source call; any of search, cursor and limit asks for one page."""

    search: str | None = None
    cursor: str | None = None
    limit: int | str | None = None


class NewConnection(BaseModel):
    """A connection to store: its key, fields (secrets included) and, optionally, a label and a token."""

    model_config = ConfigDict(extra="forbid")

    key: str
    fields: dict[str, Any]
    label: str | None = Field(default=None, max_length=200)
    token: dict[str, Any] | None = None


@router.get("/manifest", summary="The component's manifest")
def manifest(request: Request) -> dict[str, Any]:
    """Answer the manifest: connections, actions, data sources and triggers, with their JSON Schemas."""
    return host_of(request).component.manifest()


@router.post("/actions/{key}", summary="Run an action: {\"data\": ...}")
def run_action(key: str, call: Call, request: Request) -> dict[str, Any]:
    """Run the action `key` with the call's inputs on its connection (in this process, or on a worker)."""
    host = host_of(request)
    if host.broker is not None:
        return dict(host.broker.run(host.component.key, "action", key, call.inputs, call.connectionId))
    connection, saver = host.connection(call.connectionId, call.connection)
    return host.component.run_action(key, call.inputs, connection, on_token_refresh=saver)


@router.post("/data-sources/{key}", summary="Run a picklist: the complete list, or one page with search/cursor/limit")
def run_data_source(key: str, call: PicklistCall, request: Request) -> dict[str, Any]:
    """Run the data source `key`: {"result": [{"key", "label"}, ...]}, plus "cursor" when one page was asked for."""
    host = host_of(request)
    if host.broker is not None:
        paging = {"search": call.search, "cursor": call.cursor, "limit": call.limit}
        return dict(host.broker.run(host.component.key, "data source", key, call.inputs, call.connectionId,
                                    **{k: v for k, v in paging.items() if v is not None}))
    connection, saver = host.connection(call.connectionId, call.connection)
    return host.component.run_data_source(key, call.inputs, connection, search=call.search, cursor=call.cursor,
                                          limit=call.limit, on_token_refresh=saver)


@router.get("/connections", summary="Stored connections, without their secrets")
def list_connections(request: Request) -> dict[str, Any]:
    """Answer {"data": [...]}: the stored connections with their public fields only."""
    host = host_of(request)
    return {"data": host.store.list_connections(host.component.key)}


@router.post("/connections", status_code=201, summary="Store a connection; secrets are encrypted at rest")
def add_connection(new: NewConnection, request: Request) -> dict[str, Any]:
    """Validate the connection's fields, store it (password fields sealed) and answer {"id": ...}."""
    host = host_of(request)
    value: dict[str, Any] = {"key": new.key, "fields": new.fields}
    if new.token is not None:
        value["token"] = new.token
    definition, _, _ = host.component.executor.resolve(value)  # validates the fields: InputError, nothing stored
    secret = host.secret_fields(definition.key)
    public = {k: v for k, v in new.fields.items() if k not in secret}
    sealed = {k: v for k, v in new.fields.items() if k in secret}
    label = (new.label or "").strip() or f"{definition.label} ({public.get('domain', definition.key)})"
    identifier = host.store.add_connection(host.component.key, definition.key, label, public, sealed, new.token)
    return {"id": identifier}


@router.delete("/connections/{connection_id}", summary="Forget a stored connection")
def delete_connection(connection_id: str, request: Request) -> dict[str, Any]:
    """Delete the stored connection `connection_id`."""
    host = host_of(request)
    try:
        host.store.delete_connection(host.component.key, connection_id)
    except StoreError as exc:
        raise InputError("connectionId", str(exc)) from None
    return {"data": {"message": "Success"}}


@router.post("/connections/{connection_id}/check", summary="Prove a stored connection's credentials work")
def check_connection(connection_id: str, request: Request) -> dict[str, Any]:
    """Run the component's check on the stored connection: {"data": <account>}."""
    host = host_of(request)
    connection, saver = host.connection(connection_id, None)
    return host.component.check_connection(connection, on_token_refresh=saver)
