"""Picklist pages: one page of options at a time, searched by the API or by filtering pages, behind an opaque cursor.

A picklist declared with `picklist(...)` says how it lists (a `ListRequest` and the option of one item)
and, optionally, how the API searches its resource (`Search`). With neither `search`, `cursor` nor
`limit`, `run_data_source` returns the complete list as documented; with any of them it returns one
page, `{"result": [...], "cursor": next | None}`. The cursor is ours, not the API's: it records the
API's cursor, how far into that page we got, and which search it belongs to, so that filtering can stop
in the middle of a page and a cursor cannot be replayed against another search.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from component.errors import InputError
from component.inputs import Inputs, describe
from component.values import whole_number

if TYPE_CHECKING:
    from component.http import HttpClient

__all__ = ["DEFAULT_LIMIT", "Listing", "PageRequest", "Search", "matches", "one_page", "page_request"]

I = TypeVar("I", bound=Inputs)  # noqa: E741 - the conventional name for "the inputs type"
Option = dict[str, str]

DEFAULT_LIMIT = 50  # options per page when a page is asked for without a limit
MAX_LIMIT = 100  # options one page may ask for
SCAN_PAGES = 5  # API pages one filtered call reads at most before handing back a cursor
MAX_SEARCH = 200


class ListCall(Protocol):
    """A list request as a value (`component.ListRequest`): the path, its filters, its method and body."""

    @property
    def path(self) -> str:
        """The API path of the list."""
        ...

    @property
    def params(self) -> Mapping[str, Any]:
        """The list's filters (None for an unset one)."""
        ...

    @property
    def method(self) -> str:
        """The HTTP method each page is asked with ("GET" for most lists)."""
        ...

    @property
    def body(self) -> Any:
        """The body sent with every page (None for none)."""
        ...


@dataclass(frozen=True)
class Search(Generic[I]):
    """The API's own search for a picklist's resource.

    `run(api, inputs, text, size)` returns up to `size` items matching `text`, or None when the API's
    search cannot honour these inputs (a filter it does not know): pages are then filtered instead.
    """

    run: Callable[[HttpClient, I, str, int], list[Any] | None]
    max_results: int  # the most results the API returns for one query; a search pages no further


@dataclass(frozen=True)
class Listing(Generic[I]):
    """How a picklist reads its options page by page: the list request, one item's option, the API's search."""

    describe: Callable[[I], ListCall]
    option: Callable[[Any], Option]
    search: Search[I] | None = None


