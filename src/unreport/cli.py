"""Command line: `python build.py [build|check|catalogs|status] [options]`.

Exit status: 0 success; 1 content or translation errors; 2 usage or environment problems.
Errors print as `path:line:col: error: message`, never as a traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import ContentError, EnvironmentProblem, printable, report_failure
from .project import Project

COMMANDS = ("build", "check", "catalogs", "status", "preview", "verify", "xliff")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py", description="Build UN-style multilingual reports: DOCX and PDF for "
        "every report in content/ and every language in its meta.languages.")
    p.add_argument("command", nargs="?", default="build", choices=COMMANDS,
                   help="build (default): write output/; check: validate only; catalogs: sync "
                        "locales/<lang>/<report>.po with the content; status: translation "
                        "progress; preview: PNGs of each edition's first two pages in "
                        "output/preview/; verify: check the outputs already in output/ (see "
                        "--verify); xliff export|import FILE: exchange with CAT tools")
    p.add_argument("args", nargs="*", metavar="ARG", help="xliff: 'export' or 'import FILE...'")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.add_argument("--report", default="*", metavar="GLOB", help="only reports whose ID "
                   "matches GLOB")
    p.add_argument("--lang", action="append", default=[], help="only this language (repeatable)")
    p.add_argument("--format", action="append", choices=("docx", "pdf"), default=[],
                   help="only this format (repeatable)")
    p.add_argument("--strict", action="store_true", help="untranslated or changed entries are "
                   "errors (exit 1), not warnings")
    p.add_argument("--verify", action="store_true", help="after building, read every output "
                   "back and check each unit's printed number and text against the model "
                   "(exit 1 naming the ID and the file on a mismatch)")
    p.add_argument("--jobs", type=int, default=None, help="parallel writers, 1 to 4 x the "
                   "cores (default: cores)")
    p.add_argument("--output", type=Path, default=None, metavar="DIR",
                   help="where outputs go (default: output/ in the project)")
    p.add_argument("--min-percent", type=float, default=None, metavar="N",
                   help="status: exit 1 when a catalog is less than N%% translated")
    p.add_argument("--no-cache", action="store_true", help="rebuild every output, even those "
                   "whose inputs did not change")
    p.add_argument("--no-review", action="store_true", help="build the language editions only, "
                   "not the parallel review documents")
    p.add_argument("--watch", action="store_true", help="build, then rebuild what changed "
                   "whenever content, locales or templates are saved (Ctrl-C stops)")
    p.add_argument("--check", action="store_true", help="catalogs: write nothing; exit 1 "
                   "naming every catalog that is not in step with the content (for CI)")
    p.add_argument("--memory", choices=("fuzzy", "exact"), default="fuzzy",
                   help="catalogs: a new entry whose source text another catalog of the "
                        "language translates is filled from it, fuzzy for review (default), "
                        "or, for exact matches, as translated ('exact')")
    p.add_argument("--no-memory", action="store_true", help="catalogs: do not fill new "
                   "entries from the translation memory")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    usage = usage_problem(args)
    if usage:
        print(printable(f"error: {usage}"), file=sys.stderr)
        return 2
    args.jobs = args.jobs or 0  # 0: as many as there are cores
    project = Project(args.root.resolve(), args.output.resolve() if args.output else None)
    try:
        return run(args, project)
    except (ContentError, EnvironmentProblem) as exc:
        return report_failure(exc, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an unexpected failure is ours, not the editor's
        if args.debug:
            raise
        print(printable(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and "
                        "report it)"), file=sys.stderr)
        return 2


def usage_problem(args) -> str | None:
    """What is wrong with the command line that argparse does not check."""
    import os
    most = (os.cpu_count() or 1) * 4  # more workers than this only exhaust memory
    if args.jobs is not None and not 1 <= args.jobs <= most:
        return (f"--jobs {args.jobs} is out of range: give 1 to 4 x the number of cores, or "
                "leave it out (as many as there are cores)")
    if args.min_percent is not None and not 0 <= args.min_percent <= 100:
        return f"--min-percent {args.min_percent:g} is out of range: give 0 to 100"
    if args.args and args.command != "xliff":
        return (f"unexpected argument '{args.args[0]}' for '{args.command}' (only xliff takes "
                "arguments); see --help")
    return None


def run(args, project: Project) -> int:
    if args.command == "build" and not (args.watch or args.no_cache or args.verify) and \
            project.report_paths(args.report) and _up_to_date(args, project):
        return 0
    if args.command in ("build", "preview") and "pdf" in (tuple(args.format) or ("pdf",)):
        _start_typst_workers(args.jobs, args.watch)
    from .build import Options
    opts = Options(report_glob=args.report, langs=tuple(args.lang),
                   formats=tuple(args.format) or ("docx", "pdf"), strict=args.strict,
                   jobs=args.jobs, cache=not args.no_cache, review=not args.no_review,
                   verify=args.verify or args.command == "verify")
    if not project.report_paths(opts.report_glob):
        print(printable(f"error: no report matches '{opts.report_glob}' in "
                        f"{project.content_dir}"), file=sys.stderr)
        return 2
    unknown = [lang for lang in opts.langs if lang not in project.languages()]
    if unknown:
        print(printable(f"error: unknown language '{unknown[0]}' in --lang (known: "
                        f"{', '.join(project.languages())}); add locales/{unknown[0]}/style.yaml "
                        "or fix the code"), file=sys.stderr)
        return 2
    if args.command == "catalogs":
        from .catalogs import SyncOptions
        from .catalogs_cmd import run_catalogs
        return run_catalogs(project, opts, SyncOptions(
            memory="off" if args.no_memory else args.memory, check=args.check))
    if args.command == "status":
        from .status import run_status
        return run_status(project, opts, args.min_percent)
    if args.command == "xliff":
        from .xliff import run_xliff
        return run_xliff(project, opts, args.args)
    if args.args:
        print(f"error: unexpected argument '{args.args[0]}' for '{args.command}'",
              file=sys.stderr)
        return 2
    if args.command == "preview":
        from .preview import run_preview
        return run_preview(project, opts)
    if args.watch:
        from .watch import watch
        return watch(project, lambda: run_once(args, project, opts))
    return run_once(args, project, opts)


def run_once(args, project: Project, opts) -> int:
    from .build import build, gather
    start = time.perf_counter()
    if args.command == "check":
        from dataclasses import replace
        plan = gather(project, replace(opts, qa=True))
        _print_warnings(plan)
        print(f"ok: {len(plan.reports)} report(s), {len(plan.editions)} edition(s) checked")
        return 0
    if args.command == "verify":
        from .verify_cmd import run_verify
        return run_verify(project, gather(project, opts), opts)
    plan, written = build(project, opts)
    _print_warnings(plan)
    for path in written:
        print(f"wrote {project.rel(path)}")
    fresh = f", {plan.up_to_date} up to date" if plan.up_to_date else ""
    print(f"built {len(written)} file(s){fresh} in {time.perf_counter() - start:.2f} s")
    if args.verify:
        from .verify_cmd import run_verify
        # a build that found nothing changed gathered nothing: gather to know what to expect
        return run_verify(project, plan if plan.reports else gather(project, opts), opts)
    return 0


def _up_to_date(args, project: Project) -> bool:
    """Nothing changed since the same build: say so before even importing the pipeline."""
    from types import SimpleNamespace

    from .cache import unchanged_run
    start = time.perf_counter()
    selection = SimpleNamespace(report_glob=args.report, langs=tuple(args.lang),
                                formats=tuple(args.format) or ("docx", "pdf"),
                                strict=args.strict, cache=True, review=not args.no_review)
    _key, last = unchanged_run(project, selection, project.output_dir)
    if last is None:
        return False
    for w in last["warnings"]:
        print(w, file=sys.stderr)
    print(f"built 0 file(s), {len(last['outputs'])} up to date in "
          f"{time.perf_counter() - start:.2f} s")
    return True


def _start_typst_workers(jobs: int, watch: bool) -> None:
    """Typst worker processes start now (import typst, scan the fonts) while this process
    imports the pipeline and gathers the content (typst_workers.py). A watch keeps what the
    workers memoised for longer, so a recompile after a small change is fast."""
    from .cache import fonts_version
    from .typst_workers import WATCH_RETIRE_MB, shared
    pool = shared(fonts_version(), jobs or None, WATCH_RETIRE_MB if watch else None)
    pool.prestart(pool.size)


def _print_warnings(plan) -> None:
    for w in plan.warnings:
        print(w, file=sys.stderr)
