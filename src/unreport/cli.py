"""Command line: `unreport [build|check|catalogs|status|...] [options]`, the same as
`python -m unreport` and `python build.py` (all three enter through `entry`).

Exit status: 0 success; 1 content or translation errors; 2 usage or environment problems.
Errors print as `path:line:col: error: message`, never as a traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import os
import sys
import importlib
from pathlib import Path

from unreport import __version__
from unreport.diagnostics import ContentError, EnvironmentProblem, printable, report_failure
from unreport.formats import FORMATS, close_all
from unreport.project.paths import Project

# the commands: name -> (module under unreport.commands with `run(project, args) -> int`,
# whether it takes arguments); `build` is the default
COMMANDS = {
    "build": ("build", False),
    "check": ("check", False),
    "catalogs": ("catalogs", False),
    "status": ("status", False),
    "preview": ("preview", False),
    "verify": ("verify", False),
    "xliff": ("xliff", True),
    "new": ("new", True),
    "import": ("import_file", True),
}
ARG_COMMANDS = tuple(name for name, (_module, takes) in COMMANDS.items() if takes)
WATCH_COMMANDS = ("build", "check", "verify")  # the commands run by selection.run_selected


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="unreport", description="Build UN-style multilingual reports: DOCX and PDF for "
        "every report in content/ and every language in its meta.languages.")
    p.add_argument("command", nargs="?", default="build", choices=tuple(COMMANDS),
                   help="build (default): write output/; check: validate only; catalogs: sync "
                        "locales/<lang>/<report>.po with the content; status: translation "
                        "progress; preview: PNGs of each edition's first two pages in "
                        "output/preview/; verify: check the outputs already in output/ (see "
                        "--verify); xliff export|import FILE: exchange with CAT tools; "
                        "new [DIR]: a new project that builds at once; import FILE: a DOCX "
                        "or text report into content/ (see --translation-of)")
    p.add_argument("args", nargs="*", metavar="ARG", help="xliff: 'export' or 'import FILE...'")
    p.add_argument("--version", action="version", version=f"unreport {__version__}")
    p.add_argument("--root", type=Path, default=None, help="project folder (default: the "
                   "nearest folder, here or above, with an unreport.toml, a pyproject.toml "
                   "with [tool.unreport], or a content/ folder)")
    p.add_argument("--report", default="*", metavar="GLOB", help="only reports whose ID "
                   "matches GLOB")
    p.add_argument("--lang", action="append", default=[], help="only this language (repeatable)")
    p.add_argument("--format", action="append", choices=tuple(FORMATS), default=[],
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
    p.add_argument("--review-ids", action="store_true", help="the review documents show each "
                   "row's ID and its translation status in a third column")
    p.add_argument("--watch", action="store_true", help="build, then rebuild what changed "
                   "whenever content, locales or templates are saved (Ctrl-C stops)")
    p.add_argument("--translation-of", metavar="REPORT", default=None,
                   help="import: FILE is a translation of content/REPORT.yaml (its language "
                        "in --lang); write locales/<lang>/REPORT.po aligned by number")
    p.add_argument("--trusted", action="store_true", help="import: imported translations are "
                   "final, not marked fuzzy")
    p.add_argument("--force", action="store_true", help="import: replace an existing content "
                   "file or catalog")
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


def entry() -> None:
    """The console script `unreport`, `python -m unreport` and `python build.py`: run, end the
    typst workers, and leave without the interpreter tearing down the build's objects one by
    one (a tenth of a second after a large report). Every output is written, renamed into
    place and closed by then."""
    try:
        code = main()
    except SystemExit as exc:  # argparse: --help, --version, a usage error
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:
        code = _quiet_closed_pipe()
    close_all()  # every format's worker processes
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone (`unreport status | head -1`)
        pass
    try:
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


def _quiet_closed_pipe() -> int:
    """stdout's reader has gone: what was printed was read; leave quietly with status 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    usage = usage_problem(args)
    if usage:
        print(printable(f"error: {usage}"), file=sys.stderr)
        return 2
    args.jobs = args.jobs or 0  # 0: as many as there are cores
    from unreport.project.settings import find_root, load_settings
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    try:
        settings = load_settings(root)
        output = args.output.resolve() if args.output else \
            ((root / settings.output).resolve() if settings.output else None)
        project = Project(root, output, settings)
        args.strict = args.strict or settings.strict
        args.lang_given = list(args.lang)  # import: the file's language, not the settings'
        args.lang = args.lang or list(settings.languages)
        return run(args, project)
    except (ContentError, EnvironmentProblem) as exc:
        return report_failure(exc, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _quiet_closed_pipe()
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
    if args.watch and args.command not in WATCH_COMMANDS:
        return (f"--watch works with {', '.join(WATCH_COMMANDS)}, not '{args.command}'; leave "
                "it out")
    if args.args and args.command not in ARG_COMMANDS:
        return (f"unexpected argument '{args.args[0]}' for '{args.command}' (only "
                f"{', '.join(ARG_COMMANDS)} take arguments); see --help")
    return None


def run(args, project: Project) -> int:
    """The command's module, from the table, runs it."""
    module, _takes = COMMANDS[args.command]
    return importlib.import_module(f"unreport.commands.{module}").run(project, args)
