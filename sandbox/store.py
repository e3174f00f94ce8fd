"""Thread-safe in-memory store of the sandbox's Gorgias objects, with sorted indexes and event recording."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

from gorgias_component.sandbox.store_index import Key, SortedIndex, normalize_datetime, now_iso

__all__ = ["JSON", "Customer", "Event", "Key", "Message", "Ref", "SortedIndex", "Store", "Ticket", "normalize_datetime",
           "now_iso"]
from gorgias_component.sandbox.table import Table

JSON = dict[str, Any]
Ref = tuple[str, int]  # ("user" | "customer", id)


@dataclass(slots=True)
class Customer:
    id: int
    email: str | None
    name: str
    firstname: str
    lastname: str
    created_datetime: str
    updated_datetime: str
    external_id: str | None = None
    language: str | None = None
    timezone: str = "UTC"
    note: str = ""
    channels: list[JSON] = field(default_factory=list)
    data: JSON | None = None
    meta: JSON = field(default_factory=dict)
    active: bool = True


@dataclass(slots=True)
class Ticket:
    id: int
    customer_id: int | None
    subject: str | None
    channel: str
    via: str
    from_agent: bool
    created_datetime: str
    updated_datetime: str
    status: str = "open"
    priority: str = "normal"
    language: str | None = None
    external_id: str | None = None
    opened_datetime: str | None = None
    last_message_datetime: str | None = None
    last_received_message_datetime: str | None = None
    closed_datetime: str | None = None
    snooze_datetime: str | None = None
    trashed_datetime: str | None = None
    spam: bool = False
    is_unread: bool = True
    assignee_user_id: int | None = None
    assignee_team_id: int | None = None
    tag_ids: list[int] = field(default_factory=list)
    meta: JSON = field(default_factory=dict)
    message_ids: list[int] = field(default_factory=list)
    custom_fields: dict[int, tuple[int, Any]] = field(default_factory=dict)  # field id -> (value id, value)


@dataclass(slots=True)
class Message:
    id: int
    ticket_id: int
    channel: str
    via: str
    from_agent: bool
    created_datetime: str
    sent_datetime: str | None
    body_text: str | None
    subject: str | None = None
    body_html: str | None = None  # None: derived from body_text when rendered
    sender: Ref | JSON | None = None
    receiver: Ref | JSON | None = None
    source: JSON | None = None  # None: derived from sender/receiver when rendered
    attachments: list[JSON] = field(default_factory=list)
    public: bool = True
    external_id: str | None = None
    message_id: str | None = None
    integration_id: int | None = None
    meta: JSON | None = None
    failed_datetime: str | None = None
    opened_datetime: str | None = None
    extra: JSON | None = None  # other client-supplied fields, echoed back


@dataclass(slots=True)
class Event:
    id: int
    type: str
    object_type: str
    object_id: int
    user_id: int | None
    context: str
    created_datetime: str
    data: JSON | None


class Store:
    """All sandbox data behind one re-entrant lock; callers hold `lock` while reading several objects."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.observers: list[Any] = []  # called with each recorded Event
        self.customers: dict[int, Customer] = {}
        self.tickets: dict[int, Ticket] = {}
        self.messages: dict[int, Message] = {}
        self.events: dict[int, Event] = {}
        self.tables: dict[str, Table] = {}
        self.users = self.table("users", "User", "user", "/api/users/{id}")
        self.teams = self.table("teams", "Team", "team", "/api/teams/{id}/")
        self.tags = self.table("tags", "Tag", "tag", "/api/tags/{id}/")
        self.integrations = self.table("integrations", "Integration", "integration", "/api/integrations/{id}/")
        self.field_defs = self.table("custom_fields", "CustomField", "custom-field")
        self.files: dict[tuple[str, str, str], tuple[str, bytes]] = {}
        self.account: JSON = {}
        self.domain_hash = "sandbox"
        self.api_user_id = 1
        self.customers_by_created = SortedIndex()
        self.customers_by_updated = SortedIndex()
        self.tickets_by_created = SortedIndex()
        self.tickets_by_updated = SortedIndex()
        self.messages_by_created = SortedIndex()
        self.events_by_created = SortedIndex()
        self.email_index: dict[str, int] = {}
        self.customer_tickets: dict[int, list[int]] = {}
        self._events_by_object: dict[tuple[str, int], list[int]] | None = None  # built on first use
        self.tag_by_name: dict[str, int] = {}
        self._last_id: dict[str, int] = {}

    def table(self, name: str, object_type: str, noun: str, uri: str | None = None) -> Table:
        """The generic table `name` (created on first use): a resource module's records."""
        with self.lock:
            found = self.tables.get(name)
            if found is None:
                found = self.tables[name] = Table(self.lock, self.record_event, object_type, noun, uri)
            return found

    # ----------------------------------------------------------------- ids / bulk
    def next_id(self, kind: str) -> int:
        with self.lock:
            value = self._last_id.get(kind, 0) + 1
            self._last_id[kind] = value
            return value

    def set_last_id(self, kind: str, value: int) -> None:
        with self.lock:
            self._last_id[kind] = max(self._last_id.get(kind, 0), value)

    def rebuild_indexes(self) -> None:
        """Rebuild every index from the object dicts (used once after bulk seeding)."""
        with self.lock:
            self.customers_by_created = SortedIndex((c.created_datetime, c.id) for c in self.customers.values())
            self.customers_by_updated = SortedIndex((c.updated_datetime, c.id) for c in self.customers.values())
            self.tickets_by_created = SortedIndex((t.created_datetime, t.id) for t in self.tickets.values())
            self.tickets_by_updated = SortedIndex((t.updated_datetime, t.id) for t in self.tickets.values())
            self.messages_by_created = SortedIndex((m.created_datetime, m.id) for m in self.messages.values())
            self.events_by_created = SortedIndex((e.created_datetime, e.id) for e in self.events.values())
            self.email_index = {c.email.lower(): c.id for c in self.customers.values() if c.email}
            self.customer_tickets = {}
            for t in self.tickets.values():
                if t.customer_id is not None:
                    self.customer_tickets.setdefault(t.customer_id, []).append(t.id)
            self._events_by_object = None
            self.tag_by_name = {str(tag["name"]).lower(): tid for tid, tag in self.tags.items()}
            for table in self.tables.values():
                table.rebuild()
            for kind, objects in (("customer", self.customers), ("ticket", self.tickets),
                                  ("message", self.messages), ("event", self.events)):
                self.set_last_id(kind, max(objects, default=0))

    # --------------------------------------------------------------------- events
    def record_event(self, type_: str, object_type: str, object_id: int, user_id: int | None,
                     data: JSON | None, *, context: str | None = None, when: str | None = None) -> Event:
        with self.lock:
            event = Event(self.next_id("event"), type_, object_type, object_id, user_id,
                          context or str(uuid.uuid4()), when or now_iso(), data)
            self.events[event.id] = event
            self.events_by_created.add((event.created_datetime, event.id))
            for observe in self.observers:  # HTTP integrations (sandbox.hooks) follow events
                observe(event)
            if self._events_by_object is not None:
                self._events_by_object.setdefault((object_type, object_id), []).append(event.id)
            return event

    def event_ids_for(self, object_type: str, object_id: int) -> list[int]:
        """Ids of the events about one object (the index is built lazily, then kept up to date)."""
        with self.lock:
            if self._events_by_object is None:
                index: dict[tuple[str, int], list[int]] = {}
                for e in self.events.values():
                    index.setdefault((e.object_type, e.object_id), []).append(e.id)
                self._events_by_object = index
            return list(self._events_by_object.get((object_type, object_id), []))

    # ------------------------------------------------------------------ customers
    def add_customer(self, customer: Customer, user_id: int | None, context: str | None = None) -> Customer:
        with self.lock:
            self.customers[customer.id] = customer
            self.customers_by_created.add((customer.created_datetime, customer.id))
            self.customers_by_updated.add((customer.updated_datetime, customer.id))
            if customer.email:
                self.email_index[customer.email.lower()] = customer.id
            self.record_event("customer-created", "Customer", customer.id, user_id,
                              {"email": customer.email, "name": customer.name}, context=context)
            return customer

    def customer_by_email(self, email: str) -> Customer | None:
        with self.lock:
            cid = self.email_index.get(email.lower())
            return self.customers.get(cid) if cid is not None else None

    def update_customer(self, customer: Customer, changes: JSON, user_id: int | None) -> Customer:
        with self.lock:
            if "email" in changes and customer.email:
                self.email_index.pop(customer.email.lower(), None)
            for name, value in changes.items():
                setattr(customer, name, value)
            if customer.email:
                self.email_index[customer.email.lower()] = customer.id
            self.customers_by_updated.remove((customer.updated_datetime, customer.id))
            customer.updated_datetime = now_iso()
            self.customers_by_updated.add((customer.updated_datetime, customer.id))
            self.record_event("customer-updated", "Customer", customer.id, user_id,
                              {"changes": sorted(changes)})
            return customer

    def delete_customer(self, customer_id: int, user_id: int | None) -> bool:
        with self.lock:
            customer = self.customers.pop(customer_id, None)
            if customer is None:
                return False
            self.customers_by_created.remove((customer.created_datetime, customer.id))
            self.customers_by_updated.remove((customer.updated_datetime, customer.id))
            if customer.email and self.email_index.get(customer.email.lower()) == customer.id:
                del self.email_index[customer.email.lower()]
            self.record_event("customer-deleted", "Customer", customer.id, user_id, {"email": customer.email})
            return True

    # -------------------------------------------------------------------- tickets
    def add_ticket(self, ticket: Ticket, messages: list[Message], user_id: int | None) -> Ticket:
        """Insert a ticket with its first messages; records ticket-created and ticket-message-created."""
        with self.lock:
            context = str(uuid.uuid4())
            self.tickets[ticket.id] = ticket
            self.tickets_by_created.add((ticket.created_datetime, ticket.id))
            self.tickets_by_updated.add((ticket.updated_datetime, ticket.id))
            if ticket.customer_id is not None:
                self.customer_tickets.setdefault(ticket.customer_id, []).append(ticket.id)
            self.record_event("ticket-created", "Ticket", ticket.id, user_id,
                              {"subject": ticket.subject, "channel": ticket.channel}, context=context)
            for message in messages:
                self.add_message(message, user_id, context=context)
            return ticket

    def touch_ticket(self, ticket: Ticket, when: str | None = None) -> None:
        with self.lock:
            self.tickets_by_updated.remove((ticket.updated_datetime, ticket.id))
            ticket.updated_datetime = max(when or now_iso(), ticket.updated_datetime)
            self.tickets_by_updated.add((ticket.updated_datetime, ticket.id))

    def delete_ticket(self, ticket_id: int, user_id: int | None) -> bool:
        with self.lock:
            ticket = self.tickets.pop(ticket_id, None)
            if ticket is None:
                return False
            self.tickets_by_created.remove((ticket.created_datetime, ticket.id))
            self.tickets_by_updated.remove((ticket.updated_datetime, ticket.id))
            if ticket.customer_id is not None and ticket.id in self.customer_tickets.get(ticket.customer_id, []):
                self.customer_tickets[ticket.customer_id].remove(ticket.id)
            for message_id in ticket.message_ids:
                message = self.messages.pop(message_id, None)
                if message is not None:
                    self.messages_by_created.remove((message.created_datetime, message.id))
            self.record_event("ticket-deleted", "Ticket", ticket.id, user_id, {"subject": ticket.subject})
            return True

    def add_message(self, message: Message, user_id: int | None, context: str | None = None) -> Message:
        """Insert a message, update its ticket's datetimes and record ticket-message-created."""
        with self.lock:
            self.messages[message.id] = message
            self.messages_by_created.add((message.created_datetime, message.id))
            ticket = self.tickets[message.ticket_id]
            ticket.message_ids.append(message.id)
            when = message.sent_datetime or message.created_datetime
            ticket.last_message_datetime = max(ticket.last_message_datetime or "", when)
            if not message.from_agent:
                ticket.last_received_message_datetime = max(ticket.last_received_message_datetime or "", when)
            self.touch_ticket(ticket, message.created_datetime)
            self.record_event("ticket-message-created", "TicketMessage", message.id, user_id,
                              {"ticket_id": message.ticket_id, "channel": message.channel,
                               "from_agent": message.from_agent}, context=context)
            return message

    # ----------------------------------------------------------------------- tags
    def tag_for_name(self, name: str) -> int:
        """Id of the tag with this name (case-insensitive), creating it if needed."""
        with self.lock:
            wanted = name.lower()
            found = next((tag_id for tag_id, tag in self.tags.items() if str(tag["name"]).lower() == wanted), None)
            if found is None:
                found = int(self.tags.insert({"name": name, "description": None, "decoration": None}, None)["id"])
            return found

    def set_field_value(self, ticket: Ticket, field_id: int, value: Any) -> None:
        with self.lock:
            existing = ticket.custom_fields.get(field_id)
            value_id = existing[0] if existing else self.next_id("field_value")
            ticket.custom_fields[field_id] = (value_id, value)
