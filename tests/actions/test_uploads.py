"""Upload Files sends one multipart part per file, named after it, with the decoded bytes."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from gorgias_component import gorgias
from gorgias_component.sandbox.multipart import parse
from tests.support.mocked_gorgias import MockedGorgias

PNG = b"\x89PNG\r\n\x1a\n\x00\x00binary\xff"
UPLOADED = [{"content_type": "text/plain", "name": "notes.txt", "size": 5, "url": "https://x/notes.txt"}]


def _parts(call: Any) -> list[tuple[str, str | None, str | None, bytes]]:
    request = call.request
    return [(p.name, p.filename, p.content_type, p.content)
            for p in parse(request.headers["Content-Type"], request.body)]


def test_upload_files_sends_text_and_base64_files_as_multipart(gorgias_api: MockedGorgias,
                                                               connection: dict[str, Any]) -> None:
    """POST /upload?type=... with one part per file; text is UTF-8, base64 is decoded, types guessed or given."""
    gorgias_api.add(responses.POST, "/upload", json=UPLOADED, status=201, match=[
        matchers.query_param_matcher({"type": "public_attachment"}),
        matchers.header_matcher({"Accept": "application/json"}),
    ])
    files = [
        {"name": "notes.txt", "content": "Colis abîmé"},
        {"name": "photo.png", "content": base64.b64encode(PNG).decode(), "encoding": "base64"},
        {"name": "data.bin", "content": "AAEC\nAw==", "encoding": "base64", "content_type": "application/x-custom"},
    ]
    result = gorgias.run_action("uploadFiles", {"files": files, "type": "public_attachment"}, connection)
    assert result == {"data": UPLOADED}
    assert _parts(gorgias_api.calls[0]) == [
        ("notes.txt", "notes.txt", "text/plain", "Colis abîmé".encode()),
        ("photo.png", "photo.png", "image/png", PNG),
        ("data.bin", "data.bin", "application/x-custom", b"\x00\x01\x02\x03"),
    ]
    assert gorgias_api.calls[0].request.headers["Content-Type"].startswith("multipart/form-data; boundary=")


def test_upload_files_defaults_to_private_attachments(gorgias_api: MockedGorgias,
                                                      connection: dict[str, Any]) -> None:
    """Without a type the documented default, attachment, is sent; unknown extensions are octet-stream."""
    gorgias_api.add(responses.POST, "/upload", json=UPLOADED, status=201,
                 match=[matchers.query_param_matcher({"type": "attachment"})])
    gorgias.run_action("uploadFiles", {"files": '[{"name": "report.qqq", "content": "x"}]'}, connection)
    assert _parts(gorgias_api.calls[0]) == [("report.qqq", "report.qqq", "application/octet-stream", b"x")]


@pytest.mark.parametrize(("inputs", "message"), [
    ({}, "Input 'files' (Files) is required, but no value was given."),
    ({"files": []}, "Input 'files' (Files): at files: [] should be non-empty."),
    ({"files": [{"content": "x"}]}, "Input 'files' (Files): at files[0]: 'name' is a required property."),
    ({"files": [{"name": "a/b.txt", "content": "x"}]},
     "Input 'files' (Files): at files[0].name: 'a/b.txt' does not match '^[^/\\\\\\\\]+$'."),
    ({"files": [{"name": "a.txt", "content": "x", "encoding": "hex"}]},
     "Input 'files' (Files): at files[0].encoding: 'hex' is not one of ['text', 'base64']."),
    ({"files": [{"name": "a.txt", "content": "x"}, {"name": "b.png", "content": "not base64!", "encoding": "base64"}]},
     "Input 'files' (Files): at files[1].content: expected base64 (encoding is base64), received text that is "
     "not base64."),
    ({"files": [{"name": "a.txt", "content": "x"}], "type": "avatar"},
     "Input 'type' (Type): expected one of attachment, public_attachment, profile_picture, widget_picture, "
     "received \"avatar\"."),
])
def test_upload_files_refuses_bad_inputs_before_sending(gorgias_api: MockedGorgias,
                                                        connection: dict[str, Any], inputs: dict[str, Any],
                                                        message: str) -> None:
    """Missing or malformed files are InputErrors naming where they break; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("uploadFiles", inputs, connection)
    assert str(caught.value) == message
    assert len(gorgias_api.calls) == 0
