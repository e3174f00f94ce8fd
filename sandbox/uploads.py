"""File upload (`POST /api/upload`): multipart parts stored so that the download route serves them back."""

from __future__ import annotations

import mimetypes
import posixpath
import uuid
from functools import partial

from gorgias_component.sandbox import multipart
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response
from gorgias_component.sandbox.store import JSON, Store

UPLOAD_TYPES = ("attachment", "public_attachment", "profile_picture", "widget_picture")
MAX_FILE_BYTES = 20 * 1024 * 1024  # Gorgias refuses attachments over 20 MB with a 413
MAX_FILES = 20


def upload(store: Store, req: Request) -> Response:
    unknown = sorted(set(req.query) - {"type"})
    if unknown:
        raise ApiError(400, "Invalid request.", {name: ["Unknown field."] for name in unknown})
    file_type = req.arg("type") or "attachment"
    if file_type not in UPLOAD_TYPES:
        raise ApiError(400, "Invalid request.", {"type": [f"Must be one of: {', '.join(UPLOAD_TYPES)}."]})
    parts = multipart.parse(req.headers.get("content-type", ""), req.body)
    if not parts:
        raise ApiError(400, "Invalid request.", {"_schema": ["No file was sent."]})
    if len(parts) > MAX_FILES:
        raise ApiError(400, "Invalid request.", {"_schema": [f"At most {MAX_FILES} files can be sent at once."]})
    too_big = [part.name for part in parts if len(part.content) > MAX_FILE_BYTES]
    if too_big:
        raise ApiError(413, "File too large.", {name: ["The file exceeds 20 MB."] for name in too_big})
    answered: list[JSON] = []
    with store.lock:
        for part in parts:
            # The field name is the file's label (Gorgias's documented convention); the stored name is made unique.
            label = posixpath.basename(part.name.replace("\\", "/")) or "file"
            stem, dot, extension = label.rpartition(".")
            resource = f"{stem}-{uuid.uuid4()}.{extension}" if dot and stem else f"{label}-{uuid.uuid4()}"
            content_type = part.content_type or mimetypes.guess_type(label)[0] or "application/octet-stream"
            store.files[(file_type, store.domain_hash, resource)] = (content_type, part.content)
            answered.append({"content_type": content_type, "name": label, "size": len(part.content),
                             "url": f"{req.origin}/api/{file_type}/download/{store.domain_hash}/{resource}"})
    return json_response(201, answered)


def register(router: Router, store: Store) -> None:
    router.add("POST", "/api/upload", partial(upload, store), scope="tickets")
