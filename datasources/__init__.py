"""The Gorgias picklist data sources, registered explicitly."""

from datasources.customers import select_customer
from datasources.events import select_event
from datasources.messages import select_message
from datasources.tickets import select_ticket

__all__ = ["DATA_SOURCES"]

DATA_SOURCES = (select_customer, select_event, select_message, select_ticket)
