"""Reading API answers: JSON bodies, and the API's own explanation of an error, cut to a readable length."""

from __future__ import annotations

from typing import Any

import requests

from component.errors import ApiError

__all__ = ["MAX_BODY_IN_MESSAGE", "cut", "decode_body", "decode_json", "error_detail"]

MAX_BODY_IN_MESSAGE = 500


def decode_body(response: requests.Response) -> Any:
    """The response body as JSON when it is JSON, else as text cut to a readable length."""
    if not response.content:
        return None
    try:
        return response.json()
    except RecursionError:
        return "(JSON nested too deeply to read)"
    except ValueError:
        text = response.text
        return text if len(text) <= MAX_BODY_IN_MESSAGE else text[:MAX_BODY_IN_MESSAGE] + "..."


def decode_json(response: requests.Response, service: str, where: str = "", hint: str = "") -> Any:
    """The JSON body (None when empty); an ApiError naming `where` when the body is not JSON."""
    if not response.content:
        return None
    target = f" to {where}" if where else ""
    try:
        return response.json()
    except RecursionError:  # e.g. 100,000 opening brackets: Python's parser gives up
        raise ApiError(f"{service} answered {response.status_code}{target} with JSON nested too deeply: the answer "
                       "could not be read.", status=response.status_code, body=None) from None
    except ValueError:
        advice = f"; {hint}" if hint else ""
        raise ApiError(
            f"{service} answered {response.status_code}{target} with a body that is not JSON{advice}.",
            status=response.status_code, body=decode_body(response),
        ) from None


def cut(text: str, limit: int = MAX_BODY_IN_MESSAGE) -> str:
    """`text` cut to `limit` characters, with an ellipsis when it was longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_detail(body: Any) -> str:
    """The API's own explanation, as most APIs give it: an OAuth error, `error.message`, `message`, the text.

    A connection whose API words errors differently gives its client its own reader (`HttpClient.explain`).
    """
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return cut(str(error.get("message") or "").strip())
        if isinstance(error, str):
            description = body.get("error_description")
            return cut(f"{error}: {description}" if description else error)
        if "message" in body:
            return cut(str(body["message"]))
        return ""
    if isinstance(body, str):
        return cut(" ".join(body.split()), 200)
    return ""
