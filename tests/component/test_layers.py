"""The framework's modules form layers: no module of `component/` imports, even lazily, one that imports it back.

Every import statement counts, wherever it is (module level, inside a function, under
`TYPE_CHECKING`): a lazy import hides a cycle from the interpreter, not from the reader.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import component

PACKAGE = Path(component.__file__).parent


def _module_name(path: Path) -> str:
    return "component" if path.name == "__init__.py" else f"component.{path.stem}"


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The framework modules `path` imports; `from component import x` names submodule x when there is one."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            if node.module == "component":
                for alias in node.names:
                    found.add(f"component.{alias.name}" if f"component.{alias.name}" in modules else "component")
            elif node.module in modules:
                found.add(node.module)
    found.discard(_module_name(path))
    return found


def import_graph() -> dict[str, set[str]]:
    """Each framework module and the framework modules it imports."""
    paths = sorted(PACKAGE.glob("*.py"))
    modules = {_module_name(path) for path in paths}
    return {_module_name(path): _imports(path, modules) for path in paths}


def layers(graph: dict[str, set[str]]) -> list[list[str]]:
    """Modules grouped bottom-up: each layer imports only modules of the layers below it."""
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    result = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        result.append(ready)
        sorter.done(*ready)
    return result


def test_the_import_graph_sees_lazy_and_type_checking_imports() -> None:
    """The graph is read from every import statement: a function-level import and a package import count."""
    graph = import_graph()
    assert "component.manifest" in graph["component.components"]  # imported inside Component.manifest()
    assert "component.progress" in graph["component.http"]  # `from component import progress`
    assert "component.definitions" in graph["component.manifest"]  # under TYPE_CHECKING


def test_framework_modules_have_no_import_cycle() -> None:
    """definitions, executor, manifest and progress no longer import each other in a circle."""
    try:
        layers(import_graph())
    except CycleError as exc:
        raise AssertionError(f"import cycle among framework modules: {' -> '.join(exc.args[1])}") from None


def test_declarations_sit_below_what_runs_and_describes_them() -> None:
    """The order hosts rely on: errors < inputs < definitions < executor, manifest < components < cli, testing."""
    order = {module: depth for depth, layer in enumerate(layers(import_graph())) for module in layer}
    assert order["component.errors"] == 0
    assert order["component.errors"] < order["component.inputs"] < order["component.definitions"]
    assert order["component.definitions"] < order["component.executor"] < order["component.components"]
    assert order["component.definitions"] < order["component.manifest"] < order["component.components"]
    assert order["component.components"] < order["component.cli"]
    assert order["component.components"] < order["component.testing"]


def test_the_http_layer_knows_no_declarations() -> None:
    """The HTTP client and the progress it reports import nothing that declares or runs actions."""
    graph = import_graph()
    above = {"component", "component.definitions", "component.executor", "component.components",
             "component.manifest", "component.cli"}
    for module in ("component.http", "component.progress", "component.payloads", "component.retries"):
        closure, todo = set(), [module]
        while todo:
            for imported in graph[todo.pop()] - closure:
                closure.add(imported)
                todo.append(imported)
        assert not closure & above, f"{module} reaches {sorted(closure & above)}"
