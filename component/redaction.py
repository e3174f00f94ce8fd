"""Removal of secrets from anything that may be logged, raised or printed.

Secrets are known two ways: by value (the API key, client secret and tokens of the connection in
use, including tokens obtained at run time) and by key (headers, query parameters and JSON fields
whose names say they carry credentials).
"""

from __future__ import annotations

import base64
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["MASK", "Redactor", "is_secret_key"]

MASK = "[REDACTED]"

_SECRET_KEY = re.compile(
    r"(authorization|api[-_]?key|apikey|password|passwd|secret|token|cookie|signature|credential|session)",
    re.IGNORECASE,
)
# "Bearer abc", "Basic abc=" and key=value / "key": "value" pairs whose key names a secret.
_AUTH_SCHEME = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*", re.IGNORECASE)
_PAIR = re.compile(
    r"""(?P<key>["']?[\w\-]*(?:authorization|api[-_]?key|apikey|password|secret|token|signature)[\w\-]*["']?)"""
    r"""(?P<sep>\s*[:=]\s*)(?P<quote>["']?)(?P<value>(?!\[REDACTED\])[^"'&\s,;})\]]+)""",
    re.IGNORECASE,
)


def is_secret_key(name: str) -> bool:
    """Whether a header, parameter or field name says it carries a credential."""
    return bool(_SECRET_KEY.search(name))


class Redactor:
    """Replaces known secret values and credential-looking pairs with a mask; thread-safe."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self.add(*secrets)

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secrets)"

    def add(self, *secrets: str | None) -> None:
        """Remember more secret values (short values are ignored: masking them would garble text)."""
        with self._lock:
            for secret in secrets:
                if secret and len(secret) >= 6:
                    self._secrets.add(secret)

    def add_basic(self, username: str, password: str) -> None:
        """Remember a Basic credential and its base64 forms as they may appear in headers; never raises."""
        self.add(password)
        # requests encodes Basic credentials as Latin-1, other clients as UTF-8; a lone surrogate fits
        # neither, so no header can carry it and only the password's text needs masking.
        for encoding in ("utf-8", "latin-1"):
            try:
                self.add(base64.b64encode(f"{username}:{password}".encode(encoding)).decode())
            except UnicodeEncodeError:
                continue

    def text(self, text: str) -> str:
        """The text with every known secret and credential-looking pair masked."""
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        text = _AUTH_SCHEME.sub(lambda m: f"{m.group(1)} {MASK}", text)
        return _PAIR.sub(lambda m: f"{m.group('key')}{m.group('sep')}{m.group('quote')}{MASK}", text)

    def url(self, url: str) -> str:
        """The URL with user info and secret query values masked."""
        parts = urlsplit(url)
        netloc = parts.netloc.rpartition("@")[2] if "@" in parts.netloc else parts.netloc
        query = urlencode(
            [(k, MASK if is_secret_key(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)],
            safe="[]:",
        )
        return self.text(urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)))

    def headers(self, headers: Mapping[str, Any]) -> dict[str, str]:
        """Headers with credential headers masked whole and every other value scrubbed."""
        return {k: MASK if is_secret_key(k) else self.text(str(v)) for k, v in headers.items()}

    def value(self, value: Any) -> Any:
        """A JSON-like value with secret fields masked, recursively."""
        if isinstance(value, Mapping):
            return {k: MASK if is_secret_key(str(k)) else self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value
