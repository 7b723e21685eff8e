"""`unreport import FILE`: a DOCX or text report into content/, or, with --translation-of, a
translation into its catalog (importers/)."""

from __future__ import annotations

from unreport.project.paths import Project


def run(project: Project, args) -> int:
    from unreport.importers.command import run_import
    return run_import(project, args)
