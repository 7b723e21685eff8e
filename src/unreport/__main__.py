"""`python -m unreport`: the same as the `unreport` command."""

from .cli import entry

entry()
