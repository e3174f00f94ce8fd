"""Customer endpoints of the sandbox over real loopback HTTP."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox


def test_get_customer_returns_the_seeded_customer_shape(sb: Sandbox, api: requests.Session) -> None:
    response = api.get(f"{sb.base_url}/customers/1")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == 1
    assert {"email", "name", "firstname", "lastname", "channels", "language", "timezone", "meta",
            "created_datetime", "updated_datetime"} <= body.keys()
    assert body["channels"][0]["type"] == "email"


def test_unknown_customer_is_404_with_gorgias_error_body(sb: Sandbox, api: requests.Session) -> None:
    response = api.get(f"{sb.base_url}/customers/999999")
    assert response.status_code == 404
    assert response.json() == {"error": {"msg": "Resource not found."}}


def test_non_integer_customer_id_is_404(sb: Sandbox, api: requests.Session) -> None:
    assert api.get(f"{sb.base_url}/customers/abc").status_code == 404


def test_create_customer_returns_201_and_is_listed_by_email(sb: Sandbox, api: requests.Session) -> None:
    payload = {"name": "Ada Lovelace", "email": "ada@example.com", "language": "en",
               "channels": [{"type": "email", "address": "ada@example.com", "preferred": True}]}
    created = api.post(f"{sb.base_url}/customers", json=payload)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["firstname"], body["lastname"]) == ("Ada", "Lovelace")
    listed = api.get(f"{sb.base_url}/customers", params={"email": "ADA@example.com"}).json()["data"]
    assert [c["id"] for c in listed] == [body["id"]]
    assert sb.store.customers[body["id"]].email == "ada@example.com"


def test_duplicate_customer_email_is_409_with_error_data(sb: Sandbox, api: requests.Session) -> None:
    existing = sb.store.customers[1].email
    response = api.post(f"{sb.base_url}/customers", json={"email": existing, "channels": []})
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["msg"] == "The resource already exists."
    assert "email" in error["data"]


def test_invalid_channels_are_rejected_with_field_errors(sb: Sandbox, api: requests.Session) -> None:
    not_a_list = api.post(f"{sb.base_url}/customers", json={"email": "x@example.com", "channels": "email"})
    assert not_a_list.status_code == 400
    assert not_a_list.json()["error"]["data"] == {"channels": ["Not a valid list."]}
    missing_address = api.post(f"{sb.base_url}/customers", json={"channels": [{"type": "email"}]})
    assert missing_address.status_code == 400
    assert missing_address.json()["error"]["data"]["channels"]["0"]["address"]


def test_update_customer_is_partial_and_answers_202(sb: Sandbox, api: requests.Session) -> None:
    before = api.get(f"{sb.base_url}/customers/2").json()
    response = api.put(f"{sb.base_url}/customers/2", json={"note": "Called twice."})
    assert response.status_code == 202
    after = response.json()
    assert after["note"] == "Called twice."
    assert after["email"] == before["email"]
    assert after["updated_datetime"] > before["updated_datetime"]


def test_update_customer_to_another_customers_email_is_409(sb: Sandbox, api: requests.Session) -> None:
    response = api.put(f"{sb.base_url}/customers/2", json={"email": sb.store.customers[3].email})
    assert response.status_code == 409


def test_delete_customer_answers_204_then_404(sb: Sandbox, api: requests.Session) -> None:
    deleted = api.delete(f"{sb.base_url}/customers/5")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert api.get(f"{sb.base_url}/customers/5").status_code == 404
    assert api.delete(f"{sb.base_url}/customers/5").status_code == 404


def test_customer_writes_record_created_updated_deleted_events(sb: Sandbox, api: requests.Session) -> None:
    cid = api.post(f"{sb.base_url}/customers", json={"email": "ev@example.com"}).json()["id"]
    api.put(f"{sb.base_url}/customers/{cid}", json={"name": "Eve Vent"})
    api.delete(f"{sb.base_url}/customers/{cid}")
    events = api.get(f"{sb.base_url}/events", params={"object_type": "Customer", "object_id": cid,
                                                      "order_by": "created_datetime:asc"}).json()["data"]
    assert [e["type"] for e in events] == ["customer-created", "customer-updated", "customer-deleted"]
    assert all(e["user_id"] == 1 and len(e["context"]) == 36 for e in events)


def test_customer_list_filters_and_view_id_validation(sb: Sandbox, api: requests.Session) -> None:
    target = sb.store.customers[7]
    by_external = api.get(f"{sb.base_url}/customers", params={"external_id": target.external_id}).json()
    assert [c["id"] for c in by_external["data"]] == [7]
    by_id = api.get(f"{sb.base_url}/customers", params={"id": 7}).json()["data"]
    assert [c["id"] for c in by_id] == [7]
    assert api.get(f"{sb.base_url}/customers", params={"view_id": 12}).status_code == 200
    bad_view = api.get(f"{sb.base_url}/customers", params={"view_id": "abc"})
    assert bad_view.status_code == 400
    assert bad_view.json()["error"]["data"] == {"view_id": ["Not a valid integer."]}


def test_unknown_query_parameter_is_400(sb: Sandbox, api: requests.Session) -> None:
    response = api.get(f"{sb.base_url}/customers", params={"colour": "blue"})
    assert response.status_code == 400
    assert response.json()["error"]["data"] == {"colour": ["Unknown field."]}
