"""The manifest reproduces the component documentation: every connection, action, data source and input.

The documentation (``docs/gorgias-component.txt``, tracked in the repository) is a lossy text dump of the
component's web page. This module reads it without looking at the code:

* A section of an action or data source is a title line followed by
  ``<description> | key: <key>`` (data sources add `` | type: picklist``). A connection is a title line
  followed by a line starting ``Steps to``; its table is the first one after it.
* A table starts with a header row such as ``Input | Default | Notes | Example |``, naming the columns
  after ``Input``. Each following row is ``<Label> <type>[ Value List| Key Value List][ / Required] <key>``
  then ``|``-separated cells; the table ends at the first line that is not such a row (the example output,
  which starts with ``"data"`` or ``"result"``, or the next title).
* Empty cells are collapsed inconsistently (``| ||``, ``|||``, or dropped at the end of a row), so the
  cells are read by content, not position. The non-empty cells are assigned as follows:

  - without a Default column, in column order (Notes, then Example);
  - with a Default column: three cells are default, notes and example (e.g. Scopes); two or one cells
    whose first cell has no whitespace and precedes the notes start with the default (``false``,
    ``open``, ``0``, ``json``); otherwise the cells are notes, then example. A single cell without
    whitespace would be ambiguous (a default alone, or a one-word note): the parser refuses it, so a new
    documentation row of that shape fails loudly instead of being misread.

The dump lost one title: ``Search for resources. | key: search`` directly follows the last Raw Request row.
Every title that survived is its key split at capitals and capitalised ("listTicketCustomFields" → "List
Ticket Custom Fields"; checked by ``test_surviving_titles_spell_their_key``), so a lost title is taken to be
that spelling ("Search").

``test_parser_reads_hand_checked_rows`` pins the row rule on rows checked by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gorgias_component import gorgias
from tests.support.doc_examples import DOC

ROOT = Path(__file__).resolve().parents[1]

HEADER = re.compile(r"^Input \|((?: [A-Za-z]+ \|)+)$")
ROW_HEAD = re.compile(
    r"^(?P<label>.+?) (?P<type>string|password|boolean|code|connection)(?P<collection> Key Value List| Value List)?"
    r"(?P<required> / Required)? (?P<key>[A-Za-z_][A-Za-z0-9_]*)$"
)
SECTION = re.compile(r"^(?P<description>.+?) \| key: (?P<key>\w+)(?: \| type: (?P<type>\w+))?$")
COLLECTIONS = {" Value List": "valuelist", " Key Value List": "keyvaluelist"}


@dataclass
class Section:
    """One documented connection, action or data source."""

    kind: str  # "connection", "action" or "dataSource"
    label: str | None  # None when the dump lost the title line
    key: str | None = None
    description: str | None = None
    type: str | None = None
    inputs: list[dict[str, Any]] = field(default_factory=list)
    has_example: bool = False


def parse_row(line: str, columns: list[str]) -> dict[str, Any] | None:
    """A documented input as a manifest INPUT, or None when the line is not a table row."""
    head, sep, rest = line.partition("|")
    match = ROW_HEAD.match(head.strip())
    if not sep or match is None:
        return None
    cells = [cell.strip() for cell in rest.split("|") if cell.strip()]
    values: dict[str, str | None] = dict.fromkeys(columns)
    if "Default" not in columns:
        if len(cells) > len(columns):
            raise ValueError(f"too many cells in {line!r}")
        values.update(zip(columns, cells, strict=False))
    elif len(cells) == 3:
        values["Default"], values["Notes"], values["Example"] = cells
    elif len(cells) == 1 and not re.search(r"\s", cells[0]):
        raise ValueError(f"ambiguous row (a default alone or a one-word note?): {line!r}")
    elif cells and not re.search(r"\s", cells[0]):
        values["Default"], values["Notes"] = cells
    else:
        rest_columns = [c for c in columns if c != "Default"]
        if len(cells) > len(rest_columns):
            raise ValueError(f"too many cells in {line!r}")
        values.update(zip(rest_columns, cells, strict=False))
    return {
        "key": match["key"],
        "label": match["label"],
        "type": match["type"],
        "required": match["required"] is not None,
        "default": values.get("Default"),
        "example": values.get("Example"),
        "comments": values.get("Notes"),
        "collection": COLLECTIONS.get(match["collection"] or ""),
    }


def parse_doc(text: str) -> list[Section]:
    """Every connection, action and data source of the documentation, in order."""
    lines = text.splitlines()
    sections: list[Section] = []
    current: Section | None = None
    columns: list[str] | None = None
    for number, line in enumerate(lines):
        previous = lines[number - 1] if number else ""
        if line.startswith("Steps to ") and not any(s.kind != "connection" for s in sections):
            current = Section("connection", previous.strip())
            sections.append(current)
            columns = None
            continue
        section = SECTION.match(line)
        if section is not None:
            kind = "dataSource" if section["type"] else "action"
            title = None if columns is not None or "|" in previous else previous.strip()
            current = Section(kind, title, section["key"], section["description"], section["type"])
            sections.append(current)
            columns = None
            continue
        header = HEADER.match(line)
        if header is not None:
            assert current is not None and not current.inputs, f"line {number + 1}: a table without a section"
            columns = [c.strip() for c in header[1].split("|") if c.strip()]
            continue
        if columns is not None:
            assert current is not None
            row = parse_row(line, columns)
            if row is not None:
                current.inputs.append(row)
                continue
            columns = None
            current.has_example = line.startswith(('"data"', '"result"'))
    return sections


SECTIONS = parse_doc(DOC.read_text(encoding="utf-8"))
MANIFEST = gorgias.manifest()
DOCUMENTED = {(s.kind, s.key): s for s in SECTIONS if s.kind != "connection"}
# The documented entries; the actions and data sources added beyond the documentation are checked elsewhere.
ENTRIES = [(kind, e) for kind, part in (("action", "actions"), ("dataSource", "dataSources"))
           for e in MANIFEST[part] if (kind, e["key"]) in DOCUMENTED]


def documented_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """A manifest INPUT without `dataSource`, the one key the documentation's tables do not show."""
    assert "dataSource" in entry
    return {key: value for key, value in entry.items() if key != "dataSource"}


