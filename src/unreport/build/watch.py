"""`build.py --watch`: build, then rebuild whenever content, locales or templates are saved.

File events come from `watchfiles` (Rust `notify`, debounced); each rebuild goes through the
content-hash cache, so only the outputs whose inputs changed are written again. Errors are
printed as in a normal build and the watch goes on."""

from __future__ import annotations

import sys
import threading
import time
from typing import Callable

from unreport.diagnostics import ContentError, EnvironmentProblem, printable, report_failure
from unreport.project.paths import Project


def watched_dirs(project: Project) -> list[str]:
    return [str(d) for d in (project.content_dir, project.locales_dir, project.templates_dir)
            if d.is_dir()]


def build_reporting(build_once: Callable[[], int]) -> int:
    """One build; content and environment problems are printed, not raised, and so is an
    unexpected failure: the watch goes on whatever one build met."""
    try:
        return build_once()
    except (ContentError, EnvironmentProblem) as exc:
        return report_failure(exc, sys.stderr)
    except Exception as exc:  # noqa: BLE001 (the watch promises to go on)
        print(printable(f"internal error: {type(exc).__name__}: {exc} (the watch goes on; "
                        "rerun without --watch and with --debug and report it)"),
              file=sys.stderr, flush=True)
        return 2


def watch(project: Project, build_once: Callable[[], int],
          stop: threading.Event | None = None, on_build: Callable[[int], None] | None = None
          ) -> int:
    try:
        import watchfiles
    except ImportError:
        raise EnvironmentProblem("--watch needs the 'watchfiles' package: pip install "
                                 "'watchfiles>=1.0,<2' (the README's set-up installs it)") from None
    from unreport.build.cache import reset
    status = build_reporting(build_once)
    if on_build:
        on_build(status)
    dirs = watched_dirs(project)
    print(f"watching {', '.join(project.rel(d) for d in dirs)} (Ctrl-C stops)", flush=True)
    try:
        for changes in watchfiles.watch(*dirs, stop_event=stop, debounce=200, step=50,
                                        rust_timeout=500, yield_on_timeout=False):
            names = sorted({project.rel(path) for _kind, path in changes})
            print(printable(f"changed: {', '.join(names)}"), flush=True)  # names as saved
            start = time.perf_counter()
            reset()
            status = build_reporting(build_once)
            print(f"rebuilt in {time.perf_counter() - start:.2f} s", flush=True)
            if on_build:
                on_build(status)
    except KeyboardInterrupt:
        pass
    return 0
