"""The API-key connection: HTTP Basic with the user's email and a REST API key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, get_args

from requests.auth import HTTPBasicAuth

from component import Connection, ConnectionFields, Input, Opened, OpenOptions
from component.inputs import Invalid, Kind, Password, Text
from component.redaction import Redactor
from gorgias_component.connections.client import gorgias_client
from gorgias_component.connections.domain import Domain

__all__ = ["ApiKeyFields", "api_key"]

DOMAIN_COMMENTS = "The domain of the Gorgias API, this is provided by the service provider."
LATIN_1 = "Latin-1 text (HTTP Basic authentication, as requests encodes it, carries no other characters)"


def _latin_1(kind: Kind) -> Kind:
    """`kind`, also refusing text that HTTP Basic cannot carry: requests encodes the credentials as Latin-1."""

    def convert(value: Any) -> str:
        text: str = kind.convert(value)
        try:
            text.encode("latin-1")
        except UnicodeEncodeError:
            raise Invalid(LATIN_1) from None
        return text

    return Kind(kind.type, convert, kind.schema)


# Text and Password, refused before anything is sent when requests could not encode them.
BasicText = Annotated[str, _latin_1(get_args(Text)[1])]
BasicPassword = Annotated[str, _latin_1(get_args(Password)[1])]


class ApiKeyFields(ConnectionFields):
    """The fields of an API-key connection: the account's domain, the user's email and a REST API key."""

    apiKey: BasicPassword = Input("API Key", required=True, comments="Your API Key for Gorgias.")
    domain: Domain = Input("Domain", required=True, comments=DOMAIN_COMMENTS, example="green-garden")
    username: BasicText = Input("Username", required=True, comments="Your username for Gorgias. e.g. john@example.com")


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
