"""What a host asks for, as one value (`Call`), and a `Stream` of list items that owns the connection it reads through."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from component.values import TokenCallback

__all__ = ["Call", "Stream"]

T = TypeVar("T")


@dataclass(frozen=True)
class Call:
    """One request of a host: which definition (`key`), its inputs, the connection, and where refreshed tokens go.

    The same value runs an action, a data source, a stream or a trigger; the executor picks the
    definition by kind.
    """

    key: str
    inputs: Mapping[str, Any] | None
    connection: Mapping[str, Any]
    on_token_refresh: TokenCallback | None = None


class Stream(Iterator[T], Generic[T]):
    """Items read lazily through an open connection, which is closed once: at the end, on an error, on `close()`,
    when a `with` block ends, or when the stream is dropped unstarted (so it can never leak)."""

    def __init__(self, items: Iterator[T], close: Callable[[], object]) -> None:
        self._items = items
        self._finalizer = weakref.finalize(self, close)  # must not refer to self: it also runs on collection

    def __iter__(self) -> Stream[T]:
        return self

    def __next__(self) -> T:
        try:
            return next(self._items)
        except BaseException:  # StopIteration included: the end closes the connection too
            self.close()
            raise

    def close(self) -> None:
        """Stop reading and close the connection (again: nothing happens)."""
        stop = getattr(self._items, "close", None)
        if callable(stop):
            stop()
        self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether the connection has been closed."""
        return not self._finalizer.alive

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
