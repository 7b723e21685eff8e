"""`build.py catalogs`: sync every catalog of the selected reports and languages."""

from __future__ import annotations

from .build import Options, load_all
from .catalogs import sync
from .errors import Collector
from .extract import extract_labels, label_languages, sync_messages
from .project import Project
from .translate import read_catalog


def run_catalogs(project: Project, opts: Options) -> int:
    diag = Collector()
    targets, jobs = set(), []
    for report, _numbers in load_all(project, opts):
        targets.update(lang for lang in report.meta.languages if lang != report.meta.original)
        jobs += [(report, lang) for lang in report.meta.languages
                 if lang != report.meta.original and (not opts.langs or lang in opts.langs)]
    label_langs = [lang for lang in label_languages(project, targets)
                   if not opts.langs or lang in opts.langs]
    # every catalog must be readable before any is rewritten: all or nothing
    paths = [project.catalog_path(r.id, lang) for r, lang in jobs] + \
        [project.locales_dir / lang / "messages.po" for lang in label_langs]
    for path in paths:
        if path.is_file():
            read_catalog(path, project.rel(path), diag)
    diag.raise_if_errors()
    for report, lang in jobs:
        r = sync(report, lang, project, diag)
        print(f"{r.path}: {'updated' if r.written else 'unchanged'} ({r.new} new, "
              f"{r.changed} changed, {r.obsolete} obsolete)")
    labels = extract_labels(project)
    for lang in label_langs:
        r = sync_messages(project, lang, labels, diag)
        print(f"{r.path}: {'updated' if r.written else 'unchanged'} ({r.new} new, "
              f"{r.obsolete} obsolete)")
    diag.raise_if_errors()
    return 0
