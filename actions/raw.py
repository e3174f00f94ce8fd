"""Raw Request: any Gorgias API path with the connection's credentials."""

from __future__ import annotations

from component import HttpClient, Input, action
from component.inputs import Text
from component.raw_request import RawRequestInputs, send_raw_request
from gorgias_component.actions.documents import example, output

__all__ = ["raw_request"]


class GorgiasRawRequestInputs(RawRequestInputs):
    url: Text = Input(
        "URL", required=True, example="/tickets",
        comments="Input the path only (/tickets), The base URL is already included "
                 "(https://<YOUR_DOMAIN>.gorgias.com/api). For example, to connect to "
                 "https://<YOUR_DOMAIN>.gorgias.com/api/tickets, only /tickets is entered in this field.",
    )


# The documentation shows no output; GET of the URL example (/tickets) answers what listTickets shows.
@action("rawRequest", "Raw Request", "Send raw HTTP request to Gorgias API.", example=example("listTickets"),
        resource="Raw Request", output=output("raw_response"))
def raw_request(api: HttpClient, inputs: GorgiasRawRequestInputs) -> object:
    return send_raw_request(api, inputs)


ACTIONS = (raw_request,)
