"""Helpers shared by the tests (see tests/README.md): tests/conftest.py puts tests/ on
sys.path, so a test imports them as `from helpers.<module> import ...`."""
