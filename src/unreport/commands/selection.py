"""What the command line selects, as the stages' Options, checked once for every command
that reads reports: an unknown language or a glob that matches no report is a usage error."""

from __future__ import annotations

import sys

from unreport.diagnostics import printable
from unreport.formats import selected
from unreport.project.options import Options
from unreport.project.paths import Project


def options(args) -> Options:
    return Options(report_glob=args.report, langs=tuple(args.lang),
                   formats=tuple(f.name for f in selected(tuple(args.format))),
                   strict=args.strict, jobs=args.jobs, cache=not args.no_cache,
                   review=not args.no_review, review_ids=args.review_ids,
                   verify=args.verify or args.command == "verify")


def problem(project: Project, opts: Options) -> int:
    """2 after a one-line usage error, or 0 when the selection names what exists."""
    if not project.report_paths(opts.report_glob):
        print(printable(_no_report(project, opts.report_glob)), file=sys.stderr)
        return 2
    unknown = [lang for lang in opts.langs if lang not in project.languages()]
    if unknown:
        print(printable(f"error: unknown language '{unknown[0]}' in --lang (known: "
                        f"{', '.join(project.languages())}); add locales/{unknown[0]}/style.yaml "
                        "or fix the code"), file=sys.stderr)
        return 2
    return 0


def _no_report(project: Project, glob: str) -> str:
    """Why no report is selected: the project folder or its content/ is missing, or nothing
    in content/ matches."""
    root = project.root
    if root.exists() and not root.is_dir():
        return (f"{root}: error: the project folder is a file; give --root the folder that "
                "holds content/")
    if not root.exists():
        return (f"{root}: error: no such folder; give --root the project folder (or make one "
                "with 'unreport new FOLDER')")
    if not project.content_dir.is_dir():
        return (f"{project.content_dir}: error: the project has no content folder; write the "
                "reports in content/ as REPORT.yaml (or make a project with 'unreport new "
                "FOLDER')")
    return f"error: no report matches '{glob}' in {project.content_dir}"


def no_arguments(args) -> int:
    if args.args:
        print(printable(f"error: unexpected argument '{args.args[0]}' for '{args.command}'"),
              file=sys.stderr)
        return 2
    return 0


def print_warnings(plan) -> None:
    for w in plan.warnings:
        print(w, file=sys.stderr)


def run_selected(project: Project, args, once) -> int:
    """`once(opts)` on the command line's selection, after checking it; with --watch again on
    every save (the watch survives every error)."""
    opts = options(args)
    code = problem(project, opts) or no_arguments(args)
    if code:
        return code
    if args.watch:
        from unreport.build.watch import watch
        return watch(project, lambda: once(opts))
    return once(opts)
