"""Helpers shared by the tests, imported explicitly (conftest files hold fixtures only)."""
