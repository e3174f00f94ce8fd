"""The Gorgias packages are imported by their installed names, `gorgias_component.<package>`, everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD_NAMES = re.compile(r"^\s*(?:from|import) (actions|connections|datasources|schemas|sandbox)\b", re.MULTILINE)
SOURCES = sorted(
    path for folder in ("component", "actions", "connections", "datasources", "schemas", "sandbox", "gorgias_component",
                        "tests", "benchmarks")
    for path in (ROOT / folder).rglob("*.py") if not path.is_symlink()
)


def test_sources_are_found() -> None:
    assert len(SOURCES) > 100


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_imports_a_gorgias_package_by_its_top_level_folder_name(path: Path) -> None:
    """`from actions import ...` would load a second copy beside `gorgias_component.actions` (or fail when installed)."""
    found = OLD_NAMES.findall(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.relative_to(ROOT)} imports {found}: run `python3 tools/rename_imports.py`"


def test_the_component_package_links_to_the_repository_folders() -> None:
    for name in ("actions", "connections", "datasources", "schemas", "sandbox"):
        link = ROOT / "gorgias_component" / name
        assert link.is_symlink() and link.resolve() == (ROOT / name).resolve(), name
