#!/usr/bin/env python3
"""Build the reports: `python build.py --help`, the same as the `unreport` command."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from unreport.cli import entry  # noqa: E402

if __name__ == "__main__":
    entry()
