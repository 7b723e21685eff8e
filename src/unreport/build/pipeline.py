"""The build: gather everything (load, number, translate, render), then write every output.

Each edition is translated and printed once, here: its printed units (render/units.py) stay on
the edition, and the review documents and `--verify` read them. Only the markups of the
selected formats are rendered (formats.FORMATS says which markup each format reads).

Shaped like MkDocs' commands/build.py: all content and translation problems are found before
any output is written; outputs are produced in memory and then each is written atomically, so
a failed build leaves earlier outputs untouched.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from unreport import formats
from unreport.build.printable import check_printable
from unreport.diagnostics import Collector, Diagnostic
from unreport.files import check_output_dir, write_all_atomic
from unreport.formats import output_name
from unreport.lang.terms import load_terms
from unreport.model.load import load_reports
from unreport.model.nodes import Report
from unreport.model.number import Number
from unreport.project.options import Options
from unreport.project.paths import Project
from unreport.render.edition import Edition, render_edition
from unreport.translate import FUZZY, translate
from unreport.translators.extract import check_labels
from unreport.translators.qa import check_translations


@dataclass
class Plan:
    """Everything gathered before writing."""

    reports: list[tuple[Report, dict[str, Number]]] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    printed: dict = field(default_factory=dict)  # (report, lang) -> [units.Printed]
    parallels: list = field(default_factory=list)  # parallel.ParallelDoc per target language
    up_to_date: int = 0  # outputs not rebuilt: their inputs did not change


def gather(project: Project, opts: Options, on_document=None) -> Plan:
    """Load, number, translate and render every selected report. `on_document(doc,
    parallel=False)` is called with each edition and parallel document as soon as it is
    rendered, while no error has been found yet (the build starts writing it; a later error
    still stops the build before anything is written)."""
    plan = Plan(reports=load_reports(project, opts.report_glob))
    markups = list({f.markup.dialect.name: f.markup
                    for f in formats.selected(opts.formats)}.values())
    keep = opts.review or opts.verify  # the printed units, for the review and verify
    diag = Collector()
    terms = {}  # one per language, so a terminology problem is reported once
    shown: set = set()  # (place, characters) already reported unprintable
    for report, numbers in plan.reports:
        for lang in report.meta.languages:
            if opts.langs and lang not in opts.langs:
                continue
            if lang not in terms:
                terms[lang] = load_terms(project, lang, diag)
                check_labels(project, lang, opts.strict, diag)
            tr = translate(report, lang, project, diag)
            check_printable(project, report, tr, opts, diag, shown)
            edition = render_edition(report, numbers, tr, project, terms[lang], diag, markups)
            if keep:
                plan.printed[(report.id, lang)] = edition.units
            for ident, text in edition.missing:
                what = "not translated" if text.status != FUZZY else \
                    "filled from the translation memory, not confirmed yet" if text.memory \
                    else "changed since it was translated" if text.changed else \
                    "marked fuzzy (to be reviewed)"
                msg = f"{ident}: {what}; the {lang} edition shows the source text"
                if opts.strict:
                    diag.error(text.loc, msg + " (--strict)")
                else:
                    diag.warning(text.loc, msg)
            plan.editions.append(edition)
            if on_document and not diag.errors:
                on_document(edition)
    if opts.qa or opts.strict:
        # in the same run as the translation errors, so one run reports every problem
        check_translations(project, plan.editions, opts.strict, diag)
    if opts.review:
        plan_review(project, plan, opts, markups)
    if on_document and not diag.errors:
        for doc in plan.parallels:
            on_document(doc, parallel=True)
    diag.raise_if_errors()
    plan.warnings = diag.warnings
    return plan


class Outputs:
    """The outputs of one build being made. Each (edition or parallel document, format) whose
    inputs changed (cache.py) starts as soon as its document is rendered: PDFs in typst worker
    processes, DOCX through pandoc and python-docx, on two thread pools of `--jobs` threads
    each, so both kinds and the rendering of the next language run side by side. Nothing is
    written until `finish`; `close` drops everything (a later content error)."""

    def __init__(self, project: Project, opts: Options, out_dir: Path):
        from unreport.build.cache import Cache
        from unreport.build.progress import Progress
        self.project, self.opts, self.out_dir = project, opts, out_dir
        self.cache = Cache.load(out_dir, enabled=opts.cache)
        n = opts.jobs or os.cpu_count() or 1
        self.formats = formats.selected(opts.formats)
        self.pools = {f.name: ThreadPoolExecutor(n) for f in self.formats}
        self.writers: dict = {}
        self.lock = threading.Lock()
        self.jobs: list = []  # (path, cache key, future)
        self.up_to_date = 0
        self.progress = Progress(0)

    def writer(self, fmt, parallel: bool):
        with self.lock:
            return self._writer(fmt, parallel)

    def _writer(self, fmt, parallel: bool):
        """One writer per format, made when first needed; the review document's writer shares
        the edition writer's reference documents or typst workers."""
        key = (fmt.name, parallel)
        if key not in self.writers:
            if parallel:
                self.writers[key] = fmt.make_review_writer(self._writer(fmt, False))
            else:
                self.writers[key] = fmt.make_writer(self.project, self.opts.jobs)
        return self.writers[key]

    def submit(self, doc, parallel: bool = False) -> None:
        """Start the jobs of one document (formats whose output is not up to date)."""
        from unreport.build.cache import edition_key
        for fmt in sorted(self.formats, key=lambda f: f.order):  # the longest first
            path = self.out_dir / output_name(doc, fmt)
            key = edition_key(self.cache, self.project, doc, fmt)
            if self.cache.fresh(path, key):
                self.up_to_date += 1
                continue
            writer = self.writer(fmt, parallel)
            writer.prepare(doc)
            self.progress.add(1)
            self.jobs.append((path, key,
                              self.pools[fmt.name].submit(self._run, writer, doc, path)))

    def _run(self, writer, doc, path: Path) -> bytes:
        data = writer.write(doc)
        self.progress.done(path.name)
        return data

    def finish(self) -> list[Path]:
        """Wait for every job, then write the outputs (each atomically) and the cache."""
        try:
            # made only now: a build stopped by a content error leaves no output folder
            check_output_dir(self.out_dir, self.project.rel(self.out_dir))
            results = [future.result() for _path, _key, future in self.jobs]
        finally:
            self.close(cancel=True)
        written = [path for path, _key, _future in self.jobs]
        write_all_atomic(list(zip(written, results)), shown=self.project.rel)
        for (path, key, _future), data in zip(self.jobs, results):
            self.cache.record(path, key, data)
        self.cache.save()
        return written

    def close(self, cancel: bool = True) -> None:
        """Stop: jobs not started are dropped, running ones end; nothing is written."""
        for pool in self.pools.values():
            pool.shutdown(wait=True, cancel_futures=cancel)
        self.progress.close()
        for writer in self.writers.values():
            close = getattr(writer, "close", None)
            if close is not None:
                close()


