"""`unreport xliff export|import FILE...`: exchange with CAT tools (translators/xliff.py)."""

from __future__ import annotations

from unreport.commands import selection
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    from unreport.translators.xliff import run_xliff
    opts = selection.options(args)
    return selection.problem(project, opts) or run_xliff(project, opts, args.args)
