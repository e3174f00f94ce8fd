"""JSON Schema documents for the structured inputs of the Gorgias component, shipped as package data."""

__all__: list[str] = []
