"""The Gorgias actions, one module per resource, registered explicitly in documentation order."""

from actions.account import get_account
from actions.custom_fields import delete_ticket_custom_field, list_ticket_custom_fields
from actions.customers import create_customer, delete_customer, get_customer, list_customers, update_customer
from actions.events import get_event, list_events
from actions.files import download_file
from actions.messages import create_ticket_message, get_ticket_message, list_messages
from actions.raw import raw_request
from actions.search import search
from actions.tickets import create_ticket, delete_ticket, get_ticket, list_tickets

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
