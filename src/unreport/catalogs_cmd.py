"""`build.py catalogs`: sync every catalog of the selected reports and languages."""

from __future__ import annotations

from .build import Options, load_all
from .catalogs import sync
from .errors import Collector
from .extract import extract_labels, label_languages, sync_messages
from .project import Project


def run_catalogs(project: Project, opts: Options) -> int:
    diag = Collector()
    targets = set()
    for report, _numbers in load_all(project, opts):
        targets.update(lang for lang in report.meta.languages if lang != report.meta.original)
        for lang in report.meta.languages:
            if lang == report.meta.original or (opts.langs and lang not in opts.langs):
                continue
            r = sync(report, lang, project, diag)
            state = "updated" if r.written else "unchanged"
            print(f"{r.path}: {state} ({r.new} new, {r.changed} changed, {r.obsolete} obsolete)")
    labels = extract_labels(project)
    for lang in label_languages(project, targets):
        if opts.langs and lang not in opts.langs:
            continue
        r = sync_messages(project, lang, labels, diag)
        state = "updated" if r.written else "unchanged"
        print(f"{r.path}: {state} ({r.new} new, {r.obsolete} obsolete)")
    diag.raise_if_errors()
    return 0
