"""Pagination as a value: a paginator says how an API's list pages are asked for and read; the client follows it.

Modelled on singer-sdk's `BaseAPIPaginator`: the framework knows that a list comes in pages, each
with items and a token for the next one; a connection supplies the `Paginator` that knows where its
API puts them (the query parameters of the cursor and the page size, the field of the next cursor)
and how long a page may be. Following pages is lazy (one page in memory at a time), refuses a token
given twice (the list would never end) and stops at the client's page cap. A list is read with GET
unless its request says otherwise (a search sent as PUT with a body): every page is then asked for
with that method and the same body, only the query's token changing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from component.errors import ApiError, DefinitionError
from component.redaction import Redactor

__all__ = ["CursorPaginator", "NotAPage", "Page", "Paginator", "fetch_all", "items", "one_page", "pages", "paginator_of"]


@dataclass(frozen=True)
class Page:
    """One list page: as the API sent it, its items, and the token of the next page (None at the end)."""

    raw: dict[str, Any]
    items: list[Any]
    next: str | None


class NotAPage(Exception):
    """What the API sent is not a list page; the message says what is wrong ("a next cursor that is not a string")."""

    def __init__(self, what: str, *, show_body: bool = True) -> None:
        super().__init__(what)
        self.show_body = show_body  # whether the error carries the answer (redacted) as its body


class Paginator(Protocol):
    """How one API's list pages are requested and read."""

    @property
    def max_size(self) -> int:
        """The most items the API puts in one page: following every page asks for pages this long."""
        ...

    def query(self, params: Mapping[str, Any], token: str | None, size: int | None) -> dict[str, Any]:
        """The query of the page at `token` (None: the first), `size` items long (None: the API's default)."""
        ...

    def read(self, page: Any) -> Page:
        """The page's items and next token; NotAPage when the answer is not a page."""
        ...

    def merged(self, first: Page | None, items: list[Any]) -> dict[str, Any]:
        """One answer holding every item, shaped like the first page (fetch-all)."""
        ...


class ListClient(Protocol):
    """What following pages needs of the HTTP client (`component.http.HttpClient`)."""

    service: str
    redactor: Redactor
    max_pages: int
    max_items: int | None
    paginator: Paginator | None

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send one page's request (`params`, and `json` as its body) and decode its JSON answer."""
        ...

    def limit_hint(self, limit: str) -> str:
        """How to raise `limit` (the setting to change), for the error that names it."""
        ...

    def page_fetched(self, items: int) -> None:
        """Report one more page of `items` items to the progress listener."""
        ...


