"""Read the example outputs out of the component documentation dump and render JSON back into its format.

The documentation (``docs/gorgias-component.txt``, a text dump of the component's web page) keeps the
example outputs in a lossy form: only the lines that carry a key survive. Concretely, pretty-printed JSON
(two-space ``JSON.stringify`` style) loses

* every line that holds only punctuation: ``{``, ``}``, ``},``, ``[``, ``]``, ``],``;
* every list item that is a bare scalar (a line such as ``"usd"`` has no key, so it is gone);
* the indentation.

What is left, one line per object member, is ``"key": <value>`` where ``<value>`` is

* a JSON scalar, or an inline empty container (``[]`` / ``{}``), followed by ``,`` unless the member is
  the last one of its object;
* ``{`` or ``[`` (never followed by a comma: the comma sat on the dropped closing line) when the value is
  a non-empty object or list; the members of the object, or of each object in the list, follow.

:func:`flatten_doc_lines` applies exactly these rules, so a reconstructed example is faithful to the
documentation when ``flatten_doc_lines(example) == documented_examples()[key].splitlines()``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

__all__ = [
    "DOC",
    "documented_examples",
    "flatten_doc_lines",
    "section_keys",
]

#: The documentation dump, tracked in the repository: the tests that read it fail, never skip, without it.
DOC = Path(__file__).resolve().parents[2] / "docs" / "gorgias-component.txt"

_KEY_RE = re.compile(r"\| key: (\w+)")
_EXAMPLE_START = ('"data"', '"result"')


def _read_lines(doc_path: Path | None) -> list[str]:
    return (doc_path or DOC).read_text(encoding="utf-8").splitlines()


def section_keys(doc_path: Path | None = None) -> list[str]:
    """Keys of every documented action and data source, in documentation order."""
    return [m.group(1) for line in _read_lines(doc_path) if (m := _KEY_RE.search(line))]


def documented_examples(doc_path: Path | None = None) -> dict[str, str]:
    """For each action / data source key that documents an example output, the raw text of that example.

    A section runs from its ``| key: <key>`` line to the next one. Its example is the run of lines that
    starts at the first line beginning with ``"data"`` or ``"result"`` and continues while lines begin
    with ``"`` (every surviving JSON line does; the next section's title does not). Sections without
    such a line (e.g. ``rawRequest``) are absent from the result.
    """
    lines = _read_lines(doc_path)
    starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _KEY_RE.search(line))]
    examples: dict[str, str] = {}
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        first = next((i for i in range(start + 1, end) if lines[i].startswith(_EXAMPLE_START)), None)
        if first is None:
            continue
        last = first
        while last + 1 < end and lines[last + 1].startswith('"'):
            last += 1
        examples[key] = "\n".join(lines[first : last + 1])
    return examples


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _members(obj: dict[str, Any], out: list[str]) -> None:
    for position, (key, value) in enumerate(obj.items()):
        comma = "" if position == len(obj) - 1 else ","
        head = f"{_scalar(key)}: "
        if isinstance(value, dict) and value:
            out.append(head + "{")
            _members(value, out)
        elif isinstance(value, list) and value:
            out.append(head + "[")
            _items(value, out)
        elif isinstance(value, dict | list):
            out.append(head + ("{}" if isinstance(value, dict) else "[]") + comma)
        else:
            out.append(head + _scalar(value) + comma)


def _items(items: list[Any], out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict):
            _members(item, out)
        elif isinstance(item, list):
            _items(item, out)
        # bare scalars have no key line: the documentation dump drops them


def flatten_doc_lines(value: Any) -> list[str]:
    """Render a JSON value the way the documentation dump shows it (see the module docstring).

    ``value`` is a whole example, e.g. ``{"data": {...}}`` or ``{"result": [...]}``.
    """
    out: list[str] = []
    if isinstance(value, dict):
        _members(value, out)
    elif isinstance(value, list):
        _items(value, out)
    else:
        out.append(_scalar(value))
    return out
