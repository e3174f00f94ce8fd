"""Simulation on the sandbox: random creates and updates, bursts, late visibility, failed polls and restarts.

Everything the triggers deliver is compared with the sandbox's own record: zero lost, zero duplicates,
each batch oldest first. Seeded, so a failure replays; bounded (a few hundred requests a seed).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from typing import Any

import pytest

from component.definitions import OpenOptions
from component.errors import ApiError
from component.instants import instant
from component.polling import Feed, poll
from component.triggers import feed_of
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.component.test_input_examples import schema_example
from tests.support.on_sandbox import use_sandbox


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox(customers=3, tickets=5) as server:
        use_sandbox(monkeypatch, server)
        yield server


class Flaky:
    """A trigger's feed on the sandbox whose page requests fail with a 429 when the test says so."""

    def __init__(self, sandbox: Sandbox, key: str) -> None:
        definition = gorgias.trigger(key)
        connection, fields, token = gorgias.executor.resolve(sandbox.connection())
        self.client = connection.open(fields, token, OpenOptions()).client
        self.feed = feed_of(definition, self.client, definition.inputs.parse({}))
        self.fail_in: int | None = None  # the page request, counted from 1, that fails

    def wrapped(self) -> Feed:
        def page(token: str | None) -> tuple[list[Any], str | None]:
            if self.fail_in is not None:
                self.fail_in -= 1
                if self.fail_in == 0:
                    raise ApiError("Gorgias answered 429 Too Many Requests.", status=429)
            return self.feed.page(token)

        return Feed(page, self.feed.stamp, self.feed.ident)


@pytest.mark.parametrize("seed", range(24))
def test_random_traffic_is_delivered_once_each_oldest_first(sandbox: Sandbox, seed: int) -> None:
    rng = random.Random(seed)
    connection = sandbox.connection()
    feeds = {key: Flaky(sandbox, key) for key in ("newTicket", "ticketUpdated")}
    states: dict[str, Any] = {key: poll(f.wrapped(), key, None).state for key, f in feeds.items()}
    delivered: dict[str, list[tuple[int, str]]] = {key: [] for key in feeds}
    created: list[int] = []
    tickets = list(sandbox.store.tickets)
    before = {t.id: t.updated_datetime for t in sandbox.store.tickets.values()}

    def create() -> None:
        made = gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")},
                                  connection)["data"]
        created.append(made["id"])
        tickets.append(made["id"])

    def poll_once(key: str) -> None:
        feed = feeds[key]
        feed.fail_in = rng.randint(1, 3) if rng.random() < 0.25 else None
        state = json.loads(json.dumps(states[key]))  # a restart: only the saved JSON survives
        try:
            batch = poll(feed.wrapped(), key, state, max_items=rng.choice([2, 5, 50]))
        except ApiError:
            return  # the host retries later with the same state
        stamp = "updated_datetime" if key == "ticketUpdated" else "created_datetime"
        moments = [instant(item[stamp]) for item in batch.items]
        assert moments == sorted(moments)
        delivered[key] += [(item["id"], item[stamp]) for item in batch.items]
        states[key] = batch.state

    for _ in range(40):
        sandbox.set_visibility_lag(rng.choice([0, 0, 80]))
        move = rng.random()
        if move < 0.3:
            create()
        elif move < 0.45:
            with sandbox.same_instant():  # a burst: several tickets with one timestamp
                for _ in range(rng.randint(2, 6)):
                    create()
        elif move < 0.6:
            ticket = rng.choice(tickets)
            gorgias.run_action("updateTicket", {"id": ticket, "priority": rng.choice(["low", "high"])}, connection)
        else:
            poll_once(rng.choice(list(feeds)))
    sandbox.set_visibility_lag(0)
    time.sleep(0.1)  # every lagging item is visible now
    for key, feed in feeds.items():
        feed.fail_in = None
        while True:
            batch = poll(feed.wrapped(), key, states[key])
            stamp = "updated_datetime" if key == "ticketUpdated" else "created_datetime"
            delivered[key] += [(item["id"], item[stamp]) for item in batch.items]
            states[key] = batch.state
            if not batch.more:
                break

    # newTicket: exactly the tickets created after the start, as the sandbox's ticket-created events say.
    new_ids = [i for i, _ in delivered["newTicket"]]
    recorded = sorted(e.object_id for e in sandbox.store.events.values()
                      if e.type == "ticket-created" and e.object_id in created)
    assert sorted(new_ids) == recorded == sorted(created)
    assert len(new_ids) == len(set(new_ids))
    # ticketUpdated: no version twice, and every ticket changed since the start ends at its final version.
    versions = delivered["ticketUpdated"]
    assert len(versions) == len(set(versions))
    last = {i: stamp for i, stamp in versions}
    changed = {t.id: t.updated_datetime for t in sandbox.store.tickets.values()
               if before.get(t.id) != t.updated_datetime}
    assert {i: instant(stamp) for i, stamp in last.items()} == {i: instant(s) for i, s in changed.items()}
