"""`unreport verify` and `unreport --verify`: read every output back and report where it does
not print what the model says (verify.py)."""

from __future__ import annotations

import sys

from unreport.commands import selection
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    from unreport.build.pipeline import gather
    return selection.run_selected(
        project, args, lambda opts: report(project, gather(project, opts), opts))


def report(project, plan, opts) -> int:
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
