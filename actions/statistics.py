"""Statistic actions: a legacy Gorgias statistic for a period, as data or as the CSV the helpdesk downloads."""

from __future__ import annotations

import codecs
import re
from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, action
from component.inputs import Code, choice
from gorgias_component.actions.documents import example, output, schema

__all__ = ["STATISTIC_NAMES", "download_statistic", "get_statistic"]

STATISTIC_NAMES = (
    "overview", "total-tickets-created", "total-tickets-replied", "total-tickets-closed", "total-messages-sent",
    "total-messages-received", "median-first-response-time", "median-resolution-time", "total-one-touch-tickets",
    "support-volume", "resolution-time", "first-response-time", "tickets-created-per-hour-per-weekday",
    "tickets-per-tag", "tickets-created-per-channel", "tickets-created-per-channel-per-day",
    "tickets-closed-per-agent", "tickets-closed-per-agent-per-day", "messages-sent-per-macro",
    "satisfaction-surveys", "latest-satisfaction-surveys", "revenue-overview", "revenue-per-agent",
    "revenue-per-day", "revenue-per-ticket",
)
StatisticName = Annotated[str, choice(*STATISTIC_NAMES)]
FILTERS_EXAMPLE = (
    '{"period": {"start_datetime": "2024-01-01T00:00:00+00:00", "end_datetime": "2024-01-31T23:59:59+00:00"}}'
)
RESOURCE = "Statistics"
_FILENAME = re.compile(r'filename="?([^";]+)"?')
_CHARSET = re.compile(r"charset=\"?([\w.:-]+)", re.IGNORECASE)


class StatisticInputs(ActionInputs):
    filters: Code = Input(
        "Filters", required=True, example=FILTERS_EXAMPLE, schema=schema("statistic_filters"),
        comments="The scope of the statistic: the period (start_datetime and end_datetime, required) and "
                 "optionally the agents, teams, channels, tags and integrations to count.",
    )
    name: StatisticName = Input("Name", required=True, example="overview",
                                comments="The statistic: " + ", ".join(STATISTIC_NAMES) + ".")


@action("getStatistic", "Get Statistic", "Retrieve a statistic for a period.", example=example("getStatistic"),
        resource=RESOURCE, output=output("statistic"))
def get_statistic(api: HttpClient, inputs: StatisticInputs) -> object:
    return api.post(f"/stats/{inputs.name}", {"filters": inputs.filters})


@action("downloadStatistic", "Download Statistic", "Download a statistic for a period as CSV.",
        example=example("downloadStatistic"),
        resource=RESOURCE, output=output("statistic_file"))
def download_statistic(api: HttpClient, inputs: StatisticInputs) -> object:
    response = api.request("POST", f"/stats/{inputs.name}/download", json={"filters": inputs.filters},
                           headers={"Accept": "text/csv"})
    found = _FILENAME.search(response.headers.get("Content-Disposition", ""))
    content_type = response.headers.get("Content-Type", "text/csv")
    content = response.content.decode(_charset(content_type), errors="replace")
    result: dict[str, Any] = {
        "name": found.group(1) if found else f"{inputs.name}.csv",
        "content_type": content_type,
        "size": len(response.content),
        "content": content,
    }
    return result


def _charset(content_type: str) -> str:
    """The declared charset if Python knows it; CSV without one is UTF-8 in practice (not ISO-8859-1)."""
    found = _CHARSET.search(content_type)
    if found:
        try:
            return codecs.lookup(found.group(1)).name
        except LookupError:
            pass
    return "utf-8"


ACTIONS = (download_statistic, get_statistic)
