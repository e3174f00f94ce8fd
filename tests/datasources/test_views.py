"""Select View lists every view page by page, labelled with its emoji and name."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import envelope
from tests.support.mocked_gorgias import MockedGorgias


def test_select_view_labels_every_view_of_every_page(gorgias_api: MockedGorgias,
                                                     connection: dict[str, Any]) -> None:
    """Pages of 100 are followed; a view's emoji leads its name, a nameless view is "View {id}"."""
    gorgias_api.add(responses.GET, "/views", json=envelope("/api/views", [
        {"id": 1, "name": "Open tickets", "decoration": {"emoji": "📥"}}], next_cursor="v2"), match=[
        matchers.query_param_matcher({"limit": "100"})])
    gorgias_api.add(responses.GET, "/views", json=envelope("/api/views", [
        {"id": 2, "name": "  My   tickets ", "decoration": None}, {"id": 3, "name": "", "decoration": {"emoji": ""}}]),
        match=[matchers.query_param_matcher({"limit": "100", "cursor": "v2"})])
    assert invoke_data_source(gorgias, "selectView", {}, connection) == {"result": [
        {"key": "1", "label": "📥 Open tickets"}, {"key": "2", "label": "My tickets"}, {"key": "3", "label": "View 3"},
    ]}
