"""Small definitions the framework shares, each made once: JSON values, the token callback, header names, whole numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["HEADER_NAME", "JSON", "TokenCallback", "whole_number"]

JSON = Any  # a value as json.loads returns it
TokenCallback = Callable[[dict[str, Any]], None]  # receives every refreshed OAuth token, to store it
HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # an RFC 9110 header field name (a token); use fullmatch


def whole_number(text: str) -> int | None:
    """The number written as ASCII digits in `text` (surrounding spaces allowed), else None ("1e3", "²", "-1")."""
    digits = text.strip()
    return int(digits) if digits.isascii() and digits.isdigit() else None
