"""`unreport check`: validate content, catalogs, labels and the translations' QA, write nothing."""

from __future__ import annotations

from dataclasses import replace

from unreport.commands import selection
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    return selection.run_selected(project, args, lambda opts: check_once(project, opts))


def check_once(project: Project, opts) -> int:
    from unreport.build.pipeline import gather
    plan = gather(project, replace(opts, qa=True))
    selection.print_warnings(plan)
    print(f"ok: {len(plan.reports)} report(s), {len(plan.editions)} edition(s) checked")
    return 0
