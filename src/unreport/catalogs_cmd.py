"""`build.py catalogs`: sync every catalog of the selected reports and languages."""

from __future__ import annotations

from .build import Options, load_all
from .catalogs import sync
from .errors import Collector
from .project import Project


def run_catalogs(project: Project, opts: Options) -> int:
    diag = Collector()
    for report, _numbers in load_all(project, opts):
        for lang in report.meta.languages:
            if lang == report.meta.original or (opts.langs and lang not in opts.langs):
                continue
            r = sync(report, lang, project, diag)
            state = "updated" if r.written else "unchanged"
            print(f"{r.path}: {state} ({r.new} new, {r.changed} changed, {r.obsolete} obsolete)")
    diag.raise_if_errors()
    return 0
