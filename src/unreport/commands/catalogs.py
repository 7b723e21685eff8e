"""`build.py catalogs`: sync every catalog of the selected reports and languages (catalogs.py
for report catalogs, extract.py for the labels' messages.po), with the translation memory
(memory.py). `--check` writes nothing and exits 1 naming every file that would change (CI)."""

from __future__ import annotations

import sys

from unreport.model.load import load_reports
from unreport.project.options import Options
from unreport.translators.catalogs import SyncOptions, sync
from unreport.diagnostics import Collector
from unreport.translators.extract import extract_labels, label_catalog, label_languages, sync_messages
from unreport.translators.memory import load_memory
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog


def run(project: Project, args) -> int:
    from unreport.commands import selection
    opts = selection.options(args)
    code = selection.problem(project, opts)
    if code:
        return code
    return run_catalogs(project, opts, SyncOptions(
        memory="off" if args.no_memory else args.memory, check=args.check))


def run_catalogs(project: Project, opts: Options, sync_opts: SyncOptions | None = None) -> int:
    sync_opts = sync_opts or SyncOptions()
    diag = Collector()
    targets, jobs = set(), []
    for report, _numbers in load_reports(project, opts.report_glob):
        targets.update(lang for lang in report.meta.languages if lang != report.meta.original)
        jobs += [(report, lang) for lang in report.meta.languages
                 if lang != report.meta.original and (not opts.langs or lang in opts.langs)]
    label_langs = [lang for lang in label_languages(project, targets)
                   if not opts.langs or lang in opts.langs]
    # every catalog must be readable before any is rewritten: all or nothing
    paths = [project.catalog_path(r.id, lang) for r, lang in jobs] + \
        [label_catalog(project, lang) for lang in label_langs]
    for path in paths:
        if path.is_file():
            read_catalog(path, project.rel(path), diag)
    diag.raise_if_errors()
    # the memory of each language as the catalogs are now, before any is rewritten
    memories = {} if sync_opts.memory == "off" else \
        {lang: load_memory(project, lang) for lang in sorted({lang for _r, lang in jobs})}
    results = []
    for report, lang in jobs:
        r = sync(report, lang, project, diag, memories.get(lang), sync_opts)
        extra = "".join(f", {n} {what}" for n, what in (
            (r.memory, "from memory"), (r.renamed, "renamed"),
            (r.recovered, "matched back to their ID"), (r.revived, "revived")) if n)
        results.append((r, f"({r.new} new{extra}, {r.changed} changed, "
                           f"{r.obsolete} obsolete)"))
    labels = extract_labels(project)
    for lang in label_langs:
        r = sync_messages(project, lang, labels, diag, sync_opts)
        results.append((r, f"({r.new} new, {r.obsolete} obsolete)"))
    for w in diag.warnings:
        print(w, file=sys.stderr)
    diag.raise_if_errors()
    if sync_opts.check:
        stale = [r for r, _counts in results if r.written]
        for r, counts in results:
            if r.written:
                print(f"{r.path}: error: out of date {counts}; run 'build.py catalogs' and "
                      "commit the result", file=sys.stderr)
        if stale:
            print(f"{len(stale)} catalog(s) out of date; nothing was written", file=sys.stderr)
            return 1
        print(f"ok: {len(results)} catalog(s) in step with the content and templates")
        return 0
    for r, counts in results:
        print(f"{r.path}: {'updated' if r.written else 'unchanged'} {counts}")
    return 0
