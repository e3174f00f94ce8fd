"""Importing a component builds no pydantic model: each declaration gets its model on first use, once.

Cold start is measured in `benchmarks/` (`--only coldstart`); these tests check the cause, not the
time: which models exist and which modules are loaded after an import, a manifest and a run.
"""

# No `from __future__ import annotations`: the models below are declared inside test functions.

import json
import subprocess
import sys
import threading
from pathlib import Path

import pydantic

from component import ActionInputs, Input, Inputs
from component.inputs import Id, Text
from component.models import MODEL_ATTRIBUTE
from gorgias_component import gorgias

REPO = Path(__file__).resolve().parents[2]

# Never needed to import a component, build its manifest or run an action over HTTP.
HEAVY = ("pydantic.main", "jsonschema", "fastapi", "starlette", "mcp", "sqlalchemy", "uvicorn",
         "authlib.integrations")

# Runs in a fresh interpreter that must load only what a host loads, so it mocks Gorgias by hand instead of
# importing tests.support.mocked_gorgias (the URL and connection below are the mocked account's).
REPORT = """
import json, sys
import responses
from component.models import MODEL_ATTRIBUTE
from gorgias_component import gorgias
from gorgias_component import gorgias

def report():
    declarations = [*(a.inputs for a in gorgias.actions), *(d.inputs for d in gorgias.data_sources),
                    *(t.inputs for t in gorgias.triggers), *(c.fields for c in gorgias.connections)]
    built = sorted({d.__name__ for d in declarations if MODEL_ATTRIBUTE in d.__dict__})
    return {"declarations": len(declarations), "built": built,
            "heavy": sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))}

steps = {"import": report()}
gorgias.manifest()
steps["manifest"] = report()
with responses.RequestsMock() as mock:
    mock.get("https://acme.gorgias.com/api/tickets/5", json={"id": 5})
    connection = {"key": "apiKey", "fields": {"domain": "acme", "username": "me@acme.com", "apiKey": "k3y"}}
    data = gorgias.run_action("getTicket", {"id": "5"}, connection)["data"]
steps["run"] = {**report(), "data": data}
print(json.dumps(steps))
"""


def _fresh_process_report() -> dict[str, dict[str, object]]:
    done = subprocess.run([sys.executable, "-c", REPORT, *HEAVY], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_importing_and_describing_the_component_builds_no_model_and_a_run_builds_one() -> None:
    """After import and manifest() no declaration has its model; running getTicket builds its model only."""
    steps = _fresh_process_report()
    assert steps["import"]["declarations"] == steps["run"]["declarations"]
    # every action, picklist, trigger and connection is checked
    assert steps["import"]["declarations"] == sum(
        len(items) for items in (gorgias.actions, gorgias.data_sources, gorgias.triggers, gorgias.connections))
    assert (steps["import"]["built"], steps["manifest"]["built"]) == ([], [])
    assert steps["run"]["built"] == ["ApiKeyFields", "GetTicketInputs"]
    assert steps["run"]["data"] == {"id": 5}


def test_no_heavy_module_is_imported_by_import_manifest_or_run() -> None:
    """pydantic's model machinery, jsonschema, the hosts' web stacks and authlib's clients stay unloaded."""
    steps = _fresh_process_report()
    assert (steps["import"]["heavy"], steps["manifest"]["heavy"]) == ([], [])
    assert steps["run"]["heavy"] == ["pydantic.main"]  # the run's two models, and nothing else heavy


def test_a_declaration_gets_its_model_on_first_use_and_keeps_it() -> None:
    """Declaring records the inputs; the first parse builds a pydantic model, a subclass, used from then on."""

    class Note(ActionInputs):
        id: Id = Input("Note ID", required=True)
        text: Text | None = Input("Text")

    assert [spec.key for spec in Note.specs] == ["debug", "id", "text"]
    assert MODEL_ATTRIBUTE not in Note.__dict__
    first = Note.parse({"id": "3"})
    model = Note.__dict__[MODEL_ATTRIBUTE]
    assert issubclass(model, Note) and issubclass(model, pydantic.BaseModel)
    assert type(first) is model and type(Note(id=4)) is model and type(Note.model_validate({"id": 5})) is model
    assert (first.id, first.text, first.debug) == (3, None, False)
    assert list(model.model_fields) == ["debug", "id", "text"]


def test_threads_using_a_declaration_at_once_share_one_model() -> None:
    """Concurrent first uses build the model once, so their instances compare equal."""

    class Tag(Inputs):
        name: Text = Input("Name", required=True)

    start = threading.Barrier(8)
    results: list[object] = []

    def use() -> None:
        start.wait()
        results.append(Tag.parse({"name": "vip"}))

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({type(result) for result in results}) == 1
    assert all(result == results[0] for result in results)
