"""File download (307 to a signed storage URL) and the unauthenticated signed storage endpoint."""

from __future__ import annotations

import hashlib
import hmac
import time
from functools import partial
from urllib.parse import quote

from gorgias_component.sandbox.router import ApiError, Request, Response, Router, not_found
from gorgias_component.sandbox.store import Store

URL_LIFETIME_SECONDS = 300


def sign(secret: bytes, file_type: str, domain_hash: str, name: str, expires: int) -> str:
    message = f"{file_type}/{domain_hash}/{name}:{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def download(store: Store, secret: bytes, req: Request) -> Response:
    file_type, domain_hash, name = req.params["file_type"], req.params["domain_hash"], req.params["resource_name"]
    if (file_type, domain_hash, name) not in store.files:
        raise not_found()
    expires = int(time.time()) + URL_LIFETIME_SECONDS
    location = (f"{req.origin}/storage/{quote(file_type)}/{quote(domain_hash)}/{quote(name)}"
                f"?expires={expires}&signature={sign(secret, file_type, domain_hash, name, expires)}")
    return Response(307, content_type=None, headers=[("Location", location)])


def storage(store: Store, secret: bytes, req: Request) -> Response:
    file_type, domain_hash, name = req.params["file_type"], req.params["domain_hash"], req.params["resource_name"]
    try:
        expires = int(req.arg("expires") or "")
    except ValueError:
        raise ApiError(403, "Invalid signature.") from None
    expected = sign(secret, file_type, domain_hash, name, expires)
    if not hmac.compare_digest(expected, req.arg("signature") or ""):
        raise ApiError(403, "Invalid signature.")
    if expires < time.time():
        raise ApiError(403, "Signed URL expired.")
    found = store.files.get((file_type, domain_hash, name))
    if found is None:
        raise not_found()
    content_type, blob = found
    return Response(200, blob, content_type=content_type,
                    headers=[("Content-Disposition", f'inline; filename="{name}"')])


def register(router: Router, store: Store, secret: bytes) -> None:
    router.add("GET", "/api/{file_type}/download/{domain_hash}/{resource_name}", partial(download, store, secret),
               scope="tickets")
    router.add("GET", "/storage/{file_type}/{domain_hash}/{resource_name}", partial(storage, store, secret),
               auth=False)
