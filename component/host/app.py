"""The host's ASGI application: routes, JSON errors, access control, a query-free access log and the playground page."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from component import product
from component.components import Component
from component.errors import ComponentError
from component.host import api, flows, triggers
from component.host.access import token_matches
from component.host.context import Host
from component.host.problems import error_response, problem
from component.host.public_url import PUBLIC_URL_SETTING, checked_public_url
from component.host.store import Store
from component.runtime import Runtime
from component.vault import VaultError

__all__ = ["create_app"]

log = logging.getLogger("component.host")
STATIC = Path(__file__).parent / "static"


def create_app(component: Component, store: Store, *, token: str | None = None,
               runtime: Runtime | None = None, public_url: str | None = None) -> FastAPI:
    """The host of `component`: every /api call needs `Authorization: Bearer <token>` when a token is given.

    Every call runs on `runtime`, made once here from the environment when none is given (with the store's
    key, so that tokens shared through Redis are sealed with it): its settings, sessions, budgets and tokens
    are this host's own, and later changes to the environment are not seen. Webhook URLs start with
    `public_url` (`serve --public-url`), else the runtime's public URL setting, else the
    address each subscribing request came to; a bad value is an InputError naming it. The store is closed
    when the application shuts down.
    """
    runtime = runtime if runtime is not None else Runtime.from_environ(secret_key=store.vault.shared_key)
    if public_url is not None:
        public_url = checked_public_url(public_url, "--public-url")
    elif runtime.setting(PUBLIC_URL_SETTING):
        public_url = checked_public_url(runtime.setting(PUBLIC_URL_SETTING))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """Close the store on shutdown: its pooled database connections go with the server."""
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title=f"{component.label} component host", version="1",
                  description=f"Runs the {component.label} component's actions, picklists and triggers over HTTP.",
                  docs_url="/docs", redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.host = Host(component.using(runtime), store, token, public_url=public_url)
    for router in (api.router, flows.api_router, triggers.api_router, flows.router, triggers.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        """The playground page."""
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    _errors(app)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse /api calls without the bearer token, and log every request's method, path, status and time."""
        started = time.perf_counter()
        path = request.url.path
        if token is not None and path.startswith("/api") and not token_matches(request.headers.get("authorization"),
                                                                                token):
            response: Response = problem(401, "unauthorized", "This host needs 'Authorization: Bearer <token>' "
                                                              f"(the value of {product.TOKEN_SETTING}) on every /api call.",
                                         headers={"WWW-Authenticate": "Bearer"})
        else:
            response = await call_next(request)
        # The path only: queries carry OAuth codes and states, and bodies carry secrets.
        log.info("%s %s -> %s in %.1f ms", request.method, path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    return app


def _errors(app: FastAPI) -> None:
    """Every failure as a JSON problem: component errors, unsupported triggers, store errors, bad requests."""

    @app.exception_handler(ComponentError)
    async def component_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, ComponentError)
        # The wait the component knows (its rate budget's window) when the API did not say how long.
        wait = getattr(exc, "retry_after", None)
        return error_response(exc) if wait is None else error_response(exc, retry_after=max(1, math.ceil(wait)))

    @app.exception_handler(triggers.NotSupported)
    async def not_supported(_: Request, exc: Exception) -> Response:
        return problem(501, "not_supported", str(exc))

    @app.exception_handler(VaultError)
    async def vault_error(_: Request, exc: Exception) -> Response:
        return problem(500, "store_error", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        # Never echo the received values: a malformed body may still hold credentials.
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "body"
        return problem(400, "input_error", f"Request {where}: {first.get('msg', 'invalid')}.", key=where)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return problem(exc.status_code, kind, str(exc.detail))
