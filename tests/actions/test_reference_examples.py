"""The official reference's example objects fit the output schemas of the actions that answer them.

`tests/support/reference_examples.json` holds, per action, the `data` the Gorgias reference shows for it
(integrations, widgets, voice, statistics, uploads, and the users, teams, tags, views, macros, rules, custom
fields, jobs, surveys and account settings the shipped example payloads are built from); the schemas are checked
against them and against a wrong shape, so neither side can drift silently.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.action_table import EXAMPLES, output_errors


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_the_reference_example_fits_the_output_schema(key: str) -> None:
    """Each example answer is valid against its action's outputSchema."""
    assert output_errors(key, EXAMPLES[key]) == []


@pytest.mark.parametrize(("key", "data"), [
    ("getIntegration", {"id": "123", "name": "x", "type": "http"}),
    ("getIntegration", {**EXAMPLES["getIntegration"], "http": {**EXAMPLES["getIntegration"]["http"], "method": "GOT"}}),
    ("listWidgets", {"data": [{"id": 1, "type": "http"}]}),
    ("getVoiceCall", {**EXAMPLES["getVoiceCall"], "direction": "sideways"}),
    ("getVoiceCallRecording", {**EXAMPLES["getVoiceCallRecording"], "created_datetime": "yesterday"}),
    ("getStatistic", {"data": {"data": [{"name": "total_new_tickets", "value": "three"}]}}),
    ("downloadStatistic", {"name": "x.csv", "content_type": "text/csv", "size": -1, "content": ""}),
    ("uploadFiles", [{"name": "a.txt", "url": "https://x/a.txt"}]),
    ("deleteWidget", {"message": "Deleted"}),
])
def test_the_output_schemas_refuse_wrong_shapes(key: str, data: Any) -> None:
    """The schemas are not vacuous: wrong types, enums, datetimes and missing fields are refused."""
    assert output_errors(key, data) != []
