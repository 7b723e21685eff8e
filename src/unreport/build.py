"""The build: gather everything (load, number, translate, render), then write every output.

Shaped like MkDocs' commands/build.py: all content and translation problems are found before
any output is written; outputs are produced in memory and then each is written atomically, so
a failed build leaves earlier outputs untouched.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Collector, ContentError, Diagnostic
from .load import load_report
from .model import Report
from .number import Number, number
from .output import check_output_dir, write_all_atomic
from .project import Project
from .render import Edition, render_edition
from .terms import load_terms
from .translate import FUZZY, translate

FORMATS = ("docx", "pdf")


@dataclass
class Options:
    report_glob: str = "*"
    langs: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    strict: bool = False
    jobs: int = 0
    cache: bool = True  # False: rebuild every output (--no-cache)
    review: bool = True  # False: no parallel review documents (--no-review)


@dataclass
class Plan:
    """Everything gathered before writing."""

    reports: list[tuple[Report, dict[str, Number]]] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    expected: dict = field(default_factory=dict)  # (report, lang) -> [expect.Expected]
    parallels: list = field(default_factory=list)  # parallel.ParallelDoc per target language
    up_to_date: int = 0  # outputs not rebuilt: their inputs did not change


def load_all(project: Project, opts: Options) -> list[tuple[Report, dict[str, Number]]]:
    """Load and number every selected report, collecting the errors of all of them."""
    paths = project.report_paths(opts.report_glob)
    out, errors = [], []
    for path in paths:
        try:
            report = load_report(path, project)
        except ContentError as exc:
            errors.extend(exc.diagnostics)
            continue
        out.append((report, number(report)))
    if errors:
        raise ContentError(errors)
    return out


def gather(project: Project, opts: Options) -> Plan:
    plan = Plan(reports=load_all(project, opts))
    diag = Collector()
    terms = {}  # one per language, so a terminology problem is reported once
    for report, numbers in plan.reports:
        for lang in report.meta.languages:
            if opts.langs and lang not in opts.langs:
                continue
            if lang not in terms:
                terms[lang] = load_terms(project, lang, diag)
            tr = translate(report, lang, project, diag)
            edition = render_edition(report, numbers, tr, project, terms[lang], diag)
            for ident, text in edition.missing:
                what = "changed since it was translated" if text.status == FUZZY else \
                    "not translated"
                msg = f"{ident}: {what}; the {lang} edition shows the source text"
                if opts.strict:
                    diag.error(text.loc, msg + " (--strict)")
                else:
                    diag.warning(text.loc, msg)
            plan.editions.append(edition)
    plan_review(project, plan, opts)
    diag.raise_if_errors()
    plan.warnings = diag.warnings
    return plan


def output_name(edition, fmt: str) -> str:
    """<report>.<lang>.<fmt> for an edition; <report>.<source>-<lang>.<fmt> for a parallel doc."""
    name = getattr(edition, "name", None) or f"{edition.report.id}.{edition.lang}"
    return f"{name}.{fmt}"


def write_all(project: Project, plan: Plan, opts: Options, out_dir: Path | None = None
              ) -> list[Path]:
    """Run the (edition, format) jobs whose inputs changed on one worker pool; returns the
    outputs written (the others were up to date: see cache.py)."""
    from .cache import Cache, edition_key
    from .progress import Progress
    out_dir = out_dir or project.output_dir
    check_output_dir(out_dir, project.rel(out_dir))
    cache = Cache.load(out_dir, enabled=opts.cache)
    jobs = []  # (edition or parallel document, format, path, cache key) to write
    docs = [(doc, fmt) for doc in plan.editions + plan.parallels for fmt in opts.formats]
    for doc, fmt in docs:
        path = out_dir / output_name(doc, fmt)
        key = edition_key(cache, project, doc, fmt)
        if not cache.fresh(path, key):
            jobs.append((doc, fmt, path, key))
    plan.up_to_date = len(docs) - len(jobs)
    writers = {}
    if any(fmt == "docx" for _e, fmt, _p, _k in jobs):
        from .write_docx import DocxWriter
        writers["docx"] = DocxWriter(project)
    if any(fmt == "pdf" for _e, fmt, _p, _k in jobs):
        from .write_pdf import PdfWriter
        writers["pdf"] = PdfWriter.shared(project)
    review_writers = parallel_writers(writers)
    parallels = {id(p) for p in plan.parallels}
    # the longest (PDF) jobs first; typst compiles in this process holding the GIL, so one
    # thread more than N keeps N pandoc processes busy while a PDF compiles
    jobs.sort(key=lambda j: j[1] != "pdf")
    workers = (opts.jobs or os.cpu_count() or 1) + ("pdf" in writers)
    progress = Progress(len(jobs))

    def run(job):
        doc, fmt, path, _key = job
        data = (review_writers if id(doc) in parallels else writers)[fmt].write(doc)
        progress.done(path.name)
        return data
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(run, jobs))
    finally:
        progress.close()
        if "docx" in writers:
            writers["docx"].close()
    written = [path for _doc, _fmt, path, _key in jobs]
    write_all_atomic(list(zip(written, results)), shown=project.rel)
    for (_doc, _fmt, path, key), data in zip(jobs, results):
        cache.record(path, key, data)
    cache.save()
    return written


def plan_review(project: Project, plan: Plan, opts: Options) -> None:
    """What each edition prints (for --verify) and the parallel review documents."""
    from .expect import plan_expected
    from .parallel import plan_parallels
    plan.expected = plan_expected(project, plan.reports, opts.langs)
    if opts.review:
        plan.parallels = plan_parallels(project, plan.reports, plan.expected)


def parallel_writers(writers: dict) -> dict:
    from .write_parallel import ParallelDocxWriter, ParallelPdfWriter
    kinds = {"docx": ParallelDocxWriter, "pdf": ParallelPdfWriter}
    return {fmt: kinds[fmt](w) for fmt, w in writers.items()}


def build(project: Project, opts: Options) -> tuple[Plan, list[Path]]:
    from .cache import record_run, unchanged_run
    out_dir = project.output_dir
    key, last = unchanged_run(project, opts, out_dir)
    if last is not None:  # nothing changed since the same run: read nothing, write nothing
        return Plan(warnings=list(last["warnings"]), up_to_date=len(last["outputs"])), []
    plan = gather(project, opts)
    written = write_all(project, plan, opts, out_dir)
    record_run(project, opts, out_dir, key,
               [output_name(e, f) for e in plan.editions + plan.parallels for f in opts.formats],
               [str(w) for w in plan.warnings])
    return plan, written


__all__ = ["build", "gather", "Options"]
