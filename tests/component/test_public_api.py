"""The public surface is deliberate: `component.__all__` and `gorgias_component.__all__` are pinned."""

from __future__ import annotations

import importlib

import pytest

import component
import gorgias_component

COMPONENT_ALL = [
    "Action", "ActionInputs", "ApiError", "AuthError", "Component", "ComponentError", "Connection",
    "ConnectionFields", "DataSource", "DefinitionError", "HttpClient", "Input", "InputError", "Inputs",
    "InternalError", "ListInputs", "ListRequest", "NoInputs", "OpenOptions", "Opened", "Paging", "RateLimitError",
    "RetryPolicy", "Search", "TransportError", "UnknownKeyError", "WriteUncertainError", "action", "data_source",
    "list_action", "picklist",
]


def test_component_exports_exactly_the_pinned_names() -> None:
    """component.__all__ is this sorted list; adding or removing a name is a deliberate change."""
    assert component.__all__ == COMPONENT_ALL
    assert sorted(component.__all__) == component.__all__


def test_a_star_import_gives_exactly_the_exported_names() -> None:
    """`from component import *` binds every pinned name and nothing else."""
    namespace: dict[str, object] = {}
    exec("from component import *", namespace)
    assert sorted(name for name in namespace if name != "__builtins__") == COMPONENT_ALL


@pytest.mark.parametrize("name", COMPONENT_ALL)
def test_every_exported_name_is_the_object_its_defining_module_declares(name: str) -> None:
    """Each export is bound under its own name to the very object its component.* module defines (no alias)."""
    exported = getattr(component, name)
    assert exported.__name__ == name
    assert getattr(importlib.import_module(exported.__module__), name) is exported


def test_exported_names_are_defined_in_the_framework() -> None:
    """Every exported object comes from a component.* module, not from a dependency."""
    for name in COMPONENT_ALL:
        assert getattr(component, name).__module__.startswith("component."), name


def test_gorgias_component_exports_only_the_component() -> None:
    """gorgias_component.__all__ is ["gorgias"], the Component object hosts load."""
    assert gorgias_component.__all__ == ["gorgias"]
    assert isinstance(gorgias_component.gorgias, component.Component)


def test_the_entry_point_loads_the_gorgias_component() -> None:
    """Hosts find the component through the `component.components` entry point named gorgias."""
    from importlib.metadata import entry_points

    (found,) = [ep for ep in entry_points(group="component.components") if ep.name == "gorgias"]
    assert found.load() is gorgias_component.gorgias
