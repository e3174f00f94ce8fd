"""Deterministic, realistic seed data (agents, teams, tags, customers, tickets, messages, events, files)."""

from __future__ import annotations

import hashlib
import random
import struct
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

from gorgias_component.sandbox import integrations, voice, widgets
from gorgias_component.sandbox.store import JSON, Customer, Event, Message, Ref, Store, Ticket

BASE = datetime(2024, 1, 2, 8, 0, 0, tzinfo=UTC)
FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloe", "Hugo", "Léa", "Jules",
         "Sofia", "Mateo", "Zoé", "Arthur", "Nina", "Leo", "Grace", "Samuel", "Inès", "Adam", "Maya", "Oscar",
         "Alice", "Louis", "Camille", "Nathan", "Sarah", "Gabriel", "Jade", "Raphaël", "Eva", "Tom", "Lina",
         "Paul", "Clara", "Victor", "Rose", "Elias"]
LAST = ["Martin", "Smith", "Dubois", "Johnson", "Bernard", "Brown", "Moreau", "Garcia", "Laurent", "Miller",
        "Lefebvre", "Davis", "Fournier", "Wilson", "Girard", "Lopez", "Bonnet", "Taylor", "Rousseau", "Clark",
        "Blanc", "Lewis", "Guerin", "Walker", "Muller", "Young", "Faure", "King", "Andre", "Wright"]
DOMAINS = ["example.com", "mail.example.org", "shopper.example.net", "inbox.example.io"]
LANGUAGES = ["en", "en", "en", "fr", "de", "es"]
TIMEZONES = ["UTC", "Europe/Paris", "America/New_York", "America/Los_Angeles", "Europe/Berlin"]
CHANNELS = ["email"] * 6 + ["chat"] * 2 + ["contact_form", "phone", "sms", "facebook-messenger"]
AGENTS = [("Alex", "Johnson", "admin"), ("Marie", "Curie", "agent"), ("Tom", "Black", "agent"),
          ("Jane", "Doe", "agent"), ("Sam", "Lee", "lead-agent"), ("Priya", "Patel", "agent"),
          ("Diego", "Ramos", "agent"), ("Yuki", "Tanaka", "agent"), ("Olga", "Ivanova", "basic-agent")]
TEAMS = ["Support", "Billing", "VIP Care"]
TAGS = [("refund", "#E74C3C"), ("shipping", "#3498DB"), ("urgent", "#FF0000"), ("vip", "#9B59B6"),
        ("billing", "#2ECC71"), ("order-status", "#F1C40F"), ("return", "#E67E22"), ("complaint", "#C0392B"),
        ("feedback", "#1ABC9C"), ("bug", "#34495E")]
TOPICS = [
    ("Where is my order #{order}?", "Hi, I ordered {product} ten days ago (order #{order}) and it has not arrived "
     "yet. Can you tell me where it is?", "order-status", "Order status"),
    ("Refund for order #{order}", "Hello, the {product} I received is damaged. I would like a refund for order "
     "#{order}, please.", "refund", "Refund"),
    ("Wrong size received", "Hi! I received the {product} in the wrong size. How do I exchange it?", "return",
     "Return / exchange"),
    ("Double charge on my card", "Hello, I was charged twice for order #{order}. Please fix this.", "billing",
     "Billing"),
    ("Question about {product}", "Hi, is the {product} available in another color? Thanks!", "feedback",
     "Product question"),
    ("Website error at checkout", "I get an error when I try to pay for the {product}: 'payment declined'.",
     "bug", "Technical issue"),
    ("Change my shipping address", "Could you ship order #{order} to my new address instead?", "shipping",
     "Shipping"),
]
PRODUCTS = ["Canvas Tote Bag", "Merino Wool Sweater", "Trail Running Shoes", "Ceramic Mug Set", "Linen Shirt",
            "Leather Wallet", "Bamboo Sunglasses", "Organic Coffee Beans"]
AGENT_REPLIES = ["Hi {name},\nThanks for reaching out! I've looked into order #{order} and I'm on it.",
                 "Hello {name},\nSorry for the trouble. I've just processed this for you.",
                 "Hi {name},\nCould you send us a photo of the item so we can help further?",
                 "Hi {name},\nGood news: everything is sorted. Have a great day!"]
CUSTOMER_FOLLOWUPS = ["Thanks a lot!", "Here is the photo you asked for.", "Any update on this?",
                      "Perfect, thank you for the quick answer."]


