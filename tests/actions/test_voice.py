"""Voice actions read calls, recordings and events under /phone, and delete recordings."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

OBJECT = {"id": 123}


@pytest.mark.parametrize(("key", "path", "label"), [
    ("getVoiceCall", "/phone/voice-calls/123", "Voice Call ID"),
    ("getVoiceCallRecording", "/phone/voice-call-recordings/123", "Recording ID"),
    ("getVoiceCallEvent", "/phone/voice-call-events/123", "Voice Call Event ID"),
])
def test_get_actions_get_by_id(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str, path: str,
                               label: str) -> None:
    """Each get action GETs its path with the id and no query; without an id nothing is sent."""
    gorgias_api.add(responses.GET, path, json=OBJECT, match=[matchers.query_param_matcher({})])
    assert gorgias.run_action(key, {"id": "123"}, connection) == {"data": OBJECT}
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {"id": "0"}, connection)
    assert str(caught.value) == f"Input 'id' ({label}): expected a positive integer id, received \"0\"."
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {}, connection)
    assert str(caught.value) == f"Input 'id' ({label}) is required, but no value was given."
    assert len(gorgias_api.calls) == 1


def test_delete_voice_call_recording_answers_success(gorgias_api: MockedGorgias,
                                                     connection: dict[str, Any]) -> None:
    """Delete Voice Call Recording DELETEs the recording and returns the documented success message."""
    gorgias_api.add(responses.DELETE, "/phone/voice-call-recordings/9", status=204)
    assert gorgias.run_action("deleteVoiceCallRecording", {"id": 9}, connection) == {"data": {"message": "Success"}}
    with pytest.raises(InputError) as caught:
        gorgias.run_action("deleteVoiceCallRecording", {}, connection)
    assert str(caught.value) == "Input 'id' (Recording ID) is required, but no value was given."
    assert len(gorgias_api.calls) == 1


@pytest.mark.parametrize(("key", "path", "filters", "query"), [
    ("listVoiceCalls", "/phone/voice-calls", {"ticket_id": "345"}, {"ticket_id": "345"}),
    ("listVoiceCallRecordings", "/phone/voice-call-recordings", {"call_id": 234}, {"call_id": "234"}),
    ("listVoiceCallEvents", "/phone/voice-call-events", {"call_id": "345"}, {"call_id": "345"}),
])
def test_list_actions_pass_their_filter_and_paging(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                   list_page: Any, key: str, path: str, filters: dict[str, Any],
                                                   query: dict[str, str]) -> None:
    """Each list action GETs its path with its filter, cursor and limit."""
    page = list_page("/api" + path, [OBJECT], next_cursor="c3")
    gorgias_api.add(responses.GET, path, json=page,
                 match=[matchers.query_param_matcher({**query, "cursor": "c2", "limit": "20"})])
    assert gorgias.run_action(key, {**filters, "cursor": "c2", "limit": "20"}, connection) == {"data": page}


@pytest.mark.parametrize(("key", "path"), [
    ("listVoiceCalls", "/phone/voice-calls"),
    ("listVoiceCallRecordings", "/phone/voice-call-recordings"),
    ("listVoiceCallEvents", "/phone/voice-call-events"),
])
def test_list_actions_fetch_all_pages(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                      list_page: Any, key: str, path: str) -> None:
    """fetchAll reads every page by cursor into one envelope."""
    gorgias_api.add(responses.GET, path, json=list_page("/api" + path, [{"id": 1}], next_cursor="n"),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    gorgias_api.add(responses.GET, path, json=list_page("/api" + path, [{"id": 2}]),
                 match=[matchers.query_param_matcher({"limit": "100", "cursor": "n"})])
    assert [item["id"] for item in gorgias.run_action(key, {"fetchAll": True}, connection)["data"]["data"]] == [1, 2]


def test_list_filters_are_ids(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A filter id that is not a positive integer is refused before sending."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("listVoiceCallEvents", {"call_id": "abc"}, connection)
    assert str(caught.value) == "Input 'call_id' (Voice Call ID): expected a positive integer id, received \"abc\"."
    assert len(gorgias_api.calls) == 0
