"""Benchmarks: what the framework costs on top of the HTTP calls it must make anyway (`python -m benchmarks`)."""
