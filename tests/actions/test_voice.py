"""Voice actions read calls, recordings and events under /phone, and delete recordings."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from gorgias_component import gorgias
from tests.support.action_table import EXAMPLES, Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

GETS = [("getVoiceCall", "/phone/voice-calls/123", "Voice Call ID"),
        ("getVoiceCallRecording", "/phone/voice-call-recordings/123", "Recording ID"),
        ("getVoiceCallEvent", "/phone/voice-call-events/123", "Voice Call Event ID")]
LISTS = [("listVoiceCalls", "/phone/voice-calls"), ("listVoiceCallRecordings", "/phone/voice-call-recordings"),
         ("listVoiceCallEvents", "/phone/voice-call-events")]

test_sends = sends_test([
    # Each get action GETs its path with the id and no query (the answers: the reference's examples).
    *(Sends(key, {"id": "123"}, "GET", path, answer=EXAMPLES[key]) for key, path, _ in GETS),
    Sends("deleteVoiceCallRecording", {"id": 9}, "DELETE", "/phone/voice-call-recordings/9", status=204),
    # Each list action GETs its path with its filter, cursor and limit.
    *(Sends(key, {**filters, "cursor": "c2", "limit": "20"}, "GET", path, query={**query, "cursor": "c2", "limit": "20"},
            answer=envelope("/api" + path, EXAMPLES[key]["data"], next_cursor="c3"))
      for (key, path), filters, query in zip(LISTS, ({"ticket_id": "345"}, {"call_id": 234}, {"call_id": "345"}),
                                             ({"ticket_id": "345"}, {"call_id": "234"}, {"call_id": "345"}), strict=True)),
])

test_refuses = refuses_test([
    *(row for key, _, label in GETS for row in (
        Refuses(key, {"id": "0"}, "id", f"Input 'id' ({label}): expected a positive integer id, received \"0\"."),
        required(key, {}, "id", label))),
    required("deleteVoiceCallRecording", {}, "id", "Recording ID"),
    # A filter id that is not a positive integer.
    Refuses("listVoiceCallEvents", {"call_id": "abc"}, "call_id",
            "Input 'call_id' (Voice Call ID): expected a positive integer id, received \"abc\"."),
])


@pytest.mark.parametrize(("key", "path"), LISTS)
def test_list_actions_fetch_all_pages(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                      list_page: Any, key: str, path: str) -> None:
    """fetchAll reads every page by cursor into one envelope."""
    gorgias_api.add(responses.GET, path, json=list_page("/api" + path, [{"id": 1}], next_cursor="n"),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    gorgias_api.add(responses.GET, path, json=list_page("/api" + path, [{"id": 2}]),
                 match=[matchers.query_param_matcher({"limit": "100", "cursor": "n"})])
    assert [item["id"] for item in gorgias.run_action(key, {"fetchAll": True}, connection)["data"]["data"]] == [1, 2]