@dataclass(frozen=True)
class PageRequest:
    """A validated request for one page: the search text (None: all), where to start, how many options."""

    key: str
    search: str | None
    limit: int
    mode: str = ""  # set from the cursor: how the previous page was read
    upstream: str | None = None  # the API's cursor of the page to read
    offset: int = 0  # options of that page (or result) already handed out

    def cursor(self, mode: str, upstream: str | None, offset: int) -> str:
        """The opaque cursor that continues this search at (upstream page, offset)."""
        body = {"k": self.key, "m": mode, "s": _digest(self.search), "u": upstream, "o": offset}
        raw = json.dumps(body, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def page_request(key: str, search: Any, cursor: Any, limit: Any) -> PageRequest | None:
    """Validate the paging arguments; None when none is given (the complete list is wanted)."""
    text = _search_text(search)
    if text is None and cursor in (None, "") and limit in (None, ""):
        return None
    request = PageRequest(key, text, _limit(limit))
    if cursor in (None, ""):
        return request
    state = _decode(cursor)
    if state.get("k") != key or state.get("s") != _digest(text):
        raise InputError("cursor", f"Cursor: it continues another picklist or another search than '{key}'"
                                   f"{' for ' + json.dumps(text) if text else ''}; start again without a cursor.")
    return PageRequest(key, text, request.limit, state["m"], state["u"], state["o"])


def matches(text: str | None, option: Option) -> bool:
    """Whether an option's label contains the search text, ignoring case."""
    return text is None or text.casefold() in option["label"].casefold()


def one_page(listing: Listing[Any] | None, api: HttpClient, values: Any, request: PageRequest,
             complete: Callable[[], list[Option]]) -> tuple[list[Option], str | None]:
    """One page of options and the cursor of the next (None at the end); without a listing, a slice of `complete()`."""
    if listing is None:  # a picklist that only knows its complete list: filter and slice it
        return _sliced(request, [o for o in complete() if matches(request.search, o)])
    if request.search is None:
        return _plain(api, values, listing, request)
    if listing.search is not None and request.mode in ("", "a"):
        found = _searched(api, values, listing, listing.search, request)
        if found is not None:
            return found
    return _filtered(api, values, listing, request)


def _plain(api: HttpClient, values: Any, listing: Listing[Any], request: PageRequest) -> tuple[list[Option], str | None]:
    """One API page of `limit` items (at most the API's largest page): one request."""
    call = listing.describe(values)
    size = min(request.limit, api.largest_page)
    items, upstream = api.page(call.path, call.params, token=request.upstream, size=size, method=call.method,
                                body=call.body)
    return [listing.option(item) for item in items], request.cursor("p", upstream, 0) if upstream else None


def _searched(api: HttpClient, values: Any, listing: Listing[Any], search: Search[Any],
              request: PageRequest) -> tuple[list[Option], str | None] | None:
    """The API's search, asked for every result up to the end of this page: it has no cursor of its own.

    The offset counts the API's results, not the options kept, so each page moves on even when the
    label filter drops some of them.
    """
    if request.offset >= search.max_results:
        return [], None
    size = min(request.offset + request.limit, search.max_results)
    items = search.run(api, values, str(request.search), size)
    if items is None:
        return None
    options = [listing.option(item) for item in items[request.offset: size]]
    more = len(items) >= size and size < search.max_results
    return [o for o in options if matches(request.search, o)], request.cursor("a", None, size) if more else None


def _filtered(api: HttpClient, values: Any, listing: Listing[Any], request: PageRequest) -> tuple[
        list[Option], str | None]:
    """Walk the API's pages keeping matching labels, until the page is full or SCAN_PAGES were read.

    API pages are always the largest the API gives, so that an offset into one stays valid.
    """
    call = listing.describe(values)
    size = api.largest_page
    upstream, offset = (request.upstream, request.offset) if request.mode == "f" else (None, 0)
    kept: list[Option] = []
    for _ in range(SCAN_PAGES):
        items, following = api.page(call.path, call.params, token=upstream, size=size, method=call.method,
                                   body=call.body)
        for index in range(offset, len(items)):
            option = listing.option(items[index])
            if matches(request.search, option):
                kept.append(option)
            if len(kept) == request.limit:
                if index + 1 < len(items):
                    return kept, request.cursor("f", upstream, index + 1)
                return kept, request.cursor("f", following, 0) if following else None
        if not following:
            return kept, None
        upstream, offset = following, 0
    return kept, request.cursor("f", upstream, 0)  # a sparse match: the caller asks again to read on


def _sliced(request: PageRequest, options: list[Option]) -> tuple[list[Option], str | None]:
    start = request.offset if request.mode == "w" else 0
    end = start + request.limit
    return options[start:end], request.cursor("w", None, end) if end < len(options) else None


def _search_text(search: Any) -> str | None:
    if search is None:
        return None
    if not isinstance(search, str):
        raise InputError("search", f"Search: expected a string, received {describe(search)}.")
    text = search.strip()
    if len(text) > MAX_SEARCH:
        raise InputError("search", f"Search: expected at most {MAX_SEARCH} characters, received {len(text)}.")
    return text or None


def _limit(limit: Any) -> int:
    if limit in (None, ""):
        return DEFAULT_LIMIT
    number = whole_number(limit) if isinstance(limit, str) else limit
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_LIMIT:
        raise InputError("limit", f"Limit: expected a whole number from 1 to {MAX_LIMIT}, received {describe(limit)}.")
    return number


def _decode(cursor: Any) -> Mapping[str, Any]:
    expected = f"Cursor: expected a cursor handed out by this picklist, received {describe(cursor)}."
    if not isinstance(cursor, str):
        raise InputError("cursor", expected)
    try:
        state = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        raise InputError("cursor", expected) from None
    valid = (isinstance(state, dict) and state.get("m") in ("p", "a", "f", "w")
             and isinstance(state.get("u"), str | None) and isinstance(state.get("o"), int)
             and not isinstance(state.get("o"), bool) and state["o"] >= 0)
    if not valid:
        raise InputError("cursor", expected)
    return dict(state)


def _digest(search: str | None) -> str:
    return hashlib.sha256(search.casefold().encode()).hexdigest()[:12] if search else ""

