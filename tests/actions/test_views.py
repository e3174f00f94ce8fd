"""View actions send the documented Gorgias requests (method, path, query, body exactly) and refuse bad input."""

from __future__ import annotations

from typing import Any

import responses

from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

# The reference's example view (developers.gorgias.com, Retrieve a view).
VIEW = {
    "id": 123, "name": "My view", "slug": "my-tickets", "category": "user", "type": "ticket-list",
    "filters": "eq(ticket.assignee_user.id, '{{current_user.id}}') && eq(ticket.status, 'open')",
    "order_by": "updated_datetime", "order_dir": "desc", "fields": ["id", "details", "tags"],
    "visibility": "public", "search": "where is my order?", "decoration": {"emoji": "🙏"},
    "shared_with_users": [{"id": 3924, "name": "Steve Frazelli", "meta": {"sso": "google"}}],
    "shared_with_teams": [{"id": 123, "name": "Warehouse team", "decoration": {"emoji": "🙏"}}],
    "created_datetime": "2019-11-23T15:59:41.966927", "deactivated_datetime": "2020-01-30T11:04:34.345123",
    "uri": "/api/views/123/",
}
TICKET = {"id": 4742, "subject": "Where is my order?", "status": "open", "channel": "email", "via": "email",
          "created_datetime": "2024-12-04T15:18:56+00:00", "updated_datetime": "2024-12-04T15:18:56+00:00"}
OPEN = "eq(ticket.status, 'open')"

test_sends = sends_test([
    Sends("createView", {"slug": "my-tickets", "name": "My view", "filters": OPEN, "fields": ["id", "Subject"],
                         "order_by": "created_datetime", "order_dir": "ASC", "visibility": "shared",
                         "shared_with_users": ["3924"], "shared_with_teams": "123", "decoration": '{"emoji": "🙏"}'},
          "POST", "/views",
          body={"slug": "my-tickets", "name": "My view", "filters": OPEN, "fields": ["id", "subject"],
                "order_by": "created_datetime", "order_dir": "asc", "visibility": "shared",
                "shared_with_users": [3924], "shared_with_teams": [123], "decoration": {"emoji": "🙏"},
                "type": "ticket-list"},
          answer=VIEW, status=201),
    Sends("createView", {"slug": "all"}, "POST", "/views",
          body={"slug": "all", "order_by": "updated_datetime", "order_dir": "desc", "type": "ticket-list",
                "visibility": "public"}, answer=VIEW, status=201),
    Sends("getView", {"id": "123"}, "GET", "/views/123", answer=VIEW),
    Sends("updateView", {"id": 123, "name": "Renamed", "visibility": "private"}, "PUT", "/views/123",
          body={"name": "Renamed", "visibility": "private"}, answer=VIEW, status=202),
    Sends("deleteView", {"id": "123"}, "DELETE", "/views/123", status=204),
    Sends("listViews", {"limit": "2", "cursor": "abc", "order_by": "created_datetime:asc"}, "GET", "/views",
          query={"limit": "2", "cursor": "abc", "order_by": "created_datetime:asc"},
          answer=envelope("/api/views?limit=2", [VIEW])),
    Sends("listViewItems", {"view_id": "21", "direction": "next", "ignored_item": "4742", "limit": 50,
                            "order_by": "last_message_datetime:desc"},
          "GET", "/views/21/items",
          query={"direction": "next", "ignored_item": "4742", "order_by": "last_message_datetime:desc", "limit": "50"},
          answer=envelope("/api/views/21/items", [TICKET])),
    Sends("searchViewItems", {"view": {"type": "ticket-list", "filters": OPEN, "search": "order"}, "limit": "10"},
          "PUT", "/views/0/items", query={"limit": "10"},
          body={"view": {"type": "ticket-list", "filters": OPEN, "search": "order"}},
          answer=envelope("/api/views/0/items?limit=10", [TICKET]), status=202),
    Sends("searchViewItems", {"view_id": "5", "view": '{"search": "refund"}', "cursor": "c2", "direction": "prev"},
          "PUT", "/views/5/items", query={"cursor": "c2", "direction": "prev"}, body={"view": {"search": "refund"}},
          answer=envelope("/api/views/5/items", []), status=202),
])


