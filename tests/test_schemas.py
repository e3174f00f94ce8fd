"""The JSON Schemas of the structured ("code") inputs accept the documented shapes and reject broken ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from component.errors import InputError
from component.jsonschemas import SchemaRef

REPO_ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO_ROOT / "schemas"
ACTION_EXAMPLES = REPO_ROOT / "actions" / "examples"

SCHEMA_NAMES = [
    "account_setting_data",
    "assignee_team",
    "assignee_user",
    "attachments",
    "channels",
    "created_datetime",
    "custom_field_definition",
    "custom_fields_update",
    "customer",
    "decoration",
    "field_values",
    "job_params",
    "macro_actions",
    "messages",
    "meta",
    "receiver",
    "rule_priorities",
    "sender",
    "source",
    "statistic_filters",
    "team_decoration",
    "upload_files",
    "view_decoration",
    "view_definition",
    "widget_template",
]


def _schema(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return document


def _errors(name: str, instance: Any) -> list[str]:
    return [error.message for error in Draft202012Validator(_schema(name)).iter_errors(instance)]


# Reference (gorgias-api.md §6.3) tutorial bodies.
INCOMING_MESSAGE = {
    "sender": {"email": "customer@example.com"},
    "source": {"to": [{"address": "support@example.com"}], "from": {"address": "customer@example.com"}},
    "body_html": "<p>Hello</p>",
    "body_text": "Hello",
    "channel": "email",
    "from_agent": False,
    "via": "api",
    "subject": "Order issue",
}
OUTGOING_MESSAGE = {
    "channel": "email",
    "from_agent": True,
    "via": "api",
    "sender": {"id": 567},
    "receiver": {"id": 789},
    "source": {
        "type": "email",
        "from": {"address": "support@example.com", "name": "Support"},
        "to": [{"address": "customer@example.com", "name": "Sam Doe"}],
    },
    "body_text": "Your refund is on its way.",
    "attachments": [{"url": "https://example.com/a.pdf", "name": "a.pdf", "content_type": "application/pdf"}],
}
INTERNAL_NOTE = {
    "channel": "internal-note",
    "from_agent": True,
    "via": "api",
    "sender": {"id": 567},
    "body_text": "Checked with the warehouse.",
    "public": False,
    "mention_ids": [12],
}


def _documented_ticket() -> dict[str, Any]:
    """The createTicket example output of the documentation (actions/examples/createTicket.json)."""
    document: dict[str, Any] = json.loads((ACTION_EXAMPLES / "createTicket.json").read_text(encoding="utf-8"))
    ticket: dict[str, Any] = document["data"]
    return ticket


def _documented_message() -> dict[str, Any]:
    message: dict[str, Any] = _documented_ticket()["messages"][0]
    return message


PERIOD = {"start_datetime": "2024-01-01T00:00:00+00:00", "end_datetime": "2024-01-31T23:59:59"}
VALID: dict[str, list[Any]] = {
    "channels": [
        [{"type": "email", "address": "john@example.com", "preferred": True}],
        [{"type": "phone", "address": "+1 123 456 7890"}, {"type": "sms", "address": "+33612345678", "x": 1}],
        [],
    ],
    "messages": [
        [INCOMING_MESSAGE],
        [OUTGOING_MESSAGE, INTERNAL_NOTE],
        [{"channel": "api", "from_agent": False, "via": "api"}] * 500,
    ],
    "source": [
        INCOMING_MESSAGE["source"],
        OUTGOING_MESSAGE["source"],
        {"type": "email", "cc": [], "bcc": [{"address": "audit@example.com"}], "extra": {"k": "v"}},
    ],
    "sender": [{"email": "customer@example.com"}, {"id": 567}, {"id": 1, "email": "a@b.c", "name": "A", "meta": None}],
    "receiver": [{"id": 789}, {"email": "customer@example.com", "name": "Sam Doe"}],
    "customer": [{"id": 4}, {"email": "john@example.com", "name": "John Smith"}],
    "assignee_user": [{"id": 567}, {"email": "agent@example.com"}],
    "assignee_team": [{"id": 3}, {"id": 3, "name": "Tier 2"}],
    "attachments": [
        [{"url": "https://example.com/a.pdf", "name": "a.pdf", "content_type": "application/pdf", "size": 1024}],
        [{"url": "https://example.com/b.png", "name": "b.png", "public": False, "extra": {"any": ["thing"]}}],
        [],
    ],
    "decoration": [{"color": "#F58D86"}, {"color": "#00aaFF"}],
    "custom_field_definition": [{"data_type": "number"}, {"data_type": "text", "input_settings": {
        "input_type": "dropdown", "choices": ["Refund"]}}],
    "custom_fields_update": [[{"id": 1}], [{"id": 1, "priority": 2, "deactivated_datetime": None}]],
    "field_values": [[{"id": 1, "value": "Refund"}, {"id": 2, "value": 3}, {"id": 3, "value": False}]],
    "meta": [{}, {"position": "engineer", "level": 3, "tags": ["a"]}],
    "team_decoration": [{"emoji": "📦"}],
    # Views, macros, rules, jobs and account settings (the reference's examples).
    "view_decoration": [{"emoji": "🙏"}, {"emoji": None}, {}],
    "view_definition": [{"filters": "eq(ticket.status, 'open')"}, {"type": "ticket-list", "search": "refund",
                                                                    "order_by": "updated_datetime", "order_dir": "desc"}],
    "macro_actions": [[{"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "refund"}}],
                      [{"name": "setStatus"}], []],
    "rule_priorities": [[{"id": 1, "priority": 20}, {"id": 2, "priority": 0}]],
    "job_params": [{"ticket_ids": [1, 2, 3], "updates": {"status": "open"}},
                   {"ticket_ids": [1], "macro_id": 3, "apply_and_close": True}, {"view_id": 5}],
    "account_setting_data": [{"timezone": "UTC", "business_hours": {"days": "1,2,3,4,5", "from_time": "09:00",
                                                                    "to_time": "22:00"}}, {"enabled": True}],
    "created_datetime": [
        {"gte": "2024-01-01T00:00:00Z"},
        {"gt": "2024-01-01T00:00:00+02:00", "lt": "2024-02-01T00:00:00Z"},
        {"gt": "2024-01-01T00:00:00Z", "gte": "2024-01-01T00:00:00Z", "lte": "2025-01-01T00:00:00.5Z"},
    ],
    "statistic_filters": [
        {"period": PERIOD},
        {"period": PERIOD, "agents": [2], "teams": [1], "channels": ["email"], "tags": [3], "integrations": [4]},
    ],
    "upload_files": [
        [{"name": "notes.txt", "content": "hello"}],
        [{"name": "a.png", "content": "iVBORw0KGgo=", "encoding": "base64", "content_type": "image/png"}] * 20,
    ],
    "widget_template": [
        {"type": "wrapper", "widgets": []},
        {"type": "wrapper", "widgets": [{"type": "card", "path": "orders", "title": "Orders",
                                         "widgets": [{"type": "text", "path": "total", "title": "Total"}]}]},
    ],
}

INVALID: dict[str, list[Any]] = {
    "channels": [
        [{"type": "email"}],
        [{"address": "john@example.com"}],
        {"type": "email", "address": "john@example.com"},
        [{"type": "email", "address": "john@example.com", "preferred": "yes"}],
    ],
    "messages": [
        [],
        [{"channel": "email", "from_agent": False}],
        [{"channel": "email", "from_agent": "false", "via": "api"}],
        [{"channel": "api", "from_agent": False, "via": "api"}] * 501,
        INCOMING_MESSAGE,
        [{**INCOMING_MESSAGE, "sender": {"name": "no id or email"}}],
    ],
    "source": ["email", {"to": {"address": "a@b.c"}}, {"from": "a@b.c"}],
    "sender": [{}, {"name": "Sam"}, {"id": 0}, {"id": "567"}],
    "receiver": [{}, {"id": -1}, [{"id": 789}]],
    "customer": [{}, {"name": "Sam Doe"}, {"id": 0, "email": "x@example.com"}],
    "assignee_user": [{}, {"id": 0}, {"name": "Alex"}],
    "assignee_team": [{}, {"id": 0}, {"name": "Tier 2"}, {"id": "3"}],
    "attachments": [
        [{"url": "https://example.com/a.pdf"}],
        [{"name": "a.pdf"}],
        [{"url": "https://example.com/a.pdf", "name": "a.pdf", "size": -1}],
        {"url": "https://example.com/a.pdf", "name": "a.pdf"},
    ],
    "decoration": [{}, {"color": "red"}, {"color": "#F58D86", "font": "bold"}, "#F58D86"],
    "custom_field_definition": [{}, {"data_type": "date"}, {"data_type": "text", "input_settings": []}],
    "custom_fields_update": [[], [{"priority": 1}], [{"id": 0}], {"id": 1}],
    "field_values": [[], [{"id": 1}], [{"value": "x"}], [{"id": 1, "value": {"a": 1}}], [{"id": 1, "value": 1, "x": 0}]],
    "meta": [[], "position", None],
    "team_decoration": [{}, {"emoji": ""}, {"emoji": "📦", "color": "#fff"}],
    "view_decoration": [{"emoji": 1}, {"emoji": "🙏", "color": "#FFF"}, "🙏"],
    "view_definition": [{}, {"order_dir": "up"}, {"type": "customer-list"}, "eq(ticket.status, 'open')"],
    "macro_actions": [[{"title": "no name"}], [{"name": ""}], [{"name": "addTags", "arguments": "tags"}],
                      {"name": "addTags"}],
    "rule_priorities": [[], [{"id": 1}], [{"id": 0, "priority": 1}], [{"id": 1, "priority": 1, "name": "x"}]],
    "job_params": [{}, {"ticket_ids": ["1"]}, {"macro_id": 0}, {"apply_and_close": "yes"}, []],
    "account_setting_data": [{"business_hours": {"days": "1-5"}}, {"business_hours": {"from_time": "9:00"}}, []],
    "created_datetime": [{}, {"after": "2024-01-01T00:00:00Z"}, {"gt": 1704067200}, ["2024-01-01T00:00:00Z"]],
    "statistic_filters": [
        {}, {"period": {"start_datetime": "2024-01-01T00:00:00"}},
        {"period": {"start_datetime": "2024-01-01", "end_datetime": "2024-02-01", "timezone": "UTC"}},
        {"period": PERIOD, "agents": ["Marie"]},
    ],
    "upload_files": [
        [], {"name": "a.txt", "content": "x"}, [{"name": "a.txt"}], [{"name": "a/b.txt", "content": "x"}],
        [{"name": "a.txt", "content": "x", "encoding": "hex"}], [{"name": "a.txt", "content": "x", "size": 1}],
        [{"name": "a.txt", "content": "x"}] * 21,
    ],
    "widget_template": [
        {"widgets": []}, {"type": "card", "widgets": []}, {"type": "wrapper"},
        {"type": "wrapper", "widgets": [{"path": "no type"}]},
    ],
}


def test_every_schema_is_listed() -> None:
    assert sorted(p.stem for p in SCHEMA_DIR.glob("*.json")) == SCHEMA_NAMES
    assert set(VALID) == set(INVALID) == set(SCHEMA_NAMES)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = _schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://gorgias-component.local/schemas/{name}.json"
    assert schema["title"]
    assert schema["description"]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_self_contained(name: str) -> None:
    # The component embeds these schemas without their $schema/$id header: a "$ref" would dangle.
    assert "$ref" not in json.dumps(_schema(name))


@pytest.mark.parametrize(("name", "instance"), [(n, i) for n, items in VALID.items() for i in items])
def test_valid_instance(name: str, instance: Any) -> None:
    assert _errors(name, instance) == []


@pytest.mark.parametrize(("name", "instance"), [(n, i) for n, items in INVALID.items() for i in items])
def test_invalid_instance(name: str, instance: Any) -> None:
    assert _errors(name, instance) != []


def test_documented_ticket_parts_are_valid_inputs() -> None:
    """The objects of the documented createTicket output are accepted as inputs of the same shape."""
    ticket = _documented_ticket()
    message = _documented_message()
    assert _errors("messages", ticket["messages"]) == []
    assert _errors("customer", ticket["customer"]) == []
    assert _errors("assignee_user", ticket["assignee_user"]) == []
    assert _errors("source", message["source"]) == []
    assert _errors("sender", message["sender"]) == []
    assert _errors("receiver", message["receiver"]) == []
    assert _errors("attachments", message["attachments"]) == []


def test_created_datetime_comparators_must_be_date_times_for_the_component() -> None:
    """The component checks `format: date-time` itself, so "yesterday" is refused before anything is sent."""
    ref = SchemaRef("gorgias_component.schemas", "created_datetime.json")
    for instance in VALID["created_datetime"]:
        ref.check("created_datetime", "Created Datetime", instance)
    with pytest.raises(InputError) as error:
        ref.check("created_datetime", "Created Datetime", {"gte": "yesterday"})
    assert str(error.value) == (
        "Input 'created_datetime' (Created Datetime): at created_datetime.gte: 'yesterday' is not a 'date-time'."
    )
