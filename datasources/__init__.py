"""The Gorgias picklist data sources, registered explicitly."""

from gorgias_component.datasources.customers import select_customer
from gorgias_component.datasources.events import select_event
from gorgias_component.datasources.messages import select_message
from gorgias_component.datasources.tickets import select_ticket

__all__ = ["DATA_SOURCES"]

DATA_SOURCES = (select_customer, select_event, select_message, select_ticket)
