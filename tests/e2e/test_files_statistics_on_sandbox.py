"""Upload Files, Get Statistic and Download Statistic end to end on the sandbox; results fit their outputSchema."""

from __future__ import annotations

import base64
import csv
import io
import json

import requests

from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run

FILTERS = {"period": {"start_datetime": "2024-01-01T00:00:00+00:00", "end_datetime": "2024-02-01T00:00:00"}}


def test_uploaded_files_can_be_downloaded(run: Run) -> None:
    """Files uploaded as text and base64 come back byte for byte through Download File's signed URL."""
    pdf = b"%PDF-1.4\n\x00\xff binary"
    uploaded = run("uploadFiles", type="attachment", files=[
        {"name": "notes.txt", "content": "Colis abîmé"},
        {"name": "invoice.pdf", "content": base64.b64encode(pdf).decode(), "encoding": "base64"},
    ])
    assert [(f["name"], f["content_type"], f["size"]) for f in uploaded] == [
        ("notes.txt", "text/plain", len("Colis abîmé".encode())), ("invoice.pdf", "application/pdf", len(pdf))]
    file_type, _, domain_hash, resource = uploaded[1]["url"].split("/api/", 1)[1].split("/")
    signed = run("downloadFile", file_type=file_type, domain_hash=domain_hash, resource_name=resource)
    assert requests.get(signed, timeout=5).content == pdf


def test_get_statistic_counts_the_tickets_created(run: Run, sandbox: Sandbox) -> None:
    """The overview's ticket count is the number of tickets the sandbox created in the period."""
    stat = run("getStatistic", name="overview", filters=json.dumps(FILTERS))
    values = {m["name"]: m["value"] for m in stat["data"]["data"]}
    assert values["total_new_tickets"] == len(sandbox.store.tickets)
    assert stat["meta"]["end_datetime"] == "2024-02-01T00:00:00+00:00"


def test_download_statistic_returns_the_csv(run: Run, sandbox: Sandbox) -> None:
    """The CSV of tickets created per channel sums to the tickets of the period."""
    download = run("downloadStatistic", name="tickets-created-per-channel", filters=FILTERS)
    assert download["name"] == "tickets-created-per-channel-2024-01-01.csv"
    assert download["content_type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(download["content"])))
    assert rows[0] == ["Channel", "Total"]
    assert sum(int(total) for _, total in rows[1:]) == len(sandbox.store.tickets)
    assert download["size"] == len(download["content"].encode())
