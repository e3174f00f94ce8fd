"""The example outputs shipped with the actions and data sources are faithful to the component documentation.

Each ``actions/examples/<key>.json`` / ``datasources/examples/<key>.json`` must render, through the
documentation dump's lossy line format, to exactly the lines the documentation shows for ``<key>``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

try:
    from tests.support.doc_examples import DOC_CANDIDATES, documented_examples, find_doc, flatten_doc_lines
except ModuleNotFoundError:  # `tests` is not a package: pytest put tests/ itself on sys.path
    from support.doc_examples import DOC_CANDIDATES, documented_examples, find_doc, flatten_doc_lines

REPO_ROOT = Path(__file__).resolve().parents[1]
REPO_DOC = REPO_ROOT / "docs" / "gorgias-component.txt"
SEED_DOC = REPO_ROOT.parent / "shared" / "seed" / "gorgias-component.txt"
EXAMPLE_DIRS = {"actions": REPO_ROOT / "actions" / "examples", "datasources": REPO_ROOT / "datasources" / "examples"}

DOC = find_doc()
pytestmark = pytest.mark.skipif(
    DOC is None,
    reason="component documentation not found (looked for " + ", ".join(map(str, DOC_CANDIDATES)) + ")",
)


def _example_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for directory in EXAMPLE_DIRS.values():
        for path in sorted(directory.glob("*.json")):
            assert path.stem not in files, f"example {path.stem} exists twice"
            files[path.stem] = path
    return files


def _data_source_keys() -> set[str]:
    assert DOC is not None
    text = DOC.read_text(encoding="utf-8")
    return set(re.findall(r"\| key: (\w+) \| type: ", text))


FILES = _example_files()


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_doc_copy_in_repo_matches_the_seed() -> None:
    if not (REPO_DOC.is_file() and SEED_DOC.is_file()):
        pytest.skip("needs both docs/gorgias-component.txt and ../shared/seed/gorgias-component.txt")
    assert REPO_DOC.read_bytes() == SEED_DOC.read_bytes()


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
