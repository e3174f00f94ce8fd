"""The Gorgias connections: API key (HTTP Basic) and OAuth 2.0 (Bearer token)."""

from gorgias_component.connections.api_key import api_key
from gorgias_component.connections.oauth2 import oauth2

__all__ = ["CONNECTIONS", "api_key", "oauth2"]

CONNECTIONS = (api_key, oauth2)
