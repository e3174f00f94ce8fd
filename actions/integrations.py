"""Integration actions: create, get, update, delete and list Gorgias integrations (HTTP ones call a URL on events)."""

from __future__ import annotations

from typing import Annotated, Any, get_args
from urllib.parse import urlsplit

from component import ActionInputs, HttpClient, Input, InputError, ListRequest, action, list_action
from component.inputs import DateTime, Id, Invalid, KeyValues, Kind, Text, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list
from gorgias_component.actions.paging import ListInputs

__all__ = ["IntegrationType", "create_integration", "delete_integration", "get_integration",
           "list_integrations", "update_integration"]

RESOURCE = "Integrations"
INTEGRATION = output("integration")

TRIGGERS = (
    "ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed", "ticket-message-failed",
    "ticket-assignment-updated", "ticket-status-updated", "ticket-handed-over",
)
INTEGRATION_TYPES = (
    "email", "gmail", "outlook", "app", "aircall", "facebook", "gorgias_chat", "phone", "sms", "twitter", "yotpo",
    "whatsapp", "http", "shopify", "recharge", "smile", "smooch_inside", "smooch", "magento2", "zendesk", "klaviyo",
    "bigcommerce", "alloy", "ecom",
)
_KEY_VALUES: Kind = get_args(KeyValues)[1]  # reuse the key-value list conversion


def _triggers(value: Any) -> list[str]:
    lookup = {t: t for t in TRIGGERS} | {t.replace("-", "_"): t for t in TRIGGERS}  # v1.1 spelled them with "_"
    chosen: list[str] = []
    for item in value if isinstance(value, list | tuple) else [value]:
        found = lookup.get(str(item).strip().lower()) if isinstance(item, str) else None
        if found is None:
            raise Invalid("a list of trigger names among " + ", ".join(TRIGGERS))
        if found not in chosen:
            chosen.append(found)
    return chosen


def _url(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise Invalid("an http:// or https:// URL")
    return text


def _string_map(value: Any) -> dict[str, str]:
    mapping: dict[str, Any] = _KEY_VALUES.convert(value)
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in mapping.values()):
        raise Invalid("key-value pairs whose values are text")
    return {key: str(v) for key, v in mapping.items()}


Triggers = Annotated[list[str], Kind("string", _triggers, {"type": "array", "items": {"enum": list(TRIGGERS)}},
                                     "valuelist")]
Url = Annotated[str, Kind("string", _url, {"type": "string", "format": "uri", "pattern": "^https?://"})]
StringMap = Annotated[dict[str, str], Kind("string", _string_map, _KEY_VALUES.schema, "keyvaluelist")]
HttpMethod = Annotated[str, choice("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH")]
RequestContentType = Annotated[str, choice("application/json", "application/x-www-form-urlencoded")]
ResponseContentType = Annotated[str, choice("application/json")]
IntegrationType = Annotated[str, choice(*INTEGRATION_TYPES)]
IntegrationOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]

HTTP_FIELDS = ("form", "headers", "method", "request_content_type", "response_content_type", "triggers", "url")
URL_EXAMPLE = "https://company.com/api/customers?email={{ticket.customer.email}}"


def _description() -> Any:
    return Input("Description", comments="Description about the integration.",
                 example="Looks up the customer's orders in our back office.")


def _form() -> Any:
    return Input("Form", example="ticket_id:{{ticket.id}}",
                 comments="Parameters sent with each call, as key-value pairs (the body, or the query string of a "
                          "GET); values may use Gorgias variables such as {{ticket.id}}.")


def _headers() -> Any:
    return Input("Headers", example="x-api-key:abcdef12345",
                 comments="HTTP headers sent with each call, e.g. the API key of your service.")


def _triggers_input() -> Any:
    return Input("Triggers", example="ticket-created",
                 comments="The ticket events that call the URL (the others are turned off): "
                          + ", ".join(TRIGGERS) + ".")


class CreateIntegrationInputs(ActionInputs):
    description: Text | None = _description()
    form: StringMap | None = _form()
    headers: StringMap | None = _headers()
    method: HttpMethod = Input("Method", default="GET", example="POST",
                               comments="HTTP method used to call the URL: GET, POST, PUT, DELETE, HEAD or PATCH.")
    name: Text = Input("Name", required=True, comments="Name of the integration.", example="My HTTP integration")
    request_content_type: RequestContentType = Input(
        "Request Content Type", default="application/json", example="application/json",
        comments="Content type of the calls: application/json or application/x-www-form-urlencoded.",
    )
    response_content_type: ResponseContentType = Input(
        "Response Content Type", default="application/json", example="application/json",
        comments="Content type Gorgias expects back from the URL (only application/json).",
    )
    triggers: Triggers | None = _triggers_input()
    url: Url = Input("URL", required=True, example=URL_EXAMPLE,
                     comments="URL called on each trigger; it may use Gorgias variables such as "
                              "{{ticket.customer.email}}.")


