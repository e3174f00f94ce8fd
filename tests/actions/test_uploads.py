"""Upload Files sends one multipart part per file, named after it, with the decoded bytes."""

from __future__ import annotations

import base64

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

PNG = b"\x89PNG\r\n\x1a\n\x00\x00binary\xff"
UPLOADED = [{"content_type": "text/plain", "name": "notes.txt", "size": 5, "url": "https://x/notes.txt"}]

test_sends = sends_test([
    # POST /upload?type=... with one part per file; text is UTF-8, base64 is decoded, types guessed or given.
    Sends("uploadFiles", {"type": "public_attachment", "files": [
        {"name": "notes.txt", "content": "Colis abîmé"},
        {"name": "photo.png", "content": base64.b64encode(PNG).decode(), "encoding": "base64"},
        {"name": "data.bin", "content": "AAEC\nAw==", "encoding": "base64", "content_type": "application/x-custom"},
    ]}, "POST", "/upload", query={"type": "public_attachment"}, headers={"Accept": "application/json"}, parts=[
        ("notes.txt", "notes.txt", "text/plain", "Colis abîmé".encode()),
        ("photo.png", "photo.png", "image/png", PNG),
        ("data.bin", "data.bin", "application/x-custom", b"\x00\x01\x02\x03"),
    ], answer=UPLOADED, status=201),
    # Without a type the documented default, attachment, is sent; unknown extensions are octet-stream.
    Sends("uploadFiles", {"files": '[{"name": "report.qqq", "content": "x"}]'}, "POST", "/upload",
          query={"type": "attachment"}, parts=[("report.qqq", "report.qqq", "application/octet-stream", b"x")],
          answer=UPLOADED, status=201),
])

# Missing or malformed files are refused naming where they break.
test_refuses = refuses_test([
    required("uploadFiles", {}, "files", "Files"),
    Refuses("uploadFiles", {"files": []}, "files", "Input 'files' (Files): at files: [] should be non-empty."),
    Refuses("uploadFiles", {"files": [{"content": "x"}]}, "files",
            "Input 'files' (Files): at files[0]: 'name' is a required property."),
    Refuses("uploadFiles", {"files": [{"name": "a/b.txt", "content": "x"}]}, "files",
            "Input 'files' (Files): at files[0].name: 'a/b.txt' does not match '^[^/\\\\\\\\]+$'."),
    Refuses("uploadFiles", {"files": [{"name": "a.txt", "content": "x", "encoding": "hex"}]}, "files",
            "Input 'files' (Files): at files[0].encoding: 'hex' is not one of ['text', 'base64']."),
    Refuses("uploadFiles", {"files": [{"name": "a.txt", "content": "x"},
                                      {"name": "b.png", "content": "not base64!", "encoding": "base64"}]}, "files",
            "Input 'files' (Files): at files[1].content: expected base64 (encoding is base64), received text that is "
            "not base64."),
    Refuses("uploadFiles", {"files": [{"name": "a.txt", "content": "x"}], "type": "avatar"}, "type",
            "Input 'type' (Type): expected one of attachment, public_attachment, profile_picture, widget_picture, "
            "received \"avatar\"."),
])
