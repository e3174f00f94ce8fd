"""The API-key connection: HTTP Basic with the user's email and a REST API key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from requests.auth import HTTPBasicAuth

from component import Connection, ConnectionFields, Input, Opened, OpenOptions
from component.inputs import Password, Text
from component.redaction import Redactor
from gorgias_component.connections.client import gorgias_client
from gorgias_component.connections.domain import Domain

__all__ = ["ApiKeyFields", "api_key"]

DOMAIN_COMMENTS = "The domain of the Gorgias API, this is provided by the service provider."


class ApiKeyFields(ConnectionFields):
    """The fields of an API-key connection: the account's domain, the user's email and a REST API key."""

    apiKey: Password = Input("API Key", required=True, comments="Your API Key for Gorgias.")
    domain: Domain = Input("Domain", required=True, comments=DOMAIN_COMMENTS, example="green-garden")
    username: Text = Input("Username", required=True, comments="Your username for Gorgias. e.g. john@example.com")


def open_api_key(fields: ConnectionFields, token: Mapping[str, Any] | None, options: OpenOptions) -> Opened:
    """A client signing every request with HTTP Basic (email, API key), on the runtime's session and budget."""
    assert isinstance(fields, ApiKeyFields)
    redactor = Redactor()  # per call: it learns this key and its Basic form (about 4 us, under 1% of a call)
    redactor.add_basic(fields.username, fields.apiKey)
    auth = HTTPBasicAuth(fields.username, fields.apiKey)
    client = gorgias_client(fields.domain, "apiKey", f"{fields.username}:{fields.apiKey}", auth, redactor, options)
    return Opened(client)


api_key = Connection(
    "apiKey",
    "Gorgias API Key",
    "Authenticate with your Gorgias username (email) and a REST API key (Settings → REST API).",
    ApiKeyFields,
    open_api_key,
)
