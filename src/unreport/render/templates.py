"""Rendering a Jinja template within bounds, and its failures as one located line.

A template is code the project writes: a mistake in it (a division by zero, a macro calling
itself, an undefined name) is reported with the template's file and line, taken from the
traceback Jinja rewrites to point into the template. Rendering streams the output
(`Template.generate`) and stops past MAX_OUTPUT characters or MAX_SECONDS; `range` is bounded,
so a loop that prints nothing cannot run without limit either.
"""

from __future__ import annotations

import re
import time
import traceback
from pathlib import Path

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
        missing = _missing_macro(project, exc, where)
        if missing is not None:
            return missing
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


_NO_MACRO = re.compile(r"'jinja2\.environment\.TemplateModule object' has no attribute '(\w+)'")


def _missing_macro(project, exc, where) -> EnvironmentProblem | None:
    """A template that calls `alias.name(...)` of a template it imports `as alias`, where the
    imported file (typically a project's copy of labels.j2 made before a macro was added) has
    no macro `name`: the fault named at that file, with what to do. None for anything else."""
    m = _NO_MACRO.search(str(exc))
    if m is None or where is None:
        return None
    name = m.group(1)
    try:
        lines = Path(where[0]).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    line = lines[where[1] - 1] if 0 < where[1] <= len(lines) else ""
    call = re.search(rf"(\w+)\.{name}\s*\(", line)
    if call is None:
        return None
    alias = call.group(1)
    imported = next((i.group(1) for i in re.finditer(
        rf"""{{%-?\s*import\s+["']([^"']+)["']\s+as\s+{alias}\b""", "\n".join(lines))), None)
    if imported is None:
        return None
    rel = Path(where[0]).parent.name + "/" + imported  # beside the importing template
    path = project.find("templates", rel)
    shipped = project.layers("templates")[-1] / rel
    return EnvironmentProblem(
        f"{project.rel(path)}: error: it has no macro '{name}', which "
        f"{project.rel(where[0])}:{where[1]} calls; add the macro from the shipped "
        f"{project.rel(shipped)}, or delete this copy to use the shipped one")
