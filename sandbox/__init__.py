"""A local, Gorgias-compatible HTTP API server for demos, end-to-end tests and benchmarks."""

from gorgias_component.sandbox.server import Sandbox

__all__ = ["Sandbox"]
