"""A generic table of sandbox records: JSON objects by id, ordered by creation and update, events on change."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from gorgias_component.sandbox.store_index import SortedIndex, now_iso

JSON = dict[str, Any]
Key = tuple[str, int]
RecordEvent = Callable[[str, str, int, "int | None", "JSON | None"], Any]


class Table(Mapping[int, JSON]):
    """The records of one resource, read like a dict; writes go through insert/update/delete.

    Every write keeps `created_datetime` / `updated_datetime` indexes sorted (cursor pagination walks
    them) and records a `<noun>-created|updated|deleted` event on the object type, as Gorgias does.
    """

    def __init__(self, lock: threading.RLock, record_event: RecordEvent, object_type: str, noun: str,
                 uri: str | None = None) -> None:
        self.lock = lock
        self.record_event = record_event
        self.object_type = object_type  # "Tag": the event's object_type
        self.noun = noun  # "tag": the event's type prefix
        self.uri = uri  # "/api/tags/{id}/": the record's `uri`, if it has one
        self.records: dict[int, JSON] = {}
        self.by_created = SortedIndex()
        self.by_updated = SortedIndex()
        self._last_id = 0

    # -- Mapping ---------------------------------------------------------------------------
    def __getitem__(self, key: int) -> JSON:
        return self.records[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    # -- writes ----------------------------------------------------------------------------
    def seed(self, record: JSON) -> None:
        """Add a seeded record without an event (call `rebuild` once seeding is done)."""
        self.records[int(record["id"])] = record

    def rebuild(self) -> None:
        """Rebuild the indexes from the records (after seeding)."""
        with self.lock:
            self.by_created = SortedIndex((r["created_datetime"], i) for i, r in self.records.items())
            self.by_updated = SortedIndex((r.get("updated_datetime") or r["created_datetime"], i)
                                          for i, r in self.records.items())
            self._last_id = max(self._last_id, max(self.records, default=0))

    def insert(self, fields: JSON, user_id: int | None, *, data: JSON | None = None) -> JSON:
        """Create a record from validated fields; records `<noun>-created`."""
        with self.lock:
            self._last_id += 1
            stamp = now_iso()
            record: JSON = {"id": self._last_id, **fields}
            if self.uri is not None:
                record["uri"] = self.uri.format(id=self._last_id)
            record.setdefault("created_datetime", stamp)
            record.setdefault("updated_datetime", stamp)
            self.records[record["id"]] = record
            self.by_created.add((record["created_datetime"], record["id"]))
            self.by_updated.add((record["updated_datetime"], record["id"]))
            self.record_event(f"{self.noun}-created", self.object_type, record["id"], user_id, data)
            return record

    def update(self, record_id: int, changes: JSON, user_id: int | None) -> JSON | None:
        """Apply changes to a record (None if there is none); records `<noun>-updated`."""
        with self.lock:
            record = self.records.get(record_id)
            if record is None:
                return None
            self.by_updated.remove((record.get("updated_datetime") or record["created_datetime"], record_id))
            record.update(changes)
            record["updated_datetime"] = max(now_iso(), record["created_datetime"])
            self.by_updated.add((record["updated_datetime"], record_id))
            self.record_event(f"{self.noun}-updated", self.object_type, record_id, user_id,
                              {"changes": sorted(changes)})
            return record

    def delete(self, record_id: int, user_id: int | None) -> JSON | None:
        """Remove a record (None if there is none); records `<noun>-deleted`."""
        with self.lock:
            record = self.records.pop(record_id, None)
            if record is None:
                return None
            self.by_created.remove((record["created_datetime"], record_id))
            self.by_updated.remove((record.get("updated_datetime") or record["created_datetime"], record_id))
            self.record_event(f"{self.noun}-deleted", self.object_type, record_id, user_id, None)
            return record

    # -- reads -----------------------------------------------------------------------------
    def keys_by(self, field: str, sort_key: Callable[[JSON], str] | None = None) -> list[Key]:
        """Ascending (sort key, id) pairs for ordering by `field` (indexed datetimes, else computed)."""
        if field == "created_datetime":
            return self.by_created.keys
        if field == "updated_datetime":
            return self.by_updated.keys
        if sort_key is None:
            raise KeyError(field)
        return sorted((sort_key(record), record_id) for record_id, record in self.records.items())