def _http(inputs: CreateIntegrationInputs | UpdateIntegrationInputs) -> dict[str, Any]:
    """The `http` configuration Gorgias requires whole: every trigger is sent, on or off."""
    http: dict[str, Any] = {
        "url": inputs.url,
        "method": inputs.method or "GET",
        "request_content_type": inputs.request_content_type or "application/json",
        "response_content_type": inputs.response_content_type or "application/json",
    }
    if inputs.headers is not None:
        http["headers"] = inputs.headers
    if inputs.form is not None:
        http["form"] = inputs.form
    if inputs.triggers is not None:
        http["triggers"] = {trigger: trigger in inputs.triggers for trigger in TRIGGERS}
    return http


@action("createIntegration", "Create Integration", "Create an HTTP integration that calls a URL on ticket events.",
        example=example("createIntegration"),
        resource=RESOURCE, output=INTEGRATION)
def create_integration(api: HttpClient, inputs: CreateIntegrationInputs) -> object:
    # Only HTTP integrations can be created through the API, hence the fixed type.
    body = {**inputs.set_values(exclude=HTTP_FIELDS), "type": "http", "http": _http(inputs)}
    return api.post("/integrations", body)


class GetIntegrationInputs(ActionInputs):
    id: Id = fields.integration_id()


@action("getIntegration", "Get Integration", "Retrieve an integration.", example=example("getIntegration"),
        resource=RESOURCE, output=INTEGRATION)
def get_integration(api: HttpClient, inputs: GetIntegrationInputs) -> object:
    return api.get(f"/integrations/{inputs.id}")


class UpdateIntegrationInputs(ActionInputs):
    deactivated_datetime: DateTime | None = Input(
        "Deactivated Datetime", example="2024-12-04T15:18:56+00:00",
        comments="When the integration was deactivated; set it to turn the integration off.",
    )
    description: Text | None = _description()
    form: StringMap | None = _form()
    headers: StringMap | None = _headers()
    id: Id = fields.integration_id("The ID of the integration to update.")
    method: HttpMethod | None = Input(
        "Method", example="POST",
        comments="HTTP method used to call the URL. When any HTTP setting changes, the whole HTTP configuration is "
                 "sent: an unset method is sent as GET.",
    )
    name: Text = Input("Name", required=True, comments="Name of the integration.", example="My HTTP integration")
    request_content_type: RequestContentType | None = Input(
        "Request Content Type", example="application/json",
        comments="Content type of the calls; unset, it is sent as application/json with the HTTP configuration.",
    )
    response_content_type: ResponseContentType | None = Input(
        "Response Content Type", example="application/json",
        comments="Content type Gorgias expects back; unset, it is sent as application/json with the HTTP "
                 "configuration.",
    )
    triggers: Triggers | None = _triggers_input()
    url: Url | None = Input("URL", example=URL_EXAMPLE,
                            comments="URL called on each trigger; required when any HTTP setting is changed.")


@action("updateIntegration", "Update Integration", "Update an integration; only the inputs that are set change.",
        example=example("updateIntegration"),
        resource=RESOURCE, output=INTEGRATION)
def update_integration(api: HttpClient, inputs: UpdateIntegrationInputs) -> object:
    body = inputs.set_values(exclude=("id", *HTTP_FIELDS))
    changed = [key for key in HTTP_FIELDS if getattr(inputs, key) is not None]
    if changed:
        if inputs.url is None:
            raise InputError("url", f"Input 'url' (URL) is required when HTTP settings change "
                                    f"({', '.join(changed)} given), but no value was given.")
        body["http"] = _http(inputs)
    return api.put(f"/integrations/{inputs.id}", body)


class DeleteIntegrationInputs(ActionInputs):
    id: Id = fields.integration_id("The ID of the integration to delete. Integrations used in rules cannot be "
                                   "deleted; widgets using it are deactivated.")


@action("deleteIntegration", "Delete Integration", "Delete an integration.", example=example("deleteIntegration"),
        resource=RESOURCE, output=deleted())
def delete_integration(api: HttpClient, inputs: DeleteIntegrationInputs) -> object:
    api.delete(f"/integrations/{inputs.id}")
    return {"message": "Success"}


class ListIntegrationsInputs(ListInputs):
    order_by: IntegrationOrder | None = Input(
        "Order By", example="created_datetime:asc",
        comments="Attribute used to order integrations (default created_datetime:desc).",
    )
    type: IntegrationType | None = Input("Type", example="http", comments="Only integrations of this type.")


@list_action("listIntegrations", "List Integrations", "List integrations, paginated (newest first by default).",
             example=example("listIntegrations"),
             resource=RESOURCE, output=output_list("integration"),
             paging=paging.of("integrations"))
def list_integrations(inputs: ListIntegrationsInputs) -> ListRequest:
    return ListRequest("/integrations", inputs.filters())


ACTIONS = (create_integration, delete_integration, get_integration, list_integrations, update_integration)
