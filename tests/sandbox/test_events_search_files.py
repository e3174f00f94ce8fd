"""Events, account, search and file download endpoints of the sandbox."""

from __future__ import annotations

from typing import Any

import requests

from gorgias_component.sandbox import Sandbox


def test_account_is_the_sandbox_domain(sb: Sandbox, api: requests.Session) -> None:
    body = api.get(f"{sb.base_url}/account").json()
    assert body["domain"] == "sandbox"
    assert body["status"] == {"status": "active"}
    assert body["settings"][0]["type"] == "business-hours"


def test_get_event_by_id_and_unknown_event_is_404(sb: Sandbox, api: requests.Session) -> None:
    event = api.get(f"{sb.base_url}/events/1").json()
    assert {"id", "type", "object_type", "object_id", "user_id", "context", "created_datetime", "data"} <= event.keys()
    assert api.get(f"{sb.base_url}/events/99999999").status_code == 404


def test_events_filter_by_repeated_types(sb: Sandbox, walk: Any) -> None:
    items = walk(f"{sb.base_url}/events", types=["ticket-created", "customer-created"], limit=100)
    assert {e["type"] for e in items} == {"ticket-created", "customer-created"}
    assert len(items) == len(sb.store.tickets) + len(sb.store.customers)


def test_events_filter_by_created_datetime_gte_and_lt(sb: Sandbox, walk: Any) -> None:
    stamps = sorted(e.created_datetime for e in sb.store.events.values())
    middle = stamps[len(stamps) // 2]
    assert middle.endswith("+00:00")  # stored and answered with the UTC offset, as live Gorgias does
    after = walk(f"{sb.base_url}/events", **{"created_datetime[gte]": middle.replace("+00:00", "Z"), "limit": 100})
    assert len(after) == sum(1 for s in stamps if s >= middle)
    assert all(e["created_datetime"] >= middle for e in after)
    naive = middle.removesuffix("+00:00")  # the reference's naive form means UTC too
    before = walk(f"{sb.base_url}/events", **{"created_datetime[lt]": naive, "limit": 100})
    assert len(before) + len(after) == len(stamps)


def test_events_filter_by_object_and_user(sb: Sandbox, walk: Any) -> None:
    ticket_events = walk(f"{sb.base_url}/events", object_type="Ticket", object_id=4)
    assert [e["type"] for e in ticket_events] == ["ticket-created"]
    user_events = walk(f"{sb.base_url}/events", user_ids=[2, 3], limit=100)
    assert user_events and {e["user_id"] for e in user_events} <= {2, 3}


def test_events_reject_bad_datetime_filter(sb: Sandbox, api: requests.Session) -> None:
    response = api.get(f"{sb.base_url}/events", params={"created_datetime[gte]": "yesterday"})
    assert response.status_code == 400
    assert "created_datetime[gte]" in response.json()["error"]["data"]


def test_search_answers_201_with_matching_customers_and_agents(sb: Sandbox, api: requests.Session) -> None:
    customer = sb.store.customers[3]
    found = api.post(f"{sb.base_url}/search", json={"type": "customer", "query": customer.email.upper()})
    assert found.status_code == 201
    assert [c["id"] for c in found.json()["data"]] == [3]
    agents = api.post(f"{sb.base_url}/search", json={"type": "agent", "query": "marie"}).json()["data"]
    assert [a["name"] for a in agents] == ["Marie Curie"]
    tags = api.post(f"{sb.base_url}/search", json={"type": "tag", "query": "REF"}).json()["data"]
    assert [t["name"] for t in tags] == ["refund"]
    teams = api.post(f"{sb.base_url}/search", json={"type": "team", "query": ""}).json()["data"]
    assert len(teams) == 3


def test_search_size_limits_results_and_is_validated(sb: Sandbox, api: requests.Session) -> None:
    url = f"{sb.base_url}/search"
    assert len(api.post(url, json={"type": "customer", "size": 4}).json()["data"]) == 4
    assert len(api.post(url, json={"type": "customer"}).json()["data"]) == 10
    as_string = api.post(url, json={"type": "customer", "size": "5"})
    assert as_string.status_code == 400
    assert as_string.json()["error"]["data"] == {"size": ["Not a valid integer."]}
    assert api.post(url, json={"type": "customer", "size": 51}).status_code == 400
    assert api.post(url, json={"type": "ticket"}).status_code == 400
    assert api.post(url, json={"query": "x"}).json()["error"]["data"] == {"type": ["Missing data for required field."]}


def test_download_redirects_307_to_a_signed_storage_url(sb: Sandbox, api: requests.Session) -> None:
    file_type, domain_hash, name = next(key for key in sb.store.files if key[2].endswith(".png"))
    url = f"{sb.base_url}/{file_type}/download/{domain_hash}/{name}"
    redirect = api.get(url, allow_redirects=False)
    assert redirect.status_code == 307
    assert redirect.content == b""
    location = redirect.headers["Location"]
    assert location.startswith(f"{sb.origin}/storage/{file_type}/{domain_hash}/{name}?expires=")
    fetched = requests.get(location)  # storage needs no auth
    assert fetched.status_code == 200
    assert fetched.headers["Content-Type"] == "image/png"
    assert fetched.content.startswith(b"\x89PNG")
    tampered = requests.get(location[:-4] + "0000")
    assert tampered.status_code == 403
    assert api.get(f"{sb.base_url}/{file_type}/download/{domain_hash}/missing.png").status_code == 404


def test_seeded_attachments_point_at_the_download_path(sb: Sandbox, api: requests.Session) -> None:
    message = next(m for m in sb.store.messages.values() if m.attachments)
    body = api.get(f"{sb.base_url}/tickets/{message.ticket_id}/messages/{message.id}").json()
    url = body["attachments"][0]["url"]
    assert url.startswith(f"{sb.base_url}/attachment/download/{sb.store.domain_hash}/")
    followed = api.get(url)
    assert followed.status_code == 200 and followed.content