@pytest.mark.parametrize(
    ("line", "columns", "expected"),
    [
        ("Username string / Required username | Your username for Gorgias. e.g. john@example.com |",
         ["Notes", "Example"],
         ("username", "Username", "string", True, None, None, "Your username for Gorgias. e.g. john@example.com", None)),
        ("Client ID string / Required clientId | |||", ["Default", "Notes", "Example"],
         ("clientId", "Client ID", "string", True, None, None, None, None)),
        ("Scopes string scopes | openid profile email write:all offline | A space-separated list. | openid profile |",
         ["Default", "Notes", "Example"],
         ("scopes", "Scopes", "string", False, "openid profile email write:all offline", "openid profile",
          "A space-separated list.", None)),
        ("Debug Request boolean debug | false | Enabling this flag will log out the current request. | |",
         ["Default", "Notes", "Example"],
         ("debug", "Debug Request", "boolean", False, "false", None,
          "Enabling this flag will log out the current request.", None)),
        ("Status string status | open | The status of the ticket. | open |", ["Default", "Notes", "Example"],
         ("status", "Status", "string", False, "open", "open", "The status of the ticket.", None)),
        ("Email string email | Primary email address of the customer. | john@example.com | |",
         ["Default", "Notes", "Example"],
         ("email", "Email", "string", False, None, "john@example.com", "Primary email address of the customer.", None)),
        ("Ticket IDs string Value List ticket_ids | The IDs of tickets to select. | 1234567890 | |",
         ["Default", "Notes", "Example"],
         ("ticket_ids", "Ticket IDs", "string", False, None, "1234567890", "The IDs of tickets to select.", "valuelist")),
        ("Header string Key Value List headers | A list of headers. | User-Agent: curl/7.64.1 | |",
         ["Default", "Notes", "Example"],
         ("headers", "Header", "string", False, None, "User-Agent: curl/7.64.1", "A list of headers.", "keyvaluelist")),
        ("Connection connection / Required connection | Select the connection. |", ["Notes"],
         ("connection", "Connection", "connection", True, None, None, "Select the connection.", None)),
        ("Assignee User ID string channel | The team assigned to the ticket. | ||", ["Default", "Notes", "Example"],
         ("channel", "Assignee User ID", "string", False, None, None, "The team assigned to the ticket.", None)),
        ('"data": {', ["Default", "Notes", "Example"], None),
    ],
)
def test_parser_reads_hand_checked_rows(line: str, columns: list[str], expected: tuple[Any, ...] | None) -> None:
    """The row rule of the module docstring gives the hand-checked reading of each row shape."""
    row = parse_row(line, columns)
    if expected is None:
        assert row is None
        return
    assert row is not None
    keys = ("key", "label", "type", "required", "default", "example", "comments", "collection")
    assert tuple(row[k] for k in keys) == expected


def test_parser_refuses_an_ambiguous_row() -> None:
    """A lone one-word cell in a table with a Default column is refused rather than guessed."""
    with pytest.raises(ValueError, match="ambiguous row"):
        parse_row("Mode string mode | fast |", ["Default", "Notes", "Example"])


