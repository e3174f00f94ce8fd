"""What each action does to the remote system, classified by the verb its key starts with.

Declarations do not expose their HTTP method, so the verb of the key decides (`getTicket` -> get):
reads (get, list, search, select, download, find, read) change nothing; creates (create, add, send,
upload) add records; updates (update, set) replace fields and are idempotent, as a PUT is; deletes,
removes, merges and cancels destroy records. An update or set of a plural noun (`updateCustomFields`,
`setTicketTags`) is a bulk operation that replaces many records or a whole set at once, so it is
destructive too. `raw` (Raw Request) can send any method to any path, so it is treated as the most
dangerous kind. A key whose verb is not listed is refused: every action must be classified on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from component.errors import DefinitionError

__all__ = ["VERBS", "Effect", "classify", "verb_of"]


@dataclass(frozen=True)
class Effect:
    """How a tool affects the remote system, in the terms of MCP tool annotations."""

    read_only: bool  # changes nothing
    destructive: bool  # may delete or overwrite records that cannot be recovered
    idempotent: bool  # a second identical call has no further effect


READ = Effect(read_only=True, destructive=False, idempotent=True)
CREATE = Effect(read_only=False, destructive=False, idempotent=False)
UPDATE = Effect(read_only=False, destructive=False, idempotent=True)
BULK_UPDATE = Effect(read_only=False, destructive=True, idempotent=True)
DESTROY = Effect(read_only=False, destructive=True, idempotent=True)  # deleting twice deletes nothing more
ANYTHING = Effect(read_only=False, destructive=True, idempotent=False)

VERBS: dict[str, Effect] = {
    **dict.fromkeys(("get", "list", "search", "select", "download", "find", "read"), READ),
    **dict.fromkeys(("create", "add", "send", "upload"), CREATE),
    **dict.fromkeys(("update", "set"), UPDATE),
    **dict.fromkeys(("delete", "remove", "merge", "cancel"), DESTROY),
    "raw": ANYTHING,
}

_VERB = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[A-Z][a-z0-9]*")


def verb_of(key: str) -> str:
    """The leading lower-case word of a camelCase key: `getTicket` -> `get`, `search` -> `search`."""
    match = _VERB.match(key)
    return match.group(0) if match else ""


def _plural(noun: str) -> bool:
    words = _WORDS.findall(noun)
    last = words[-1] if words else ""
    # "Status", "Address", "Analysis" end in s without being plurals.
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def classify(key: str) -> Effect:
    """The effect of the action `key`; DefinitionError when its verb is not one of VERBS."""
    verb = verb_of(key)
    effect = VERBS.get(verb)
    if effect is None:
        raise DefinitionError(
            f"Action '{key}': cannot tell whether it reads, writes or deletes from its verb {verb!r}; "
            f"expected a key starting with one of {', '.join(sorted(VERBS))}."
        )
    if effect is UPDATE and _plural(key[len(verb):]):
        return BULK_UPDATE
    return effect
