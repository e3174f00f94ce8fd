"""The download action: the signed URL of an attachment, taken from Gorgias's 307 redirect."""

from __future__ import annotations

from urllib.parse import quote

from component import ActionInputs, ApiError, HttpClient, Input, action
from component.inputs import PathSegment
from gorgias_component.actions.documents import example, output

__all__ = ["download_file"]


class DownloadFileInputs(ActionInputs):
    domain_hash: PathSegment = Input(
        "Domain Hash", required=True, comments="The domain identifier of the account that owns the resource.",
        example="Hna8kldnmlal",
    )
    file_type: PathSegment = Input(
        "File Type", required=True, comments="The type of file to download.", example="attachment"
    )
    resource_name: PathSegment = Input(
        "Resource Name", required=True,
        comments="The resource identifier of the attachment you are trying to retrieve.",
        example="image-test-c9f158fc-062d-4b00-a826-e29b36852c9b.png",
    )


@action("downloadFile", "Download File", "Download a file.", example=example("downloadFile"), resource="Files",
        output=output("download_url"))
def download_file(api: HttpClient, inputs: DownloadFileInputs) -> object:
    path = "/".join(quote(part, safe="") for part in (inputs.file_type, "download", inputs.domain_hash,
                                                       inputs.resource_name))
    response = api.request("GET", path, accept_redirect=True)
    location = response.headers.get("Location")
    if not (300 <= response.status_code < 400 and location):
        raise ApiError(
            f"Gorgias answered {response.status_code} to GET /{path} without the redirect to the file.",
            status=response.status_code,
        )
    return location


ACTIONS = (download_file,)
