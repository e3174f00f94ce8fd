"""Rewrite imports of the Gorgias packages to their installed names under `gorgias_component`.

The folders `actions/`, `connections/`, `datasources/`, `schemas/` and `sandbox/` stay at the top of the
repository but are installed as `gorgias_component.actions`, ... (a wheel must not claim such common
top-level names). Run from the repository root; it is idempotent and touches only what still uses the old
names, so a branch that was started before the rename can be brought up to date with one call.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PACKAGES = "actions|connections|datasources|schemas|sandbox"
RULES = [
    (re.compile(rf"^(\s*)from ({PACKAGES})(\.|\s)", re.M), r"\1from gorgias_component.\2\3"),
    # `import pkg` keeps the name `pkg` bound; `import pkg.sub` also binds `pkg` for `pkg.sub.x` uses
    (re.compile(rf"^(\s*)import ({PACKAGES})\s*$", re.M), r"\1from gorgias_component import \2"),
    (re.compile(rf"^(\s*)import ({PACKAGES})(\.[\w.]+)\s*$", re.M),
     r"\1import gorgias_component.\2\3  # noqa: F401 - loads the submodule\n\1from gorgias_component import \2"),
    (re.compile(r'SchemaRef\("schemas"'), 'SchemaRef("gorgias_component.schemas"'),
    (re.compile(rf'PackageJson\("({PACKAGES})"'), r'PackageJson("gorgias_component.\1"'),
    (re.compile(r'("-m", )"sandbox"'), r'\1"gorgias_component.sandbox"'),
    (re.compile(rf'find_spec\("({PACKAGES})"\)'), r'find_spec("gorgias_component.\1")'),
    (re.compile(rf'(patch(?:\.object)?\(\s*)"({PACKAGES})\.'), r'\1"gorgias_component.\2.'),
    (re.compile(rf'(monkeypatch\.setattr\(\s*)"({PACKAGES})\.'), r'\1"gorgias_component.\2.'),
]
SKIP = {".git", ".venv", ".venv-ci", ".venv-dist", "build", "node_modules"}


def rewrite(text: str) -> str:
    """The text with every old-style reference replaced."""
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


def main(root: Path) -> int:
    """Rewrite every Python file below `root`; print the ones changed."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        linked = any((root / parent).is_symlink() for parent in relative.parents)  # gorgias_component/actions -> ../actions
        if set(relative.parts) & SKIP or linked or path.resolve() == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(path.relative_to(root))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
