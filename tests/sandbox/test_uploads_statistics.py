"""The sandbox's upload route stores multipart files for download; its statistics count its own data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator

from component.instants import instant
from gorgias_component.sandbox import Sandbox
from gorgias_component.sandbox.multipart import parse
from gorgias_component.sandbox.router import ApiError
from gorgias_component.sandbox.statistics import NAMES

OBJECTS = Path(__file__).resolve().parents[2] / "schemas" / "objects"
PERIOD = {"start_datetime": "2024-01-01T00:00:00+00:00", "end_datetime": "2024-02-01T00:00:00+00:00"}


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((OBJECTS / f"{name}.json").read_text(encoding="utf-8")))


def test_upload_stores_each_part_and_download_serves_it_back(sb: Sandbox, api: requests.Session) -> None:
    """Each part becomes a file named after its field; the answer's URL leads (via the 307) to the same bytes."""
    blob = bytes(range(256))
    response = api.post(f"{sb.base_url}/upload", params={"type": "public_attachment"},
                        files=[("notes.txt", ("notes.txt", b"hello", "text/plain")),
                               ("scan.pdf", ("ignored-filename.pdf", blob, "application/pdf"))])
    assert response.status_code == 201, response.text
    answered = response.json()
    assert [(f["name"], f["content_type"], f["size"]) for f in answered] == [
        ("notes.txt", "text/plain", 5), ("scan.pdf", "application/pdf", 256)]
    for item in answered:
        assert not list(_validator("uploaded_file").iter_errors(item))
        assert item["url"].startswith(f"{sb.base_url}/public_attachment/download/{sb.store.domain_hash}/")
    fetched = api.get(answered[1]["url"])  # follows the 307 to the signed storage URL
    assert (fetched.status_code, fetched.content) == (200, blob)
    assert fetched.headers["Content-Type"] == "application/pdf"


def test_upload_guesses_missing_content_types(sb: Sandbox, api: requests.Session) -> None:
    """A part without Content-Type gets the type its name implies."""
    body = (b"--b0\r\nContent-Disposition: form-data; name=\"photo.png\"; filename=\"photo.png\"\r\n\r\n"
            b"PNG\r\n--b0--\r\n")
    response = api.post(f"{sb.base_url}/upload", data=body,
                        headers={"Content-Type": "multipart/form-data; boundary=b0"})
    assert response.status_code == 201, response.text
    assert response.json()[0]["content_type"] == "image/png"


@pytest.mark.parametrize(("params", "kwargs", "status", "error"), [
    ({"type": "avatar"}, {"files": {"a.txt": b"x"}}, 400,
     {"type": ["Must be one of: attachment, public_attachment, profile_picture, widget_picture."]}),
    ({"size": "1"}, {"files": {"a.txt": b"x"}}, 400, {"size": ["Unknown field."]}),
    ({}, {"json": {"name": "a.txt"}}, 400, {"_schema": ["Expected a multipart/form-data body."]}),
    ({}, {"data": b"--x\r\n", "headers": {"Content-Type": "multipart/form-data; boundary=x"}}, 400,
     {"_schema": ["Malformed multipart body: the closing boundary is missing."]}),
])
def test_upload_refuses_bad_requests_like_gorgias(sb: Sandbox, api: requests.Session, params: dict[str, str],
                                                  kwargs: dict[str, Any], status: int, error: dict[str, Any]) -> None:
    """Bad types, unknown parameters and non-multipart bodies are Gorgias-like 400s."""
    response = api.post(f"{sb.base_url}/upload", params=params, **kwargs)
    assert response.status_code == status
    assert response.json() == {"error": {"msg": "Invalid request.", "data": error}}


def test_multipart_reader_refuses_parts_without_a_name() -> None:
    """A part must be form-data with a field name."""
    with pytest.raises(ApiError) as caught:
        parse("multipart/form-data; boundary=z", b"--z\r\nContent-Disposition: form-data\r\n\r\nx\r\n--z--\r\n")
    assert caught.value.data == {"_schema": ["Malformed multipart body: a part has no field name."]}


def test_overview_counts_the_sandbox_tickets_and_messages(sb: Sandbox, api: requests.Session) -> None:
    """The overview's counts equal what the store holds for the period."""
    response = api.post(f"{sb.base_url}/stats/overview", json={"filters": {"period": PERIOD}})
    assert response.status_code == 201, response.text
    body = response.json()
    assert not list(_validator("statistic").iter_errors(body))
    metrics = {m["name"]: m["value"] for m in body["data"]["data"]}
    start, end = instant(PERIOD["start_datetime"]), instant(PERIOD["end_datetime"])
    tickets = sb.store.tickets.values()
    assert metrics["total_new_tickets"] == sum(start <= instant(t.created_datetime) < end for t in tickets) > 0
    assert metrics["total_closed_tickets"] == sum(
        t.status == "closed" and t.closed_datetime is not None and start <= instant(t.closed_datetime) < end
        for t in tickets)
    assert metrics["total_messages_received"] == sum(
        not m.from_agent and start <= instant(m.created_datetime) < end for m in sb.store.messages.values())
    assert body["meta"]["start_datetime"] == "2024-01-01T00:00:00+00:00"


