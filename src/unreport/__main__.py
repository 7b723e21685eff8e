"""`python -m unreport`: the same as the `unreport` command."""

from unreport.cli import entry

entry()
