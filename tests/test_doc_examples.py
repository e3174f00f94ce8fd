"""The example outputs shipped with the actions and data sources are faithful to the component documentation.

Each ``actions/examples/<key>.json`` / ``datasources/examples/<key>.json`` must render, through the
documentation dump's lossy line format, to exactly the lines the documentation shows for ``<key>``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.doc_examples import DOC, documented_examples, flatten_doc_lines

REPO_ROOT = Path(__file__).resolve().parents[1]
# The contract the tracked copy was taken from, laid read-only beside the clone (CI always has it).
SEED_DOC = REPO_ROOT.parent / "shared" / "seed" / "gorgias-component.txt"
EXAMPLE_DIRS = {"actions": REPO_ROOT / "actions" / "examples", "datasources": REPO_ROOT / "datasources" / "examples"}


def _example_files() -> dict[str, Path]:
    # The documented examples only: the others (built from the Gorgias reference's objects, for the actions the
    # documentation does not cover) are checked in tests/test_example_payloads.py.
    documented = documented_examples(DOC)
    files: dict[str, Path] = {}
    for directory in EXAMPLE_DIRS.values():
        for path in sorted(p for p in directory.glob("*.json") if p.stem in documented):
            assert path.stem not in files, f"example {path.stem} exists twice"
            files[path.stem] = path
    return files


def _data_source_keys() -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    return set(re.findall(r"\| key: (\w+) \| type: ", text))


FILES = _example_files()


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_tracked_documentation_has_not_drifted_from_the_shared_contract() -> None:
    """docs/gorgias-component.txt is byte for byte ../shared/seed/gorgias-component.txt, the contract.

    Every other documentation test reads the tracked copy; this one says when the contract beside the
    clone has changed, so the copy (and the component) must follow. CI lays ../shared beside its clone, so
    there a missing contract is a failure; a checkout without it (a worktree) skips, naming the path.
    """
    if not SEED_DOC.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared contract at {SEED_DOC}")
        pytest.skip(f"no shared contract at {SEED_DOC} to compare the tracked copy with (CI has one)")
    assert DOC.read_bytes() == SEED_DOC.read_bytes()


def test_one_file_per_documented_example() -> None:
    assert set(FILES) == set(documented_examples(DOC))


def test_data_sources_and_actions_in_their_own_directory() -> None:
    data_sources = _data_source_keys()
    assert data_sources, "no data source found in the documentation"
    for key, path in FILES.items():
        expected = "datasources" if key in data_sources else "actions"
        assert path.parent == EXAMPLE_DIRS[expected], f"{key} belongs in {expected}/examples"


@pytest.mark.parametrize("key", sorted(FILES))
def test_example_renders_to_the_documented_lines(key: str) -> None:
    documented = documented_examples(DOC)
    assert key in documented, f"{key} has no example output in the documentation"
    assert flatten_doc_lines(_load(FILES[key])) == documented[key].splitlines()


@pytest.mark.parametrize("key", sorted(FILES))
def test_example_file_format(key: str) -> None:
    path = FILES[key]
    text = path.read_text(encoding="utf-8")
    value = _load(path)
    assert isinstance(value, dict)
    assert list(value) == ["result" if key in _data_source_keys() else "data"]
    assert text == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("value", "lines"),
    [
        ({"data": {}}, ['"data": {}']),
        ({"data": "x"}, ['"data": "x"']),
        (
            {"data": {"a": [], "b": {"c": 1, "d": None}, "e": [{"f": True}, {"f": 0.5}], "g": ["s"], "h": {}}},
            [
                '"data": {',
                '"a": [],',
                '"b": {',
                '"c": 1,',
                '"d": null',
                '"e": [',
                '"f": true',
                '"f": 0.5',
                '"g": [',
                '"h": {}',
            ],
        ),
    ],
)
def test_flatten_rules(value: Any, lines: list[str]) -> None:
    assert flatten_doc_lines(value) == lines
