"""List actions: inputs that name their paging, and one page or every page through the client's paginator.

A list action's inputs derive from `ListInputs` and say, with `__paging__ = Paging(token, size, every)`,
which of their inputs are the page token, the page size and "fetch every page"; the rest are the list's
filters. The framework never names them itself, and never writes a page query: the connection's
paginator (`component.pagination`) puts the token and size where its API wants them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from component.definitions import Action, ActionInputs, ListRequest, Paging, _inputs_type
from component.errors import DefinitionError
from component.jsonschemas import Document
from component.pagination import paginator_of
from component.values import JSON

if TYPE_CHECKING:
    from component.http import HttpClient

__all__ = ["ListInputs", "list_action", "with_paging"]


class ListInputs(ActionInputs):
    """Base of a list action's inputs: `__paging__` names the inputs that page it, which a subclass declares."""

    __paging__: ClassVar[Paging | None] = None

    @classmethod
    def paging(cls) -> Paging:
        """The declared paging; DefinitionError when it is missing or names an input the model lacks."""
        paging = cls.__paging__
        if paging is None:
            raise DefinitionError(f"{cls.__name__} does not say which inputs page the list: set `__paging__ = "
                                  "Paging(token, size, every)` to its page token, page size and fetch-all inputs")
        missing = [name for name in paging.inputs if name not in cls._known]
        if missing:
            raise DefinitionError(f"{cls.__name__}.__paging__ names {', '.join(map(repr, missing))}, not "
                                  f"{'an input' if len(missing) == 1 else 'inputs'} of {cls.__name__}")
        return paging

    def page_token(self) -> Any:
        """Where the page starts: the page token input's value (None: the first page)."""
        return getattr(self, self.paging().token)

    def page_size(self) -> Any:
        """How many items the page holds: the page size input's value (None: the API's default)."""
        return getattr(self, self.paging().size)

    def fetches_all(self) -> bool:
        """Whether every page is wanted in one answer."""
        return bool(getattr(self, self.paging().every))

    def filters(self) -> dict[str, Any]:
        """The set inputs that are not paging inputs: the list's query filters."""
        return self.set_values(exclude=self.paging().inputs)


L = TypeVar("L", bound=ListInputs)


def with_paging(inputs: type[L], paging: Mapping[str, Any]) -> type[L]:
    """A subclass of `inputs` whose paging inputs are redeclared with `paging` (key -> Input(...))."""
    unknown = set(paging) - set(inputs.paging().inputs)
    if unknown:
        raise DefinitionError(f"{inputs.__name__}: paging declares {sorted(unknown)}, not paging inputs")
    annotations = {name: inputs.__input_fields__[name][0] for name in paging}
    namespace = {"__module__": inputs.__module__, "__qualname__": inputs.__qualname__, "__annotations__": annotations,
                 **paging}
    return cast(type[L], type(inputs.__name__, (inputs,), namespace))


def _list_inputs(describe: Callable[..., Any], key: str) -> Any:
    inputs = _inputs_type(describe, key, arity=1)
    if not issubclass(inputs, ListInputs):
        raise DefinitionError(f"{key}: the inputs of a list action must be a ListInputs model, not {inputs.__name__}")
    try:
        inputs.paging()
    except DefinitionError as exc:
        raise DefinitionError(f"{key}: {exc}") from None
    return inputs


def list_action(key: str, label: str, description: str, *, example: JSON = None, resource: str | None = None,
                output: Document | None = None, paging: Mapping[str, Any] | None = None) -> Callable[
    [Callable[[L], ListRequest]], Action[L]
]:
    """Declare a list action from a function that describes its request; paging is shared.

    `paging` (key -> `Input(...)`) words the inputs named by the model's `__paging__` for this list
    once, so an inputs model declares only its filters.
    """

    def wrap(describe: Callable[[L], ListRequest]) -> Action[L]:
        inputs = _list_inputs(describe, key)
        if paging:
            inputs = with_paging(inputs, paging)

        def perform(api: HttpClient, values: L) -> JSON:
            request = describe(values)
            method, body = request.method, request.body
            if values.fetches_all():
                return api.list(request.path, request.params, fetch_all=True, method=method, body=body)
            query = paginator_of(api).query(request.params, values.page_token(), values.page_size())
            return api.list(request.path, query, fetch_all=False, method=method, body=body)

        def stream(api: HttpClient, values: L) -> Iterator[Any]:
            request = describe(values)
            return api.items(request.path, request.params, method=request.method, body=request.body)

        def pages(api: HttpClient, values: L) -> Iterator[dict[str, Any]]:
            request = describe(values)
            return api.pages(request.path, request.params, method=request.method, body=request.body)

        return Action(key, label, description, inputs, perform, example, stream, pages, resource, output,
                      paging=inputs.paging())

    return wrap
