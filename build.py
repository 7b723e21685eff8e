#!/usr/bin/env python3
"""Build the reports: `python build.py --help`. A thin entry point to unreport.cli."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from unreport.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
