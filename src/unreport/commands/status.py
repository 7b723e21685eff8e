"""`unreport status`: translation progress per language and report (translators/status.py)."""

from __future__ import annotations

from unreport.commands import selection
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    from unreport.translators.status import run_status
    opts = selection.options(args)
    return selection.problem(project, opts) or run_status(project, opts, args.min_percent)
