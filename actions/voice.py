"""Voice actions: phone calls, their recordings and voicemails, and their events."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Id
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list
from gorgias_component.actions.paging import ListInputs

__all__ = [
    "delete_voice_call_recording",
    "get_voice_call",
    "get_voice_call_event",
    "get_voice_call_recording",
    "list_voice_call_events",
    "list_voice_call_recordings",
    "list_voice_calls",
]

RESOURCE = "Voice"
CALL_ID = "Only the ones of this voice call."


class GetVoiceCallInputs(ActionInputs):
    id: Id = Input("Voice Call ID", required=True, comments="The ID of the voice call.", example="123")


@action("getVoiceCall", "Get Voice Call", "Retrieve a voice call.", example=example("getVoiceCall"),
        resource=RESOURCE, output=output("voice_call"))
def get_voice_call(api: HttpClient, inputs: GetVoiceCallInputs) -> object:
    return api.get(f"/phone/voice-calls/{inputs.id}")


class ListVoiceCallsInputs(ListInputs):
    ticket_id: Id | None = fields.ticket_id("Only the voice calls of this ticket.", required=False)


@list_action("listVoiceCalls", "List Voice Calls", "List voice calls, paginated (newest first).",
             example=example("listVoiceCalls"),
             resource=RESOURCE, output=output_list("voice_call"),
             paging=paging.of("voice calls"))
def list_voice_calls(inputs: ListVoiceCallsInputs) -> ListRequest:
    return ListRequest("/phone/voice-calls", inputs.filters())


class GetVoiceCallRecordingInputs(ActionInputs):
    id: Id = Input("Recording ID", required=True, comments="The ID of the voicemail or call recording.",
                   example="123")


@action("getVoiceCallRecording", "Get Voice Call Recording", "Retrieve a voice call recording or voicemail.",
        example=example("getVoiceCallRecording"),
        resource=RESOURCE, output=output("voice_call_recording"))
def get_voice_call_recording(api: HttpClient, inputs: GetVoiceCallRecordingInputs) -> object:
    return api.get(f"/phone/voice-call-recordings/{inputs.id}")


class DeleteVoiceCallRecordingInputs(ActionInputs):
    id: Id = Input("Recording ID", required=True, example="123",
                   comments="The ID of the voicemail or call recording to delete; its audio is removed.")


@action("deleteVoiceCallRecording", "Delete Voice Call Recording", "Delete a voice call recording or voicemail.",
        example=example("deleteVoiceCallRecording"),
        resource=RESOURCE, output=deleted())
def delete_voice_call_recording(api: HttpClient, inputs: DeleteVoiceCallRecordingInputs) -> object:
    api.delete(f"/phone/voice-call-recordings/{inputs.id}")
    return {"message": "Success"}


class ListVoiceCallRecordingsInputs(ListInputs):
    call_id: Id | None = Input("Voice Call ID", example="234", comments=CALL_ID)


@list_action("listVoiceCallRecordings", "List Voice Call Recordings",
             "List voice call recordings and voicemails, paginated (newest first).",
             example=example("listVoiceCallRecordings"), resource=RESOURCE,
             output=output_list("voice_call_recording"), paging=paging.of("recordings"))
def list_voice_call_recordings(inputs: ListVoiceCallRecordingsInputs) -> ListRequest:
    return ListRequest("/phone/voice-call-recordings", inputs.filters())


class GetVoiceCallEventInputs(ActionInputs):
    id: Id = Input("Voice Call Event ID", required=True, comments="The ID of the voice call event.", example="123")


@action("getVoiceCallEvent", "Get Voice Call Event", "Retrieve a voice call event.", example=example("getVoiceCallEvent"),
        resource=RESOURCE, output=output("voice_call_event"))
def get_voice_call_event(api: HttpClient, inputs: GetVoiceCallEventInputs) -> object:
    return api.get(f"/phone/voice-call-events/{inputs.id}")


class ListVoiceCallEventsInputs(ListInputs):
    call_id: Id | None = Input("Voice Call ID", example="345", comments=CALL_ID)


@list_action("listVoiceCallEvents", "List Voice Call Events", "List voice call events, paginated (newest first).",
             example=example("listVoiceCallEvents"),
             resource=RESOURCE, output=output_list("voice_call_event"),
             paging=paging.of("voice call events"))
def list_voice_call_events(inputs: ListVoiceCallEventsInputs) -> ListRequest:
    return ListRequest("/phone/voice-call-events", inputs.filters())


ACTIONS = (delete_voice_call_recording, get_voice_call, get_voice_call_event, get_voice_call_recording,
           list_voice_call_events, list_voice_call_recordings, list_voice_calls)
