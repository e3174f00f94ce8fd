"""Unit tests of the Gorgias picklists: the exact requests each one sends and the options it returns."""
