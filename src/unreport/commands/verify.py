"""`build.py --verify` and `build.py verify`: report the verify stage's findings."""

from __future__ import annotations

import sys


def run_verify(project, plan, opts) -> int:
    """0 when every output prints the model's numbers and texts; 1 (one line per mismatch)."""
    from unreport.verify import verify_outputs
    diag = verify_outputs(project, plan, opts.formats, project.output_dir)
    for d in diag.errors:
        print(d, file=sys.stderr)
    if diag.errors:
        n = len(diag.errors)
        print(f"{n} mismatch{'es' if n != 1 else ''} between the outputs and the model",
              file=sys.stderr)
        return 1
    n = (len(plan.editions) + len(plan.parallels)) * len(opts.formats)
    print(f"verified: {n} file(s) print the model's numbers and texts")
    return 0
