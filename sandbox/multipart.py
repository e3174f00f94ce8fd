"""A strict multipart/form-data reader for the sandbox's upload route (no file ever touches the disk)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorgias_component.sandbox.router import ApiError

_BOUNDARY = re.compile(r'boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))', re.IGNORECASE)
_PARAM = re.compile(r';\s*(name|filename)="([^"]*)"', re.IGNORECASE)
# Browsers and urllib3 quote field names the HTML5 way: UTF-8, with only these three percent-escaped.
_HTML5_ESCAPES = {"%22": '"', "%0D": "\r", "%0A": "\n"}


@dataclass(frozen=True, slots=True)
class Part:
    """One form field: its name, the filename the client gave (if any), its content type and bytes."""

    name: str
    filename: str | None
    content_type: str | None
    content: bytes


def boundary_of(content_type: str) -> bytes:
    """The boundary of a multipart/form-data Content-Type, or a Gorgias-like 400."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise ApiError(400, "Invalid request.", {"_schema": ["Expected a multipart/form-data body."]})
    found = _BOUNDARY.search(content_type)
    if found is None:
        raise ApiError(400, "Invalid request.", {"_schema": ["The multipart body has no boundary."]})
    return (found.group(1) or found.group(2)).encode("latin-1")


def parse(content_type: str, body: bytes) -> list[Part]:
    """Every part of a multipart/form-data body, in order; a malformed body is a 400."""
    delimiter = b"--" + boundary_of(content_type)
    chunks = body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise _malformed("the closing boundary is missing")
    parts: list[Part] = []
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise _malformed("a part is not delimited by CRLF")
        head, separator, content = chunk[2:-2].partition(b"\r\n\r\n")
        if not separator:
            raise _malformed("a part has no blank line after its headers")
        parts.append(_part(head, content))
    return parts


def _part(head: bytes, content: bytes) -> Part:
    try:
        lines = head.decode("utf-8").split("\r\n")
    except UnicodeDecodeError:
        raise _malformed("part headers are not UTF-8") from None
    headers: dict[str, str] = {}
    for line in lines:
        key, colon, value = line.partition(":")
        if not colon:
            raise _malformed("a part header has no colon")
        headers[key.strip().lower()] = value.strip()
    disposition = headers.get("content-disposition", "")
    if not disposition.lower().startswith("form-data"):
        raise _malformed("a part is not form-data")
    params = {key.lower(): _unescape(value) for key, value in _PARAM.findall(disposition)}
    if not params.get("name"):
        raise _malformed("a part has no field name")
    return Part(params["name"], params.get("filename"), headers.get("content-type"), content)


def _unescape(value: str) -> str:
    return re.sub("%22|%0D|%0A", lambda m: _HTML5_ESCAPES[m.group(0)], value, flags=re.IGNORECASE)


def _malformed(why: str) -> ApiError:
    return ApiError(400, "Invalid request.", {"_schema": [f"Malformed multipart body: {why}."]})
