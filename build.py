#!/usr/bin/env python3
"""Build the reports: `python build.py --help`. A thin entry point to unreport.cli."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from unreport.cli import main  # noqa: E402

if __name__ == "__main__":
    code = main()
    # every output is written, renamed into place and closed by now: end the typst workers,
    # flush, and leave without the interpreter tearing down the build's objects one by one
    # (a tenth of a second after a large report)
    workers = sys.modules.get("unreport.typst_workers")
    if workers:
        workers.close_all()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
