"""Rendering a Jinja template within bounds, and its failures as one located line.

A template is code the project writes: a mistake in it (a division by zero, a macro calling
itself, an undefined name) is reported with the template's file and line, taken from the
traceback Jinja rewrites to point into the template. Rendering streams the output
(`Template.generate`) and stops past MAX_OUTPUT characters or MAX_SECONDS; `range` is bounded,
so a loop that prints nothing cannot run without limit either.
"""

from __future__ import annotations

import time
import traceback

import jinja2

from unreport.diagnostics import EnvironmentProblem

MAX_OUTPUT = 128_000_000  # characters: far beyond any report (70,000 paragraphs: ~30 MB)
MAX_SECONDS = 300.0
MAX_RANGE = 1_000_000


def bounded_range(*args):
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise OverflowError(f"range() of {len(r)} numbers in a template (at most {MAX_RANGE})")
    return r


def render(template: jinja2.Template, **context) -> str:
    """The template's output; a failure raises TemplateFailure (located)."""
    template.environment.globals["range"] = bounded_range
    start = time.monotonic()
    chunks, size = [], 0
    for chunk in template.generate(**context):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateBound(f"the output passed {MAX_OUTPUT:,} characters",
                                template.filename)
        if time.monotonic() - start > MAX_SECONDS:
            raise TemplateBound(f"rendering took more than {MAX_SECONDS:.0f} s",
                                template.filename)
    return "".join(chunks)


class TemplateBound(Exception):
    def __init__(self, message: str, filename: str | None):
        super().__init__(message)
        self.filename = filename


def template_failure(project, exc: BaseException) -> EnvironmentProblem:
    """A template's runtime failure as `templates/x.j2:LINE: error: ...; fix the template`,
    at the innermost template line of the traceback."""
    where = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".j2", ".jinja", ".html")):
            where = (frame.filename, frame.lineno)
    what = {RecursionError: "it calls itself without end (recursion)",
            ZeroDivisionError: "division by zero"}.get(type(exc), f"{type(exc).__name__}: {exc}")
    if isinstance(exc, jinja2.UndefinedError):
        what = f"{exc} (a name the template uses is not defined)"
    if isinstance(exc, TemplateBound):
        what = f"{exc}: a loop without end?"
        if where is None and exc.filename:
            where = (exc.filename, 0)
    if where is None:
        shown = project.rel(project.templates_dir)
    else:
        shown = project.rel(where[0]) + (f":{where[1]}" if where[1] else "")
    return EnvironmentProblem(f"{shown}: error: template problem: {what}; fix the template")
