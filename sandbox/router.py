"""A tiny method + path-pattern router with the request, response and error types shared by the handlers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class ApiError(Exception):
    """An error answered as a Gorgias error body: {"error": {"msg": ..., "data": ...}}."""

    def __init__(self, status: int, msg: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(msg)
        self.status = status
        self.msg = msg
        self.data = data


@dataclass(slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: list[tuple[str, str]] = field(default_factory=list)


def json_response(status: int, payload: Any) -> Response:
    return Response(status, json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())


def error_response(status: int, msg: str, data: dict[str, Any] | None = None) -> Response:
    error: dict[str, Any] = {"msg": msg}
    if data is not None:
        error["data"] = data
    return json_response(status, {"error": error})


def not_found() -> ApiError:
    return ApiError(404, "Resource not found.")


@dataclass(slots=True)
class Auth:
    kind: str  # "api_key" | "oauth"
    account: str
    user_id: int
    scopes: frozenset[str]


@dataclass(slots=True)
class Request:
    method: str
    path: str
    raw_query: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    origin: str
    params: dict[str, str] = field(default_factory=dict)
    auth: Auth | None = None

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def args(self, name: str) -> list[str]:
        return self.query.get(name, [])

    def id_param(self, name: str = "id") -> int:
        return int(self.params[name])

    @property
    def uri(self) -> str:
        return self.path + ("?" + self.raw_query if self.raw_query else "")

    @property
    def user_id(self) -> int | None:
        return self.auth.user_id if self.auth else None

    def json(self) -> Any:
        if not self.body.strip():
            return {}
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "Invalid JSON body.") from exc

    def json_object(self) -> dict[str, Any]:
        body = self.json()
        if not isinstance(body, dict):
            raise ApiError(400, "Invalid request.", {"_schema": ["Invalid input type."]})
        return body


Handler = Callable[[Request], Response]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    template: str
    regex: re.Pattern[str]
    handler: Handler
    auth: bool
    scope: str | None


_PARAM = re.compile(r"\{(\w+)\}")


def _compile(template: str) -> re.Pattern[str]:
    pattern, pos = "^", 0
    for match in _PARAM.finditer(template):
        name = match.group(1)
        sub = r"\d+" if name == "id" or name.endswith("_id") else r"[^/]+"
        pattern += re.escape(template[pos:match.start()]) + f"(?P<{name}>{sub})"
        pos = match.end()
    return re.compile(pattern + re.escape(template[pos:]) + "$")


class Router:
    """Routes are tried in insertion order; ids (`{id}`, `{x_id}`) only match digits."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, template: str, handler: Handler, *, auth: bool = True,
            scope: str | None = None) -> None:
        self.routes.append(Route(method, template, _compile(template), handler, auth, scope))

    def match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
        """Return (route, path params, allowed methods for the path when the method did not match)."""
        allowed: list[str] = []
        for route in self.routes:
            found = route.regex.match(path)
            if found is None:
                continue
            if route.method == method:
                return route, found.groupdict(), []
            allowed.append(route.method)
        return None, {}, allowed
