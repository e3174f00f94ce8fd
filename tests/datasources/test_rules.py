"""Select Rule lists every rule, labelled with its name and whether it is deactivated."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import envelope
from tests.support.mocked_gorgias import MockedGorgias


def test_select_rule_labels_deactivated_and_nameless_rules(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any]) -> None:
    """A deactivated rule says so; a rule without a name is "Rule {id}"."""
    gorgias_api.add(responses.GET, "/rules", json=envelope("/api/rules", [
        {"id": 1, "name": "Auto-close spam", "deactivated_datetime": None},
        {"id": 2, "name": "Old rule", "deactivated_datetime": "2024-01-30T11:04:34+00:00"},
        {"id": 3, "name": " ", "deactivated_datetime": None}]),
        match=[matchers.query_param_matcher({"limit": "100"})])
    assert invoke_data_source(gorgias, "selectRule", {}, connection) == {"result": [
        {"key": "1", "label": "Auto-close spam"}, {"key": "2", "label": "Old rule (deactivated)"},
        {"key": "3", "label": "Rule 3"},
    ]}