def test_filters_narrow_the_statistic(sb: Sandbox, api: requests.Session) -> None:
    """Channel and agent filters keep only the matching tickets."""
    email = api.post(f"{sb.base_url}/stats/total-tickets-created",
                     json={"filters": {"period": PERIOD, "channels": ["email"]}}).json()
    expected = sum(t.channel == "email" for t in sb.store.tickets.values())
    assert email["data"]["data"][0]["value"] == expected
    agent = api.post(f"{sb.base_url}/stats/tickets-closed-per-agent",
                     json={"filters": {"period": PERIOD, "agents": [2]}}).json()
    rows = agent["data"]["data"]["lines"]
    assert [row[0]["value"] for row in rows] in ([], [sb.store.users[2]["name"]])
    by_inbox = api.post(f"{sb.base_url}/stats/total-tickets-created",
                        json={"filters": {"period": PERIOD, "integrations": [1]}}).json()
    assert by_inbox["data"]["data"][0]["value"] == sum(
        any(m.integration_id == 1 for m in sb.store.messages.values() if m.ticket_id == t.id)
        for t in sb.store.tickets.values()) > 0


@pytest.mark.parametrize("name", NAMES)
def test_every_statistic_answers_in_the_documented_shape(sb: Sandbox, api: requests.Session, name: str) -> None:
    """Every name answers a statistic that validates, and its download is CSV with a header row."""
    response = api.post(f"{sb.base_url}/stats/{name}", json={"filters": {"period": PERIOD}})
    assert response.status_code == 201, response.text
    assert not list(_validator("statistic").iter_errors(response.json()))
    download = api.post(f"{sb.base_url}/stats/{name}/download", json={"filters": {"period": PERIOD}})
    assert download.status_code == 201
    assert download.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert download.text.split("\r\n")[0]


def test_support_volume_has_one_point_per_day(sb: Sandbox, api: requests.Session) -> None:
    """The daily chart has one x per day of the period and created/replied/closed lines."""
    body = api.post(f"{sb.base_url}/stats/support-volume", json={"filters": {"period": PERIOD}}).json()
    axis = body["data"]["data"]["axes"]["x"]
    assert len(axis) == 31
    assert datetime.fromtimestamp(axis[0], UTC).date().isoformat() == "2024-01-01"
    assert [line["name"] for line in body["data"]["data"]["lines"]] == ["created", "replied", "closed"]
    assert sum(body["data"]["data"]["lines"][0]["data"]) == len(sb.store.tickets)


@pytest.mark.parametrize(("name", "body", "error"), [
    ("busiest-hours", {"filters": {"period": PERIOD}}, {"name": [f"Must be one of: {', '.join(NAMES)}."]}),
    ("overview", {}, {"filters": ["Missing data for required field."]}),
    ("overview", {"filters": {}}, {"filters": {"period": ["Missing data for required field."]}}),
    ("overview", {"filters": {"period": {"start_datetime": "soon", "end_datetime": "2024-01-02"}}},
     {"filters": {"period": {"start_datetime": ["Not a valid datetime."]}}}),
    ("overview", {"filters": {"period": {"start_datetime": "2024-02-01", "end_datetime": "2024-01-01"}}},
     {"filters": {"period": ["end_datetime must be after start_datetime."]}}),
    ("overview", {"filters": {"period": PERIOD, "agents": ["Marie"]}},
     {"filters": {"agents": ["Must be a list of integers."]}}),
])
def test_statistics_refuse_bad_requests_like_gorgias(sb: Sandbox, api: requests.Session, name: str,
                                                     body: dict[str, Any], error: dict[str, Any]) -> None:
    """Unknown names and missing or bad periods are Gorgias-like 400s."""
    response = api.post(f"{sb.base_url}/stats/{name}", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": {"msg": "Invalid request.", "data": error}}


def test_statistics_need_only_the_read_scope_though_posted(sb: Sandbox) -> None:
    """Gorgias's statistics scope is read-only: statistics:read suffices for the POST, its absence is a 403."""
    for scope, status in (("openid statistics:read", 201), ("openid tickets:write", 403)):
        token = sb.issue_token(scope=scope)
        response = requests.post(f"{sb.base_url}/stats/overview", json={"filters": {"period": PERIOD}},
                                 headers={"Authorization": f"Bearer {token['access_token']}"}, timeout=5)
        assert response.status_code == status
    assert response.json() == {"error": {"msg": "Missing scope: statistics:read"}}
