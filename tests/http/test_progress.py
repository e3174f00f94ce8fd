"""The progress line of long fetches: pages, items and items/s on a terminal's standard error, and nowhere else."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest
import responses

from component import progress
from component.cli import main
from component.progress import ProgressLine, fetch_progress, page_fetched, reporting, wanted
from gorgias_component import gorgias
from tests.http.conftest import FakeTime
from tests.support.mocked_gorgias import MockedGorgias


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_line_shows_pages_items_and_rate(fake_time: FakeTime) -> None:
    """From the second page on, the line is redrawn in place with the running counts."""
    stream = Terminal()
    line = ProgressLine(stream, clock=fake_time.clock, interval=0.0)
    line(100)
    assert stream.getvalue() == ""  # one page is not a long fetch
    fake_time.now += 2.0
    line(100)
    fake_time.now += 2.0
    line(50)
    line.close()
    assert stream.getvalue() == ("\rfetching: 2 pages, 200 items, 100 items/s\x1b[K"
                                 "\rfetching: 3 pages, 250 items, 62 items/s\x1b[K"
                                 "\rfetching: 3 pages, 250 items, 62 items/s\x1b[K\n")


def test_the_line_is_redrawn_at_most_every_interval(fake_time: FakeTime) -> None:
    """Many quick pages do not flood the terminal."""
    stream = Terminal()
    line = ProgressLine(stream, clock=fake_time.clock, interval=1.0)
    for _ in range(50):
        fake_time.now += 0.1
        line(10)
    assert 4 <= stream.getvalue().count("\r") <= 6


def test_a_one_page_fetch_leaves_the_terminal_untouched(fake_time: FakeTime) -> None:
    """Closing a line that never drew writes nothing, not even a newline."""
    stream = Terminal()
    line = ProgressLine(stream, clock=fake_time.clock)
    line(30)
    line.close()
    assert stream.getvalue() == ""


def test_pages_reach_the_listener_only_inside_its_context() -> None:
    """page_fetched() goes to the listener installed for the current context, and to nothing outside it."""
    seen: list[int] = []
    page_fetched(1)
    with reporting(seen.append):
        page_fetched(2)
        page_fetched(3)
    page_fetched(4)
    assert seen == [2, 3]


def test_nothing_is_shown_when_the_stream_is_not_a_terminal() -> None:
    """Piped or captured standard error gets no progress line."""
    stream = io.StringIO()
    with fetch_progress(stream):
        for _ in range(5):
            page_fetched(100)
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("command", "key", "inputs", "expected"),
    [
        ("run", "listTickets", {"fetchAll": "true"}, True),
        ("run", "listTickets", {"fetchAll": True}, True),
        ("run", "listTickets", {"fetchAll": " TRUE "}, True),
        ("run", "listTickets", {}, False),
        ("run", "listTickets", {"fetchAll": "false"}, False),
        ("run", "getTicket", {"fetchAll": "true"}, False),
        ("run", "noSuchAction", {"fetchAll": "true"}, False),
        ("datasource", "selectTicket", {}, False),
    ],
)
def test_progress_is_wanted_for_run_of_a_list_action_with_fetch_all(command: str, key: str, inputs: dict[str, Any],
                                                                    expected: bool) -> None:
    """Only `run` of a list action with fetchAll true is a long fetch."""
    assert wanted(gorgias, command, key, inputs) is expected


def list_pages(gorgias_api: MockedGorgias, count: int) -> None:
    for number in range(count):
        following = f"c{number + 1}" if number + 1 < count else None
        query = {"limit": "100", **({"cursor": f"c{number}"} if number else {})}
        items = [{"id": number * 100 + i} for i in range(100)]
        gorgias_api.add(responses.GET, "/tickets", match=[responses.matchers.query_param_matcher(query)],
                        json={"object": "list", "uri": "/api/tickets", "data": items,
                              "meta": {"prev_cursor": None, "next_cursor": following}})


def test_the_cli_shows_progress_for_fetch_all_on_a_terminal(gorgias_api: MockedGorgias, conn_file: str,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`run listTickets --input fetchAll=true` ends its progress line on stderr; stdout is the JSON result."""
    list_pages(gorgias_api, 3)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress.ProgressLine, "__init__", _eager_init)
    status = main(["run", "listTickets", "--connection", conn_file, "--input", "fetchAll=true"])
    out, _ = capsys.readouterr()
    assert status == 0
    assert len(json.loads(out)["data"]["data"]) == 300
    assert terminal.getvalue().endswith("\x1b[K\n")
    assert "fetching: 3 pages, 300 items, " in terminal.getvalue()


def test_the_cli_shows_no_progress_when_stderr_is_captured(gorgias_api: MockedGorgias, conn_file: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Without a terminal, standard error stays empty on success."""
    list_pages(gorgias_api, 3)
    assert main(["run", "listTickets", "--connection", conn_file, "--input", "fetchAll=true"]) == 0
    assert capsys.readouterr().err == ""


_original_init = progress.ProgressLine.__init__


def _eager_init(self: ProgressLine, stream: Any, **kwargs: Any) -> None:
    """A ProgressLine that redraws on every page, so that a fast mocked fetch still draws."""
    _original_init(self, stream, **{**kwargs, "interval": 0.0})
