"""Tests of OAuth 2.0: authlib-based token handling, the Gorgias OAuth connection, connection files and checks."""