def plan_review(project: Project, plan: Plan, opts: Options, markups) -> None:
    """The review documents, from the editions' printed units and, where a report's source
    language is not selected, its source's (printed without writing its edition)."""
    from unreport.render.review import plan_parallels
    quiet = Collector()  # a source edition that is not built reports nothing
    for report, numbers in plan.reports:
        source = report.meta.original
        wanted = [lang for lang in report.meta.languages if lang != source
                  and (report.id, lang) in plan.printed]
        if wanted and (report.id, source) not in plan.printed:
            tr = translate(report, source, project, quiet)
            edition = render_edition(report, numbers, tr, project,
                                     load_terms(project, source, quiet), quiet, markups,
                                     documents=False)
            plan.printed[(report.id, source)] = edition.units
    plan.parallels = plan_parallels(project, plan.reports, plan.printed, markups,
                                    ids=opts.review_ids)


def build(project: Project, opts: Options) -> tuple[Plan, list[Path]]:
    from unreport.build.cache import record_run, unchanged_run
    opts = replace(opts, formats=tuple(f.name for f in formats.selected(opts.formats)))
    out_dir = project.output_dir
    key, last = unchanged_run(project, opts, out_dir)
    if last is not None:  # nothing changed since the same run: read nothing, write nothing
        return Plan(warnings=list(last["warnings"]), up_to_date=len(last["outputs"])), []
    outputs = Outputs(project, opts, out_dir)
    try:
        plan = gather(project, opts, on_document=outputs.submit)
    except BaseException:
        outputs.close(cancel=True)
        raise
    written = outputs.finish()
    plan.up_to_date = outputs.up_to_date
    from unreport.build import manifest
    recorded = outputs.cache.entries
    data = manifest.dumps(manifest.entries(
        plan.editions + plan.parallels, opts.formats, out_dir,
        lambda path: recorded.get(path.name, {}).get("sha256") or manifest.file_sha256(path)))
    manifest.write(out_dir, data)
    record_run(project, opts, out_dir, key,
               [output_name(e, f) for e in plan.editions + plan.parallels for f in opts.formats],
               [str(w) for w in plan.warnings], data.decode("utf-8"))
    return plan, written


__all__ = ["build", "gather", "Options"]
