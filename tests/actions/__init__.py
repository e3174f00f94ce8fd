"""Unit tests of the Gorgias actions: the exact request each one sends and the result it returns."""
