"""Unit tests of the connector framework (`component/`), one module per source module."""
