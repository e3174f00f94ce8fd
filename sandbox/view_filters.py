"""The filter language of Gorgias views, e.g. `eq(ticket.status, 'open') && containsAny(ticket.tags.name, ['vip'])`.

A view's `filters` is JavaScript-like: calls of comparison functions on object paths, combined with `&&`,
`||`, `!` and parentheses. `compile_filters` parses it once into a predicate over a rendered ticket (or
raises `FilterError` saying where it breaks); `{{current_user.id}}` and friends are replaced first.
Datetimes are compared as instants (a naive value means UTC), never as strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

Predicate = Callable[[dict[str, Any]], bool]

_TOKEN = re.compile(r"""\s*(?:(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?)|"""
                    r"""(?P<op>&&|\|\||[!(),\[\]])|(?P<name>[A-Za-z_][A-Za-z0-9_.]*))""")
_VARIABLE = re.compile(r"\{\{\s*current_user\.(\w+)\s*\}\}")


class FilterError(ValueError):
    """The filters cannot be parsed; the message says where."""


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _comparable(left: Any, right: Any) -> tuple[Any, Any] | None:
    """The two values in a form they can be ordered in: instants, numbers or strings."""
    a, b = _instant(left), _instant(right)
    if a is not None and b is not None:
        return a, b
    if isinstance(left, int | float) and isinstance(right, int | float) and not isinstance(left, bool):
        return left, right
    if isinstance(left, str) and isinstance(right, str):
        return left, right
    return None


def _equal(left: Any, right: Any) -> bool:
    pair = _comparable(left, right)
    if pair is not None and isinstance(pair[0], datetime):
        return bool(pair[0] == pair[1])
    if isinstance(left, int) and isinstance(right, str) and right.lstrip("-").isdigit():
        return left == int(right)
    return bool(left == right)


def _values(found: Any) -> list[Any]:
    return found if isinstance(found, list) else [found]


def _order(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def compare(found: Any, wanted: Any) -> bool:
        pairs = (_comparable(value, wanted) for value in _values(found))
        return any(pair is not None and test(*pair) for pair in pairs)
    return compare


def _contains(found: Any, wanted: Any) -> bool:
    if isinstance(found, list):
        return any(_equal(value, wanted) for value in found)
    return isinstance(found, str) and isinstance(wanted, str) and wanted.lower() in found.lower()


FUNCTIONS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda found, wanted: any(_equal(value, wanted) for value in _values(found)),
    "neq": lambda found, wanted: not any(_equal(value, wanted) for value in _values(found)),
    "gt": _order(lambda a, b: a > b),
    "gte": _order(lambda a, b: a >= b),
    "lt": _order(lambda a, b: a < b),
    "lte": _order(lambda a, b: a <= b),
    "contains": _contains,
    "notContains": lambda found, wanted: not _contains(found, wanted),
    "containsAny": lambda found, wanted: any(_contains(found, w) for w in _values(wanted)),
    "containsAll": lambda found, wanted: all(_contains(found, w) for w in _values(wanted)),
    "startsWith": lambda found, wanted: any(isinstance(v, str) and v.startswith(str(wanted)) for v in _values(found)),
    "endsWith": lambda found, wanted: any(isinstance(v, str) and v.endswith(str(wanted)) for v in _values(found)),
}
UNARY: dict[str, Callable[[Any], bool]] = {
    "isEmpty": lambda found: found in (None, "", []),
    "isNotEmpty": lambda found: found not in (None, "", []),
}


def resolve(item: dict[str, Any], path: str) -> Any:
    """The value at `ticket.a.b` in the item; through a list, the list of values (tags.name -> names)."""
    parts = path.split(".")
    value: Any = item
    for part in parts[1:]:
        if isinstance(value, list):
            value = [v.get(part) for v in value if isinstance(v, dict)]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None or match.end() == pos:
                rest = text[pos:].lstrip()
                if not rest:
                    break
                where = len(text) - len(rest)
                raise FilterError(f"unexpected character at position {where}: {rest[:10]!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind), match.start(kind)))
            pos = match.end()
        self.i = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise FilterError(f"unexpected end of filters, expected {value or 'more'}")
        if value is not None and token[1] != value:
            raise FilterError(f"expected {value!r} at position {token[2]}, found {token[1]!r}")
        self.i += 1
        return token

    def parse(self) -> Predicate:
        predicate = self.either()
        token = self.peek()
        if token is not None:
            raise FilterError(f"unexpected {token[1]!r} at position {token[2]}")
        return predicate

    def either(self) -> Predicate:
        parts = [self.both()]
        while (token := self.peek()) is not None and token[1] == "||":
            self.take()
            parts.append(self.both())
        return parts[0] if len(parts) == 1 else (lambda item: any(p(item) for p in parts))

    def both(self) -> Predicate:
        parts = [self.unary()]
        while (token := self.peek()) is not None and token[1] == "&&":
            self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else (lambda item: all(p(item) for p in parts))

    def unary(self) -> Predicate:
        token = self.take()
        if token[1] == "!":
            inner = self.unary()
            return lambda item: not inner(item)
        if token[1] == "(":
            inner = self.either()
            self.take(")")
            return inner
        if token[0] != "name" or (token[1] not in FUNCTIONS and token[1] not in UNARY):
            raise FilterError(f"unknown function {token[1]!r} at position {token[2]}")
        self.take("(")
        path = self.take()
        if path[0] != "name" or not path[1].startswith("ticket."):
            raise FilterError(f"expected a ticket attribute such as ticket.status at position {path[2]}")
        if token[1] in UNARY:
            self.take(")")
            test = UNARY[token[1]]
            return lambda item: test(resolve(item, path[1]))
        self.take(",")
        wanted = self.value()
        self.take(")")
        compare = FUNCTIONS[token[1]]
        return lambda item: compare(resolve(item, path[1]), wanted)

    def value(self) -> Any:
        token = self.take()
        if token[0] == "str":
            return re.sub(r"\\(.)", r"\1", token[1][1:-1])
        if token[0] == "num":
            return float(token[1]) if "." in token[1] else int(token[1])
        if token[1] in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[token[1]]
        if token[1] == "[":
            items: list[Any] = []
            while (peeked := self.peek()) is not None and peeked[1] != "]":
                items.append(self.value())
                if (after := self.peek()) is not None and after[1] == ",":
                    self.take()
            self.take("]")
            return items
        raise FilterError(f"expected a value at position {token[2]}, found {token[1]!r}")


def compile_filters(filters: str | None, user: dict[str, Any] | None = None) -> Predicate:
    """A predicate over rendered tickets; empty filters keep everything."""
    if filters is None or not filters.strip():
        return lambda item: True
    text = _VARIABLE.sub(lambda m: str((user or {}).get(m.group(1), "")), filters)
    return _Parser(text).parse()


def check_filters(filters: str) -> str | None:
    """Why the filters cannot be used, or None when they parse."""
    try:
        compile_filters(filters, {})
    except FilterError as exc:
        return str(exc)
    return None
