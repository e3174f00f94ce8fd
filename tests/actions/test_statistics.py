"""Statistic actions POST the filters to /stats/{name}; the download returns the CSV Gorgias sends."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from gorgias_component import gorgias
from gorgias_component.actions.statistics import STATISTIC_NAMES
from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

FILTERS = {"period": {"start_datetime": "2024-01-01T00:00:00+00:00", "end_datetime": "2024-01-31T23:59:59"},
           "channels": ["email"], "agents": [2, 3]}
ANSWER = {"data": {"label": "Overview", "data": [{"name": "total_new_tickets", "type": "number", "value": 3}]},
          "meta": {}}

test_sends = sends_test([
    Sends("getStatistic", {"name": "overview", "filters": FILTERS}, "POST", "/stats/overview", body={"filters": FILTERS},
          answer=ANSWER, status=201),
])

# A missing or unknown name, or filters without a valid period, are refused by both actions.
test_refuses = refuses_test([row for key in ("getStatistic", "downloadStatistic") for row in (
    required(key, {"filters": FILTERS}, "name", "Name"),
    required(key, {"name": "overview"}, "filters", "Filters"),
    Refuses(key, {"name": "busiest-hours", "filters": FILTERS}, "name",
            f"Input 'name' (Name): expected one of {', '.join(STATISTIC_NAMES)}, received \"busiest-hours\"."),
    Refuses(key, {"name": "overview", "filters": {"period": {"start_datetime": "2024-01-01"}}}, "filters",
            "Input 'filters' (Filters): at filters.period: 'end_datetime' is a required property."),
    Refuses(key, {"name": "overview", "filters": {"period": {"start_datetime": "yesterday", "end_datetime": "2024-01-02"}}},
            "filters", "Input 'filters' (Filters): at filters.period.start_datetime: 'yesterday' is not a 'date-time'."),
    Refuses(key, {"name": "overview", "filters": {**FILTERS, "agents": ["Marie"]}}, "filters",
            "Input 'filters' (Filters): at filters.agents[0]: 'Marie' is not of type 'integer'."),
)])


def test_download_statistic_returns_the_csv_as_a_file(gorgias_api: MockedGorgias,
                                                      connection: dict[str, Any]) -> None:
    """Download Statistic asks for CSV and returns its name, type, size and decoded content."""
    csv = "Agent,Total\r\nRenée,2\r\n".encode()
    gorgias_api.add(responses.POST, "/stats/tickets-closed-per-agent/download", body=csv, status=201,
                 content_type="text/csv; charset=utf-8",
                 headers={"Content-Disposition": 'attachment; filename="closed-2024-01.csv"'},
                 match=[matchers.header_matcher({"Accept": "text/csv"}),
                        matchers.json_params_matcher({"filters": FILTERS}, strict_match=True)])
    result = gorgias.run_action("downloadStatistic", {"name": "tickets-closed-per-agent", "filters": FILTERS},
                                connection)
    assert result == {"data": {"name": "closed-2024-01.csv", "content_type": "text/csv; charset=utf-8",
                               "size": len(csv), "content": "Agent,Total\r\nRenée,2\r\n"}}


def test_download_statistic_reads_undeclared_charsets_as_utf8(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """CSV without a charset (or an unknown one) is read as UTF-8, and named after the statistic."""
    gorgias_api.add(responses.POST, "/stats/overview/download", body="é\r\n".encode(), status=201,
                 content_type="text/csv; charset=x-nope")
    result = gorgias.run_action("downloadStatistic", {"name": "overview", "filters": FILTERS}, connection)["data"]
    assert (result["name"], result["content"]) == ("overview.csv", "é\r\n")
