"""The upload action: files given as text or base64 sent to Gorgias as multipart form data."""

from __future__ import annotations

import base64
import binascii
import mimetypes
from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, InputError, action
from component.inputs import CodeList, choice
from gorgias_component.actions.documents import example, output, schema

__all__ = ["upload_files"]

UploadType = Annotated[str, choice("attachment", "public_attachment", "profile_picture", "widget_picture")]
FILES_EXAMPLE = '[{"name": "notes.txt", "content": "Order #1234 arrived damaged."}]'


class UploadFilesInputs(ActionInputs):
    files: CodeList = Input(
        "Files", required=True, example=FILES_EXAMPLE, schema=schema("upload_files"),
        comments="The files to upload: a list of {name, content, encoding, content_type}. The content is text "
                 "(encoding text, the default, sent as UTF-8) or base64 (encoding base64); the content type is "
                 "guessed from the name when omitted. Each name becomes the file's label.",
    )
    type: UploadType = Input(
        "Type", default="attachment", example="public_attachment",
        comments="The kind of file: attachment (private), public_attachment, profile_picture or widget_picture.",
    )


@action("uploadFiles", "Upload Files", "Upload files to attach them to messages.", example=example("uploadFiles"),
        resource="Files", output=output("uploaded_files"))
def upload_files(api: HttpClient, inputs: UploadFilesInputs) -> object:
    parts = [_part(index, entry) for index, entry in enumerate(inputs.files)]
    return api.json("POST", "/upload", params={"type": inputs.type}, files=parts)


def _part(index: int, entry: dict[str, Any]) -> tuple[str, tuple[str, bytes, str]]:
    """One multipart field, named after the file as Gorgias expects (the field name is the file's label)."""
    name: str = entry["name"]
    if entry.get("encoding", "text") == "base64":
        try:  # line breaks are common in base64 produced by tools; nothing else may be there
            content = base64.b64decode("".join(entry["content"].split()), validate=True)
        except (binascii.Error, ValueError):
            raise InputError("files", f"Input 'files' (Files): at files[{index}].content: expected base64 "
                                      "(encoding is base64), received text that is not base64.") from None
    else:
        try:
            content = entry["content"].encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("files", f"Input 'files' (Files): at files[{index}].content: expected text, "
                                      "received a string with unpaired surrogates.") from None
    content_type = entry.get("content_type") or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return name, (name, content, content_type)


ACTIONS = (upload_files,)