def test_list_view_items_fetches_every_page_when_asked(gorgias_api: MockedGorgias,
                                                      connection: dict[str, Any]) -> None:
    """fetchAll follows meta.next_cursor, keeping the filters, and answers one envelope with every ticket."""
    second = {**TICKET, "id": 4743}
    gorgias_api.add(responses.GET, "/views/21/items",
                 json=envelope("/api/views/21/items", [TICKET], next_cursor="n2"),
                 match=[responses.matchers.query_param_matcher({"limit": "100", "direction": "next"})])
    gorgias_api.add(responses.GET, "/views/21/items",
                 json=envelope("/api/views/21/items", [second]),
                 match=[responses.matchers.query_param_matcher({"limit": "100", "direction": "next", "cursor": "n2"})])
    data = invoke(gorgias, "listViewItems", {"view_id": 21, "direction": "next", "fetchAll": "true"},
                              connection)["data"]
    assert [t["id"] for t in data["data"]] == [4742, 4743]
    assert data["meta"]["next_cursor"] is None


# Enumerations, ids and JSON bodies are checked: InputError names the input, expected and received.
test_refuses = refuses_test([
    required("createView", {"name": "No slug"}, "slug", "Slug"),
    required("getView", {}, "id", "View ID"),
    required("updateView", {"name": "x"}, "id", "View ID"),
    required("deleteView", {}, "id", "View ID"),
    required("listViewItems", {"limit": 5}, "view_id", "View ID"),
    required("searchViewItems", {"view_id": 0}, "view", "View"),
    Refuses("createView", {"slug": "s", "visibility": "everyone"}, "visibility",
            "Input 'visibility' (Visibility): expected one of public, shared, private, received \"everyone\"."),
    Refuses("createView", {"slug": "s", "fields": ["id", "colour"]}, "fields",
            "Input 'fields' (Fields): expected a list of values, each one of id, details, tags, customer, last_message, "
            "name, email, created, updated, assignee, assignee_team, channel, closed, language, last_received_message, "
            "integrations, snooze, status, subject, priority, received a list of 2 items."),
    Refuses("createView", {"slug": "s", "shared_with_users": ["me"]}, "shared_with_users",
            "Input 'shared_with_users' (Shared With Users): expected a list of positive integer ids, "
            "received a list of 1 item."),
    Refuses("createView", {"slug": "s", "decoration": '{"emoji": 1}'}, "decoration",
            "Input 'decoration' (Decoration): at decoration.emoji: 1 is not of type 'string', 'null'."),
    Refuses("getView", {"id": "0"}, "id", "Input 'id' (View ID): expected a positive integer id, received \"0\"."),
    Refuses("listViews", {"order_by": "name:asc"}, "order_by",
            "Input 'order_by' (Order By): expected one of created_datetime:asc, created_datetime:desc, "
            "received \"name:asc\"."),
    Refuses("listViewItems", {"view_id": 1, "direction": "up"}, "direction",
            "Input 'direction' (Direction): expected one of prev, next, received \"up\"."),
    Refuses("searchViewItems", {"view_id": "-1", "view": {"search": "x"}}, "view_id",
            "Input 'view_id' (View ID): expected a whole number ≥ 0, received \"-1\"."),
    Refuses("searchViewItems", {"view": "{}"}, "view", "Input 'view' (View): at view: {} should be non-empty."),
    Refuses("searchViewItems", {"view": {"order_dir": "up"}}, "view",
            "Input 'view' (View): at view.order_dir: 'up' is not one of ['asc', 'desc', None]."),
])
