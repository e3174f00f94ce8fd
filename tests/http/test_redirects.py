"""Redirects: followed only when asked, and credentials never leave the API's origin."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import responses
from responses import matchers

from component.errors import ApiError
from tests.http.conftest import MakeClient
from tests.support.mocked_gorgias import BASE, MockedGorgias

FILES = "https://files.example-cdn.com/signed/a.png"


def recording(seen: list[dict[str, str]], status: int = 200, body: str = "{}") -> Any:
    """A callback that records the headers each request arrived with."""

    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        seen.append(dict(request.headers))
        return status, {"Content-Type": "application/json"}, body

    return answer


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_host_carries_no_authorization(
        gorgias_api: MockedGorgias, make_client: MakeClient, status: int) -> None:
    """The other host gets a bare GET: no Authorization header and none of the caller's headers."""
    gorgias_api.add(responses.GET, "/files/a", status=status, headers={"Location": FILES})  # with the credentials
    seen: list[dict[str, str]] = []
    gorgias_api.mock.add_callback(responses.GET, FILES, callback=recording(seen))
    make_client().request("GET", "/files/a", headers={"X-Custom": "secret-ish"}, follow_redirects=True)
    (headers,) = seen
    assert "Authorization" not in headers
    assert "X-Custom" not in headers


def test_a_redirect_within_the_api_origin_keeps_the_credentials(
        gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A relative redirect stays on the API host, so the request is still authenticated."""
    gorgias_api.add(responses.GET, "/old", status=301, headers={"Location": "/api/new"})
    gorgias_api.add(responses.GET, "/new", json={"ok": True})  # with the credentials
    response = make_client().request("GET", "/old", follow_redirects=True)
    assert response.json() == {"ok": True}


def test_a_downgrade_to_http_on_the_same_host_is_another_origin(
        gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """https -> http on the same host name would expose the credentials in clear text: they are dropped."""
    seen: list[dict[str, str]] = []
    gorgias_api.add(responses.GET, "/a", status=302, headers={"Location": "http://acme.gorgias.com/api/b"})
    gorgias_api.mock.add_callback(responses.GET, "http://acme.gorgias.com/api/b", callback=recording(seen))
    make_client().request("GET", "/a", follow_redirects=True)
    assert "Authorization" not in seen[0]


def test_a_write_is_never_redirected_to_another_host(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A 307 on a POST to another host would re-send the body there: it is not followed, and is an error."""
    gorgias_api.add(responses.POST, "/tickets", status=307, headers={"Location": "https://elsewhere.example.com/t"})
    with pytest.raises(ApiError) as caught:
        make_client().request("POST", "/tickets", json={"subject": "x"}, follow_redirects=True)
    assert caught.value.status == 307
    assert len(gorgias_api.calls) == 1


def test_a_307_within_the_origin_repeats_the_method_and_body(
        gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A temporary redirect on the API host is the same request again, body included."""
    gorgias_api.add(responses.POST, "/tickets", status=307, headers={"Location": f"{BASE}/v2/tickets"})
    gorgias_api.add(responses.POST, "/v2/tickets", status=201, json={"id": 1},
                    match=[matchers.json_params_matcher({"subject": "x"})])
    response = make_client().request("POST", "/tickets", json={"subject": "x"}, follow_redirects=True)
    assert response.status_code == 201


def test_without_follow_redirects_a_redirect_is_not_followed(
        gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """Typed actions do not follow redirects: a 3xx is an error unless the caller accepts it."""
    gorgias_api.add(responses.GET, "/attachment/download/h/r.png", status=307, headers={"Location": FILES})
    response = make_client().request("GET", "/attachment/download/h/r.png", accept_redirect=True)
    assert response.headers["Location"] == FILES
    assert len(gorgias_api.calls) == 1


def test_redirect_chains_stop_after_five_hops(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A redirect loop ends with an error instead of spinning forever."""
    gorgias_api.add(responses.GET, "/loop", status=302, headers={"Location": f"{BASE}/loop"})
    with pytest.raises(ApiError) as caught:
        make_client().request("GET", "/loop", follow_redirects=True)
    assert caught.value.status == 302
    assert len(gorgias_api.calls) == 6