def test_the_documentation_has_every_section() -> None:
    """The parser finds 2 connections, 4 data sources and 20 actions, each with inputs."""
    kinds = [s.kind for s in SECTIONS]
    assert (kinds.count("connection"), kinds.count("dataSource"), kinds.count("action")) == (2, 4, 20)
    assert all(s.inputs for s in SECTIONS)


def key_words(key: str) -> str:
    """A key spelt as a title: "listTicketCustomFields" → "List Ticket Custom Fields"."""
    return " ".join(word.capitalize() for word in re.findall(r"[a-z]+|[A-Z][a-z]*", key))


def test_surviving_titles_spell_their_key() -> None:
    """Every title the dump kept is its key spelt as words, and only `search` lost its title."""
    assert [s.key for s in DOCUMENTED.values() if s.label is None] == ["search"]
    for section in DOCUMENTED.values():
        if section.label is not None:
            assert section.label == key_words(str(section.key))


def test_component_key_label_and_description_match() -> None:
    """The component's key, label and description are the documented ones."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    assert f"Component key: {MANIFEST['key']}" in lines
    assert lines[0] == f"{MANIFEST['label']} Component"
    assert lines[2] == MANIFEST["description"]


def test_connections_match_the_documentation() -> None:
    """Connections keep the documented order, labels and inputs (key, label, type, required, ...)."""
    documented = [s for s in SECTIONS if s.kind == "connection"]
    assert [c["key"] for c in MANIFEST["connections"]] == ["apiKey", "oauth2"]
    assert [c["label"] for c in MANIFEST["connections"]] == [s.label for s in documented]
    assert [s.label for s in documented] == ["Gorgias API Key", "Gorgias OAuth 2.0"]
    for connection, section in zip(MANIFEST["connections"], documented, strict=True):
        assert [documented_fields(i) for i in connection["inputs"]] == section.inputs, connection["key"]
        assert all(i["dataSource"] is None for i in connection["inputs"])


def test_same_actions_and_data_sources_in_the_same_order() -> None:
    """The manifest lists every documented action and data source, in documentation order among themselves."""
    assert [e["key"] for kind, e in ENTRIES if kind == "action"] == [s.key for s in SECTIONS if s.kind == "action"]
    assert [e["key"] for kind, e in ENTRIES if kind == "dataSource"] == [
        s.key for s in SECTIONS if s.kind == "dataSource"]


@pytest.mark.parametrize(("kind", "entry"), ENTRIES, ids=[e["key"] for _, e in ENTRIES])
def test_entry_matches_its_documentation(kind: str, entry: dict[str, Any]) -> None:
    """Label, description, data source type and every input, field by field and in order, are as documented."""
    section = DOCUMENTED[(kind, entry["key"])]
    assert entry["label"] == (section.label if section.label is not None else key_words(entry["key"]))
    # A picklist also states how many options it lists at most (issue 9: endless lists).
    cap = " Lists at most 10,000 options." if kind == "dataSource" else ""
    assert entry["description"] == section.description + cap
    if kind == "dataSource":
        assert entry["dataSourceType"] == section.type
    assert [i["key"] for i in entry["inputs"]] == [i["key"] for i in section.inputs]
    for got, documented in zip(entry["inputs"], section.inputs, strict=True):
        assert documented_fields(got) == documented, f"{entry['key']}.{documented['key']}"


@pytest.mark.parametrize(("kind", "entry"), ENTRIES, ids=[e["key"] for _, e in ENTRIES])
def test_input_schema_is_valid_and_lists_the_required_inputs(kind: str, entry: dict[str, Any]) -> None:
    """inputSchema is a draft 2020-12 schema of every documented input but the connection, requiring the required ones."""
    schema = entry["inputSchema"]
    Draft202012Validator.check_schema(schema)
    documented = [i for i in DOCUMENTED[(kind, entry["key"])].inputs if i["type"] != "connection"]
    assert list(schema["properties"]) == [i["key"] for i in documented]
    assert schema["required"] == [i["key"] for i in documented if i["required"]]
    for spec in documented:
        assert schema["properties"][spec["key"]]["title"] == spec["label"]


@pytest.mark.parametrize(("kind", "entry"), ENTRIES, ids=[e["key"] for _, e in ENTRIES])
def test_documented_example_is_the_example_payload(kind: str, entry: dict[str, Any]) -> None:
    """An action or data source whose documentation shows an example output ships it as examplePayload."""
    section = DOCUMENTED[(kind, entry["key"])]
    folder = ROOT / ("actions" if kind == "action" else "datasources") / "examples"
    path = folder / f"{entry['key']}.json"
    if not section.has_example:
        assert not path.exists()
        return
    assert path.is_file(), f"{path} is missing"
    assert entry["examplePayload"] == json.loads(path.read_text(encoding="utf-8"))
    assert list(entry["examplePayload"]) == (["data"] if kind == "action" else ["result"])