def tiny_png() -> bytes:
    """A valid 2x2 RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([200, 60, 60, 60, 120, 200]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _stamp(seconds: float) -> str:
    return (BASE + timedelta(seconds=seconds)).isoformat(timespec="microseconds")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _seed_reference_data(store: Store, rng: random.Random, username: str, seed: int) -> None:
    created = _stamp(-86400 * 30)
    store.users.seed({"id": 1, "email": username, "name": "Sandbox Admin", "firstname": "Sandbox",
                      "lastname": "Admin", "active": True, "role": {"name": "admin"}, "meta": None,
                      "created_datetime": created})
    for i, (first, last, role) in enumerate(AGENTS, start=2):
        store.users.seed({"id": i, "email": f"{first.lower()}.{last.lower()}@sandbox.gorgias.local",
                          "name": f"{first} {last}", "firstname": first, "lastname": last, "active": True,
                          "role": {"name": role}, "created_datetime": created,
                          "meta": {"profile_picture_url": None}})
    for i, name in enumerate(TEAMS, start=1):
        members = sorted(rng.sample(range(2, len(AGENTS) + 2), 3))
        store.teams.seed({"id": i, "uri": f"/api/teams/{i}/", "name": name, "description": f"{name} team",
                          "members": [{"id": m} for m in members], "created_datetime": created})
    for i, (name, color) in enumerate(TAGS, start=1):
        store.tags.seed({"id": i, "name": name, "uri": f"/api/tags/{i}/", "decoration": {"color": color},
                         "description": f"Tickets about {name.replace('-', ' ')}.", "created_datetime": created})
    store.integrations.seed({"id": 1, "type": "email", "name": "Support inbox", "created_datetime": created})
    store.integrations.seed({"id": 2, "type": "shopify", "name": "Sandbox Shop", "created_datetime": created})
    reasons = [topic[3] for topic in TOPICS]
    definitions: list[tuple[str, str, str, JSON]] = [
        ("Ticket", "Contact reason", "text", {"input_type": "dropdown", "choices": reasons}),
        ("Ticket", "Product", "text", {"input_type": "input", "placeholder": "Product name"}),
        ("Ticket", "Satisfaction score", "number", {"input_type": "input_number", "min": 1, "max": 10}),
        ("Customer", "Loyalty tier", "text", {"input_type": "dropdown", "choices": ["Bronze", "Silver", "Gold"]}),
        ("Customer", "Newsletter", "boolean", {"input_type": "dropdown", "choices": [True, False]}),
    ]
    for i, (object_type, label, data_type, settings) in enumerate(definitions, start=1):
        store.field_defs.seed({"id": i, "external_id": f"field-{i}", "object_type": object_type, "label": label,
                               "description": f"{label} of the {object_type.lower()}.", "priority": i,
                               "required": i == 1,
                               "requirement_type": "visible", "managed_type": None,
                               "definition": {"data_type": data_type, "input_settings": settings},
                               "created_datetime": created, "updated_datetime": created,
                               "deactivated_datetime": None})
    store.domain_hash = hashlib.sha1(f"sandbox-{seed}".encode()).hexdigest()[:12]
    store.files = {
        ("attachment", store.domain_hash, f"screenshot-{_uuid(rng)}.png"): ("image/png", tiny_png()),
        ("attachment", store.domain_hash, f"invoice-{_uuid(rng)}.pdf"): (
            "application/pdf", b"%PDF-1.4\n% Sandbox invoice\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        ("attachment", store.domain_hash, f"notes-{_uuid(rng)}.txt"): (
            "text/plain; charset=utf-8", b"Order notes from the sandbox.\n"),
    }
    store.account = {"domain": "sandbox", "created_datetime": created, "deactivated_datetime": None,
                     "status": {"status": "active"},
                     "settings": [{"id": 1, "type": "business-hours", "data": {
                         "timezone": "UTC", "business_hours": {"days": "1,2,3,4,5", "from_time": "09:00",
                                                               "to_time": "22:00"}}}],
                     "meta": {"hash": store.domain_hash}}


def _seed_customers(store: Store, rng: random.Random, count: int, events: list[Event]) -> None:
    channel_id = 0
    for cid in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{last.lower()}{cid}@{rng.choice(DOMAINS)}"
        stamp = _stamp(cid * 86400 * 30 / max(count, 1) - 86400 * 30 + rng.randrange(3600 * 10**6) / 10**6)
        channel_id += 1
        channels = [{"id": channel_id, "type": "email", "address": email, "preferred": True,
                     "created_datetime": stamp, "updated_datetime": stamp, "deleted_datetime": None}]
        if rng.random() < 0.4:
            channel_id += 1
            channels.append({"id": channel_id, "type": "phone", "address": f"+1555{rng.randrange(10**7):07d}",
                             "preferred": False, "created_datetime": stamp, "updated_datetime": stamp,
                             "deleted_datetime": None})
        store.customers[cid] = Customer(
            cid, email, f"{first} {last}", first, last, stamp, stamp, external_id=f"cus_{rng.getrandbits(40):010x}",
            language=rng.choice(LANGUAGES), timezone=rng.choice(TIMEZONES),
            note="VIP customer." if rng.random() < 0.1 else "", channels=channels,
            data={"loyalty_points": rng.randrange(500)}, meta={"source": "sandbox-seed"})
        events.append(Event(0, "customer-created", "Customer", cid, 1, _uuid(rng), stamp,
                            {"email": email, "name": f"{first} {last}"}))
    store.set_last_id("channel", channel_id)


def _seed_tickets(store: Store, rng: random.Random, count: int, n_customers: int, events: list[Event]) -> None:
    files = [(key, value) for key, value in store.files.items()]
    agent_ids = list(range(2, len(AGENTS) + 2))
    clock = 0.0
    message_id = 0
    value_id = 0
    rand, randrange, choice = rng.random, rng.randrange, rng.choice
    for tid in range(1, count + 1):
        clock += 60 + randrange(3600)
        cid = randrange(n_customers) + 1 if n_customers else None
        cust = store.customers.get(cid) if cid else None
        subject_t, body_t, tag_name, reason = choice(TOPICS)
        product, order = choice(PRODUCTS), 1000 + tid
        channel = choice(CHANNELS)
        outbound = rand() < 0.1
        created = _stamp(clock + randrange(10**6) / 10**6)
        agent = choice(agent_ids) if rand() < 0.85 else None
        ticket = Ticket(tid, cid, subject_t.format(order=order, product=product), channel,
                        "helpdesk" if outbound else channel, outbound, created, created,
                        language=cust.language if cust else "en", external_id=f"T-{tid:06d}",
                        assignee_user_id=agent, assignee_team_id=(randrange(len(TEAMS)) + 1) if rand() < 0.5
                        else None, is_unread=rand() < 0.3)
        ticket.tag_ids = [store.tag_by_name[tag_name]] + ([randrange(len(TAGS)) + 1] if rand() < 0.3 else [])
        if rand() < 0.4:
            ticket.meta = {"order_id": order, "priority": choice(["low", "normal", "high"])}
        context = _uuid(rng)
        events.append(Event(0, "ticket-created", "Ticket", tid, agent if outbound else None, context, created,
                            {"subject": ticket.subject, "channel": channel}))
        when = clock
        name = cust.firstname if cust else "there"
        for n in range(randrange(4) + 1):
            from_agent = (n % 2 == 0) == outbound
            message_id += 1
            stamp = created if n == 0 else _stamp(when + message_id % 999_983 / 999_983)
            sender: Ref | None
            receiver: Ref | None
            if from_agent:
                text = choice(AGENT_REPLIES).format(name=name, order=order)
                sender, receiver = ("user", agent or 1), ("customer", cid) if cid else None
            else:
                text = (body_t if n == 0 else choice(CUSTOMER_FOLLOWUPS)).format(order=order, product=product)
                sender, receiver = ("customer", cid) if cid else None, ("user", agent or 1)
            msg = Message(message_id, tid, channel, "helpdesk" if from_agent else channel, from_agent, stamp,
                          stamp, text, subject=ticket.subject, sender=sender, receiver=receiver,
                          message_id=f"<{tid}.{message_id}@sandbox.gorgias.local>",
                          integration_id=1 if channel == "email" else None)
            if rand() < 0.08:
                (ftype, fhash, fname), (ctype, blob) = choice(files)
                msg.attachments = [{"url": f"/api/{ftype}/download/{fhash}/{fname}", "name": fname.split("-")[0]
                                    + "." + fname.rsplit(".", 1)[1], "size": len(blob), "content_type": ctype,
                                    "public": True, "extra": None}]
            store.messages[message_id] = msg
            ticket.message_ids.append(message_id)
            ticket.last_message_datetime = stamp
            if not from_agent:
                ticket.last_received_message_datetime = stamp
            events.append(Event(0, "ticket-message-created", "TicketMessage", message_id,
                                (agent or 1) if from_agent else None, context if n == 0 else _uuid(rng), stamp,
                                {"ticket_id": tid, "channel": channel, "from_agent": from_agent}))
            when += 300 + randrange(7200)
        ticket.updated_datetime = ticket.last_message_datetime or created
        if agent:
            ticket.opened_datetime = ticket.updated_datetime
        if rand() < 0.6:
            ticket.status = "closed"
            ticket.closed_datetime = ticket.updated_datetime = _stamp(when + tid % 997 / 997)
        if rand() < 0.02:
            ticket.trashed_datetime = ticket.updated_datetime = _stamp(when + 60)
        ticket.spam = rand() < 0.01
        values: list[tuple[int, Any]] = [(1, reason)]
        if rand() < 0.5:
            values.append((2, product))
        if ticket.status == "closed" and rand() < 0.3:
            values.append((3, randrange(10) + 1))
        for field_id, value in values:
            value_id += 1
            ticket.custom_fields[field_id] = (value_id, value)
        store.tickets[tid] = ticket
    store.set_last_id("field_value", value_id)


def seed_store(store: Store, *, customers: int, tickets: int, seed: int, username: str) -> None:
    """Fill an empty store deterministically from `seed`."""
    rng = random.Random(seed)
    events: list[Event] = []
    with store.lock:
        _seed_reference_data(store, rng, username, seed)
        store.tag_by_name = {str(tag["name"]).lower(): tid for tid, tag in store.tags.items()}
        _seed_customers(store, rng, customers, events)
        _seed_tickets(store, rng, tickets, customers, events)
        for module in (integrations, widgets, voice):  # each with its own generator: the data above stays the same
            module.seed(store, random.Random(f"{module.__name__}-{seed}"))
        events.sort(key=lambda e: e.created_datetime)
        for event_id, event in enumerate(events, start=1):
            event.id = event_id
            store.events[event_id] = event
        store.rebuild_indexes()