def _at(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


@dataclass(frozen=True)
class CursorPaginator:
    """An opaque cursor sent back in a query parameter and read from each page at `next_path`."""

    token_param: str  # the query parameter of the cursor, e.g. "page_token"
    size_param: str  # the query parameter of the page size, e.g. "page_size"
    items_key: str  # where a page holds its items, e.g. "items"
    next_path: tuple[str, ...]  # where a page holds the next cursor, e.g. ("paging", "next")
    # Set to None in the fetch-all answer: with every item in it, there is no page before or after.
    cleared: tuple[tuple[str, ...], ...] = field(default=())
    max_size: int = 100  # the most items the API gives per page; the connection states its API's

    @property
    def next_at(self) -> str:
        """Where a page holds the next cursor, dotted ("paging.next"), for people and agents."""
        return ".".join(self.next_path)

    def query(self, params: Mapping[str, Any], token: str | None, size: int | None) -> dict[str, Any]:
        """The query of one page: the filters, the page size and the cursor (None for the first page)."""
        query = {k: v for k, v in params.items() if k not in (self.token_param, self.size_param)}
        return {**query, self.size_param: size, self.token_param: token}

    def read(self, page: Any) -> Page:
        """The items and next cursor of one answer, or NotAPage when it is not a list page."""
        if not isinstance(page, dict) or not isinstance(page.get(self.items_key), list):
            raise NotAPage("something that is not a list page")
        token = _at(page, self.next_path)
        if token and not isinstance(token, str):
            raise NotAPage("a next cursor that is not a string", show_body=False)
        return Page(page, page[self.items_key], token if isinstance(token, str) and token else None)

    def merged(self, first: Page | None, items: list[Any]) -> dict[str, Any]:
        """One envelope holding every item: the first page's, with the cursors cleared."""
        envelope = {k: v for k, v in (first.raw if first else {}).items() if k != self.items_key}
        for path in self.cleared:
            envelope = _with(envelope, path, None)
        return {self.items_key: items, **envelope}


def _with(value: dict[str, Any], path: tuple[str, ...], new: Any) -> dict[str, Any]:
    """A copy of `value` with the item at `path` set to `new` (missing mappings are created)."""
    head, rest = path[0], path[1:]
    if not rest:
        return {**value, head: new}
    inner = value.get(head)
    return {**value, head: _with(inner if isinstance(inner, dict) else {}, rest, new)}


def paginator_of(api: ListClient) -> Paginator:
    """The client's paginator; DefinitionError when its connection supplied none."""
    if api.paginator is None:
        raise DefinitionError(f"The client for {api.service} has no paginator: its connection must supply one.")
    return api.paginator


def one_page(api: ListClient, path: str, params: Mapping[str, Any], token: str | None, size: int | None, *,
             method: str = "GET", body: Any = None) -> Page:
    """The page at `token` of the list at `path`, `size` items long (None: the API's default).

    The page is asked for with `method`, and `body` (if any) as JSON: the same body on every page.
    """
    paginator = paginator_of(api)
    answer = api.json(method, path, params=paginator.query(params, token, size), json=body)
    try:
        return paginator.read(answer)
    except NotAPage as exc:
        body = api.redactor.value(answer) if exc.show_body else None
        raise ApiError(f"{api.service} answered {path} with {exc}.", status=200, body=body) from None


def pages(api: ListClient, path: str, params: Mapping[str, Any], size: int | None = None, *,
          method: str = "GET", body: Any = None) -> Iterator[Page]:
    """Every page from the first, each requested when the previous one has been consumed (None: the largest).

    Each page is asked for with `method` and the same `body` (see `one_page`).
    """
    size = size or paginator_of(api).max_size
    token: str | None = None
    seen: set[str] = set()
    while True:
        if len(seen) >= api.max_pages:
            raise ApiError(f"{api.service} answered {path} with more than {api.max_pages:,} pages, the most one "
                           f"call follows: narrow the filters, or {api.limit_hint('max_pages')} to change the cap.",
                           status=200)
        page = one_page(api, path, params, token, size, method=method, body=body)
        api.page_fetched(len(page.items))
        yield page
        if page.next is None:
            return
        if page.next in seen:
            raise ApiError(f"{api.service} answered {path} with a next cursor it had already given: "
                           "the list would never end.", status=200)
        token = page.next
        seen.add(token)


def items(api: ListClient, path: str, params: Mapping[str, Any], size: int | None = None, *,
          method: str = "GET", body: Any = None) -> Iterator[Any]:
    """Every item, at most the client's `max_items`; memory is bounded by one page."""
    left = api.max_items
    for page in pages(api, path, params, size, method=method, body=body):
        if left is not None and len(page.items) >= left:
            yield from page.items[:left]
            return
        yield from page.items
        if left is not None:
            left -= len(page.items)


def fetch_all(api: ListClient, path: str, params: Mapping[str, Any], *, method: str = "GET",
              body: Any = None) -> dict[str, Any]:
    """Every item of every page in one answer shaped like the first page."""
    first: Page | None = None
    collected: list[Any] = []
    for page in pages(api, path, params, method=method, body=body):
        first = first or page
        collected.extend(page.items)
    return paginator_of(api).merged(first, collected)
