"""The sandbox stores HTTP integrations and widgets with Gorgias's validation, paging, ordering and events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator

from gorgias_component.sandbox import Sandbox

OBJECTS = Path(__file__).resolve().parents[2] / "schemas" / "objects"
URL = "https://hooks.example.com/gorgias?ticket={{ticket.id}}"
HTTP = {"url": URL, "method": "POST", "request_content_type": "application/json",
        "response_content_type": "application/json", "headers": {"x-secret": "s3"},
        "triggers": {"ticket-created": True}}
TEMPLATE = {"type": "wrapper", "widgets": [{"path": "orders", "type": "card", "title": "Orders"}]}


def _valid(name: str, value: Any) -> None:
    schema = json.loads((OBJECTS / f"{name}.json").read_text(encoding="utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(value)] == []


def _events(sb: Sandbox, object_type: str, object_id: int) -> list[str]:
    return [sb.store.events[i].type for i in sb.store.event_ids_for(object_type, object_id)]


def test_http_integration_round_trip_with_events(sb: Sandbox, api: requests.Session) -> None:
    """Create (201), get, update (202), delete (204) an HTTP integration; each change writes its event."""
    created = api.post(f"{sb.base_url}/integrations", json={"name": "Hook", "type": "http", "http": HTTP})
    assert created.status_code == 201, created.text
    body = created.json()
    _valid("integration", body)
    assert body["http"]["triggers"]["ticket-created"] is True
    assert body["http"]["triggers"]["ticket-updated"] is False
    assert body["http"]["headers"] == {"x-secret": "s3"}
    assert body["uri"] == f"/api/integrations/{body['id']}/"
    assert body["created_datetime"].endswith("+00:00")
    integration_id = body["id"]
    assert api.get(f"{sb.base_url}/integrations/{integration_id}").json() == body

    updated = api.put(f"{sb.base_url}/integrations/{integration_id}",
                      json={"name": "Hook v2", "http": {**HTTP, "method": "PUT"}})
    assert updated.status_code == 202, updated.text
    assert (updated.json()["name"], updated.json()["http"]["method"]) == ("Hook v2", "PUT")
    assert updated.json()["http"]["id"] == body["http"]["id"]

    assert api.delete(f"{sb.base_url}/integrations/{integration_id}").status_code == 204
    assert api.get(f"{sb.base_url}/integrations/{integration_id}").status_code == 404
    assert _events(sb, "Integration", integration_id) == [
        "integration-created", "integration-updated", "integration-deleted"]


@pytest.mark.parametrize(("body", "error"), [
    ({"type": "http", "http": HTTP}, {"name": ["Missing data for required field."]}),
    ({"name": "x", "type": "email"}, {"type": ["Only http integrations can be created through the API."]}),
    ({"name": "x", "type": "http"}, {"http": ["Missing data for required field."]}),
    ({"name": "x", "type": "http", "http": {**HTTP, "method": "FETCH", "url": "ftp://x"}},
     {"http": {"method": ["Must be one of: GET, POST, PUT, DELETE, HEAD, PATCH."], "url": ["Not a valid URL."]}}),
    ({"name": "x", "type": "http", "http": {**HTTP, "triggers": {"ticket-closed": True}}},
     {"http": {"triggers": ["Unknown trigger(s): ticket-closed."]}}),
    ({"name": "x", "type": "http", "http": {"url": URL}},
     {"http": {"method": ["Missing data for required field."],
               "request_content_type": ["Missing data for required field."],
               "response_content_type": ["Missing data for required field."]}}),
])
def test_invalid_integrations_are_gorgias_like_400s(sb: Sandbox, api: requests.Session, body: dict[str, Any],
                                                    error: dict[str, Any]) -> None:
    """Bad bodies are refused with the fields' messages and nothing is stored."""
    before = len(sb.store.integrations)
    response = api.post(f"{sb.base_url}/integrations", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": {"msg": "Failed to create integration", "data": error}}
    assert len(sb.store.integrations) == before


def test_integrations_list_filters_by_type_and_pages(sb: Sandbox, api: requests.Session, walk: Any) -> None:
    """The seeded integrations list in the cursor envelope, newest first, filtered by type."""
    every = walk(f"{sb.base_url}/integrations", limit=1)
    assert {i["type"] for i in every} >= {"email", "shopify", "phone", "http"}
    for item in every:
        _valid("integration", item)
    http = walk(f"{sb.base_url}/integrations", type="http")
    assert http and {i["type"] for i in http} == {"http"}
    oldest = api.get(f"{sb.base_url}/integrations", params={"order_by": "created_datetime:asc", "limit": 100}).json()
    assert [i["id"] for i in oldest["data"]] == sorted(i["id"] for i in every)
    refused = api.get(f"{sb.base_url}/integrations", params={"type": "webhook"})
    assert refused.status_code == 400
    assert api.get(f"{sb.base_url}/integrations", params={"order_by": "name:asc"}).status_code == 400


def test_deleting_an_integration_deactivates_its_widgets(sb: Sandbox, api: requests.Session) -> None:
    """Widgets attached to a deleted HTTP integration stay, deactivated."""
    integration = api.post(f"{sb.base_url}/integrations", json={"name": "Hook", "type": "http", "http": HTTP}).json()
    widget = api.post(f"{sb.base_url}/widgets", json={"type": "http", "template": TEMPLATE,
                                                       "integration_id": integration["id"]}).json()
    assert widget["deactivated_datetime"] is None
    api.delete(f"{sb.base_url}/integrations/{integration['id']}")
    assert api.get(f"{sb.base_url}/widgets/{widget['id']}").json()["deactivated_datetime"] is not None


def test_widget_round_trip_with_defaults_and_events(sb: Sandbox, api: requests.Session) -> None:
    """A widget gets the default context and order; a partial update changes only what it carries."""
    created = api.post(f"{sb.base_url}/widgets", json={"type": "custom", "template": TEMPLATE})
    assert created.status_code == 201, created.text
    widget = created.json()
    _valid("widget", widget)
    assert (widget["context"], widget["order"], widget["integration_id"]) == ("ticket", 0, None)
    updated = api.put(f"{sb.base_url}/widgets/{widget['id']}", json={"order": 5, "context": "customer"})
    assert updated.status_code == 202
    assert (updated.json()["order"], updated.json()["context"], updated.json()["template"]) == (5, "customer",
                                                                                                  TEMPLATE)
    assert api.delete(f"{sb.base_url}/widgets/{widget['id']}").status_code == 204
    assert _events(sb, "Widget", widget["id"]) == ["widget-created", "widget-updated", "widget-deleted"]


@pytest.mark.parametrize(("body", "error"), [
    ({"type": "http"}, {"template": ["Missing data for required field."]}),
    ({"template": TEMPLATE}, {"type": ["Missing data for required field."]}),
    ({"template": {"type": "card"}, "type": "http"}, {"template": ["A template is a wrapper with a list of widgets."]}),
    ({"template": TEMPLATE, "type": "http", "order": -1}, {"order": ["Must be greater than or equal to 0."]}),
    ({"template": TEMPLATE, "type": "http", "integration_id": 999}, {"integration_id": ["Integration not found."]}),
    ({"template": TEMPLATE, "type": "http", "color": "red"}, {"color": ["Unknown field."]}),
])
def test_invalid_widgets_are_gorgias_like_400s(sb: Sandbox, api: requests.Session, body: dict[str, Any],
                                               error: dict[str, Any]) -> None:
    """Bad widget bodies are refused with the fields' messages."""
    response = api.post(f"{sb.base_url}/widgets", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": {"msg": "Failed to create widget", "data": error}}


def test_widgets_order_by_display_order_and_filter_by_integration(sb: Sandbox, api: requests.Session,
                                                                 walk: Any) -> None:
    """order_by=order:asc lists by display order; integration_id keeps that integration's widgets."""
    for order in (7, 3):
        api.post(f"{sb.base_url}/widgets", json={"type": "custom", "template": TEMPLATE, "order": order})
    ordered = walk(f"{sb.base_url}/widgets", order_by="order:asc", limit=2)
    assert [w["order"] for w in ordered] == sorted(w["order"] for w in ordered)
    attached = walk(f"{sb.base_url}/widgets", integration_id=4)
    assert attached and {w["integration_id"] for w in attached} == {4}
    assert api.get(f"{sb.base_url}/widgets", params={"integration_id": "x"}).status_code == 400
