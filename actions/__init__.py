"""The Gorgias actions, one module per resource, registered explicitly in documentation order."""

from gorgias_component.actions.account import get_account
from gorgias_component.actions.custom_fields import delete_ticket_custom_field, list_ticket_custom_fields
from gorgias_component.actions.customers import (
    create_customer,
    delete_customer,
    get_customer,
    list_customers,
    update_customer,
)
from gorgias_component.actions.events import get_event, list_events
from gorgias_component.actions.files import download_file
from gorgias_component.actions.messages import create_ticket_message, get_ticket_message, list_messages
from gorgias_component.actions.raw import raw_request
from gorgias_component.actions.search import search
from gorgias_component.actions.tickets import create_ticket, delete_ticket, get_ticket, list_tickets

__all__ = ["ACTIONS"]

ACTIONS = (
    create_customer,
    create_ticket,
    create_ticket_message,
    delete_customer,
    delete_ticket,
    delete_ticket_custom_field,
    download_file,
    get_account,
    get_customer,
    get_event,
    get_ticket,
    get_ticket_message,
    list_customers,
    list_events,
    list_messages,
    list_ticket_custom_fields,
    list_tickets,
    raw_request,
    search,
    update_customer,
)
